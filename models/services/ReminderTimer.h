#pragma once

#include "storage/DatabaseLocation.h"

#include <QDate>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QThread;

// The reminder job inside the desktop application, for a local database
// (README "Reminders"): runs ReminderService once at start() and again each
// time the date changes while the window stays open, in a worker thread with
// its own connection (a QSqlDatabase belongs to the thread that opened it).
// Each reminder is sent once whatever else runs the job at the same time.
class ReminderTimer : public QObject
{
    Q_OBJECT

public:
    explicit ReminderTimer(const DatabaseLocation &location, QObject *parent = nullptr);
    // Asks a running job to stop after its batch, and waits for it.
    ~ReminderTimer() override;

    // How often it looks whether the date changed (default ten minutes).
    void setCheckInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    void start();
    bool isRunning() const { return m_thread != nullptr; }
    // The day the last job ran for (invalid: none yet).
    QDate lastDay() const { return m_lastDay; }

signals:
    // A job ended: how many reminders it sent, and why it failed (empty: it did not).
    void finished(int sent, const QString &problem);

private:
    void runIfNewDay();

    DatabaseLocation m_location;
    QTimer m_timer;
    QDate m_lastDay;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_stopping;
};
