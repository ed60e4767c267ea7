#pragma once

#include "core/Compliance.h"
#include "services/ComplianceService.h"
#include "shell/Page.h"

#include <QStyledItemDelegate>

class ComplianceModel;
class DataTableView;
class QComboBox;
class QLabel;
class QModelIndex;
class QPushButton;
class Session;

// A compliance cell as a badge (Theme::paintBadge) in its state's colour:
// valid green, expiring amber, pending blue, expired and missing red; a
// template not required of that person stays empty. The text is the model's
// DisplayRole, so the badge says what a screen reader reads.
class ComplianceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// Compliance (admins, managers and coaches; README "Rules", Requirements
// and compliance): the people of the viewer's scope (R5) against the
// templates their groups require, over the lazy ComplianceModel. Filters by
// group, template and state, and an order (by name, or soonest lapse first),
// all applied by the database; the true number of people and the totals per
// template under the table; Export CSV… writes what the filters show, a page
// at a time, with a progress bar and Cancel. A cell opens its certificate, a
// missing one the import form for that person with the template chosen (R4).
class CompliancePage : public Page
{
    Q_OBJECT

public:
    explicit CompliancePage(Session &session, QWidget *parent = nullptr);

    void reload() override;

    ComplianceModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }
    QLabel *summary() const { return m_summary; }
    QLabel *totals() const { return m_totals; }
    QComboBox *groupFilter() const { return m_group; }
    QComboBox *templateFilter() const { return m_template; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *orderChoice() const { return m_order; }

public slots:
    // The cell's certificate, or for a missing one the import form (R4).
    void openCell(const QModelIndex &index);
    // Requirements… (platform and group admins): the RequirementsEditor in a
    // dialog; the picture reloads when it closes.
    void editRequirements();
    // Export CSV…: asks for a file, then writes it (exportTo()).
    void exportCsv();
    // Writes the picture as the filters show it to path, a page per turn of
    // the event loop, with a progress dialog and Cancel; returns whether
    // the file was written whole (a cancelled or failed one is removed).
    bool exportTo(const QString &path, bool excel);

signals:
    // Tests: the dialog a cell or Requirements… opened.
    void cellDialogOpened(QWidget *dialog);
    // The count and totals for the filters on screen are shown (tests).
    void summaryShown();

private:
    QWidget *buildFilters();
    void fillFilters();
    void applyFilters();
    void updateSummary();
    void showSummary(const ComplianceService::Summary &summary, int soonDays);

    Session &m_session;
    ComplianceModel *m_model = nullptr;
    DataTableView *m_view = nullptr;
    QComboBox *m_group = nullptr;
    QComboBox *m_template = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_order = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_error = nullptr;
    bool m_filling = false;
    // Which summary the page waits for: an answer for older filters is
    // dropped.
    int m_summaryGeneration = 0;
};
