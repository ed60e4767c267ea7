#include "itemmodels/UserListModel.h"

#include "policy/PlatformSettings.h"

UserListModel::UserListModel(Database &db, Id actor, QObject *parent)
    : KeysetTableModel(parent), m_db(db), m_directory(db), m_actor(actor)
{}

void UserListModel::setDeleted(bool deleted)
{
    m_query.deleted = deleted;
    reload();
}

void UserListModel::setMyTeamOnly(bool only)
{
    m_query.myTeamOnly = only;
    reload();
}

void UserListModel::setSearch(const QString &text)
{
    if (text.trimmed() == m_query.search)
        return;
    m_query.search = text.trimmed();
    reload();
}

void UserListModel::reload()
{
    // Before the page is read: its counts depend on it.
    const auto settings = PlatformSettings::load(m_db.connection());
    m_query.soonDays = settings ? settings->expirySoonDays : Domain::DefaultExpiringSoonDays;
    reloadRows();
}

Result<QList<UserRow>> UserListModel::page(const UserRow *after, int limit) const
{
    const UserCursor cursor =
        after ? UserCursor{DirectoryService::sortKeyOf(*after, m_query.sortKey), after->user.id}
              : UserCursor();
    return m_directory.userPage(m_actor, m_query, cursor, limit);
}

bool UserListModel::isSortable(int column)
{
    return column == int(Column::Name) || column == int(Column::Email) ||
           column == int(Column::Manager);
}

void UserListModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    m_query.sortKey = column == int(Column::Email)     ? UserQuery::SortKey::Email
                      : column == int(Column::Manager) ? UserQuery::SortKey::Manager
                                                       : UserQuery::SortKey::Name;
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserRow &row = rows().at(index.row());
    const auto column = Column(index.column());
    int count = -1;
    switch (column) {
    case Column::Valid:
        count = row.counts.valid;
        break;
    case Column::Pending:
        count = row.counts.pending;
        break;
    case Column::ExpiringSoon:
        count = row.counts.expiringSoon;
        break;
    case Column::Expired:
        count = row.counts.expired;
        break;
    case Column::Rejected:
        count = row.counts.rejected;
        break;
    default:
        break;
    }
    switch (role) {
    case UserIdRole:
        return row.user.id;
    case CountRole:
        return count >= 0 ? QVariant(count) : QVariant();
    case Qt::TextAlignmentRole:
        return count >= 0 ? QVariant(Qt::AlignCenter) : QVariant();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    if (count >= 0) // an empty cell reads better than a column of zeros
        return count > 0 ? QString::number(count) : QString();
    switch (column) {
    case Column::Name:
        return row.user.name;
    case Column::Email:
        return row.user.email;
    case Column::Groups: {
        QStringList groups;
        for (const Membership &m : row.user.memberships)
            groups << tr("%1 (%2)").arg(m.groupName, Domain::roleLabel(m.role).toLower());
        return groups.join(QStringLiteral(", "));
    }
    case Column::Manager:
        return row.user.managerName;
    default:
        break;
    }
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Column::Valid:
            return tr("Accepted or validated certificates that are still valid");
        case Column::Pending:
            return tr("Certificates waiting for validation");
        case Column::ExpiringSoon:
            return m_query.soonDays == 1
                       ? tr("Certificates expiring today or tomorrow")
                       : tr("Certificates expiring within %n days", nullptr, m_query.soonDays);
        case Column::Expired:
            return tr("Expired certificates");
        case Column::Rejected:
            return tr("Rejected certificates");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Email:
        return tr("Email");
    case Column::Groups:
        return tr("Groups");
    case Column::Manager:
        return tr("Manager");
    case Column::Valid:
        return tr("Valid");
    case Column::Pending:
        return tr("Pending");
    case Column::ExpiringSoon:
        return tr("Expiring");
    case Column::Expired:
        return tr("Expired");
    case Column::Rejected:
        return tr("Rejected");
    }
    return {};
}
