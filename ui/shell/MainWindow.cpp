#include "shell/MainWindow.h"

#include "compliance/CompliancePage.h"
#include "mail/FailedEmailsDialog.h"
#include "mail/MailBanner.h"
#include "mail/MailOutbox.h"
#include "mail/MailPump.h"
#include "notifications/NotificationsPage.h"
#include "results/ResultsPage.h"
#include "settings/SettingsPage.h"
#include "shell/ConnectionBanner.h"
#include "shell/DesktopNotifier.h"
#include "shell/NavigationDelegate.h"
#include "style/Theme.h"
#include "users/UsersPage.h"

#include <QAction>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kPageKey = QStringLiteral("mainWindow/page");
constexpr int KeyRole = Qt::UserRole;

// Menu and button texts treat '&' as a mnemonic marker.
QString escapeMnemonic(QString text)
{
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}
} // namespace

MainWindow::MainWindow(std::unique_ptr<Session> session, QWidget *parent)
    : QMainWindow(parent), m_session(std::move(session))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CertDesk — %1").arg(m_session->user().name));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar());

    auto *content = new QWidget(central);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(buildTopBar());
    auto *pageArea = new QWidget(content);
    auto *pageLayout = new QVBoxLayout(pageArea);
    pageLayout->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingLarge, Theme::SpacingXLarge,
                                   Theme::SpacingXLarge);
    pageLayout->setSpacing(Theme::SpacingLarge);
    addBanners(pageArea, pageLayout);
    m_stack = new QStackedWidget(pageArea);
    m_stack->setObjectName(QStringLiteral("pages"));
    pageLayout->addWidget(m_stack, 1);
    contentLayout->addWidget(pageArea, 1);
    layout->addWidget(content, 1);
    setCentralWidget(central);

    addPages();
    connectPageSignals();
    // Before the first count: what waits now is not raised, only what comes.
    m_notifier = new DesktopNotifier(*m_session, this);
    connect(m_notifier, &DesktopNotifier::openRequested, this, &MainWindow::openAlert);
    connect(m_notifier, &DesktopNotifier::inboxRequested, this, &MainWindow::showInbox);
    connect(m_notifier, &DesktopNotifier::windowRequested, this, &MainWindow::bringToFront);
    createActions();
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onCurrentRowChanged);

    startTimers();

    restoreState();
}

MainWindow::~MainWindow()
{
    saveState();
    // The pages' item models and services hold copies of the session's
    // connection: they go before the session closes it (the failed-emails
    // dialog too, a child that would otherwise outlive the session).
    delete m_failedEmails.data();
    delete takeCentralWidget();
}

void MainWindow::addBanners(QWidget *parent, QVBoxLayout *layout)
{
    // A shared server can go away (restart, network): say so, reconnect.
    if (ConnectionWatch *watch = m_session->connectionWatch()) {
        m_connectionBanner = new ConnectionBanner(parent);
        layout->addWidget(m_connectionBanner);
        connect(watch, &ConnectionWatch::lost, m_connectionBanner, &ConnectionBanner::showLost);
        connect(watch, &ConnectionWatch::retryFailed, m_connectionBanner,
                &ConnectionBanner::showRetryFailed);
        connect(watch, &ConnectionWatch::restored, this, [this] {
            m_connectionBanner->showRestored();
            refreshUnreadCount();
            refreshMailBanner();
        });
        connect(m_connectionBanner, &ConnectionBanner::reconnectRequested, watch,
                &ConnectionWatch::reconnectNow);
    }
    // Failed emails concern platform admins only: the Policy says who they are.
    if (m_session->policy().mayChangeSettings(m_session->userId()).allowed) {
        m_mailBanner = new MailBanner(parent);
        layout->addWidget(m_mailBanner);
        connect(m_mailBanner, &MailBanner::showFailedRequested, this,
                &MainWindow::showFailedEmails);
        connect(m_mailBanner, &MailBanner::settingsRequested, this, [this] {
            if (showPage(QStringLiteral("settings")))
                if (auto *settings =
                        qobject_cast<SettingsPage *>(m_pages.value(QStringLiteral("settings"))))
                    settings->showEmailSection();
        });
    }
}

