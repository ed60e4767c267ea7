// certdesk-cli on a shared PostgreSQL server: `setup` by a database superuser
// (limits, --harden-server), then every command acting as the login of its
// connection (--as refused), logins created by `user add` and disabled by
// `user delete`.
#include "CliFixture.h"

#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QUrl>

class TestCliServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_fx.reset(); }

    void setup_json_rolesAndFirstAdmin();
    void setup_again_upgradesNothing_andRefusesSecondAdmin();
    void setup_limitsAndHardening();
    void setup_badLimits_refused();
    void setup_onSqlite_refused();
    void setup_byAPersonsLogin_refused();
    void commands_actAsTheConnectionsLogin();
    void userAdd_login_deleteDisablesIt();

private:
    // certdesk-cli with --db as this login (its password in CERTDESK_PASSWORD,
    // the superuser's PGPASSWORD removed).
    CliRun runAs(const QString &login, const QStringList &args,
                 const QString &password = CliFixture::password(),
                 bool viaPgPassword = false) const;
    QString login(const QString &email) const { return m_prefix + email; }
    // setup with Ada as the first platform admin, logins after m_prefix.
    bool setupWithAda() const
    {
        return m_fx->run({QStringLiteral("setup"), QStringLiteral("--admin"),
                          QStringLiteral("ada@example.org"), QStringLiteral("--name"),
                          QStringLiteral("Ada Admin"), QStringLiteral("--login-prefix"), m_prefix},
                         CliFixture::password())
                   .exitCode == 0;
    }

    std::unique_ptr<CliFixture> m_fx;
    QString m_prefix;
};

void TestCliServer::init()
{
    CERTDESK_REQUIRE_SERVER();
    m_fx = std::make_unique<CliFixture>(QStringLiteral("postgresql"));
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    m_prefix = m_fx->database().pgName() + QLatin1Char('_');
    // The test database is migrated by the superuser already: setup takes it over.
    m_fx->database().close();
}

CliRun TestCliServer::runAs(const QString &login, const QStringList &args, const QString &password,
                            bool viaPgPassword) const
{
    QUrl url(m_fx->location());
    url.setUserName(login);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    env.remove(QStringLiteral("CERTDESK_DB"));
    env.insert(viaPgPassword ? QStringLiteral("PGPASSWORD") : QStringLiteral("CERTDESK_PASSWORD"),
               password);
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CERTDESK_BIN_DIR "/certdesk-cli"),
                  QStringList{QStringLiteral("--db"), url.toString()} + args);
    CliRun result;
    if (!process.waitForStarted(30000) || !process.waitForFinished(120000)) {
        result.err = QStringLiteral("certdesk-cli did not run");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCliServer::setup_json_rolesAndFirstAdmin()
{
    const CliRun r = m_fx->run({QStringLiteral("setup"), QStringLiteral("--admin"),
                                QStringLiteral("ada@example.org"), QStringLiteral("--name"),
                                QStringLiteral("Ada Admin"), QStringLiteral("--login-prefix"),
                                m_prefix, QStringLiteral("--json")},
                               CliFixture::password());
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject o = r.json().object();
    QCOMPARE(sortedKeys(o),
             sorted({QStringLiteral("admin"), QStringLiteral("connection_limit"),
                     QStringLiteral("hardened"), QStringLiteral("location"),
                     QStringLiteral("login_prefix"), QStringLiteral("logins_updated"),
                     QStringLiteral("previous_schema_version"), QStringLiteral("roles"),
                     QStringLiteral("schema_version"), QStringLiteral("statement_timeout")}));
    QCOMPARE(o.value(QStringLiteral("connection_limit")).toInt(), 10);
    QCOMPARE(o.value(QStringLiteral("statement_timeout")).toString(), QStringLiteral("60s"));
    QCOMPARE(o.value(QStringLiteral("hardened")).toBool(), false);
    const QString db = m_fx->database().pgName();
    QCOMPARE(o.value(QStringLiteral("roles")).toObject().value(QStringLiteral("owner")).toString(),
             db + QStringLiteral("_owner"));
    QCOMPARE(o.value(QStringLiteral("roles")).toObject().value(QStringLiteral("member")).toString(),
             db + QStringLiteral("_member"));
    QCOMPARE(o.value(QStringLiteral("admin")).toObject().value(QStringLiteral("login")).toString(),
             login(QStringLiteral("ada@example.org")));
    QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), Database::latestSchemaVersion());
    // The admin signs in with their own login and password.
    const CliRun users = runAs(login(QStringLiteral("ada@example.org")), {QStringLiteral("users")});
    QVERIFY2(users.exitCode == 0, users.describe());
    QVERIFY(users.out.contains(QStringLiteral("Ada Admin")));
}

