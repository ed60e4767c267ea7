#pragma once

#include "CommandLine.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

struct MailRound;
struct OutboxEntry;

// mail-relay (the outbox sender as a service or one pass), and mail status,
// mail failed, mail retry, mail password for platform admins.
class CliMailCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliMailCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int relay(Cli &cli, const Invocation &args);
    static int status(Cli &cli, const Invocation &args);
    static int failed(Cli &cli, const Invocation &args);
    static int retry(Cli &cli, const Invocation &args);
    static int password(Cli &cli, const Invocation &args);

    static int relayOnce(Cli &cli);
    // Today's reminders: how many were sent, or -1 and *problem.
    static int remind(Cli &cli, const std::function<bool()> &stop, QString *problem);
    static int relayService(Cli &cli, int interval);
    // sent, rescheduled, deferred, gave_up, stopped, server_problem,
    // last_error, next_attempt_at
    static QJsonObject roundJson(const MailRound &round);
    static QString roundText(const MailRound &round);
    // id, recipient, subject, language, state, attempts, created_at,
    // last_attempt_at, next_attempt_at, sent_at, last_error, message_id,
    // notification_id
    static QJsonObject emailJson(const OutboxEntry &email);
};
