#include "itemmodels/CertificateListModel.h"

#include "policy/PlatformSettings.h"

#include <QLocale>

CertificateListModel::CertificateListModel(Database &db, Id actor, QObject *parent)
    : KeysetTableModel(parent), m_db(db), m_service(db), m_actor(actor)
{
    m_columns = {Column::Name,    Column::Type,     Column::Delivered,
                 Column::Expires, Column::Template, Column::Status};
}

void CertificateListModel::setOwner(Id owner)
{
    m_owner = owner;
    reload();
}

void CertificateListModel::setFilter(StatusFilter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void CertificateListModel::setOrder(CertificateOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    reload();
}

void CertificateListModel::reload()
{
    reloadRows(
        [this] {
            m_today = Domain::today();
            const auto settings = PlatformSettings::load(m_db.connection());
            m_soonDays = settings ? settings->expirySoonDays : Domain::DefaultExpiringSoonDays;
            m_columns = {Column::Name, Column::Type, Column::Delivered, Column::Expires};
            if (settings && settings->creditsEnabled)
                m_columns << Column::Credits;
            m_columns << Column::Template << Column::Status;
        },
        m_owner > 0);
}

Result<QList<Certificate>> CertificateListModel::page(const Certificate *after, int limit) const
{
    CertificateListRequest request;
    request.owner = m_owner;
    request.status = m_filter;
    request.order = m_order;
    request.after = after ? CertificateCursor::after(*after) : CertificateCursor();
    request.limit = limit;
    return m_service.list(m_actor, request);
}

int CertificateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant CertificateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Certificate &c = rows().at(index.row());
    const Column column = m_columns.at(index.column());
    const DisplayStatus shown = c.displayStatus(m_today, m_soonDays);
    switch (role) {
    case CertificateIdRole:
        return c.id;
    case DisplayStatusRole:
        return int(shown);
    case StatusKeyRole:
        return Domain::displayStatusKey(shown);
    case SortDateRole:
        return column == Column::Expires ? c.expires : c.delivered;
    case Qt::TextAlignmentRole:
        if (column == Column::Credits)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == Column::Name && !c.originalFilename.isEmpty())
            return tr("Imported from %1").arg(c.originalFilename);
        if (column == Column::Status &&
            (shown == DisplayStatus::ExpiringSoon || shown == DisplayStatus::Expired))
            return tr("Expiry date: %1").arg(QLocale().toString(c.expires, QLocale::LongFormat));
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (column) {
    case Column::Name:
        return c.name;
    case Column::Type:
        return Domain::kindLabel(c.kind);
    case Column::Delivered:
        return locale.toString(c.delivered, QLocale::ShortFormat);
    case Column::Expires:
        return c.expires.isValid() ? locale.toString(c.expires, QLocale::ShortFormat)
                                   : tr("Does not expire");
    case Column::Credits:
        return c.credits ? locale.toString(*c.credits, 'g', 6) : QString();
    case Column::Template:
        return c.templateName;
    case Column::Status:
        return c.statusText(m_today, m_soonDays);
    }
    return {};
}

QVariant CertificateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (m_columns.at(section)) {
    case Column::Name:
        return tr("Certificate");
    case Column::Type:
        return tr("Type");
    case Column::Delivered:
        return tr("Delivered");
    case Column::Expires:
        return tr("Expires");
    case Column::Credits:
        return tr("Credits");
    case Column::Template:
        return tr("Associated certificate");
    case Column::Status:
        break;
    }
    return tr("Status");
}
