#include "SettingsService.h"

#include "AuditLog.h"

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
    const QString before = current->value(key);
    const QString after = updated.value(key);
    if (before == after)
        return updated;
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QString error;
    Sql::run(db,
             QStringLiteral("UPDATE settings SET value = ?, updated_at = ?, updated_by = ? WHERE "
                            "key = ?"),
             {after, Sql::now(), actor, key}, &error);
    if (error.isEmpty())
        AuditLog::record(db, actor, QStringLiteral("settings.change"), QStringLiteral("setting"), 0,
                         QJsonObject{{QStringLiteral("key"), key},
                                     {QStringLiteral("from"), before},
                                     {QStringLiteral("to"), after}},
                         &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(
            ErrorKind::Storage,
            tr("The setting could not be saved: %1").arg(error.isEmpty() ? tx.error() : error));
    return updated;
}
