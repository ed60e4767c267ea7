// BackgroundReads: reads on a connection of their own in a worker thread,
// answers back on the GUI thread, in order; an answer for a receiver that is
// gone is dropped; a location that cannot be opened says why; on SQLite and
// PostgreSQL.
#include "TestDatabase.h"
#include "storage/BackgroundReads.h"
#include "storage/Sql.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class TestBackgroundReads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_db.reset(); }

    void jobs_runOnTheWorker_answerOnThisThread_inOrder();
    void receiverGone_answerDropped();
    void unreachableLocation_failsWithTheReason();
    void destroyedWithJobsWaiting_returns();

private:
    DatabaseLocation location() const;
    std::unique_ptr<TestDatabase> m_db;
};

void TestBackgroundReads::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_db = std::make_unique<TestDatabase>(backend);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

DatabaseLocation TestBackgroundReads::location() const
{
    QString error;
    return DatabaseLocation::parse(m_db->location(), &error);
}

namespace {
int countUsers(Database &db)
{
    QString error;
    QSqlQuery q =
        Sql::run(db.connection(), QStringLiteral("SELECT COUNT(*) FROM users"), {}, &error);
    return q.next() ? q.value(0).toInt() : -1;
}
} // namespace

void TestBackgroundReads::jobs_runOnTheWorker_answerOnThisThread_inOrder()
{
    BackgroundReads reads(location());
    QObject receiver;
    QList<int> answers;
    QList<QThread *> answerThreads;
    for (int i = 0; i < 5; ++i) {
        reads.run<int>(
            &receiver,
            [i](Database &db) {
                // What the work sees: the same database, on the worker.
                return countUsers(db) >= 0 &&
                               QThread::currentThread() != QCoreApplication::instance()->thread()
                           ? i
                           : -1;
            },
            [&](int answer) {
                answers << answer;
                answerThreads << QThread::currentThread();
            });
    }
    QTRY_COMPARE(answers.size(), 5);
    QCOMPARE(answers, (QList<int>{0, 1, 2, 3, 4}));
    for (QThread *t : answerThreads)
        QCOMPARE(t, QCoreApplication::instance()->thread());
    QCOMPARE(reads.jobsRun(), 5);

    // A row written on the test's connection is seen by the next job.
    const int before = countUsers(m_db->db());
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("INSERT INTO users (email, name, created_at, updated_at) VALUES "
                            "('late@x.example', 'Late', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
             {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int seen = -1;
    reads.run<int>(&receiver, countUsers, [&](int n) { seen = n; });
    QTRY_COMPARE(seen, before + 1);
}

void TestBackgroundReads::receiverGone_answerDropped()
{
    BackgroundReads reads(location());
    bool called = false;
    {
        QObject receiver;
        reads.run<int>(&receiver, countUsers, [&](int) { called = true; });
    }
    QTRY_COMPARE(reads.jobsRun(), 1);
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestBackgroundReads::unreachableLocation_failsWithTheReason()
{
    QTemporaryDir dir;
    QString error;
    // SQLite: a file that is not there is not created by a read.
    const DatabaseLocation missing =
        DatabaseLocation::parse(dir.filePath(QStringLiteral("absent.sqlite")), &error);
    BackgroundReads reads(missing);
    QObject receiver;
    QString reason;
    bool called = false;
    reads.run<int>(
        &receiver, countUsers, [&](int) { called = true; },
        [&](const QString &message) { reason = message; });
    QTRY_VERIFY(!reason.isEmpty());
    QVERIFY2(reason.contains(QStringLiteral("absent.sqlite")), qPrintable(reason));
    QVERIFY(!called);
    QCOMPARE(reads.jobsRun(), 0);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.sqlite"))));
}

void TestBackgroundReads::destroyedWithJobsWaiting_returns()
{
    QObject receiver;
    int answered = 0;
    {
        BackgroundReads reads(location());
        for (int i = 0; i < 50; ++i)
            reads.run<int>(&receiver, countUsers, [&](int) { ++answered; });
    }
    // Nothing is delivered after the reads are gone.
    QTest::qWait(50);
    QCOMPARE(answered, 0);
}

QTEST_GUILESS_MAIN(TestBackgroundReads)
#include "tst_backgroundreads.moc"
