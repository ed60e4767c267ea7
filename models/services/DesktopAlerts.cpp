#include "services/DesktopAlerts.h"

#include "services/NotificationService.h"

#include <algorithm>

DesktopAlerts::DesktopAlerts(NotificationService &notifications, Id recipient)
    : m_notifications(notifications), m_recipient(recipient)
{}

Status DesktopAlerts::start()
{
    const auto newest = m_notifications.notifications(m_recipient, false, 0, 1);
    if (!newest)
        return newest.error();
    m_lastSeen = newest.value().isEmpty() ? 0 : newest.value().constFirst().id;
    return Done{};
}

Result<QList<DesktopAlert>> DesktopAlerts::poll()
{
    if (!isStarted()) {
        const Status started = start();
        if (!started)
            return started.error();
        return QList<DesktopAlert>();
    }
    const auto unread = m_notifications.notifications(m_recipient, true, 0, ReadLimit);
    if (!unread)
        return unread.error();
    QList<Notification> fresh;
    m_unread.clear();
    m_unreadComplete = unread.value().size() < ReadLimit;
    for (const Notification &n : unread.value()) {
        m_unread.insert(n.id);
        if (n.id > m_lastSeen)
            fresh << n;
    }
    // Newest first: the first is the newest of all read.
    if (!unread.value().isEmpty())
        m_lastSeen = std::max(m_lastSeen, unread.value().constFirst().id);
    return alertsFor(fresh, unread.value().size() >= ReadLimit);
}

bool DesktopAlerts::isStillUnread(Id notificationId) const
{
    return !m_unreadComplete || m_unread.contains(notificationId);
}

QList<DesktopAlert> DesktopAlerts::alertsFor(const QList<Notification> &fresh, bool more)
{
    QList<DesktopAlert> alerts;
    if (fresh.size() > MaxSeparate) {
        DesktopAlert summary;
        summary.count = static_cast<int>(fresh.size());
        summary.summary = more ? tr("At least %n new notifications", nullptr, summary.count)
                               : tr("%n new notifications", nullptr, summary.count);
        QStringList lines;
        for (qsizetype i = 0; i < MaxSeparate; ++i)
            lines << fresh.at(i).title();
        const qsizetype rest = fresh.size() - MaxSeparate;
        lines << (more ? tr("and more") : tr("and %n more", nullptr, static_cast<int>(rest)));
        summary.body = lines.join(QLatin1Char('\n'));
        alerts << summary;
        return alerts;
    }
    // Oldest first: the desktop stacks the newest on top.
    for (auto it = fresh.crbegin(); it != fresh.crend(); ++it) {
        DesktopAlert alert;
        alert.summary = it->title();
        alert.body = it->body();
        alert.notification = *it;
        alerts << alert;
    }
    return alerts;
}
