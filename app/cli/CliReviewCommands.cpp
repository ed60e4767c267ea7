#include "CliReviewCommands.h"

#include "Cli.h"
#include "CliFormat.h"
#include "TextTable.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"
#include "services/SameFile.h"
#include "services/Session.h"

#include <QJsonArray>

QList<CommandSpec> CliReviewCommands::commands()
{
    CommandSpec tasks;
    tasks.name = QStringLiteral("tasks");
    tasks.synopsis = QStringLiteral("[--all] [--no-signals]");
    tasks.summary = tr("List the open validation tasks you may review");
    tasks.description = tr("Tasks assigned to you (platform admins: every task but those on "
                           "their own certificates). With --all, decided tasks too.");
    tasks.options = {{QStringLiteral("all"), QString(), tr("Include validated and rejected tasks")},
                     {QStringLiteral("no-signals"), QString(),
                      tr("With --json, do not read each task's PDF for its signals (faster)")}};
    tasks.example = QStringLiteral("certdesk-cli --as maria.schmidt@demo.example tasks");
    tasks.handler = &CliReviewCommands::tasks;

    CommandSpec review;
    review.name = QStringLiteral("review");
    review.synopsis = QStringLiteral("TASK --validate|--reject [--comment TEXT] [--name NAME] "
                                     "[--delivered YYYY-MM-DD] [--expires YYYY-MM-DD|--no-expiry] "
                                     "[--template NAME|--no-template]");
    review.summary = tr("Validate or reject a pending certificate, optionally correcting it");
    review.description = tr("TASK is the number 'tasks' shows. A rejection needs --comment, which "
                            "the owner receives. If another reviewer decided first, nothing is "
                            "changed and you are told who.");
    review.positionals = {QStringLiteral("TASK")};
    review.requiredPositionals = 1;
    review.options = {
        {QStringLiteral("validate"), QString(), tr("Validate the certificate")},
        {QStringLiteral("reject"), QString(), tr("Reject the certificate (needs --comment)")},
        {QStringLiteral("comment"), QStringLiteral("TEXT"), tr("Comment for the owner")},
        {QStringLiteral("name"), QStringLiteral("NAME"), tr("Correct the certificate name")},
        {QStringLiteral("delivered"), QStringLiteral("YYYY-MM-DD"),
         tr("Correct the delivery date")},
        {QStringLiteral("expires"), QStringLiteral("YYYY-MM-DD"),
         tr("Correct the expiration date")},
        {QStringLiteral("no-expiry"), QString(), tr("Remove the expiration date")},
        {QStringLiteral("template"), QStringLiteral("NAME"),
         tr("Associate an internal certificate template")},
        {QStringLiteral("no-template"), QString(), tr("Remove the associated template")},
    };
    review.exactlyOne = {{QStringLiteral("validate"), QStringLiteral("reject")}};
    review.atMostOne = {{QStringLiteral("expires"), QStringLiteral("no-expiry")},
                        {QStringLiteral("template"), QStringLiteral("no-template")}};
    review.example = QStringLiteral("certdesk-cli --as maria.schmidt@demo.example review 12 "
                                    "--reject --comment 'Please upload the certificate itself'");
    review.handler = &CliReviewCommands::review;

    CommandSpec inbox;
    inbox.name = QStringLiteral("notifications");
    inbox.synopsis = QStringLiteral("[--unread]");
    inbox.summary = tr("List your notifications, newest first");
    inbox.options = {{QStringLiteral("unread"), QString(), tr("Only unread notifications")}};
    inbox.example = QStringLiteral("certdesk-cli --as emma.wilson@demo.example notifications "
                                   "--unread");
    inbox.handler = &CliReviewCommands::notifications;

    return {tasks, review, inbox};
}

namespace {
QJsonObject signalsOf(Cli &cli, const Certificate &certificate)
{
    const auto bytes = cli.session().certificates().pdf(cli.actorId(), certificate.id);
    const PdfLimits limits = cli.session().policy().settings().storedPdfLimits();
    const PdfCheckResult pdf = PdfCheck::checkBytes(bytes ? bytes.value() : QByteArray(), limits);
    const auto holders = SameFile::holders(cli.session(), certificate.id);
    const ReviewSignals::Facts facts = ReviewSignals::facts(
        pdf, certificate.ownerName, holders ? holders.value() : QList<SameFileHolder>());
    return CliFormat::reviewSignals(pdf, facts);
}
} // namespace

