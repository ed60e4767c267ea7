#include "CliMailCommands.h"

#include "Cli.h"
#include "CliFormat.h"
#include "PasswordPrompt.h"
#include "TextTable.h"
#include "mail/MailOutbox.h"
#include "mail/OutboxSender.h"
#include "policy/MailSecret.h"
#include "policy/SettingsService.h"
#include "services/ReminderService.h"
#include "services/Session.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cerrno>
#include <csignal>
#include <ctime>

#include <pthread.h>

namespace {
const char *const kMailPasswordVariable = "CERTDESK_MAIL_PASSWORD";

// SIGINT and SIGTERM are blocked while the relay runs and looked at between
// two emails: the email being sent is finished and recorded, then it stops.
class StopSignals
{
public:
    StopSignals()
    {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGINT);
        sigaddset(&m_set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &m_set, &m_saved);
    }
    ~StopSignals()
    {
        // Take what is pending, so unblocking does not kill the process.
        const timespec none{0, 0};
        while (sigtimedwait(&m_set, nullptr, &none) > 0) {
        }
        pthread_sigmask(SIG_SETMASK, &m_saved, nullptr);
    }
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    bool pending()
    {
        if (m_received)
            return true;
        sigset_t pendingSet;
        sigpending(&pendingSet);
        m_received =
            sigismember(&pendingSet, SIGINT) == 1 || sigismember(&pendingSet, SIGTERM) == 1;
        return m_received;
    }
    // Waits up to seconds; true when a stop signal came.
    bool wait(int seconds)
    {
        if (pending())
            return true;
        const timespec timeout{seconds, 0};
        for (;;) {
            const int signal = sigtimedwait(&m_set, nullptr, &timeout);
            if (signal > 0) {
                m_received = true;
                return true;
            }
            if (errno != EINTR)
                return false; // EAGAIN: the time is up
        }
    }

private:
    sigset_t m_set;
    sigset_t m_saved;
    bool m_received = false;
};

QString utcText(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODate);
}
} // namespace

QList<CommandSpec> CliMailCommands::commands()
{
    CommandSpec relay;
    relay.name = QStringLiteral("mail-relay");
    relay.synopsis = QStringLiteral("[--once | --interval SECONDS]");
    relay.summary = tr("Send the outbox's emails through the SMTP server (a service, or --once)");
    relay.description =
        tr("Sends the emails that are due through the server (or into the folder) of the "
           "mail.* settings, with "
           "retries and backoff, until SIGINT or SIGTERM (it stops after the email being sent). "
           "It also runs the reminders before expiry once a day (as 'reminders' does). "
           "With --once it sends today's reminders and what is due and exits: 0 when every due "
           "email was sent or rescheduled, 1 when one was given up, the reminders failed, mail "
           "is not configured or the database failed. Several relays may run on one PostgreSQL "
           "database. Needs no --as: the "
           "database login (or, for SQLite, access to the file) is the relay's authority, and "
           "the SMTP password is decrypted with the mail key of the relay's user ($%1 or %2).")
            .arg(MailSecret::keyVariable(), MailSecret::keyFile());
    relay.options = {
        {QStringLiteral("once"), QString(), tr("Send what is due now, print a summary and exit")},
        {QStringLiteral("interval"), QStringLiteral("SECONDS"),
         tr("Seconds between two rounds as a service (1 to 3600, default 30)")},
    };
    relay.atMostOne = {{QStringLiteral("once"), QStringLiteral("interval")}};
    relay.example = QStringLiteral("certdesk-cli --db postgresql://relay@db.example.org/certdesk "
                                   "mail-relay --interval 20");
    relay.needsActor = false;
    relay.handler = &CliMailCommands::relay;

    CommandSpec status;
    status.name = QStringLiteral("mail status");
    status.summary =
        tr("Show the SMTP server or mail folder in use and the outbox's counts (platform admins)");
    status.example = QStringLiteral("certdesk-cli --as admin@demo.example mail status");
    status.handler = &CliMailCommands::status;

    CommandSpec failed;
    failed.name = QStringLiteral("mail failed");
    failed.summary = tr("List the emails that were given up, newest first (platform admins)");
    failed.example = QStringLiteral("certdesk-cli --as admin@demo.example mail failed");
    failed.handler = &CliMailCommands::failed;

    CommandSpec retry;
    retry.name = QStringLiteral("mail retry");
    retry.synopsis = QStringLiteral("ID");
    retry.summary = tr("Queue a failed email again (platform admins)");
    retry.description = tr("ID is the number 'mail failed' shows. The email's backoff and "
                           "give-up time start again; the next relay round sends it.");
    retry.positionals = {QStringLiteral("ID")};
    retry.requiredPositionals = 1;
    retry.example = QStringLiteral("certdesk-cli --as admin@demo.example mail retry 42");
    retry.handler = &CliMailCommands::retry;

    CommandSpec password;
    password.name = QStringLiteral("mail password");
    password.summary = tr("Set the SMTP password without putting it on the command line");
    password.description =
        tr("Reads the SMTP password from $%1, else asks for it twice without echo on a "
           "terminal, else reads the next line of stdin (after the --as password when that "
           "comes from stdin too). It is stored encrypted with this machine's mail key ($%2 or "
           "%3), which the relay needs too. 'settings mail.password \"\"' clears it.")
            .arg(QLatin1String(kMailPasswordVariable), MailSecret::keyVariable(),
                 MailSecret::keyFile());
    password.example = QStringLiteral("certdesk-cli --as admin@demo.example mail password");
    password.handler = &CliMailCommands::password;

    return {relay, status, failed, retry, password};
}

