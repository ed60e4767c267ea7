// A shared PostgreSQL server prepared by `certdesk-cli setup` (README
// "Deploying on PostgreSQL"):
// roles, ownership, forced row-level security, each person's own login, and
// the server refusing what the policy refuses even to a client that skips the
// services. PostgreSQL only: this is about the server.
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"
#include "services/ServerSetup.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {
const QString kPassword = QStringLiteral("s3cret-pw");
}

class TestServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_db.reset(); }

    void setup_rolesOwnershipAndForcedSecurity();
    void setup_twice_changesNothingAndKeepsData();
    void setup_byNonSuperuser_refused();
    void login_identityIsTheConnection();
    void userAdd_createsLogin_deleteDisablesIt();
    void services_workThroughTheServerRules();
    void settings_expiryAndReminders_checkedByTheServer();
    void reminderEmails_ownChoiceOnly();

private:
    std::unique_ptr<Database> as(const QString &email);
    QByteArray pdf(const QString &title);
    Id addUser(Database &admin, const QString &email, const QString &manager,
               const QList<QPair<QString, Role>> &groups);

    std::unique_ptr<TestDatabase> m_db;
    ServerSetupReport m_report;
    QString m_prefix;
    int m_pdfCounter = 0;
};

void TestServer::init()
{
    CERTDESK_REQUIRE_SERVER();
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_prefix = m_db->pgName() + QLatin1Char('_');
    ServerSetupOptions options;
    options.adminEmail = QStringLiteral("root@example.org");
    options.adminName = QStringLiteral("Root Admin");
    options.adminPassword = kPassword;
    options.loginPrefix = m_prefix;
    const auto report = ServerSetup::run(m_db->db(), options);
    QVERIFY2(report, qPrintable(report.message()));
    m_report = report.value();
}

std::unique_ptr<Database> TestServer::as(const QString &email)
{
    QString error;
    auto db = m_db->openAs(m_prefix + email, kPassword, &error);
    if (!db)
        qWarning("cannot connect as %s: %s", qPrintable(email), qPrintable(error));
    return db;
}

QByteArray TestServer::pdf(const QString &title)
{
    CertificatePdfContent content;
    content.title = title;
    content.holder = QStringLiteral("Test Holder");
    content.issuer = QStringLiteral("Test Academy");
    content.delivered = QDate::currentDate().addDays(-10);
    content.reference = QStringLiteral("S-%1").arg(++m_pdfCounter);
    return CertificatePdf::render(content);
}

Id TestServer::addUser(Database &admin, const QString &email, const QString &manager,
                       const QList<QPair<QString, Role>> &groups)
{
    DirectoryService directory(admin);
    NewUser nu;
    nu.email = email;
    nu.name = email.section(QLatin1Char('@'), 0, 0);
    nu.managerEmail = manager;
    nu.password = kPassword;
    for (const auto &[group, role] : groups)
        nu.memberships.append({group, role});
    const auto u = directory.addUser(admin.serverUserId(), nu);
    if (!u)
        qWarning("user add %s: %s", qPrintable(email), qPrintable(u.message()));
    return u ? u->id : 0;
}

