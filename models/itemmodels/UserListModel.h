#pragma once

#include "services/DirectoryService.h"

#include "itemmodels/KeysetTableModel.h"

// The Users page: the users of the viewer's scope (R5), current or deleted,
// searchable and sortable in SQL, fetched a page at a time with keyset
// queries, each with their certificates at a glance (valid, pending,
// expiring soon, expired, rejected).
class UserListModel : public KeysetTableModel<UserRow>
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
    // What the list shows (tab, My team, search, order) and for whom.
    const UserQuery &query() const { return m_query; }
    Id actor() const { return m_actor; }
    void reload();
    const UserRow &rowAt(int row) const { return rows().at(row); }
    // Sortable columns: name, email, manager (sorting happens in SQL).
    static bool isSortable(int column);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    Result<QList<UserRow>> page(const UserRow *after, int limit) const override;

    Database &m_db;
    DirectoryService m_directory;
    Id m_actor = 0;
    UserQuery m_query;
};
