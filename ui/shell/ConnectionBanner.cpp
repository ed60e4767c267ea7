#include "shell/ConnectionBanner.h"

#include <QPushButton>
#include <QTimer>

namespace {
// libpq's messages run over several lines; the first says it.
QString firstLine(const QString &detail)
{
    return detail.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
}
} // namespace

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : Banner(QStringLiteral("connectionBanner"), tr("Database connection"), parent)
{
    m_reconnect = addButton(tr("Reconnect now"), tr("Reconnect to the database now"),
                            QStringLiteral("connectionBannerReconnectButton"));
    connect(m_reconnect, &QPushButton::clicked, this, &ConnectionBanner::reconnectRequested);

    m_hideTimer = new QTimer(this);
    m_hideTimer->setSingleShot(true);
    m_hideTimer->setInterval(RestoredNoticeMs);
    connect(m_hideTimer, &QTimer::timeout, this, [this] {
        if (!m_lost)
            hide();
    });
}

void ConnectionBanner::showLost(const QString &detail)
{
    m_hideTimer->stop();
    m_lost = true;
    setTone(Tone::Problem);
    setMessage(tr("The connection to the database was lost. CertDesk reconnects by itself; "
                  "what you type is kept."),
               firstLine(detail));
    m_reconnect->show();
    m_reconnect->setEnabled(true);
    show();
}

void ConnectionBanner::showRetryFailed(const QString &detail, int nextMs)
{
    if (!m_lost)
        showLost(detail);
    const int seconds = qMax(1, (nextMs + 999) / 1000);
    const QString first = firstLine(detail);
    // English has no plural forms file: one and many are two strings.
    const QString next = seconds == 1
                             ? tr("Still not connected; next try in 1 second.")
                             : tr("Still not connected; next try in %1 seconds.").arg(seconds);
    setDetail(first.isEmpty() ? next : next + QLatin1Char(' ') + first);
}

void ConnectionBanner::showRestored()
{
    m_lost = false;
    setTone(Tone::Fine);
    setMessage(tr("Connected again."), QString());
    m_reconnect->hide();
    if (isVisible())
        m_hideTimer->start();
    else
        hide();
}
