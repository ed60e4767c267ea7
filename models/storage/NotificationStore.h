#pragma once

#include "core/Domain.h"
#include "storage/Database.h"

#include <QSqlDatabase>

#include <optional>

// The notifications aggregate in the storage layer: the in-app inbox (the
// email written with each notification is mail/OutboxStore's). Plain statements, or the
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
        Outcomes,
        Reminders
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

    // Whom a new notification goes to, and the names its text is made of
    // (plain statements; one statement).
    struct Recipient
    {
        QString email;
        QString language;
        bool deleted = false;
        QString certificateName;
        QString actorName;
        bool reminderEmails = true; // their choice of reminder emails
    };
    std::optional<Recipient> recipient(Id recipient, Id certificateId, Id actor,
                                       QString *error) const;
    // Plain statements: the in-app notification; returns its id.
    // daysLeft: a reminder's days before expiry (-1: none).
    Id insert(Id recipient, NotificationCategory category, Id certificateId, Id taskId, Id actor,
              const QString &comment, QString *error, int daysLeft = -1);
    // A secured database: the server writes the notification and its email
    // for the event that justifies it (cd_api.notify), composing the text
    // itself; the client sends no text.
    void notifyOnServer(Id recipient, NotificationCategory category, Id certificateId, Id taskId,
                        QString *error);

private:
    QSqlDatabase m_db;
    bool m_server = false;

public:
    bool isServer() const { return m_server; }
};
