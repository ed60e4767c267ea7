#include "storage/ComplianceStore.h"

#include "storage/AuditLog.h"

#include <QJsonObject>

#include <algorithm>

namespace {
// Dates are inlined into the statements (ISO digits from a QDate, nothing a
// caller types): the best certificate's conditions appear several times in
// one statement, and every dialect compares an ISO literal with its dates.
QString dateLiteral(const QDate &date)
{
    return QLatin1Char('\'') + date.toString(Qt::ISODate) + QLatin1Char('\'');
}

// The best certificate of owner for template (README "Rules", Requirements
// and compliance): valid or expiring (the latest expiration first, none
// best), then pending, then expired; never a rejected or revoked one. The
// server's twin: cd_compliance_best (resources/pgsql/api.sql).
QString bestOf(const QString &owner, const QString &templ, const QString &column,
               const QDate &today)
{
    return QStringLiteral("(SELECT %1 FROM certificates c WHERE c.owner_id = %2 AND "
                          "c.template_id = %3 AND c.status IN ('accepted', 'validated', "
                          "'pending') AND c.revoked_at IS NULL ORDER BY CASE WHEN c.status = "
                          "'pending' THEN 2 WHEN c.expires_on < %4 THEN 3 ELSE 1 END, "
                          "COALESCE(c.expires_on, '9999-12-31') DESC, c.id DESC LIMIT 1)")
        .arg(column, owner, templ, dateLiteral(today));
}

// The state of the best certificate, as stateOf() works it out.
QString stateSql(const QString &owner, const QString &templ, const QDate &today, const QDate &soon)
{
    const QString state =
        QStringLiteral("CASE WHEN c.status = 'pending' THEN 'pending' WHEN c.expires_on < %1 "
                       "THEN 'expired' WHEN c.expires_on <= %2 THEN 'expiring' ELSE 'valid' END")
            .arg(dateLiteral(today), dateLiteral(soon));
    return QStringLiteral("COALESCE(%1, 'missing')").arg(bestOf(owner, templ, state, today));
}

// When the requirement lapses (Compliance::lapse).
QString lapseSql(const QString &owner, const QString &templ, const QDate &today)
{
    const QString lapse = QStringLiteral("CASE WHEN c.status = 'pending' THEN '0001-01-01' ELSE "
                                         "COALESCE(c.expires_on, '9999-12-31') END");
    return QStringLiteral("COALESCE(%1, '0001-01-01')").arg(bestOf(owner, templ, lapse, today));
}

// reqg(group_id, template_id): every group with what it requires, its own
// requirements and those of the groups above it; sub(id): the filter's group
// and the groups below it. Two placeholders each: template, template; group.
const QString kRequirementCtes = QStringLiteral(
    "reqg(group_id, template_id) AS ("
    " SELECT r.group_id, r.template_id FROM group_requirements r"
    " WHERE CAST(? AS BIGINT) = 0 OR r.template_id = ?"
    " UNION SELECT g.id, q.template_id FROM groups g JOIN reqg q ON g.parent_id = q.group_id), "
    "sub(id) AS (SELECT CAST(? AS BIGINT)"
    " UNION SELECT g.id FROM groups g JOIN sub ON g.parent_id = sub.id) ");

// The people of one query: whose requirement pairs (m, q) a correlated
// subquery over u reads.
const QString kPairsOf = QStringLiteral(
    "FROM memberships m JOIN reqg q ON q.group_id = m.group_id WHERE m.user_id = u.id");
} // namespace

ComplianceCursor ComplianceCursor::after(const ComplianceRow &row)
{
    return {row.sortName, row.lapse, row.userId};
}

ComplianceStore::ComplianceStore(const QSqlDatabase &db)
    : m_db(db), m_server(Database::isSecured(db))
{}

ComplianceState ComplianceStore::stateOf(bool found, const QString &status, const QDate &expires,
                                         const QDate &today, const QDate &soon)
{
    if (!found)
        return ComplianceState::Missing;
    if (status == QLatin1String("pending"))
        return ComplianceState::Pending;
    if (expires.isValid() && expires < today)
        return ComplianceState::Expired;
    if (expires.isValid() && expires <= soon)
        return ComplianceState::Expiring;
    return ComplianceState::Valid;
}