void MainWindow::addPages()
{
    // Which pages show is the Policy's answer, never a rule of ours.
    const Navigation navigation = m_session->policy().navigation(m_session->userId());
    if (navigation.results)
        addPage(QStringLiteral("results"), tr("Results"), QStringLiteral("results"),
                new ResultsPage(*m_session, m_stack));
    if (navigation.users)
        addPage(QStringLiteral("users"), tr("Users"), QStringLiteral("users"),
                new UsersPage(*m_session, m_stack));
    if (navigation.compliance)
        addPage(QStringLiteral("compliance"), tr("Compliance"), QStringLiteral("compliance"),
                new CompliancePage(*m_session, m_stack));
    if (navigation.notifications)
        addPage(QStringLiteral("notifications"), tr("Notifications"), QStringLiteral("bell"),
                new NotificationsPage(*m_session, m_stack));
    if (navigation.settings)
        addPage(QStringLiteral("settings"), tr("Settings"), QStringLiteral("settings"),
                new SettingsPage(*m_session, m_stack));
}

void MainWindow::startTimers()
{
    m_unreadTimer = new QTimer(this);
    m_unreadTimer->setInterval(UnreadRefreshMs);
    connect(m_unreadTimer, &QTimer::timeout, this, &MainWindow::refreshUnreadCount);
    // Failed emails come from other desktops' relays too: read the count as often.
    connect(m_unreadTimer, &QTimer::timeout, this, &MainWindow::refreshMailBanner);
    m_unreadTimer->start();
    refreshUnreadCount();
    refreshMailBanner();

    // Several changes at once (a review emits two signals) make one round.
    m_sendSoon = new QTimer(this);
    m_sendSoon->setSingleShot(true);
    m_sendSoon->setInterval(100);
    connect(m_sendSoon, &QTimer::timeout, this, [this] {
        if (m_pump)
            m_pump->sendNow();
    });
}

QWidget *MainWindow::buildSidebar()
{
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setFixedWidth(Theme::NavigationWidth);
    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, Theme::SpacingLarge, 0, Theme::SpacingLarge);
    layout->setSpacing(Theme::Spacing);

    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(Theme::SpacingLarge + Theme::SpacingSmall, 0, Theme::SpacingLarge,
                              Theme::Spacing);
    brand->setSpacing(Theme::Spacing);
    const QIcon logo = Theme::icon(QStringLiteral("certdesk"));
    if (!logo.isNull()) {
        auto *logoLabel = new QLabel(sidebar);
        logoLabel->setPixmap(logo.pixmap(QSize(32, 32), devicePixelRatioF()));
        brand->addWidget(logoLabel);
    }
    auto *name = new QLabel(tr("CertDesk"), sidebar);
    name->setObjectName(QStringLiteral("sidebarTitle"));
    brand->addWidget(name, 1);
    layout->addLayout(brand);

    m_navigation = new QListWidget(sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setItemDelegate(new NavigationDelegate(m_navigation));
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_navigation, 1);

    QLabel *version =
        Theme::noteLabel(tr("Version %1").arg(QStringLiteral(CERTDESK_VERSION)), sidebar);
    version->setContentsMargins(Theme::SpacingLarge + Theme::SpacingSmall, 0, 0, 0);
    layout->addWidget(version);
    return sidebar;
}

QWidget *MainWindow::buildTopBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("topBar"));
    bar->setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(Theme::SpacingXLarge, Theme::Spacing + Theme::SpacingSmall,
                               Theme::SpacingLarge, Theme::Spacing + Theme::SpacingSmall);
    m_title = Theme::titleLabel(QString(), bar);
    layout->addWidget(m_title, 1);

    const User &user = m_session->user();
    m_profileButton = new QToolButton(bar);
    m_profileButton->setObjectName(QStringLiteral("profileButton"));
    m_profileButton->setAccessibleName(tr("Profile menu of %1").arg(user.name));
    m_profileButton->setText(escapeMnemonic(user.name));
    m_profileButton->setIcon(Theme::avatar(user.name, palette()));
    m_profileButton->setIconSize(QSize(28, 28));
    m_profileButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_profileButton->setPopupMode(QToolButton::InstantPopup);
    m_profileButton->setToolTip(tr("Signed in as %1 (%2)").arg(user.name, user.email));
    layout->addWidget(m_profileButton);
    return bar;
}