void TestServer::setup_rolesOwnershipAndForcedSecurity()
{
    QCOMPARE(m_report.schemaAfter, Database::latestSchemaVersion());
    QVERIFY(m_report.admin);
    QCOMPARE(m_report.adminLogin, m_prefix + QStringLiteral("root@example.org"));
    QSqlDatabase db = m_db->db().connection();
    QString error;
    // The owner cannot log in; nobody logs in as the member or relay role.
    QSqlQuery q =
        Sql::run(db,
                 QStringLiteral("SELECT rolname, rolcanlogin, rolsuper, rolbypassrls "
                                "FROM pg_roles WHERE rolname IN (?, ?, ?)"),
                 {m_report.roles.owner, m_report.roles.member, m_report.roles.relay}, &error);
    int roles = 0;
    while (q.next()) {
        ++roles;
        QVERIFY2(!q.value(1).toBool(), qPrintable(q.value(0).toString()));
        QVERIFY(!q.value(2).toBool());
        QVERIFY(!q.value(3).toBool());
    }
    QCOMPARE(roles, 3);
    // Every table: the owner's, row-level security enabled and forced.
    q = Sql::run(db,
                 QStringLiteral("SELECT c.relname, pg_get_userbyid(c.relowner), "
                                "c.relrowsecurity, c.relforcerowsecurity FROM pg_class c JOIN "
                                "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
                                "'public' AND c.relkind = 'r'"),
                 {}, &error);
    int tables = 0;
    while (q.next()) {
        ++tables;
        const QByteArray name = q.value(0).toString().toUtf8();
        QVERIFY2(q.value(1).toString() == m_report.roles.owner, name.constData());
        QVERIFY2(q.value(2).toBool() && q.value(3).toBool(), name.constData());
    }
    QVERIFY(tables >= 14);
    // The admin is a login in the member role, and nothing more.
    q = Sql::run(db,
                 QStringLiteral("SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, "
                                "pg_has_role(oid, ?, 'MEMBER'), pg_has_role(oid, ?, 'MEMBER') "
                                "FROM pg_roles WHERE rolname = ?"),
                 {m_report.roles.member, m_report.roles.owner, m_report.adminLogin}, &error);
    QVERIFY(q.next());
    QVERIFY(q.value(0).toBool());
    QVERIFY(!q.value(1).toBool() && !q.value(2).toBool() && !q.value(3).toBool());
    QVERIFY(q.value(4).toBool());
    QVERIFY(!q.value(5).toBool());
}