QList<Requirement> ComplianceStore::requirements(Id groupId, QString *error) const
{
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral("SELECT r.group_id, g.name, r.template_id, t.name FROM group_requirements r "
                       "JOIN groups g ON g.id = r.group_id JOIN certificate_templates t ON t.id = "
                       "r.template_id WHERE ? = 0 OR r.group_id = ? ORDER BY g.name, t.name"),
        {groupId, groupId}, error);
    QList<Requirement> list;
    while (error->isEmpty() && q.next()) {
        Requirement r;
        Sql::readColumns(q, 0, r.groupId, r.groupName, r.templateId, r.templateName);
        list.append(r);
    }
    return list;
}

QList<CertificateTemplate> ComplianceStore::requiredTemplates(const ComplianceQuery &query,
                                                              QString *error) const
{
    // The templates required of the filter's group, of a group above it or
    // of one below it: the columns of the picture.
    const QString sql =
        QStringLiteral("WITH RECURSIVE up(id) AS (SELECT CAST(? AS BIGINT)"
                       " UNION SELECT g.parent_id FROM groups g JOIN up ON g.id = up.id"
                       " WHERE g.parent_id IS NOT NULL), "
                       "down(id) AS (SELECT CAST(? AS BIGINT)"
                       " UNION SELECT g.id FROM groups g JOIN down ON g.parent_id = down.id) "
                       "SELECT DISTINCT t.id, t.name, t.description, t.validity_months "
                       "FROM group_requirements r JOIN certificate_templates t ON t.id = "
                       "r.template_id WHERE (? = 0 OR r.group_id IN (SELECT id FROM up) OR "
                       "r.group_id IN (SELECT id FROM down)) AND (? = 0 OR t.id = ?) "
                       "ORDER BY t.name, t.id");
    QSqlQuery q = Sql::run(
        m_db, sql,
        {query.groupId, query.groupId, query.groupId, query.templateId, query.templateId}, error);
    QList<CertificateTemplate> list;
    while (error->isEmpty() && q.next()) {
        CertificateTemplate t;
        QVariant months;
        Sql::readColumns(q, 0, t.id, t.name, t.description, months);
        t.validityMonths = months.isNull() ? 0 : months.toInt();
        list.append(t);
    }
    return list;
}

bool ComplianceStore::addRequirement(Id groupId, Id templateId, Id actor, QString *error)
{
    Sql::run(m_db,
             QStringLiteral("INSERT INTO group_requirements (group_id, template_id, created_at, "
                            "created_by) VALUES (?, ?, ?, ?)"),
             {groupId, templateId, Sql::now(), Sql::idOrNull(actor)}, error);
    AuditLog::record(m_db, actor, QStringLiteral("requirement.add"), QStringLiteral("group"),
                     groupId, QJsonObject{{QStringLiteral("template_id"), templateId}}, error);
    return error->isEmpty();
}

int ComplianceStore::removeRequirement(Id groupId, Id templateId, QString *error)
{
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral("DELETE FROM group_requirements WHERE group_id = ? AND template_id = ?"),
        {groupId, templateId}, error);
    return error->isEmpty() ? q.numRowsAffected() : 0;
}

QString ComplianceStore::peopleSql(const ComplianceScope &scope, const ComplianceQuery &query,
                                   QVariantList &values) const
{
    const bool everyone = scope.actor == 0;
    QString sql;
    if (everyone) {
        sql = QStringLiteral("WITH RECURSIVE ");
    } else {
        sql = scope.cte + QStringLiteral(", ");
        values << scope.actor;
    }
    sql += kRequirementCtes;
    values << query.templateId << query.templateId << query.groupId;
    const QString lapse = query.order == ComplianceQuery::Order::Lapse
                              ? QStringLiteral("(SELECT MIN(%1) %2)")
                                    .arg(lapseSql(QStringLiteral("u.id"),
                                                  QStringLiteral("q.template_id"), query.today),
                                         kPairsOf)
                              : QStringLiteral("NULL");
    sql += QStringLiteral(", people AS (SELECT u.id, u.name, u.email, lower(u.name) AS sort_name, "
                          "%1 AS lapse FROM users u ")
               .arg(lapse);
    if (!everyone)
        sql += QStringLiteral("JOIN scope s ON s.user_id = u.id ");
    sql += QStringLiteral("WHERE u.deleted = ? AND EXISTS (SELECT 1 %1) ").arg(kPairsOf);
    values << false;
    if (query.groupId > 0) {
        sql += QStringLiteral("AND EXISTS (SELECT 1 FROM memberships mg JOIN sub ON sub.id = "
                              "mg.group_id WHERE mg.user_id = u.id) ");
    }
    if (query.state) {
        sql += QStringLiteral("AND EXISTS (SELECT 1 %1 AND %2 = ?) ")
                   .arg(kPairsOf, stateSql(QStringLiteral("u.id"), QStringLiteral("q.template_id"),
                                           query.today, query.soon()));
        values << Compliance::stateKey(*query.state);
    }
    sql += QStringLiteral(") ");
    return sql;
}

