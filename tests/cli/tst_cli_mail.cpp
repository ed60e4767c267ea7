// certdesk-cli mail-relay and mail status|failed|retry|password, as scripts
// and service managers see them: the real binary against a real SMTP server
// (tests/support/sink.py), on SQLite and PostgreSQL. One pass (--once) with its
// exit codes and JSON, the server down then given up, the service stopped by
// SIGTERM after the email in progress, and the SMTP password never printed.
#include "CliFixture.h"
#include "SmtpSink.h"
#include "policy/MailSecret.h"

#include <QElapsedTimer>
#include <QSqlQuery>

class TestCliMail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup();

    void help_listsMailCommands_usageErrorsExitTwo();
    void settings_smtpPasswordNeverPrinted();
    void relayOnce_sendsWhatIsDue_json();
    void relayOnce_serverDown_rescheduledThenGivenUp_failedAndRetry();
    void relayOnce_notConfigured_exitOneNothingTouched();
    void relayService_sigtermStopsCleanly();

private:
    bool configure(int port);
    Id queue(const QString &to, int hoursAgo = 0);
    QString stateOf(Id id);

    QTemporaryDir m_keyDir;
    std::unique_ptr<CliFixture> m_fx;
    SmtpSink m_sink;
};

void TestCliMail::initTestCase()
{
    // Inherited by certdesk-cli: the key of these tests, never the user's.
    QVERIFY(m_keyDir.isValid());
    qputenv("CERTDESK_MAIL_KEY_FILE", m_keyDir.filePath(QStringLiteral("mail.key")).toUtf8());
    qunsetenv("CERTDESK_MAIL_KEY");
    qunsetenv("CERTDESK_MAIL_PASSWORD");
}

void TestCliMail::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fx = std::make_unique<CliFixture>(backend);
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    QVERIFY(m_fx->makeOrganisation());
    m_sink.stop();
    m_sink.clear();
}

void TestCliMail::cleanup()
{
    m_sink.stop();
    m_fx.reset();
}

bool TestCliMail::configure(int port)
{
    const QList<QStringList> settings = {
        {QStringLiteral("mail.host"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("mail.port"), QString::number(port)},
        {QStringLiteral("mail.security"), QStringLiteral("none")},
        {QStringLiteral("mail.from"), QStringLiteral("CertDesk <certdesk@test.example>")},
    };
    for (const QStringList &kv : settings) {
        const CliRun r =
            m_fx->as(CliFixture::adminEmail(), QStringList{QStringLiteral("settings")} + kv);
        if (r.exitCode != 0) {
            qWarning("%s", r.describe().constData());
            return false;
        }
    }
    return true;
}

Id TestCliMail::queue(const QString &to, int hoursAgo)
{
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-3600 * hoursAgo);
    QString error;
    const Id id = Sql::insert(
        m_fx->database().db().connection(),
        QStringLiteral("INSERT INTO email_outbox (recipient_email, subject, body, language, state, "
                       "next_attempt_at, created_at) VALUES (?, ?, 'Body', 'en', 'queued', ?, ?)"),
        {to, QStringLiteral("Über %1").arg(to), at, at}, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return id;
}

QString TestCliMail::stateOf(Id id)
{
    QString error;
    QSqlQuery q =
        Sql::run(m_fx->database().db().connection(),
                 QStringLiteral("SELECT state FROM email_outbox WHERE id = ?"), {id}, &error);
    return q.next() ? q.value(0).toString() : error;
}

void TestCliMail::help_listsMailCommands_usageErrorsExitTwo()
{
    const CliRun help = m_fx->run({QStringLiteral("--help")}, QString(), {}, false);
    QCOMPARE(help.exitCode, 0);
    for (const char *command :
         {"mail-relay", "mail status", "mail failed", "mail retry", "mail password"})
        QVERIFY2(help.out.contains(QStringLiteral("  ") + QString::fromLatin1(command) +
                                   QStringLiteral("  ")),
                 command);
    const CliRun relayHelp = m_fx->run({QStringLiteral("mail-relay"), QStringLiteral("--help")});
    QCOMPARE(relayHelp.exitCode, 0);
    QVERIFY(relayHelp.out.contains(QLatin1String("--interval SECONDS")));
    QVERIFY(!relayHelp.out.contains(QLatin1String("Needs --as")));

    for (const QStringList &args :
         {QStringList{QStringLiteral("mail-relay"), QStringLiteral("--once"),
                      QStringLiteral("--interval"), QStringLiteral("5")},
          QStringList{QStringLiteral("mail-relay"), QStringLiteral("--bogus")},
          QStringList{QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("mail"),
                      QStringLiteral("retry")},
          QStringList{QStringLiteral("mail"), QStringLiteral("failed")}}) {
        const CliRun r = m_fx->run(args, CliFixture::password());
        QVERIFY2(r.exitCode == 2, r.describe());
    }
    const CliRun badInterval = m_fx->run(
        {QStringLiteral("mail-relay"), QStringLiteral("--interval"), QStringLiteral("0")});
    QVERIFY2(badInterval.exitCode == 1, badInterval.describe());
    QCOMPARE(badInterval.errLines().size(), 1);
}

void TestCliMail::settings_smtpPasswordNeverPrinted()
{
    const QString secret = QStringLiteral("Sm7p-s3cret");
    CliRun r = m_fx->as(CliFixture::adminEmail(),
                        {QStringLiteral("settings"), QStringLiteral("mail.password"), secret});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out, QStringLiteral("mail.password is now set.\n"));
    for (const QStringList &args :
         {QStringList{QStringLiteral("settings")},
          QStringList{QStringLiteral("--json"), QStringLiteral("settings")},
          QStringList{QStringLiteral("settings"), QStringLiteral("mail.password")},
          QStringList{QStringLiteral("--json"), QStringLiteral("mail"),
                      QStringLiteral("status")}}) {
        r = m_fx->as(CliFixture::adminEmail(), args);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), r.describe());
    }
    r = m_fx->as(CliFixture::adminEmail(),
                 {QStringLiteral("settings"), QStringLiteral("mail.password")});
    QCOMPARE(r.out, QStringLiteral("set\n"));

    // "mail password": from the next line of stdin, after the --as password.
    r = m_fx->run({QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("mail"),
                   QStringLiteral("password")},
                  QString(), CliFixture::password().toUtf8() + "\nfrom-stdin\n");
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains(QLatin1String("mail key")), r.describe());
    QVERIFY(!r.out.contains(QLatin1String("from-stdin")));
    const auto settings = PlatformSettings::load(m_fx->database().db().connection());
    QCOMPARE(settings->mail.password().value(), QStringLiteral("from-stdin"));

    // Only platform admins; nothing in the table in clear.
    r = m_fx->run({QStringLiteral("--as"), CliFixture::leadEmail(), QStringLiteral("mail"),
                   QStringLiteral("password")},
                  CliFixture::password(), "other\n");
    QVERIFY2(r.exitCode == 1, r.describe());
    QSqlQuery q(m_fx->database().db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'mail.password'")));
    QVERIFY(q.next());
    QVERIFY(MailSecret::isSealed(q.value(0).toString()));
    QVERIFY(!q.value(0).toString().contains(QLatin1String("from-stdin")));
}

