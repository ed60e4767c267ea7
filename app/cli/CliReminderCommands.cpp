#include "CliReminderCommands.h"

#include "Cli.h"
#include "CliFormat.h"
#include "TextTable.h"
#include "services/ReminderService.h"

#include <QJsonArray>

QList<CommandSpec> CliReminderCommands::commands()
{
    CommandSpec reminders;
    reminders.name = QStringLiteral("reminders");
    reminders.synopsis = QStringLiteral("[--dry-run]");
    reminders.summary = tr("Send the reminders due today before certificates expire (cron, a "
                           "timer)");
    reminders.description =
        tr("For each certificate that reached a threshold of the reminders.days setting and "
           "was not reminded of at that threshold, tells its owner (and, with reminders.manager, "
           "their manager, else the group admins) in the app and by email through the outbox. "
           "Each reminder is sent once, however often and by however many jobs this runs; a job "
           "that did not run for a while sends only the latest threshold due. Prints what it "
           "sent. --dry-run prints what it would send and writes nothing. Today is the system's "
           "date, or $CERTDESK_TODAY. Needs no --as: on SQLite access to the file is the job's "
           "authority; on a PostgreSQL database prepared by setup, a relay login or a platform "
           "admin's.");
    reminders.options = {
        {QStringLiteral("dry-run"), QString(), tr("Print what would be sent; write nothing")},
    };
    reminders.example =
        QStringLiteral("certdesk-cli --db postgresql://relay@db.example.org/certdesk reminders");
    reminders.needsActor = false;
    reminders.handler = &CliReminderCommands::reminders;
    return {reminders};
}

QJsonObject CliReminderCommands::runJson(const ReminderRun &run)
{
    QJsonArray sent;
    int emails = 0;
    for (const Reminder &r : run.sent) {
        QJsonArray recipients;
        for (const Reminder::Recipient &person : r.recipients) {
            recipients.append(QJsonObject{{QStringLiteral("id"), person.id},
                                          {QStringLiteral("name"), person.name},
                                          {QStringLiteral("emailed"), person.emailed}});
            emails += person.emailed ? 1 : 0;
        }
        sent.append(QJsonObject{
            {QStringLiteral("certificate"), r.certificateId},
            {QStringLiteral("name"), r.certificateName},
            {QStringLiteral("owner"), r.ownerName},
            {QStringLiteral("owner_id"), r.ownerId},
            {QStringLiteral("expires"), CliFormat::date(r.expiresOn)},
            {QStringLiteral("days_left"), r.daysLeft},
            {QStringLiteral("threshold_days"), r.threshold},
            {QStringLiteral("recipients"), recipients},
        });
    }
    return QJsonObject{
        {QStringLiteral("today"), CliFormat::date(run.today)},
        {QStringLiteral("dry_run"), run.dryRun},
        {QStringLiteral("count"), int(run.sent.size())},
        {QStringLiteral("emails"), emails},
        {QStringLiteral("claimed_elsewhere"), run.claimedElsewhere},
        {QStringLiteral("sent"), sent},
    };
}

int CliReminderCommands::reminders(Cli &cli, const Invocation &args)
{
    const bool dryRun = args.has(QStringLiteral("dry-run"));
    ReminderService service(cli.db());
    const auto run = service.run(Domain::today(), dryRun);
    if (!run)
        return cli.refuse(run.error());
    if (cli.json()) {
        cli.printJson(runJson(run.value()));
        return Cli::Done;
    }
    TextTable table({tr("CERTIFICATE"), tr("NAME"), tr("OWNER"), tr("EXPIRES"), tr("DAYS LEFT"),
                     tr("RECIPIENTS")});
    int emails = 0;
    for (const Reminder &r : run->sent) {
        QStringList people;
        for (const Reminder::Recipient &person : r.recipients) {
            people << (person.emailed ? person.name : tr("%1 (in-app only)").arg(person.name));
            emails += person.emailed ? 1 : 0;
        }
        table.addRow({QString::number(r.certificateId), r.certificateName, r.ownerName,
                      CliFormat::dateText(r.expiresOn), QString::number(r.daysLeft),
                      people.join(QStringLiteral(", "))});
    }
    const QString today = run->today.toString(Qt::ISODate);
    if (run->sent.isEmpty()) {
        cli.print(dryRun ? tr("No reminder is due on %1.").arg(today)
                         : tr("No reminder was due on %1: nothing sent.").arg(today));
        return Cli::Done;
    }
    QString text = table.render();
    text += dryRun ? tr("Would send %n reminder(s) on %1 (%2 email(s)); nothing written.", nullptr,
                        int(run->sent.size()))
                         .arg(today)
                         .arg(emails)
                   : tr("Sent %n reminder(s) on %1 (%2 email(s) queued in the outbox).", nullptr,
                        int(run->sent.size()))
                         .arg(today)
                         .arg(emails);
    if (run->claimedElsewhere > 0)
        text += QLatin1Char('\n') + tr("%n reminder(s) were sent by another job at the same time.",
                                       nullptr, run->claimedElsewhere);
    cli.print(text);
    return Cli::Done;
}
