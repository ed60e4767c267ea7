#include "review/TaskListView.h"

#include "notifications/NotificationsPage.h"
#include "review/TaskView.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/LatestRead.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int TaskIdRole = Qt::UserRole;
// The open tasks are read a page at a time, oldest first: a screen's worth
// first, more as the list scrolls towards its end (or J goes past the last).
constexpr int TaskFirstPage = 50;
constexpr int TaskNextPage = 200;
} // namespace

TaskListView::TaskListView(Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("review"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);
    layout->addLayout(buildTop());
    auto *body = new QHBoxLayout;
    body->setSpacing(Theme::SpacingLarge);
    body->addLayout(buildTaskColumn());
    m_taskView = new TaskView(m_session, this);
    body->addWidget(m_taskView, 1);
    layout->addLayout(body, 1);
    connect(m_taskView, &TaskView::decided, this, &TaskListView::onDecided);
    connect(m_taskView, &TaskView::taskOutdated, this, [this] {
        reloadTasks(0, true, true);
        emit certificatesChanged();
    });
    m_countRead = new LatestRead(m_session, this);
    connect(m_countRead, &LatestRead::answered, this, &TaskListView::countShown);
    createActions();
}

QPushButton *TaskListView::button(const QString &text, const QString &objectName,
                                  const QString &accessibleName)
{
    auto *b = new QPushButton(text, this);
    b->setObjectName(objectName);
    b->setAccessibleName(accessibleName);
    b->setAutoDefault(false);
    return b;
}

QLayout *TaskListView::buildTop()
{
    auto *top = new QHBoxLayout;
    m_backButton = button(NotificationsPage::tr("Notifications"), QStringLiteral("backButton"),
                          NotificationsPage::tr("Back to the notifications"));
    m_backButton->setIcon(Theme::icon(QStringLiteral("chevron-left")));
    m_backButton->setToolTip(NotificationsPage::tr("Back to the notifications (Esc)"));
    connect(m_backButton, &QPushButton::clicked, this, &TaskListView::backRequested);
    top->addWidget(m_backButton);
    auto *title = new QLabel(NotificationsPage::tr("Certificate Validation"), this);
    title->setObjectName(QStringLiteral("reviewTitle"));
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    top->addWidget(title);
    m_reviewStatus = Theme::noteLabel(QString(), this);
    m_reviewStatus->setObjectName(QStringLiteral("reviewStatus"));
    m_reviewStatus->setTextFormat(Qt::PlainText);
    m_reviewStatus->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    top->addWidget(m_reviewStatus, 1);
    return top;
}

QLayout *TaskListView::buildTaskColumn()
{
    auto *column = new QVBoxLayout;
    column->setSpacing(Theme::SpacingSmall);
    m_taskSearch = new QLineEdit(this);
    m_taskSearch->setObjectName(QStringLiteral("taskSearch"));
    m_taskSearch->setAccessibleName(NotificationsPage::tr("Search the open tasks"));
    m_taskSearch->setPlaceholderText(NotificationsPage::tr("Search name or person (Ctrl+F)"));
    m_taskSearch->setClearButtonEnabled(true);
    m_taskSearch->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_taskSearch, &QLineEdit::textChanged, this, &TaskListView::filterTasks);
    connect(m_taskSearch, &QLineEdit::returnPressed, this, [this] { m_taskList->setFocus(); });
    column->addWidget(m_taskSearch);
    m_taskList = new QListWidget(this);
    m_taskList->setObjectName(QStringLiteral("taskList"));
    m_taskList->setAccessibleName(NotificationsPage::tr("Open validation tasks"));
    m_taskList->setFixedWidth(230);
    m_taskList->setTextElideMode(Qt::ElideRight);
    connect(m_taskList, &QListWidget::currentRowChanged, this, &TaskListView::onTaskSelected);
    connect(m_taskList->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar *bar = m_taskList->verticalScrollBar();
        if (value >= bar->maximum() - bar->pageStep())
            loadMoreTasks();
    });
    column->addWidget(m_taskList, 1);
    m_taskCount = Theme::noteLabel(QString(), this);
    m_taskCount->setObjectName(QStringLiteral("taskCount"));
    column->addWidget(m_taskCount);
    QLabel *keys =
        Theme::noteLabel(NotificationsPage::tr("J / K: next / previous task\nCtrl+Enter: validate\n"
                                               "Ctrl+Shift+R: reject\nE: edit the details\n"
                                               "Ctrl+F: search · Esc: back"),
                         this);
    keys->setObjectName(QStringLiteral("reviewKeys"));
    column->addWidget(keys);
    return column;
}