void TestCliMail::relayOnce_sendsWhatIsDue_json()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(configure(m_sink.port()));
    const Id a = queue(QStringLiteral("a@test.example"));
    const Id b = queue(QStringLiteral("b@test.example"));

    // No --as: the relay is a service.
    CliRun r = m_fx->run(
        {QStringLiteral("--json"), QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.err.isEmpty(), r.describe());
    const QJsonObject summary = r.json().object();
    QCOMPARE(sortedKeys(summary),
             sorted({QStringLiteral("sent"), QStringLiteral("rescheduled"),
                     QStringLiteral("deferred"), QStringLiteral("gave_up"),
                     QStringLiteral("stopped"), QStringLiteral("server_problem"),
                     QStringLiteral("last_error"), QStringLiteral("next_attempt_at"),
                     QStringLiteral("reminders"), QStringLiteral("reminders_problem")}));
    QCOMPARE(summary.value(QStringLiteral("sent")).toInt(), 2);
    // The day's reminders run first (none due here).
    QCOMPARE(summary.value(QStringLiteral("reminders")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("reminders_problem")), QJsonValue());
    QCOMPARE(summary.value(QStringLiteral("next_attempt_at")), QJsonValue());
    QCOMPARE(m_sink.messages().size(), 2);
    QCOMPARE(stateOf(a), QStringLiteral("sent"));
    QCOMPARE(stateOf(b), QStringLiteral("sent"));
    QCOMPARE(m_sink.messages().constFirst().value(QStringLiteral("subject")).toString(),
             QStringLiteral("Über a@test.example"));

    r = m_fx->run({QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out, QStringLiteral("No email was due.\n"));
    QCOMPARE(m_sink.messages().size(), 2);
}

void TestCliMail::relayOnce_serverDown_rescheduledThenGivenUp_failedAndRetry()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(configure(m_sink.port()));
    m_sink.stop();
    const Id fresh = queue(QStringLiteral("fresh@test.example"));

    // Down: rescheduled, exit 0, the reason printed.
    CliRun r = m_fx->run({QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains(QLatin1String("rescheduled 1")), r.describe());
    QVERIFY2(r.out.contains(QLatin1String("cannot be reached")), r.describe());
    QCOMPARE(stateOf(fresh), QStringLiteral("queued"));

    // An email older than mail.give-up-hours (48) is given up: exit 1, summary still printed.
    const Id old = queue(QStringLiteral("old@test.example"), 49);
    r = m_fx->run({QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 1, r.describe());
    QVERIFY2(r.out.contains(QLatin1String("given up 1")), r.describe());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QLatin1String("mail failed")), r.describe());
    QCOMPARE(stateOf(old), QStringLiteral("failed"));
    QCOMPARE(stateOf(fresh), QStringLiteral("queued"));

    // Platform admins list it and queue it again; others may not.
    r = m_fx->as(CliFixture::adminEmail(),
                 {QStringLiteral("--json"), QStringLiteral("mail"), QStringLiteral("failed")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonArray failed = r.json().array();
    QCOMPARE(failed.size(), 1);
    const QJsonObject email = failed.at(0).toObject();
    QCOMPARE(sortedKeys(email),
             sorted({QStringLiteral("id"), QStringLiteral("recipient"), QStringLiteral("subject"),
                     QStringLiteral("language"), QStringLiteral("state"),
                     QStringLiteral("attempts"), QStringLiteral("created_at"),
                     QStringLiteral("last_attempt_at"), QStringLiteral("next_attempt_at"),
                     QStringLiteral("sent_at"), QStringLiteral("last_error"),
                     QStringLiteral("message_id"), QStringLiteral("notification_id")}));
    QCOMPARE(email.value(QStringLiteral("id")).toInteger(), old);
    QCOMPARE(email.value(QStringLiteral("recipient")).toString(),
             QStringLiteral("old@test.example"));
    QVERIFY(email.value(QStringLiteral("last_error"))
                .toString()
                .contains(QLatin1String("cannot be reached")));

    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("mail"), QStringLiteral("failed")});
    QVERIFY2(r.exitCode == 1, r.describe());
    QVERIFY(r.out.isEmpty());
    r = m_fx->as(CliFixture::adminEmail(),
                 {QStringLiteral("mail"), QStringLiteral("retry"), QStringLiteral("abc")});
    QVERIFY2(r.exitCode == 1, r.describe());
    r = m_fx->as(CliFixture::adminEmail(),
                 {QStringLiteral("mail"), QStringLiteral("retry"), QString::number(old)});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(QLatin1String("queued again")));
    QCOMPARE(stateOf(old), QStringLiteral("queued"));
    r = m_fx->as(CliFixture::adminEmail(),
                 {QStringLiteral("mail"), QStringLiteral("retry"), QString::number(old)});
    QVERIFY2(r.exitCode == 1, r.describe()); // not failed any more

    // Back up: the next pass that finds them due sends both, once. (They
    // were rescheduled by up to a minute; move them to now.)
    QSqlQuery q(m_fx->database().db().connection());
    q.prepare(QStringLiteral("UPDATE email_outbox SET next_attempt_at = ?"));
    q.addBindValue(QDateTime::currentDateTimeUtc());
    QVERIFY(q.exec());
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    r = m_fx->run({QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.startsWith(QLatin1String("Sent 2,")), r.describe());
    QCOMPARE(m_sink.messages().size(), 2);
}

