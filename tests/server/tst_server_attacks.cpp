// Attack tests (README "What the server guarantees"): a learner, a manager, a coach and a group
// admin, each logged in with their own PostgreSQL login, try with plain SQL
// to read, write and delete across every boundary, to escalate and to go
// around the rules. Every attempt must be refused by the server or see and
// touch zero rows; the test prints each attempt and its outcome.
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/ReviewService.h"
#include "services/ServerSetup.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {
const QString kPassword = QStringLiteral("attack-pw-1");

struct Attempt
{
    QString what; // in words, for the report
    QString sql;
    QVariantList values;
};
} // namespace

class TestServerAttacks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void controls_eachSeesTheirOwn();
    void attacks_allRefused_data();
    void attacks_allRefused();
    // The attack classes of a hostile colleague with plain SQL: each one
    // prints what it tried and what the server answered.
    void sideChannels_tables_data();
    void sideChannels_tables();
    void sideChannels_api_data();
    void sideChannels_api();
    void pdfByHash_refused();
    void forgedMessages_refused();
    void forgedHistory_refused();
    void writesAroundTheRules_refused();
    void blobs_refused();
    void largeObjects_refused();
    void enrolment_refused();
    void lockOut_refused();
    void loginSquatting_refused();
    void flooding_refused();
    void lifecycle_refused();
    void sameFileHolders_scoped();

private:
    std::unique_ptr<Database> login(const QString &email);
    Id addUser(Database &admin, const QString &email, const QString &manager,
               const QList<QPair<QString, Role>> &groups);
    Id importFor(const QString &email, Id owner, const QString &name, Id *task,
                 const QByteArray &pdf = QByteArray());
    QList<Attempt> attempts(const QString &attacker) const;
    // Runs sql as email in a transaction that is rolled back: the error
    // (empty when it ran) and the first value of the first row.
    QString tryAs(const QString &email, const QString &sql, const QVariantList &values,
                  QVariant *first = nullptr);
    Id secondRejected(); // lin's second certificate, rejected by mgr
    QString report(const QString &what, const QString &outcome);

    std::unique_ptr<TestDatabase> m_db;
    QString m_prefix;
    QHash<QString, Id> m_ids;   // email -> user id
    QHash<QString, Id> m_own;   // attacker -> their own pending certificate
    QHash<QString, Id> m_tasks; // attacker -> the task of their own certificate
    Id m_victim = 0;            // a certificate of someone in nobody's scope but Engineering's
    Id m_victimTask = 0;
    QString m_victimSha;
    Id m_platformGroup = 0;
    int m_pdfs = 0;
    Id m_victimEmail = 0; // the victim's reviewer's email in the outbox
    Id m_rejected = 0;
};

std::unique_ptr<Database> TestServerAttacks::login(const QString &email)
{
    QString error;
    auto db = m_db->openAs(m_prefix + email, kPassword, &error);
    if (!db)
        qWarning("cannot connect as %s: %s", qPrintable(email), qPrintable(error));
    return db;
}

Id TestServerAttacks::addUser(Database &admin, const QString &email, const QString &manager,
                              const QList<QPair<QString, Role>> &groups)
{
    NewUser nu;
    nu.email = email;
    nu.name = email.section(QLatin1Char('@'), 0, 0);
    nu.managerEmail = manager;
    nu.password = kPassword;
    nu.memberships = groups;
    const auto u = DirectoryService(admin).addUser(admin.serverUserId(), nu);
    if (!u)
        qWarning("user add %s: %s", qPrintable(email), qPrintable(u.message()));
    return u ? u->id : 0;
}

Id TestServerAttacks::importFor(const QString &email, Id owner, const QString &name, Id *task,
                                const QByteArray &pdf)
{
    auto db = login(email);
    if (!db)
        return 0;
    CertificatePdfContent content;
    content.title = name;
    content.holder = email;
    content.issuer = QStringLiteral("Attack Academy");
    content.delivered = QDate::currentDate().addDays(-5);
    content.reference = QStringLiteral("A-%1").arg(++m_pdfs);
    ImportRequest request;
    request.ownerId = owner;
    request.pdf = pdf.isEmpty() ? CertificatePdf::render(content) : pdf;
    request.name = name;
    request.delivered = content.delivered;
    const auto imported = CertificateService(*db).importCertificate(db->serverUserId(), request);
    if (!imported) {
        qWarning("import by %s: %s", qPrintable(email), qPrintable(imported.message()));
        return 0;
    }
    *task = imported->taskId;
    return imported->certificate.id;
}

void TestServerAttacks::initTestCase()
{
    CERTDESK_REQUIRE_SERVER();
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_prefix = m_db->pgName() + QLatin1Char('_');
    ServerSetupOptions options;
    options.adminEmail = QStringLiteral("root@example.org");
    options.adminName = QStringLiteral("Root");
    options.adminPassword = kPassword;
    options.loginPrefix = m_prefix;
    const auto setup = ServerSetup::run(m_db->db(), options);
    QVERIFY2(setup, qPrintable(setup.message()));
    m_ids.insert(QStringLiteral("root@example.org"), setup->admin->id);

    auto root = login(QStringLiteral("root@example.org"));
    QVERIFY(root);
    const Id rootId = root->serverUserId();
    SettingsService settings(*root);
    QVERIFY(settings.set(rootId, QStringLiteral("import.enabled"), QStringLiteral("on")));
    QVERIFY(settings.set(rootId, QStringLiteral("validation.required"), QStringLiteral("on")));
    QVERIFY(
        settings.set(rootId, QStringLiteral("validation.reviewers"), QStringLiteral("managers")));
    DirectoryService directory(*root);
    QVERIFY(directory.addGroup(rootId, QStringLiteral("Sales"), QString()));
    QVERIFY(directory.addGroup(rootId, QStringLiteral("Engineering"), QString()));
    m_platformGroup = directory.groupByName(QStringLiteral("Platform"))->id;
    const QString sales = QStringLiteral("Sales");
    const QString eng = QStringLiteral("Engineering");
    const struct
    {
        QString email, manager, group;
        Role role;
    } people[] = {
        {QStringLiteral("sa@example.org"), QString(), sales, Role::Admin},
        {QStringLiteral("coach@example.org"), QString(), sales, Role::Coach},
        {QStringLiteral("mgr@example.org"), QString(), sales, Role::Learner},
        {QStringLiteral("lin@example.org"), QStringLiteral("mgr@example.org"), sales,
         Role::Learner},
        {QStringLiteral("eadmin@example.org"), QString(), eng, Role::Admin},
        {QStringLiteral("other@example.org"), QString(), eng, Role::Learner},
    };
    for (const auto &p : people) {
        const Id id = addUser(*root, p.email, p.manager, {{p.group, p.role}});
        QVERIFY(id > 0);
        m_ids.insert(p.email, id);
    }
    // A second platform admin who is also a learner in Sales.
    const Id plat2 = addUser(*root, QStringLiteral("plat2@example.org"), QString(),
                             {{QStringLiteral("Platform"), Role::Admin}, {sales, Role::Learner}});
    QVERIFY(plat2 > 0);
    m_ids.insert(QStringLiteral("plat2@example.org"), plat2);
    // The victim: Engineering's learner, reviewed by Engineering's admin.
    const QString other = QStringLiteral("other@example.org");
    m_victim = importFor(other, m_ids.value(other), QStringLiteral("Victim"), &m_victimTask);
    QVERIFY(m_victim > 0 && m_victimTask > 0);
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT pdf_sha256 FROM certificates WHERE id = ?"),
                           {m_victim}, nullptr);
    QVERIFY(q.next());
    m_victimSha = q.value(0).toString();
    q = Sql::run(m_db->db().connection(),
                 QStringLiteral("SELECT e.id FROM email_outbox e JOIN notifications n ON n.id = "
                                "e.notification_id WHERE n.task_id = ?"),
                 {m_victimTask}, nullptr);
    QVERIFY(q.next());
    m_victimEmail = q.value(0).toLongLong();
    // Each attacker has a pending certificate of their own, with its task.
    for (const QString &attacker :
         {QStringLiteral("lin@example.org"), QStringLiteral("mgr@example.org"),
          QStringLiteral("coach@example.org"), QStringLiteral("sa@example.org")}) {
        Id task = 0;
        const Id own = importFor(attacker, m_ids.value(attacker), QStringLiteral("Own"), &task);
        QVERIFY2(own > 0 && task > 0, qPrintable(attacker));
        m_own.insert(attacker, own);
        m_tasks.insert(attacker, task);
    }
}

void TestServerAttacks::cleanupTestCase()
{
    m_db.reset();
}

