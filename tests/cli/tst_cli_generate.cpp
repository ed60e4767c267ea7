// certdesk-cli generate (CLI.md "generate"), the real binary on small
// numbers: the counts it reports are the rows written; the organisation has
// its shape (groups three deep, managers of 5 to 30, a skew of certificates
// per person, every certificate opening a stored PDF); the same seed gives
// the same data on both backends; a database that is not empty is refused
// with nothing written; bad numbers are usage errors; on a server prepared
// by setup every generated person signs in with their own login and sees
// their own scope. SQLite and PostgreSQL.
#include "CliFixture.h"
#include "services/ReviewService.h"

#include <QSqlQuery>
#include <QUrl>

namespace {
const QStringList kSmall{QStringLiteral("--people"),       QStringLiteral("300"),
                         QStringLiteral("--certificates"), QStringLiteral("3000"),
                         QStringLiteral("--pending"),      QStringLiteral("200")};

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// The first rows of the certificates, as text, for comparing two runs.
QStringList firstCertificates(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    QStringList rows;
    if (!q.exec(QStringLiteral("SELECT c.id, u.email, c.name, c.delivered_on, c.expires_on, "
                               "c.status, c.pdf_sha256 FROM certificates c JOIN users u ON u.id "
                               "= c.owner_id ORDER BY c.id LIMIT 25")))
        return {QStringLiteral("query failed")};
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < 7; ++i)
            fields << (i == 3 || i == 4 ? Sql::toDate(q.value(i)).toString(Qt::ISODate)
                                        : q.value(i).toString());
        rows << fields.join(QLatin1Char('|'));
    }
    return rows;
}

// The report without what depends on the run (time, place).
QJsonObject stable(QJsonObject report)
{
    for (const char *key : {"seconds", "rows_per_second", "location", "logins", "rows"})
        report.remove(QString::fromLatin1(key));
    return report;
}
} // namespace

class TestCliGenerate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_fx.reset(); }

    void generate_countsMatchRows_andShape();
    void generate_sameSeed_sameData_onBothBackends();
    void generate_notEmpty_refused_nothingWritten();
    void generate_badNumbers_usageErrors();
    void generate_preparedServer_eachLoginSeesItsScope();

private:
    QSqlDatabase db() { return m_fx->database().db().connection(); }
    CliRun generate(const QStringList &extra = {});
    // certdesk-cli as a generated person's own login on the prepared server.
    CliRun runAs(const QString &login, const QStringList &args) const;

    std::unique_ptr<CliFixture> m_fx;
};

void TestCliGenerate::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fx = std::make_unique<CliFixture>(backend);
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
}

CliRun TestCliGenerate::generate(const QStringList &extra)
{
    m_fx->database().close();
    CliRun r = m_fx->run(QStringList{QStringLiteral("--json"), QStringLiteral("generate")} +
                         kSmall + extra);
    m_fx->database().reopen();
    return r;
}

