#include "users/UsersPage.h"

#include "certificate/StatusDelegate.h"
#include "itemmodels/UserListModel.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "users/ProfileDialog.h"
#include "widgets/LatestRead.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace {
using Column = UserListModel::Column;

enum Tab
{
    CurrentTab,
    DeletedTab
};

// The status colour each count column is drawn in.
struct CountColumn
{
    Column column;
    DisplayStatus status;
};
const CountColumn kCountColumns[] = {
    {Column::Valid, DisplayStatus::Validated},           {Column::Pending, DisplayStatus::Pending},
    {Column::ExpiringSoon, DisplayStatus::ExpiringSoon}, {Column::Expired, DisplayStatus::Expired},
    {Column::Rejected, DisplayStatus::Rejected},
};
// A long cell (someone in several groups) is elided: its tooltip shows all
// of it.
class FullTextTipDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        const QString text = index.data(Qt::DisplayRole).toString();
        if (event->type() != QEvent::ToolTip || text.isEmpty())
            return QStyledItemDelegate::helpEvent(event, view, option, index);
        QToolTip::showText(event->globalPos(), text, view);
        return true;
    }
};
} // namespace

UsersPage::UsersPage(Session &session, QWidget *parent) : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("usersPage"));
    setAccessibleName(tr("Users"));
    m_model = new UserListModel(session.database(), session.userId(), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);
    layout->addWidget(buildToolBar());

    layout->addLayout(buildSummaryRow());

    m_error = Theme::errorLabel(QStringLiteral("usersError"), this);
    m_error->setAccessibleName(tr("Loading error"));
    layout->addWidget(m_error);

    m_stack = new QStackedWidget(this);
    m_view = new DataTableView(m_stack);
    m_view->setObjectName(QStringLiteral("usersTable"));
    m_view->setAccessibleName(tr("Users"));
    m_view->setModel(m_model);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setRowPadding(18);
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    configureColumns();
    m_stack->addWidget(m_view);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("usersEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { viewProfile(index); });
    connect(m_view, &QTableView::customContextMenuRequested, this, &UsersPage::showContextMenu);
    connect(m_viewProfile, &QPushButton::clicked, this,
            [this] { viewProfile(m_view->currentIndex()); });
    m_countRead = new LatestRead(m_session, this);
    connect(m_countRead, &LatestRead::answered, this, &UsersPage::totalShown);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPage::onModelReset);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &UsersPage::updateSummary);
    connect(m_model, &UserListModel::loadFailed, this, [this](const QString &message) {
        m_error->setText(tr("The users could not be loaded: %1").arg(message));
        m_error->show();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &UsersPage::updateActions);

    m_findAction = new QAction(tr("Search users"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(m_findAction);

    startOnMyTeam();
    updateActions();
}

QLayout *UsersPage::buildSummaryRow()
{
    auto *summaryRow = new QHBoxLayout;
    summaryRow->setSpacing(Theme::Spacing);
    m_summary = Theme::noteLabel(QString(), this);
    m_summary->setObjectName(QStringLiteral("usersSummary"));
    summaryRow->addWidget(m_summary, 1);
    m_viewProfile = new QPushButton(tr("View profile"), this);
    m_viewProfile->setObjectName(QStringLiteral("viewProfileButton"));
    m_viewProfile->setAccessibleName(tr("View profile"));
    m_viewProfile->setToolTip(tr("Open the selected person's profile and results (Enter)"));
    m_viewProfile->setProperty("secondary", true);
    m_viewProfile->setIcon(Theme::icon(QStringLiteral("eye")));
    m_viewProfile->setAutoDefault(false);
    summaryRow->addWidget(m_viewProfile);
    return summaryRow;
}

// A manager who is nothing else starts on their own team; others (admins,
// coaches) on everyone they may see, with the toggle one click away.
void UsersPage::startOnMyTeam()
{
    const Policy &policy = m_session.policy();
    const Id me = m_session.userId();
    const bool manager = policy.isManager(me);
    m_myTeam->setVisible(manager);
    const bool onlyManager = manager && !policy.isPlatformAdmin(me) &&
                             !policy.hasRole(me, Role::Admin) && !policy.hasRole(me, Role::Coach);
    m_myTeam->setChecked(onlyManager);
    connect(m_myTeam, &QPushButton::toggled, this, [this](bool on) {
        // In one's own team everybody has the same manager: no column for it.
        m_view->setColumnHidden(int(Column::Manager), on);
        m_model->setMyTeamOnly(on);
    });
    m_view->setColumnHidden(int(Column::Manager), onlyManager);
    if (onlyManager)
        m_model->setMyTeamOnly(true);
}

QWidget *UsersPage::buildToolBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);

    m_tabs = new QTabBar(bar);
    m_tabs->setObjectName(QStringLiteral("usersTabs"));
    m_tabs->setAccessibleName(tr("Current or deleted users"));
    m_tabs->addTab(tr("Current"));
    m_tabs->addTab(tr("Deleted"));
    m_tabs->setTabToolTip(CurrentTab, tr("People who can sign in"));
    m_tabs->setTabToolTip(DeletedTab,
                          tr("Deleted people: they cannot sign in, their results are kept"));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->setUsesScrollButtons(false);
    m_tabs->setElideMode(Qt::ElideNone);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabBar::currentChanged, this,
            [this](int index) { m_model->setDeleted(index == DeletedTab); });

    m_myTeam = new QPushButton(tr("My team"), bar);
    m_myTeam->setObjectName(QStringLiteral("myTeamToggle"));
    m_myTeam->setAccessibleName(tr("Show only my team"));
    m_myTeam->setToolTip(tr("Only the people who name you as their manager"));
    m_myTeam->setCheckable(true);
    m_myTeam->setProperty("secondary", true);
    m_myTeam->setIcon(Theme::icon(QStringLiteral("users")));
    m_myTeam->setAutoDefault(false);
    layout->addWidget(m_myTeam);
    layout->addStretch(1);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("usersSearch"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setPlaceholderText(tr("Search by name or email (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    layout->addWidget(m_search);

    // SQL runs 250 ms after the last key, not on every key.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setObjectName(QStringLiteral("searchTimer"));
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this,
            [this] { m_model->setSearch(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        m_model->setSearch(m_search->text());
    });
    return bar;
}

void UsersPage::configureColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    header->setMinimumSectionSize(48);
    // Sorting happens in SQL and only on the sortable columns: the view's
    // own sorting would put an indicator on any column clicked.
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(m_sortColumn, m_sortOrder);
    connect(header, &QHeaderView::sectionClicked, this, &UsersPage::onHeaderClicked);
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (column != int(Column::Groups))
            fitGroupsColumn();
    });
    for (int column = 0; column < UserListModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // Groups take the room left, but never less than a readable width (the
    // table scrolls sideways in a narrow window): see fitGroupsColumn().
    header->setSectionResizeMode(int(Column::Groups), QHeaderView::Fixed);
    // Count columns are as wide as their title, not as a sortable column's
    // title plus room for a sort arrow they never show.
    QFont bold = header->font();
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(bold);
    for (const CountColumn &count : kCountColumns) {
        const int column = int(count.column);
        m_view->setItemDelegateForColumn(column, new StatusDelegate(count.status, this));
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        header->resizeSection(column, metrics.horizontalAdvance(title) + 3 * Theme::Spacing);
    }
    m_view->setItemDelegateForColumn(int(Column::Groups), new FullTextTipDelegate(this));
}