void TestServerAttacks::controls_eachSeesTheirOwn()
{
    // The attacks below would "pass" on a dead connection: first, each
    // attacker reads what is theirs, and the group admin their scope.
    for (auto it = m_own.cbegin(); it != m_own.cend(); ++it) {
        auto db = login(it.key());
        QVERIFY(db);
        QString error;
        QSqlQuery q =
            Sql::run(db->connection(), QStringLiteral("SELECT COUNT(*) FROM cd_api.certificate(?)"),
                     {it.value()}, &error);
        QVERIFY2(error.isEmpty() && q.next() && q.value(0).toInt() == 1, qPrintable(it.key()));
    }
    auto sa = login(QStringLiteral("sa@example.org"));
    QString error;
    QSqlQuery q = Sql::run(sa->connection(),
                           QStringLiteral("SELECT COUNT(*) FROM cd_api.certificates_of(?, NULL, "
                                          "0, 100)"),
                           {m_ids.value(QStringLiteral("lin@example.org"))}, &error);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

QList<Attempt> TestServerAttacks::attempts(const QString &attacker) const
{
    const Id me = m_ids.value(attacker);
    const Id other = m_ids.value(QStringLiteral("other@example.org"));
    const Id eadmin = m_ids.value(QStringLiteral("eadmin@example.org"));
    const Id own = m_own.value(attacker);
    const Id ownTask = m_tasks.value(attacker);
    const QByteArray fake("%PDF-1.4 not what its hash says");
    return {
        // Reading across the boundary (R5).
        {QStringLiteral("read another's certificate"),
         QStringLiteral("SELECT * FROM certificates WHERE id = ?"),
         {m_victim}},
        {QStringLiteral("read every certificate of Engineering"),
         QStringLiteral("SELECT * FROM certificates WHERE owner_id = ?"),
         {other}},
        {QStringLiteral("read another's PDF by its hash"),
         QStringLiteral("SELECT data FROM pdf_blobs WHERE sha256 = ?"),
         {m_victimSha}},
        {QStringLiteral("read another's validation task"),
         QStringLiteral("SELECT * FROM validation_tasks WHERE id = ?"),
         {m_victimTask}},
        {QStringLiteral("read who reviews another's task"),
         QStringLiteral("SELECT * FROM task_reviewers WHERE task_id = ?"),
         {m_victimTask}},
        {QStringLiteral("read others' notifications"),
         QStringLiteral("SELECT * FROM notifications WHERE recipient_id <> ?"),
         {me}},
        {QStringLiteral("read the email outbox"), QStringLiteral("SELECT * FROM email_outbox"), {}},
        {QStringLiteral("read password hashes"),
         QStringLiteral("SELECT * FROM user_credentials"),
         {}},
        {QStringLiteral("read another certificate's history"),
         QStringLiteral("SELECT * FROM audit_log WHERE subject_type = 'certificate' AND "
                        "subject_id = ?"),
         {m_victim}},
        {QStringLiteral("read the settings' audit"),
         QStringLiteral("SELECT * FROM audit_log WHERE subject_type = 'setting'"),
         {}},
        {QStringLiteral("read the upload bookkeeping"),
         QStringLiteral("SELECT * FROM cd_uploads"),
         {}},
        {QStringLiteral("copy another's certificates out"),
         QStringLiteral("SELECT * FROM certificates c JOIN pdf_blobs b ON b.sha256 = "
                        "c.pdf_sha256 WHERE c.owner_id = ?"),
         {other}},
        // Writing across the boundary (R1-R4, R8, R9).
        {QStringLiteral("import for someone out of scope"),
         QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                        "delivered_on, status, pdf_sha256, created_at, updated_at) VALUES "
                        "('external', ?, ?, 'Forged', CURRENT_DATE, 'pending', ?, now(), now())"),
         {other, me, m_victimSha}},
        {QStringLiteral("import as accepted while validation is required"),
         QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                        "delivered_on, status, pdf_sha256, created_at, updated_at) VALUES "
                        "('external', ?, ?, 'Skip review', CURRENT_DATE, 'accepted', ?, now(), "
                        "now())"),
         {me, me, m_victimSha}},
        {QStringLiteral("record an internal certificate"),
         QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                        "delivered_on, status, created_at, updated_at) VALUES ('internal', ?, ?, "
                        "'Granted', CURRENT_DATE, 'accepted', now(), now())"),
         {me, me}},
        {QStringLiteral("set one's own certificate validated"),
         QStringLiteral("UPDATE certificates SET status = 'validated', version = version + 1 "
                        "WHERE id = ?"),
         {own}},
        {QStringLiteral("rename another's certificate"),
         QStringLiteral("UPDATE certificates SET name = 'Hacked', version = version + 1 WHERE id "
                        "= ?"),
         {m_victim}},
        {QStringLiteral("give one's certificate to someone else"),
         QStringLiteral("UPDATE certificates SET owner_id = ? WHERE id = ?"),
         {other, own}},
        {QStringLiteral("delete one's certificate"),
         QStringLiteral("DELETE FROM certificates WHERE id = ?"),
         {own}},
        {QStringLiteral("store a PDF under a false hash"),
         QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                        "created_at) VALUES (?, ?, 1, ?, now())"),
         {QString(64, QLatin1Char('b')), qint64(fake.size()), fake}},
        {QStringLiteral("replace another's PDF"),
         QStringLiteral("UPDATE pdf_blobs SET data = ? WHERE sha256 = ?"),
         {fake, m_victimSha}},
        {QStringLiteral("validate a task one does not review"),
         QStringLiteral("UPDATE validation_tasks SET state = 'validated', version = version + 1, "
                        "decided_by = ?, decided_at = now() WHERE id = ?"),
         {me, m_victimTask}},
        {QStringLiteral("validate the task of one's own certificate"),
         QStringLiteral("UPDATE validation_tasks SET state = 'validated', version = version + 1, "
                        "decided_by = ?, decided_at = now() WHERE id = ?"),
         {me, ownTask}},
        {QStringLiteral("open a task on another's certificate"),
         QStringLiteral("INSERT INTO validation_tasks (certificate_id, state, created_at) VALUES "
                        "(?, 'open', now())"),
         {m_victim}},
        {QStringLiteral("make oneself a reviewer of one's own task"),
         QStringLiteral("INSERT INTO task_reviewers (task_id, reviewer_id) VALUES (?, ?)"),
         {ownTask, me}},
        {QStringLiteral("change a platform setting"),
         QStringLiteral("UPDATE settings SET value = 'off' WHERE key = 'validation.required'"),
         {}},
        {QStringLiteral("add a setting"),
         QStringLiteral("INSERT INTO settings (key, value) VALUES ('evil', 'on')"),
         {}},
        {QStringLiteral("mark another's notifications read"),
         QStringLiteral("UPDATE notifications SET read_at = now() WHERE recipient_id = ?"),
         {eadmin}},
        {QStringLiteral("change the text of one's own notification"),
         QStringLiteral("UPDATE notifications SET comment = 'forged' WHERE recipient_id = ?"),
         {me}},
        {QStringLiteral("write a notification directly"),
         QStringLiteral("INSERT INTO notifications (recipient_id, category, created_at) VALUES "
                        "(?, 'certificate-validated', now())"),
         {other}},
        {QStringLiteral("notify an outcome through the server's function"),
         QStringLiteral("SELECT cd_api.notify(?, 'certificate-validated', ?, ?)"),
         {other, m_victim, m_victimTask}},
        {QStringLiteral("notify with one's own text (the former function)"),
         QStringLiteral("SELECT cd_notify(?, 'certificate-validated', ?, ?, '', 's', 'b')"),
         {other, m_victim, m_victimTask}},
        {QStringLiteral("delete notifications"), QStringLiteral("DELETE FROM notifications"), {}},
        {QStringLiteral("redirect an email"),
         QStringLiteral("UPDATE email_outbox SET recipient_email = 'evil@example.org'"),
         {}},
        {QStringLiteral("queue an email"),
         QStringLiteral("INSERT INTO email_outbox (recipient_email, subject, body, "
                        "next_attempt_at, created_at) VALUES ('evil@example.org', 's', 'b', "
                        "now(), now())"),
         {}},
        {QStringLiteral("write a false audit entry"),
         QStringLiteral("INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id) "
                        "VALUES (now(), ?, 'certificate.validate', 'certificate', ?)"),
         {me, m_victim}},
        {QStringLiteral("write an audit entry in someone else's name"),
         QStringLiteral("INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id) "
                        "VALUES (now(), ?, 'certificate.import', 'certificate', ?)"),
         {other, own}},
        {QStringLiteral("edit the audit log"),
         QStringLiteral("UPDATE audit_log SET action = 'x'"),
         {}},
        {QStringLiteral("delete the audit log"), QStringLiteral("DELETE FROM audit_log"), {}},
        {QStringLiteral("change one's email (and so one's login mapping)"),
         QStringLiteral("UPDATE users SET email = 'root2@example.org' WHERE id = ?"),
         {me}},
        {QStringLiteral("take over another login"),
         QStringLiteral("UPDATE users SET db_login = current_user WHERE id = ?"),
         {other}},
        {QStringLiteral("delete a user out of one's groups"),
         QStringLiteral("UPDATE users SET deleted = TRUE WHERE id = ?"),
         {other}},
        {QStringLiteral("become a platform admin"),
         QStringLiteral("INSERT INTO memberships (user_id, group_id, role) VALUES (?, ?, "
                        "'admin')"),
         {me, m_platformGroup}},
        {QStringLiteral("add a group under the platform group"),
         QStringLiteral("INSERT INTO groups (name, parent_id, created_at) VALUES ('Evil', ?, "
                        "now())"),
         {m_platformGroup}},
        {QStringLiteral("add a template"),
         QStringLiteral("INSERT INTO certificate_templates (name, created_at) VALUES ('Evil', "
                        "now())"),
         {}},
        // Escalating.
        {QStringLiteral("become the schema owner"),
         QStringLiteral("SET ROLE \"%1owner\"").arg(m_db->pgName() + QLatin1Char('_')),
         {}},
        {QStringLiteral("become the superuser"), QStringLiteral("SET ROLE postgres"), {}},
        {QStringLiteral("become another person"),
         QStringLiteral("SET SESSION AUTHORIZATION \"%1\"")
             .arg(m_prefix + QStringLiteral("root@example.org")),
         {}},
        {QStringLiteral("create a table"), QStringLiteral("CREATE TABLE evil (x INT)"), {}},
        {QStringLiteral("create a temporary table"),
         QStringLiteral("CREATE TEMP TABLE evil (x INT)"),
         {}},
        {QStringLiteral("create a view that skips the policies"),
         QStringLiteral("CREATE VIEW evil AS SELECT * FROM certificates"),
         {}},
        {QStringLiteral("create a function"),
         QStringLiteral("CREATE FUNCTION evil() RETURNS INT LANGUAGE sql AS 'SELECT 1'"),
         {}},
        {QStringLiteral("switch row-level security off"),
         QStringLiteral("ALTER TABLE certificates DISABLE ROW LEVEL SECURITY"),
         {}},
        {QStringLiteral("drop a policy"),
         QStringLiteral("DROP POLICY member_read ON certificates"),
         {}},
        {QStringLiteral("add a policy"),
         QStringLiteral("CREATE POLICY evil ON certificates FOR SELECT USING (TRUE)"),
         {}},
        {QStringLiteral("drop a trigger"),
         QStringLiteral("DROP TRIGGER cd_check ON certificates"),
         {}},
        {QStringLiteral("grant oneself the password table"),
         QStringLiteral("GRANT SELECT ON user_credentials TO CURRENT_USER"),
         {}},
        {QStringLiteral("give oneself the right to create roles"),
         QStringLiteral("ALTER ROLE CURRENT_USER CREATEROLE"),
         {}},
        {QStringLiteral("create a login through the server's function"),
         QStringLiteral("SELECT cd_api.create_login(?, 'x')"),
         {other}},
        {QStringLiteral("re-enable or disable a login through the server's function"),
         QStringLiteral("SELECT cd_api.sync_login(?)"),
         {other}},
        {QStringLiteral("write the upload bookkeeping"),
         QStringLiteral("INSERT INTO cd_uploads (sha256, xact) VALUES (?, pg_current_xact_id())"),
         {m_victimSha}},
        {QStringLiteral("read a PDF by claiming its upload in this transaction"),
         QStringLiteral("SELECT data FROM pdf_blobs WHERE sha256 = ? AND cd_uploaded_now(?)"),
         {m_victimSha, m_victimSha}},
    };
}