QJsonObject CliMailCommands::roundJson(const MailRound &round)
{
    return QJsonObject{
        {QStringLiteral("sent"), round.sent},
        {QStringLiteral("rescheduled"), round.rescheduled},
        {QStringLiteral("deferred"), round.deferred},
        {QStringLiteral("gave_up"), round.gaveUp},
        {QStringLiteral("stopped"), round.stopped},
        {QStringLiteral("server_problem"), CliFormat::textOrNull(round.serverProblem)},
        {QStringLiteral("last_error"), CliFormat::textOrNull(round.lastError)},
        {QStringLiteral("next_attempt_at"), CliFormat::dateTime(round.nextAttemptAt)},
    };
}

QString CliMailCommands::roundText(const MailRound &round)
{
    QStringList lines;
    if (round.handled() == 0)
        lines << tr("No email was due.");
    else
        lines << tr("Sent %1, rescheduled %2, given up %3.")
                     .arg(round.sent)
                     .arg(round.rescheduled + round.deferred)
                     .arg(round.gaveUp);
    if (!round.serverProblem.isEmpty())
        lines << round.serverProblem;
    else if (!round.lastError.isEmpty())
        lines << tr("Last error: %1").arg(round.lastError);
    if (round.stopped)
        lines << tr("Stopped before the end: the other emails wait for the next run.");
    if (round.nextAttemptAt.isValid())
        lines << tr("Next attempt: %1.").arg(CliFormat::dateTimeText(round.nextAttemptAt));
    return lines.join(QLatin1Char('\n'));
}

QJsonObject CliMailCommands::emailJson(const OutboxEntry &e)
{
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("recipient"), e.recipient},
        {QStringLiteral("subject"), e.subject},
        {QStringLiteral("language"), e.language},
        {QStringLiteral("state"), e.state},
        {QStringLiteral("attempts"), e.attempts},
        {QStringLiteral("created_at"), CliFormat::dateTime(e.createdAt)},
        {QStringLiteral("last_attempt_at"), CliFormat::dateTime(e.lastAttemptAt)},
        {QStringLiteral("next_attempt_at"), CliFormat::dateTime(e.nextAttemptAt)},
        {QStringLiteral("sent_at"), CliFormat::dateTime(e.sentAt)},
        {QStringLiteral("last_error"), CliFormat::textOrNull(e.lastError)},
        {QStringLiteral("message_id"), CliFormat::textOrNull(e.messageId)},
        {QStringLiteral("notification_id"),
         e.notificationId > 0 ? QJsonValue(e.notificationId) : QJsonValue()},
    };
}

