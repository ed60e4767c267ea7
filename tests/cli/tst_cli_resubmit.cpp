// certdesk-cli resubmit, as scripts see it: a rejected certificate corrected
// and sent again (a new task for the reviewers, or accepted with validation
// off), the same JSON as import, refusals that exit 1 with one line and write
// nothing (not rejected, out of scope, a bad PDF, a bad value), and usage
// errors that exit 2. Every test runs once on SQLite and once on PostgreSQL.
#include "CliFixture.h"

class TestCliResubmit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_fx = std::make_unique<CliFixture>(backend);
        QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
        QVERIFY(m_fx->makeOrganisation());
        setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    }
    void cleanup() { m_fx.reset(); }

    void rejected_correctedAndSentAgain_json();
    void rejected_validationOff_acceptedText();
    void notRejected_exitOneWithMessage_nothingWritten();
    void outOfScopeOrBadValues_exitOne_nothingWritten();
    void badPdf_exitOne_nothingWritten();
    void usageErrors_exitTwo();

private:
    void setSetting(const QString &key, const QString &value)
    {
        const CliRun r =
            m_fx->as(CliFixture::adminEmail(), {QStringLiteral("settings"), key, value});
        QVERIFY2(r.exitCode == 0, r.describe());
    }
    // The learner's certificate, imported under validation: {certificate id, task id}.
    QPair<qint64, qint64> importPending(const QString &name)
    {
        const CliRun r = m_fx->as(CliFixture::learnerEmail(),
                                  {QStringLiteral("--json"), QStringLiteral("import"),
                                   m_fx->pdfFile(name), QStringLiteral("--name"), name,
                                   QStringLiteral("--delivered"), QStringLiteral("2025-01-10")});
        if (r.exitCode != 0) {
            qWarning("%s", r.describe().constData());
            return {0, 0};
        }
        const QJsonObject json = r.json().object();
        return {json.value(QStringLiteral("id")).toInteger(),
                json.value(QStringLiteral("task_id")).toInteger()};
    }
    // Imported, then rejected by the lead (the group's admin, R3).
    qint64 importRejected(const QString &name)
    {
        const auto [id, task] = importPending(name);
        const CliRun r =
            m_fx->as(CliFixture::leadEmail(),
                     {QStringLiteral("review"), QString::number(task), QStringLiteral("--reject"),
                      QStringLiteral("--comment"), QStringLiteral("This is a receipt.")});
        if (r.exitCode != 0) {
            qWarning("%s", r.describe().constData());
            return 0;
        }
        return id;
    }
    CliRun resubmit(const QString &who, const QStringList &args) const
    {
        return m_fx->as(who, QStringList{QStringLiteral("resubmit")} + args);
    }

    std::unique_ptr<CliFixture> m_fx;
};

