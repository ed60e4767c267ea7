#include "services/ComplianceService.h"

#include "storage/AuditLog.h"
#include "storage/Transaction.h"

#include <QJsonObject>

ComplianceService::ComplianceService(Database &db) : m_db(db), m_policy(db.connection()) {}

Result<ScopeSql> ComplianceService::scopeOf(Id actor) const
{
    if (const Decision d = m_policy.mayViewCompliance(actor); !d)
        return makeError(ErrorKind::Refused, d.reason);
    if (m_policy.isPlatformAdmin(actor))
        return ScopeSql{};
    return ScopeSql{actor, Policy::scopeCte()};
}

Result<QPair<Id, Id>> ComplianceService::groupAndTemplate(const QString &groupName,
                                                          const QString &templateName) const
{
    QString error;
    Id group = 0;
    Id templ = 0;
    if (!groupName.trimmed().isEmpty()) {
        QSqlQuery q =
            Sql::run(m_db.connection(), QStringLiteral("SELECT id FROM groups WHERE name = ?"),
                     {groupName.trimmed()}, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, error);
        if (!q.next())
            return makeError(ErrorKind::NotFound,
                             tr("There is no group named \"%1\".").arg(groupName.trimmed()));
        group = q.value(0).toLongLong();
    }
    if (!templateName.trimmed().isEmpty()) {
        QSqlQuery q =
            Sql::run(m_db.connection(),
                     QStringLiteral("SELECT id FROM certificate_templates WHERE name = ?"),
                     {templateName.trimmed()}, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, error);
        if (!q.next())
            return makeError(
                ErrorKind::NotFound,
                tr("There is no certificate template named \"%1\".").arg(templateName.trimmed()));
        templ = q.value(0).toLongLong();
    }
    return qMakePair(group, templ);
}

Result<ComplianceQuery> ComplianceService::resolve(const QString &groupName,
                                                   const QString &templateName) const
{
    const auto ids = groupAndTemplate(groupName, templateName);
    if (!ids)
        return ids.error();
    ComplianceQuery query;
    query.groupId = ids->first;
    query.templateId = ids->second;
    query.today = Domain::today();
    query.soonDays = m_policy.settings().expirySoonDays;
    return query;
}

Result<QList<Requirement>> ComplianceService::requirements(Id actor, Id groupId) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    QString error;
    const QList<Requirement> list =
        ComplianceStore(m_db.connection()).requirements(groupId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return list;
}

Result<Requirement> ComplianceService::addRequirement(Id actor, const QString &groupName,
                                                      const QString &templateName)
{
    if (groupName.trimmed().isEmpty())
        return makeError(ErrorKind::Invalid, tr("Name the group that requires the template."));
    if (templateName.trimmed().isEmpty())
        return makeError(ErrorKind::Invalid, tr("Name the template the group requires."));
    const auto ids = groupAndTemplate(groupName, templateName);
    if (!ids)
        return ids.error();
    return addRequirement(actor, ids->first, ids->second);
}