void TestServerAttacks::attacks_allRefused_data()
{
    QTest::addColumn<QString>("attacker");
    for (const QString &attacker :
         {QStringLiteral("lin@example.org"), QStringLiteral("mgr@example.org"),
          QStringLiteral("coach@example.org"), QStringLiteral("sa@example.org")})
        QTest::newRow(qPrintable(attacker)) << attacker;
}

void TestServerAttacks::attacks_allRefused()
{
    QFETCH(QString, attacker);
    auto db = login(attacker);
    QVERIFY(db);
    QSqlDatabase connection = db->connection();
    const QList<Attempt> list = attempts(attacker);
    QVERIFY(list.size() >= 50);
    QStringList leaks;
    int refused = 0;
    for (const Attempt &a : list) {
        QVERIFY(connection.transaction());
        QString error;
        QSqlQuery q = Sql::run(connection, a.sql, a.values, &error);
        QString outcome;
        if (!error.isEmpty()) {
            ++refused;
            outcome = QStringLiteral("refused: ") + error.section(QLatin1Char('\n'), 0, 0);
        } else {
            int rows = 0;
            while (q.isSelect() && q.next())
                ++rows;
            const int touched = q.isSelect() ? rows : qMax(0, q.numRowsAffected());
            outcome = touched == 0 ? QStringLiteral("0 rows")
                                   : QStringLiteral("LEAK: %1 rows").arg(touched);
            // A function that answers false is not a leak: it returned a row.
            if (touched > 0 && q.isSelect() && q.first() &&
                q.value(0).metaType().id() == QMetaType::Bool && !q.value(0).toBool())
                outcome = QStringLiteral("refused: the function says no");
            if (outcome.startsWith(QLatin1String("LEAK")))
                leaks << a.what + QStringLiteral(": ") + outcome;
        }
        q.finish();
        connection.rollback();
        qInfo("%-20s %-58s -> %s", qPrintable(attacker), qPrintable(a.what), qPrintable(outcome));
    }
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    QVERIFY2(refused > 30, "most attempts are refused outright, not merely empty");
}

QString TestServerAttacks::report(const QString &what, const QString &outcome)
{
    qInfo("%-70s -> %s", qPrintable(what), qPrintable(outcome));
    return outcome;
}

// EXPLAIN takes no parameters (the driver prepares a statement): the probe's
// values written into its text as literals, as an attacker would in psql.
static QString inlined(const QString &sql, const QVariantList &values)
{
    QString out;
    int next = 0;
    for (const QChar c : sql) {
        if (c != QLatin1Char('?') || next >= values.size()) {
            out += c;
            continue;
        }
        const QVariant &v = values.at(next++);
        if (v.typeId() == QMetaType::QString)
            out += QLatin1Char('\'') +
                   v.toString().replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\'');
        else
            out += v.toString();
    }
    return out;
}

QString TestServerAttacks::tryAs(const QString &email, const QString &sql,
                                 const QVariantList &values, QVariant *first)
{
    auto db = login(email);
    if (!db)
        return QStringLiteral("no connection");
    QSqlDatabase connection = db->connection();
    connection.transaction();
    QString error;
    const bool explain = sql.startsWith(QLatin1String("EXPLAIN"));
    QSqlQuery q = Sql::run(connection, explain ? inlined(sql, values) : sql,
                           explain ? QVariantList() : values, &error);
    if (error.isEmpty() && first && q.isSelect() && q.next())
        *first = q.value(0);
    q.finish();
    connection.rollback();
    return error.section(QLatin1Char('\n'), 0, 0);
}

Id TestServerAttacks::secondRejected()
{
    if (m_rejected)
        return m_rejected;
    const QString lin = QStringLiteral("lin@example.org");
    Id task = 0;
    const Id id = importFor(lin, m_ids.value(lin), QStringLiteral("Second"), &task);
    auto mgr = login(QStringLiteral("mgr@example.org"));
    if (!id || !mgr)
        return 0;
    ReviewDecision decision;
    decision.taskId = task;
    decision.validate = false;
    decision.comment = QStringLiteral("Unreadable");
    const auto done = ReviewService(*mgr).review(mgr->serverUserId(), decision);
    if (!done)
        qWarning("reject: %s", qPrintable(done.message()));
    m_rejected = done ? id : 0;
    return m_rejected;
}

