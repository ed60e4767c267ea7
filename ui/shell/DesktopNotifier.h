#pragma once

#include "services/DesktopAlerts.h"

#include <QDBusContext>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QMenu;
class QSystemTrayIcon;
class Session;

// The desktop's side of the inbox while someone is signed in (README
// "Desktop notifications"): each new inbox notification (DesktopAlerts says
// which, and in what words) raised as a freedesktop notification over D-Bus
// (org.freedesktop.Notifications), or, when no notification server runs, as
// a message of the system tray icon; the action of either opens the item.
// The tray icon shows the unread count and opens the inbox. Both can be
// turned off (enabledSetting(), the profile menu). Every D-Bus call is
// asynchronous: a notification server that hangs never freezes the window.
class DesktopNotifier : public QObject, protected QDBusContext
{
    Q_OBJECT

public:
    enum class Backend
    {
        None, // turned off, or neither a notification server nor a tray
        DBus, // org.freedesktop.Notifications on the session bus
        Tray, // QSystemTrayIcon::showMessage
    };

    static const QString Service;
    static const QString Path;
    static const QString Interface;
    // The desktop entry (packaging/), named in every notification's hints.
    static const QString DesktopEntry;

    explicit DesktopNotifier(Session &session, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // The profile menu's choice, remembered for this desktop (QSettings
    // "notifications/desktop", on unless turned off).
    static bool enabledSetting();
    static void setEnabledSetting(bool on);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool on);
    // Where the next alert would go.
    Backend backend() const;

    // Raises the alerts for what arrived in the inbox since the last call.
    void poll();
    // The tray icon's count (badge and tooltip).
    void setUnreadCount(int count);
    int unreadCount() const { return m_unread; }

    // The tray icon (null when turned off); it shows only where the desktop
    // has a tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // The server's capabilities (GetCapabilities), once it answered.
    QStringList serverCapabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }
    // Notifications raised over D-Bus and not closed yet.
    int openCount() const { return static_cast<int>(m_raised.size()); }

signals:
    // The user asked for the item of an alert (its action, or the tray's
    // message): a summary opens the inbox.
    void openRequested(const DesktopAlert &alert);
    // The tray icon was clicked, or its menu's Notifications chosen.
    void inboxRequested();
    // The tray menu's Open CertDesk.
    void windowRequested();

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void raise(const DesktopAlert &alert);
    void raiseOverDBus(const DesktopAlert &alert);
    void askCapabilities();
    bool serviceAvailable() const;
    void updateTray();
    void closeRaised();
    void removeTray();
    void closeRead();
    void close(uint id);
    struct Raised;
    bool fromServerOf(const Raised &raised) const;

    Session &m_session;
    DesktopAlerts m_alerts;
    bool m_enabled = true;
    int m_unread = 0;
    bool m_capabilitiesKnown = false;
    QStringList m_capabilities;
    struct Raised
    {
        DesktopAlert alert;
        QString server; // the unique bus name of the server that showed it
    };
    QHash<uint, Raised> m_raised;
    QList<uint> m_raisedOrder;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_trayMenu = nullptr;
    DesktopAlert m_lastTrayMessage;
};
