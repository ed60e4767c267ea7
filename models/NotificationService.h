#pragma once

#include "Database.h"
#include "Domain.h"
#include "Result.h"

#include <QCoreApplication>

// The in-app inbox. Notifications are written by the services that cause
// them (import, review), in the same transaction as their outbox email.
class NotificationService
{
    Q_DECLARE_TR_FUNCTIONS(NotificationService)

public:
    explicit NotificationService(Database &db);

    // Newest first; beforeId 0 starts at the newest.
    Result<QList<Notification>> notifications(Id recipient, bool unreadOnly, Id beforeId,
                                              int limit) const;
    Result<int> unreadCount(Id recipient) const;
    Status markRead(Id recipient, Id notificationId);

    // Used by services inside their transaction: the notification and its
    // email to the recipient (unless the recipient is deleted).
    static bool notify(const QSqlDatabase &db, Id recipient, NotificationCategory category,
                       Id certificateId, Id taskId, Id actor, const QString &comment,
                       QString *error);

private:
    Database &m_db;
};
