#include "NotificationService.h"

namespace {
const QString kSelect = QStringLiteral(
    "SELECT n.id, n.category, n.certificate_id, c.name, n.task_id, n.actor_id, a.name, "
    "n.comment, n.created_at, n.read_at FROM notifications n "
    "LEFT JOIN certificates c ON c.id = n.certificate_id "
    "LEFT JOIN users a ON a.id = n.actor_id ");

Notification fromQuery(const QSqlQuery &q)
{
    Notification n;
    n.id = q.value(0).toLongLong();
    n.category = Domain::categoryFromKey(q.value(1).toString());
    n.certificateId = q.value(2).toLongLong();
    n.certificateName = q.value(3).toString();
    n.taskId = q.value(4).toLongLong();
    n.actorId = q.value(5).toLongLong();
    n.actorName = q.value(6).toString();
    n.comment = q.value(7).toString();
    n.createdAt = Sql::toDateTime(q.value(8));
    n.read = !q.value(9).isNull();
    return n;
}
} // namespace

NotificationService::NotificationService(Database &db) : m_db(db) {}

Result<QList<Notification>> NotificationService::notifications(Id recipient, bool unreadOnly,
                                                               Id beforeId, int limit) const
{
    return notifications(recipient, InboxFilter::All, unreadOnly, beforeId, limit);
}

Result<QList<Notification>> NotificationService::notifications(Id recipient, InboxFilter filter,
                                                               bool unreadOnly, Id beforeId,
                                                               int limit) const
{
    QString sql = kSelect + QStringLiteral("WHERE n.recipient_id = ? ");
    QVariantList values{recipient};
    if (filter != InboxFilter::All) {
        sql += filter == InboxFilter::ValidationRequests ? QStringLiteral("AND n.category = ? ")
                                                         : QStringLiteral("AND n.category <> ? ");
        values << Domain::categoryKey(NotificationCategory::ValidationRequest);
    }
    if (unreadOnly)
        sql += QStringLiteral("AND n.read_at IS NULL ");
    if (beforeId > 0) {
        sql += QStringLiteral("AND n.id < ? ");
        values << beforeId;
    }
    sql += QStringLiteral("ORDER BY n.id DESC LIMIT ?");
    values << qMax(1, limit);
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<Notification> list;
    while (q.next())
        list.append(fromQuery(q));
    return list;
}

Result<int> NotificationService::unreadCount(Id recipient) const
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT COUNT(*) FROM notifications WHERE recipient_id "
                                          "= ? AND read_at IS NULL"),
                           {recipient}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    return q.value(0).toInt();
}

Status NotificationService::markRead(Id recipient, Id notificationId)
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("UPDATE notifications SET read_at = ? WHERE id = ? AND "
                                          "recipient_id = ? AND read_at IS NULL"),
                           {Sql::now(), notificationId, recipient}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return Done{};
}

Result<int> NotificationService::markAllRead(Id recipient)
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("UPDATE notifications SET read_at = ? WHERE "
                                          "recipient_id = ? AND read_at IS NULL"),
                           {Sql::now(), recipient}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return q.numRowsAffected();
}

bool NotificationService::markTaskRequestsRead(const QSqlDatabase &db, Id taskId, QString *error)
{
    Sql::run(db,
             QStringLiteral("UPDATE notifications SET read_at = ? WHERE task_id = ? AND category "
                            "= ? AND read_at IS NULL"),
             {Sql::now(), taskId, Domain::categoryKey(NotificationCategory::ValidationRequest)},
             error);
    return error->isEmpty();
}

bool NotificationService::notify(const QSqlDatabase &db, Id recipient,
                                 NotificationCategory category, Id certificateId, Id taskId,
                                 Id actor, const QString &comment, QString *error)
{
    // The email says what the in-app notification says.
    Notification notification;
    notification.category = category;
    notification.certificateId = certificateId;
    notification.taskId = taskId;
    notification.actorId = actor;
    notification.comment = comment;
    QSqlQuery names =
        Sql::run(db,
                 QStringLiteral("SELECT (SELECT name FROM certificates WHERE id = ?), "
                                "(SELECT name FROM users WHERE id = ?)"),
                 {certificateId, actor}, error);
    if (!error->isEmpty())
        return false;
    if (names.next()) {
        notification.certificateName = names.value(0).toString();
        notification.actorName = names.value(1).toString();
    }
    names.finish();
    const QString subject = notification.title();
    const QString body = notification.body() + QStringLiteral("\n\n") +
                         (category == NotificationCategory::ValidationRequest
                              ? tr("Open CertDesk, then Notifications > Certificate Validation, "
                                   "to review it.")
                              : tr("Open CertDesk, then Results, to see it."));

    // On a server prepared by setup, the server writes both rows after
    // checking that this actor's change justifies them (resources/pgsql).
    if (db.driverName() == QLatin1String("QPSQL")) {
        QSqlQuery secured = Sql::run(
            db, QStringLiteral("SELECT to_regproc('public.cd_notify') IS NOT NULL"), {}, error);
        if (!error->isEmpty())
            return false;
        if (secured.next() && secured.value(0).toBool()) {
            secured.finish();
            Sql::run(db, QStringLiteral("SELECT cd_notify(?, ?, ?, ?, ?, ?, ?)"),
                     {recipient, Domain::categoryKey(category), Sql::idOrNull(certificateId),
                      Sql::idOrNull(taskId), Sql::textOrNull(comment), subject, body},
                     error);
            return error->isEmpty();
        }
    }

    QSqlQuery who = Sql::run(db,
                             QStringLiteral("SELECT email, deleted, language FROM users WHERE id "
                                            "= ?"),
                             {recipient}, error);
    if (!error->isEmpty())
        return false;
    if (!who.next()) {
        *error = tr("There is no user %1 to notify.").arg(recipient);
        return false;
    }
    // Deleted users get no notifications (PRODUCT.md, roles).
    if (who.value(1).toBool())
        return true;
    const QString email = who.value(0).toString();
    const QString language = who.value(2).toString();
    who.finish();
    const QDateTime now = Sql::now();
    const Id id =
        Sql::insert(db,
                    QStringLiteral("INSERT INTO notifications (recipient_id, category, "
                                   "certificate_id, task_id, actor_id, comment, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {recipient, Domain::categoryKey(category), Sql::idOrNull(certificateId),
                     Sql::idOrNull(taskId), Sql::idOrNull(actor), Sql::textOrNull(comment), now},
                    error);
    if (!error->isEmpty())
        return false;
    Sql::run(db,
             QStringLiteral("INSERT INTO email_outbox (notification_id, recipient_email, subject, "
                            "body, language, state, next_attempt_at, created_at) VALUES (?, ?, ?, "
                            "?, ?, 'queued', ?, ?)"),
             {id, email, subject, body, language, now, now}, error);
    return error->isEmpty();
}