void TestCliServer::setup_again_upgradesNothing_andRefusesSecondAdmin()
{
    const QStringList first{QStringLiteral("setup"),
                            QStringLiteral("--admin"),
                            QStringLiteral("ada@example.org"),
                            QStringLiteral("--name"),
                            QStringLiteral("Ada Admin"),
                            QStringLiteral("--login-prefix"),
                            m_prefix};
    QVERIFY2(m_fx->run(first, CliFixture::password()).exitCode == 0, "first setup");
    const CliRun again = m_fx->run({QStringLiteral("setup")});
    QVERIFY2(again.exitCode == 0, again.describe());
    QVERIFY(again.out.contains(QStringLiteral("is ready for CertDesk")));
    const CliRun twice = m_fx->run(first, CliFixture::password());
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains(QStringLiteral("already has users")), twice.describe());
    // Another prefix would orphan the logins made with the first: refused.
    const CliRun prefix = m_fx->run(
        {QStringLiteral("setup"), QStringLiteral("--login-prefix"), QStringLiteral("other_")});
    QCOMPARE(prefix.exitCode, 1);
    QVERIFY2(prefix.err.contains(QStringLiteral("cannot change")), prefix.describe());
}

// A login's connection limit and statement timeout as the server holds them.
static QString limitsOf(const TestDatabase &db, const QString &login)
{
    auto su = db.openAnother();
    if (!su)
        return QStringLiteral("no connection");
    QString error;
    QSqlQuery q = Sql::run(su->connection(),
                           QStringLiteral("SELECT r.rolconnlimit, (SELECT string_agg(c, ',') FROM "
                                          "pg_db_role_setting s, unnest(s.setconfig) c WHERE "
                                          "s.setrole = r.oid) FROM pg_roles r WHERE rolname = ?"),
                           {login}, &error);
    if (!q.next())
        return error.isEmpty() ? QStringLiteral("no such login") : error;
    return q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
}

// What a person's own login may read or call, as psql would: the other
// sessions' activity and the large objects.
static QString probeAs(const TestDatabase &db, const QString &login, const QString &sql)
{
    QString error;
    auto as = db.openAs(login, CliFixture::password(), &error);
    if (!as)
        return error;
    QSqlQuery q = Sql::run(as->connection(), sql, {}, &error);
    if (!error.isEmpty())
        return error.section(QLatin1Char('\n'), 0, 0);
    return q.next() ? QStringLiteral("read: ") + q.value(0).toString() : QStringLiteral("no row");
}

