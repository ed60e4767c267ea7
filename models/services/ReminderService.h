#pragma once

#include "core/Result.h"
#include "storage/Database.h"
#include "storage/ReminderStore.h"

#include <QCoreApplication>
#include <QDate>

#include <functional>

// What one run of the reminder job did (or, dry, would do).
struct ReminderRun
{
    QDate today;
    bool dryRun = false;
    // The reminders this run wrote (a dry run: would write), in expiry order.
    QList<Reminder> sent;
    // Due reminders another job running at the same time wrote first.
    int claimedElsewhere = 0;
};

// The reminder job (README "Reminders"): for each certificate whose
// threshold of reminders.days is reached and not yet reminded of, the owner
// and, with reminders.manager, their manager (else the group admins R3 routes
// to) get an in-app notification and, unless they turned reminder emails
// off, an email through the outbox, each in their language. Once per
// certificate and threshold, whatever runs it and however many run at once:
// the reminder is claimed in reminders_sent in the transaction that writes
// its notifications. A job that did not run for a while sends only the
// latest threshold due. certdesk-cli reminders, the mail relay and the
// desktop app (on SQLite) run it; on a prepared server only relays and
// platform admins may (cd_api.send_reminders).
class ReminderService
{
    Q_DECLARE_TR_FUNCTIONS(ReminderService)

public:
    explicit ReminderService(Database &db);

    // Certificates handled per transaction.
    static constexpr int BatchSize = 200;

    // stop, when given, is asked between two batches (what was written stays).
    Result<ReminderRun> run(const QDate &today, bool dryRun,
                            const std::function<bool()> &stop = {});

private:
    Result<ReminderRun> runOnServer(const QDate &today, bool dryRun,
                                    const std::function<bool()> &stop);

    Database &m_db;
};
