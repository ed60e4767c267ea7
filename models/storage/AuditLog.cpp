#include "storage/AuditLog.h"

#include "storage/Database.h"

#include <QJsonDocument>

bool AuditLog::record(const QSqlDatabase &db, Id actor, const QString &action,
                      const QString &subjectType, Id subjectId, const QJsonObject &details,
                      QString *error)
{
    // On a secured database the server's triggers write the log with the
    // change they record (resources/pgsql/api.sql); nobody else may.
    if (Database::isSecured(db))
        return error->isEmpty();
    Sql::run(db,
             QStringLiteral("INSERT INTO audit_log (at, actor_id, action, subject_type, "
                            "subject_id, details) VALUES (?, ?, ?, ?, ?, ?)"),
             {Sql::now(), Sql::idOrNull(actor), action, subjectType, Sql::idOrNull(subjectId),
              QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))},
             error);
    return error->isEmpty();
}
