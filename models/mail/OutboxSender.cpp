#include "mail/OutboxSender.h"

#include "mail/FolderTransport.h"
#include "mail/MailMessage.h"
#include "mail/OutboxStore.h"
#include "mail/SmtpTransport.h"
#include "policy/PlatformSettings.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

#include <cmath>

OutboxSender::OutboxSender(Database &db)
    : m_db(db), m_clock([] { return QDateTime::currentDateTimeUtc(); }),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_name = QStringLiteral("%1:%2:%3")
                 .arg(QSysInfo::machineHostName())
                 .arg(QCoreApplication::applicationPid())
                 .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

QDateTime OutboxSender::now() const
{
    return m_clock().toUTC();
}

qint64 OutboxSender::backoffSeconds(int failures, double random)
{
    // Full jitter: uniform between 0 and the exponential ceiling, so that
    // emails failing together do not all come back together.
    const int exponent = qBound(0, failures - 1, 20);
    const double ceiling =
        qMin(double(MaxDelaySeconds), double(BaseDelaySeconds) * (1 << exponent));
    const qint64 delay = qint64(std::floor(qBound(0.0, random, 1.0) * ceiling));
    return qMax<qint64>(MinDelaySeconds, delay);
}

Result<std::optional<OutboxEmail>> OutboxSender::claimNext(const QDateTime &dueBy)
{
    const QDateTime now = this->now();
    QString error;
    const auto row = OutboxStore(m_db.connection())
                         .claim(m_name, now.addSecs(m_leaseSeconds),
                                MailMessage::newMessageId(m_fromAddress), dueBy, now, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage,
                         tr("Could not take an email from the outbox: %1").arg(error));
    std::optional<OutboxEmail> email;
    if (row)
        email = *row;
    return email;
}

Status OutboxSender::markSent(const OutboxEmail &email)
{
    QString error;
    OutboxStore(m_db.connection()).markSent(email.id, now(), &error);
    if (!error.isEmpty())
        return makeError(
            ErrorKind::Storage,
            tr("Email %1 was sent but could not be recorded as sent: %2").arg(email.id).arg(error));
    return Done{};
}

Status OutboxSender::markFailed(const OutboxEmail &email, const QString &error, bool final,
                                const MailSettings &settings, MailRound &round, QDateTime *next)
{
    const QDateTime now = this->now();
    const QDateTime start = email.queuedAt.isValid() ? email.queuedAt : email.createdAt;
    const QDateTime deadline = start.addSecs(qint64(settings.giveUpHours) * 3600);
    const bool giveUp = final || now >= deadline;
    // The last try falls on the give-up time, not before it.
    *next = qMin(now.addSecs(backoffSeconds(email.attempts + 1, m_random())), deadline);
    if (giveUp)
        *next = now;
    QString sqlError;
    OutboxStore(m_db.connection())
        .markFailed(email.id, m_name, giveUp, now, *next, error, &sqlError);
    if (!sqlError.isEmpty())
        return makeError(
            ErrorKind::Storage,
            tr("Could not record the failure of email %1: %2").arg(email.id).arg(sqlError));
    if (giveUp)
        ++round.gaveUp;
    else
        ++round.rescheduled;
    round.lastError = error;
    return Done{};
}

Status OutboxSender::deferDue(const QDateTime &dueBy, const QDateTime &until, const QString &error,
                              const MailSettings &settings, MailRound &round)
{
    const QDateTime now = this->now();
    const QDateTime deadlineStart = now.addSecs(-qint64(settings.giveUpHours) * 3600);
    QString sqlError;
    int gaveUp = 0;
    int deferred = 0;
    OutboxStore(m_db.connection())
        .deferDue(error, dueBy, deadlineStart, until, &gaveUp, &deferred, &sqlError);
    round.gaveUp += gaveUp;
    round.deferred += deferred;
    if (!sqlError.isEmpty())
        return makeError(ErrorKind::Storage,
                         tr("Could not reschedule the waiting emails: %1").arg(sqlError));
    return Done{};
}

