#include "notifications/NotificationsPage.h"

#include "review/TaskView.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int TaskIdRole = Qt::UserRole;
constexpr int TaskPageSize = 500; // open tasks listed at once (the oldest)

QPushButton *button(const QString &text, const QString &objectName, const QString &accessibleName,
                    QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAccessibleName(accessibleName);
    b->setAutoDefault(false);
    return b;
}
} // namespace

// ---------------------------------------------------------------------------
// NotificationsPage: the inbox

NotificationsPage::NotificationsPage(Session &session, QWidget *parent)
    : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("notificationsPage"));
    m_model = new NotificationListModel(session.notifications(), session.userId(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_modes = new QStackedWidget(this);
    m_modes->setObjectName(QStringLiteral("notificationModes"));
    m_modes->addWidget(buildInbox());
    m_modes->addWidget(buildReview());
    layout->addWidget(m_modes);
    applyListStyle();
}

QWidget *NotificationsPage::buildCategories(QWidget *parent)
{
    m_categories = new QListWidget(parent);
    m_categories->setObjectName(QStringLiteral("notificationCategories"));
    m_categories->setAccessibleName(tr("Notification categories"));
    m_categories->setFixedWidth(190);
    m_categories->setFrameShape(QFrame::NoFrame);
    m_categories->setIconSize(QSize(18, 18));
    const QColor muted = Theme::mutedTextColor(palette());
    const struct
    {
        QString text;
        QString icon;
    } categories[] = {{tr("All"), QStringLiteral("bell")},
                      {tr("Certificate Validation"), QStringLiteral("check")},
                      {tr("Outcomes"), QStringLiteral("results")}};
    for (const auto &c : categories) {
        auto *item = new QListWidgetItem(Theme::tintedIcon(c.icon, muted), c.text, m_categories);
        item->setData(Qt::AccessibleTextRole, c.text);
    }
    m_categories->setCurrentRow(0);
    connect(m_categories, &QListWidget::currentRowChanged, this, [this](int row) {
        m_model->setFilter(NotificationListModel::Filter(qMax(0, row)));
        if (!m_model->lastError().isEmpty())
            m_error->setText(
                tr("The notifications could not be loaded: %1").arg(m_model->lastError()));
        m_error->setVisible(!m_model->lastError().isEmpty());
        updateInboxState();
        showDetails();
    });
    return m_categories;
}

QWidget *NotificationsPage::buildInbox()
{
    auto *inbox = new QWidget(this);
    inbox->setObjectName(QStringLiteral("inbox"));
    auto *layout = new QHBoxLayout(inbox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingLarge);
    layout->addWidget(buildCategories(inbox));
    auto *right = new QVBoxLayout;
    right->setSpacing(Theme::Spacing);
    layout->addLayout(right, 1);

    auto *top = new QHBoxLayout;
    m_summary = Theme::noteLabel(QString(), inbox);
    m_summary->setObjectName(QStringLiteral("notificationsSummary"));
    top->addWidget(m_summary, 1);
    m_reviewButton = button(QString(), QStringLiteral("reviewTasksButton"),
                            tr("Review open validation tasks"), inbox);
    m_reviewButton->setIcon(Theme::icon(QStringLiteral("check")));
    connect(m_reviewButton, &QPushButton::clicked, this, [this] { openTask(0); });
    top->addWidget(m_reviewButton);
    m_markRead = button(tr("Mark as read"), QStringLiteral("markReadButton"),
                        tr("Mark the selected notification as read"), inbox);
    connect(m_markRead, &QPushButton::clicked, this, &NotificationsPage::markSelectedRead);
    top->addWidget(m_markRead);
    m_markAllRead = button(tr("Mark all as read"), QStringLiteral("markAllReadButton"),
                           tr("Mark all notifications as read"), inbox);
    connect(m_markAllRead, &QPushButton::clicked, this, &NotificationsPage::markAllRead);
    top->addWidget(m_markAllRead);
    right->addLayout(top);
    m_error = Theme::errorLabel(QStringLiteral("notificationsError"), inbox);
    right->addWidget(m_error);

    m_listStack = new QStackedWidget(inbox);
    m_list = new QTreeView(m_listStack);
    m_list->setObjectName(QStringLiteral("notificationsList"));
    m_list->setAccessibleName(tr("Notifications"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NotificationListModel::TitleColumn,
                                           QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(NotificationListModel::FromColumn,
                                           QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(NotificationListModel::ReceivedColumn,
                                           QHeaderView::ResizeToContents);
    m_listStack->addWidget(m_list);
    auto *empty = new QWidget(m_listStack);
    auto *emptyLayout = new QVBoxLayout(empty);
    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(QStringLiteral("notificationsEmpty"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    emptyLayout->addWidget(m_emptyText);
    m_listStack->addWidget(empty);
    right->addWidget(m_listStack, 1);

    auto *details = new QFrame(inbox);
    details->setObjectName(QStringLiteral("notificationDetailsPane"));
    auto *detailsLayout = new QHBoxLayout(details);
    detailsLayout->setContentsMargins(Theme::SpacingLarge, Theme::Spacing + Theme::SpacingSmall,
                                      Theme::Spacing + Theme::SpacingSmall,
                                      Theme::Spacing + Theme::SpacingSmall);
    m_details = new QLabel(details);
    m_details->setObjectName(QStringLiteral("notificationDetails"));
    m_details->setAccessibleName(tr("Notification details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 3);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detailsLayout->addWidget(m_details, 1);
    m_openTaskButton = button(tr("Open task"), QStringLiteral("openTaskButton"),
                              tr("Open the validation task"), details);
    m_openTaskButton->setToolTip(tr("Review this certificate (Enter)"));
    connect(m_openTaskButton, &QPushButton::clicked, this, &NotificationsPage::openCurrent);
    detailsLayout->addWidget(m_openTaskButton, 0, Qt::AlignTop);
    right->addWidget(details);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateInboxState();
    });
    connect(m_list, &QTreeView::activated, this, &NotificationsPage::openCurrent);
    return inbox;
}

void NotificationsPage::applyListStyle()
{
    const QPalette colors = palette();
    const QColor accent = Theme::accentColor(colors);
    QIcon unread;
    for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Active, QIcon::Selected})
        unread.addPixmap(Theme::statusDot(mode == QIcon::Selected
                                              ? colors.color(QPalette::HighlightedText)
                                              : accent)
                             .pixmap(12, 12),
                         mode);
    // Read rows keep the dot's room, so that titles line up.
    m_model->setDecorations(unread, Theme::statusDot(QColor(Qt::transparent)),
                            Theme::mutedTextColor(colors));
    const QString css = Sheets::notifications(colors);
    if (css != styleSheet())
        setStyleSheet(css);
}

void NotificationsPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyListStyle();
}

bool NotificationsPage::isReviewing() const
{
    return m_modes->currentIndex() == 1;
}

void NotificationsPage::reload()
{
    if (isReviewing())
        reloadTasks(0, true);
    else
        reloadInbox();
}

void NotificationsPage::reloadInbox()
{
    const QModelIndex current = m_list->currentIndex();
    const Id selected =
        current.isValid() ? current.data(NotificationListModel::IdRole).toLongLong() : 0;
    const bool loaded = m_model->reload();
    m_error->setText(tr("The notifications could not be loaded: %1").arg(m_model->lastError()));
    m_error->setVisible(!loaded);
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));

    const auto count = m_session.reviews().taskCount(m_session.userId(), true);
    m_openTaskCount = count ? count.value() : 0;
    m_reviewButton->setText(tr("&Review open tasks (%1)").arg(m_openTaskCount));
    m_reviewButton->setToolTip(tr("Review the validation tasks waiting for you, one after the "
                                  "other, from the keyboard (Alt+R)"));
    m_reviewButton->setVisible(m_openTaskCount > 0);
    recountUnread();
    updateInboxState();
    showDetails();
}

void NotificationsPage::recountUnread()
{
    const auto unread = m_session.notifications().unreadCount(m_session.userId());
    // A failed count keeps the last one: the list says what went wrong.
    if (unread)
        m_unreadCount = unread.value();
}

void NotificationsPage::updateInboxState()
{
    const int count = m_unreadCount;
    const int shown = m_model->rowCount();
    m_summary->setText(count > 0 ? tr("%n unread", nullptr, count) : tr("Everything is read."));
    const QModelIndex current = m_list->currentIndex();
    m_markRead->setEnabled(current.isValid() &&
                           !current.data(NotificationListModel::ReadRole).toBool());
    m_markAllRead->setEnabled(count > 0);
    static const char *const empty[] = {
        QT_TR_NOOP("No notifications yet."),
        QT_TR_NOOP("No validation requests: certificates sent to you for validation show here."),
        QT_TR_NOOP("No outcomes yet: when your certificates are validated or rejected, you are "
                   "told here.")};
    m_emptyText->setText(tr(empty[qBound(0, m_categories->currentRow(), 2)]));
    m_emptyText->setAccessibleName(m_emptyText->text());
    m_listStack->setCurrentIndex(shown > 0 ? 0 : 1);
}

void NotificationsPage::showDetails()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        m_details->setText(m_model->rowCount() > 0 ? tr("Choose a notification; Enter opens it.")
                                                   : QString());
        m_openTaskButton->hide();
        return;
    }
    const Notification &n = m_model->notification(current.row());
    QString text = n.body();
    if (n.category == NotificationCategory::ValidationRequest && n.taskId > 0)
        text += QLatin1Char('\n') + tr("Press Enter or “Open task” to review it.");
    m_details->setText(text);
    m_openTaskButton->setVisible(n.category == NotificationCategory::ValidationRequest &&
                                 n.taskId > 0);
}

