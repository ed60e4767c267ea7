#pragma once

#include "mail/MailOutbox.h"

#include "itemmodels/KeysetTableModel.h"

// The emails that were given up, for platform admins: newest
// first, fetched a page at a time with MailOutbox::failed's keyset (the id of
// the last row shown), so that a long outage costs one screen of rows.
// MailOutbox refuses everyone else; the refusal is the load error.
class FailedEmailListModel : public KeysetTableModel<OutboxEntry>
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
    const OutboxEntry &entryAt(int row) const { return rows().at(row); }
    Id emailIdAt(int row) const { return rows().value(row).id; }

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Keyset: the rows older than the last one shown (a row given up
    // meanwhile is newer and waits for the next reload; none is shown twice).
    Result<QList<OutboxEntry>> page(const OutboxEntry *after, int limit) const override;

    MailOutbox m_outbox;
    Id m_actor = 0;
};
