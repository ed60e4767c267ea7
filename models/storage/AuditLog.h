#pragma once

#include "core/Domain.h"

#include <QJsonObject>
#include <QSqlDatabase>

// Appends to the audit log inside the caller's transaction: who did what to
// which subject, with details as JSON.
class AuditLog
{
public:
    static bool record(const QSqlDatabase &db, Id actor, const QString &action,
                       const QString &subjectType, Id subjectId, const QJsonObject &details,
                       QString *error);
};
