#include "mail/MailPump.h"

#include "mail/MailOutbox.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

#include <memory>
#include <utility>

namespace {
std::atomic<int> g_liveSenders{0};
} // namespace

// Lives in the pump's thread: owns the connection, the sender and the timer.
class MailPumpWorker : public QObject
{
    Q_OBJECT

public:
    MailPumpWorker(const DatabaseLocation &location, int interval, OutboxSender::Clock clock,
                   std::shared_ptr<const std::atomic<bool>> stopping)
        : m_location(location), m_interval(interval), m_clock(std::move(clock)),
          m_stopping(std::move(stopping))
    {
        ++g_liveSenders;
    }
    ~MailPumpWorker() override { --g_liveSenders; }

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

    // Ends the thread; the connection is closed in the thread that opened it.
    void finish()
    {
        delete m_timer;
        m_timer = nullptr;
        close();
        QThread::currentThread()->quit();
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
    std::shared_ptr<const std::atomic<bool>> m_stopping;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OutboxSender> m_sender;
    QTimer *m_timer = nullptr;
    int m_failed = 0;
    QString m_problem;
};

MailPump::MailPump(const DatabaseLocation &location, QObject *parent)
    : QObject(parent), m_location(location)
{
    // The last problem is kept for whoever asks later (a page built after it).
    connect(this, &MailPump::problemChanged, this,
            [this](const QString &problem) { m_problem = problem; });
}

int MailPump::liveSenders()
{
    return g_liveSenders.load();
}

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
    // A fresh flag: a sender left over from a stop() keeps the old one.
    m_stopping = std::make_shared<std::atomic<bool>>(false);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("CertDesk mail"));
    m_worker = new MailPumpWorker(m_location, m_interval, m_clock, m_stopping);
    m_worker->moveToThread(m_thread);
    // The worker is deleted in its thread as the thread ends (before wait()
    // returns), whether stop() waited for it or left it.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &MailPumpWorker::roundFinished, this, &MailPump::roundFinished);
    connect(m_worker, &MailPumpWorker::failuresAppeared, this, &MailPump::failuresAppeared);
    connect(m_worker, &MailPumpWorker::problemChanged, this, &MailPump::problemChanged);
    connect(m_thread, &QThread::started, m_worker, &MailPumpWorker::begin);
    m_thread->start();
}

bool MailPump::stop(int waitMs)
{
    if (!m_thread)
        return true;
    // The round in progress stops between two emails; then the worker closes
    // its connection in its own thread and ends the thread.
    m_stopping->store(true);
    QMetaObject::invokeMethod(m_worker, "finish", Qt::QueuedConnection);
    QThread *thread = std::exchange(m_thread, nullptr);
    m_worker = nullptr; // from here on it may delete itself at any time
    if (thread->wait(QDeadlineTimer(qMax(0, waitMs)))) {
        delete thread; // the worker went with it
        return true;
    }
    // A slow server holds the email being sent: leave the sender to finish
    // that one (bounded by the transport's timeouts). Its last signals still
    // reach this pump while it exists, which is harmless (a round's counts).
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished())
        thread->deleteLater();
    return false;
}

void MailPump::sendNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "runRound", Qt::QueuedConnection);
}

#include "MailPump.moc"
