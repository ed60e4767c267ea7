#include "storage/ReminderStore.h"

#include "storage/Database.h"
#include "storage/Sql.h"

#include <algorithm>

namespace {
// What may be reminded of (README "Reminders"), the twin of the server's
// cd_api.send_reminders.
const QString kEligible = QStringLiteral(
    "c.kind = 'external' AND c.status IN ('accepted', 'validated') AND c.revoked_at IS NULL "
    "AND c.renewed_by_id IS NULL");

QList<Id> idArray(const QVariant &value)
{
    // A PostgreSQL array as QPSQL returns it: "{1,2,3}".
    QList<Id> ids;
    QString text = value.toString();
    text.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids << part.toLongLong();
    return ids;
}

QStringList textArray(const QVariant &value)
{
    // A PostgreSQL text array: {a,"b c","d \"e\""}.
    QStringList items;
    const QString text = value.toString();
    if (text.size() < 2)
        return items;
    QString current;
    bool quoted = false;
    bool any = false;
    for (int i = 1; i < text.size() - 1; ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == QLatin1Char('\\') && i + 1 < text.size() - 1)
                current += text.at(++i);
            else if (ch == QLatin1Char('"'))
                quoted = false;
            else
                current += ch;
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
            any = true;
        } else if (ch == QLatin1Char(',')) {
            items << current;
            current.clear();
            any = false;
        } else {
            current += ch;
            any = true;
        }
    }
    if (any || !current.isEmpty())
        items << current;
    return items;
}
} // namespace

ReminderStore::ReminderStore(const QSqlDatabase &db) : m_db(db), m_server(Database::isSecured(db))
{}

QList<Reminder> ReminderStore::candidates(const QDate &today, const QList<int> &days,
                                          const QDate &afterExpires, Id afterId, int limit,
                                          QString *error) const
{
    // The threshold of each certificate, PlatformSettings::reminderThreshold
    // in SQL: the smallest threshold whose date (today + threshold) is not
    // before the expiry date, as a CASE over bound dates (both dialects).
    QList<int> ascending = days;
    std::sort(ascending.begin(), ascending.end());
    QString threshold = QStringLiteral("CASE");
    QVariantList thresholdValues;
    for (int d : std::as_const(ascending)) {
        // The threshold itself is written out: a whole number the settings
        // checked (bound, PostgreSQL would read it as text).
        threshold += QStringLiteral(" WHEN c.expires_on <= ? THEN %1").arg(d);
        thresholdValues << Sql::dateOrNull(today.addDays(d));
    }
    threshold += QStringLiteral(" END");

    QString sql = QStringLiteral("SELECT c.id, c.name, c.owner_id, o.name, c.expires_on, ") +
                  threshold +
                  QStringLiteral(" FROM certificates c JOIN users o ON o.id = c.owner_id WHERE "
                                 "c.expires_on >= ? AND c.expires_on <= ? AND o.deleted = ? AND ") +
                  kEligible +
                  QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE "
                                 "s.certificate_id = c.id AND s.expires_on = c.expires_on AND "
                                 "s.threshold_days <= ") +
                  threshold + QStringLiteral(")");
    QVariantList values = thresholdValues;
    values << Sql::dateOrNull(today) << Sql::dateOrNull(today.addDays(ascending.last())) << false;
    values << thresholdValues;
    if (afterId > 0) {
        sql += QStringLiteral(" AND (c.expires_on > ? OR (c.expires_on = ? AND c.id > ?))");
        values << Sql::dateOrNull(afterExpires) << Sql::dateOrNull(afterExpires) << afterId;
    }
    sql += QStringLiteral(" ORDER BY c.expires_on, c.id LIMIT ?");
    values << qMax(1, limit);
    QSqlQuery q = Sql::run(m_db, sql, values, error);
    QList<Reminder> list;
    while (error->isEmpty() && q.next()) {
        Reminder r;
        Sql::readColumns(q, 0, r.certificateId, r.certificateName, r.ownerId, r.ownerName,
                         r.expiresOn, r.threshold);
        r.daysLeft = int(today.daysTo(r.expiresOn));
        list << r;
    }
    return list;
}

bool ReminderStore::claim(const Reminder &reminder, const QDate &today, QString *error)
{
    // One statement: the certificate still reminded of, no reminder at this
    // threshold or below sent for this expiry date, and the key taken; a
    // job that claimed it at the same moment wins, this one inserts nothing.
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral("INSERT INTO reminders_sent (certificate_id, expires_on, threshold_days, "
                       "sent_at) SELECT c.id, c.expires_on, ?, ? FROM certificates c WHERE "
                       "c.id = ? AND c.expires_on = ? AND c.expires_on >= ? AND ") +
            kEligible +
            QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE "
                           "s.certificate_id = c.id AND s.expires_on = c.expires_on AND "
                           "s.threshold_days <= ?) ON CONFLICT DO NOTHING"),
        {reminder.threshold, Sql::now(), reminder.certificateId,
         Sql::dateOrNull(reminder.expiresOn), Sql::dateOrNull(today), reminder.threshold},
        error);
    return error->isEmpty() && q.numRowsAffected() == 1;
}

QList<Reminder::Recipient> ReminderStore::people(const QList<Id> &ids, QString *error) const
{
    QList<Reminder::Recipient> list;
    for (Id id : ids) {
        QSqlQuery q =
            Sql::run(m_db, QStringLiteral("SELECT name, reminder_emails FROM users WHERE id = ?"),
                     {id}, error);
        if (!error->isEmpty())
            break;
        Reminder::Recipient r;
        r.id = id;
        if (q.next())
            Sql::readColumns(q, 0, r.name, r.emailed);
        list << r;
    }
    return list;
}

QList<Reminder> ReminderStore::sendOnServer(const QDate &today, bool dryRun,
                                            const QDate &afterExpires, Id afterId, int limit,
                                            QString *error)
{
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral("SELECT certificate_id, certificate_name, owner_id, owner_name, "
                       "expires_on, days_left, threshold_days, sent, recipient_ids, "
                       "recipient_names, emailed FROM cd_api.send_reminders(?, ?, ?, ?, ?)"),
        {Sql::dateOrNull(today), dryRun, Sql::dateOrNull(afterExpires), afterId, qMax(1, limit)},
        error);
    QList<Reminder> list;
    while (error->isEmpty() && q.next()) {
        Reminder r;
        Sql::readColumns(q, 0, r.certificateId, r.certificateName, r.ownerId, r.ownerName,
                         r.expiresOn, r.daysLeft, r.threshold, r.sent);
        const QList<Id> ids = idArray(q.value(8));
        const QStringList names = textArray(q.value(9));
        const QStringList emailed = textArray(q.value(10));
        for (int i = 0; i < ids.size(); ++i) {
            Reminder::Recipient person;
            person.id = ids.at(i);
            person.name = names.value(i);
            person.emailed = emailed.value(i) == QLatin1String("t");
            r.recipients << person;
        }
        list << r;
    }
    return list;
}
