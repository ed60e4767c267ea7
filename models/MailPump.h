#pragma once

#include "DatabaseLocation.h"
#include "OutboxSender.h"

#include <QObject>

#include <atomic>

class QThread;
class MailPumpWorker;

// The email sender inside the desktop application, for a local database
// (ARCHITECTURE.md, "Email"): drains the outbox in a worker thread every
// interval, and at once on sendNow() (after an import or a review, say). The
// thread opens its own connection to the database: a QSqlDatabase belongs to
// the thread that opened it. No widgets; the window that shows failed emails
// listens to failuresAppeared().
class MailPump : public QObject
{
    Q_OBJECT

public:
    explicit MailPump(const DatabaseLocation &location, QObject *parent = nullptr);
    ~MailPump() override; // stops, after the email being sent

    // Seconds between two rounds (default 60); applies from the next round.
    void setInterval(int seconds);
    int interval() const { return m_interval; }
    // For tests: the sender's clock (called in the worker thread).
    void setClock(OutboxSender::Clock clock);

    void start();
    // Stops after the email being sent; waits for the thread.
    void stop();
    bool isRunning() const;

public slots:
    void sendNow();

signals:
    // After each round that could run (counts as in MailRound).
    void roundFinished(int sent, int rescheduled, int gaveUp, int deferred);
    // The number of failed emails grew (now failedCount): tell platform admins.
    void failuresAppeared(int failedCount);
    // Why a round could not run, or why the server could not be reached
    // (not configured, unreachable, database lost); empty: fine again.
    void problemChanged(const QString &problem);

private:
    DatabaseLocation m_location;
    int m_interval = 60;
    OutboxSender::Clock m_clock;
    QThread *m_thread = nullptr;
    MailPumpWorker *m_worker = nullptr;
    std::atomic<bool> m_stopping{false};
};
