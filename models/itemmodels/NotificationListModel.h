#pragma once

#include "services/NotificationService.h"

#include "itemmodels/KeysetTableModel.h"

#include <QColor>
#include <QIcon>

// The inbox as an item model: newest first, fetched lazily a page at a time
// from NotificationService (keyset on the id), optionally one category only
// (filtered by the database). Marking read goes through the service, which
// touches only the recipient's own notifications. No widgets: the view gives
// it the unread/read icons and the muted colour of its palette.
class NotificationListModel : public KeysetTableModel<Notification>
{
    Q_OBJECT

public:
    enum Column
    {
        TitleColumn,
        FromColumn,
        ReceivedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole,
        ReadRole,
        CategoryRole,
        TaskIdRole,
        BodyRole,
        CreatedAtRole
    };
    using Filter = InboxFilter;
    static constexpr int PageSize = 50;

    NotificationListModel(NotificationService &service, Id recipient, QObject *parent = nullptr);

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    // Reads the first page again; false (and lastError()) when it cannot.
    bool reload();
    QString lastError() const { return loadError(); }
    // Decoration of unread and read rows, and the colour of the secondary columns.
    void setDecorations(const QIcon &unread, const QIcon &read, const QColor &muted);

    const Notification &notification(int row) const { return rows().at(row); }
    int rowOf(Id id) const;
    // Through the service; the row shows read when it worked.
    Status markRead(int row);
    // Every unread notification of the recipient, shown or not yet fetched.
    Status markAllRead();

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Result<QList<Notification>> page(const Notification *after, int limit) const override;

    NotificationService &m_service;
    Id m_recipient = 0;
    Filter m_filter = Filter::All;
    QIcon m_unreadIcon;
    QIcon m_readIcon;
    QColor m_mutedColor;
};
