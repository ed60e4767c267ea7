#pragma once

#include "core/Domain.h"
#include "services/CertificateService.h"

#include "itemmodels/KeysetTableModel.h"
#include <QCoreApplication>
#include <QDate>

// The Certificates section of a Results page: one person's internal and
// external certificates, newest delivery first or soonest expiry first, all
// or one shown status (README "Rules", Lists), filtered and ordered by the
// database and fetched a page at a time with keyset queries
// (canFetchMore/fetchMore), so thousands of rows cost what one screen costs.
// R5 is the service's: a refused owner gives an empty model and loadError().
class CertificateListModel : public KeysetTableModel<Certificate>
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
    // Which status the list shows and in which order; each reloads.
    void setFilter(StatusFilter filter);
    StatusFilter filter() const { return m_filter; }
    void setOrder(CertificateOrder order);
    CertificateOrder order() const { return m_order; }
    // Re-reads the settings (credits column) and the first page.
    void reload();

    // The column shown at index, and the index of a column (-1: not shown;
    // Credits shows only while the credits feature is on).
    Column columnAt(int index) const { return m_columns.at(index); }
    int indexOf(Column column) const { return int(m_columns.indexOf(column)); }
    const Certificate &certificateAt(int row) const { return rows().at(row); }

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Result<QList<Certificate>> page(const Certificate *after, int limit) const override;

    Database &m_db;
    CertificateService m_service;
    Id m_actor = 0;
    Id m_owner = 0;
    QDate m_today;
    int m_soonDays = Domain::DefaultExpiringSoonDays; // expiry.soon-days
    QList<Column> m_columns;
    StatusFilter m_filter = StatusFilter::All;
    CertificateOrder m_order = CertificateOrder::NewestDelivery;
};