bool NotificationsPage::markRead(int row)
{
    if (row < 0 || row >= m_model->rowCount() || m_model->notification(row).read)
        return true;
    const Status status = m_model->markRead(row);
    if (!status) {
        m_error->setText(
            tr("The notification could not be marked as read: %1").arg(status.message()));
        m_error->show();
        return false;
    }
    recountUnread();
    updateInboxState();
    emit countsChanged();
    return true;
}

void NotificationsPage::markSelectedRead()
{
    markRead(m_list->currentIndex().row());
}

void NotificationsPage::markAllRead()
{
    const Status status = m_model->markAllRead();
    if (!status) {
        m_error->setText(
            tr("The notifications could not be marked as read: %1").arg(status.message()));
        m_error->show();
    }
    recountUnread();
    updateInboxState();
    emit countsChanged();
}

void NotificationsPage::openCurrent()
{
    const int row = m_list->currentIndex().row();
    if (row < 0)
        return;
    markRead(row);
    const Notification n = m_model->notification(row);
    if (n.category == NotificationCategory::ValidationRequest && n.taskId > 0)
        openTask(n.taskId);
    else
        showDetails();
}

// ---------------------------------------------------------------------------
// NotificationsPage: reviewing validation tasks (fast review, keyboard first)

QWidget *NotificationsPage::buildReview()
{
    auto *review = new QWidget(this);
    review->setObjectName(QStringLiteral("review"));
    auto *layout = new QVBoxLayout(review);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);

    auto *top = new QHBoxLayout;
    m_backButton = button(tr("Notifications"), QStringLiteral("backButton"),
                          tr("Back to the notifications"), review);
    m_backButton->setIcon(Theme::icon(QStringLiteral("chevron-left")));
    m_backButton->setToolTip(tr("Back to the notifications (Esc)"));
    connect(m_backButton, &QPushButton::clicked, this, &NotificationsPage::showInbox);
    top->addWidget(m_backButton);
    auto *title = new QLabel(tr("Certificate Validation"), review);
    title->setObjectName(QStringLiteral("reviewTitle"));
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    top->addWidget(title);
    m_reviewStatus = Theme::noteLabel(QString(), review);
    m_reviewStatus->setObjectName(QStringLiteral("reviewStatus"));
    m_reviewStatus->setTextFormat(Qt::PlainText);
    m_reviewStatus->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    top->addWidget(m_reviewStatus, 1);
    layout->addLayout(top);

    auto *body = new QHBoxLayout;
    body->setSpacing(Theme::SpacingLarge);
    auto *column = new QVBoxLayout;
    column->setSpacing(Theme::SpacingSmall);
    m_taskSearch = new QLineEdit(review);
    m_taskSearch->setObjectName(QStringLiteral("taskSearch"));
    m_taskSearch->setAccessibleName(tr("Search the open tasks"));
    m_taskSearch->setPlaceholderText(tr("Search name or person (Ctrl+F)"));
    m_taskSearch->setClearButtonEnabled(true);
    m_taskSearch->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_taskSearch, &QLineEdit::textChanged, this, &NotificationsPage::filterTasks);
    connect(m_taskSearch, &QLineEdit::returnPressed, this, [this] { m_taskList->setFocus(); });
    column->addWidget(m_taskSearch);
    m_taskList = new QListWidget(review);
    m_taskList->setObjectName(QStringLiteral("taskList"));
    m_taskList->setAccessibleName(tr("Open validation tasks"));
    m_taskList->setFixedWidth(250);
    m_taskList->setTextElideMode(Qt::ElideRight);
    connect(m_taskList, &QListWidget::currentRowChanged, this, &NotificationsPage::onTaskSelected);
    column->addWidget(m_taskList, 1);
    m_taskCount = Theme::noteLabel(QString(), review);
    m_taskCount->setObjectName(QStringLiteral("taskCount"));
    column->addWidget(m_taskCount);
    QLabel *keys = Theme::noteLabel(tr("J / K: next / previous task\nCtrl+Enter: validate\n"
                                       "Ctrl+Shift+R: reject\nE: edit the details\n"
                                       "Ctrl+F: search · Esc: back"),
                                    review);
    keys->setObjectName(QStringLiteral("reviewKeys"));
    column->addWidget(keys);
    body->addLayout(column);
    m_taskView = new TaskView(m_session, review);
    body->addWidget(m_taskView, 1);
    layout->addLayout(body, 1);
    connect(m_taskView, &TaskView::decided, this, &NotificationsPage::onDecided);
    connect(m_taskView, &TaskView::taskOutdated, this, [this] {
        reloadTasks(0, true);
        emit certificatesChanged();
    });
    createReviewActions(review);
    return review;
}