int CliReviewCommands::tasks(Cli &cli, const Invocation &args)
{
    ReviewService &service = cli.session().reviews();
    // A page at a time (keyset on the id): no query reads every task at once.
    QList<ValidationTask> all;
    const bool openOnly = !args.has(QStringLiteral("all"));
    for (Id after = 0;;) {
        const auto page = service.tasks(cli.actorId(), openOnly, after, 500);
        if (!page)
            return cli.refuse(page.error());
        all += page.value();
        if (page->size() < 500)
            break;
        after = page->constLast().id;
    }
    const QList<ValidationTask> *tasks = &all;
    QJsonArray list;
    TextTable table({tr("TASK"), tr("CERTIFICATE"), tr("OWNER"), tr("DELIVERED"), tr("EXPIRES"),
                     tr("STATE"), tr("SENT")});
    // With --json, each task's "signals": the PDF reader on its stored PDF
    // and the same-file question, as the task view shows them (ReviewSignals).
    const bool withSignals = cli.json() && !args.has(QStringLiteral("no-signals"));
    for (const ValidationTask &t : *tasks) {
        QJsonObject item = CliFormat::task(cli, t);
        if (withSignals)
            item.insert(QStringLiteral("signals"), signalsOf(cli, t.certificate));
        list.append(item);
        const Certificate &c = t.certificate;
        table.addRow({QString::number(t.id), c.name,
                      CliFormat::person(c.ownerName, cli.emailOf(c.ownerId)),
                      CliFormat::dateText(c.delivered), CliFormat::dateText(c.expires),
                      Domain::taskStateKey(t.state), CliFormat::dateTimeText(t.createdAt)});
    }
    if (cli.json())
        cli.printJson(list);
    else
        cli.printTable(table, tr("No validation tasks."));
    return Cli::Done;
}

int CliReviewCommands::review(Cli &cli, const Invocation &args)
{
    ReviewDecision decision;
    bool ok = false;
    decision.taskId = args.positional(0).trimmed().toLongLong(&ok);
    if (!ok || decision.taskId <= 0)
        return cli.refuse(tr("\"%1\" is not a task number: use a number that 'certdesk-cli tasks' "
                             "shows.")
                              .arg(args.positional(0)));
    decision.validate = args.has(QStringLiteral("validate"));
    decision.comment = args.value(QStringLiteral("comment"));
    QString error;
    const auto edits = cli.fieldEdits(&error);
    if (!edits)
        return cli.refuse(error);
    edits->applyTo(decision);

    ReviewService &service = cli.session().reviews();
    const auto task = service.review(cli.actorId(), decision);
    if (!task)
        return cli.refuse(task.error());
    if (cli.json()) {
        cli.printJson(CliFormat::task(cli, task.value()));
        return Cli::Done;
    }
    const Certificate &c = task->certificate;
    const QString person = CliFormat::person(c.ownerName, cli.emailOf(c.ownerId));
    if (decision.validate)
        cli.print(
            tr("Validated task %1: \"%2\" of %3 is now validated; %4 is notified.")
                .arg(QString::number(task->id), TextTable::sanitize(c.name), person, c.ownerName));
    else
        cli.print(
            tr("Rejected task %1: \"%2\" of %3 is now rejected; %4 is notified with your "
               "comment.")
                .arg(QString::number(task->id), TextTable::sanitize(c.name), person, c.ownerName));
    return Cli::Done;
}

int CliReviewCommands::notifications(Cli &cli, const Invocation &args)
{
    NotificationService &service = cli.session().notifications();
    const bool unread = args.has(QStringLiteral("unread"));
    QList<Notification> all;
    Id before = 0;
    const int page = 500;
    for (;;) {
        const auto rows = service.notifications(cli.actorId(), unread, before, page);
        if (!rows)
            return cli.refuse(rows.error());
        all += rows.value();
        if (rows->size() < page)
            break;
        before = rows->constLast().id;
    }
    QJsonArray list;
    TextTable table({tr("ID"), tr("DATE"), tr("READ"), tr("TITLE")});
    for (const Notification &n : std::as_const(all)) {
        list.append(CliFormat::notification(n));
        table.addRow({QString::number(n.id), CliFormat::dateTimeText(n.createdAt),
                      n.read ? tr("yes") : tr("no"), n.title()});
    }
    if (cli.json())
        cli.printJson(list);
    else
        cli.printTable(table, unread ? tr("No unread notifications.") : tr("No notifications."));
    return Cli::Done;
}
