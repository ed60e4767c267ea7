#pragma once

#include "core/Domain.h"
#include "shell/Page.h"
#include "widgets/DataTableView.h"

#include <QPointer>

class LatestRead;
class ProfileDialog;
class QAction;
class QLabel;
class QLayout;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QTimer;
class Session;
class UserListModel;

// Users (admins, managers and coaches): the people of the viewer's scope
// (R5) in a QTableView over the lazy UserListModel. Current and Deleted
// tabs, a search field (Ctrl+F, applied 250 ms after the last key), sorting
// on the sortable columns (in SQL), and each person's certificates at a
// glance as coloured counts (valid, pending, expiring soon, expired,
// rejected). A manager's "My team" shows only their managees. View profile
// (button, context menu, double-click or Enter) opens the ProfileDialog with
// the person's Results (R4).
class UsersPage : public Page
{
    Q_OBJECT

public:
    static constexpr int SearchDelayMs = 250;

    explicit UsersPage(Session &session, QWidget *parent = nullptr);

    void reload() override;

    UserListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ProfileDialog *profileDialog() const;
    // Whether the list's total is still being counted (tests wait for it).
    bool isCounting() const;

signals:
    // The list's total arrived (or could not be counted) and is shown.
    void totalShown();

public slots:
    // Opens the profile of the person on row (Results tab when results).
    void viewProfile(const QModelIndex &index, bool results = false);
    void setDeletedTab(bool deleted);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildToolBar();
    QLayout *buildSummaryRow();
    void startOnMyTeam();
    void configureColumns();
    void fitGroupsColumn();
    void onHeaderClicked(int section);
    void onModelReset();
    void updateSummary();
    void recount();
    void updateActions();
    void showContextMenu(const QPoint &position);

    Session &m_session;
    UserListModel *m_model = nullptr;
    QTabBar *m_tabs = nullptr;
    QPushButton *m_myTeam = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_summary = nullptr;
    // The whole list's number of people (-1: not known), counted off the
    // window's thread after each reset of the list.
    int m_total = -1;
    LatestRead *m_countRead = nullptr;
    QPushButton *m_viewProfile = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_stack = nullptr;
    DataTableView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QAction *m_findAction = nullptr;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QPointer<ProfileDialog> m_profile;
};