Result<Requirement> ComplianceService::addRequirement(Id actor, Id groupId, Id templateId)
{
    if (const Decision d = m_policy.mayChangeRequirements(actor, groupId); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    ComplianceStore store(db);
    QString error;
    const QList<Requirement> existing = store.requirements(groupId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    for (const Requirement &r : existing) {
        if (r.templateId == templateId)
            return makeError(ErrorKind::Conflict,
                             tr("%1 already requires \"%2\".").arg(r.groupName, r.templateName));
    }
    if (!store.addRequirement(groupId, templateId, actor, &error) || !tx.commit())
        return makeError(ErrorKind::Storage, error.isEmpty() ? tx.error() : error);
    for (const Requirement &r : store.requirements(groupId, &error)) {
        if (r.templateId == templateId)
            return r;
    }
    return makeError(ErrorKind::Storage, error);
}

Status ComplianceService::removeRequirement(Id actor, const QString &groupName,
                                            const QString &templateName)
{
    if (groupName.trimmed().isEmpty() || templateName.trimmed().isEmpty())
        return makeError(ErrorKind::Invalid, tr("Name the group and the template it requires."));
    const auto ids = groupAndTemplate(groupName, templateName);
    if (!ids)
        return ids.error();
    return removeRequirement(actor, ids->first, ids->second);
}

Status ComplianceService::removeRequirement(Id actor, Id groupId, Id templateId)
{
    if (const Decision d = m_policy.mayChangeRequirements(actor, groupId); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    ComplianceStore store(db);
    QString error;
    const int removed = store.removeRequirement(groupId, templateId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (removed == 0)
        return makeError(ErrorKind::NotFound, tr("The group does not require this template."));
    AuditLog::record(db, actor, QStringLiteral("requirement.remove"), QStringLiteral("group"),
                     groupId, QJsonObject{{QStringLiteral("template_id"), templateId}}, &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage, error.isEmpty() ? tx.error() : error);
    return Done{};
}

Result<QList<CertificateTemplate>> ComplianceService::columns(Id actor,
                                                              const ComplianceQuery &query) const
{
    if (const Decision d = m_policy.mayViewCompliance(actor); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QString error;
    const auto list = ComplianceStore(m_db.connection()).requiredTemplates(query, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return list;
}

Result<QList<ComplianceRow>> ComplianceService::page(Id actor, const ComplianceQuery &query,
                                                     const ComplianceCursor &after, int limit) const
{
    const auto scope = scopeOf(actor);
    if (!scope)
        return scope.error();
    QString error;
    auto rows = ComplianceStore(m_db.connection()).page(scope.value(), query, after, limit, &error);
    if (!rows)
        return makeError(ErrorKind::Storage, error);
    return *rows;
}

Result<int> ComplianceService::count(Id actor, const ComplianceQuery &query) const
{
    const auto scope = scopeOf(actor);
    if (!scope)
        return scope.error();
    QString error;
    const auto n = ComplianceStore(m_db.connection()).count(scope.value(), query, &error);
    if (!n)
        return makeError(ErrorKind::Storage, error);
    return *n;
}

Result<QList<ComplianceTotal>> ComplianceService::totals(Id actor,
                                                         const ComplianceQuery &query) const
{
    const auto scope = scopeOf(actor);
    if (!scope)
        return scope.error();
    QString error;
    const auto list = ComplianceStore(m_db.connection()).totals(scope.value(), query, &error);
    if (!list)
        return makeError(ErrorKind::Storage, error);
    return *list;
}

Result<QList<ComplianceTotal>> ComplianceService::totalsByGroup(Id actor,
                                                                const ComplianceQuery &query) const
{
    const auto scope = scopeOf(actor);
    if (!scope)
        return scope.error();
    ComplianceStore store(m_db.connection());
    QString error;
    const QList<Requirement> requirements = store.requirements(0, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    // Each group with requirements of its own, once, in name order; within
    // the query's group when it names one (that group or one below it).
    QList<QPair<Id, QString>> groups;
    for (const Requirement &r : requirements) {
        if (groups.isEmpty() || groups.constLast().first != r.groupId)
            groups.append({r.groupId, r.groupName});
    }
    QList<ComplianceTotal> out;
    for (const auto &[groupId, groupName] : std::as_const(groups)) {
        if (query.groupId > 0 && groupId != query.groupId &&
            !isBelow(groupId, query.groupId, &error))
            continue;
        ComplianceQuery one = query;
        one.groupId = groupId;
        const auto totals = store.totals(scope.value(), one, &error);
        if (!totals)
            return makeError(ErrorKind::Storage, error);
        for (ComplianceTotal total : *totals) {
            if (total.required() == 0)
                continue;
            total.groupId = groupId;
            total.groupName = groupName;
            out.append(total);
        }
    }
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return out;
}

bool ComplianceService::isBelow(Id group, Id ancestor, QString *error) const
{
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("WITH RECURSIVE up(id) AS (SELECT parent_id FROM groups "
                                          "WHERE id = ? UNION SELECT g.parent_id FROM groups g "
                                          "JOIN up ON g.id = up.id WHERE g.parent_id IS NOT "
                                          "NULL) SELECT 1 FROM up WHERE id = ?"),
                           {group, ancestor}, error);
    return error->isEmpty() && q.next();
}

ComplianceService::Summary ComplianceService::summary(Database &db, Id actor,
                                                      const ComplianceQuery &query)
{
    const ComplianceService service(db);
    return {service.count(actor, query), service.totals(actor, query)};
}
