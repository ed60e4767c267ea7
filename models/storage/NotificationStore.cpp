#include "storage/NotificationStore.h"

#include <QCoreApplication>

namespace {
const QString kSelect = QStringLiteral(
    "SELECT n.id, n.category, n.certificate_id, c.name, n.task_id, n.actor_id, a.name, "
    "n.comment, n.created_at, n.read_at, n.threshold_days FROM notifications n "
    "LEFT JOIN certificates c ON c.id = n.certificate_id "
    "LEFT JOIN users a ON a.id = n.actor_id ");

Notification fromQuery(const QSqlQuery &q)
{
    Notification n;
    QString category;
    QVariant readAt;
    QVariant daysLeft;
    Sql::readColumns(q, 0, n.id, category, n.certificateId, n.certificateName, n.taskId, n.actorId,
                     n.actorName, n.comment, n.createdAt, readAt, daysLeft);
    n.daysLeft = daysLeft.isNull() ? -1 : daysLeft.toInt();
    n.category = Domain::categoryFromKey(category);
    n.read = !readAt.isNull();
    return n;
}

int affected(QSqlQuery &q, bool server, QString *error)
{
    if (!error->isEmpty())
        return 0;
    if (server)
        return q.next() ? q.value(0).toInt() : 0;
    return qMax(0, q.numRowsAffected());
}
} // namespace

NotificationStore::NotificationStore(const QSqlDatabase &db)
    : m_db(db), m_server(Database::isSecured(db))
{}

QList<Notification> NotificationStore::inbox(Id recipient, Filter filter, bool unreadOnly,
                                             Id beforeId, int limit, QString *error) const
{
    const QString request = Domain::categoryKey(NotificationCategory::ValidationRequest);
    const QString reminder = Domain::categoryKey(NotificationCategory::Reminder);
    QSqlQuery q;
    if (m_server) {
        const QString which = filter == Filter::Requests    ? QStringLiteral("requests")
                              : filter == Filter::Outcomes  ? QStringLiteral("outcomes")
                              : filter == Filter::Reminders ? QStringLiteral("reminders")
                                                            : QStringLiteral("all");
        q = Sql::run(m_db,
                     QStringLiteral("SELECT id, category, certificate_id, certificate_name, "
                                    "task_id, actor_id, actor_name, comment, created_at, read_at, "
                                    "threshold_days FROM cd_api.inbox(?, ?, ?, ?)"),
                     {which, unreadOnly, beforeId, qMax(1, limit)}, error);
    } else {
        QString sql = kSelect + QStringLiteral("WHERE n.recipient_id = ? ");
        QVariantList values{recipient};
        // Outcomes: everything that is neither a request nor a reminder.
        switch (filter) {
        case Filter::All:
            break;
        case Filter::Requests:
            sql += QStringLiteral("AND n.category = ? ");
            values << request;
            break;
        case Filter::Reminders:
            sql += QStringLiteral("AND n.category = ? ");
            values << reminder;
            break;
        case Filter::Outcomes:
            sql += QStringLiteral("AND n.category <> ? AND n.category <> ? ");
            values << request << reminder;
            break;
        }
        if (unreadOnly)
            sql += QStringLiteral("AND n.read_at IS NULL ");
        if (beforeId > 0) {
            sql += QStringLiteral("AND n.id < ? ");
            values << beforeId;
        }
        sql += QStringLiteral("ORDER BY n.id DESC LIMIT ?");
        values << qMax(1, limit);
        q = Sql::run(m_db, sql, values, error);
    }
    QList<Notification> list;
    while (error->isEmpty() && q.next())
        list.append(fromQuery(q));
    return list;
}

int NotificationStore::unreadCount(Id recipient, QString *error) const
{
    QSqlQuery q = m_server
                      ? Sql::run(m_db, QStringLiteral("SELECT cd_api.unread_count()"), {}, error)
                      : Sql::run(m_db,
                                 QStringLiteral("SELECT COUNT(*) FROM notifications WHERE "
                                                "recipient_id = ? AND read_at IS NULL"),
                                 {recipient}, error);
    return error->isEmpty() && q.next() ? q.value(0).toInt() : 0;
}

int NotificationStore::markRead(Id recipient, Id notificationId, QString *error)
{
    QSqlQuery q = m_server ? Sql::run(m_db, QStringLiteral("SELECT cd_api.mark_read(?)"),
                                      {notificationId}, error)
                           : Sql::run(m_db,
                                      QStringLiteral("UPDATE notifications SET read_at = ? WHERE "
                                                     "id = ? AND recipient_id = ? AND read_at IS "
                                                     "NULL"),
                                      {Sql::now(), notificationId, recipient}, error);
    return affected(q, m_server, error);
}

int NotificationStore::markAllRead(Id recipient, QString *error)
{
    QSqlQuery q = m_server
                      ? Sql::run(m_db, QStringLiteral("SELECT cd_api.mark_all_read()"), {}, error)
                      : Sql::run(m_db,
                                 QStringLiteral("UPDATE notifications SET read_at = ? WHERE "
                                                "recipient_id = ? AND read_at IS NULL"),
                                 {Sql::now(), recipient}, error);
    return affected(q, m_server, error);
}

void NotificationStore::markTaskRequestsRead(Id taskId, QString *error)
{
    if (m_server) {
        // cd_task_decided does it, with the decision.
        return;
    }
    Sql::run(m_db,
             QStringLiteral("UPDATE notifications SET read_at = ? WHERE task_id = ? AND category "
                            "= ? AND read_at IS NULL"),
             {Sql::now(), taskId, Domain::categoryKey(NotificationCategory::ValidationRequest)},
             error);
}

void NotificationStore::notifyOnServer(Id recipient, NotificationCategory category,
                                       Id certificateId, Id taskId, QString *error)
{
    Sql::run(m_db, QStringLiteral("SELECT cd_api.notify(?, ?, ?, ?)"),
             {recipient, Domain::categoryKey(category), Sql::idOrNull(certificateId),
              Sql::idOrNull(taskId)},
             error);
}

std::optional<NotificationStore::Recipient>
NotificationStore::recipient(Id recipient, Id certificateId, Id actor, QString *error) const
{
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("SELECT u.email, u.deleted, u.language, (SELECT name "
                                          "FROM certificates WHERE id = ?), (SELECT name FROM "
                                          "users WHERE id = ?), u.reminder_emails FROM users u "
                                          "WHERE u.id = ?"),
                           {Sql::idOrNull(certificateId), Sql::idOrNull(actor), recipient}, error);
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    Recipient r;
    r.email = q.value(0).toString();
    r.deleted = q.value(1).toBool();
    r.language = q.value(2).toString();
    r.certificateName = q.value(3).toString();
    r.actorName = q.value(4).toString();
    r.reminderEmails = q.value(5).toBool();
    q.finish();
    return r;
}

Id NotificationStore::insert(Id recipient, NotificationCategory category, Id certificateId,
                             Id taskId, Id actor, const QString &comment, QString *error,
                             int daysLeft)
{
    return Sql::insert(
        m_db,
        QStringLiteral("INSERT INTO notifications (recipient_id, category, "
                       "certificate_id, task_id, actor_id, comment, "
                       "created_at, threshold_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {recipient, Domain::categoryKey(category), Sql::idOrNull(certificateId),
         Sql::idOrNull(taskId), Sql::idOrNull(actor), Sql::textOrNull(comment), Sql::now(),
         daysLeft < 0 ? QVariant(QMetaType(QMetaType::Int)) : QVariant(daysLeft)},
        error);
}