void NotificationsPage::createReviewActions(QWidget *review)
{
    const auto add = [this, review](const QString &name, const QList<QKeySequence> &keys,
                                    auto slot) {
        auto *action = new QAction(review);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        review->addAction(action);
    };
    add(QStringLiteral("nextTaskAction"),
        {QKeySequence(Qt::Key_J), QKeySequence(Qt::ALT | Qt::Key_Down)},
        &NotificationsPage::nextTask);
    add(QStringLiteral("previousTaskAction"),
        {QKeySequence(Qt::Key_K), QKeySequence(Qt::ALT | Qt::Key_Up)},
        &NotificationsPage::previousTask);
    add(QStringLiteral("searchTasksAction"), {QKeySequence(QKeySequence::Find)}, [this] {
        m_taskSearch->setFocus(Qt::ShortcutFocusReason);
        m_taskSearch->selectAll();
    });
    add(QStringLiteral("backAction"), {QKeySequence(Qt::Key_Escape)}, [this] {
        if (m_taskView->isEditing())
            m_taskView->setEditing(false);
        else
            showInbox();
    });
    // Validate, reject and edit work from the task list too.
    review->addActions(
        {m_taskView->validateAction(), m_taskView->rejectAction(), m_taskView->editAction()});
}

QList<Id> NotificationsPage::taskIds() const
{
    QList<Id> ids;
    for (int row = 0; row < m_taskList->count(); ++row)
        if (!m_taskList->item(row)->isHidden())
            ids << m_taskList->item(row)->data(TaskIdRole).toLongLong();
    return ids;
}

