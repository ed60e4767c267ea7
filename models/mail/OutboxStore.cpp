#include "mail/OutboxStore.h"

namespace {
// The columns of the server's view cd_email_rows, in its order.
const QString kColumns = QStringLiteral(
    "id, notification_id, recipient_email, subject, body, language, state, attempts, "
    "last_error, message_id, created_at, last_attempt_at, next_attempt_at, sent_at, queued_at, "
    "category, certificate_name, actor_name, comment, threshold_days");

// The same from the tables (plain statements).
const QString kSelect = QStringLiteral(
    "SELECT e.id, e.notification_id, e.recipient_email, e.subject, e.body, e.language, e.state, "
    "e.attempts, e.last_error, e.message_id, e.created_at, e.last_attempt_at, "
    "e.next_attempt_at, e.sent_at, e.queued_at, n.category, c.name, a.name, n.comment, "
    "n.threshold_days "
    "FROM email_outbox e LEFT JOIN notifications n ON n.id = e.notification_id "
    "LEFT JOIN certificates c ON c.id = n.certificate_id LEFT JOIN users a ON a.id = "
    "n.actor_id ");

OutboxRow fromQuery(const QSqlQuery &q)
{
    OutboxRow e;
    QVariant daysLeft;
    Sql::readColumns(q, 0, e.id, e.notificationId, e.recipient, e.subject, e.body, e.language,
                     e.state, e.attempts, e.lastError, e.messageId, e.createdAt, e.lastAttemptAt,
                     e.nextAttemptAt, e.sentAt, e.queuedAt, e.event.category,
                     e.event.certificateName, e.event.actorName, e.event.comment, daysLeft);
    e.event.daysLeft = daysLeft.isNull() ? -1 : daysLeft.toInt();
    return e;
}

// Due: queued and its time has come, or claimed by a relay whose lease ended.
const QString kDue = QStringLiteral("((state = 'queued' AND next_attempt_at <= ?) OR "
                                    "(state = 'sending' AND claimed_until < ?))");
} // namespace

OutboxStore::OutboxStore(const QSqlDatabase &db) : m_db(db), m_server(Database::isSecured(db)) {}

QList<OutboxRow> OutboxStore::failed(Id beforeId, int limit, QString *error) const
{
    QSqlQuery q;
    if (m_server) {
        q = Sql::run(m_db,
                     QStringLiteral("SELECT ") + kColumns +
                         QStringLiteral(" FROM cd_api.failed_emails(?, ?)"),
                     {beforeId, qMax(1, limit)}, error);
    } else {
        QString sql = kSelect + QStringLiteral("WHERE e.state = 'failed' ");
        QVariantList values;
        if (beforeId > 0) {
            sql += QStringLiteral("AND e.id < ? ");
            values << beforeId;
        }
        sql += QStringLiteral("ORDER BY e.id DESC LIMIT ?");
        values << qMax(1, limit);
        q = Sql::run(m_db, sql, values, error);
    }
    QList<OutboxRow> list;
    while (error->isEmpty() && q.next())
        list.append(fromQuery(q));
    return list;
}

std::optional<OutboxRow> OutboxStore::byId(Id emailId, QString *error) const
{
    QSqlQuery q =
        m_server ? Sql::run(m_db,
                            QStringLiteral("SELECT ") + kColumns +
                                QStringLiteral(" FROM cd_api.email(?)"),
                            {emailId}, error)
                 : Sql::run(m_db, kSelect + QStringLiteral("WHERE e.id = ?"), {emailId}, error);
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    OutboxRow row = fromQuery(q);
    q.finish();
    return row;
}

int OutboxStore::retry(Id emailId, QString *error)
{
    if (m_server) {
        QSqlQuery q =
            Sql::run(m_db, QStringLiteral("SELECT cd_api.retry_email(?)"), {emailId}, error);
        return error->isEmpty() && q.next() ? q.value(0).toInt() : 0;
    }
    const QDateTime now = Sql::now();
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("UPDATE email_outbox SET state = 'queued', attempts = "
                                          "0, next_attempt_at = ?, queued_at = ?, last_error = "
                                          "NULL WHERE id = ? AND state = 'failed'"),
                           {now, now, emailId}, error);
    return error->isEmpty() ? qMax(0, q.numRowsAffected()) : 0;
}

QList<OutboxStore::StateCount> OutboxStore::counts(QString *error) const
{
    QSqlQuery q = Sql::run(
        m_db,
        m_server ? QStringLiteral("SELECT state, n, next_attempt_at FROM cd_api.outbox_counts()")
                 : QStringLiteral("SELECT state, COUNT(*), MIN(next_attempt_at) FROM email_outbox "
                                  "GROUP BY state"),
        {}, error);
    QList<StateCount> list;
    while (error->isEmpty() && q.next())
        list.append({q.value(0).toString(), q.value(1).toInt(), Sql::toDateTime(q.value(2))});
    return list;
}

int OutboxStore::failedCount(QString *error) const
{
    const auto all = counts(error);
    for (const StateCount &c : all) {
        if (c.state == QLatin1String("failed"))
            return c.count;
    }
    return 0;
}