// Every login with the limits setup chose; a later setup changes them on
// every login and keeps them when not given; --harden-server hides the other
// sessions; large objects are never a member's.
void TestCliServer::setup_limitsAndHardening()
{
    QVERIFY(setupWithAda());
    const QString ada = login(QStringLiteral("ada@example.org"));
    QCOMPARE(limitsOf(m_fx->database(), ada), QStringLiteral("10 statement_timeout=60s"));
    const CliRun added = runAs(ada, {QStringLiteral("user"), QStringLiteral("add"),
                                     QStringLiteral("lin@example.org"), QStringLiteral("--name"),
                                     QStringLiteral("Lin Learner"), QStringLiteral("--password"),
                                     CliFixture::password()});
    QVERIFY2(added.exitCode == 0, added.describe());
    const QString lin = login(QStringLiteral("lin@example.org"));
    QCOMPARE(limitsOf(m_fx->database(), lin), QStringLiteral("10 statement_timeout=60s"));

    const QString activity = QStringLiteral("SELECT count(*) FROM pg_stat_activity");
    const QString largeObject = QStringLiteral("SELECT lo_from_bytea(0, '\\x00'::bytea)");
    QVERIFY2(probeAs(m_fx->database(), lin, activity).startsWith(QLatin1String("read:")),
             "without --harden-server, pg_stat_activity stays PostgreSQL's");
    const QString lo = probeAs(m_fx->database(), lin, largeObject);
    qInfo("lo_from_bytea by a member: %s", qPrintable(lo));
    QVERIFY2(lo.contains(QLatin1String("permission denied")), qPrintable(lo));
    // How many certificates the platform holds, from the sequences behind
    // the ids: closed with or without --harden-server (no sequence grants).
    for (const QString &sql :
         {QStringLiteral("SELECT last_value FROM certificates_id_seq"),
          QStringLiteral("SELECT pg_sequence_last_value('certificates_id_seq')"),
          QStringLiteral("SELECT nextval('certificates_id_seq')")}) {
        const QString outcome = probeAs(m_fx->database(), lin, sql);
        qInfo("%-60s -> %s", qPrintable(sql), qPrintable(outcome));
        QVERIFY2(outcome.contains(QLatin1String("permission denied")), qPrintable(outcome));
    }
    const QString listed = probeAs(
        m_fx->database(), lin,
        QStringLiteral("SELECT count(*) FILTER (WHERE last_value IS NOT NULL) FROM pg_sequences"));
    qInfo("%-60s -> %s", "pg_sequences values shown", qPrintable(listed));
    QCOMPARE(listed, QStringLiteral("read: 0"));

    const CliRun hardened = m_fx->run(
        {QStringLiteral("setup"), QStringLiteral("--connection-limit"), QStringLiteral("3"),
         QStringLiteral("--statement-timeout"), QStringLiteral("1 s"),
         QStringLiteral("--harden-server"), QStringLiteral("--json")});
    QVERIFY2(hardened.exitCode == 0, hardened.describe());
    const QJsonObject o = hardened.json().object();
    QCOMPARE(o.value(QStringLiteral("connection_limit")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("statement_timeout")).toString(), QStringLiteral("1s"));
    QCOMPARE(o.value(QStringLiteral("hardened")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("logins_updated")).toInt(), 2);
    QCOMPARE(limitsOf(m_fx->database(), ada), QStringLiteral("3 statement_timeout=1s"));
    QCOMPARE(limitsOf(m_fx->database(), lin), QStringLiteral("3 statement_timeout=1s"));
    for (const QString &sql :
         {activity, QStringLiteral("SELECT count(*) FROM pg_stat_get_activity(NULL)"),
          QStringLiteral("SELECT count(*) FROM pg_locks"),
          QStringLiteral("SELECT count(*) FROM pg_stat_user_tables"), largeObject}) {
        const QString outcome = probeAs(m_fx->database(), lin, sql);
        qInfo("%-60s -> %s", qPrintable(sql), qPrintable(outcome));
        QVERIFY2(outcome.contains(QLatin1String("permission denied")), qPrintable(outcome));
    }
    // A statement longer than the timeout is cancelled.
    const QString slow = probeAs(m_fx->database(), lin, QStringLiteral("SELECT pg_sleep(3)"));
    QVERIFY2(slow.contains(QLatin1String("statement timeout")), qPrintable(slow));

    // Not given again: kept, and nothing changes.
    const CliRun again = m_fx->run({QStringLiteral("setup"), QStringLiteral("--json")});
    QVERIFY2(again.exitCode == 0, again.describe());
    const QJsonObject a = again.json().object();
    QCOMPARE(a.value(QStringLiteral("connection_limit")).toInt(), 3);
    QCOMPARE(a.value(QStringLiteral("statement_timeout")).toString(), QStringLiteral("1s"));
    QCOMPARE(a.value(QStringLiteral("hardened")).toBool(), true);
    QCOMPARE(a.value(QStringLiteral("logins_updated")).toInt(), 0);
    QVERIFY(probeAs(m_fx->database(), lin, activity).contains(QLatin1String("permission denied")));
}

