#include "AuditLog.h"

#include "Database.h"

#include <QJsonDocument>

bool AuditLog::record(const QSqlDatabase &db, Id actor, const QString &action,
                      const QString &subjectType, Id subjectId, const QJsonObject &details,
                      QString *error)
{
    Sql::run(db,
             QStringLiteral("INSERT INTO audit_log (at, actor_id, action, subject_type, "
                            "subject_id, details) VALUES (?, ?, ?, ?, ?, ?)"),
             {Sql::now(), Sql::idOrNull(actor), action, subjectType, Sql::idOrNull(subjectId),
              QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))},
             error);
    return error->isEmpty();
}
