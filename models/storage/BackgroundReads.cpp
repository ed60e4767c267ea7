#include "storage/BackgroundReads.h"

#include <QThread>

#include <atomic>

class BackgroundReads::Worker : public QObject
{
public:
    explicit Worker(DatabaseLocation location) : m_location(std::move(location)) {}

    // The worker's connection, opened on first use (on the worker thread:
    // a Qt SQL connection belongs to the thread that opens it). Neither
    // creates nor upgrades anything: the GUI's connection did that.
    Database *database(QString *error)
    {
        if (!m_db) {
            Database::Options options;
            options.migrate = false;
            options.create = false;
            auto opened = Database::open(m_location, options);
            if (!opened) {
                *error = opened.message();
                return nullptr;
            }
            m_db = std::move(opened.value());
        }
        return m_db.get();
    }

    void close() { m_db.reset(); }

    std::atomic<int> jobs{0};

private:
    DatabaseLocation m_location;
    std::unique_ptr<Database> m_db;
};

BackgroundReads::BackgroundReads(const DatabaseLocation &location, QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new Worker(location))
{
    m_thread->setObjectName(QStringLiteral("BackgroundReads"));
    m_worker->moveToThread(m_thread);
    // The connection closes on the thread that opened it.
    connect(
        m_thread, &QThread::finished, m_worker, [worker = m_worker] { worker->close(); },
        Qt::DirectConnection);
    m_thread->start();
}

BackgroundReads::~BackgroundReads()
{
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

int BackgroundReads::jobsRun() const
{
    return m_worker->jobs.load();
}

void BackgroundReads::post(QObject *receiver, std::function<void(Database &)> work,
                           std::function<void()> deliver,
                           std::function<void(const QString &)> failed)
{
    // Checked on this object's thread only; copying it elsewhere is safe.
    const QPointer<QObject> target(receiver);
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, work = std::move(work), deliver = std::move(deliver),
         failed = std::move(failed), target] {
            QString error;
            Database *db = worker->database(&error);
            if (!db) {
                QMetaObject::invokeMethod(
                    this,
                    [failed, error, target] {
                        if (target && failed)
                            failed(error);
                    },
                    Qt::QueuedConnection);
                return;
            }
            work(*db);
            ++worker->jobs;
            // A server that went away: the next job opens a new connection.
            if (db->isPostgres() && db->isConnectionLost())
                worker->close();
            // Events posted to this object die with it; the destructor waits
            // for this job first.
            QMetaObject::invokeMethod(
                this,
                [deliver, target] {
                    if (target)
                        deliver();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
