// certdesk-cli on a shared PostgreSQL server (issue 5): `setup` by a database
// superuser, then every command acting as the login of its connection
// (--as refused), logins created by `user add` and disabled by `user delete`.
#include "CliFixture.h"

#include <QProcessEnvironment>
#include <QUrl>

class TestCliServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_fx.reset(); }

    void setup_json_rolesAndFirstAdmin();
    void setup_again_upgradesNothing_andRefusesSecondAdmin();
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
             sorted({QStringLiteral("admin"), QStringLiteral("location"),
                     QStringLiteral("login_prefix"), QStringLiteral("previous_schema_version"),
                     QStringLiteral("roles"), QStringLiteral("schema_version")}));
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
    QVERIFY(m_fx->run({QStringLiteral("setup"), QStringLiteral("--admin"),
                       QStringLiteral("ada@example.org"), QStringLiteral("--name"),
                       QStringLiteral("Ada Admin"), QStringLiteral("--login-prefix"), m_prefix},
                      CliFixture::password())
                .exitCode == 0);
    // (setup reads the connection's password the libpq way only.)
    const CliRun r = runAs(login(QStringLiteral("ada@example.org")), {QStringLiteral("setup")},
                           CliFixture::password(), true);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("superuser")), r.describe());
}

void TestCliServer::commands_actAsTheConnectionsLogin()
{
    QVERIFY(m_fx->run({QStringLiteral("setup"), QStringLiteral("--admin"),
                       QStringLiteral("ada@example.org"), QStringLiteral("--name"),
                       QStringLiteral("Ada Admin"), QStringLiteral("--login-prefix"), m_prefix},
                      CliFixture::password())
                .exitCode == 0);
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
    QVERIFY(m_fx->run({QStringLiteral("setup"), QStringLiteral("--admin"),
                       QStringLiteral("ada@example.org"), QStringLiteral("--name"),
                       QStringLiteral("Ada Admin"), QStringLiteral("--login-prefix"), m_prefix},
                      CliFixture::password())
                .exitCode == 0);
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