void TestCliMail::relayOnce_notConfigured_exitOneNothingTouched()
{
    const Id id = queue(QStringLiteral("x@test.example"));
    const CliRun r = m_fx->run({QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 1, r.describe());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QLatin1String("mail.host")), r.describe());
    QCOMPARE(stateOf(id), QStringLiteral("queued"));
}

void TestCliMail::relayService_sigtermStopsCleanly()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(configure(m_sink.port()));
    queue(QStringLiteral("first@test.example"));

    QProcess relay;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CERTDESK_PASSWORD"));
    relay.setProcessEnvironment(env);
    relay.start(QStringLiteral(CERTDESK_BIN_DIR "/certdesk-cli"),
                {QStringLiteral("--db"), m_fx->location(), QStringLiteral("--json"),
                 QStringLiteral("mail-relay"), QStringLiteral("--interval"), QStringLiteral("1")});
    QVERIFY(relay.waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(m_sink.messages().size(), 1, 20000);
    // A second email is picked up by a later round of the same process.
    queue(QStringLiteral("second@test.example"));
    QTRY_COMPARE_WITH_TIMEOUT(m_sink.messages().size(), 2, 20000);

    relay.terminate(); // SIGTERM
    QVERIFY(relay.waitForFinished(20000));
    QCOMPARE(relay.exitStatus(), QProcess::NormalExit);
    QCOMPARE(relay.exitCode(), 0);
    // One JSON object per round that sent something.
    const QList<QByteArray> lines = relay.readAllStandardOutput().trimmed().split('\n');
    QVERIFY2(lines.size() >= 2, relay.readAllStandardError().constData());
    int sent = 0;
    for (const QByteArray &line : lines) {
        const QJsonObject round = QJsonDocument::fromJson(line).object();
        QVERIFY2(round.contains(QStringLiteral("at")), line.constData());
        sent += round.value(QStringLiteral("sent")).toInt();
    }
    QCOMPARE(sent, 2);
    QCOMPARE(m_sink.messages().size(), 2);
}

QTEST_MAIN(TestCliMail)
#include "tst_cli_mail.moc"