int CliMailCommands::relay(Cli &cli, const Invocation &args)
{
    if (args.has(QStringLiteral("once")))
        return relayOnce(cli);
    int interval = 30;
    if (args.has(QStringLiteral("interval"))) {
        bool ok = false;
        interval = args.value(QStringLiteral("interval")).trimmed().toInt(&ok);
        if (!ok || interval < 1 || interval > 3600)
            return cli.refuse(tr("--interval \"%1\" is not a number of seconds: give a whole "
                                 "number from 1 to 3600.")
                                  .arg(args.value(QStringLiteral("interval"))));
    }
    return relayService(cli, interval);
}

int CliMailCommands::remind(Cli &cli, const std::function<bool()> &stop, QString *problem)
{
    ReminderService reminders(cli.db());
    const auto run = reminders.run(Domain::today(), false, stop);
    if (!run) {
        *problem = tr("The reminders could not be sent: %1").arg(run.message());
        return -1;
    }
    return int(run->sent.size());
}

int CliMailCommands::relayOnce(Cli &cli)
{
    StopSignals stopper;
    // Today's reminders first (README "Reminders"), so that their emails go
    // out in this pass; each is sent once whoever else runs the job.
    QString reminderProblem;
    const int reminded = remind(
        cli, [&stopper] { return stopper.pending(); }, &reminderProblem);
    OutboxSender sender(cli.db());
    const auto round = sender.drain([&stopper] { return stopper.pending(); });
    if (!round)
        return cli.refuse(round.error());
    if (cli.json()) {
        QJsonObject out = roundJson(round.value());
        out.insert(QStringLiteral("reminders"), qMax(0, reminded));
        out.insert(QStringLiteral("reminders_problem"), CliFormat::textOrNull(reminderProblem));
        cli.printJson(out);
    } else {
        if (reminded > 0)
            cli.print(tr("Sent %n reminder(s) before expiry.", nullptr, reminded));
        cli.print(roundText(round.value()));
    }
    if (!reminderProblem.isEmpty())
        return cli.refuse(reminderProblem);
    if (round->gaveUp > 0)
        return cli.refuse(tr("%n email(s) could not be delivered and were given up: see "
                             "'certdesk-cli mail failed'.",
                             nullptr, round->gaveUp));
    return Cli::Done;
}