void NotificationsPage::openTask(Id taskId)
{
    m_modes->setCurrentIndex(1);
    m_reviewStatus->clear();
    m_taskView->reloadTemplates();
    m_anchorRow = 0;
    reloadTasks(taskId, false);
    m_taskList->setFocus(Qt::OtherFocusReason);
}

void NotificationsPage::showInbox()
{
    m_modes->setCurrentIndex(0);
    reloadInbox();
    m_list->setFocus(Qt::OtherFocusReason);
}

void NotificationsPage::reloadTasks(Id select, bool keepView)
{
    // The oldest open tasks first, a bounded page: a platform admin's list on
    // a big server never reads every task.
    const auto tasks = m_session.reviews().tasks(m_session.userId(), true, 0, TaskPageSize);
    const auto total = m_session.reviews().taskCount(m_session.userId(), true);
    if (!tasks) {
        m_reviewStatus->setText(tr("The tasks could not be loaded: %1").arg(tasks.message()));
        return;
    }
    {
        const QSignalBlocker blocker(m_taskList);
        m_taskList->clear();
        m_tasks.clear();
        for (const ValidationTask &task : tasks.value()) {
            const Certificate &c = task.certificate;
            auto *item = new QListWidgetItem(
                tr("%1\n%2 · %3").arg(c.name, c.ownerName, Theme::dateText(task.createdAt.date())),
                m_taskList);
            item->setData(TaskIdRole, task.id);
            item->setToolTip(tr("%1, sent by %2").arg(c.name, c.ownerName));
            item->setData(Qt::AccessibleTextRole, tr("%1 of %2").arg(c.name, c.ownerName));
            m_tasks.insert(task.id, task);
        }
    }
    m_openTaskCount = total ? qMax(total.value(), int(tasks->size())) : int(tasks->size());
    filterTasks(m_taskSearch->text());
    const QList<Id> visible = taskIds();
    const Id shown = m_taskView->taskId();
    Id target = select;
    if (!target && keepView)
        target = visible.contains(shown) ? shown : 0;
    if (!target && !keepView && !visible.isEmpty())
        target = visible.at(qBound(0, m_anchorRow, int(visible.size()) - 1));
    int row = -1;
    for (int r = 0; r < m_taskList->count(); ++r)
        if (m_taskList->item(r)->data(TaskIdRole).toLongLong() == target)
            row = r;
    {
        const QSignalBlocker blocker(m_taskList);
        m_taskList->setCurrentRow(row);
    }
    if (row >= 0 && !(keepView && target == shown))
        onTaskSelected(row);
    else if (select > 0 && row < 0)
        m_taskView->showTask(select); // decided already: shown read-only
    else if (visible.isEmpty() && !keepView)
        m_taskView->clear(tr("No open tasks: you are all caught up."));
}