void TaskListView::createActions()
{
    const auto add = [this](const QString &name, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    add(QStringLiteral("nextTaskAction"),
        {QKeySequence(Qt::Key_J), QKeySequence(Qt::ALT | Qt::Key_Down)}, &TaskListView::nextTask);
    add(QStringLiteral("previousTaskAction"),
        {QKeySequence(Qt::Key_K), QKeySequence(Qt::ALT | Qt::Key_Up)}, &TaskListView::previousTask);
    add(QStringLiteral("searchTasksAction"), {QKeySequence(QKeySequence::Find)}, [this] {
        m_taskSearch->setFocus(Qt::ShortcutFocusReason);
        m_taskSearch->selectAll();
    });
    add(QStringLiteral("backAction"), {QKeySequence(Qt::Key_Escape)}, [this] {
        if (m_taskView->isEditing())
            m_taskView->setEditing(false);
        else
            emit backRequested();
    });
    // Validate, reject and edit work from the task list too.
    addActions(
        {m_taskView->validateAction(), m_taskView->rejectAction(), m_taskView->editAction()});
}

QList<Id> TaskListView::taskIds() const
{
    QList<Id> ids;
    for (int row = 0; row < m_taskList->count(); ++row)
        if (!m_taskList->item(row)->isHidden())
            ids << m_taskList->item(row)->data(TaskIdRole).toLongLong();
    return ids;
}

void TaskListView::start(Id taskId)
{
    m_reviewStatus->clear();
    m_taskView->reloadTemplates();
    m_anchorRow = 0;
    m_openTaskCount = -1;
    reloadTasks(taskId, false, false);
    m_taskList->setFocus(Qt::OtherFocusReason);
}

void TaskListView::reload()
{
    reloadTasks(0, true, true);
}

void TaskListView::reloadTasks(Id select, bool keepView, bool keepLength)
{
    // The oldest open tasks first, as many as were listed (a decision keeps
    // the reviewer's place), never fewer than a screen's worth; the number
    // of all open tasks is counted off the window's thread.
    const int limit = qMax(TaskFirstPage, keepLength ? int(m_tasks.size()) : 0);
    const auto tasks = m_session.reviews().tasks(m_session.userId(), true, 0, limit);
    if (!tasks) {
        m_reviewStatus->setText(
            NotificationsPage::tr("The tasks could not be loaded: %1").arg(tasks.message()));
        return;
    }
    {
        const QSignalBlocker blocker(m_taskList);
        m_taskList->clear();
        m_tasks.clear();
        appendTasks(tasks.value());
    }
    m_allTasksRead = tasks->size() < limit;
    recount();
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
        m_taskView->clear(NotificationsPage::tr("No open tasks: you are all caught up."));
}

void TaskListView::appendTasks(const QList<ValidationTask> &tasks)
{
    for (const ValidationTask &task : tasks) {
        const Certificate &c = task.certificate;
        auto *item = new QListWidgetItem(
            NotificationsPage::tr("%1\n%2 · %3")
                .arg(c.name, c.ownerName, Theme::dateText(task.createdAt.date())),
            m_taskList);
        item->setData(TaskIdRole, task.id);
        item->setToolTip(NotificationsPage::tr("%1, sent by %2").arg(c.name, c.ownerName));
        item->setData(Qt::AccessibleTextRole,
                      NotificationsPage::tr("%1 of %2").arg(c.name, c.ownerName));
        m_tasks.insert(task.id, task);
        m_lastTaskId = task.id;
    }
}

bool TaskListView::loadMoreTasks()
{
    if (m_allTasksRead || m_tasks.isEmpty())
        return false;
    const auto tasks =
        m_session.reviews().tasks(m_session.userId(), true, m_lastTaskId, TaskNextPage);
    if (!tasks) {
        m_reviewStatus->setText(
            NotificationsPage::tr("The tasks could not be loaded: %1").arg(tasks.message()));
        m_allTasksRead = true;
        return false;
    }
    m_allTasksRead = tasks->size() < TaskNextPage;
    {
        const QSignalBlocker blocker(m_taskList);
        appendTasks(tasks.value());
    }
    filterTasks(m_taskSearch->text());
    return !tasks->isEmpty();
}

void TaskListView::recount()
{
    if (m_allTasksRead) {
        m_countRead->cancel();
        m_openTaskCount = int(m_tasks.size());
        return;
    }
    // The number shown stays until the new one comes (a decision changes it
    // by one); a review started afresh says it is counting.
    const Id actor = m_session.userId();
    m_countRead->ask<Result<int>>(
        [actor](Database &db) { return ReviewService(db).taskCount(actor, true); },
        [this](const Result<int> &total) {
            m_openTaskCount = total ? qMax(total.value(), int(m_tasks.size())) : -1;
            filterTasks(m_taskSearch->text());
        },
        [this](const QString &) { filterTasks(m_taskSearch->text()); });
}

bool TaskListView::isCounting() const
{
    return m_countRead->isWaiting();
}

void TaskListView::filterTasks(const QString &text)
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
    // The number of all open tasks (in the locale's digits), whatever has
    // been read; a search looks through those read.
    const QLocale locale;
    const int listed = m_taskList->count();
    QString summary;
    if (text.trimmed().isEmpty() || m_taskList->count() == 0) {
        if (m_openTaskCount < 0 && m_countRead->isWaiting())
            summary = NotificationsPage::tr("Open tasks: counting…");
        else if (m_openTaskCount < 0)
            summary = NotificationsPage::tr("Open tasks: %1 or more").arg(locale.toString(listed));
        else
            summary = NotificationsPage::tr("Open tasks: %1").arg(locale.toString(m_openTaskCount));
    } else if (m_allTasksRead) {
        summary = NotificationsPage::tr("%1 of %2 open tasks")
                      .arg(locale.toString(shown), locale.toString(listed));
    } else {
        summary = NotificationsPage::tr("%1 of the %2 tasks listed")
                      .arg(locale.toString(shown), locale.toString(listed));
    }
    m_taskCount->setText(summary);
    m_taskCount->setAccessibleName(summary);
    m_taskCount->setToolTip(
        listed < m_openTaskCount || !m_allTasksRead
            ? NotificationsPage::tr("The %1 oldest open tasks are listed; scroll for more. A "
                                    "search looks through those listed.")
                  .arg(locale.toString(listed))
            : QString());
    QListWidgetItem *current = m_taskList->currentItem();
    if (current && current->isHidden())
        moveTask(1);
}

