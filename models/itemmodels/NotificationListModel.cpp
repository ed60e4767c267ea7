#include "itemmodels/NotificationListModel.h"

#include <QFont>

NotificationListModel::NotificationListModel(NotificationService &service, Id recipient,
                                             QObject *parent)
    : KeysetTableModel(parent), m_service(service), m_recipient(recipient)
{
    setPageSize(PageSize);
    // The view fills it on demand; the first fetchMore() reads the newest page.
    allowFirstFetch();
}

void NotificationListModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void NotificationListModel::setDecorations(const QIcon &unread, const QIcon &read,
                                           const QColor &muted)
{
    m_unreadIcon = unread;
    m_readIcon = read;
    m_mutedColor = muted;
    if (!rows().isEmpty())
        emit dataChanged(index(0, 0), index(int(rows().size()) - 1, ColumnCount - 1),
                         {Qt::DecorationRole, Qt::ForegroundRole});
}

bool NotificationListModel::reload()
{
    return reloadRows();
}

Result<QList<Notification>> NotificationListModel::page(const Notification *after, int limit) const
{
    return m_service.notifications(m_recipient, m_filter, false, after ? after->id : 0, limit);
}

int NotificationListModel::rowOf(Id id) const
{
    for (int row = 0; row < rows().size(); ++row)
        if (rows().at(row).id == id)
            return row;
    return -1;
}

Status NotificationListModel::markRead(int row)
{
    if (row < 0 || row >= rows().size() || rows().at(row).read)
        return Done{};
    Status status = m_service.markRead(m_recipient, rows().at(row).id);
    if (!status)
        return status;
    rows()[row].read = true;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return Done{};
}

Status NotificationListModel::markAllRead()
{
    const auto marked = m_service.markAllRead(m_recipient);
    if (!marked)
        return marked.error();
    for (Notification &n : rows())
        n.read = true;
    if (!rows().isEmpty())
        emit dataChanged(index(0, 0), index(int(rows().size()) - 1, ColumnCount - 1));
    return Done{};
}

int NotificationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotificationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Notification &n = rows().at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == TitleColumn)
            return n.title();
        if (column == FromColumn)
            return n.actorName;
        return Domain::dateTimeText(n.createdAt);
    case Qt::AccessibleTextRole:
        if (column == TitleColumn)
            return n.read ? n.title() : tr("Unread: %1").arg(n.title());
        return data(index, Qt::DisplayRole);
    case Qt::FontRole: {
        QFont font;
        font.setBold(!n.read);
        return font;
    }
    case Qt::DecorationRole:
        if (column == TitleColumn)
            return n.read ? m_readIcon : m_unreadIcon;
        return QVariant();
    case Qt::ForegroundRole:
        if (column != TitleColumn && m_mutedColor.isValid())
            return m_mutedColor;
        return QVariant();
    case Qt::ToolTipRole:
        return n.body();
    case IdRole:
        return n.id;
    case ReadRole:
        return n.read;
    case CategoryRole:
        return Domain::categoryKey(n.category);
    case TaskIdRole:
        return n.taskId;
    case BodyRole:
        return n.body();
    case CreatedAtRole:
        return n.createdAt;
    default:
        return QVariant();
    }
}

QVariant NotificationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TitleColumn:
        return tr("Notification");
    case FromColumn:
        return tr("From");
    case ReceivedColumn:
        return tr("Received");
    default:
        return QVariant();
    }
}
