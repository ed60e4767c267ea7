#include "shell/DesktopNotifier.h"

#include "services/Session.h"
#include "style/Theme.h"

#include <QAction>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>

namespace {
const QString kEnabledKey = QStringLiteral("notifications/desktop");
// The server's answer to Notify or GetCapabilities: a server that does not
// answer within this is taken as absent for that call.
constexpr int CallTimeoutMs = 5000;
// A notification on the screen this long (the server's default otherwise).
constexpr int TrayMessageMs = 10000;
// Notifications remembered for their action; older ones are forgotten.
constexpr int MaxRemembered = 50;
} // namespace

const QString DesktopNotifier::Service = QStringLiteral("org.freedesktop.Notifications");
const QString DesktopNotifier::Path = QStringLiteral("/org/freedesktop/Notifications");
const QString DesktopNotifier::Interface = QStringLiteral("org.freedesktop.Notifications");
const QString DesktopNotifier::DesktopEntry = QStringLiteral("org.certdesk.CertDesk");

DesktopNotifier::DesktopNotifier(Session &session, QObject *parent)
    : QObject(parent), m_session(session), m_alerts(session.notifications(), session.userId())
{
    // What waits in the inbox now is not news: the badge counts it.
    m_alerts.start();
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        // From any sender: a server started again after this connection has
        // another unique name. Each signal is matched to the server that
        // showed the notification (onActionInvoked).
        bus.connect(QString(), Path, Interface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(QString(), Path, Interface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
    }
    setEnabled(enabledSetting());
}

DesktopNotifier::~DesktopNotifier()
{
    // Signing out takes one's notifications off a shared screen: the next
    // person to sign in must not read them, and their actions would open
    // nothing.
    closeRaised();
    removeTray();
}

bool DesktopNotifier::enabledSetting()
{
    return QSettings().value(kEnabledKey, true).toBool();
}

void DesktopNotifier::setEnabledSetting(bool on)
{
    QSettings().setValue(kEnabledKey, on);
}

void DesktopNotifier::setEnabled(bool on)
{
    m_enabled = on;
    if (!on) {
        closeRaised();
        removeTray();
        return;
    }
    if (!m_capabilitiesKnown)
        askCapabilities();
    if (m_tray)
        return;
    m_tray = new QSystemTrayIcon(this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    // A menu has no QObject parent here (it is a window): removeTray() deletes it.
    auto *menu = new QMenu;
    m_trayMenu = menu;
    menu->setObjectName(QStringLiteral("trayMenu"));
    QAction *open = menu->addAction(tr("Open CertDesk"));
    open->setObjectName(QStringLiteral("trayOpenAction"));
    connect(open, &QAction::triggered, this, &DesktopNotifier::windowRequested);
    QAction *inbox = menu->addAction(tr("Notifications"));
    inbox->setObjectName(QStringLiteral("trayInboxAction"));
    connect(inbox, &QAction::triggered, this, &DesktopNotifier::inboxRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason != QSystemTrayIcon::Trigger && reason != QSystemTrayIcon::DoubleClick)
                    return;
                if (m_unread > 0)
                    emit inboxRequested();
                else
                    emit windowRequested();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this,
            [this] { emit openRequested(m_lastTrayMessage); });
    updateTray();
    // Where the desktop has no tray the icon stays hidden (and the window's
    // badge still counts).
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
}

void DesktopNotifier::removeTray()
{
    delete m_tray;
    m_tray = nullptr;
    delete m_trayMenu;
    m_trayMenu = nullptr;
}

DesktopNotifier::Backend DesktopNotifier::backend() const
{
    if (!m_enabled)
        return Backend::None;
    if (serviceAvailable())
        return Backend::DBus;
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        return Backend::Tray;
    return Backend::None;
}

bool DesktopNotifier::serviceAvailable() const
{
    // Questions to the bus itself, not to the notification server; a server
    // started on demand (D-Bus activation) counts as there.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    const QDBusConnectionInterface *daemon = bus.isConnected() ? bus.interface() : nullptr;
    if (!daemon)
        return false;
    const QDBusReply<bool> registered = daemon->isServiceRegistered(Service);
    if (registered.isValid() && registered.value())
        return true;
    const QDBusReply<QStringList> activatable = daemon->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(Service);
}

void DesktopNotifier::poll()
{
    // Polled while turned off too: turning them on again raises only what
    // arrives after that.
    const auto alerts = m_alerts.poll();
    if (!alerts) {
        m_session.noteFailure(alerts.error());
        return;
    }
    closeRead();
    if (!m_enabled || alerts.value().isEmpty())
        return;
    for (const DesktopAlert &alert : alerts.value())
        raise(alert);
}

void DesktopNotifier::closeRead()
{
    // Read in the window (or on another desktop): nothing left to act on.
    // A summary goes when everything is read.
    QList<uint> read;
    for (auto it = m_raised.cbegin(); it != m_raised.cend(); ++it) {
        const DesktopAlert &alert = it->alert;
        if (alert.isSummary() ? m_unread == 0 : !m_alerts.isStillUnread(alert.notification.id))
            read << it.key();
    }
    for (const uint id : std::as_const(read))
        close(id);
}

void DesktopNotifier::close(uint id)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface,
                                                           QStringLiteral("CloseNotification"));
        call << id;
        bus.send(call);
    }
    m_raised.remove(id);
    m_raisedOrder.removeAll(id);
}