// Members hold no privilege on a table with hidden rows: EXPLAIN (ANALYZE),
// an erroring expression and pg_sleep are refused before anything runs, with
// the same words for a real row and a missing one.
void TestServerAttacks::sideChannels_tables_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("real");
    QTest::addColumn<QVariant>("missing");
    const QString otherSha = QString(64, QLatin1Char('c'));
    QTest::newRow("certificates") << QStringLiteral("certificates") << QStringLiteral("id")
                                  << QVariant(m_victim) << QVariant(qint64(987654321));
    QTest::newRow("pdf_blobs") << QStringLiteral("pdf_blobs") << QStringLiteral("sha256")
                               << QVariant(m_victimSha) << QVariant(otherSha);
    QTest::newRow("validation_tasks") << QStringLiteral("validation_tasks") << QStringLiteral("id")
                                      << QVariant(m_victimTask) << QVariant(qint64(987654321));
    QTest::newRow("task_reviewers") << QStringLiteral("task_reviewers") << QStringLiteral("task_id")
                                    << QVariant(m_victimTask) << QVariant(qint64(987654321));
    QTest::newRow("notifications") << QStringLiteral("notifications") << QStringLiteral("task_id")
                                   << QVariant(m_victimTask) << QVariant(qint64(987654321));
    QTest::newRow("email_outbox") << QStringLiteral("email_outbox") << QStringLiteral("id")
                                  << QVariant(m_victimEmail) << QVariant(qint64(987654321));
    QTest::newRow("audit_log") << QStringLiteral("audit_log") << QStringLiteral("subject_id")
                               << QVariant(m_victim) << QVariant(qint64(987654321));
    QTest::newRow("user_credentials")
        << QStringLiteral("user_credentials") << QStringLiteral("user_id")
        << QVariant(m_ids.value(QStringLiteral("other@example.org")))
        << QVariant(qint64(987654321));
    QTest::newRow("cd_uploads") << QStringLiteral("cd_uploads") << QStringLiteral("sha256")
                                << QVariant(m_victimSha) << QVariant(otherSha);
}

void TestServerAttacks::sideChannels_tables()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QVariant, real);
    QFETCH(QVariant, missing);
    const QString lin = QStringLiteral("lin@example.org");
    const struct
    {
        const char *what;
        QString sql;
    } probes[] = {
        {"EXPLAIN (ANALYZE) loop counts",
         QStringLiteral("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT 1 FROM %1 "
                        "WHERE %2 = ?")},
        {"an erroring expression",
         QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? AND 1 / floor(random())::int = 0")},
        {"timing (pg_sleep)",
         QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? AND pg_sleep(1) IS NOT NULL")},
    };
    for (const auto &probe : probes) {
        const QString sql = probe.sql.arg(table, column);
        QElapsedTimer timer;
        timer.start();
        const QString onReal = tryAs(lin, sql, {real});
        const qint64 realMs = timer.restart();
        const QString onMissing = tryAs(lin, sql, {missing});
        const qint64 missingMs = timer.elapsed();
        report(QStringLiteral("%1: %2, real row vs missing").arg(table, QLatin1String(probe.what)),
               QStringLiteral("%1 (%2 ms) | %3 (%4 ms)")
                   .arg(onReal)
                   .arg(realMs)
                   .arg(onMissing)
                   .arg(missingMs));
        QVERIFY2(onReal.contains(QLatin1String("permission denied")), qPrintable(onReal));
        QCOMPARE(onReal, onMissing);
        // Refused before it ran: no second of sleep on either row.
        QVERIFY2(realMs < 900 && missingMs < 900, "the sleep never runs");
    }
}

// Through the server's API, the caller's conditions see only the rows a
// function returned: a hidden row and a missing one give the same plan, no
// error, no side effect of the caller's expression and no sleep; someone who
// may see the row (the control) gets all four.
void TestServerAttacks::sideChannels_api_data()
{
    QTest::addColumn<QString>("sql"); // a query of the API with one placeholder
    QTest::addColumn<QVariant>("hidden");
    QTest::addColumn<QVariant>("missing");
    QTest::addColumn<QString>("control"); // a login that may see it
    const QString eadmin = QStringLiteral("eadmin@example.org");
    const QString root = QStringLiteral("root@example.org");
    const QVariant noId(qint64(987654321));
    const Id other = m_ids.value(QStringLiteral("other@example.org"));
    QTest::newRow("certificate") << QStringLiteral("SELECT id FROM cd_api.certificate(?) x")
                                 << QVariant(m_victim) << noId << eadmin;
    QTest::newRow("pdf") << QStringLiteral("SELECT d FROM (SELECT cd_api.pdf(?) AS d OFFSET 0) x "
                                           "WHERE d IS NOT NULL")
                         << QVariant(m_victim) << noId << eadmin;
    QTest::newRow("history") << QStringLiteral("SELECT action FROM cd_api.history(?) x")
                             << QVariant(m_victim) << noId << eadmin;
    QTest::newRow("certificates_of")
        << QStringLiteral("SELECT id FROM cd_api.certificates_of(?, NULL, 0, 100) x")
        << QVariant(other) << noId << eadmin;
    QTest::newRow("certificate_list")
        << QStringLiteral("SELECT id FROM cd_api.certificate_list(?, '{}', CURRENT_DATE, "
                          "CURRENT_DATE + 30, NULL, 'expiry', NULL, NULL, 0, 100) x")
        << QVariant(other) << noId << eadmin;
    QTest::newRow("duplicate_of")
        << QStringLiteral("SELECT name FROM cd_api.duplicate_of(%1, ?, '') x").arg(other)
        << QVariant(m_victimSha) << QVariant(QString(64, QLatin1Char('d'))) << eadmin;
    QTest::newRow("certificate_counts")
        << QStringLiteral("SELECT n FROM cd_api.certificate_counts(ARRAY[CAST(? AS BIGINT)], "
                          "CURRENT_DATE, CURRENT_DATE + 30) x")
        << QVariant(other) << noId << eadmin;
    QTest::newRow("task") << QStringLiteral("SELECT task_id FROM cd_api.task(?) x")
                          << QVariant(m_victimTask) << noId << eadmin;
    QTest::newRow("task_routing") << QStringLiteral("SELECT owner_id FROM cd_api.task_routing(?) x")
                                  << QVariant(m_victimTask) << noId << eadmin;
    QTest::newRow("email") << QStringLiteral("SELECT id FROM cd_api.email(?) x")
                           << QVariant(m_victimEmail) << noId << root;
}

void TestServerAttacks::sideChannels_api()
{
    QFETCH(QString, sql);
    QFETCH(QVariant, hidden);
    QFETCH(QVariant, missing);
    QFETCH(QString, control);
    const QString where = sql.contains(QLatin1String(" WHERE ")) ? QStringLiteral(" AND ")
                                                                 : QStringLiteral(" WHERE ");
    const QString explain =
        QStringLiteral("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ") + sql;
    const QString erroring = sql + where + QStringLiteral("1 / floor(random())::int = 0");
    const QString sideEffect =
        QStringLiteral("SELECT count(*) FROM (") + sql + where +
        QStringLiteral("set_config('cd.probe', 'seen', true) IS NOT NULL) p");
    const QString sleeping = QStringLiteral("SELECT count(*) FROM (") + sql + where +
                             QStringLiteral("pg_sleep(1) IS NOT NULL) p");

    const auto planOf = [&](const QString &who, const QVariant &key) {
        auto db = login(who);
        QString error;
        QSqlQuery q = Sql::run(db->connection(), inlined(explain, {key}), {}, &error);
        QStringList lines;
        while (q.next())
            lines << q.value(0).toString();
        // The key's own literal is not what tells rows apart.
        const QString literal = QLatin1Char('\'') + key.toString() + QLatin1Char('\'');
        return error.isEmpty()
                   ? lines.join(QLatin1String(" / ")).replace(literal, QLatin1String("'?'"))
                   : error;
    };
    const auto seen = [&](const QString &who, const QVariant &key) {
        auto db = login(who);
        QSqlDatabase c = db->connection();
        c.transaction();
        QString error;
        Sql::run(c, sideEffect, {key}, &error);
        QSqlQuery q =
            Sql::run(c, QStringLiteral("SELECT current_setting('cd.probe', true)"), {}, &error);
        const bool was = q.next() && q.value(0).toString() == QLatin1String("seen");
        q.finish();
        c.rollback();
        return was;
    };
    const auto sleepMs = [&](const QString &who, const QVariant &key) {
        QElapsedTimer timer;
        timer.start();
        tryAs(who, sleeping, {key});
        return timer.elapsed();
    };

    for (const QString &attacker :
         {QStringLiteral("lin@example.org"), QStringLiteral("mgr@example.org"),
          QStringLiteral("coach@example.org"), QStringLiteral("sa@example.org")}) {
        const QString planHidden = planOf(attacker, hidden);
        const QString planMissing = planOf(attacker, missing);
        const QString errorHidden = tryAs(attacker, erroring, {hidden});
        const QString errorMissing = tryAs(attacker, erroring, {missing});
        const bool seenHidden = seen(attacker, hidden);
        const bool seenMissing = seen(attacker, missing);
        const qint64 sleptHidden = sleepMs(attacker, hidden);
        const qint64 sleptMissing = sleepMs(attacker, missing);
        report(
            QStringLiteral("%1 %2: EXPLAIN (ANALYZE)")
                .arg(attacker, QLatin1String(QTest::currentDataTag())),
            planHidden == planMissing
                ? QString(QStringLiteral("same plan for a hidden and a missing row: ") + planHidden)
                : QString(QStringLiteral("LEAK: ") + planHidden + QStringLiteral(" vs ") +
                          planMissing));
        report(QStringLiteral("%1 %2: erroring expression, side effect, pg_sleep")
                   .arg(attacker, QLatin1String(QTest::currentDataTag())),
               QStringLiteral("errors '%1' / '%2'; expression ran: %3 / %4; slept %5 / %6 ms")
                   .arg(errorHidden, errorMissing)
                   .arg(seenHidden ? QStringLiteral("yes") : QStringLiteral("no"),
                        seenMissing ? QStringLiteral("yes") : QStringLiteral("no"))
                   .arg(sleptHidden)
                   .arg(sleptMissing));
        QCOMPARE(planHidden, planMissing);
        QVERIFY2(errorHidden.isEmpty() && errorMissing.isEmpty(), qPrintable(errorHidden));
        QVERIFY(!seenHidden && !seenMissing);
        QVERIFY2(sleptHidden < 900 && sleptMissing < 900, "the caller's sleep never runs");
    }
    // The control: someone who may see the row gets it, so each probe works.
    QVERIFY2(planOf(control, hidden) != planOf(control, missing),
             qPrintable(planOf(control, hidden)));
    QVERIFY(tryAs(control, erroring, {hidden}).contains(QLatin1String("division by zero")));
    QVERIFY(seen(control, hidden));
    QVERIFY(sleepMs(control, hidden) >= 1000);
}

// A certificate names only a PDF uploaded with it or one of a certificate the
// writer may see: knowing a colleague's PDF hash is not enough to read it.
void TestServerAttacks::pdfByHash_refused()
{
    const QString lin = QStringLiteral("lin@example.org");
    const Id me = m_ids.value(lin);
    const QString importSql =
        QStringLiteral("SELECT cd_api.import_certificate(?, 'Stolen', CURRENT_DATE - 1, NULL, "
                       "NULL, NULL, 'pending', ?, NULL, NULL, NULL, NULL)");
    const QString onImport = tryAs(lin, importSql, {me, m_victimSha});
    report(QStringLiteral("import naming a colleague's PDF by its hash"), onImport);
    QVERIFY2(onImport.contains(QLatin1String("PDF")), qPrintable(onImport));

    const Id rejected = secondRejected();
    QVERIFY(rejected > 0);
    const QString resubmitSql = QStringLiteral(
        "SELECT cd_api.resubmit_certificate(?, version, name, delivered_on, NULL, NULL, NULL, "
        "'pending', ?, NULL, NULL, NULL) FROM cd_api.certificate(?)");
    const QString onResubmit = tryAs(lin, resubmitSql, {rejected, m_victimSha, rejected});
    report(QStringLiteral("resubmission naming a colleague's PDF by its hash"), onResubmit);
    QVERIFY2(onResubmit.contains(QLatin1String("PDF")), qPrintable(onResubmit));

    // Controls: one's own PDF again, and a new one stored in the same
    // transaction, are fine.
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT pdf_sha256 FROM certificates WHERE id = ?"),
                           {rejected}, nullptr);
    QVERIFY(q.next());
    const QString ownSha = q.value(0).toString();
    QVariant changed;
    QCOMPARE(tryAs(lin, resubmitSql, {rejected, ownSha, rejected}, &changed), QString());
    QCOMPARE(changed.toInt(), 1);
    QVariant id;
    QCOMPARE(tryAs(lin, importSql, {me, ownSha}, &id), QString());
    QVERIFY(id.toLongLong() > 0);
}

