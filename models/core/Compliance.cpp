#include "core/Compliance.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Compliance)
};
} // namespace

const ComplianceCell *ComplianceRow::cell(Id templateId) const
{
    for (const ComplianceCell &c : cells) {
        if (c.templateId == templateId)
            return &c;
    }
    return nullptr;
}

int ComplianceTotal::percentCovered() const
{
    const int all = required();
    if (all == 0)
        return 100;
    return int(qint64(covered()) * 100 / all);
}

void ComplianceTotal::add(ComplianceState state, int n)
{
    switch (state) {
    case ComplianceState::Valid:
        valid += n;
        return;
    case ComplianceState::Expiring:
        expiring += n;
        return;
    case ComplianceState::Pending:
        pending += n;
        return;
    case ComplianceState::Expired:
        expired += n;
        return;
    case ComplianceState::Missing:
        break;
    }
    missing += n;
}

namespace Compliance {

QString stateKey(ComplianceState state)
{
    switch (state) {
    case ComplianceState::Valid:
        return QStringLiteral("valid");
    case ComplianceState::Expiring:
        return QStringLiteral("expiring");
    case ComplianceState::Pending:
        return QStringLiteral("pending");
    case ComplianceState::Expired:
        return QStringLiteral("expired");
    case ComplianceState::Missing:
        break;
    }
    return QStringLiteral("missing");
}

std::optional<ComplianceState> stateFromKey(const QString &key)
{
    for (ComplianceState state : states()) {
        if (stateKey(state) == key)
            return state;
    }
    return std::nullopt;
}

QString stateLabel(ComplianceState state)
{
    switch (state) {
    case ComplianceState::Valid:
        return Tr::tr("Valid");
    case ComplianceState::Expiring:
        return Tr::tr("Expiring");
    case ComplianceState::Pending:
        return Tr::tr("Pending");
    case ComplianceState::Expired:
        return Tr::tr("Expired");
    case ComplianceState::Missing:
        break;
    }
    return Tr::tr("Missing");
}

QList<ComplianceState> states()
{
    return {ComplianceState::Valid, ComplianceState::Expiring, ComplianceState::Pending,
            ComplianceState::Expired, ComplianceState::Missing};
}

QDate lapseNow()
{
    return QDate(1, 1, 1);
}

QDate lapseNever()
{
    return QDate(9999, 12, 31);
}

QDate lapse(const ComplianceCell &cell)
{
    switch (cell.state) {
    case ComplianceState::Missing:
    case ComplianceState::Pending:
        return lapseNow();
    case ComplianceState::Expired:
    case ComplianceState::Valid:
    case ComplianceState::Expiring:
        break;
    }
    return cell.expires.isValid() ? cell.expires : lapseNever();
}
} // namespace Compliance
