#pragma once

#include "core/Compliance.h"
#include "core/Result.h"
#include "policy/Policy.h"
#include "storage/ComplianceStore.h"
#include "storage/Database.h"

#include <QCoreApplication>

// Requirements and the compliance picture (README "Rules", Requirements and
// compliance): which templates a group requires of its members, and for the
// people of an actor's scope (R5), the state of each required template.
// Every question is checked against the Policy; lists are filtered, ordered,
// paged and counted by the database (ComplianceStore).
class ComplianceService
{
    Q_DECLARE_TR_FUNCTIONS(ComplianceService)

public:
    explicit ComplianceService(Database &db);

    // Every active person may read the requirements (they belong to the
    // directory); groupId 0: of every group.
    Result<QList<Requirement>> requirements(Id actor, Id groupId = 0) const;
    Result<Requirement> addRequirement(Id actor, const QString &groupName,
                                       const QString &templateName);
    Result<Requirement> addRequirement(Id actor, Id groupId, Id templateId);
    Status removeRequirement(Id actor, const QString &groupName, const QString &templateName);
    Status removeRequirement(Id actor, Id groupId, Id templateId);

    // The picture's columns: the templates the query's people may be
    // required to hold, by name.
    Result<QList<CertificateTemplate>> columns(Id actor, const ComplianceQuery &query) const;
    Result<QList<ComplianceRow>> page(Id actor, const ComplianceQuery &query,
                                      const ComplianceCursor &after, int limit) const;
    // How many people the query keeps.
    Result<int> count(Id actor, const ComplianceQuery &query) const;
    // Per required template, over the people the query keeps (its state
    // filter aside).
    Result<QList<ComplianceTotal>> totals(Id actor, const ComplianceQuery &query) const;
    // The same for each group that has requirements of its own (and its
    // sub-groups), within the query's group and template: "Sales EMEA: First
    // Aid 87 % covered".
    Result<QList<ComplianceTotal>> totalsByGroup(Id actor, const ComplianceQuery &query) const;

    // count() and totals() together, on any connection: what the Compliance
    // page asks BackgroundReads for after each change of its filters.
    struct Summary
    {
        Result<int> count;
        Result<QList<ComplianceTotal>> totals;
    };
    static Summary summary(Database &db, Id actor, const ComplianceQuery &query);

    // A query's group and template given by name ("" or absent: every one);
    // the name that is not found is the error.
    Result<ComplianceQuery> resolve(const QString &groupName, const QString &templateName) const;

private:
    Result<ScopeSql> scopeOf(Id actor) const;
    Result<QPair<Id, Id>> groupAndTemplate(const QString &groupName,
                                           const QString &templateName) const;
    // Whether group is below ancestor in the tree (not itself).
    bool isBelow(Id group, Id ancestor, QString *error) const;

    Database &m_db;
    Policy m_policy;
};