// Notifications and emails are the server's, from the event: no client text,
// one validation request per reviewer and task, one outcome per decision.
void TestServerAttacks::forgedMessages_refused()
{
    // The function takes no text at all.
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT pg_get_function_identity_arguments(p.oid) FROM "
                                          "pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                                          "WHERE n.nspname = 'cd_api' AND p.proname = 'notify'"),
                           {}, nullptr);
    QVERIFY(q.next());
    const QString arguments = q.value(0).toString();
    report(QStringLiteral("the arguments of cd_api.notify"), arguments);
    QVERIFY(!arguments.contains(QLatin1String("subject")) &&
            !arguments.contains(QLatin1String("body")) &&
            !arguments.contains(QLatin1String("note")));
    // What the server queued carries no text of a client's: the relay writes
    // it from the event.
    q = Sql::run(
        m_db->db().connection(),
        QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE subject <> '' OR body <> ''"), {},
        nullptr);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);

    // Flooding a reviewer: a second request for the same task in the
    // transaction that opened it.
    const QString lin = QStringLiteral("lin@example.org");
    auto db = login(lin);
    QSqlDatabase c = db->connection();
    QVERIFY(c.transaction());
    CertificatePdfContent content;
    content.title = QStringLiteral("Flood");
    content.holder = lin;
    content.issuer = QStringLiteral("Attack Academy");
    content.delivered = QDate::currentDate().addDays(-2);
    content.reference = QStringLiteral("F-1");
    const QByteArray pdf = CertificatePdf::render(content);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    QString error;
    Sql::run(c, QStringLiteral("SELECT cd_api.store_pdf(?, ?, 1, ?)"),
             {sha, qint64(pdf.size()), pdf}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    q = Sql::run(c,
                 QStringLiteral("SELECT cd_api.import_certificate(?, 'Flood', CURRENT_DATE - 2, "
                                "NULL, NULL, NULL, 'pending', ?, NULL, NULL, NULL, NULL)"),
                 {m_ids.value(lin), sha}, &error);
    QVERIFY2(error.isEmpty() && q.next(), qPrintable(error));
    const Id cert = q.value(0).toLongLong();
    q = Sql::run(c, QStringLiteral("SELECT cd_api.open_task(?)"), {cert}, &error);
    QVERIFY2(error.isEmpty() && q.next(), qPrintable(error));
    const Id task = q.value(0).toLongLong();
    const Id mgr = m_ids.value(QStringLiteral("mgr@example.org"));
    Sql::run(c, QStringLiteral("SELECT cd_api.add_reviewer(?, ?)"), {task, mgr}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString notify = QStringLiteral("SELECT cd_api.notify(?, 'validation-request', ?, ?)");
    Sql::run(c, notify, {mgr, cert, task}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Sql::run(c, QStringLiteral("SAVEPOINT again"), {}, &error);
    Sql::run(c, notify, {mgr, cert, task}, &error);
    report(QStringLiteral("a second validation request for the same task and reviewer"),
           error.section(QLatin1Char('\n'), 0, 0));
    QVERIFY2(error.contains(QLatin1String("one per reviewer")), qPrintable(error));
    Sql::run(c, QStringLiteral("ROLLBACK TO SAVEPOINT again"), {}, &error);
    // A request to someone who is not a reviewer of it.
    Sql::run(c, notify, {m_ids.value(QStringLiteral("other@example.org")), cert, task}, &error);
    report(QStringLiteral("a validation request to someone who does not review it"),
           error.section(QLatin1Char('\n'), 0, 0));
    QVERIFY(!error.isEmpty());
    c.rollback();

    // Outcome twice for one decision, as the reviewer.
    const Id rejected = secondRejected();
    QVERIFY(rejected > 0);
    q = Sql::run(m_db->db().connection(),
                 QStringLiteral("SELECT t.id FROM validation_tasks t WHERE t.certificate_id = ?"),
                 {rejected}, nullptr);
    QVERIFY(q.next());
    const Id decided = q.value(0).toLongLong();
    const QString again =
        tryAs(QStringLiteral("mgr@example.org"),
              QStringLiteral("SELECT cd_api.notify(?, 'certificate-rejected', ?, ?)"),
              {m_ids.value(lin), rejected, decided});
    report(QStringLiteral("the outcome of a decision sent again later"), again);
    QVERIFY(!again.isEmpty());
}

// The history is the server's: nobody writes an entry, every change comes
// with its entry, written by the server with the signed-in person as actor.
void TestServerAttacks::forgedHistory_refused()
{
    const QString lin = QStringLiteral("lin@example.org");
    for (const auto &[what, sql] : {
             std::pair{
                 "write a 'Validated' entry",
                 QStringLiteral("INSERT INTO audit_log (at, actor_id, action, subject_type, "
                                "subject_id) VALUES "
                                "(now(), cd_api.me(), 'certificate.validate', 'certificate', ?)")},
             std::pair{"write one through the server's own function",
                       QStringLiteral("SELECT cd_audit('certificate.validate', 'certificate', ?, "
                                      "'{}')")},
         }) {
        const QString outcome = tryAs(lin, sql, {m_own.value(lin)});
        report(QLatin1String(what), outcome);
        QVERIFY2(outcome.contains(QLatin1String("permission denied")), qPrintable(outcome));
    }
    // Every certificate's import has its entry, by its uploader.
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT COUNT(*) FROM certificates c WHERE c.kind = "
                                          "'external' AND NOT EXISTS (SELECT 1 FROM audit_log a "
                                          "WHERE a.subject_type = 'certificate' AND a.subject_id "
                                          "= c.id AND a.action = 'certificate.import' AND "
                                          "a.actor_id = c.uploader_id)"),
                           {}, nullptr);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // And the owner reads it through the API.
    QVariant first;
    QCOMPARE(tryAs(lin, QStringLiteral("SELECT action FROM cd_api.history(?)"), {m_own.value(lin)},
                   &first),
             QString());
    QCOMPARE(first.toString(), QStringLiteral("certificate.import"));
}

