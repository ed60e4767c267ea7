#pragma once

#include "services/ComplianceService.h"

#include "itemmodels/KeysetTableModel.h"

// The compliance picture (README "Rules", Requirements and compliance): the
// people of the viewer's scope (R5) a requirement applies to, one column per
// required template, each cell the state of the person's best certificate
// for it; filtered, ordered and paged (keyset) by the database, so a
// platform admin over 100,000 people waits for one page, not for them all.
class ComplianceModel : public KeysetTableModel<ComplianceRow>
{
    Q_OBJECT

public:
    static constexpr int FixedColumns = 2; // Name, Email; then one per template

    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        StateRole,         // ComplianceState as int; invalid: not required of them
        ExpiresRole,       // QDate
        CertificateIdRole, // 0: missing
        TemplateIdRole,
    };

    ComplianceModel(Database &db, Id actor, QObject *parent = nullptr);

    // Reads the first page of the picture the query asks for (its today and
    // soon-days are the platform's, read now).
    void setQuery(const ComplianceQuery &query);
    const ComplianceQuery &query() const { return m_query; }
    void reload();
    const QList<CertificateTemplate> &templates() const { return m_templates; }
    const ComplianceRow &rowAt(int row) const { return rows().at(row); }

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A cell's text as the table and screen readers give it: "Valid until
    // 12 Mar 2027", "Missing".
    static QString cellText(const ComplianceCell &cell);

private:
    Result<QList<ComplianceRow>> page(const ComplianceRow *after, int limit) const override;

    Database &m_db;
    ComplianceService m_service;
    Id m_actor = 0;
    ComplianceQuery m_query;
    QList<CertificateTemplate> m_templates;
};
