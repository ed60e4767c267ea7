// Many desktops on one server: reviewers on their own
// logins race, each in its own thread and connection, to decide the same
// 1,000 tasks, and people import at once. No lost update, no decision
// written twice, no duplicate notification or email, every loser told who
// won. PostgreSQL only (SQLite has one writer at a time; tst_reviewservice
// covers its two-connection race).
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/ReviewService.h"
#include "services/ServerSetup.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QMutex>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

namespace {
const QString kPassword = QStringLiteral("race-pw-123");
constexpr int kTasks = 1000;
constexpr int kReviewers = 4;

struct ReviewerRun
{
    QString email;
    Id id = 0;
    bool validate = true;
    int won = 0;
    int toldWhoWon = 0; // conflicts whose message names the winner
    QStringList unexpected;
};
} // namespace

class TestServerRaces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_db.reset(); }
    void review_thousandRaces_oneWinnerEach();
    void import_atOnce_sameKeyWritesOnce();

private:
    int count(const QString &sql, const QVariantList &values = {});
    std::unique_ptr<TestDatabase> m_db;
    QString m_prefix;
    QHash<QString, Id> m_ids;
    QString m_sha;
};

int TestServerRaces::count(const QString &sql, const QVariantList &values)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(), sql, values, &error);
    if (!error.isEmpty() || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(error));
        return -1;
    }
    return q.value(0).toInt();
}