// Credits, dates and templates are checked on every insert and update.
void TestServerAttacks::writesAroundTheRules_refused()
{
    const QString lin = QStringLiteral("lin@example.org");
    const Id me = m_ids.value(lin);
    const Id rejected = secondRejected();
    QVERIFY(rejected > 0);
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT pdf_sha256 FROM certificates WHERE id = ?"),
                           {rejected}, nullptr);
    QVERIFY(q.next());
    const QString sha = q.value(0).toString();
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("INSERT INTO certificate_templates (name, created_at) "
                            "SELECT 'Forklift', now() WHERE NOT EXISTS (SELECT 1 FROM "
                            "certificate_templates)"),
             {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString resubmit = QStringLiteral(
        "SELECT cd_api.resubmit_certificate(?, version, 'Again', %1, %2, %3, %4, 'pending', ?, "
        "NULL, NULL, NULL) FROM cd_api.certificate(?)");
    const QString import = QStringLiteral("SELECT cd_api.import_certificate(?, 'Forged', %1, %2, "
                                          "NULL, %3, 'pending', ?, NULL, NULL, NULL, NULL)");
    // README "Untrusted PDFs": what was repaired in a PDF comes with a file
    // uploaded now, names the upload's SHA-256 and known repairs only.
    const QString importRepaired = QStringLiteral(
        "SELECT cd_api.import_certificate(?, 'Forged', CURRENT_DATE - 1, NULL, NULL, NULL, "
        "'pending', ?, NULL, NULL, %1, %2)");
    const QString otherSha = QStringLiteral("'%1'").arg(QString(64, QLatin1Char('b')));
    const QString resubmitRepaired =
        QStringLiteral("SELECT cd_api.resubmit_certificate(?, version, 'Again', delivered_on, "
                       "NULL, NULL, NULL, "
                       "'pending', ?, NULL, %1, 'encryption') FROM cd_api.certificate(?)")
            .arg(otherSha);
    const struct
    {
        const char *what;
        QString sql;
        QVariantList values;
        const char *expect;
    } tries[] = {
        {"credits on a resubmission while credits are off",
         resubmit.arg(QStringLiteral("delivered_on"), QStringLiteral("NULL"),
                      QStringLiteral("NULL"), QStringLiteral("5")),
         {rejected, sha, rejected},
         "credits"},
        {"a future delivery date on a resubmission",
         resubmit.arg(QStringLiteral("CURRENT_DATE + 30"), QStringLiteral("NULL"),
                      QStringLiteral("NULL"), QStringLiteral("NULL")),
         {rejected, sha, rejected},
         "delivered"},
        {"an expiration before the delivery on a resubmission",
         resubmit.arg(QStringLiteral("CURRENT_DATE - 10"), QStringLiteral("CURRENT_DATE - 20"),
                      QStringLiteral("NULL"), QStringLiteral("NULL")),
         {rejected, sha, rejected},
         "expire"},
        {"a learner associates a template on a resubmission (R7)",
         resubmit.arg(QStringLiteral("delivered_on"), QStringLiteral("NULL"),
                      QStringLiteral("(SELECT min(id) FROM certificate_templates)"),
                      QStringLiteral("NULL")),
         {rejected, sha, rejected},
         "template"},
        {"a future delivery date on an import",
         import.arg(QStringLiteral("CURRENT_DATE + 30"), QStringLiteral("NULL"),
                    QStringLiteral("NULL")),
         {me, sha},
         "delivered"},
        {"a delivery in the nineteenth century",
         import.arg(QStringLiteral("DATE '1850-01-01'"), QStringLiteral("NULL"),
                    QStringLiteral("NULL")),
         {me, sha},
         "delivered"},
        {"an expiration before the delivery on an import",
         import.arg(QStringLiteral("CURRENT_DATE - 1"), QStringLiteral("CURRENT_DATE - 5"),
                    QStringLiteral("NULL")),
         {me, sha},
         "expire"},
        {"credits on an import while credits are off",
         import.arg(QStringLiteral("CURRENT_DATE - 1"), QStringLiteral("NULL"),
                    QStringLiteral("2")),
         {me, sha},
         "credits"},
        {"a repair claimed without the upload's SHA-256",
         importRepaired.arg(QStringLiteral("NULL"), QStringLiteral("'encryption'")),
         {me, sha},
         "repaired"},
        {"an upload's SHA-256 without what was repaired",
         importRepaired.arg(otherSha, QStringLiteral("NULL")),
         {me, sha},
         "repaired"},
        {"a repair code the reader does not make",
         importRepaired.arg(otherSha, QStringLiteral("'leading-bytes,trust-me'")),
         {me, sha},
         "repaired"},
        {"an upload's SHA-256 that is not a SHA-256",
         importRepaired.arg(QStringLiteral("'%1'").arg(QString(64, QLatin1Char('Z'))),
                            QStringLiteral("'encryption'")),
         {me, sha},
         "repaired"},
        {"a repair recorded on a resubmission that keeps its old file",
         resubmitRepaired,
         {rejected, sha, rejected},
         "repaired"},
    };
    for (const auto &t : tries) {
        QVariant first;
        const QString outcome = tryAs(lin, t.sql, t.values, &first);
        report(QLatin1String(t.what),
               outcome.isEmpty() ? QStringLiteral("LEAK: accepted (%1)").arg(first.toString())
                                 : outcome);
        QVERIFY2(!outcome.isEmpty(), t.what);
        QVERIFY2(outcome.contains(QLatin1String(t.expect), Qt::CaseInsensitive) ||
                     outcome.contains(QLatin1String("check constraint")),
                 qPrintable(outcome));
    }
}

// Blobs: the server checks each one, and refuses those nothing names.
void TestServerAttacks::blobs_refused()
{
    const QString lin = QStringLiteral("lin@example.org");
    auto db = login(lin);
    QSqlDatabase c = db->connection();
    const QByteArray orphan = "%PDF-1.4 an orphan that fills the disk";
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(orphan, QCryptographicHash::Sha256).toHex());
    QVERIFY(c.transaction());
    QString error;
    Sql::run(c, QStringLiteral("SELECT cd_api.store_pdf(?, ?, 1, ?)"),
             {sha, qint64(orphan.size()), orphan}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const bool committed = c.commit();
    const QString atCommit = Database::describeError(c.lastError());
    if (!committed)
        c.rollback();
    report(QStringLiteral("store a PDF that no certificate names, and commit"),
           committed ? QStringLiteral("LEAK: committed")
                     : atCommit.section(QLatin1Char('\n'), 0, 0));
    QVERIFY(!committed);
    QSqlQuery q =
        Sql::run(m_db->db().connection(),
                 QStringLiteral("SELECT COUNT(*) FROM pdf_blobs WHERE sha256 = ?"), {sha}, nullptr);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);

    // Over the platform's size limit (1 MB for this attempt).
    q = Sql::run(m_db->db().connection(),
                 QStringLiteral("SELECT value FROM settings WHERE key = 'pdf.max-size-mb'"), {},
                 &error);
    const QString limit = q.next() ? q.value(0).toString() : QStringLiteral("20");
    q.finish();
    Sql::run(m_db->db().connection(),
             QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                            "('pdf.max-size-mb', '1', now()) ON CONFLICT (key) DO UPDATE SET "
                            "value = '1'"),
             {}, &error);
    QByteArray big = "%PDF-1.4 ";
    big.append(QByteArray(1536 * 1024, 'x'));
    const QString bigSha =
        QString::fromLatin1(QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex());
    const QString oversize = tryAs(lin, QStringLiteral("SELECT cd_api.store_pdf(?, ?, 1, ?)"),
                                   {bigSha, qint64(big.size()), big});
    Sql::run(m_db->db().connection(),
             QStringLiteral("UPDATE settings SET value = ? WHERE key = 'pdf.max-size-mb'"), {limit},
             &error);
    report(QStringLiteral("store a PDF over the size limit"), oversize);
    QVERIFY2(oversize.contains(QLatin1String("limit")), qPrintable(oversize));
    // Bytes that are not what their hash says.
    const QString forged = tryAs(lin, QStringLiteral("SELECT cd_api.store_pdf(?, ?, 1, ?)"),
                                 {m_victimSha, qint64(orphan.size()), orphan});
    report(QStringLiteral("store other bytes under a colleague's PDF hash"), forged);
    QVERIFY(!forged.isEmpty());
}

