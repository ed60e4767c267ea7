#pragma once

#include "core/Domain.h"
#include "storage/Database.h"

#include <QSqlDatabase>

#include <functional>

// The notifications aggregate in the storage layer: the in-app inbox and the
// outbox email written with each notification. Plain statements, or the
// server's API on a secured PostgreSQL database (see CertificateStore),
// where the server writes a notification only for the event that justifies
// it and composes nothing from a client's text.
class NotificationStore
{
public:
    explicit NotificationStore(const QSqlDatabase &db);

    enum class Filter
    {
        All,
        Requests,
        Outcomes
    };
    // Newest first, before beforeId (0: from the newest).
    QList<Notification> inbox(Id recipient, Filter filter, bool unreadOnly, Id beforeId, int limit,
                              QString *error) const;
    int unreadCount(Id recipient, QString *error) const;
    int markRead(Id recipient, Id notificationId, QString *error);
    int markAllRead(Id recipient, QString *error);
    // A decided task's validation requests, read for every reviewer (the
    // server does it itself, with the decision).
    void markTaskRequestsRead(Id taskId, QString *error);

    struct Texts
    {
        QString subject;
        QString body;
    };
    // The notification and its outbox email, unless the recipient is deleted.
    // compose gives the email's text for plain statements; the server
    // composes nothing here (the relay renders the email from the event).
    void notify(Id recipient, NotificationCategory category, Id certificateId, Id taskId, Id actor,
                const QString &comment, const std::function<Texts()> &compose, QString *error);

private:
    QSqlDatabase m_db;
    bool m_server = false;
};
