#pragma once

#include "core/Domain.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

// One email of the outbox as platform admins see it.
struct OutboxEntry
{
    Id id = 0;
    Id notificationId = 0;
    QString recipient;
    QString subject;
    QString language;
    QString state; // queued, sending, sent, failed
    int attempts = 0;
    QString lastError;
    QString messageId;
    QDateTime createdAt;
    QDateTime lastAttemptAt;
    QDateTime nextAttemptAt;
    QDateTime sentAt;
};

// One email of the outbox as stored, with its text and the event it is
// composed from.
struct OutboxRow : OutboxEntry
{
    QString body;
    QDateTime queuedAt; // the give-up clock starts here (a retry restarts it)
    MailEvent event;    // the notification it is about (category empty: none)
};

// The email outbox aggregate in the storage layer: what platform admins see
// and retry, and what the sender (or a relay) claims and records. Plain
// statements, or the server's API on a secured PostgreSQL database (see
// CertificateStore), where members and relays hold no privilege on the
// table and only relays send.
class OutboxStore
{
public:
    explicit OutboxStore(const QSqlDatabase &db);

    // Platform admins (a secured server answers nobody else).
    QList<OutboxRow> failed(Id beforeId, int limit, QString *error) const;
    std::optional<OutboxRow> byId(Id emailId, QString *error) const;
    int retry(Id emailId, QString *error); // rows changed
    struct StateCount
    {
        QString state;
        int count = 0;
        QDateTime nextAttemptAt; // the earliest of that state
    };
    QList<StateCount> counts(QString *error) const;
    int failedCount(QString *error) const;

    // Plain statements: the email of a new notification, queued now (on a
    // secured database the server queues it with the notification).
    void enqueue(Id notificationId, const QString &recipient, const QString &subject,
                 const QString &body, const QString &language, QString *error);

    // The sender (a relay on a secured database).
    std::optional<OutboxRow> claim(const QString &claimer, const QDateTime &until,
                                   const QString &messageId, const QDateTime &dueBy,
                                   const QDateTime &now, QString *error);
    void markSent(Id emailId, const QDateTime &now, QString *error);
    void markFailed(Id emailId, const QString &claimer, bool giveUp, const QDateTime &now,
                    const QDateTime &next, const QString &lastError, QString *error);
    // Past deadlineStart the due emails fail; the others wait until until.
    void deferDue(const QString &lastError, const QDateTime &dueBy, const QDateTime &deadlineStart,
                  const QDateTime &until, int *gaveUp, int *deferred, QString *error);
    QDateTime nextDue(QString *error) const;

private:
    QSqlDatabase m_db;
    bool m_server = false;
};