// Large objects: no part of CertDesk, and no member's to fill the disk with.
void TestServerAttacks::largeObjects_refused()
{
    const QString lin = QStringLiteral("lin@example.org");
    for (const QString &sql :
         {QStringLiteral("SELECT lo_from_bytea(0, decode(repeat('00', 1024), 'hex'))"),
          QStringLiteral("SELECT lo_creat(-1)"), QStringLiteral("SELECT lo_create(0)"),
          QStringLiteral("SELECT lo_put(1, 0, 'x'::bytea)")}) {
        const QString outcome = tryAs(lin, sql, {});
        report(QStringLiteral("large object: ") + sql, outcome);
        QVERIFY2(outcome.contains(QLatin1String("permission denied")), qPrintable(outcome));
    }
}

// A group admin enrols only people they add: enrolling an existing person of
// another department would bring that person's certificates into their scope.
void TestServerAttacks::enrolment_refused()
{
    const QString sa = QStringLiteral("sa@example.org");
    const Id other = m_ids.value(QStringLiteral("other@example.org"));
    auto admin = login(sa);
    QVERIFY(admin);
    const Id sales = DirectoryService(*admin).groupByName(QStringLiteral("Sales"))->id;
    const QString enrol =
        QStringLiteral("INSERT INTO memberships (user_id, group_id, role) VALUES (?, ?, ?)");
    const QString asLearner = tryAs(sa, enrol, {other, sales, QStringLiteral("learner")});
    report(QStringLiteral("a group admin enrols an existing person of another department"),
           asLearner);
    QVERIFY2(asLearner.contains(QLatin1String("Only platform admins")), qPrintable(asLearner));
    const QString asCoach = tryAs(sa, enrol, {other, sales, QStringLiteral("coach")});
    report(QStringLiteral("... as a coach of their group"), asCoach);
    QVERIFY(!asCoach.isEmpty());
    // Into a group of their own making: the same.
    const QString sub = tryAs(sa,
                              QStringLiteral("WITH g AS (INSERT INTO groups (name, parent_id, "
                                             "created_at) VALUES ('Mine', ?, now()) RETURNING id) "
                                             "INSERT INTO memberships (user_id, group_id, role) "
                                             "SELECT ?, id, 'learner' FROM g"),
                              {sales, other});
    report(QStringLiteral("... into a sub-group made in the same statement"), sub);
    QVERIFY(!sub.isEmpty());
    // The victim's certificate stays out of reach.
    QVERIFY(!CertificateService(*admin).certificate(admin->serverUserId(), m_victim));
    // The control: a platform admin enrols them (rolled back).
    const QString byRoot =
        tryAs(QStringLiteral("root@example.org"), enrol, {other, sales, QStringLiteral("learner")});
    QVERIFY2(byRoot.isEmpty(), qPrintable(byRoot));
}

// Nobody but a platform admin deletes, restores or disables a platform admin,
// even one who is a learner in the group admin's own group.
void TestServerAttacks::lockOut_refused()
{
    const QString sa = QStringLiteral("sa@example.org");
    const Id plat2 = m_ids.value(QStringLiteral("plat2@example.org"));
    QVariant changed;
    const QString deleted = tryAs(
        sa, QStringLiteral("UPDATE users SET deleted = TRUE, updated_at = now() WHERE id = ?"),
        {plat2});
    const QString counted =
        tryAs(sa,
              QStringLiteral("WITH d AS (UPDATE users SET deleted = TRUE WHERE id = ? RETURNING "
                             "id) SELECT count(*) FROM d"),
              {plat2}, &changed);
    report(QStringLiteral("a group admin deletes a platform admin of their group"),
           deleted.isEmpty() ? QStringLiteral("rows changed: %1").arg(changed.toString())
                             : deleted);
    QVERIFY(!deleted.isEmpty() || (counted.isEmpty() && changed.toInt() == 0));
    const QString disabled = tryAs(sa, QStringLiteral("SELECT cd_api.sync_login(?)"), {plat2});
    report(QStringLiteral("a group admin disables a platform admin's login"), disabled);
    QVERIFY(!disabled.isEmpty());
    auto admin = login(sa);
    QVERIFY(admin);
    const auto viaService = DirectoryService(*admin).deleteUser(admin->serverUserId(), plat2);
    report(QStringLiteral("... through CertDesk's own service"),
           viaService ? QStringLiteral("LEAK: deleted") : viaService.message());
    QVERIFY(!viaService);
    // The platform admin still signs in.
    QVERIFY(login(QStringLiteral("plat2@example.org")));
}