void DesktopNotifier::raise(const DesktopAlert &alert)
{
    switch (backend()) {
    case Backend::DBus:
        raiseOverDBus(alert);
        break;
    case Backend::Tray:
        m_lastTrayMessage = alert;
        m_tray->showMessage(alert.summary, alert.body, QSystemTrayIcon::Information, TrayMessageMs);
        break;
    case Backend::None:
        break;
    }
}

void DesktopNotifier::raiseOverDBus(const DesktopAlert &alert)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    // A server that reads markup in the body would take a certificate named
    // "<b>" or "A & B" as markup.
    const bool markup = m_capabilities.contains(QStringLiteral("body-markup"));
    QString label;
    if (alert.isSummary())
        label = tr("Show notifications");
    else if (alert.notification.category == NotificationCategory::ValidationRequest)
        label = tr("Review");
    else
        label = tr("Show certificate");
    // "default": a click on the notification itself; the other, a button.
    const QStringList actions{QStringLiteral("default"), label, QStringLiteral("open"), label};
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), DesktopEntry);
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1)));
    call << QCoreApplication::applicationName() << uint(0) << DesktopEntry << alert.summary
         << (markup ? alert.body.toHtmlEscaped() : alert.body) << actions << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, alert](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    // The server went away: the tray's message, where there is one.
                    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
                        m_lastTrayMessage = alert;
                        m_tray->showMessage(alert.summary, alert.body, QSystemTrayIcon::Information,
                                            TrayMessageMs);
                    }
                    return;
                }
                const uint id = reply.value();
                m_raised.insert(id, Raised{alert, finished->reply().service()});
                m_raisedOrder.removeAll(id);
                m_raisedOrder << id;
                while (m_raisedOrder.size() > MaxRemembered)
                    m_raised.remove(m_raisedOrder.takeFirst());
            });
}

void DesktopNotifier::askCapabilities()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    const QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<QStringList> reply = *finished;
                if (reply.isError())
                    return;
                m_capabilities = reply.value();
                m_capabilitiesKnown = true;
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    // Every application's notifications are signalled on the bus: only
    // ours (and only their actions) open anything.
    const auto found = m_raised.constFind(id);
    if (found == m_raised.cend() || !fromServerOf(found.value()))
        return;
    if (actionKey != QLatin1String("default") && actionKey != QLatin1String("open"))
        return;
    const DesktopAlert alert = found->alert;
    emit openRequested(alert);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const auto found = m_raised.constFind(id);
    if (found == m_raised.cend() || !fromServerOf(found.value()))
        return;
    m_raised.remove(id);
    m_raisedOrder.removeAll(id);
}

bool DesktopNotifier::fromServerOf(const Raised &raised) const
{
    // Ids are the server's: another server (or another program) may use the
    // same numbers.
    return !calledFromDBus() || message().service() == raised.server;
}

void DesktopNotifier::setUnreadCount(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    updateTray();
}

void DesktopNotifier::updateTray()
{
    if (!m_tray)
        return;
    m_tray->setIcon(Theme::badgedIcon(Theme::icon(QStringLiteral("certdesk")), m_unread));
    m_tray->setToolTip(m_unread > 0 ? tr("CertDesk: %n unread notifications", nullptr, m_unread)
                                    : tr("CertDesk: everything is read"));
}

void DesktopNotifier::closeRaised()
{
    const QList<uint> raised = m_raisedOrder;
    for (const uint id : raised)
        close(id);
}
