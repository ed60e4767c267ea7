#pragma once

#include "services/Session.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class ConnectionBanner;
class DesktopNotifier;
struct DesktopAlert;
class FailedEmailsDialog;
class MailBanner;
class MailPump;
class Page;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QTimer;
class QToolButton;
class QVBoxLayout;

// The shell after sign-in: role-aware navigation on the left (which pages
// show is the Policy's answer), a top bar with the page title and the profile
// menu, and the pages. Owns the session: closing it signs out.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // How often the unread count is re-read (other desktops write too).
    static constexpr int UnreadRefreshMs = 15000;
    // Where the window opens when it has no remembered geometry (README "The
    // window"): 90 % of the screen's available area, no larger than
    // MaximumSize, centred.
    static constexpr QSize MaximumSize{1800, 1100};
    static QRect fittedGeometry(const QRect &available);

    explicit MainWindow(std::unique_ptr<Session> session, QWidget *parent = nullptr);
    ~MainWindow() override;

    Session &session() { return *m_session; }
    // "results", "users", "notifications", "settings", in navigation order.
    QStringList pageKeys() const;
    QString currentPageKey() const;
    int unreadCount() const { return m_unread; }

    // The background email sender of a local database (AppController starts
    // it after sign-in and stops it on sign-out); null on PostgreSQL, where
    // certdesk-cli mail-relay runs as a service. Imports and reviews in this
    // window ask it to send at once.
    void setMailPump(MailPump *pump);
    MailPump *mailPump() const;
    // Platform admins only (the Policy's answer), else null.
    MailBanner *mailBanner() const { return m_mailBanner; }
    FailedEmailsDialog *failedEmailsDialog() const;
    // A lost connection to the PostgreSQL server (null on SQLite).
    ConnectionBanner *connectionBanner() const { return m_connectionBanner; }
    // New inbox notifications on the desktop, the tray's count (README
    // "Desktop notifications").
    DesktopNotifier *desktopNotifier() const { return m_notifier; }

signals:
    void signOutRequested();

public slots:
    bool showPage(const QString &key);
    void refreshUnreadCount();
    void reloadCurrentPage();
    // Notifications, reviewing this validation task (0: the first open one).
    bool openTask(Id taskId);
    // Re-reads the outbox's counts for the banner (platform admins).
    void refreshMailBanner();
    // The list of failed emails (platform admins), non-modal.
    void showFailedEmails();
    // A desktop notification's action: the window to the front, the item open.
    void openAlert(const DesktopAlert &alert);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildSidebar();
    QWidget *buildTopBar();
    void addBanners(QWidget *parent, QVBoxLayout *layout);
    void addPages();
    void startTimers();
    void addPage(const QString &key, const QString &label, const QString &iconName, Page *page);
    void createActions();
    void connectPageSignals();
    void onCurrentRowChanged(int row);
    void saveState() const;
    void restoreState();
    void connectMailPump();
    void requestSend();
    void bringToFront();
    void showInbox();

    std::unique_ptr<Session> m_session;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QToolButton *m_profileButton = nullptr;
    QHash<QString, Page *> m_pages;
    QListWidgetItem *m_notificationsItem = nullptr;
    QTimer *m_unreadTimer = nullptr;
    int m_unread = 0;
    QPointer<MailPump> m_pump;
    MailBanner *m_mailBanner = nullptr;
    ConnectionBanner *m_connectionBanner = nullptr;
    QPointer<FailedEmailsDialog> m_failedEmails;
    QTimer *m_sendSoon = nullptr;
    DesktopNotifier *m_notifier = nullptr;
};
