#pragma once

#include "core/Domain.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// A reminder before a certificate's expiry (README "Reminders"): the
// certificate, its threshold (days before expiry, 0: the expiry day) and
// whom it went to.
struct Reminder
{
    Id certificateId = 0;
    QString certificateName;
    Id ownerId = 0;
    QString ownerName;
    QDate expiresOn;
    int daysLeft = 0;
    int threshold = 0;
    // This run wrote it (a dry run: would write it); false: another job had
    // claimed it first.
    bool sent = false;
    struct Recipient
    {
        Id id = 0;
        QString name;
        bool emailed = false; // false: they turned reminder emails off
    };
    QList<Recipient> recipients;
};

// The reminders aggregate in the storage layer: the certificates a reminder
// may be due for, and reminders_sent, whose key (certificate, expiry date,
// threshold) makes each reminder once. Plain statements, or on a prepared
// PostgreSQL database the server's cd_api.send_reminders, which does the
// whole job for one page of certificates in the caller's transaction.
class ReminderStore
{
public:
    explicit ReminderStore(const QSqlDatabase &db);
    bool isServer() const { return m_server; }

    // The reminders due today (external certificates accepted or validated,
    // not revoked nor renewed, owner not deleted, a threshold of days
    // reached, and neither its reminder nor a later one, a smaller
    // threshold, sent for this expiry date), in (expires_on, id) order after
    // the keyset (afterId 0: from the first). days: reminders.days, largest
    // first (PlatformSettings), not empty.
    QList<Reminder> candidates(const QDate &today, const QList<int> &days,
                               const QDate &afterExpires, Id afterId, int limit,
                               QString *error) const;
    // Claims the reminder in reminders_sent, in the caller's transaction and
    // as its first write (SQLite then takes the write lock before reading):
    // true when this call claimed it; false when it, or a later one, was
    // claimed before or the certificate is no longer reminded of.
    bool claim(const Reminder &reminder, const QDate &today, QString *error);
    // Names and choice of reminder emails of these people.
    QList<Reminder::Recipient> people(const QList<Id> &ids, QString *error) const;

    // A prepared server: cd_api.send_reminders for one page; every row read,
    // sent or not (the keyset continues after the last).
    QList<Reminder> sendOnServer(const QDate &today, bool dryRun, const QDate &afterExpires,
                                 Id afterId, int limit, QString *error);

private:
    QSqlDatabase m_db;
    bool m_server = false;
};
