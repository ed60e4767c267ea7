#include "services/ReminderTimer.h"

#include "services/ReminderService.h"
#include "storage/Database.h"

#include <QThread>

ReminderTimer::ReminderTimer(const DatabaseLocation &location, QObject *parent)
    : QObject(parent), m_location(location), m_stopping(std::make_shared<std::atomic<bool>>(false))
{
    m_timer.setInterval(10 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &ReminderTimer::runIfNewDay);
}

ReminderTimer::~ReminderTimer()
{
    m_timer.stop();
    *m_stopping = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ReminderTimer::start()
{
    m_timer.start();
    runIfNewDay();
}

void ReminderTimer::runIfNewDay()
{
    const QDate today = Domain::today();
    if (m_thread || today == m_lastDay)
        return;
    m_lastDay = today;
    struct Outcome
    {
        int sent = 0;
        QString problem;
    };
    auto outcome = std::make_shared<Outcome>();
    const DatabaseLocation location = m_location;
    const std::shared_ptr<std::atomic<bool>> stopping = m_stopping;
    m_thread = QThread::create([location, today, outcome, stopping] {
        auto opened = Database::open(location);
        if (!opened) {
            outcome->problem = opened.message();
            return;
        }
        ReminderService service(*opened.value());
        const auto run = service.run(today, false, [stopping] { return stopping->load(); });
        if (run)
            outcome->sent = int(run->sent.size());
        else
            outcome->problem = run.message();
    });
    connect(m_thread, &QThread::finished, this, [this, outcome] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (!outcome->problem.isEmpty())
            qWarning("reminders: %s", qPrintable(outcome->problem));
        emit finished(outcome->sent, outcome->problem);
    });
    m_thread->start();
}