void TestServerRaces::initTestCase()
{
    CERTDESK_REQUIRE_SERVER();
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_prefix = m_db->pgName() + QLatin1Char('_');
    ServerSetupOptions options;
    options.adminEmail = QStringLiteral("r0@example.org");
    options.adminName = QStringLiteral("Reviewer Zero");
    options.adminPassword = kPassword;
    options.loginPrefix = m_prefix;
    const auto setup = ServerSetup::run(m_db->db(), options);
    QVERIFY2(setup, qPrintable(setup.message()));
    m_ids.insert(options.adminEmail, setup->admin->id);
    QString error;
    auto admin = m_db->openAs(m_prefix + options.adminEmail, kPassword, &error);
    QVERIFY2(admin, qPrintable(error));
    const Id root = admin->serverUserId();
    SettingsService settings(*admin);
    QVERIFY(settings.set(root, QStringLiteral("import.enabled"), QStringLiteral("on")));
    QVERIFY(settings.set(root, QStringLiteral("validation.required"), QStringLiteral("on")));
    DirectoryService directory(*admin);
    QVERIFY(directory.addGroup(root, QStringLiteral("Team"), QString()));
    // Three more platform admins (platform admins may decide any task), and
    // the learner whose certificates they review.
    const QList<QPair<QString, QList<QPair<QString, Role>>>> people{
        {QStringLiteral("r1@example.org"), {{QStringLiteral("Platform"), Role::Admin}}},
        {QStringLiteral("r2@example.org"), {{QStringLiteral("Platform"), Role::Admin}}},
        {QStringLiteral("r3@example.org"), {{QStringLiteral("Platform"), Role::Admin}}},
        {QStringLiteral("lea@example.org"), {{QStringLiteral("Team"), Role::Learner}}},
    };
    for (const auto &[email, groups] : people) {
        NewUser nu;
        nu.email = email;
        nu.name = email.section(QLatin1Char('@'), 0, 0);
        nu.password = kPassword;
        nu.memberships = groups;
        const auto u = directory.addUser(root, nu);
        QVERIFY2(u, qPrintable(u.message()));
        m_ids.insert(email, u->id);
    }
    // 1,000 pending certificates of the learner with their open tasks,
    // written by the database administrator at once.
    QSqlDatabase dba = m_db->db().connection();
    const QByteArray pdf("%PDF-1.4 race");
    m_sha = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    Sql::run(dba,
             QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                            "created_at) VALUES (?, ?, 1, ?, now())"),
             {m_sha, qint64(pdf.size()), pdf}, &error);
    Sql::run(dba,
             QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                            "delivered_on, status, pdf_sha256, created_at, updated_at) SELECT "
                            "'external', ?, ?, 'Race ' || g, CURRENT_DATE - 1, 'pending', ?, "
                            "now(), now() FROM generate_series(1, ?) AS g"),
             {m_ids.value(QStringLiteral("lea@example.org")),
              m_ids.value(QStringLiteral("lea@example.org")), m_sha, kTasks},
             &error);
    Sql::run(dba,
             QStringLiteral("INSERT INTO validation_tasks (certificate_id, state, created_at) "
                            "SELECT id, 'open', now() FROM certificates WHERE name LIKE 'Race %' "
                            "ORDER BY id"),
             {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestServerRaces::review_thousandRaces_oneWinnerEach()
{
    QList<Id> tasks;
    {
        QSqlQuery q = Sql::run(m_db->db().connection(),
                               QStringLiteral("SELECT id FROM validation_tasks WHERE state = "
                                              "'open' ORDER BY id"),
                               {}, nullptr);
        while (q.next())
            tasks << q.value(0).toLongLong();
    }
    QCOMPARE(tasks.size(), kTasks);

    QList<ReviewerRun> runs;
    for (int i = 0; i < kReviewers; ++i) {
        ReviewerRun run;
        run.email = QStringLiteral("r%1@example.org").arg(i);
        run.id = m_ids.value(run.email);
        run.validate = i % 2 == 0; // even reviewers validate, odd ones reject
        runs << run;
    }
    QHash<Id, QString> names; // as the loser's message names the winner
    for (const ReviewerRun &run : std::as_const(runs)) {
        QSqlQuery q =
            Sql::run(m_db->db().connection(), QStringLiteral("SELECT name FROM users WHERE id = ?"),
                     {run.id}, nullptr);
        QVERIFY(q.next());
        names.insert(run.id, q.value(0).toString());
    }
    std::atomic<int> ready{0};
    QList<QThread *> threads;
    for (ReviewerRun &run : runs) {
        threads << QThread::create([this, &run, &tasks, &ready, &names] {
            QString error;
            auto db = m_db->openAs(m_prefix + run.email, kPassword, &error);
            if (!db) {
                run.unexpected << error;
                return;
            }
            ReviewService reviews(*db);
            // Start together, then each decides every task in the same order:
            // every task is contended by all four.
            ++ready;
            while (ready.load() < kReviewers)
                QThread::yieldCurrentThread();
            for (const Id task : tasks) {
                ReviewDecision d;
                d.taskId = task;
                d.validate = run.validate;
                d.comment = run.validate ? QString() : QStringLiteral("Rejected in a race.");
                d.expectedVersion = 1; // what each saw when the task opened
                const auto result = reviews.review(run.id, d);
                if (result) {
                    ++run.won;
                } else if (result.kind() == ErrorKind::Conflict) {
                    bool named = false;
                    for (auto it = names.cbegin(); it != names.cend(); ++it)
                        named = named || (it.key() != run.id && result.message().contains(*it));
                    run.toldWhoWon += named ? 1 : 0;
                    if (!named)
                        run.unexpected << result.message();
                } else {
                    run.unexpected << result.message();
                }
            }
        });
    }
    QElapsedTimer timer;
    timer.start();
    for (QThread *t : std::as_const(threads))
        t->start();
    for (QThread *t : std::as_const(threads)) {
        QVERIFY(t->wait(600000));
        delete t;
    }
    const qint64 ms = timer.elapsed();

    int won = 0;
    int told = 0;
    for (const ReviewerRun &run : std::as_const(runs)) {
        QVERIFY2(run.unexpected.isEmpty(),
                 qPrintable(run.email + QStringLiteral(": ") +
                            run.unexpected.mid(0, 3).join(QStringLiteral(" | "))));
        won += run.won;
        told += run.toldWhoWon;
        qInfo("%s won %d races, lost %d (each told who won)", qPrintable(run.email), run.won,
              run.toldWhoWon);
        // What the server recorded agrees with what the reviewer was told.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM validation_tasks WHERE decided_by = "
                                      "? AND state = ?"),
                       {run.id,
                        run.validate ? QStringLiteral("validated") : QStringLiteral("rejected")}),
                 run.won);
    }
    qInfo("%d races over %d reviewers in %lld ms: %d decisions, %d told who acted first", kTasks,
          kReviewers, ms, won, told);
    QCOMPARE(won, kTasks);                     // one winner per task...
    QCOMPARE(told, kTasks * (kReviewers - 1)); // ...and three losers told who
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM validation_tasks WHERE state = 'open'")),
             0);
    // No lost update: each certificate has the status its task was decided with.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM validation_tasks t JOIN certificates c "
                                  "ON c.id = t.certificate_id WHERE c.status <> t.state OR "
                                  "c.version <> 2")),
             0);
    // One outcome notification, one email and one audit entry per task.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT task_id FROM notifications WHERE "
                                  "category <> 'validation-request' GROUP BY task_id HAVING "
                                  "COUNT(*) = 1) AS once")),
             kTasks);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE category <> "
                                  "'validation-request'")),
             kTasks);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM email_outbox o JOIN notifications n ON "
                                  "n.id = o.notification_id WHERE n.category <> "
                                  "'validation-request'")),
             kTasks);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action IN "
                                  "('certificate.validate', 'certificate.reject')")),
             kTasks);
}

