#pragma once

#include "itemmodels/NotificationListModel.h"
#include "shell/Page.h"

#include <QPointer>

class CertificateDetailsDialog;
class QLabel;
class QLayout;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeView;
class Session;
class TaskListView;
class TaskView;

// Notifications: the inbox (categories All, Certificate Validation,
// Outcomes, Reminders; unread in bold with a dot; newest first, lazy) and,
// for reviewers, the review of validation tasks (TaskListView, review/).
// Opening a validation request marks it read and opens its task; opening an
// outcome or a reminder opens its certificate (CertificateDetailsDialog),
// where Renew… is at hand when the Policy allows it.
class NotificationsPage : public Page
{
    Q_OBJECT

public:
    explicit NotificationsPage(Session &session, QWidget *parent = nullptr);

    void reload() override;

    bool isReviewing() const;
    TaskView *taskView() const;
    NotificationListModel *model() const { return m_model; }
    // Task ids in the task list's order (visible ones only).
    QList<Id> taskIds() const;

public slots:
    void markSelectedRead();
    void markAllRead();
    void openCurrent();
    // A notification opened from elsewhere (the desktop's notification):
    // read, and its task or certificate open as from the list.
    void openNotification(const Notification &notification);
    // Shows the review with this task (0: the first open one).
    void openTask(Id taskId = 0);
    void showInbox();
    // The certificate an outcome or a reminder is about (non-modal).
    void openCertificate(Id certificateId);
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
    QLayout *buildInboxBar(QWidget *parent);
    QWidget *buildDetailsPane(QWidget *parent);
    void reloadInbox();
    void recountUnread();
    void updateInboxState();
    void showDetails();
    void setDetailsText(const QString &text);
    bool markRead(int row);
    bool opensCertificate(const Notification &n) const;
    void open(const Notification &n);
    void applyListStyle();

    Session &m_session;
    NotificationListModel *m_model = nullptr;
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
    QPushButton *m_openCertificateButton = nullptr;
    QPointer<CertificateDetailsDialog> m_certificate;

    TaskListView *m_review = nullptr;
};