void MainWindow::addPage(const QString &key, const QString &label, const QString &iconName,
                         Page *page)
{
    const QColor iconColor = Theme::mutedTextColor(m_navigation->palette());
    auto *item = new QListWidgetItem(Theme::tintedIcon(iconName, iconColor), label, m_navigation);
    item->setData(KeyRole, key);
    item->setData(Qt::AccessibleTextRole, label);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(label).arg(m_navigation->count()));
    if (key == QLatin1String("notifications"))
        m_notificationsItem = item;
    m_stack->addWidget(page);
    m_pages.insert(key, page);
    connect(page, &Page::countsChanged, this, &MainWindow::refreshUnreadCount);
    // An import (Results) or a decision (Notifications) queued emails.
    connect(page, &Page::countsChanged, this, &MainWindow::requestSend);
}

void MainWindow::createActions()
{
    auto *menu = new QMenu(m_profileButton);
    menu->setObjectName(QStringLiteral("profileMenu"));
    const User &user = m_session->user();
    QAction *who = menu->addAction(Theme::icon(QStringLiteral("profile")),
                                   escapeMnemonic(tr("Signed in as %1").arg(user.name)));
    who->setObjectName(QStringLiteral("signedInAsAction"));
    who->setToolTip(user.email);
    who->setEnabled(false);
    QAction *email = menu->addAction(escapeMnemonic(user.email));
    email->setEnabled(false);
    menu->addSeparator();
    // One's own choice (README "Expiry, reminders, renewal, revocation"):
    // reminders before expiry by email too, or only in the app.
    QAction *reminderEmails = menu->addAction(tr("&Email me reminders before expiry"));
    reminderEmails->setObjectName(QStringLiteral("reminderEmailsAction"));
    reminderEmails->setCheckable(true);
    reminderEmails->setToolTip(
        tr("Reminders before a certificate expires always show in the app; on, they come by "
           "email too."));
    const auto emailsOn = m_session->directory().reminderEmails(m_session->userId());
    reminderEmails->setChecked(!emailsOn || emailsOn.value());
    reminderEmails->setEnabled(emailsOn.isOk());
    connect(reminderEmails, &QAction::toggled, this, [this, reminderEmails](bool on) {
        const Status saved = m_session->directory().setReminderEmails(m_session->userId(), on);
        if (saved)
            return;
        const QSignalBlocker blocker(reminderEmails);
        reminderEmails->setChecked(!on);
        QMessageBox::warning(this, tr("Reminder emails"), saved.message());
    });
    // This desktop's choice (README "Desktop notifications").
    QAction *desktop = menu->addAction(tr("Show &desktop notifications"));
    desktop->setObjectName(QStringLiteral("desktopNotificationsAction"));
    desktop->setCheckable(true);
    desktop->setToolTip(tr("New validation tasks, outcomes and reminders pop up on the desktop "
                           "while CertDesk runs, and a tray icon counts what is unread."));
    desktop->setChecked(m_notifier->isEnabled());
    connect(desktop, &QAction::toggled, this, [this](bool on) {
        DesktopNotifier::setEnabledSetting(on);
        m_notifier->setEnabled(on);
        m_notifier->setUnreadCount(m_unread);
    });
    menu->addSeparator();
    QAction *signOut = menu->addAction(Theme::icon(QStringLiteral("signout")), tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    addAction(signOut); // the shortcut works while the menu is closed
    m_profileButton->setMenu(menu);

    // Ctrl+1..4: the navigation's rows in order.
    for (int row = 0; row < m_navigation->count(); ++row) {
        auto *go = new QAction(this);
        go->setObjectName(QStringLiteral("goToPage%1").arg(row + 1));
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        connect(go, &QAction::triggered, this, [this, row] { m_navigation->setCurrentRow(row); });
        addAction(go);
    }
    auto *refresh = new QAction(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::reloadCurrentPage);
    addAction(refresh);
}

QStringList MainWindow::pageKeys() const
{
    QStringList keys;
    for (int row = 0; row < m_navigation->count(); ++row)
        keys << m_navigation->item(row)->data(KeyRole).toString();
    return keys;
}

QString MainWindow::currentPageKey() const
{
    const QListWidgetItem *item = m_navigation->currentItem();
    return item ? item->data(KeyRole).toString() : QString();
}

bool MainWindow::showPage(const QString &key)
{
    const qsizetype row = pageKeys().indexOf(key);
    if (row < 0)
        return false;
    m_navigation->setCurrentRow(static_cast<int>(row));
    return true;
}

void MainWindow::onCurrentRowChanged(int row)
{
    QListWidgetItem *item = m_navigation->item(row);
    if (!item)
        return;
    Page *page = m_pages.value(item->data(KeyRole).toString());
    m_title->setText(item->text());
    m_title->setAccessibleName(item->text());
    m_stack->setCurrentWidget(page);
    page->reload();
    refreshUnreadCount();
    // Remembered at once: a window closed later (deleteLater after sign out)
    // must not race the next sign-in's restoreState().
    QSettings().setValue(kPageKey, item->data(KeyRole).toString());
}

void MainWindow::reloadCurrentPage()
{
    if (auto *page = qobject_cast<Page *>(m_stack->currentWidget()))
        page->reload();
    refreshUnreadCount();
}

void MainWindow::refreshUnreadCount()
{
    if (!m_notificationsItem)
        return;
    const auto count = m_session->notifications().unreadCount(m_session->userId());
    // A failed read keeps the last count: the pages say what went wrong.
    if (!count) {
        m_session->noteFailure(count.error());
        return;
    }
    m_unread = count.value();
    m_notifier->setUnreadCount(m_unread);
    m_notifier->poll();
    m_notificationsItem->setData(NavigationDelegate::BadgeRole, m_unread);
    const QString label = m_notificationsItem->text();
    m_notificationsItem->setData(Qt::AccessibleTextRole,
                                 m_unread > 0 ? tr("%1, %n unread", nullptr, m_unread).arg(label)
                                              : label);
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::showInbox()
{
    bringToFront();
    if (!showPage(QStringLiteral("notifications")))
        return;
    if (auto *inbox =
            qobject_cast<NotificationsPage *>(m_pages.value(QStringLiteral("notifications"))))
        inbox->showInbox();
}

void MainWindow::openAlert(const DesktopAlert &alert)
{
    bringToFront();
    if (!showPage(QStringLiteral("notifications")))
        return;
    auto *inbox = qobject_cast<NotificationsPage *>(m_pages.value(QStringLiteral("notifications")));
    if (!inbox)
        return;
    if (alert.isSummary())
        inbox->showInbox();
    else
        inbox->openNotification(alert.notification);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    if (!currentPageKey().isEmpty())
        settings.setValue(kPageKey, currentPageKey());
}

QRect MainWindow::fittedGeometry(const QRect &available)
{
    QRect fitted(QPoint(0, 0), QSize(std::min(available.width() * 9 / 10, MaximumSize.width()),
                                     std::min(available.height() * 9 / 10, MaximumSize.height())));
    fitted.moveCenter(available.center());
    return fitted;
}

void MainWindow::restoreState()
{
    QSettings settings;
    const QByteArray remembered = settings.value(kGeometryKey).toByteArray();
    const bool restored = !remembered.isEmpty() && restoreGeometry(remembered);
    const QScreen *where = screen() ? screen() : QGuiApplication::primaryScreen();
    const QRect available =
        where ? where->availableGeometry() : QRect(QPoint(0, 0), QSize(1280, 720));
    // A geometry remembered on a larger screen than this one is fitted to it.
    if (!restored || width() > available.width() || height() > available.height()) {
        const QRect fitted = fittedGeometry(available);
        resize(fitted.size());
        move(fitted.topLeft());
    }
    if (!showPage(settings.value(kPageKey).toString()))
        m_navigation->setCurrentRow(0);
}

void MainWindow::connectPageSignals()
{
    // A settings change applies to every page at once (R1: the import button,
    // R2: the save label); the current page (Settings) is up to date already.
    if (auto *settings = qobject_cast<SettingsPage *>(m_pages.value(QStringLiteral("settings"))))
        connect(settings, &SettingsPage::settingsChanged, this, [this] {
            for (Page *page : std::as_const(m_pages))
                if (page != m_stack->currentWidget())
                    page->reload();
        });
    // A decided task changes a certificate's status on the Results page.
    if (auto *inbox =
            qobject_cast<NotificationsPage *>(m_pages.value(QStringLiteral("notifications"))))
        connect(inbox, &NotificationsPage::certificatesChanged, this, [this] {
            if (Page *results = m_pages.value(QStringLiteral("results")))
                results->reload();
            requestSend();
        });
    if (auto *settings = qobject_cast<SettingsPage *>(m_pages.value(QStringLiteral("settings")))) {
        connect(settings, &SettingsPage::failedEmailsRequested, this,
                &MainWindow::showFailedEmails);
        // Email just set up (or changed): the banner says so now, and the
        // sender tries at once rather than at its next round.
        connect(settings, &SettingsPage::settingsChanged, this, [this] {
            refreshMailBanner();
            requestSend();
        });
    }
}

void MainWindow::setMailPump(MailPump *pump)
{
    if (m_pump == pump)
        return;
    if (m_pump)
        m_pump->disconnect(this);
    m_pump = pump;
    connectMailPump();
}

MailPump *MainWindow::mailPump() const
{
    return m_pump.data();
}

FailedEmailsDialog *MainWindow::failedEmailsDialog() const
{
    return m_failedEmails.data();
}

void MainWindow::connectMailPump()
{
    auto *settings = qobject_cast<SettingsPage *>(m_pages.value(QStringLiteral("settings")));
    if (settings)
        settings->setMailProblem(m_pump ? m_pump->problem() : QString());
    if (m_failedEmails)
        m_failedEmails->setMailPump(m_pump);
    if (!m_pump)
        return;
    // Platform admins hear about failures and server problems; others not.
    if (!m_mailBanner)
        return;
    connect(m_pump, &MailPump::roundFinished, this, &MainWindow::refreshMailBanner);
    connect(m_pump, &MailPump::failuresAppeared, this, [this] {
        refreshMailBanner();
        if (m_failedEmails && m_failedEmails->isVisible())
            m_failedEmails->reload();
    });
    connect(m_pump, &MailPump::problemChanged, this, [this](const QString &problem) {
        refreshMailBanner();
        if (m_failedEmails)
            m_failedEmails->setProblem(problem);
        if (auto *page = qobject_cast<SettingsPage *>(m_pages.value(QStringLiteral("settings"))))
            page->setMailProblem(problem);
    });
    refreshMailBanner();
}

void MainWindow::requestSend()
{
    if (m_pump)
        m_sendSoon->start();
}

void MainWindow::refreshMailBanner()
{
    if (!m_mailBanner)
        return;
    const auto counts = MailOutbox(m_session->database()).counts(m_session->userId());
    // A failed read keeps what the banner shows.
    if (!counts)
        return;
    // Not configured yet is the settings' answer (MailSettings), a notice.
    const auto settings = m_session->settings().settings();
    const bool configured = !settings || settings->mail.isConfigured();
    m_mailBanner->setState(counts->failed, counts->queued + counts->sending,
                           m_pump ? m_pump->problem() : QString(),
                           configured ? QString() : settings->mail.problem());
}

void MainWindow::showFailedEmails()
{
    if (!m_mailBanner)
        return;
    if (!m_failedEmails) {
        m_failedEmails = new FailedEmailsDialog(*m_session, this);
        m_failedEmails->setMailPump(m_pump);
        connect(m_failedEmails, &FailedEmailsDialog::emailsRetried, this, [this] {
            refreshMailBanner();
            if (auto *settings =
                    qobject_cast<SettingsPage *>(m_pages.value(QStringLiteral("settings"))))
                settings->refreshMailStatus();
        });
    } else {
        m_failedEmails->reload();
    }
    m_failedEmails->setProblem(m_pump ? m_pump->problem() : QString());
    m_failedEmails->show();
    m_failedEmails->raise();
    m_failedEmails->activateWindow();
}

bool MainWindow::openTask(Id taskId)
{
    auto *inbox = qobject_cast<NotificationsPage *>(m_pages.value(QStringLiteral("notifications")));
    if (!inbox || !showPage(QStringLiteral("notifications")))
        return false;
    inbox->openTask(taskId);
    return true;
}
