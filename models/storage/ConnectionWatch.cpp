#include "storage/ConnectionWatch.h"

#include "storage/BackgroundReads.h"
#include "storage/Database.h"

#include <QTimer>

ConnectionWatch::ConnectionWatch(Database &db, QObject *parent)
    : QObject(parent), m_db(db), m_active(db.isPostgres())
{
    m_pingTimer = new QTimer(this);
    m_pingTimer->setInterval(DefaultPingIntervalMs);
    connect(m_pingTimer, &QTimer::timeout, this, &ConnectionWatch::pingNow);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &ConnectionWatch::reconnectNow);
    // A local file does not go away: nothing to watch.
    if (m_active)
        m_pingTimer->start();
}

ConnectionWatch::~ConnectionWatch() = default;

QList<int> ConnectionWatch::retryDelaysMs()
{
    return {1000, 2000, 5000, 10000};
}

int ConnectionWatch::nextRetryMs() const
{
    return m_retryTimer->isActive() ? m_retryTimer->remainingTime() : -1;
}

void ConnectionWatch::setPingInterval(int ms)
{
    m_pingTimer->setInterval(ms);
}

void ConnectionWatch::pingNow()
{
    if (!m_background) {
        check();
        return;
    }
    if (!m_active || m_lost || m_probing)
        return;
    m_probing = true;
    ++m_pings;
    ++m_backgroundPings;
    m_background->run<QString>(
        this,
        [](Database &db) {
            // Why the connection went away, or empty. The watched connection
            // went the same way (the same server, or a restart): the
            // reconnect attempts bring both back.
            const Status ping = db.ping();
            if (ping || !(Database::isConnectionErrorText(ping.message()) || db.isConnectionLost()))
                return QString();
            return ping.message();
        },
        [this](const QString &reason) {
            m_probing = false;
            if (!reason.isEmpty() && !m_lost)
                setLost(reason);
        },
        [this](const QString &reason) {
            m_probing = false;
            if (!m_lost)
                setLost(reason);
        });
}

bool ConnectionWatch::check()
{
    if (!m_active || m_busy)
        return m_lost;
    if (m_lost) {
        // Already reconnecting on its schedule.
        return true;
    }
    m_busy = true;
    ++m_pings;
    const Status ping = m_db.ping();
    m_busy = false;
    if (!ping && (Database::isConnectionErrorText(ping.message()) || m_db.isConnectionLost()))
        setLost(ping.message());
    return m_lost;
}

bool ConnectionWatch::noteFailure(const Error &error)
{
    if (!m_active || error.kind != ErrorKind::Storage)
        return m_lost;
    return check();
}

bool ConnectionWatch::reconnectNow()
{
    if (!m_active || m_busy)
        return !m_lost;
    m_retryTimer->stop();
    if (!m_background || !m_lost)
        return reconnectWatched();
    if (m_probing)
        return false;
    // First whether the server answers at all, off this thread.
    m_probing = true;
    m_background->run<QString>(
        this,
        [](Database &db) {
            const Status done = db.reconnect();
            return done ? QString() : done.message();
        },
        [this](const QString &reason) {
            m_probing = false;
            if (!m_lost)
                return;
            if (reason.isEmpty())
                reconnectWatched();
            else
                retryFailedWith(reason);
        },
        [this](const QString &reason) {
            m_probing = false;
            if (m_lost)
                retryFailedWith(reason);
        });
    return false;
}

bool ConnectionWatch::reconnectWatched()
{
    m_busy = true;
    const Status done = m_db.reconnect();
    m_busy = false;
    if (!done) {
        if (!m_lost)
            setLost(done.message());
        else
            retryFailedWith(done.message());
        return false;
    }
    const bool wasLost = m_lost;
    m_lost = false;
    m_attempt = 0;
    m_lastError.clear();
    m_pingTimer->start();
    if (wasLost)
        emit restored();
    return true;
}

void ConnectionWatch::retryFailedWith(const QString &reason)
{
    m_lastError = reason;
    ++m_attempt;
    scheduleRetry();
    emit retryFailed(m_lastError, m_retryTimer->interval());
}

void ConnectionWatch::setLost(const QString &reason)
{
    m_lastError = reason;
    if (m_lost)
        return;
    m_lost = true;
    m_attempt = 0;
    m_pingTimer->stop();
    scheduleRetry();
    emit lost(reason);
}

void ConnectionWatch::scheduleRetry()
{
    const QList<int> delays = retryDelaysMs();
    m_retryTimer->start(delays.at(qMin(m_attempt, int(delays.size()) - 1)));
}
