// Attack tests (issue 5, item 6): a learner, a manager, a coach and a group
// admin, each logged in with their own PostgreSQL login, try with plain SQL
// to read, write and delete across every boundary, to escalate and to go
// around the rules. Every attempt must be refused by the server or see and
// touch zero rows; the test prints each attempt and its outcome.
#include "CertificatePdf.h"
#include "CertificateService.h"
#include "DirectoryService.h"
#include "ServerSetup.h"
#include "SettingsService.h"
#include "TestDatabase.h"

#include <QCryptographicHash>
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

private:
    std::unique_ptr<Database> login(const QString &email);
    Id addUser(Database &admin, const QString &email, const QString &manager,
               const QList<QPair<QString, Role>> &groups);
    Id importFor(const QString &email, Id owner, const QString &name, Id *task);
    QList<Attempt> attempts(const QString &attacker) const;

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

Id TestServerAttacks::importFor(const QString &email, Id owner, const QString &name, Id *task)
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
    request.pdf = CertificatePdf::render(content);
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
    // The victim: Engineering's learner, reviewed by Engineering's admin.
    const QString other = QStringLiteral("other@example.org");
    m_victim = importFor(other, m_ids.value(other), QStringLiteral("Victim"), &m_victimTask);
    QVERIFY(m_victim > 0 && m_victimTask > 0);
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT pdf_sha256 FROM certificates WHERE id = ?"),
                           {m_victim}, nullptr);
    QVERIFY(q.next());
    m_victimSha = q.value(0).toString();
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
        QSqlQuery q = Sql::run(db->connection(),
                               QStringLiteral("SELECT COUNT(*) FROM certificates WHERE id = ?"),
                               {it.value()}, &error);
        QVERIFY2(error.isEmpty() && q.next() && q.value(0).toInt() == 1, qPrintable(it.key()));
    }
    auto sa = login(QStringLiteral("sa@example.org"));
    QString error;
    QSqlQuery q = Sql::run(sa->connection(),
                           QStringLiteral("SELECT COUNT(*) FROM certificates WHERE owner_id = ?"),
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
         QStringLiteral("SELECT cd_create_login(?, 'x')"),
         {other}},
        {QStringLiteral("re-enable or disable a login through the server's function"),
         QStringLiteral("SELECT cd_sync_login(?)"),
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

QTEST_MAIN(TestServerAttacks)
#include "tst_server_attacks.moc"