void TestServerRaces::import_atOnce_sameKeyWritesOnce()
{
    // Four desktops of the same learner (say, a retry after a lost answer on
    // each) send the same import with one key, and 25 imports of their own.
    const QString lea = QStringLiteral("lea@example.org");
    const Id leaId = m_ids.value(lea);
    const int before = count(QStringLiteral("SELECT COUNT(*) FROM certificates"));
    std::atomic<int> ready{0};
    std::atomic<int> created{0};
    std::atomic<int> alreadyDone{0};
    QStringList failures;
    QMutex failuresLock;
    // Real PDFs, rendered here (fonts belong to the GUI thread).
    QHash<int, QByteArray> pdfs;
    for (int i = 0; i < kReviewers; ++i) {
        for (int n = 0; n <= 25; ++n) {
            const int number = n == 0 ? 0 : i * 100 + n;
            if (pdfs.contains(number))
                continue;
            CertificatePdfContent content;
            content.title = QStringLiteral("Import %1").arg(number);
            content.holder = QStringLiteral("Lea");
            content.issuer = QStringLiteral("Race Academy");
            content.delivered = QDate::currentDate().addDays(-1);
            content.reference = QStringLiteral("R-%1").arg(number);
            pdfs.insert(number, CertificatePdf::render(content));
        }
    }
    QList<QThread *> threads;
    for (int i = 0; i < kReviewers; ++i) {
        threads << QThread::create([&, i] {
            QString error;
            auto db = m_db->openAs(m_prefix + lea, kPassword, &error);
            if (!db) {
                const QMutexLocker lock(&failuresLock);
                failures << error;
                return;
            }
            CertificateService certificates(*db);
            ++ready;
            while (ready.load() < kReviewers)
                QThread::yieldCurrentThread();
            for (int n = 0; n <= 25; ++n) {
                ImportRequest request;
                request.ownerId = leaId;
                // n == 0: the same import from every desktop, one key.
                request.pdf = pdfs.value(n == 0 ? 0 : i * 100 + n);
                request.name = QStringLiteral("Import %1").arg(n == 0 ? 0 : i * 100 + n);
                request.delivered = QDate::currentDate().addDays(-1);
                request.importKey = n == 0 ? QStringLiteral("shared-key")
                                           : QStringLiteral("key-%1-%2").arg(i).arg(n);
                const auto imported = certificates.importCertificate(leaId, request);
                if (!imported) {
                    const QMutexLocker lock(&failuresLock);
                    failures << imported.message();
                } else if (imported->alreadyDone) {
                    ++alreadyDone;
                } else {
                    ++created;
                }
            }
        });
    }
    for (QThread *t : std::as_const(threads))
        t->start();
    for (QThread *t : std::as_const(threads)) {
        QVERIFY(t->wait(600000));
        delete t;
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 3).join(QStringLiteral(" | "))));
    QCOMPARE(created.load(), 1 + kReviewers * 25);
    QCOMPARE(alreadyDone.load(), kReviewers - 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM certificates")) - before,
             1 + kReviewers * 25);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE import_key = "
                                  "'shared-key'")),
             1);
    // One task and one request per reviewer per certificate, never two.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT certificate_id FROM "
                                  "validation_tasks GROUP BY certificate_id HAVING COUNT(*) > 1) "
                                  "AS twice")),
             0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT task_id, recipient_id FROM "
                                  "notifications GROUP BY task_id, recipient_id, category HAVING "
                                  "COUNT(*) > 1) AS twice")),
             0);
}

QTEST_MAIN(TestServerRaces)
#include "tst_server_races.moc"