std::optional<QList<ComplianceRow>> ComplianceStore::page(const ComplianceScope &scope,
                                                          const ComplianceQuery &query,
                                                          const ComplianceCursor &after, int limit,
                                                          QString *error) const
{
    std::optional<QList<ComplianceRow>> rows;
    if (m_server) {
        rows = serverPage(query, after, limit, error);
    } else {
        QVariantList values;
        QString sql = peopleSql(scope, query, values);
        sql += QStringLiteral("SELECT id, name, email, sort_name, lapse FROM people ");
        const bool byLapse = query.order == ComplianceQuery::Order::Lapse;
        if (after.id > 0) {
            if (byLapse) {
                sql += QStringLiteral("WHERE (lapse, sort_name, id) > (?, ?, ?) ");
                values << after.lapse.toString(Qt::ISODate);
            } else {
                sql += QStringLiteral("WHERE (sort_name, id) > (?, ?) ");
            }
            values << after.name << after.id;
        }
        sql += byLapse ? QStringLiteral("ORDER BY lapse, sort_name, id LIMIT ?")
                       : QStringLiteral("ORDER BY sort_name, id LIMIT ?");
        values << std::max(1, limit);
        QSqlQuery q = Sql::run(m_db, sql, values, error);
        QList<ComplianceRow> list;
        while (error->isEmpty() && q.next()) {
            ComplianceRow row;
            Sql::readColumns(q, 0, row.userId, row.name, row.email, row.sortName, row.lapse);
            list.append(row);
        }
        if (error->isEmpty())
            rows = list;
    }
    if (!rows || !attachCells(*rows, query, error))
        return std::nullopt;
    return rows;
}

std::optional<QList<ComplianceRow>> ComplianceStore::serverPage(const ComplianceQuery &query,
                                                                const ComplianceCursor &after,
                                                                int limit, QString *error) const
{
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("SELECT id, name, email, sort_name, lapse FROM "
                                          "cd_api.compliance_page(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                           {query.groupId, query.templateId,
                            query.state ? QVariant(Compliance::stateKey(*query.state))
                                        : QVariant(QMetaType::fromType<QString>()),
                            query.order == ComplianceQuery::Order::Lapse ? QStringLiteral("lapse")
                                                                         : QStringLiteral("name"),
                            query.today, query.soon(), Sql::dateOrNull(after.lapse), after.name,
                            after.id, std::max(1, limit)},
                           error);
    QList<ComplianceRow> list;
    while (error->isEmpty() && q.next()) {
        ComplianceRow row;
        Sql::readColumns(q, 0, row.userId, row.name, row.email, row.sortName, row.lapse);
        list.append(row);
    }
    if (!error->isEmpty())
        return std::nullopt;
    return list;
}

bool ComplianceStore::attachCells(QList<ComplianceRow> &rows, const ComplianceQuery &query,
                                  QString *error) const
{
    if (rows.isEmpty())
        return true;
    QStringList ids;
    QVariantList owners;
    for (const ComplianceRow &row : std::as_const(rows)) {
        ids << QString::number(row.userId);
        owners << row.userId;
    }
    QSqlQuery q;
    if (m_server) {
        // An array literal of the page's ids, bound as one text value.
        q = Sql::run(m_db,
                     QStringLiteral("SELECT owner_id, template_id, certificate_id, status, "
                                    "expires_on FROM cd_api.compliance_cells(CAST(? AS BIGINT[]), "
                                    "?, ?) ORDER BY owner_id, template_name, template_id"),
                     {QString(QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}')),
                      query.templateId, query.today},
                     error);
    } else {
        // The ids are numbers this store read: inlined, one statement for the page.
        const QString sql =
            QStringLiteral("WITH RECURSIVE ") + kRequirementCtes +
            QStringLiteral(", pairs AS (SELECT DISTINCT m.user_id, q.template_id, %1 AS best "
                           "FROM memberships m JOIN reqg q ON q.group_id = m.group_id "
                           "WHERE m.user_id IN (%2)) "
                           "SELECT p.user_id, p.template_id, b.id, b.status, b.expires_on "
                           "FROM pairs p JOIN certificate_templates t ON t.id = p.template_id "
                           "LEFT JOIN certificates b ON b.id = p.best "
                           "ORDER BY p.user_id, t.name, t.id")
                .arg(bestOf(QStringLiteral("m.user_id"), QStringLiteral("q.template_id"),
                            QStringLiteral("c.id"), query.today),
                     ids.join(QLatin1Char(',')));
        q = Sql::run(m_db, sql, {query.templateId, query.templateId, 0}, error);
    }
    QHash<Id, int> index;
    for (int i = 0; i < rows.size(); ++i)
        index.insert(rows.at(i).userId, i);
    while (error->isEmpty() && q.next()) {
        Id owner = 0;
        ComplianceCell cell;
        QVariant certificate;
        QString status;
        Sql::readColumns(q, 0, owner, cell.templateId, certificate, status, cell.expires);
        cell.certificateId = certificate.isNull() ? 0 : certificate.toLongLong();
        cell.state =
            stateOf(cell.certificateId != 0, status, cell.expires, query.today, query.soon());
        if (cell.state == ComplianceState::Missing)
            cell.expires = QDate();
        if (const auto at = index.constFind(owner); at != index.constEnd())
            rows[*at].cells.append(cell);
    }
    if (!error->isEmpty())
        return false;
    for (ComplianceRow &row : rows) {
        row.lapse = Compliance::lapseNever();
        for (const ComplianceCell &cell : std::as_const(row.cells))
            row.lapse = std::min(row.lapse, Compliance::lapse(cell));
    }
    return true;
}

