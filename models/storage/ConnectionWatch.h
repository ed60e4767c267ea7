#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

class Database;
class QTimer;

// Notices that the connection to a PostgreSQL server went away (server
// restart, network cut) and brings it back. It pings the
// server cheaply (SELECT 1) every few seconds and whenever told that a
// service call failed with a Storage error; once the connection is lost it
// emits lost() and reconnects with a backoff (1 s, 2 s, 5 s, then every
// 10 s) until it is back, then emits restored(). On SQLite it does nothing.
// No widgets: the main window shows the banner.
class ConnectionWatch : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultPingIntervalMs = 5000;

    // db outlives the watch.
    explicit ConnectionWatch(Database &db, QObject *parent = nullptr);
    ~ConnectionWatch() override;

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
    // Tries to reconnect at once (the banner's "Reconnect now").
    bool reconnectNow();

signals:
    void lost(const QString &reason);
    void restored();
    // A reconnect attempt failed; the next one comes in nextMs.
    void retryFailed(const QString &reason, int nextMs);

private:
    void setLost(const QString &reason);
    void scheduleRetry();

    Database &m_db;
    QTimer *m_pingTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    bool m_active = false;
    bool m_lost = false;
    bool m_busy = false;
    int m_attempt = 0;
    QString m_lastError;
};