void TaskListView::onTaskSelected(int row)
{
    QListWidgetItem *item = m_taskList->item(row);
    if (!item)
        return;
    m_anchorRow = int(taskIds().indexOf(item->data(TaskIdRole).toLongLong()));
    m_taskView->showTask(item->data(TaskIdRole).toLongLong());
    // The next task's PDF is read while the reviewer looks at this one.
    QTimer::singleShot(0, this, [this, row] { preloadNeighbour(row); });
}

void TaskListView::preloadNeighbour(int row)
{
    for (int r = row + 1; r < m_taskList->count(); ++r) {
        if (m_taskList->item(r)->isHidden())
            continue;
        m_taskView->preloadPdf(
            m_tasks.value(m_taskList->item(r)->data(TaskIdRole).toLongLong()).certificate);
        return;
    }
}

void TaskListView::moveTask(int step)
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
    // Past the last task read: the next ones are read first.
    if (index >= visible.size() && loadMoreTasks())
        return moveTask(step);
    index = qBound(0, index, int(visible.size()) - 1);
    for (int r = 0; r < m_taskList->count(); ++r)
        if (m_taskList->item(r)->data(TaskIdRole).toLongLong() == visible.at(index))
            m_taskList->setCurrentRow(r);
}

void TaskListView::nextTask()
{
    moveTask(1);
}

void TaskListView::previousTask()
{
    moveTask(-1);
}

void TaskListView::onDecided(Id taskId, bool validated, const QString &message)
{
    Q_UNUSED(taskId)
    Q_UNUSED(validated)
    m_reviewStatus->setText(message);
    m_reviewStatus->setAccessibleName(message);
    // The review marked the task's requests read for every reviewer.
    emit countsChanged();
    // The decided task leaves the list; the one after it takes its place.
    reloadTasks(0, false, true);
    m_taskList->setFocus(Qt::OtherFocusReason);
    emit certificatesChanged();
}