Result<QDateTime> OutboxSender::nextDue() const
{
    QString error;
    const QDateTime next = OutboxStore(m_db.connection()).nextDue(&error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return next;
}

Result<std::unique_ptr<MailTransport>> OutboxSender::prepare(const MailSettings &settings)
{
    if (const QString problem = settings.problem(); !problem.isEmpty())
        return makeError(ErrorKind::Refused, problem);
    m_fromAddress = MailMessage::asciiAddress(settings.fromAddress());
    if (m_fromAddress.isEmpty())
        return makeError(ErrorKind::Refused,
                         tr("The sender %1 (mail.from) cannot be used for email: write its part "
                            "before the @ in ASCII.")
                             .arg(settings.from));
    if (settings.transport == MailSettings::Transport::Folder)
        return std::unique_ptr<MailTransport>(
            std::make_unique<FolderTransport>(settings.folder, m_clock));
    const auto password = settings.password();
    if (!password)
        return password.error();
    SmtpTransport::Config config;
    config.host = settings.host;
    config.port = settings.port;
    config.security = settings.security;
    config.username = settings.username;
    config.password = password.value();
    // The lease outlasts the longest send, so no other relay takes a row
    // that is still on its way.
    m_leaseSeconds = qMax(m_leaseSeconds, 2 * config.timeoutSeconds);
    return std::unique_ptr<MailTransport>(std::make_unique<SmtpTransport>(config));
}

Status OutboxSender::sendOne(const OutboxEmail &email, MailTransport &transport,
                             const MailSettings &settings, const QDateTime &dueBy, MailRound &round)
{
    QDateTime next;
    const QString to = MailMessage::asciiAddress(email.recipient);
    if (to.isEmpty()) {
        // Final: no retry makes this address usable.
        const QString error = tr("The address %1 cannot be used for email (not an address, or "
                                 "not in ASCII before the @).")
                                  .arg(email.recipient);
        return markFailed(email, error, true, settings, round, &next);
    }
    const MailText::Rendered text =
        m_text.render(email.event, email.language, email.subject, email.body);
    MailMessage message;
    message.fromName = settings.fromName();
    message.fromAddress = m_fromAddress;
    message.to = to;
    message.subject = text.subject;
    message.body = text.body;
    message.language = email.language;
    message.messageId = email.messageId;
    message.date = now();

    const MailOutcome outcome = transport.send(email.id, m_fromAddress, to, message.toMime());
    switch (outcome.kind) {
    case MailOutcome::Kind::Sent:
        if (Status s = markSent(email); !s)
            return s;
        ++round.sent;
        return Done{};
    case MailOutcome::Kind::Rejected:
    case MailOutcome::Kind::Retry:
        return markFailed(email, outcome.error, outcome.kind == MailOutcome::Kind::Rejected,
                          settings, round, &next);
    case MailOutcome::Kind::ServerProblem:
        break;
    }
    round.serverProblem = outcome.error;
    if (Status s = markFailed(email, outcome.error, false, settings, round, &next); !s)
        return s;
    // The others wait as long as the one that was tried (at least one
    // backoff step when that one was just given up).
    if (next <= now())
        next = now().addSecs(backoffSeconds(1, m_random()));
    return deferDue(dueBy, next, outcome.error, settings, round);
}

Result<MailRound> OutboxSender::drain(const std::function<bool()> &stopRequested)
{
    const auto platform = PlatformSettings::load(m_db.connection());
    if (!platform)
        return platform.error();
    const MailSettings settings = platform->mail;
    const auto transport = prepare(settings);
    if (!transport)
        return transport.error();

    // Due when the round starts: an email rescheduled during the round waits
    // for the next one.
    const QDateTime dueBy = now();
    MailRound round;
    while (round.serverProblem.isEmpty()) {
        if (stopRequested && stopRequested()) {
            round.stopped = true;
            break;
        }
        auto claimed = claimNext(dueBy);
        if (!claimed)
            return claimed.error();
        if (!claimed.value())
            break;
        if (Status s = sendOne(*claimed.value(), *transport.value(), settings, dueBy, round); !s)
            return s.error();
    }
    const auto next = nextDue();
    if (!next)
        return next.error();
    round.nextAttemptAt = next.value();
    return round;
}
