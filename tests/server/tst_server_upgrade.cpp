// Upgrading a shared server: a database prepared by the previous release's
// `certdesk-cli setup` (tests/data/pgsql-previous: members read the tables
// under row-level security and wrote through column grants), with the demo
// organisation and rows written by members under those rules, is prepared
// again by today's setup. Every row stays as it was, every login keeps
// working, and the new rules hold from then on. PostgreSQL only.
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "services/CertificateService.h"
#include "services/DemoData.h"
#include "services/DirectoryService.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"
#include "services/ServerSetup.h"

#include <QFile>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {
const QString kPassword = QStringLiteral("upgrade-pw");

// Settings only setup writes, and only today's (the previous release had
// server.login-prefix alone).
const QStringList kNewSettings{QStringLiteral("server.connection-limit"),
                               QStringLiteral("server.statement-timeout"),
                               QStringLiteral("server.hardened")};

struct TableDigest
{
    qint64 rows = 0;
    QString md5;
    bool operator==(const TableDigest &other) const
    {
        return rows == other.rows && md5 == other.md5;
    }
};

QString fixture(const QString &name)
{
    QFile file(QStringLiteral(CERTDESK_TEST_DATA "/pgsql-previous/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}
} // namespace

class TestServerUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_db.reset(); }

    void upgrade_fromPreviousSetup_keepsEveryRowAndEveryLogin();

private:
    // Every table of the schema, as the superuser (who bypasses row-level
    // security): its row count and a digest of all its rows.
    // auditUpTo: only the audit entries up to this id (those written before).
    QMap<QString, TableDigest> snapshot(qint64 auditUpTo = -1);
    // Gives a user a login the way the previous release did (cd_create_login
    // of tests/data/pgsql-previous/security.sql).
    bool previousLogin(Id user, QString *login);

    std::unique_ptr<TestDatabase> m_db;
    ServerRoles m_roles;
    QString m_prefix;
};

void TestServerUpgrade::init()
{
    CERTDESK_REQUIRE_SERVER();
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_roles = ServerSetup::rolesFor(m_db->pgName());
    m_prefix = m_db->pgName() + QLatin1Char('_');
}

QMap<QString, TableDigest> TestServerUpgrade::snapshot(qint64 auditUpTo)
{
    QMap<QString, TableDigest> digests;
    QSqlDatabase db = m_db->db().connection();
    QString error;
    QSqlQuery tables = Sql::run(db,
                                QStringLiteral("SELECT c.relname FROM pg_class c JOIN "
                                               "pg_namespace n ON n.oid = c.relnamespace WHERE "
                                               "n.nspname = 'public' AND c.relkind = 'r' "
                                               "ORDER BY 1"),
                                {}, &error);
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    tables.finish();
    for (const QString &name : std::as_const(names)) {
        QString where;
        if (name == QLatin1String("settings"))
            where = QStringLiteral(" WHERE key NOT IN ('%1')")
                        .arg(kNewSettings.join(QStringLiteral("', '")));
        else if (name == QLatin1String("audit_log") && auditUpTo >= 0)
            where = QStringLiteral(" WHERE id <= %1").arg(auditUpTo);
        QSqlQuery q = Sql::run(db,
                               QStringLiteral("SELECT count(*), md5(coalesce(string_agg(t::text, "
                                              "E'\\n' ORDER BY t::text), '')) FROM public.%1 t%2")
                                   .arg(name, where),
                               {}, &error);
        if (!q.next()) {
            qWarning("%s: %s", qPrintable(name), qPrintable(error));
            continue;
        }
        digests.insert(name, {q.value(0).toLongLong(), q.value(1).toString()});
    }
    return digests;
}

bool TestServerUpgrade::previousLogin(Id user, QString *login)
{
    QSqlDatabase db = m_db->db().connection();
    QString error;
    QSqlQuery q =
        Sql::run(db, QStringLiteral("SELECT email FROM users WHERE id = ?"), {user}, &error);
    if (!q.next())
        return false;
    *login = m_prefix + q.value(0).toString();
    q.finish();
    Transaction tx(db);
    Sql::run(db, QStringLiteral("UPDATE users SET db_login = ? WHERE id = ?"), {*login, user},
             &error);
    if (error.isEmpty())
        Sql::run(db, QStringLiteral("SELECT cd_create_login(?, ?)"), {user, kPassword}, &error);
    if (!error.isEmpty() || !tx.commit()) {
        qWarning("previous login for %lld: %s %s", user, qPrintable(error), qPrintable(tx.error()));
        return false;
    }
    return true;
}

