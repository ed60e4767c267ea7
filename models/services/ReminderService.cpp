#include "services/ReminderService.h"

#include "policy/PlatformSettings.h"
#include "policy/Policy.h"
#include "services/NotificationService.h"
#include "storage/Transaction.h"

ReminderService::ReminderService(Database &db) : m_db(db) {}

Result<ReminderRun> ReminderService::run(const QDate &today, bool dryRun,
                                         const std::function<bool()> &stop)
{
    if (!today.isValid())
        return makeError(ErrorKind::Invalid, tr("Reminders need the date of today."));
    const QSqlDatabase db = m_db.connection();
    if (ReminderStore(db).isServer())
        return runOnServer(today, dryRun, stop);

    const auto settings = PlatformSettings::load(db);
    if (!settings)
        return settings.error();
    ReminderRun run;
    run.today = today;
    run.dryRun = dryRun;
    if (settings->reminderDays.isEmpty())
        return run;
    const Policy policy(db);
    ReminderStore store(db);
    QDate afterExpires;
    Id afterId = 0;
    for (;;) {
        if (stop && stop())
            break;
        QString error;
        // Read outside the batch's transaction; each claim checks again.
        const QList<Reminder> page = store.candidates(today, settings->reminderDays, afterExpires,
                                                      afterId, BatchSize, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage,
                             tr("Could not read the certificates: %1").arg(error));
        if (page.isEmpty())
            break;
        afterExpires = page.last().expiresOn;
        afterId = page.last().certificateId;

        QList<Reminder> written;
        Transaction tx(db);
        if (!tx.isActive())
            return makeError(ErrorKind::Storage, tx.error());
        for (Reminder reminder : page) {
            if (!dryRun && !store.claim(reminder, today, &error)) {
                if (!error.isEmpty())
                    break;
                // Claimed by a job running now (or no longer reminded of:
                // revoked or renewed since the page was read).
                ++run.claimedElsewhere;
                continue;
            }
            const auto recipients = policy.reminderRecipients(settings.value(), reminder.ownerId);
            if (!recipients) {
                error = recipients.message();
                break;
            }
            reminder.recipients = store.people(recipients.value(), &error);
            for (const Reminder::Recipient &person : std::as_const(reminder.recipients)) {
                if (dryRun || !error.isEmpty())
                    break;
                // A reminder about someone else's certificate names its owner.
                const Id whose = person.id == reminder.ownerId ? 0 : reminder.ownerId;
                NotificationService::notify(db, person.id, NotificationCategory::Reminder,
                                            reminder.certificateId, 0, whose, QString(), &error,
                                            reminder.daysLeft);
            }
            if (!error.isEmpty())
                break;
            reminder.sent = true;
            written << reminder;
        }
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, tr("Could not send the reminders: %1").arg(error));
        if (!tx.commit())
            return makeError(ErrorKind::Storage,
                             tr("Could not send the reminders: %1").arg(tx.error()));
        run.sent << written;
        if (page.size() < BatchSize)
            break;
    }
    return run;
}

Result<ReminderRun> ReminderService::runOnServer(const QDate &today, bool dryRun,
                                                 const std::function<bool()> &stop)
{
    const QSqlDatabase db = m_db.connection();
    ReminderStore store(db);
    ReminderRun run;
    run.today = today;
    run.dryRun = dryRun;
    QDate afterExpires;
    Id afterId = 0;
    for (;;) {
        if (stop && stop())
            break;
        QString error;
        Transaction tx(db);
        if (!tx.isActive())
            return makeError(ErrorKind::Storage, tx.error());
        const QList<Reminder> page =
            store.sendOnServer(today, dryRun, afterExpires, afterId, BatchSize, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, tr("Could not send the reminders: %1").arg(error));
        if (!tx.commit())
            return makeError(ErrorKind::Storage,
                             tr("Could not send the reminders: %1").arg(tx.error()));
        for (const Reminder &reminder : page) {
            if (reminder.sent)
                run.sent << reminder;
            else
                ++run.claimedElsewhere;
        }
        if (page.size() < BatchSize)
            break;
        afterExpires = page.last().expiresOn;
        afterId = page.last().certificateId;
    }
    return run;
}