// A user whose login is a role the server has already would be who that
// role's sessions act as.
void TestServerAttacks::loginSquatting_refused()
{
    const QString squat = QStringLiteral("squat@example.org");
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("CREATE ROLE \"%1\" LOGIN").arg(m_prefix + squat), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString direct =
        tryAs(QStringLiteral("sa@example.org"),
              QStringLiteral("INSERT INTO users (email, name, db_login) VALUES (?, 'Squat', ?)"),
              {squat, QString(m_prefix + squat)});
    report(QStringLiteral("a user named after an existing server role"), direct);
    QVERIFY2(direct.contains(QLatin1String("already has a login")), qPrintable(direct));
    const QString superuser =
        tryAs(QStringLiteral("sa@example.org"),
              QStringLiteral("INSERT INTO users (email, name, db_login) VALUES (?, 'Pg', ?)"),
              {QStringLiteral("postgres@example.org"), QStringLiteral("postgres")});
    report(QStringLiteral("a user whose login is postgres"), superuser);
    QVERIFY(!superuser.isEmpty());
    auto admin = login(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    NewUser nu;
    nu.email = squat;
    nu.name = QStringLiteral("Squat");
    nu.password = kPassword;
    const auto added = DirectoryService(*admin).addUser(admin->serverUserId(), nu);
    report(QStringLiteral("... through CertDesk's own service"),
           added ? QStringLiteral("LEAK: added") : added.message());
    QVERIFY(!added);
    QVERIFY(added.message().contains(m_prefix + squat));
}

// One login holds at most the connections setup allows (10 by default).
void TestServerAttacks::flooding_refused()
{
    std::vector<std::unique_ptr<Database>> held;
    QString refusal;
    for (int i = 0; i < 12 && refusal.isEmpty(); ++i) {
        QString error;
        auto db = m_db->openAs(m_prefix + QStringLiteral("lin@example.org"), kPassword, &error);
        if (db)
            held.push_back(std::move(db));
        else
            refusal = error;
    }
    report(QStringLiteral("open connections until the server refuses"),
           QStringLiteral("%1 held; then: %2")
               .arg(held.size())
               .arg(refusal.section(QLatin1Char('\n'), 0, 0)));
    QCOMPARE(int(held.size()), ServerSetup::DefaultConnectionLimit);
    QVERIFY2(refusal.contains(QLatin1String("too many connections")), qPrintable(refusal));
}

// A certificate's life after validation (README "Rules", Revocation and
// Renewal): the owner never revokes, a colleague who does not review them
// neither, a reason is required, the revocation is told only as it happens,
// a renewal names only a valid certificate of the same person, and nobody
// marks a certificate renewed by hand.
void TestServerAttacks::lifecycle_refused()
{
    const QString lin = QStringLiteral("lin@example.org");
    const QString mgr = QStringLiteral("mgr@example.org");
    Id task = 0;
    const Id valid = importFor(lin, m_ids.value(lin), QStringLiteral("To revoke"), &task);
    QVERIFY(valid > 0);
    {
        auto reviewer = login(mgr);
        QVERIFY(reviewer);
        ReviewDecision decision;
        decision.taskId = task;
        decision.validate = true;
        QVERIFY(ReviewService(*reviewer).review(reviewer->serverUserId(), decision));
    }
    const QString revoke = QStringLiteral(
        "SELECT cd_api.revoke_certificate(?, version, ?) FROM cd_api.certificate(?)");
    const struct
    {
        QString who;
        const char *what;
        QString sql;
        QVariantList values;
        const char *expect; // a refusal's words, or "0" for no row changed
    } tries[] = {
        {lin,
         "the owner revokes their own certificate",
         revoke,
         {valid, QStringLiteral("mine"), valid},
         "never its owner"},
        {QStringLiteral("coach@example.org"),
         "a coach who does not review lin revokes",
         revoke,
         {valid, QStringLiteral("coach"), valid},
         "never its owner"},
        {mgr,
         "the reviewer revokes without a reason",
         revoke,
         {valid, QStringLiteral("   "), valid},
         "says why"},
        {mgr,
         "the reviewer revokes with control characters in the reason",
         revoke,
         {valid, QStringLiteral("bad\x07"), valid},
         "says why"},
        {lin,
         "the owner writes revoked_at with plain SQL",
         QStringLiteral("UPDATE certificates SET revoked_at = now() WHERE id = ?"),
         {valid},
         "permission denied"},
        {mgr,
         "revoke a certificate hidden from the caller (R5)",
         QStringLiteral("SELECT cd_api.revoke_certificate(?, 2, 'hidden')"),
         {m_victim},
         "0"},
        {lin,
         "tell lin of a revocation that did not happen",
         QStringLiteral("SELECT cd_api.notify(?, 'certificate-revoked', ?, NULL)"),
         {m_ids.value(lin), valid},
         "revoked now"},
        {lin,
         "renew another person's certificate",
         QStringLiteral("SELECT cd_api.import_certificate(?, 'Renewal', CURRENT_DATE - 1, NULL, "
                        "NULL, NULL, 'pending', ?, NULL, NULL, NULL, NULL, ?)"),
         {m_ids.value(lin), m_victimSha, m_victim},
         "renewal renews"},
        {lin,
         "mark a certificate renewed by hand",
         QStringLiteral("SELECT cd_api.mark_renewed(?)"),
         {m_own.value(lin)},
         "0"},
        {lin,
         "write renewed_by_id with plain SQL",
         QStringLiteral("UPDATE certificates SET renewed_by_id = ? WHERE id = ?"),
         {m_own.value(lin), valid},
         "permission denied"},
    };
    for (const auto &t : tries) {
        QVariant first;
        const QString error = tryAs(t.who, t.sql, t.values, &first);
        const QString outcome = error.isEmpty()
                                    ? QStringLiteral("ran, %1 row(s) changed").arg(first.toString())
                                    : error;
        report(QString::fromLatin1(t.what), outcome);
        if (qstrcmp(t.expect, "0") == 0)
            QVERIFY2(error.isEmpty() ? first.toInt() == 0 : true, t.what);
        else
            QVERIFY2(error.contains(QLatin1String(t.expect), Qt::CaseInsensitive),
                     qPrintable(QString::fromLatin1(t.what) + QStringLiteral(": ") + outcome));
    }
    // Control: the reviewer revokes with a reason, lin is told, once.
    auto reviewer = login(mgr);
    QVERIFY(reviewer);
    const auto revoked = CertificateService(*reviewer).revoke(reviewer->serverUserId(), valid,
                                                              QStringLiteral("Withdrawn."));
    QVERIFY2(revoked, qPrintable(revoked.message()));
    QCOMPARE(revoked->revokeReason, QStringLiteral("Withdrawn."));
    // Lin finds it among her revoked certificates, through the server's list.
    QVariant listed;
    const QString listError =
        tryAs(lin,
              QStringLiteral("SELECT COUNT(*) FROM cd_api.certificate_list(?, '{revoked}', "
                             "CURRENT_DATE, CURRENT_DATE + 30, NULL, 'delivered', NULL, NULL, 0, "
                             "100)"),
              {m_ids.value(lin)}, &listed);
    QVERIFY2(listError.isEmpty() && listed.toInt() == 1, qPrintable(listError));
    const QString again =
        tryAs(mgr, QStringLiteral("SELECT cd_api.notify(?, 'certificate-revoked', ?, NULL)"),
              {m_ids.value(lin), valid});
    report(QStringLiteral("tell lin of the revocation a second time"), again);
    QVERIFY(!again.isEmpty());
    // A revocation is never undone, even by the one who made it.
    const QString undo = tryAs(mgr,
                               QStringLiteral("UPDATE certificates SET revoked_at = NULL "
                                              "WHERE id = ?"),
                               {valid});
    report(QStringLiteral("undo a revocation with plain SQL"), undo);
    QVERIFY(!undo.isEmpty());
}

// The reviewer's "same file elsewhere" (cd_api.same_file_holders): one PDF
// held by lin, by twin (mgr's report too) and by other (Engineering). Only
// someone who may see the certificate asked about gets an answer, and names
// only within their scope (R5); everyone else is one row without a name; the
// owner asking about their own certificate gets nothing.
void TestServerAttacks::sameFileHolders_scoped()
{
    const QString lin = QStringLiteral("lin@example.org");
    const QString mgr = QStringLiteral("mgr@example.org");
    const QString other = QStringLiteral("other@example.org");
    const QString twin = QStringLiteral("twin@example.org");
    auto root = login(QStringLiteral("root@example.org"));
    QVERIFY(root);
    const Id twinId = addUser(*root, twin, mgr, {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(twinId > 0);
    m_ids.insert(twin, twinId);
    CertificatePdfContent content;
    content.title = QStringLiteral("Shared file");
    content.holder = QStringLiteral("Somebody");
    content.issuer = QStringLiteral("Attack Academy");
    content.delivered = QDate::currentDate().addDays(-3);
    content.reference = QStringLiteral("SHARED-1");
    const QByteArray shared = CertificatePdf::render(content);
    QHash<QString, Id> held;
    for (const QString &holder : {lin, twin, other}) {
        Id task = 0;
        const Id id =
            importFor(holder, m_ids.value(holder), QStringLiteral("Shared"), &task, shared);
        QVERIFY2(id > 0, qPrintable(holder));
        held.insert(holder, id);
    }

    // Each row as "id|name|in scope", in the function's order.
    const auto rowsAs = [&](const QString &who, Id certificate) {
        auto db = login(who);
        if (!db)
            return QStringList{QStringLiteral("no connection")};
        QString error;
        QSqlQuery q = Sql::run(db->connection(),
                               QStringLiteral("SELECT owner_id, owner_name, in_scope FROM "
                                              "cd_api.same_file_holders(?)"),
                               {certificate}, &error);
        if (!error.isEmpty())
            return QStringList{error.section(QLatin1Char('\n'), 0, 0)};
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1|%2|%3")
                        .arg(q.value(0).isNull() ? QStringLiteral("-") : q.value(0).toString(),
                             q.value(1).isNull() ? QStringLiteral("-") : q.value(1).toString(),
                             q.value(2).toBool() ? QStringLiteral("in scope")
                                                 : QStringLiteral("out of scope"));
        return rows;
    };
    const auto tryHolders = [&](const QString &who, const QString &whose) {
        QStringList rows = rowsAs(who, held.value(whose));
        report(QStringLiteral("%1 same_file_holders of %2's certificate").arg(who, whose),
               rows.isEmpty() ? QStringLiteral("0 rows")
                              : QStringLiteral("%1 rows: %2")
                                    .arg(rows.size())
                                    .arg(rows.join(QLatin1String("; "))));
        return rows;
    };

    // A learner on someone else's certificate: nothing, in or out of group.
    QCOMPARE(tryHolders(lin, twin), QStringList());
    QCOMPARE(tryHolders(lin, other), QStringList());
    QCOMPARE(tryHolders(other, lin), QStringList());
    QCOMPARE(tryHolders(twin, lin), QStringList());
    // The owner on their own: nothing, though the file is held elsewhere.
    QCOMPARE(tryHolders(lin, lin), QStringList());
    QCOMPARE(tryHolders(other, other), QStringList());
    // The manager: twin by name (a report), other as one anonymous row.
    QCOMPARE(tryHolders(mgr, lin), QStringList({QStringLiteral("%1|twin|in scope").arg(twinId),
                                                QStringLiteral("-|-|out of scope")}));
    QCOMPARE(tryHolders(mgr, twin),
             QStringList({QStringLiteral("%1|lin|in scope").arg(m_ids.value(lin)),
                          QStringLiteral("-|-|out of scope")}));
    // Not the manager's to see: nothing, not even "someone else".
    QCOMPARE(tryHolders(mgr, other), QStringList());
    // Engineering's admin sees other's: both Sales holders are one row.
    QCOMPARE(tryHolders(QStringLiteral("eadmin@example.org"), other),
             QStringList({QStringLiteral("-|-|out of scope")}));
    // A certificate that does not exist: the same nothing.
    const QStringList missing = rowsAs(mgr, 987654321);
    report(QStringLiteral("%1 same_file_holders of a missing certificate").arg(mgr),
           QStringLiteral("%1 rows").arg(missing.size()));
    QCOMPARE(missing, QStringList());
}

QTEST_MAIN(TestServerAttacks)
#include "tst_server_attacks.moc"
