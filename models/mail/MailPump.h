#pragma once

#include "mail/OutboxSender.h"
#include "storage/DatabaseLocation.h"

#include <QObject>

#include <atomic>
#include <memory>

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
    ~MailPump() override; // stop()s

    // Seconds between two rounds (default 60); applies from the next round.
    void setInterval(int seconds);
    int interval() const { return m_interval; }
    // For tests: the sender's clock (called in the worker thread).
    void setClock(OutboxSender::Clock clock);

    // How long stop() waits for the email being sent by default.
    static constexpr int DefaultStopWaitMs = 3000;

    void start();
    // Stops after the email being sent. Waits up to waitMs for it: a slow or
    // silent server can hold one email for the transport's timeouts (15 s to
    // connect, 90 s in all), and signing out or quitting must not wait that
    // long. Past waitMs the sender is left to finish that one email on its
    // own (recording it, closing its connection, deleting itself) and stop()
    // returns false; the pump can be started again at once.
    bool stop(int waitMs = DefaultStopWaitMs);
    bool isRunning() const;
    // The last problemChanged() text (empty: none).
    QString problem() const { return m_problem; }
    // Senders alive in this process, left-over ones included (for tests and
    // the end of the program).
    static int liveSenders();

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
    // Shared with the worker, which may outlive the pump (see stop()).
    std::shared_ptr<std::atomic<bool>> m_stopping;
    QString m_problem;
};
