#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

class NotificationService;

// One notification on the desktop (README "Desktop notifications").
struct DesktopAlert
{
    QString summary; // one line
    QString body;    // plain text
    // The inbox notification it tells of; id 0 for a summary of several,
    // which opens the inbox.
    Notification notification;
    // How many inbox notifications it tells of (1, or a summary's count).
    int count = 1;

    bool isSummary() const { return notification.id == 0; }
};

// Which inbox notifications reach the desktop while CertDesk runs, and in
// what words (README "Desktop notifications"): every one that arrives in the
// recipient's inbox after start() and is still unread when asked (a
// validation request, an outcome of one's own certificate, a reminder, a
// revocation), in the inbox's own words. Those waiting at sign-in are not
// raised (the badge counts them). More than MaxSeparate at once make one
// summary, so that a burst does not cover the screen.
class DesktopAlerts
{
    Q_DECLARE_TR_FUNCTIONS(DesktopAlerts)

public:
    static constexpr int MaxSeparate = 3;
    // How many new notifications one poll reads at most; a summary of more
    // says "at least" that many.
    static constexpr int ReadLimit = 100;

    DesktopAlerts(NotificationService &notifications, Id recipient);

    // Takes the newest notification there is as seen: nothing older is raised.
    Status start();
    bool isStarted() const { return m_lastSeen >= 0; }
    // The alerts for what arrived since the last poll (or start()), oldest
    // first. Not started yet (the database failed then): starts now, no alert.
    Result<QList<DesktopAlert>> poll();
    // Whether the last poll found this notification unread (true when it
    // could not tell: more unread than it reads). A notification read since
    // it was raised is taken off the desktop.
    bool isStillUnread(Id notificationId) const;

    // Pure: the alerts for these new notifications (as the inbox reads
    // them, newest first); `more` when there may be more than these.
    static QList<DesktopAlert> alertsFor(const QList<Notification> &fresh, bool more = false);

private:
    NotificationService &m_notifications;
    Id m_recipient = 0;
    Id m_lastSeen = -1; // -1: not started
    QSet<Id> m_unread;  // as the last poll read them
    bool m_unreadComplete = false;
};
