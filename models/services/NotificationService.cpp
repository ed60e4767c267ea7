#include "services/NotificationService.h"

#include "mail/OutboxStore.h"
#include "storage/NotificationStore.h"

namespace {
NotificationStore::Filter storeFilter(InboxFilter filter)
{
    switch (filter) {
    case InboxFilter::ValidationRequests:
        return NotificationStore::Filter::Requests;
    case InboxFilter::Outcomes:
        return NotificationStore::Filter::Outcomes;
    case InboxFilter::Reminders:
        return NotificationStore::Filter::Reminders;
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
                                 Id actor, const QString &comment, QString *error, int daysLeft)
{
    NotificationStore store(db);
    if (store.isServer()) {
        store.notifyOnServer(recipient, category, certificateId, taskId, error);
        return error->isEmpty();
    }
    const auto to = store.recipient(recipient, certificateId, actor, error);
    if (!error->isEmpty())
        return false;
    if (!to) {
        *error = tr("There is no user %1 to notify.").arg(recipient);
        return false;
    }
    // Deleted users get no notifications (README rules).
    if (to->deleted)
        return true;
    const Id id =
        store.insert(recipient, category, certificateId, taskId, actor, comment, error, daysLeft);
    if (!error->isEmpty())
        return false;
    // Each person's choice (README "Reminders"): in-app reminders stay.
    if (category == NotificationCategory::Reminder && !to->reminderEmails)
        return true;
    // The email says what the in-app notification says.
    Notification notification;
    notification.category = category;
    notification.certificateId = certificateId;
    notification.taskId = taskId;
    notification.actorId = actor;
    notification.comment = comment;
    notification.certificateName = to->certificateName;
    notification.actorName = to->actorName;
    notification.daysLeft = daysLeft;
    const QString body = notification.body() + QStringLiteral("\n\n") + notification.emailFooter();
    OutboxStore(db).enqueue(id, to->email, notification.title(), body, to->language, error);
    return error->isEmpty();
}
