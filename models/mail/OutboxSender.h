#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "mail/MailText.h"
#include "mail/MailTransport.h"
#include "mail/OutboxStore.h"
#include "policy/MailSettings.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>
#include <memory>
#include <optional>

// One row of email_outbox, claimed for sending.
using OutboxEmail = OutboxRow;

// What one drain() did.
struct MailRound
{
    int sent = 0;
    int rescheduled = 0;     // failed this time, tried again later (backoff)
    int gaveUp = 0;          // marked failed: refused for good, or past mail.give-up-hours
    int deferred = 0;        // not tried: the server was unreachable (rescheduled too)
    QString serverProblem;   // why the round stopped early, when it did
    QString lastError;       // the last error of a single email
    bool stopped = false;    // asked to stop between two emails
    QDateTime nextAttemptAt; // the earliest queued email after the round (null: none)

    int handled() const { return sent + rescheduled + gaveUp + deferred; }
};

// Drains the email outbox (ARCHITECTURE.md, "Email"): the row is the truth.
// Each email goes through the transport of mail.transport: the SMTP server,
// or a file in mail.folder (FolderTransport); both are recorded alike.
//
// Each email is claimed alone by one atomic UPDATE that sets state
// 'sending', claimed_by and a lease (claimed_until). On PostgreSQL the row is
// chosen with FOR UPDATE SKIP LOCKED, so relays running at once never take
// the same row and never wait for each other; SQLite has a single writer, so
// the same guarded UPDATE is enough. A relay that crashes leaves its row
// 'sending' until the lease ends; then any relay takes it again.
//
// Sent: state 'sent', sent_at, once. Failed: attempts + 1, last_error, and
// next_attempt_at after an exponential backoff with full jitter (a random
// delay up to 60 s, 120 s, 240 s... capped at one hour), never later than the
// give-up time; failing at or after mail.give-up-hours (from queued_at, else
// created_at), or a recipient refused with 5xx, makes it 'failed', which
// platform admins see and may re-queue (MailOutbox). When the server cannot
// be reached at all (or the mail folder cannot be written), the round stops: the other due emails
// are not tried but rescheduled to the same next attempt (attempts unchanged).
//
// The one window where an email could go twice: the server accepted it and
// the relay died (or lost the database) before recording it. The resend
// carries the same Message-ID.
//
// "Now" and the jitter are injectable, so tests move time instead of sleeping.
class OutboxSender
{
    Q_DECLARE_TR_FUNCTIONS(OutboxSender)

public:
    using Clock = std::function<QDateTime()>;
    using Random = std::function<double()>; // uniform in [0, 1)

    static constexpr int BaseDelaySeconds = 60;
    static constexpr int MaxDelaySeconds = 3600;
    static constexpr int MinDelaySeconds = 10;
    static constexpr int DefaultLeaseSeconds = 600;

    explicit OutboxSender(Database &db);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setRandom(Random random) { m_random = std::move(random); }
    void setLeaseSeconds(int seconds) { m_leaseSeconds = seconds; }
    QDateTime now() const;
    // claimed_by: host, process and a random part.
    QString name() const { return m_name; }

    // Sends every email due now, one at a time, asking stopRequested between
    // two emails. An error (not configured, database lost) changes nothing
    // more than the emails already handled.
    Result<MailRound> drain(const std::function<bool()> &stopRequested = {});

    // The first step of a send, public for tests (a relay that dies here).
    Result<std::optional<OutboxEmail>> claimNext(const QDateTime &dueBy);

    // Seconds to wait after the given number of failures (>= 1).
    static qint64 backoffSeconds(int failures, double random);

private:
    // Checks the settings (and decrypts the SMTP password): the transport of
    // mail.transport.
    Result<std::unique_ptr<MailTransport>> prepare(const MailSettings &settings);
    // Builds, sends and records one claimed email.
    Status sendOne(const OutboxEmail &email, MailTransport &transport, const MailSettings &settings,
                   const QDateTime &dueBy, MailRound &round);
    Status markSent(const OutboxEmail &email);
    Status markFailed(const OutboxEmail &email, const QString &error, bool final,
                      const MailSettings &settings, MailRound &round, QDateTime *next);
    Status deferDue(const QDateTime &dueBy, const QDateTime &until, const QString &error,
                    const MailSettings &settings, MailRound &round);
    Result<QDateTime> nextDue() const;

    Database &m_db;
    Clock m_clock;
    Random m_random;
    QString m_name;
    QString m_fromAddress;
    int m_leaseSeconds = DefaultLeaseSeconds;
    MailText m_text;
};