void TestCliGenerate::generate_countsMatchRows_andShape()
{
    const CliRun r = generate();
    QVERIFY2(r.exitCode == 0, r.describe());
    // stderr: at most progress lines, none a refusal.
    QVERIFY2(!r.err.contains(QStringLiteral("certdesk-cli:")), r.describe());
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(QStringLiteral("people")).toInt(), 300);
    QCOMPARE(o.value(QStringLiteral("certificates")).toInteger(), 3000);
    QCOMPARE(o.value(QStringLiteral("pending")).toInteger(), 200);
    QCOMPARE(o.value(QStringLiteral("open_tasks")).toInteger(), 200);
    QCOMPARE(o.value(QStringLiteral("password")).toString(), QStringLiteral("generated"));
    QVERIFY(o.value(QStringLiteral("seconds")).toDouble() > 0);
    QVERIFY(o.value(QStringLiteral("rows_per_second")).toInteger() > 0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM users")), 300);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM certificates")), 3000);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM validation_tasks WHERE state = "
                                         "'open'")),
             200);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM certificates WHERE status = "
                                         "'pending'")),
             200);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM notifications")),
             o.value(QStringLiteral("notifications")).toInteger());
    // Every open task asks each of its reviewers, unread (R8).
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM notifications n JOIN "
                                         "validation_tasks t ON t.id = n.task_id WHERE t.state = "
                                         "'open' AND n.category = 'validation-request' AND "
                                         "n.read_at IS NULL")),
             scalar(db(), QStringLiteral("SELECT COUNT(*) FROM task_reviewers r JOIN "
                                         "validation_tasks t ON t.id = r.task_id WHERE t.state = "
                                         "'open'")));
    // Groups three deep under the platform group.
    QVERIFY(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM groups t JOIN groups d ON d.id = "
                                        "t.parent_id JOIN groups v ON v.id = d.parent_id JOIN "
                                        "groups p ON p.id = v.parent_id WHERE p.parent_id IS "
                                        "NULL")) >= 2);
    // Managers of 5 to 30 people.
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM (SELECT manager_id FROM users "
                                         "WHERE manager_id IS NOT NULL GROUP BY manager_id "
                                         "HAVING COUNT(*) < 5 OR COUNT(*) > 30) x")),
             0);
    QVERIFY(scalar(db(), QStringLiteral("SELECT COUNT(DISTINCT manager_id) FROM users")) >= 20);
    QVERIFY(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM memberships WHERE role = "
                                        "'coach'")) > 0);
    // Skewed: the most certificates far above the median.
    const qint64 most = scalar(db(), QStringLiteral("SELECT MAX(n) FROM (SELECT COUNT(*) AS n "
                                                    "FROM certificates GROUP BY owner_id) x"));
    const qint64 median = o.value(QStringLiteral("median_certificates_per_person")).toInteger();
    QVERIFY2(most >= 5 * qMax<qint64>(1, median),
             qPrintable(QStringLiteral("max %1, median %2").arg(most).arg(median)));
    QCOMPARE(most, o.value(QStringLiteral("max_certificates_per_person")).toInteger());
    // Every certificate opens a stored PDF; a few PDFs are shared.
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM certificates c JOIN pdf_blobs b ON "
                                         "b.sha256 = c.pdf_sha256")),
             3000);
    QVERIFY(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM pdf_blobs")) <= 40);
    QVERIFY(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM certificates WHERE template_id IS "
                                        "NOT NULL")) > 1000);
    QVERIFY(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM group_requirements")) > 0);
    // The well-known people, by their fixed addresses.
    QStringList emails;
    for (const QJsonValue v : o.value(QStringLiteral("well_known")).toArray()) {
        const QJsonObject w = v.toObject();
        emails << w.value(QStringLiteral("email")).toString();
        QCOMPARE(
            scalar(db(), QStringLiteral("SELECT COUNT(*) FROM certificates WHERE owner_id = %1")
                             .arg(w.value(QStringLiteral("id")).toInteger())),
            w.value(QStringLiteral("certificates")).toInteger());
    }
    for (const char *email : {"admin@gen.example", "heavy.holder@gen.example",
                              "busy.reviewer@gen.example", "learner@gen.example"})
        QVERIFY2(emails.contains(QString::fromLatin1(email)), email);
    // The password works (SQLite; a prepared server's logins: below).
    if (m_fx->database().backend() == QLatin1String("sqlite")) {
        const CliRun mine =
            m_fx->run({QStringLiteral("--as"), QStringLiteral("learner@gen.example"),
                       QStringLiteral("--json"), QStringLiteral("certificates")},
                      QStringLiteral("generated"));
        QVERIFY2(mine.exitCode == 0, mine.describe());
    }
}

void TestCliGenerate::generate_sameSeed_sameData_onBothBackends()
{
    const CliRun here = generate({QStringLiteral("--seed"), QStringLiteral("42")});
    QVERIFY2(here.exitCode == 0, here.describe());
    // The same seed into a SQLite file: the same report and the same rows.
    const QString file = m_fx->filePath(QStringLiteral("again.sqlite"));
    const QStringList args = QStringList{QStringLiteral("--db"), file, QStringLiteral("--json"),
                                         QStringLiteral("generate")} +
                             kSmall;
    const CliRun again =
        m_fx->run(args + QStringList{QStringLiteral("--seed"), QStringLiteral("42")}, QString(),
                  QByteArray(), false);
    QVERIFY2(again.exitCode == 0, again.describe());
    QString parseError;
    QCOMPARE(stable(again.json().object()), stable(here.json().object()));
    const auto other = Database::open(DatabaseLocation::parse(file, &parseError));
    QVERIFY(other);
    const QStringList rows = firstCertificates(db());
    QCOMPARE(rows.size(), 25);
    QCOMPARE(firstCertificates(other.value()->connection()), rows);
    // Another seed, other data.
    const QString file2 = m_fx->filePath(QStringLiteral("other.sqlite"));
    const CliRun seeded =
        m_fx->run(QStringList{QStringLiteral("--db"), file2, QStringLiteral("generate")} + kSmall +
                      QStringList{QStringLiteral("--seed"), QStringLiteral("43")},
                  QString(), QByteArray(), false);
    QVERIFY2(seeded.exitCode == 0, seeded.describe());
    const auto third = Database::open(DatabaseLocation::parse(file2, &parseError));
    QVERIFY(third);
    QVERIFY(firstCertificates(third.value()->connection()) != rows);
}