void UsersPage::onHeaderClicked(int section)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (!UserListModel::isSortable(section)) {
        // Counts are not sortable: the indicator stays where the sort is.
        header->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortOrder = section == m_sortColumn && m_sortOrder == Qt::AscendingOrder ? Qt::DescendingOrder
                                                                               : Qt::AscendingOrder;
    m_sortColumn = section;
    header->setSortIndicator(m_sortColumn, m_sortOrder);
    m_model->sort(m_sortColumn, m_sortOrder);
}

void UsersPage::reload()
{
    m_error->hide();
    const QModelIndex current = m_view->currentIndex();
    const Id selected =
        current.isValid() ? m_model->data(current, UserListModel::UserIdRole).toLongLong() : 0;
    m_model->reload();
    for (int row = 0; selected > 0 && row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (m_model->data(index, UserListModel::UserIdRole).toLongLong() == selected) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            break;
        }
    }
}

ProfileDialog *UsersPage::profileDialog() const
{
    return m_profile.data();
}

void UsersPage::setDeletedTab(bool deleted)
{
    m_tabs->setCurrentIndex(deleted ? DeletedTab : CurrentTab);
}

void UsersPage::fitGroupsColumn()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int groups = int(Column::Groups);
    int others = 0;
    for (int column = 0; column < header->count(); ++column) {
        if (column != groups && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const int minimum = header->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 12;
    header->resizeSection(groups, qMax(minimum, m_view->viewport()->width() - others));
}

void UsersPage::onModelReset()
{
    // ResizeToContents columns have their new widths once the header has
    // laid out; the groups take what is left after that.
    QTimer::singleShot(0, this, &UsersPage::fitGroupsColumn);
    const bool empty = m_model->rowCount() == 0;
    if (empty) {
        const QString search = m_search->text().trimmed();
        QString text;
        if (!search.isEmpty())
            text = tr("Nobody matches “%1”.").arg(search);
        else if (m_model->isDeleted())
            text = tr("No deleted users.");
        else if (m_myTeam->isChecked())
            text = tr("Nobody names you as their manager yet.");
        else
            text = tr("Nobody to show.");
        m_empty->setText(text);
        m_empty->setAccessibleName(text);
    }
    m_stack->setCurrentWidget(empty && m_error->isHidden() ? static_cast<QWidget *>(m_empty)
                                                           : static_cast<QWidget *>(m_view));
    recount();
    updateSummary();
    updateActions();
}

void UsersPage::recount()
{
    // A list read to its end counts itself; a longer one is counted by the
    // database, off the window's thread.
    m_total = -1;
    if (m_model->isComplete()) {
        m_countRead->cancel();
        m_total = m_model->rowCount();
        return;
    }
    const Id actor = m_model->actor();
    const UserQuery query = m_model->query();
    m_countRead->ask<Result<int>>(
        [actor, query](Database &db) { return DirectoryService(db).userCount(actor, query); },
        [this](const Result<int> &total) {
            m_total = total ? total.value() : -1;
            updateSummary();
        },
        [this](const QString &) { updateSummary(); });
}

bool UsersPage::isCounting() const
{
    return m_countRead->isWaiting();
}

void UsersPage::updateSummary()
{
    // The true number of people the list holds (README "Rules", Lists), in
    // the locale's digits, whatever has been scrolled to.
    const int rows = m_model->rowCount();
    const int total = m_total >= 0 ? m_total : m_model->isComplete() ? rows : -1;
    const QString count = QLocale().toString(total);
    const QString search = m_search->text().trimmed();
    QString text;
    if (rows == 0)
        text = QString();
    else if (total < 0 && m_countRead->isWaiting())
        text = tr("Counting…");
    else if (total < 0)
        text = tr("The first %1 people — scroll for more.").arg(QLocale().toString(rows));
    else if (!search.isEmpty())
        text = total == 1 ? tr("1 person matches “%1”.").arg(search)
                          : tr("%1 people match “%2”.").arg(count, search);
    else if (m_model->isDeleted())
        text = (total == 1 ? tr("1 deleted person.") : tr("%1 deleted people.").arg(count)) +
               QLatin1Char(' ') + tr("They cannot sign in; their results are kept.");
    else if (m_myTeam->isChecked())
        text = total == 1 ? tr("1 person in your team.") : tr("%1 people in your team.").arg(count);
    else
        text = total == 1 ? tr("1 person whose results you may see.")
                          : tr("%1 people whose results you may see.").arg(count);
    m_summary->setText(text);
    m_summary->setAccessibleName(text);
}

void UsersPage::updateActions()
{
    m_viewProfile->setEnabled(m_view->currentIndex().isValid());
}

void UsersPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("usersContextMenu"));
    QAction *profile = menu.addAction(Theme::icon(QStringLiteral("eye")), tr("View profile"));
    profile->setObjectName(QStringLiteral("viewProfileAction"));
    QAction *results = menu.addAction(Theme::icon(QStringLiteral("results")), tr("View results"));
    results->setObjectName(QStringLiteral("viewResultsAction"));
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(position));
    if (chosen == profile)
        viewProfile(index);
    else if (chosen == results)
        viewProfile(index, true);
}

void UsersPage::viewProfile(const QModelIndex &index, bool results)
{
    if (!index.isValid())
        return;
    const Id user = m_model->data(index, UserListModel::UserIdRole).toLongLong();
    if (m_profile)
        m_profile->close();
    m_profile = new ProfileDialog(m_session, user, this);
    m_profile->setAttribute(Qt::WA_DeleteOnClose);
    if (results)
        m_profile->showTab(ProfileDialog::Tab::Results);
    // Imports change the person's counts on this page.
    connect(m_profile, &ProfileDialog::imported, this, &UsersPage::reload);
    m_profile->open();
}

bool UsersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitGroupsColumn();
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_view && enter && m_view->currentIndex().isValid()) {
            viewProfile(m_view->currentIndex());
            return true;
        }
        // Down from the search field goes to the list.
        if (watched == m_search && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_view->setFocus(Qt::TabFocusReason);
            if (!m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_model->index(0, 0));
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}
