#include "itemmodels/CertificateListModel.h"

#include <QScopedValueRollback>

#include "policy/PlatformSettings.h"

#include <QLocale>

CertificateListModel::CertificateListModel(Database &db, Id actor, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_service(db), m_actor(actor)
{
    m_columns = {Column::Name,    Column::Type,     Column::Delivered,
                 Column::Expires, Column::Template, Column::Status};
}

void CertificateListModel::setOwner(Id owner)
{
    m_owner = owner;
    reload();
}

void CertificateListModel::reload()
{
    QScopedValueRollback<bool> busy(m_busy, true);
    beginResetModel();
    m_today = QDate::currentDate();
    m_error.clear();
    const auto settings = PlatformSettings::load(m_db.connection());
    m_columns = {Column::Name, Column::Type, Column::Delivered, Column::Expires};
    if (settings && settings->creditsEnabled)
        m_columns << Column::Credits;
    m_columns << Column::Template << Column::Status;
    m_rows.clear();
    m_atEnd = false;
    if (m_owner > 0)
        m_rows = fetchPage(CertificateCursor());
    else
        m_atEnd = true;
    endResetModel();
    if (!m_error.isEmpty())
        emit loadFailed(m_error);
}

QList<Certificate> CertificateListModel::fetchPage(const CertificateCursor &after)
{
    const auto page = m_service.certificatesOf(m_actor, m_owner, after, m_pageSize);
    if (!page) {
        m_error = page.message();
        m_atEnd = true;
        return {};
    }
    if (page->size() < m_pageSize)
        m_atEnd = true;
    return page.value();
}

int CertificateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CertificateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

bool CertificateListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_busy;
}

void CertificateListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_busy || m_rows.isEmpty())
        return;
    // A view (or a tester) may call back into fetchMore() while rows are
    // being inserted; the guard keeps one page from being fetched twice.
    QScopedValueRollback<bool> busy(m_busy, true);
    const Certificate &last = m_rows.constLast();
    const QList<Certificate> more = fetchPage(CertificateCursor{last.delivered, last.id});
    if (!m_error.isEmpty())
        emit loadFailed(m_error);
    if (more.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows.append(more);
    endInsertRows();
}

QVariant CertificateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Certificate &c = m_rows.at(index.row());
    const Column column = m_columns.at(index.column());
    const DisplayStatus shown = c.displayStatus(m_today);
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
        if (column == Column::Status && shown == DisplayStatus::ExpiringSoon)
            return tr("Expires in %1 days").arg(m_today.daysTo(c.expires));
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
        return Domain::displayStatusLabel(shown);
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