void TestServerUpgrade::upgrade_fromPreviousSetup_keepsEveryRowAndEveryLogin()
{
    // The demo organisation, written before the first setup (as a database
    // administrator may load one).
    const auto demo = DemoData::fill(m_db->db());
    QVERIFY2(demo, qPrintable(demo.message()));
    QVERIFY(demo->certificates > 0 && demo->tasks > 0);

    // The previous release's setup, in one transaction as that setup ran.
    const QString prologue = fixture(QStringLiteral("prologue.sql"));
    const QString rules = fixture(QStringLiteral("security.sql"));
    QVERIFY2(!prologue.isEmpty() && !rules.isEmpty(), "tests/data/pgsql-previous is missing");
    QString database = m_db->pgName();
    database.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    QString previous = prologue + QLatin1Char('\n') + rules;
    previous.replace(QLatin1String("{{DATABASE}}"), QLatin1Char('"') + database + QLatin1Char('"'));
    previous = ServerSetup::fillRoles(previous, m_roles);
    {
        QSqlDatabase db = m_db->db().connection();
        Transaction tx(db);
        QVERIFY(tx.isActive());
        QString error;
        const QStringList statements = ServerSetup::splitScript(previous);
        for (const QString &statement : statements) {
            Sql::run(db, statement, {}, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1Char('\n') + statement.left(300)));
        }
        Sql::run(db,
                 QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                                "('server.login-prefix', ?, now())"),
                 {m_prefix}, &error);
        Sql::run(db, QStringLiteral("RESET ROLE"), {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(tx.commit());
    }

    // Logins as that release made them: the admin, a learner with a
    // certificate waiting for review, and one of its reviewers (not its
    // uploader: four eyes).
    QSqlDatabase su = m_db->db().connection();
    QString error;
    QSqlQuery q = Sql::run(su,
                           QStringLiteral("SELECT c.owner_id, r.reviewer_id, t.id, c.id FROM "
                                          "validation_tasks t JOIN certificates c ON c.id = "
                                          "t.certificate_id JOIN task_reviewers r ON r.task_id = "
                                          "t.id WHERE t.state = 'open' AND r.reviewer_id <> "
                                          "COALESCE(c.uploader_id, c.owner_id) AND r.reviewer_id "
                                          "<> c.owner_id ORDER BY t.id, r.reviewer_id LIMIT 1"),
                           {}, &error);
    QVERIFY2(q.next(), qPrintable(error));
    const Id learner = q.value(0).toLongLong();
    const Id reviewer = q.value(1).toLongLong();
    const Id task = q.value(2).toLongLong();
    const Id pending = q.value(3).toLongLong();
    q.finish();
    q = Sql::run(su, QStringLiteral("SELECT id FROM users WHERE email = ?"),
                 {DemoData::adminEmail()}, &error);
    QVERIFY2(q.next(), qPrintable(error));
    const Id admin = q.value(0).toLongLong();
    q.finish();
    QString learnerLogin, reviewerLogin, adminLogin;
    QVERIFY(previousLogin(learner, &learnerLogin));
    QVERIFY(previousLogin(reviewer, &reviewerLogin));
    QVERIFY(previousLogin(admin, &adminLogin));

    // Rows written by members under the previous rules: the reviewer reads
    // the request (a column grant on notifications), the learner reads the
    // table the old way (SELECT under row-level security).
    {
        QString e;
        auto r = m_db->openAs(reviewerLogin, kPassword, &e);
        // Today's CertDesk does not work on the old rules: it says why.
        QVERIFY(!r);
        QVERIFY2(e.contains(QLatin1String("older CertDesk")), qPrintable(e));
    }
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                     QStringLiteral("previous-release-reviewer"));
        const QUrl url(m_db->location());
        old.setHostName(url.host());
        old.setPort(url.port(5432));
        old.setDatabaseName(m_db->pgName());
        old.setUserName(reviewerLogin);
        old.setPassword(kPassword);
        QVERIFY2(old.open(), qPrintable(old.lastError().text()));
        QSqlQuery w = Sql::run(old,
                               QStringLiteral("UPDATE notifications SET read_at = now() WHERE "
                                              "recipient_id = ? AND task_id = ? AND read_at IS "
                                              "NULL RETURNING id"),
                               {reviewer, task}, &error);
        QVERIFY2(error.isEmpty() && w.next(), qPrintable(error));
        w = Sql::run(old, QStringLiteral("SELECT count(*) FROM certificates"), {}, &error);
        QVERIFY2(w.next(), qPrintable(error));
        QVERIFY(w.value(0).toInt() > 0);
        w.finish();
        old.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("previous-release-reviewer"));

    const QMap<QString, TableDigest> before = snapshot();
    q = Sql::run(su, QStringLiteral("SELECT COALESCE(max(id), 0) FROM audit_log"), {}, &error);
    QVERIFY2(q.next(), qPrintable(error));
    const qint64 lastAudit = q.value(0).toLongLong();
    q.finish();
    QVERIFY(before.size() >= 14);
    QVERIFY(before.value(QStringLiteral("certificates")).rows >= demo->certificates);

    // Today's setup, as the README says to run it after an upgrade.
    const auto report = ServerSetup::run(m_db->db(), ServerSetupOptions());
    QVERIFY2(report, qPrintable(report.message()));
    QCOMPARE(report->loginPrefix, m_prefix);
    QCOMPARE(report->schemaAfter, Database::latestSchemaVersion());
    QCOMPARE(report->loginsUpdated, 3);

    // Besides the rows it had, the database has only the record of the
    // settings setup wrote.
    q = Sql::run(su,
                 QStringLiteral("SELECT action, subject_type, details FROM audit_log WHERE id > ? "
                                "ORDER BY id"),
                 {lastAudit}, &error);
    while (q.next()) {
        const QString details = q.value(2).toString();
        const bool newSetting =
            std::any_of(kNewSettings.cbegin(), kNewSettings.cend(),
                        [&](const QString &key) { return details.contains(key); });
        QVERIFY2(q.value(1).toString() == QLatin1String("setting") && newSetting,
                 qPrintable(q.value(0).toString() + QLatin1Char(' ') + details));
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    q.finish();
    const QMap<QString, TableDigest> after = snapshot(lastAudit);
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const TableDigest now = after.value(it.key());
        qInfo("%-22s %7lld rows before, %7lld after: %s", qPrintable(it.key()), it->rows, now.rows,
              now == *it ? "unchanged" : "CHANGED");
        QVERIFY2(now == *it, qPrintable(it.key()));
    }

    // The new rules: no table grant where rows are hidden.
    q = Sql::run(su,
                 QStringLiteral("SELECT has_table_privilege(?, 'certificates', 'SELECT'), "
                                "has_table_privilege(?, 'audit_log', 'INSERT')"),
                 {m_roles.member, m_roles.member}, &error);
    QVERIFY2(q.next(), qPrintable(error));
    QVERIFY(!q.value(0).toBool());
    QVERIFY(!q.value(1).toBool());
    q.finish();

    // Every login made by the previous release works with today's CertDesk,
    // with the limits of today's setup.
    q = Sql::run(su,
                 QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN (?, ?, ?) AND "
                                "rolcanlogin AND rolconnlimit = ?"),
                 {learnerLogin, reviewerLogin, adminLogin, ServerSetup::DefaultConnectionLimit},
                 &error);
    QVERIFY2(q.next(), qPrintable(error));
    QCOMPARE(q.value(0).toInt(), 3);
    q.finish();

    auto l = m_db->openAs(learnerLogin, kPassword, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->serverUserId(), learner);
    q = Sql::run(su, QStringLiteral("SELECT count(*) FROM certificates WHERE owner_id = ?"),
                 {learner}, &error);
    QVERIFY2(q.next(), qPrintable(error));
    const int owned = q.value(0).toInt();
    q.finish();
    const auto mine = CertificateService(*l).certificatesOf(learner, learner, {}, 1000);
    QVERIFY2(mine, qPrintable(mine.message()));
    QCOMPARE(int(mine->size()), owned);
    QVERIFY(CertificateService(*l).pdf(learner, pending));

    auto r = m_db->openAs(reviewerLogin, kPassword, &error);
    QVERIFY2(r, qPrintable(error));
    const auto inbox = NotificationService(*r).notifications(reviewer, false, 0, 1000);
    QVERIFY2(inbox, qPrintable(inbox.message()));
    bool readBefore = false;
    for (const Notification &n : inbox.value())
        readBefore = readBefore || (n.taskId == task && n.read);
    QVERIFY(readBefore);
    const auto open = ReviewService(*r).tasks(reviewer, true);
    QVERIFY2(open, qPrintable(open.message()));
    bool listed = false;
    for (const ValidationTask &t : open.value())
        listed = listed || t.id == task;
    QVERIFY(listed);
    ReviewDecision validate;
    validate.taskId = task;
    validate.validate = true;
    const auto decided = ReviewService(*r).review(reviewer, validate);
    QVERIFY2(decided, qPrintable(decided.message()));
    QCOMPARE(decided->certificate.status, CertificateStatus::Validated);
    const auto history = CertificateService(*l).history(learner, pending);
    QVERIFY2(history, qPrintable(history.message()));
    QCOMPARE(history->constLast().action, QStringLiteral("certificate.validate"));

    // A person added now gets today's login, limits included.
    auto a = m_db->openAs(adminLogin, kPassword, &error);
    QVERIFY2(a, qPrintable(error));
    NewUser nu;
    nu.email = QStringLiteral("after-upgrade@demo.example");
    nu.name = QStringLiteral("After Upgrade");
    nu.password = kPassword;
    const auto added = DirectoryService(*a).addUser(admin, nu);
    QVERIFY2(added, qPrintable(added.message()));
    auto n = m_db->openAs(m_prefix + nu.email, kPassword, &error);
    QVERIFY2(n, qPrintable(error));
    QCOMPARE(n->serverUserId(), added->id);
}

QTEST_MAIN(TestServerUpgrade)
#include "tst_server_upgrade.moc"