void TestCliServer::setup_badLimits_refused()
{
    for (const QStringList &bad :
         {QStringList{QStringLiteral("--connection-limit"), QStringLiteral("0")},
          {QStringLiteral("--connection-limit"), QStringLiteral("many")},
          {QStringLiteral("--connection-limit"), QStringLiteral("99999")},
          {QStringLiteral("--statement-timeout"), QStringLiteral("50ms")},
          {QStringLiteral("--statement-timeout"), QStringLiteral("2d")},
          {QStringLiteral("--statement-timeout"), QStringLiteral("soon")},
          {QStringLiteral("--statement-timeout"), QStringLiteral("1s; DROP ROLE x")}}) {
        const CliRun r = m_fx->run(QStringList{QStringLiteral("setup")} + bad);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad.constLast()) || r.err.contains(QLatin1String("connection")),
                 r.describe());
    }
    // Nothing was prepared: the database is not secured yet.
    auto su = m_fx->database().openAnother();
    QVERIFY(su);
    QString error;
    QSqlQuery q = Sql::run(su->connection(),
                           QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = "
                                          "'cd_api'"),
                           {}, &error);
    QVERIFY2(q.next(), qPrintable(error));
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestCliServer::setup_onSqlite_refused()
{
    QTemporaryDir dir;
    const CliRun r = m_fx->run(
        {QStringLiteral("--db"), dir.filePath(QStringLiteral("x.sqlite")), QStringLiteral("setup")},
        QString(), QByteArray(), false);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("certdesk-cli init")), r.describe());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.sqlite"))));
}

void TestCliServer::setup_byAPersonsLogin_refused()
{
    QVERIFY(setupWithAda());
    // (setup reads the connection's password the libpq way only.)
    const CliRun r = runAs(login(QStringLiteral("ada@example.org")), {QStringLiteral("setup")},
                           CliFixture::password(), true);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("superuser")), r.describe());
}

void TestCliServer::commands_actAsTheConnectionsLogin()
{
    QVERIFY(setupWithAda());
    const QString ada = login(QStringLiteral("ada@example.org"));
    const CliRun on = runAs(
        ada, {QStringLiteral("settings"), QStringLiteral("import.enabled"), QStringLiteral("on")});
    QVERIFY2(on.exitCode == 0, on.describe());
    // --as is refused: who acts is the connection's login (usage error).
    const CliRun as = runAs(
        ada, {QStringLiteral("--as"), QStringLiteral("ada@example.org"), QStringLiteral("users")});
    QCOMPARE(as.exitCode, 2);
    QVERIFY2(as.err.contains(QStringLiteral("--as is refused")), as.describe());
    // A wrong password: the server says no, and the CLI says so.
    const CliRun wrong = runAs(ada, {QStringLiteral("users")}, QStringLiteral("nope-nope"));
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains(QStringLiteral("password authentication failed")),
             wrong.describe());
    // The superuser is no CertDesk user: commands that act as one are refused.
    const CliRun dba = m_fx->run({QStringLiteral("users")});
    QCOMPARE(dba.exitCode, 1);
    QVERIFY2(dba.err.contains(QStringLiteral("not an active CertDesk user")), dba.describe());
}

void TestCliServer::userAdd_login_deleteDisablesIt()
{
    QVERIFY(setupWithAda());
    const QString ada = login(QStringLiteral("ada@example.org"));
    const CliRun added = runAs(ada, {QStringLiteral("user"), QStringLiteral("add"),
                                     QStringLiteral("lin@example.org"), QStringLiteral("--name"),
                                     QStringLiteral("Lin Learner"), QStringLiteral("--password"),
                                     CliFixture::password()});
    QVERIFY2(added.exitCode == 0, added.describe());
    const QString lin = login(QStringLiteral("lin@example.org"));
    const CliRun mine = runAs(lin, {QStringLiteral("certificates")});
    QVERIFY2(mine.exitCode == 0, mine.describe());
    // A learner may not change settings: the policy says so before the server would.
    const CliRun settings = runAs(
        lin, {QStringLiteral("settings"), QStringLiteral("import.enabled"), QStringLiteral("off")});
    QCOMPARE(settings.exitCode, 1);
    // Without a password the new person could never sign in: refused.
    const CliRun nopw =
        runAs(ada, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x@example.org"),
                    QStringLiteral("--name"), QStringLiteral("X")});
    QCOMPARE(nopw.exitCode, 1);
    QVERIFY2(nopw.err.contains(QStringLiteral("first password")), nopw.describe());
    const CliRun deleted = runAs(
        ada, {QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("lin@example.org")});
    QVERIFY2(deleted.exitCode == 0, deleted.describe());
    const CliRun gone = runAs(lin, {QStringLiteral("certificates")});
    QCOMPARE(gone.exitCode, 1);
    QVERIFY2(gone.err.contains(QStringLiteral("not permitted to log in")), gone.describe());
}

QTEST_GUILESS_MAIN(TestCliServer)
#include "tst_cli_server.moc"
