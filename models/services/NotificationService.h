#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QCoreApplication>

// Which notifications an inbox shows: all, the reviewers' validation
// requests (category "Certificate Validation"), the owners' outcomes
// (validated, rejected, revoked), or the reminders before expiry.
enum class InboxFilter
{
    All,
    ValidationRequests,
    Outcomes,
    Reminders
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
    // email to the recipient (unless the recipient is deleted; a reminder's
    // email unless they turned reminder emails off). daysLeft: a reminder's.
    static bool notify(const QSqlDatabase &db, Id recipient, NotificationCategory category,
                       Id certificateId, Id taskId, Id actor, const QString &comment,
                       QString *error, int daysLeft = -1);

    // Used by the review inside its transaction: a decided task's validation
    // requests are done for every reviewer, so they stop waiting as unread.
    static bool markTaskRequestsRead(const QSqlDatabase &db, Id taskId, QString *error);

private:
    Database &m_db;
};