void TestCliResubmit::rejected_correctedAndSentAgain_json()
{
    const qint64 id = importRejected(QStringLiteral("Receipt"));
    QVERIFY(id > 0);
    const QString file = m_fx->pdfFile(QStringLiteral("The Real Certificate"));
    const CliRun r =
        resubmit(CliFixture::learnerEmail(),
                 {QStringLiteral("--json"), QString::number(id), file, QStringLiteral("--name"),
                  QStringLiteral("First Aid “Level 2” 🩺"), QStringLiteral("--expires"),
                  QStringLiteral("2030-01-10")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.err.isEmpty(), r.describe());
    const QJsonObject json = r.json().object();
    // The import result's keys: a certificate, task_id and reviewers.
    QCOMPARE(
        sortedKeys(json),
        sorted({QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("owner_email"),
                QStringLiteral("owner_name"), QStringLiteral("name"), QStringLiteral("delivered"),
                QStringLiteral("expires"), QStringLiteral("template"), QStringLiteral("credits"),
                QStringLiteral("status"), QStringLiteral("display_status"),
                QStringLiteral("pdf_sha256"), QStringLiteral("uploaded_sha256"),
                QStringLiteral("pdf_repairs"), QStringLiteral("task_id"),
                QStringLiteral("reviewers")}));
    QCOMPARE(json.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(json.value(QStringLiteral("name")).toString(),
             QStringLiteral("First Aid “Level 2” 🩺"));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(json.value(QStringLiteral("delivered")).toString(), QStringLiteral("2025-01-10"));
    QCOMPARE(json.value(QStringLiteral("expires")).toString(), QStringLiteral("2030-01-10"));
    QVERIFY(json.value(QStringLiteral("task_id")).toInteger() > 0);
    QCOMPARE(json.value(QStringLiteral("reviewers"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("email"))
                 .toString(),
             CliFixture::leadEmail());

    // The lead has a new task for it; sending it again now is refused.
    const CliRun tasks = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("tasks")});
    QVERIFY2(tasks.out.contains(QStringLiteral("Level 2")), tasks.describe());
    const CliRun again = resubmit(CliFixture::learnerEmail(), {QString::number(id)});
    QCOMPARE(again.exitCode, 1);
}

void TestCliResubmit::rejected_validationOff_acceptedText()
{
    const qint64 id = importRejected(QStringLiteral("Wrong One"));
    QVERIFY(id > 0);
    setSetting(QStringLiteral("validation.required"), QStringLiteral("off"));
    // The learner's manager sends it again for them (R4), keeping the PDF.
    const CliRun r = resubmit(CliFixture::leadEmail(),
                              {QString::number(id), QStringLiteral("--name"),
                               QStringLiteral("Right One"), QStringLiteral("--no-expiry")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out, QStringLiteral("Sent certificate %1 \"Right One\" of Lin Learner "
                                   "<learner@test.example> again: accepted.\n")
                        .arg(id));
    const CliRun list = m_fx->as(CliFixture::learnerEmail(),
                                 {QStringLiteral("--json"), QStringLiteral("certificates")});
    const QJsonObject c = list.json().array().at(0).toObject();
    QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Right One"));
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
}

void TestCliResubmit::notRejected_exitOneWithMessage_nothingWritten()
{
    const auto [pending, task] = importPending(QStringLiteral("Waiting"));
    QVERIFY(pending > 0 && task > 0);
    const auto before = m_fx->counts();
    const CliRun r =
        resubmit(CliFixture::learnerEmail(),
                 {QString::number(pending), QStringLiteral("--name"), QStringLiteral("Changed")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QCOMPARE(r.err, QStringLiteral("certdesk-cli: Only a rejected certificate can be corrected "
                                   "and sent again; \"Waiting\" is pending validation.\n"));
    QCOMPARE(m_fx->counts(), before);
}

void TestCliResubmit::outOfScopeOrBadValues_exitOne_nothingWritten()
{
    const qint64 id = importRejected(QStringLiteral("Receipt"));
    QVERIFY(id > 0);
    const auto before = m_fx->counts();
    const QString cert = QString::number(id);
    const struct
    {
        const char *label;
        QString who;
        QStringList args;
        QString expected;
    } cases[] = {
        {"outsider", CliFixture::outsiderEmail(), {cert}, QStringLiteral("no certificate")},
        {"not a number",
         CliFixture::learnerEmail(),
         {QStringLiteral("abc")},
         QStringLiteral("not a certificate number")},
        {"unknown",
         CliFixture::learnerEmail(),
         {QStringLiteral("999999")},
         QStringLiteral("no certificate")},
        {"blank name",
         CliFixture::learnerEmail(),
         {cert, QStringLiteral("--name"), QStringLiteral(" ")},
         QStringLiteral("name")},
        {"future",
         CliFixture::learnerEmail(),
         {cert, QStringLiteral("--delivered"),
          QDate::currentDate().addDays(3).toString(Qt::ISODate)},
         QStringLiteral("future")},
        {"bad date",
         CliFixture::learnerEmail(),
         {cert, QStringLiteral("--delivered"), QStringLiteral("2025-02-30")},
         QStringLiteral("not a date")},
        {"expires first",
         CliFixture::learnerEmail(),
         {cert, QStringLiteral("--expires"), QStringLiteral("2020-01-01")},
         QStringLiteral("before the delivery")},
        {"credits off",
         CliFixture::learnerEmail(),
         {cert, QStringLiteral("--credits"), QStringLiteral("2")},
         QStringLiteral("credits")},
    };
    for (const auto &c : cases) {
        const CliRun r = resubmit(c.who, c.args);
        QVERIFY2(r.exitCode == 1,
                 QByteArray(c.label + QByteArray(": ") + r.describe()).constData());
        QVERIFY2(r.errLines().size() == 1 && r.out.isEmpty(), r.describe());
        QVERIFY2(r.err.contains(c.expected, Qt::CaseInsensitive),
                 QByteArray(c.label + QByteArray(": ") + r.describe()).constData());
    }
    QCOMPARE(m_fx->counts(), before);
}

void TestCliResubmit::badPdf_exitOne_nothingWritten()
{
    const qint64 id = importRejected(QStringLiteral("Receipt"));
    QVERIFY(id > 0);
    const QByteArray good = m_fx->certificatePdf(QStringLiteral("Good"));
    const auto before = m_fx->counts();
    const struct
    {
        QString file;
        QString expected;
    } cases[] = {
        {m_fx->writeFile(QStringLiteral("notes.pdf"), "Just some notes.\n"),
         QStringLiteral("not a PDF")},
        {m_fx->writeFile(QStringLiteral("half.pdf"), good.left(good.size() / 2)),
         QStringLiteral("damaged")},
        {m_fx->writeFile(QStringLiteral("empty.pdf"), QByteArray()), QStringLiteral("empty")},
        {m_fx->filePath(QStringLiteral("missing.pdf")), QStringLiteral("no file")},
    };
    for (const auto &c : cases) {
        const CliRun r = resubmit(CliFixture::learnerEmail(), {QString::number(id), c.file});
        QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1 && r.out.isEmpty(), r.describe());
        QVERIFY2(r.err.contains(c.expected, Qt::CaseInsensitive), r.describe());
    }
    QCOMPARE(m_fx->counts(), before);
}

void TestCliResubmit::usageErrors_exitTwo()
{
    const qint64 id = importRejected(QStringLiteral("Receipt"));
    QVERIFY(id > 0);
    const auto before = m_fx->counts();
    const QString cert = QString::number(id);
    for (const QStringList &args :
         {QStringList{},
          QStringList{cert, QStringLiteral("--expires"), QStringLiteral("2030-01-01"),
                      QStringLiteral("--no-expiry")},
          QStringList{cert, QStringLiteral("--template"), QStringLiteral("X"),
                      QStringLiteral("--no-template")},
          QStringList{cert, QStringLiteral("--for"), CliFixture::learnerEmail()},
          QStringList{cert, QStringLiteral("a.pdf"), QStringLiteral("b.pdf")},
          QStringList{cert, QStringLiteral("--name")}}) {
        const CliRun r = resubmit(CliFixture::learnerEmail(), args);
        QVERIFY2(r.exitCode == 2, r.describe());
        QCOMPARE(r.errLines().size(), 2);
        QVERIFY2(r.errLines().at(1).contains(QStringLiteral("resubmit --help")), r.describe());
    }
    // The command's help names every option.
    const CliRun help = m_fx->run({QStringLiteral("resubmit"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--name", "--delivered", "--expires", "--no-expiry", "--template",
                               "--no-template", "--credits"})
        QVERIFY2(help.out.contains(QLatin1String(option)), help.describe());
    QCOMPARE(m_fx->counts(), before);
}

QTEST_MAIN(TestCliResubmit)
#include "tst_cli_resubmit.moc"
