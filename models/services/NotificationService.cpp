#include "services/NotificationService.h"

#include "storage/NotificationStore.h"

namespace {
NotificationStore::Filter storeFilter(InboxFilter filter)
{
    switch (filter) {
    case InboxFilter::ValidationRequests:
        return NotificationStore::Filter::Requests;
    case InboxFilter::Outcomes:
        return NotificationStore::Filter::Outcomes;
    case InboxFilter::All:
        break;
    }
    return NotificationStore::Filter::All;
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
    QString error;
    const auto list =
        NotificationStore(m_db.connection())
            .inbox(recipient, storeFilter(filter), unreadOnly, beforeId, limit, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return list;
}

Result<int> NotificationService::unreadCount(Id recipient) const
{
    QString error;
    const int n = NotificationStore(m_db.connection()).unreadCount(recipient, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return n;
}

Status NotificationService::markRead(Id recipient, Id notificationId)
{
    QString error;
    NotificationStore(m_db.connection()).markRead(recipient, notificationId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return Done{};
}

Result<int> NotificationService::markAllRead(Id recipient)
{
    QString error;
    const int n = NotificationStore(m_db.connection()).markAllRead(recipient, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return n;
}

bool NotificationService::markTaskRequestsRead(const QSqlDatabase &db, Id taskId, QString *error)
{
    NotificationStore(db).markTaskRequestsRead(taskId, error);
    return error->isEmpty();
}

bool NotificationService::notify(const QSqlDatabase &db, Id recipient,
                                 NotificationCategory category, Id certificateId, Id taskId,
                                 Id actor, const QString &comment, QString *error)
{
    // The email says what the in-app notification says.
    const auto compose = [&]() -> NotificationStore::Texts {
        Notification notification;
        notification.category = category;
        notification.certificateId = certificateId;
        notification.taskId = taskId;
        notification.actorId = actor;
        notification.comment = comment;
        QString namesError;
        QSqlQuery names =
            Sql::run(db,
                     QStringLiteral("SELECT (SELECT name FROM certificates WHERE id = ?), "
                                    "(SELECT name FROM users WHERE id = ?)"),
                     {certificateId, actor}, &namesError);
        if (names.next()) {
            notification.certificateName = names.value(0).toString();
            notification.actorName = names.value(1).toString();
        }
        names.finish();
        return {notification.title(),
                notification.body() + QStringLiteral("\n\n") +
                    (category == NotificationCategory::ValidationRequest
                         ? tr("Open CertDesk, then Notifications > Certificate Validation, "
                              "to review it.")
                         : tr("Open CertDesk, then Results, to see it."))};
    };
    NotificationStore(db).notify(recipient, category, certificateId, taskId, actor, comment,
                                 compose, error);
    return error->isEmpty();
}
