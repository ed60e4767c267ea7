#include "MailPump.h"

#include "MailOutbox.h"

#include <QThread>
#include <QTimer>

#include <memory>

// Lives in the pump's thread: owns the connection, the sender and the timer.
class MailPumpWorker : public QObject
{
    Q_OBJECT

public:
    MailPumpWorker(const DatabaseLocation &location, int interval, OutboxSender::Clock clock,
                   const std::atomic<bool> *stopping)
        : m_location(location), m_interval(interval), m_clock(std::move(clock)),
          m_stopping(stopping)
    {}

public slots:
    void begin()
    {
        m_timer = new QTimer(this);
        m_timer->setInterval(m_interval * 1000);
        connect(m_timer, &QTimer::timeout, this, &MailPumpWorker::runRound);
        m_timer->start();
        runRound();
    }

    void setInterval(int seconds)
    {
        m_interval = seconds;
        if (m_timer)
            m_timer->setInterval(seconds * 1000);
    }

    void runRound()
    {
        if (m_stopping->load() || !ensureOpen())
            return;
        const auto round = m_sender->drain([this] { return m_stopping->load(); });
        if (!round) {
            report(round.message());
            // A lost connection is opened again next round.
            if (round.kind() == ErrorKind::Storage)
                close();
            return;
        }
        report(round->serverProblem);
        emit roundFinished(round->sent, round->rescheduled, round->gaveUp, round->deferred);
        const auto failed = MailOutbox::failedCount(m_db->connection());
        if (failed) {
            if (failed.value() > m_failed)
                emit failuresAppeared(failed.value());
            m_failed = failed.value();
        }
    }

    // Before the thread ends: the connection is closed in the thread that opened it.
    void finish()
    {
        delete m_timer;
        m_timer = nullptr;
        close();
    }

signals:
    void roundFinished(int sent, int rescheduled, int gaveUp, int deferred);
    void failuresAppeared(int failedCount);
    void problemChanged(const QString &problem);

private:
    bool ensureOpen()
    {
        if (m_db)
            return true;
        // The desktop application migrated the database when it opened it.
        Database::Options options;
        options.migrate = false;
        options.create = false;
        auto opened = Database::open(m_location, options);
        if (!opened) {
            report(opened.message());
            return false;
        }
        m_db = std::move(opened.value());
        m_sender = std::make_unique<OutboxSender>(*m_db);
        if (m_clock)
            m_sender->setClock(m_clock);
        return true;
    }

    void close()
    {
        m_sender.reset();
        m_db.reset();
    }

    void report(const QString &problem)
    {
        if (problem == m_problem)
            return;
        m_problem = problem;
        emit problemChanged(problem);
    }

    DatabaseLocation m_location;
    int m_interval;
    OutboxSender::Clock m_clock;
    const std::atomic<bool> *m_stopping;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OutboxSender> m_sender;
    QTimer *m_timer = nullptr;
    int m_failed = 0;
    QString m_problem;
};

MailPump::MailPump(const DatabaseLocation &location, QObject *parent)
    : QObject(parent), m_location(location)
{}

MailPump::~MailPump()
{
    stop();
}

void MailPump::setInterval(int seconds)
{
    m_interval = qMax(1, seconds);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "setInterval", Qt::QueuedConnection,
                                  Q_ARG(int, m_interval));
}

void MailPump::setClock(OutboxSender::Clock clock)
{
    m_clock = std::move(clock);
}

bool MailPump::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void MailPump::start()
{
    if (m_thread)
        return;
    m_stopping = false;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("CertDesk mail"));
    m_worker = new MailPumpWorker(m_location, m_interval, m_clock, &m_stopping);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &MailPumpWorker::roundFinished, this, &MailPump::roundFinished);
    connect(m_worker, &MailPumpWorker::failuresAppeared, this, &MailPump::failuresAppeared);
    connect(m_worker, &MailPumpWorker::problemChanged, this, &MailPump::problemChanged);
    connect(m_thread, &QThread::started, m_worker, &MailPumpWorker::begin);
    m_thread->start();
}

void MailPump::stop()
{
    if (!m_thread)
        return;
    // The round in progress stops between two emails; then the worker closes
    // its connection in its own thread.
    m_stopping = true;
    QMetaObject::invokeMethod(m_worker, "finish", Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
}

void MailPump::sendNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "runRound", Qt::QueuedConnection);
}

#include "MailPump.moc"