int CliMailCommands::relayService(Cli &cli, int interval)
{
    StopSignals stopper;
    OutboxSender sender(cli.db());
    // JSON: one object per line and round, nothing else on stdout.
    if (!cli.json())
        cli.print(tr("Relaying email from %1 every %2 s as %3; SIGINT or SIGTERM stops it.")
                      .arg(cli.locationName())
                      .arg(interval)
                      .arg(sender.name()));
    QString lastProblem;
    QDate remindedOn;
    while (!stopper.pending()) {
        // Once a day, the reminders before expiry (README "Reminders").
        if (const QDate today = Domain::today(); today != remindedOn) {
            QString problem;
            const int reminded = remind(
                cli, [&stopper] { return stopper.pending(); }, &problem);
            remindedOn = today;
            if (!problem.isEmpty())
                cli.refuse(problem);
            else if (reminded > 0 && !cli.json())
                cli.print(utcText(sender.now()) + QLatin1Char(' ') +
                          tr("Sent %n reminder(s) before expiry.", nullptr, reminded));
            else if (reminded > 0)
                cli.print(QString::fromUtf8(
                    QJsonDocument(QJsonObject{{QStringLiteral("at"), utcText(sender.now())},
                                              {QStringLiteral("reminders"), reminded}})
                        .toJson(QJsonDocument::Compact)));
        }
        const auto round = sender.drain([&stopper] { return stopper.pending(); });
        if (!round) {
            // A lost database ends the service (a supervisor restarts it);
            // a configuration problem is waited out, said once.
            if (round.kind() == ErrorKind::Storage)
                return cli.refuse(round.error());
            if (round.message() != lastProblem)
                cli.refuse(round.message());
            lastProblem = round.message();
        } else {
            if (round->handled() > 0 || round->serverProblem != lastProblem) {
                if (cli.json()) {
                    QJsonObject line = roundJson(round.value());
                    line.insert(QStringLiteral("at"), utcText(sender.now()));
                    cli.print(
                        QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
                } else {
                    cli.print(
                        utcText(sender.now()) + QLatin1Char(' ') +
                        roundText(round.value()).replace(QLatin1Char('\n'), QLatin1Char(' ')));
                }
            }
            lastProblem = round->serverProblem;
        }
        if (stopper.wait(interval))
            break;
    }
    if (!cli.json())
        cli.print(tr("Stopped; every email handled so far is recorded."));
    return Cli::Done;
}

int CliMailCommands::status(Cli &cli, const Invocation &)
{
    MailOutbox outbox(cli.db());
    const auto counts = outbox.counts(cli.actorId());
    if (!counts)
        return cli.refuse(counts.error());
    SettingsService &service = cli.session().settings();
    const auto settings = service.settings();
    if (!settings)
        return cli.refuse(settings.error());
    const MailSettings &mail = settings->mail;
    const QString problem = mail.problem();
    const QString keyId = MailSecret::keyIdOf(mail.sealedPassword);
    if (cli.json()) {
        cli.printJson(QJsonObject{
            {QStringLiteral("configured"), problem.isEmpty()},
            {QStringLiteral("problem"), CliFormat::textOrNull(problem)},
            {QStringLiteral("transport"), MailSettings::transportKey(mail.transport)},
            {QStringLiteral("folder"), CliFormat::textOrNull(mail.folder)},
            {QStringLiteral("host"), CliFormat::textOrNull(mail.host)},
            {QStringLiteral("port"), mail.port},
            {QStringLiteral("security"), MailSettings::securityKey(mail.security)},
            {QStringLiteral("username"), CliFormat::textOrNull(mail.username)},
            {QStringLiteral("password"), mail.value(QStringLiteral("mail.password"))},
            {QStringLiteral("password_key_id"), CliFormat::textOrNull(keyId)},
            {QStringLiteral("from"), CliFormat::textOrNull(mail.from)},
            {QStringLiteral("give_up_hours"), mail.giveUpHours},
            {QStringLiteral("queued"), counts->queued},
            {QStringLiteral("sending"), counts->sending},
            {QStringLiteral("sent"), counts->sent},
            {QStringLiteral("failed"), counts->failed},
            {QStringLiteral("next_attempt_at"), CliFormat::dateTime(counts->nextAttemptAt)},
        });
        return Cli::Done;
    }
    QStringList lines;
    if (!problem.isEmpty())
        lines << problem;
    else if (mail.transport == MailSettings::Transport::Folder)
        lines << tr("Folder: %1 (each email an .eml file), from %2.").arg(mail.folder, mail.from);
    else
        lines << tr("Server: %1:%2 (%3), from %4.")
                     .arg(mail.host)
                     .arg(mail.port)
                     .arg(MailSettings::securityKey(mail.security), mail.from);
    if (!mail.username.isEmpty())
        lines << (keyId.isEmpty()
                      ? tr("Login: %1, no password set.").arg(mail.username)
                      : tr("Login: %1, password set (mail key %2).").arg(mail.username, keyId));
    lines << tr("Outbox: %1 queued, %2 being sent, %3 sent, %4 failed.")
                 .arg(counts->queued)
                 .arg(counts->sending)
                 .arg(counts->sent)
                 .arg(counts->failed);
    if (counts->nextAttemptAt.isValid())
        lines << tr("Next attempt: %1.").arg(CliFormat::dateTimeText(counts->nextAttemptAt));
    cli.print(lines.join(QLatin1Char('\n')));
    return Cli::Done;
}

int CliMailCommands::failed(Cli &cli, const Invocation &)
{
    MailOutbox outbox(cli.db());
    QList<OutboxEntry> all;
    Id before = 0;
    const int page = 500;
    for (;;) {
        const auto rows = outbox.failed(cli.actorId(), before, page);
        if (!rows)
            return cli.refuse(rows.error());
        all += rows.value();
        if (rows->size() < page)
            break;
        before = rows->constLast().id;
    }
    QJsonArray list;
    TextTable table(
        {tr("ID"), tr("RECIPIENT"), tr("SUBJECT"), tr("ATTEMPTS"), tr("LAST TRY"), tr("ERROR")});
    for (const OutboxEntry &e : std::as_const(all)) {
        list.append(emailJson(e));
        table.addRow({QString::number(e.id), e.recipient, e.subject, QString::number(e.attempts),
                      CliFormat::dateTimeText(e.lastAttemptAt), CliFormat::orDash(e.lastError)});
    }
    if (cli.json())
        cli.printJson(list);
    else
        cli.printTable(table, tr("No failed emails."));
    return Cli::Done;
}

int CliMailCommands::retry(Cli &cli, const Invocation &args)
{
    bool ok = false;
    const Id id = args.positional(0).trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        return cli.refuse(tr("\"%1\" is not an email number: use a number that 'certdesk-cli "
                             "mail failed' shows.")
                              .arg(args.positional(0)));
    MailOutbox outbox(cli.db());
    const auto email = outbox.retry(cli.actorId(), id);
    if (!email)
        return cli.refuse(email.error());
    if (cli.json())
        cli.printJson(emailJson(email.value()));
    else
        cli.print(tr("Email %1 to %2 is queued again; the next relay round sends it.")
                      .arg(QString::number(email->id), email->recipient));
    return Cli::Done;
}

int CliMailCommands::password(Cli &cli, const Invocation &)
{
    QString secret;
    if (qEnvironmentVariableIsSet(kMailPasswordVariable)) {
        secret = qEnvironmentVariable(kMailPasswordVariable);
    } else {
        // The sign-in has used $CERTDESK_PASSWORD; the prompt must not take
        // it again for the SMTP password.
        qunsetenv(PasswordPrompt::environmentVariable().toLatin1().constData());
        QString error;
        const auto typed = PasswordPrompt::read(tr("SMTP password: "), true, &error);
        if (!typed)
            return cli.refuse(tr("No SMTP password given: type it when asked, give it on stdin, "
                                 "or set %1.")
                                  .arg(QLatin1String(kMailPasswordVariable)));
        secret = *typed;
    }
    if (secret.isEmpty())
        return cli.refuse(tr("The SMTP password is empty: to remove it, run 'certdesk-cli "
                             "settings mail.password \"\"'."));
    SettingsService &service = cli.session().settings();
    const auto updated = service.set(cli.actorId(), QStringLiteral("mail.password"), secret);
    secret.fill(QLatin1Char(' '));
    if (!updated)
        return cli.refuse(updated.error());
    if (cli.json()) {
        cli.printJson(CliFormat::setting(updated.value(), QStringLiteral("mail.password")));
        return Cli::Done;
    }
    cli.print(tr("The SMTP password is set, encrypted with mail key %1; the relay needs the same "
                 "key ($%2 or the file %3 of its user).")
                  .arg(MailSecret::keyIdOf(updated->mail.sealedPassword), MailSecret::keyVariable(),
                       MailSecret::keyFile()));
    return Cli::Done;
}
