#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

class BackgroundReads;
class Database;
class QTimer;

// Notices that the connection to a PostgreSQL server went away (server
// restart, network cut) and brings it back. It pings the
// server cheaply (SELECT 1) every few seconds and whenever told that a
// service call failed with a Storage error; once the connection is lost it
// emits lost() and reconnects with a backoff (1 s, 2 s, 5 s, then every
// 10 s) until it is back, then emits restored(). On SQLite it does nothing.
// No widgets: the main window shows the banner.
//
// Given a BackgroundReads (the GUI's session), the timer's pings and the
// reconnect attempts run on its connection, in its worker thread: a network
// cut makes a ping wait up to the connection's TCP timeout (15 s) and a
// connect up to connect_timeout (10 s), and the window must not wait with
// them. Only once the server answers there does the watched connection
// reconnect, which then takes a moment. The check after a failed service
// call stays on the watched connection (it has just failed: libpq knows).
class ConnectionWatch : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultPingIntervalMs = 5000;

    // db outlives the watch.
    explicit ConnectionWatch(Database &db, QObject *parent = nullptr);
    ~ConnectionWatch() override;

    // Pings and reconnect attempts off this thread, on background's
    // connection (null: on db, in this thread). background outlives the
    // watch.
    void setBackground(BackgroundReads *background) { m_background = background; }
    // Pings run so far and how many of them ran on the background
    // connection (tests: proof that the window's thread does not wait).
    int pings() const { return m_pings; }
    int backgroundPings() const { return m_backgroundPings; }

    // Whether the database is one that can go away (PostgreSQL).
    bool isActive() const { return m_active; }
    bool isLost() const { return m_lost; }
    // Why the connection was lost, or why the last reconnect failed.
    QString lastError() const { return m_lastError; }
    // Milliseconds until the next reconnect attempt while lost (-1: none).
    int nextRetryMs() const;
    void setPingInterval(int ms);
    // The waits between reconnect attempts, in order (the last repeats).
    static QList<int> retryDelaysMs();

public slots:
    // Pings now; a connection error starts the lost state. Returns isLost().
    bool check();
    // A service call failed: a Storage error makes it check the connection.
    // Returns isLost().
    bool noteFailure(const Error &error);
    // Tries to reconnect at once (the banner's "Reconnect now"). With a
    // background connection the attempt runs there and this returns at once
    // (false: not reconnected yet); restored() or retryFailed() follows.
    bool reconnectNow();

signals:
    void lost(const QString &reason);
    void restored();
    // A reconnect attempt failed; the next one comes in nextMs.
    void retryFailed(const QString &reason, int nextMs);

private:
    // The timer's ping: on the background connection when there is one.
    void pingNow();
    void setLost(const QString &reason);
    void scheduleRetry();
    // Reconnects the watched connection (the server answers); restored().
    bool reconnectWatched();
    void retryFailedWith(const QString &reason);

    Database &m_db;
    BackgroundReads *m_background = nullptr;
    bool m_probing = false; // a background ping or attempt under way
    int m_pings = 0;
    int m_backgroundPings = 0;
    QTimer *m_pingTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    bool m_active = false;
    bool m_lost = false;
    bool m_busy = false;
    int m_attempt = 0;
    QString m_lastError;
};
