#include "mail/MailOutbox.h"

#include "mail/MailText.h"
#include "mail/OutboxStore.h"
#include "storage/AuditLog.h"

#include <QJsonObject>

namespace {
OutboxEntry fromRow(const OutboxRow &row, MailText &text)
{
    OutboxEntry e = row;
    // A secured server writes no text: the subject is the event's, in the
    // recipient's language, as the email says it.
    if (e.subject.isEmpty())
        e.subject = text.render(row.event, row.language, row.subject, row.body).subject;
    return e;
}
} // namespace

MailOutbox::MailOutbox(Database &db) : m_db(db), m_policy(db.connection()) {}

Status MailOutbox::mayManage(Id actor) const
{
    // Recipients' addresses and subjects are other people's business.
    if (!m_policy.isPlatformAdmin(actor))
        return makeError(ErrorKind::Refused,
                         tr("Only platform admins see and retry the outbox's emails."));
    return Done{};
}

Result<OutboxEntry> MailOutbox::load(Id emailId) const
{
    QString error;
    const auto row = OutboxStore(m_db.connection()).byId(emailId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!row)
        return makeError(ErrorKind::NotFound, tr("There is no email %1.").arg(emailId));
    MailText text;
    return fromRow(*row, text);
}

Result<QList<OutboxEntry>> MailOutbox::failed(Id actor, Id beforeId, int limit) const
{
    if (const Status s = mayManage(actor); !s)
        return s.error();
    QString error;
    const auto rows = OutboxStore(m_db.connection()).failed(beforeId, limit, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<OutboxEntry> list;
    MailText text;
    for (const OutboxRow &row : rows)
        list.append(fromRow(row, text));
    return list;
}

Result<OutboxEntry> MailOutbox::email(Id actor, Id emailId) const
{
    if (const Status s = mayManage(actor); !s)
        return s.error();
    return load(emailId);
}

Result<OutboxEntry> MailOutbox::retry(Id actor, Id emailId)
{
    if (const Status s = mayManage(actor); !s)
        return s.error();
    const auto before = load(emailId);
    if (!before)
        return before.error();
    if (before->state == QLatin1String("sent"))
        return makeError(ErrorKind::Conflict,
                         tr("Email %1 was already sent: there is nothing to retry.").arg(emailId));
    if (before->state != QLatin1String("failed"))
        return makeError(
            ErrorKind::Conflict,
            tr("Email %1 is still waiting to be sent: there is nothing to retry.").arg(emailId));
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    QString error;
    const int changed = OutboxStore(db).retry(emailId, &error);
    if (error.isEmpty() && changed != 1)
        return makeError(ErrorKind::Conflict,
                         tr("Email %1 changed meanwhile (someone else retried it): nothing was "
                            "done.")
                             .arg(emailId));
    if (error.isEmpty())
        AuditLog::record(db, actor, QStringLiteral("mail.retry"), QStringLiteral("email"), emailId,
                         QJsonObject{{QStringLiteral("recipient"), before->recipient},
                                     {QStringLiteral("attempts"), before->attempts},
                                     {QStringLiteral("last_error"), before->lastError}},
                         &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage, tr("The email could not be queued again: %1")
                                                 .arg(error.isEmpty() ? tx.error() : error));
    return load(emailId);
}

Result<OutboxCounts> MailOutbox::counts(Id actor) const
{
    if (const Status s = mayManage(actor); !s)
        return s.error();
    QString error;
    const auto rows = OutboxStore(m_db.connection()).counts(&error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    OutboxCounts counts;
    for (const auto &row : rows) {
        if (row.state == QLatin1String("queued")) {
            counts.queued = row.count;
            counts.nextAttemptAt = row.nextAttemptAt;
        } else if (row.state == QLatin1String("sending")) {
            counts.sending = row.count;
        } else if (row.state == QLatin1String("sent")) {
            counts.sent = row.count;
        } else if (row.state == QLatin1String("failed")) {
            counts.failed = row.count;
        }
    }
    return counts;
}

Result<int> MailOutbox::failedCount(const QSqlDatabase &db)
{
    QString error;
    const int n = OutboxStore(db).failedCount(&error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return n;
}
