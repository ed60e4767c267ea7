#pragma once

#include "CommandLine.h"

#include <QCoreApplication>
#include <QJsonObject>

struct ReminderRun;

// reminders: the reminder job (README "Reminders"), for cron or a systemd
// timer.
class CliReminderCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliReminderCommands)

public:
    static QList<CommandSpec> commands();
    // today, dry_run, sent (the reminders: certificate, name, owner, expires,
    // days_left, threshold_days, recipients), count, emails,
    // claimed_elsewhere
    static QJsonObject runJson(const ReminderRun &run);

private:
    static int reminders(Cli &cli, const Invocation &args);
};
