#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QCoreApplication>

// Which notifications an inbox shows: all, the reviewers' validation
// requests (category "Certificate Validation"), or the owners' outcomes.
enum class InboxFilter
{
    All,
    ValidationRequests,
    Outcomes
};

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
    // The same, one category only (filtered by the database).
    Result<QList<Notification>> notifications(Id recipient, InboxFilter filter, bool unreadOnly,
                                              Id beforeId, int limit) const;
    Result<int> unreadCount(Id recipient) const;
    // Only the recipient's own notifications; one already read stays as it was.
    Status markRead(Id recipient, Id notificationId);
    // Every unread notification of the recipient in one statement; how many.
    Result<int> markAllRead(Id recipient);

    // Used by services inside their transaction: the notification and its
    // email to the recipient (unless the recipient is deleted).
    static bool notify(const QSqlDatabase &db, Id recipient, NotificationCategory category,
                       Id certificateId, Id taskId, Id actor, const QString &comment,
                       QString *error);

    // Used by the review inside its transaction: a decided task's validation
    // requests are done for every reviewer, so they stop waiting as unread.
    static bool markTaskRequestsRead(const QSqlDatabase &db, Id taskId, QString *error);

private:
    Database &m_db;
};