std::optional<OutboxRow> OutboxStore::claim(const QString &claimer, const QDateTime &until,
                                            const QString &messageId, const QDateTime &dueBy,
                                            const QDateTime &now, QString *error)
{
    if (m_server) {
        QSqlQuery q = Sql::run(m_db,
                               QStringLiteral("SELECT ") + kColumns +
                                   QStringLiteral(" FROM cd_api.relay_claim(?, ?, ?, ?, ?)"),
                               {claimer, until, messageId, dueBy, now}, error);
        if (!error->isEmpty() || !q.next())
            return std::nullopt;
        OutboxRow row = fromQuery(q);
        q.finish();
        return row;
    }
    // PostgreSQL: rows another sender is claiming right now are skipped, not
    // waited for. SQLite: one writer at a time, the UPDATE is atomic. "id =
    // (subquery)" and not "id IN (...)": PostgreSQL may run an IN subquery
    // again for each row it scans, and then LIMIT 1 no longer means one row.
    const QString lock = m_db.driverName() == QLatin1String("QPSQL")
                             ? QStringLiteral(" FOR UPDATE SKIP LOCKED")
                             : QString();
    const QString sql = QStringLiteral("UPDATE email_outbox SET state = 'sending', claimed_by = ?, "
                                       "claimed_until = ?, message_id = COALESCE(message_id, ?) "
                                       "WHERE id = (SELECT id FROM email_outbox WHERE ") +
                        kDue + QStringLiteral(" ORDER BY next_attempt_at, id LIMIT 1") + lock +
                        QStringLiteral(") AND ") + kDue + QStringLiteral(" RETURNING id");
    QSqlQuery q = Sql::run(m_db, sql, {claimer, until, messageId, dueBy, now, dueBy, now}, error);
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    const Id id = q.value(0).toLongLong();
    // SQLite keeps the statement open (and the database locked) until finished.
    q.finish();
    return byId(id, error);
}

void OutboxStore::markSent(Id emailId, const QDateTime &now, QString *error)
{
    // Whoever holds the row now: it was sent, and that is the truth to keep.
    Sql::run(m_db,
             m_server ? QStringLiteral("SELECT cd_api.relay_sent(?, ?)")
                      : QStringLiteral("UPDATE email_outbox SET state = 'sent', sent_at = ?, "
                                       "last_attempt_at = ?, last_error = NULL, claimed_by = "
                                       "NULL, claimed_until = NULL WHERE id = ? AND state <> "
                                       "'sent'"),
             m_server ? QVariantList{emailId, now} : QVariantList{now, now, emailId}, error);
}

void OutboxStore::markFailed(Id emailId, const QString &claimer, bool giveUp, const QDateTime &now,
                             const QDateTime &next, const QString &lastError, QString *error)
{
    const QString state = giveUp ? QStringLiteral("failed") : QStringLiteral("queued");
    if (m_server) {
        Sql::run(m_db, QStringLiteral("SELECT cd_api.relay_failed(?, ?, ?, ?, ?, ?)"),
                 {emailId, claimer, state, now, next, lastError}, error);
        return;
    }
    Sql::run(m_db,
             QStringLiteral("UPDATE email_outbox SET state = ?, attempts = attempts + 1, "
                            "last_attempt_at = ?, next_attempt_at = ?, last_error = ?, "
                            "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND state = "
                            "'sending' AND claimed_by = ?"),
             {state, now, next, lastError, emailId, claimer}, error);
}

void OutboxStore::deferDue(const QString &lastError, const QDateTime &dueBy,
                           const QDateTime &deadlineStart, const QDateTime &until, int *gaveUp,
                           int *deferred, QString *error)
{
    if (m_server) {
        QSqlQuery q = Sql::run(m_db,
                               QStringLiteral("SELECT gave_up, deferred FROM "
                                              "cd_api.relay_defer(?, ?, ?, ?)"),
                               {lastError, dueBy, deadlineStart, until}, error);
        if (error->isEmpty() && q.next()) {
            *gaveUp = q.value(0).toInt();
            *deferred = q.value(1).toInt();
        }
        return;
    }
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("UPDATE email_outbox SET state = 'failed', last_error = "
                                          "? WHERE state = 'queued' AND next_attempt_at <= ? AND "
                                          "COALESCE(queued_at, created_at) <= ?"),
                           {lastError, dueBy, deadlineStart}, error);
    if (!error->isEmpty())
        return;
    *gaveUp = qMax(0, q.numRowsAffected());
    q = Sql::run(m_db,
                 QStringLiteral("UPDATE email_outbox SET next_attempt_at = ?, last_error = ? "
                                "WHERE state = 'queued' AND next_attempt_at <= ?"),
                 {until, lastError, dueBy}, error);
    if (error->isEmpty())
        *deferred = qMax(0, q.numRowsAffected());
}

QDateTime OutboxStore::nextDue(QString *error) const
{
    QSqlQuery q = Sql::run(m_db,
                           m_server ? QStringLiteral("SELECT cd_api.relay_next_due()")
                                    : QStringLiteral("SELECT MIN(next_attempt_at) FROM "
                                                     "email_outbox WHERE state = 'queued'"),
                           {}, error);
    if (!error->isEmpty() || !q.next())
        return {};
    return Sql::toDateTime(q.value(0));
}

void OutboxStore::enqueue(Id notificationId, const QString &recipient, const QString &subject,
                          const QString &body, const QString &language, QString *error)
{
    const QDateTime now = Sql::now();
    Sql::run(m_db,
             QStringLiteral("INSERT INTO email_outbox (notification_id, recipient_email, subject, "
                            "body, language, state, next_attempt_at, created_at) VALUES (?, ?, ?, "
                            "?, ?, 'queued', ?, ?)"),
             {notificationId, recipient, subject, body, language, now, now}, error);
}
