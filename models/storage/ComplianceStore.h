#pragma once

#include "core/Compliance.h"
#include "storage/Database.h"

#include <QSqlDatabase>

#include <functional>
#include <optional>

// What the compliance picture shows (README "Rules", Requirements and
// compliance): the people of a scope who must hold a required template,
// optionally only those of one group (sub-groups included), one template,
// or with at least one cell in one state; by name or by soonest lapse.
struct ComplianceQuery
{
    enum class Order
    {
        Name,
        Lapse, // soonest lapse first (Compliance::lapse), then by name
    };
    Id groupId = 0;    // 0: every group
    Id templateId = 0; // 0: every required template
    std::optional<ComplianceState> state;
    Order order = Order::Name;
    QDate today;
    int soonDays = Domain::DefaultExpiringSoonDays;

    QDate soon() const { return today.addDays(soonDays); }
};

// Whose people the plain statements keep (R5): everyone (actor 0: a platform
// admin), or the users of Policy::scopeCte() for actor (the policy owns that
// text; storage does not link the policy). On a server the caller's login
// decides and this is not used.
struct ComplianceScope
{
    Id actor = 0;
    QString cte;
};

// The last row of a page (ComplianceRow), for the next one (id 0: the first).
struct ComplianceCursor
{
    QString name;
    QDate lapse;
    Id id = 0;

    static ComplianceCursor after(const ComplianceRow &row);
};

// The requirements and the compliance picture in the storage layer. The one
// place that knows the two ways to reach them: plain statements (SQLite, and
// a PostgreSQL database never prepared by setup), or on a secured server the
// server's API for everything that reads certificates (resources/pgsql/
// api.sql: cd_api.compliance_page, compliance_cells, compliance_totals), where
// the server works out the caller's scope itself. Requirements belong to the
// directory: plain statements on both, checked on a server by its row-level
// security.
class ComplianceStore
{
public:
    explicit ComplianceStore(const QSqlDatabase &db);

    bool isServer() const { return m_server; }

    // Requirements of a group (0: of every group), by group then template name.
    QList<Requirement> requirements(Id groupId, QString *error) const;
    // The templates required of at least one person the filter's group
    // holds (every group: any requirement), by name.
    QList<CertificateTemplate> requiredTemplates(const ComplianceQuery &query,
                                                 QString *error) const;
    bool addRequirement(Id groupId, Id templateId, Id actor, QString *error);
    // The number of rows removed (0: there was no such requirement).
    int removeRequirement(Id groupId, Id templateId, QString *error);

    // nullopt with *error set on failure.
    std::optional<QList<ComplianceRow>> page(const ComplianceScope &scope,
                                             const ComplianceQuery &query,
                                             const ComplianceCursor &after, int limit,
                                             QString *error) const;
    // The number of people the query keeps (its state filter included).
    std::optional<int> count(const ComplianceScope &scope, const ComplianceQuery &query,
                             QString *error) const;
    // Per template, over the people the query keeps (not its state filter).
    std::optional<QList<ComplianceTotal>>
    totals(const ComplianceScope &scope, const ComplianceQuery &query, QString *error) const;

    // The best certificate's state, as the SQL (stateSql) works it out: the
    // one rule, twice (C++ for the cells, SQL for filters and totals).
    static ComplianceState stateOf(bool found, const QString &status, const QDate &expires,
                                   const QDate &today, const QDate &soon);

private:
    QString peopleSql(const ComplianceScope &scope, const ComplianceQuery &query,
                      QVariantList &values) const;
    std::optional<QList<ComplianceRow>> serverPage(const ComplianceQuery &query,
                                                   const ComplianceCursor &after, int limit,
                                                   QString *error) const;
    bool attachCells(QList<ComplianceRow> &rows, const ComplianceQuery &query,
                     QString *error) const;

    QSqlDatabase m_db;
    bool m_server = false;
};