void TestCliGenerate::generate_notEmpty_refused_nothingWritten()
{
    // A database with its first admin only.
    QVERIFY(m_fx->makeOrganisation());
    const auto before = m_fx->counts();
    CliRun r = generate();
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QStringLiteral("empty")), r.describe());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_fx->counts(), before);
    // A generated one, generated again.
    cleanup();
    init();
    QVERIFY2(generate().exitCode == 0, "first run");
    const auto filled = m_fx->counts();
    r = generate({QStringLiteral("--seed"), QStringLiteral("7")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QCOMPARE(m_fx->counts(), filled);
}

void TestCliGenerate::generate_badNumbers_usageErrors()
{
    const auto before = m_fx->counts();
    const QList<QStringList> bad{
        {QStringLiteral("--people"), QStringLiteral("0"), QStringLiteral("--certificates"),
         QStringLiteral("10"), QStringLiteral("--pending"), QStringLiteral("1")},
        {QStringLiteral("--people"), QStringLiteral("abc"), QStringLiteral("--certificates"),
         QStringLiteral("10"), QStringLiteral("--pending"), QStringLiteral("1")},
        {QStringLiteral("--people"), QStringLiteral("300"), QStringLiteral("--certificates"),
         QStringLiteral("3000"), QStringLiteral("--pending"), QStringLiteral("3001")},
        {QStringLiteral("--people"), QStringLiteral("300"), QStringLiteral("--certificates"),
         QStringLiteral("-5"), QStringLiteral("--pending"), QStringLiteral("0")},
        {QStringLiteral("--people"), QStringLiteral("300"), QStringLiteral("--certificates"),
         QStringLiteral("3000")},
        kSmall + QStringList{QStringLiteral("--seed"), QStringLiteral("minus")},
    };
    for (const QStringList &args : bad) {
        const CliRun r = m_fx->run(QStringList{QStringLiteral("generate")} + args);
        QVERIFY2(r.exitCode == 2, r.describe());
        QCOMPARE(r.errLines().size(), 2);
        QVERIFY2(r.errLines().constLast().contains(QStringLiteral("generate --help")),
                 r.describe());
    }
    QCOMPARE(m_fx->counts(), before);
    // Nothing is created either.
    const QString file = m_fx->filePath(QStringLiteral("never.sqlite"));
    QCOMPARE(m_fx->run({QStringLiteral("--db"), file, QStringLiteral("generate"),
                        QStringLiteral("--people"), QStringLiteral("0"),
                        QStringLiteral("--certificates"), QStringLiteral("1"),
                        QStringLiteral("--pending"), QStringLiteral("0")},
                       QString(), QByteArray(), false)
                 .exitCode,
             2);
    QVERIFY(!QFile::exists(file));
}

CliRun TestCliGenerate::runAs(const QString &login, const QStringList &args) const
{
    QUrl url(m_fx->location());
    url.setUserName(login);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    env.remove(QStringLiteral("CERTDESK_DB"));
    env.insert(QStringLiteral("CERTDESK_PASSWORD"), QStringLiteral("generated"));
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

void TestCliGenerate::generate_preparedServer_eachLoginSeesItsScope()
{
    if (m_fx->database().backend() != QLatin1String("postgresql")) {
        QTest::qSkip("setup prepares PostgreSQL databases only", __FILE__, __LINE__);
        return;
    }
    const QString prefix = m_fx->database().pgName() + QLatin1Char('_');
    m_fx->database().close();
    const CliRun setup =
        m_fx->run({QStringLiteral("setup"), QStringLiteral("--login-prefix"), prefix});
    QVERIFY2(setup.exitCode == 0, setup.describe());
    const CliRun r = generate();
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QStringLiteral("logins")).toInt(), 300);
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname LIKE '%1%' "
                                    "AND rolname <> '%2_member' AND pg_has_role(oid, '%2_member', "
                                    "'MEMBER')")
                         .arg(prefix, m_fx->database().pgName())),
        300);
    // The learner's own login lists exactly their own certificates (R5).
    const QString learner = QStringLiteral("learner@gen.example");
    const Id learnerId =
        scalar(db(), QStringLiteral("SELECT id FROM users WHERE email = '%1'").arg(learner));
    const CliRun mine =
        runAs(prefix + learner, {QStringLiteral("--json"), QStringLiteral("certificates")});
    QVERIFY2(mine.exitCode == 0, mine.describe());
    const QJsonArray list = mine.json().array();
    QCOMPARE(qint64(list.size()),
             scalar(db(), QStringLiteral("SELECT COUNT(*) FROM certificates WHERE owner_id = %1")
                              .arg(learnerId)));
    // Another person's certificates are refused.
    const CliRun other =
        runAs(prefix + learner, {QStringLiteral("certificates"), QStringLiteral("--user"),
                                 QStringLiteral("heavy.holder@gen.example")});
    QVERIFY2(other.exitCode == 1, other.describe());
    // The busy reviewer's login is asked for the tasks routed to them (the
    // server's API decides; `tasks --json` would also read every PDF).
    qint64 busy = 0;
    for (const QJsonValue v : r.json().object().value(QStringLiteral("well_known")).toArray()) {
        if (v.toObject().value(QStringLiteral("role")).toString() == QLatin1String("busy-reviewer"))
            busy = v.toObject().value(QStringLiteral("open_tasks")).toInteger();
    }
    QVERIFY(busy > 0);
    QString error;
    const auto reviewer = m_fx->database().openAs(
        prefix + QStringLiteral("busy.reviewer@gen.example"), QStringLiteral("generated"), &error);
    QVERIFY2(reviewer, qPrintable(error));
    const auto count = ReviewService(*reviewer).taskCount(reviewer->serverUserId(), true);
    QVERIFY2(count, qPrintable(count.message()));
    QCOMPARE(qint64(count.value()), busy);
}

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cli_generate.moc"
