#include "policy/SettingsService.h"

#include "storage/AuditLog.h"

#include <QJsonObject>

SettingsService::SettingsService(Database &db) : m_db(db), m_policy(db.connection()) {}

Result<PlatformSettings> SettingsService::settings() const
{
    return PlatformSettings::load(m_db.connection());
}

Result<PlatformSettings> SettingsService::set(Id actor, const QString &key, const QString &value)
{
    if (const Decision d = m_policy.mayChangeSettings(actor); !d)
        return makeError(ErrorKind::Refused, d.reason);
    auto current = settings();
    if (!current)
        return current.error();
    PlatformSettings updated = current.value();
    if (const Status s = updated.set(key, value); !s)
        return s.error();
    // Stored and shown values differ for the SMTP password: the table gets
    // it sealed, the audit log only "set" or "not set".
    const QString stored = updated.storedValue(key);
    if (current->storedValue(key) == stored)
        return updated;
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QString error;
    const QDateTime now = Sql::now();
    QSqlQuery q = Sql::run(db,
                           QStringLiteral("UPDATE settings SET value = ?, updated_at = ?, "
                                          "updated_by = ? WHERE key = ?"),
                           {stored, now, actor, key}, &error);
    // Keys added after the first schema have no row until first set.
    if (error.isEmpty() && q.numRowsAffected() == 0)
        Sql::run(db,
                 QStringLiteral("INSERT INTO settings (key, value, updated_at, updated_by) VALUES "
                                "(?, ?, ?, ?)"),
                 {key, stored, now, actor}, &error);
    if (error.isEmpty())
        AuditLog::record(db, actor, QStringLiteral("settings.change"), QStringLiteral("setting"), 0,
                         QJsonObject{{QStringLiteral("key"), key},
                                     {QStringLiteral("from"), current->value(key)},
                                     {QStringLiteral("to"), updated.value(key)}},
                         &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(
            ErrorKind::Storage,
            tr("The setting could not be saved: %1").arg(error.isEmpty() ? tx.error() : error));
    return updated;
}