void NotificationsPage::filterTasks(const QString &text)
{
    const QString needle = text.trimmed();
    int shown = 0;
    for (int row = 0; row < m_taskList->count(); ++row) {
        QListWidgetItem *item = m_taskList->item(row);
        const ValidationTask &task = m_tasks[item->data(TaskIdRole).toLongLong()];
        const bool match = needle.isEmpty() ||
                           task.certificate.name.contains(needle, Qt::CaseInsensitive) ||
                           task.certificate.ownerName.contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
        shown += match ? 1 : 0;
    }
    m_taskCount->setText(shown == m_openTaskCount
                             ? tr("Open tasks: %1").arg(m_openTaskCount)
                             : tr("%1 of %2 open tasks").arg(shown).arg(m_openTaskCount));
    if (m_taskList->count() < m_openTaskCount)
        m_taskCount->setToolTip(tr("The %1 oldest open tasks are listed; decide them and the "
                                   "next ones follow.")
                                    .arg(m_taskList->count()));
    QListWidgetItem *current = m_taskList->currentItem();
    if (current && current->isHidden())
        moveTask(1);
}

void NotificationsPage::onTaskSelected(int row)
{
    QListWidgetItem *item = m_taskList->item(row);
    if (!item)
        return;
    m_anchorRow = int(taskIds().indexOf(item->data(TaskIdRole).toLongLong()));
    m_taskView->showTask(item->data(TaskIdRole).toLongLong());
    // The next task's PDF is read while the reviewer looks at this one.
    QTimer::singleShot(0, this, [this, row] { preloadNeighbour(row); });
}

void NotificationsPage::preloadNeighbour(int row)
{
    for (int r = row + 1; r < m_taskList->count(); ++r) {
        if (m_taskList->item(r)->isHidden())
            continue;
        m_taskView->preloadPdf(
            m_tasks.value(m_taskList->item(r)->data(TaskIdRole).toLongLong()).certificate);
        return;
    }
}

void NotificationsPage::moveTask(int step)
{
    const QList<Id> visible = taskIds();
    if (visible.isEmpty())
        return;
    QListWidgetItem *current = m_taskList->currentItem();
    int index = current && !current->isHidden()
                    ? int(visible.indexOf(current->data(TaskIdRole).toLongLong())) + step
                    // Nothing selected (the task shown was decided elsewhere):
                    // the anchor row already holds the next one.
                    : m_anchorRow + (step > 0 ? 0 : -1);
    index = qBound(0, index, int(visible.size()) - 1);
    for (int r = 0; r < m_taskList->count(); ++r)
        if (m_taskList->item(r)->data(TaskIdRole).toLongLong() == visible.at(index))
            m_taskList->setCurrentRow(r);
}

void NotificationsPage::nextTask()
{
    moveTask(1);
}

void NotificationsPage::previousTask()
{
    moveTask(-1);
}

void NotificationsPage::onDecided(Id taskId, bool validated, const QString &message)
{
    Q_UNUSED(taskId)
    Q_UNUSED(validated)
    m_reviewStatus->setText(message);
    m_reviewStatus->setAccessibleName(message);
    // The review marked the task's requests read for every reviewer.
    emit countsChanged();
    // The decided task leaves the list; the one after it takes its place.
    reloadTasks(0, false);
    m_taskList->setFocus(Qt::OtherFocusReason);
    emit certificatesChanged();
}
