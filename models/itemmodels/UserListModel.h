#pragma once

#include "services/DirectoryService.h"

#include <QAbstractTableModel>

// The Users page: the users of the viewer's scope (R5), current or deleted,
// searchable and sortable in SQL, fetched a page at a time with keyset
// queries, each with their certificates at a glance (valid, pending,
// expiring soon, expired, rejected).
class UserListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Name,
        Email,
        Groups,
        Manager,
        Valid,
        Pending,
        ExpiringSoon,
        Expired,
        Rejected
    };
    Q_ENUM(Column)
    static constexpr int ColumnCount = 9;

    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        CountRole, // the number in a count column, as int
    };

    UserListModel(Database &db, Id actor, QObject *parent = nullptr);

    void setDeleted(bool deleted);
    void setMyTeamOnly(bool only);
    void setSearch(const QString &text);
    bool isDeleted() const { return m_query.deleted; }
    void reload();
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    QString loadError() const { return m_error; }
    const UserRow &rowAt(int row) const { return m_rows.at(row); }
    // Sortable columns: name, email, manager (sorting happens in SQL).
    static bool isSortable(int column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loadFailed(const QString &message);

private:
    QList<UserRow> fetchPage(const UserCursor &after);

    DirectoryService m_directory;
    Id m_actor = 0;
    UserQuery m_query;
    int m_pageSize = 100;
    bool m_atEnd = true;
    bool m_busy = false; // inside reload() or fetchMore(): no re-entrant fetches
    QString m_error;
    QList<UserRow> m_rows;
};
