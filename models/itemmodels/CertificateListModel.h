#pragma once

#include "core/Domain.h"
#include "services/CertificateService.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDate>

// The Certificates section of a Results page: one person's internal and
// external certificates, newest delivery first, fetched a page at a time
// with keyset queries (canFetchMore/fetchMore), so thousands of rows cost
// what one screen costs. R5 is the service's: a refused owner gives an
// empty model and loadError().
class CertificateListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Name,
        Type,
        Delivered,
        Expires,
        Credits,
        Template,
        Status
    };
    Q_ENUM(Column)

    enum Role
    {
        CertificateIdRole = Qt::UserRole + 1,
        DisplayStatusRole, // DisplayStatus as int
        StatusKeyRole,     // "accepted", "pending", ... "expiring-soon", "expired"
        SortDateRole,      // QDate for date columns
    };

    CertificateListModel(Database &db, Id actor, QObject *parent = nullptr);

    // Whose certificates; reloads.
    void setOwner(Id owner);
    Id owner() const { return m_owner; }
    // Re-reads the settings (credits column) and the first page.
    void reload();
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    QString loadError() const { return m_error; }

    // The column shown at index, and the index of a column (-1: not shown;
    // Credits shows only while the credits feature is on).
    Column columnAt(int index) const { return m_columns.at(index); }
    int indexOf(Column column) const { return int(m_columns.indexOf(column)); }
    const Certificate &certificateAt(int row) const { return m_rows.at(row); }

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
    QList<Certificate> fetchPage(const CertificateCursor &after);

    Database &m_db;
    CertificateService m_service;
    Id m_actor = 0;
    Id m_owner = 0;
    int m_pageSize = 100;
    bool m_atEnd = true;
    bool m_busy = false; // inside reload() or fetchMore(): no re-entrant fetches
    QDate m_today;
    QString m_error;
    QList<Column> m_columns;
    QList<Certificate> m_rows;
};
