#pragma once

#include "core/Domain.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// README "Rules", Requirements and compliance: the templates a group requires
// of its members (and of the members of its sub-groups), and how far each
// person holds them.

// The state of one person against one required template: the state of the
// best certificate associated with the template (internal or external; R6),
// best first in this order.
enum class ComplianceState
{
    Valid,    // accepted or validated, not revoked, not expiring within expiry.soon-days
    Expiring, // valid, and expires within expiry.soon-days
    Pending,  // only a certificate waiting for validation (R2)
    Expired,  // only certificates whose expiration date has passed
    Missing,  // none: none associated, or only rejected or revoked ones
};

// A template a group requires.
struct Requirement
{
    Id groupId = 0;
    QString groupName;
    Id templateId = 0;
    QString templateName;
};

// One cell of the compliance picture.
struct ComplianceCell
{
    Id templateId = 0;
    ComplianceState state = ComplianceState::Missing;
    Id certificateId = 0; // the best certificate; 0 when missing
    QDate expires;        // its expiration date; null: none, or missing
};

// One person of the compliance picture and their required templates, by
// template name.
struct ComplianceRow
{
    Id userId = 0;
    QString name;
    QString email;
    QString sortName; // the name as the database sorts it (the page's keyset)
    QList<ComplianceCell> cells;
    // When their first requirement lapses (ComplianceCell::lapse's minimum).
    QDate lapse;

    const ComplianceCell *cell(Id templateId) const;
};

// How many people hold a template, over the people a filter keeps, or over
// one group with requirements and its sub-groups.
struct ComplianceTotal
{
    Id groupId = 0; // 0: everyone the filter keeps
    QString groupName;
    Id templateId = 0;
    QString templateName;
    int valid = 0;
    int expiring = 0;
    int pending = 0;
    int expired = 0;
    int missing = 0;

    int required() const { return valid + expiring + pending + expired + missing; }
    int covered() const { return valid + expiring; }
    // Covered people per hundred required, rounded down (100 only when all
    // are); 100 when nobody is required to hold it.
    int percentCovered() const;
    void add(ComplianceState state, int n = 1);
};

namespace Compliance {
// "valid", "expiring", "pending", "expired", "missing".
QString stateKey(ComplianceState state);
std::optional<ComplianceState> stateFromKey(const QString &key);
QString stateLabel(ComplianceState state);
QList<ComplianceState> states();

// The lapse date of a cell, for "sort by soonest lapse": missing and
// pending ones have lapsed already (lapseNow()), an expired one on its
// expiration date, a valid one on its expiration date (never: lapseNever()).
QDate lapse(const ComplianceCell &cell);
QDate lapseNow();
QDate lapseNever();
} // namespace Compliance
