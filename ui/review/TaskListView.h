#pragma once

#include "core/Domain.h"

#include <QHash>
#include <QWidget>

class LatestRead;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QPushButton;
class Session;
class TaskView;

// The review of validation tasks (fast review, keyboard first): the open
// tasks, oldest first and searchable, beside a TaskView, driven from the
// keyboard (J/K or Alt+Down/Up, Ctrl+Enter, Ctrl+Shift+R, E, Ctrl+F, Esc
// back). A decided task leaves the list and the next one takes its place.
// NotificationsPage shows it as its review mode; its words are that page's
// (NotificationsPage::tr, so that translations/certdesk_fr.ts applies).
class TaskListView : public QWidget
{
    Q_OBJECT

public:
    explicit TaskListView(Session &session, QWidget *parent = nullptr);

    // Reads the open tasks again and shows this one (0: the first open one).
    void start(Id taskId);
    // Reads the open tasks again, keeping the task shown when it is listed.
    void reload();
    TaskView *taskView() const { return m_taskView; }
    // Task ids in the task list's order (visible ones only).
    QList<Id> taskIds() const;
    // Whether the number of open tasks is still being counted (tests).
    bool isCounting() const;

public slots:
    void nextTask();
    void previousTask();

signals:
    // Back (or Esc, when not editing): the container shows what it showed before.
    void backRequested();
    // A decision marked notifications read.
    void countsChanged();
    // A task was decided: lists of certificates may show a new status.
    void certificatesChanged();
    // The number of open tasks arrived (or could not be counted).
    void countShown();

private:
    QPushButton *button(const QString &text, const QString &objectName,
                        const QString &accessibleName);
    QLayout *buildTop();
    QLayout *buildTaskColumn();
    void createActions();
    // keepLength: as many tasks as are listed now (a decision keeps the
    // reviewer's place); otherwise the first page.
    void reloadTasks(Id select, bool keepView, bool keepLength);
    void onTaskSelected(int row);
    void onDecided(Id taskId, bool validated, const QString &message);
    void filterTasks(const QString &text);
    void moveTask(int step);
    void preloadNeighbour(int row);
    void appendTasks(const QList<ValidationTask> &tasks);
    // Reads the next page of open tasks; whether it added any.
    bool loadMoreTasks();
    void recount();

    Session &m_session;
    QHash<Id, ValidationTask> m_tasks;
    int m_anchorRow = 0;     // where J/K continue when no task is selected
    int m_openTaskCount = 0; // every open task, read or not; -1: not known
    Id m_lastTaskId = 0;     // the keyset of the next page
    bool m_allTasksRead = true;
    LatestRead *m_countRead = nullptr;

    QPushButton *m_backButton = nullptr;
    QLabel *m_reviewStatus = nullptr;
    QLineEdit *m_taskSearch = nullptr;
    QListWidget *m_taskList = nullptr;
    QLabel *m_taskCount = nullptr;
    TaskView *m_taskView = nullptr;
};