std::optional<int> ComplianceStore::count(const ComplianceScope &scope,
                                          const ComplianceQuery &query, QString *error) const
{
    QSqlQuery q;
    if (m_server) {
        q = Sql::run(m_db, QStringLiteral("SELECT cd_api.compliance_count(?, ?, ?, ?, ?)"),
                     {query.groupId, query.templateId,
                      query.state ? QVariant(Compliance::stateKey(*query.state))
                                  : QVariant(QMetaType::fromType<QString>()),
                      query.today, query.soon()},
                     error);
    } else {
        ComplianceQuery byName = query;
        byName.order = ComplianceQuery::Order::Name;
        QVariantList values;
        const QString sql =
            peopleSql(scope, byName, values) + QStringLiteral("SELECT COUNT(*) FROM people");
        q = Sql::run(m_db, sql, values, error);
    }
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    return q.value(0).toInt();
}

std::optional<QList<ComplianceTotal>> ComplianceStore::totals(const ComplianceScope &scope,
                                                              const ComplianceQuery &query,
                                                              QString *error) const
{
    QSqlQuery q;
    if (m_server) {
        q = Sql::run(m_db,
                     QStringLiteral("SELECT template_id, template_name, state, n FROM "
                                    "cd_api.compliance_totals(?, ?, ?, ?)"),
                     {query.groupId, query.templateId, query.today, query.soon()}, error);
    } else {
        ComplianceQuery all = query;
        all.state.reset();
        all.order = ComplianceQuery::Order::Name;
        QVariantList values;
        QString sql = peopleSql(scope, all, values);
        sql += QStringLiteral(
                   ", pairs AS (SELECT DISTINCT m.user_id, q.template_id FROM people p JOIN "
                   "memberships m ON m.user_id = p.id JOIN reqg q ON q.group_id = m.group_id) "
                   "SELECT x.template_id, t.name, x.state, COUNT(*) FROM (SELECT "
                   "p.template_id, %1 AS state FROM pairs p) x JOIN certificate_templates t ON "
                   "t.id = x.template_id GROUP BY x.template_id, t.name, x.state")
                   .arg(stateSql(QStringLiteral("p.user_id"), QStringLiteral("p.template_id"),
                                 query.today, query.soon()));
        q = Sql::run(m_db, sql, values, error);
    }
    QList<ComplianceTotal> list;
    while (error->isEmpty() && q.next()) {
        Id templateId = 0;
        QString templateName;
        QString state;
        int n = 0;
        Sql::readColumns(q, 0, templateId, templateName, state, n);
        auto at = std::find_if(list.begin(), list.end(), [templateId](const ComplianceTotal &t) {
            return t.templateId == templateId;
        });
        if (at == list.end()) {
            ComplianceTotal total;
            total.templateId = templateId;
            total.templateName = templateName;
            list.append(total);
            at = list.end() - 1;
        }
        at->add(Compliance::stateFromKey(state).value_or(ComplianceState::Missing), n);
    }
    if (!error->isEmpty())
        return std::nullopt;
    std::sort(list.begin(), list.end(), [](const ComplianceTotal &a, const ComplianceTotal &b) {
        return a.templateName.localeAwareCompare(b.templateName) < 0;
    });
    return list;
}