void TestServer::setup_twice_changesNothingAndKeepsData()
{
    auto admin = as(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    QVERIFY(addUser(*admin, QStringLiteral("l@example.org"), QString(), {}) > 0);
    admin.reset();
    const auto again = ServerSetup::run(m_db->db(), ServerSetupOptions{});
    QVERIFY2(again, qPrintable(again.message()));
    QCOMPARE(again->schemaBefore, Database::latestSchemaVersion());
    QVERIFY(!again->admin);
    auto learner = as(QStringLiteral("l@example.org"));
    QVERIFY(learner);
    QVERIFY(learner->isSecured());
    QVERIFY(learner->serverUserId() > 0);
}

void TestServer::setup_byNonSuperuser_refused()
{
    auto admin = as(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    const auto refused = ServerSetup::run(*admin, ServerSetupOptions{});
    QVERIFY(!refused);
    QCOMPARE(refused.kind(), ErrorKind::Refused);
    QVERIFY2(refused.message().contains(QStringLiteral("superuser")),
             qPrintable(refused.message()));
}

void TestServer::login_identityIsTheConnection()
{
    auto admin = as(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    QVERIFY(admin->isSecured());
    QCOMPARE(admin->serverUserId(), m_report.admin->id);
    // A wrong password: the server refuses the connection and says so.
    QString error;
    QVERIFY(!m_db->openAs(m_report.adminLogin, QStringLiteral("wrong"), &error));
    QVERIFY2(error.contains(QStringLiteral("password authentication failed")), qPrintable(error));
    // The database administrator is nobody in CertDesk.
    QCOMPARE(m_db->db().serverUserId(), 0);
}

void TestServer::userAdd_createsLogin_deleteDisablesIt()
{
    auto admin = as(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    DirectoryService directory(*admin);
    QVERIFY(directory.addGroup(admin->serverUserId(), QStringLiteral("Sales"), QString()));
    const Id sa = addUser(*admin, QStringLiteral("sa@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    QVERIFY(sa > 0);
    // A group admin adds a member of their group: a login too.
    auto groupAdmin = as(QStringLiteral("sa@example.org"));
    QVERIFY(groupAdmin);
    const Id learner = addUser(*groupAdmin, QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(learner > 0);
    QVERIFY(as(QStringLiteral("l@example.org")));
    // Without a password there is no way in: refused before anything is written.
    NewUser nu;
    nu.email = QStringLiteral("nopw@example.org");
    nu.name = QStringLiteral("No Password");
    const auto refused = directory.addUser(admin->serverUserId(), nu);
    QVERIFY(!refused);
    QCOMPARE(refused.kind(), ErrorKind::Invalid);

    // Deleting disables the login; restoring enables it again.
    QVERIFY(DirectoryService(*groupAdmin).deleteUser(sa, learner));
    QString error;
    QVERIFY(!m_db->openAs(m_prefix + QStringLiteral("l@example.org"), kPassword, &error));
    QVERIFY2(error.contains(QStringLiteral("not permitted to log in")), qPrintable(error));
    QVERIFY(DirectoryService(*admin).restoreUser(admin->serverUserId(), learner));
    QVERIFY(as(QStringLiteral("l@example.org")));
}

void TestServer::services_workThroughTheServerRules()
{
    // The whole review path with each person on their own login: import
    // (R1-R3), review by the manager (R8), outcome (R9), history.
    auto admin = as(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    const Id root = admin->serverUserId();
    SettingsService settings(*admin);
    QVERIFY(settings.set(root, QStringLiteral("import.enabled"), QStringLiteral("on")));
    QVERIFY(settings.set(root, QStringLiteral("validation.required"), QStringLiteral("on")));
    QVERIFY(settings.set(root, QStringLiteral("validation.reviewers"), QStringLiteral("managers")));
    QVERIFY(DirectoryService(*admin).addGroup(root, QStringLiteral("Sales"), QString()));
    const Id manager = addUser(*admin, QStringLiteral("m@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    const Id learner =
        addUser(*admin, QStringLiteral("l@example.org"), QStringLiteral("m@example.org"),
                {{QStringLiteral("Sales"), Role::Learner}});
    const Id other = addUser(*admin, QStringLiteral("o@example.org"), QString(),
                             {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(manager && learner && other);

    auto l = as(QStringLiteral("l@example.org"));
    QVERIFY(l);
    QCOMPARE(l->serverUserId(), learner);
    ImportRequest request;
    request.ownerId = learner;
    request.pdf = pdf(QStringLiteral("First Aid"));
    request.originalFilename = QStringLiteral("first-aid.pdf");
    request.name = QStringLiteral("First Aid");
    request.delivered = QDate::currentDate().addDays(-3);
    const auto imported = CertificateService(*l).importCertificate(learner, request);
    QVERIFY2(imported, qPrintable(imported.message()));
    QCOMPARE(imported->reviewers, QList<Id>{manager});

    // Someone else sees nothing of it.
    auto o = as(QStringLiteral("o@example.org"));
    QVERIFY(o);
    QVERIFY(!CertificateService(*o).certificate(other, imported->certificate.id));
    QString error;
    QSqlQuery q =
        Sql::run(o->connection(), QStringLiteral("SELECT COUNT(*) FROM certificates"), {}, &error);
    QVERIFY(!q.next());
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    q = Sql::run(o->connection(),
                 QStringLiteral("SELECT COUNT(*) FROM cd_api.certificates_of(?, NULL, 0, 100)"),
                 {learner}, &error);
    QVERIFY2(q.next(), qPrintable(error));
    QCOMPARE(q.value(0).toInt(), 0);

    auto m = as(QStringLiteral("m@example.org"));
    QVERIFY(m);
    QCOMPARE(NotificationService(*m).unreadCount(manager).value(), 1);
    const auto tasks = ReviewService(*m).tasks(manager, true);
    QVERIFY2(tasks, qPrintable(tasks.message()));
    QCOMPARE(tasks->size(), 1);
    ReviewDecision reject;
    reject.taskId = imported->taskId;
    reject.validate = false;
    reject.comment = QStringLiteral("Scan the whole page, please.");
    const auto decided = ReviewService(*m).review(manager, reject);
    QVERIFY2(decided, qPrintable(decided.message()));
    QCOMPARE(NotificationService(*m).unreadCount(manager).value(), 0);
    const auto outcome = NotificationService(*l).notifications(learner, true, 0, 10);
    QCOMPARE(outcome->size(), 1);
    QCOMPARE(outcome->constFirst().category, NotificationCategory::CertificateRejected);
    QCOMPARE(outcome->constFirst().comment, reject.comment);
    const auto history = CertificateService(*l).history(learner, imported->certificate.id);
    QVERIFY2(history, qPrintable(history.message()));
    QCOMPARE(history->size(), 2);

    // The learner corrects it and sends it again; the manager validates it.
    ResubmitRequest again;
    again.certificateId = imported->certificate.id;
    again.name = QStringLiteral("First Aid (full page)");
    again.pdf = pdf(QStringLiteral("First Aid, full page"));
    const auto resent = CertificateService(*l).resubmit(learner, again);
    QVERIFY2(resent, qPrintable(resent.message()));
    QVERIFY(resent->taskId > 0);
    ReviewDecision validate;
    validate.taskId = resent->taskId;
    validate.validate = true;
    const auto validated = ReviewService(*m).review(manager, validate);
    QVERIFY2(validated, qPrintable(validated.message()));
    QCOMPARE(validated->certificate.status, CertificateStatus::Validated);
    QCOMPARE(CertificateService(*l).history(learner, imported->certificate.id)->size(), 4);
}

QTEST_MAIN(TestServer)
void TestServer::settings_expiryAndReminders_checkedByTheServer()
{
    // expiry.soon-days: 1 to 365 days, whoever writes it and however.
    auto admin = as(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    const QString update =
        QStringLiteral("INSERT INTO settings (key, value) VALUES ('expiry.soon-days', ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
    for (const QString &bad :
         {QStringLiteral("0"), QStringLiteral("366"), QStringLiteral("-1"), QStringLiteral("abc"),
          QStringLiteral("1e3"), QStringLiteral(""), QStringLiteral("9999")}) {
        QString error;
        Sql::run(admin->connection(), update, {bad}, &error);
        QVERIFY2(error.contains(QLatin1String("expiry.soon-days cannot be")),
                 qPrintable(bad + QStringLiteral(": ") + error));
    }
    QString error;
    Sql::run(admin->connection(), update, {QStringLiteral("45")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    SettingsService settings(*admin);
    QCOMPARE(settings.settings()->expirySoonDays, 45);
    QVERIFY(settings.set(admin->serverUserId(), QStringLiteral("expiry.soon-days"),
                         QStringLiteral("365")));
    QCOMPARE(settings.settings()->expirySoonDays, 365);

    // A learner's own login changes no setting.
    QVERIFY(DirectoryService(*admin).addGroup(admin->serverUserId(), QStringLiteral("Sales"),
                                              QString()));
    const Id learner = addUser(*admin, QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(learner);
    auto l = as(QStringLiteral("l@example.org"));
    QVERIFY(l);
    error.clear();
    Sql::run(l->connection(), update, {QStringLiteral("7")}, &error);
    QVERIFY2(!error.isEmpty(), "a learner changed expiry.soon-days");
    QCOMPARE(SettingsService(*admin).settings()->expirySoonDays, 365);

    // reminders.days and reminders.manager: what PlatformSettings accepts, by
    // plain SQL too (README "Reminders").
    const QString remind = QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                          "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
    for (const auto &[key, bad] : QList<QPair<QString, QString>>{
             {QStringLiteral("reminders.days"), QStringLiteral("90,abc")},
             {QStringLiteral("reminders.days"), QStringLiteral("-1")},
             {QStringLiteral("reminders.days"), QStringLiteral("3651")},
             {QStringLiteral("reminders.days"), QStringLiteral("30,30")},
             {QStringLiteral("reminders.days"), QStringLiteral("")},
             {QStringLiteral("reminders.days"), QStringLiteral("1,2,3,4,5,6,7,8,9,10,11")},
             {QStringLiteral("reminders.days"), QStringLiteral("90, 30")},
             {QStringLiteral("reminders.manager"), QStringLiteral("maybe")}}) {
        error.clear();
        Sql::run(admin->connection(), remind, {key, bad}, &error);
        QVERIFY2(error.contains(key + QStringLiteral(" cannot be")),
                 qPrintable(bad + QStringLiteral(": ") + error));
    }
    for (const auto &[key, good] : QList<QPair<QString, QString>>{
             {QStringLiteral("reminders.days"), QStringLiteral("60,14,0")},
             {QStringLiteral("reminders.days"), QStringLiteral("none")},
             {QStringLiteral("reminders.manager"), QStringLiteral("off")}}) {
        error.clear();
        Sql::run(admin->connection(), remind, {key, good}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(good + QStringLiteral(": ") + error));
    }
    QVERIFY(SettingsService(*admin).settings()->reminderDays.isEmpty());
    QVERIFY(!SettingsService(*admin).settings()->remindManager);
    error.clear();
    Sql::run(l->connection(), remind, {QStringLiteral("reminders.days"), QStringLiteral("1")},
             &error);
    QVERIFY2(!error.isEmpty(), "a learner changed reminders.days");
}

void TestServer::reminderEmails_ownChoiceOnly()
{
    // Each person reads and sets their own choice through the server's API;
    // nobody reads or writes anyone's with plain SQL, not even their own.
    auto admin = as(QStringLiteral("root@example.org"));
    QVERIFY(admin);
    QVERIFY(DirectoryService(*admin).addGroup(admin->serverUserId(), QStringLiteral("Sales"),
                                              QString()));
    const Id emma = addUser(*admin, QStringLiteral("emma@example.org"), QString(),
                            {{QStringLiteral("Sales"), Role::Learner}});
    const Id liam = addUser(*admin, QStringLiteral("liam@example.org"), QString(),
                            {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(emma && liam);
    auto e = as(QStringLiteral("emma@example.org"));
    QVERIFY(e);
    DirectoryService directory(*e);
    QCOMPARE(directory.reminderEmails(emma).value(), true);
    QVERIFY(directory.setReminderEmails(emma, false));
    QCOMPARE(directory.reminderEmails(emma).value(), false);
    // The id given is not who acts: the login is.
    auto l = as(QStringLiteral("liam@example.org"));
    QVERIFY(l);
    QVERIFY(DirectoryService(*l).setReminderEmails(liam, false));
    QVERIFY(directory.setReminderEmails(liam, true));       // Emma's own, whatever the id
    QCOMPARE(directory.reminderEmails(liam).value(), true); // her answer
    QCOMPARE(DirectoryService(*l).reminderEmails(liam).value(), false);
    QVERIFY(directory.setReminderEmails(emma, false));

    for (const QString &sql :
         {QStringLiteral("SELECT reminder_emails FROM users"),
          QStringLiteral("SELECT * FROM users WHERE reminder_emails"),
          QStringLiteral(
              "UPDATE users SET reminder_emails = FALSE WHERE email = 'liam@example.org'"),
          QStringLiteral("UPDATE users SET reminder_emails = TRUE WHERE id = cd_api.me()")}) {
        QString error;
        Sql::run(e->connection(), sql, {}, &error);
        QVERIFY2(error.contains(QLatin1String("permission denied")),
                 qPrintable(sql + QStringLiteral(": ") + error));
    }
    QString error;
    QSqlQuery q = Sql::run(admin->connection(),
                           QStringLiteral("SELECT cd_api.my_reminder_emails()"), {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toBool(), true); // the admin's own
    QCOMPARE(DirectoryService(*e).reminderEmails(emma).value(), false);
}

#include "tst_server.moc"
