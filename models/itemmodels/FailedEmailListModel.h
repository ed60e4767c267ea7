#pragma once

#include "mail/MailOutbox.h"

#include <QAbstractTableModel>

// The emails that were given up, for platform admins: newest
// first, fetched a page at a time with MailOutbox::failed's keyset (the id of
// the last row shown), so that a long outage costs one screen of rows.
// MailOutbox refuses everyone else; the refusal is the load error.
class FailedEmailListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Recipient,
        Subject,
        Attempts,
        LastError,
        LastAttempt
    };
    Q_ENUM(Column)
    static constexpr int ColumnCount = 5;

    enum Role
    {
        EmailIdRole = Qt::UserRole + 1,
        SortValueRole, // attempts as int, the last attempt as QDateTime
    };

    FailedEmailListModel(Database &db, Id actor, QObject *parent = nullptr);

    // Reads the first page again (after a retry, or to see new failures).
    void reload();
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    QString loadError() const { return m_error; }
    const OutboxEntry &entryAt(int row) const { return m_rows.at(row); }
    Id emailIdAt(int row) const { return m_rows.value(row).id; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadFailed(const QString &message);

private:
    // One page after beforeId (0: the newest); false and m_error on failure.
    bool fetchPage(Id beforeId, QList<OutboxEntry> *page);

    MailOutbox m_outbox;
    Id m_actor = 0;
    int m_pageSize = 100;
    bool m_atEnd = true;
    bool m_busy = false; // inside reload() or fetchMore(): no re-entrant fetches
    QString m_error;
    QList<OutboxEntry> m_rows;
};
