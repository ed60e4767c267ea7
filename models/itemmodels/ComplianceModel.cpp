#include "itemmodels/ComplianceModel.h"

#include "policy/PlatformSettings.h"

#include <QLocale>

ComplianceModel::ComplianceModel(Database &db, Id actor, QObject *parent)
    : KeysetTableModel(parent), m_db(db), m_service(db), m_actor(actor)
{
    setPageSize(50);
    m_query.today = Domain::today();
}

void ComplianceModel::setQuery(const ComplianceQuery &query)
{
    m_query = query;
    reload();
}

void ComplianceModel::reload()
{
    const auto settings = PlatformSettings::load(m_db.connection());
    m_query.soonDays = settings ? settings->expirySoonDays : Domain::DefaultExpiringSoonDays;
    m_query.today = Domain::today();
    const auto columns = m_service.columns(m_actor, m_query);
    reloadRows([this, columns] {
        m_templates = columns ? columns.value() : QList<CertificateTemplate>();
    });
}

Result<QList<ComplianceRow>> ComplianceModel::page(const ComplianceRow *after, int limit) const
{
    return m_service.page(m_actor, m_query,
                          after ? ComplianceCursor::after(*after) : ComplianceCursor(), limit);
}

int ComplianceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumns + int(m_templates.size());
}

QString ComplianceModel::cellText(const ComplianceCell &cell)
{
    const QString date = QLocale().toString(cell.expires, QLocale::ShortFormat);
    switch (cell.state) {
    case ComplianceState::Valid:
        return cell.expires.isValid() ? tr("Valid until %1").arg(date) : tr("Valid");
    case ComplianceState::Expiring:
        return tr("Expires %1").arg(date);
    case ComplianceState::Expired:
        return tr("Expired %1").arg(date);
    case ComplianceState::Pending:
    case ComplianceState::Missing:
        break;
    }
    return Compliance::stateLabel(cell.state);
}

QVariant ComplianceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComplianceRow &row = rows().at(index.row());
    if (role == UserIdRole)
        return row.userId;
    if (index.column() < FixedColumns) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return index.column() == 0 ? row.name : row.email;
        return {};
    }
    const CertificateTemplate &t = m_templates.at(index.column() - FixedColumns);
    if (role == TemplateIdRole)
        return t.id;
    const ComplianceCell *cell = row.cell(t.id);
    if (!cell) {
        if (role == Qt::AccessibleTextRole || role == Qt::ToolTipRole)
            return tr("Not required of %1").arg(row.name);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*cell);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3").arg(row.name, t.name, cellText(*cell));
    case StateRole:
        return int(cell->state);
    case ExpiresRole:
        return cell->expires;
    case CertificateIdRole:
        return cell->certificateId;
    default:
        return {};
    }
}

QVariant ComplianceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeysetTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Name");
    if (section == 1)
        return tr("Email");
    if (section - FixedColumns < m_templates.size())
        return m_templates.at(section - FixedColumns).name;
    return {};
}
