#include "MailOutbox.h"

#include "AuditLog.h"

#include <QJsonObject>

namespace {
const QString kSelect = QStringLiteral(
    "SELECT id, notification_id, recipient_email, subject, language, state, attempts, "
    "last_error, message_id, created_at, last_attempt_at, next_attempt_at, sent_at "
    "FROM email_outbox ");

OutboxEntry fromQuery(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.notificationId = q.value(1).toLongLong();
    e.recipient = q.value(2).toString();
    e.subject = q.value(3).toString();
    e.language = q.value(4).toString();
    e.state = q.value(5).toString();
    e.attempts = q.value(6).toInt();
    e.lastError = q.value(7).toString();
    e.messageId = q.value(8).toString();
    e.createdAt = Sql::toDateTime(q.value(9));
    e.lastAttemptAt = Sql::toDateTime(q.value(10));
    e.nextAttemptAt = Sql::toDateTime(q.value(11));
    e.sentAt = Sql::toDateTime(q.value(12));
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
    QSqlQuery q =
        Sql::run(m_db.connection(), kSelect + QStringLiteral("WHERE id = ?"), {emailId}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next())
        return makeError(ErrorKind::NotFound, tr("There is no email %1.").arg(emailId));
    return fromQuery(q);
}

Result<QList<OutboxEntry>> MailOutbox::failed(Id actor, Id beforeId, int limit) const
{
    if (const Status s = mayManage(actor); !s)
        return s.error();
    QString sql = kSelect + QStringLiteral("WHERE state = 'failed' ");
    QVariantList values;
    if (beforeId > 0) {
        sql += QStringLiteral("AND id < ? ");
        values << beforeId;
    }
    sql += QStringLiteral("ORDER BY id DESC LIMIT ?");
    values << qMax(1, limit);
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<OutboxEntry> list;
    while (q.next())
        list.append(fromQuery(q));
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
    const QDateTime now = Sql::now();
    QString error;
    QSqlQuery q = Sql::run(db,
                           QStringLiteral("UPDATE email_outbox SET state = 'queued', attempts = "
                                          "0, next_attempt_at = ?, queued_at = ?, last_error = "
                                          "NULL WHERE id = ? AND state = 'failed'"),
                           {now, now, emailId}, &error);
    if (error.isEmpty() && q.numRowsAffected() != 1)
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
    QSqlQuery q = Sql::run(
        m_db.connection(),
        QStringLiteral("SELECT state, COUNT(*) FROM email_outbox GROUP BY state"), {}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    OutboxCounts counts;
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (state == QLatin1String("queued"))
            counts.queued = n;
        else if (state == QLatin1String("sending"))
            counts.sending = n;
        else if (state == QLatin1String("sent"))
            counts.sent = n;
        else if (state == QLatin1String("failed"))
            counts.failed = n;
    }
    q.finish();
    q = Sql::run(m_db.connection(),
                 QStringLiteral("SELECT MIN(next_attempt_at) FROM email_outbox WHERE state = "
                                "'queued'"),
                 {}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    counts.nextAttemptAt = Sql::toDateTime(q.value(0));
    return counts;
}

Result<int> MailOutbox::failedCount(const QSqlDatabase &db)
{
    QString error;
    QSqlQuery q = Sql::run(
        db, QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE state = 'failed'"), {}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    return q.value(0).toInt();
}
