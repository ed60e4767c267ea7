#pragma once

#include "NotificationService.h"
#include "Page.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QIcon>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeView;
class Session;
class TaskView;

// The inbox as an item model: newest first, fetched lazily a page at a time
// from NotificationService (keyset on the id), optionally one category only.
// It holds no SQL. (It belongs in models/ with the other item models; the
// category filter should move into the service's query.)
class NotificationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TitleColumn,
        FromColumn,
        ReceivedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole,
        ReadRole,
        CategoryRole,
        TaskIdRole,
        BodyRole
    };
    enum class Filter
    {
        All,
        ValidationRequests,
        Outcomes
    };
    static constexpr int PageSize = 50;

    NotificationListModel(NotificationService &service, Id recipient, QObject *parent = nullptr);

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    // Reads the first page again; false (and lastError()) when it cannot.
    bool reload();
    QString lastError() const { return m_error; }
    // The unread dot (and its colour on a selected row) and the secondary columns.
    void setColors(const QColor &unread, const QColor &unreadSelected, const QColor &muted);

    const Notification &notification(int row) const { return m_rows.at(row); }
    int rowOf(Id id) const;
    void markedRead(int row);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    bool matches(const Notification &notification) const;

    NotificationService &m_service;
    Id m_recipient = 0;
    Filter m_filter = Filter::All;
    QList<Notification> m_rows;
    Id m_lastId = 0; // the oldest notification read so far, matching or not
    bool m_exhausted = false;
    bool m_fetching = false;
    QString m_error;
    QIcon m_unreadDot;
    QIcon m_readDot;
    QColor m_mutedColor;
};

// Notifications: the inbox (categories All, Certificate Validation,
// Outcomes; unread in bold with a dot; newest first, lazy) and, for
// reviewers, the review of validation tasks: the open tasks beside a
// TaskView, driven from the keyboard (J/K or Alt+Down/Up, Ctrl+Enter,
// Ctrl+Shift+R, E, Ctrl+F, Esc back). Opening a validation request marks it
// read and opens its task; opening an outcome shows its text and comment.
class NotificationsPage : public Page
{
    Q_OBJECT

public:
    explicit NotificationsPage(Session &session, QWidget *parent = nullptr);

    void reload() override;

    bool isReviewing() const;
    TaskView *taskView() const { return m_taskView; }
    NotificationListModel *model() const { return m_model; }
    // Task ids in the task list's order (visible ones only).
    QList<Id> taskIds() const;

public slots:
    void markSelectedRead();
    void markAllRead();
    void openCurrent();
    // Shows the review with this task (0: the first open one).
    void openTask(Id taskId = 0);
    void showInbox();
    void nextTask();
    void previousTask();

signals:
    // A task was decided: lists of certificates may show a new status.
    void certificatesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildInbox();
    QWidget *buildCategories(QWidget *parent);
    QWidget *buildReview();
    void createReviewActions(QWidget *review);
    void reloadInbox();
    void reloadTasks(Id select, bool keepView);
    void recountUnread();
    void updateInboxState();
    void showDetails();
    bool markRead(int row);
    void markTaskRequestsRead(Id taskId);
    void onTaskSelected(int row);
    void onDecided(Id taskId, bool validated, const QString &message);
    void filterTasks(const QString &text);
    void moveTask(int step);
    void preloadNeighbour(int row);
    void applyListStyle();

    Session &m_session;
    NotificationListModel *m_model = nullptr;
    QHash<Id, ValidationTask> m_tasks;
    int m_anchorRow = 0; // where J/K continue when no task is selected
    int m_openTaskCount = 0;
    int m_unreadCount = 0;

    QStackedWidget *m_modes = nullptr;
    QListWidget *m_categories = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_reviewButton = nullptr;
    QPushButton *m_markRead = nullptr;
    QPushButton *m_markAllRead = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_emptyText = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_openTaskButton = nullptr;

    QPushButton *m_backButton = nullptr;
    QLabel *m_reviewStatus = nullptr;
    QLineEdit *m_taskSearch = nullptr;
    QListWidget *m_taskList = nullptr;
    QLabel *m_taskCount = nullptr;
    TaskView *m_taskView = nullptr;
};
