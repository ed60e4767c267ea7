// certdesk-cli import, tasks, review and demo, as scripts see them: accepted
// or pending imports (R2, R3), every refused import exits 1 with its own
// one-line message and writes nothing, names round-trip through --json, and
// reviews (R8, R9). Every test runs once on SQLite and once on PostgreSQL.
#include "CliFixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

class TestCliImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_fx = std::make_unique<CliFixture>(backend);
        QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    }
    void cleanup() { m_fx.reset(); }

    void demo_learnerImportPendingForManagerThenAccepted();
    void import_validationOff_acceptedAtOnce();
    void import_repairedPdf_saysSoInTextAndJson();
    void certificates_expiryFollowsTodayAndSoonDays();
    void pdfCheck_withoutDatabase_acceptsRepairsAndRefuses();
    void refusedImports_exitOneDistinctMessageNothingWritten();
    void import_nameWithQuotesEmojiRtl_roundTripsThroughJson();
    void review_rejectNeedsCommentThenOwnerNotified();

private:
    CliRun import(const QString &who, const QString &file, const QStringList &extra) const
    {
        return m_fx->as(who, QStringList{QStringLiteral("import"), file} + extra);
    }

    std::unique_ptr<CliFixture> m_fx;
};

void TestCliImport::demo_learnerImportPendingForManagerThenAccepted()
{
    CliRun r = m_fx->run({QStringLiteral("demo")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.err.isEmpty(), r.describe());
    QVERIFY(r.out.contains(QStringLiteral("admin@demo.example")));

    // Demo passwords are "demo"; Emma Wilson is a learner managed by Maria
    // Schmidt, and the demo routes validation to managers (R3).
    const auto asDemo = [this](const QString &who, const QStringList &args) {
        return m_fx->run(QStringList{QStringLiteral("--as"), who} + args, QStringLiteral("demo"));
    };
    const QString learner = QStringLiteral("emma.wilson@demo.example");
    const QString manager = QStringLiteral("maria.schmidt@demo.example");
    const QString pdf = m_fx->pdfFile(QStringLiteral("Demo Pending"));
    r = asDemo(learner, {QStringLiteral("import"), pdf, QStringLiteral("--name"),
                         QStringLiteral("Demo Pending"), QStringLiteral("--delivered"),
                         QStringLiteral("2025-01-10")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains(QStringLiteral("pending validation")), r.describe());
    QVERIFY2(r.out.contains(manager), r.describe());

    r = asDemo(manager, {QStringLiteral("tasks")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains(QStringLiteral("Demo Pending")), r.describe());
    QVERIFY(r.out.startsWith(QStringLiteral("TASK  ")));

    r = asDemo(
        QStringLiteral("admin@demo.example"),
        {QStringLiteral("settings"), QStringLiteral("validation.required"), QStringLiteral("off")});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = asDemo(learner, {QStringLiteral("--json"), QStringLiteral("import"),
                         m_fx->pdfFile(QStringLiteral("Demo Accepted")), QStringLiteral("--name"),
                         QStringLiteral("Demo Accepted"), QStringLiteral("--delivered"),
                         QStringLiteral("2025-01-11")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QStringLiteral("status")).toString(),
             QStringLiteral("accepted"));
    QCOMPARE(r.json().object().value(QStringLiteral("task_id")), QJsonValue(QJsonValue::Null));

    const auto before = m_fx->counts();
    r = m_fx->run({QStringLiteral("demo")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QCOMPARE(m_fx->counts(), before);
}

void TestCliImport::import_validationOff_acceptedAtOnce()
{
    QVERIFY(m_fx->makeOrganisation());
    const CliRun r = import(CliFixture::learnerEmail(), m_fx->pdfFile(QStringLiteral("Off")),
                            {QStringLiteral("--name"), QStringLiteral("Safety Course"),
                             QStringLiteral("--delivered"), QStringLiteral("2025-01-10"),
                             QStringLiteral("--expires"), QStringLiteral("2099-01-10")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains(QStringLiteral("Safety Course")), r.describe());
    QVERIFY2(r.out.trimmed().endsWith(QStringLiteral(": accepted.")), r.describe());
    QVERIFY(r.err.isEmpty());

    // The lead imports for the learner in their group (R4); the outsider's
    // certificates stay out of the lead's sight (R5).
    CliRun forLearner =
        import(CliFixture::leadEmail(), m_fx->pdfFile(QStringLiteral("For")),
               {QStringLiteral("--name"), QStringLiteral("For Lin"), QStringLiteral("--delivered"),
                QStringLiteral("2025-01-09"), QStringLiteral("--for"), CliFixture::learnerEmail()});
    QVERIFY2(forLearner.exitCode == 0, forLearner.describe());
    forLearner =
        m_fx->as(CliFixture::leadEmail(), {QStringLiteral("certificates"), QStringLiteral("--user"),
                                           CliFixture::learnerEmail()});
    QVERIFY2(forLearner.out.contains(QStringLiteral("For Lin")), forLearner.describe());
    const CliRun hidden =
        m_fx->as(CliFixture::leadEmail(), {QStringLiteral("certificates"), QStringLiteral("--user"),
                                           CliFixture::outsiderEmail()});
    QCOMPARE(hidden.exitCode, 1);
}

// README "Expiry": the status follows $CERTDESK_TODAY and expiry.soon-days;
// a $CERTDESK_TODAY that is not a date is refused, never ignored.
void TestCliImport::certificates_expiryFollowsTodayAndSoonDays()
{
    QVERIFY(m_fx->makeOrganisation());
    const CliRun imported = import(
        CliFixture::learnerEmail(), m_fx->pdfFile(QStringLiteral("Forklift")),
        {QStringLiteral("--name"), QStringLiteral("Forklift"), QStringLiteral("--delivered"),
         QStringLiteral("2025-01-10"), QStringLiteral("--expires"), QStringLiteral("2026-06-30")});
    QVERIFY2(imported.exitCode == 0, imported.describe());
    const auto statusOn = [this](const QString &today, QString *text) {
        qputenv("CERTDESK_TODAY", today.toUtf8());
        const CliRun json = m_fx->as(CliFixture::learnerEmail(),
                                     {QStringLiteral("--json"), QStringLiteral("certificates")});
        *text = m_fx->as(CliFixture::learnerEmail(), {QStringLiteral("certificates")}).out;
        qunsetenv("CERTDESK_TODAY");
        return json.json()
            .array()
            .at(0)
            .toObject()
            .value(QStringLiteral("display_status"))
            .toString();
    };
    QString text;
    QCOMPARE(statusOn(QStringLiteral("2026-06-20"), &text), QStringLiteral("expiring-soon"));
    QVERIFY2(text.contains(QStringLiteral("Expires in 10 days")), qPrintable(text));
    QCOMPARE(statusOn(QStringLiteral("2026-06-30"), &text), QStringLiteral("expiring-soon"));
    QVERIFY2(text.contains(QStringLiteral("Expires today")), qPrintable(text));
    QCOMPARE(statusOn(QStringLiteral("2026-07-05"), &text), QStringLiteral("expired"));
    QVERIFY2(text.contains(QStringLiteral("Expired 5 days ago")), qPrintable(text));
    QCOMPARE(statusOn(QStringLiteral("2026-05-01"), &text), QStringLiteral("accepted"));

    const CliRun set = m_fx->as(
        CliFixture::adminEmail(),
        {QStringLiteral("settings"), QStringLiteral("expiry.soon-days"), QStringLiteral("5")});
    QVERIFY2(set.exitCode == 0, set.describe());
    QCOMPARE(statusOn(QStringLiteral("2026-06-20"), &text), QStringLiteral("accepted"));
    QCOMPARE(statusOn(QStringLiteral("2026-06-25"), &text), QStringLiteral("expiring-soon"));

    for (const QByteArray &bad : {QByteArray("2026-02-30"), QByteArray("tomorrow"),
                                  QByteArray("20260601"), QByteArray("2026-6-1")}) {
        qputenv("CERTDESK_TODAY", bad);
        const CliRun refused =
            m_fx->as(CliFixture::learnerEmail(), {QStringLiteral("certificates")});
        qunsetenv("CERTDESK_TODAY");
        QVERIFY2(refused.exitCode == 2, refused.describe());
        QVERIFY2(refused.err.contains(QStringLiteral("CERTDESK_TODAY")), refused.describe());
    }
}

// README "Untrusted PDFs": a download with its HTTP header in front is
// imported repaired, and the CLI says so.
void TestCliImport::import_repairedPdf_saysSoInTextAndJson()
{
    QVERIFY(m_fx->makeOrganisation());
    const QByteArray download =
        "HTTP/1.1 200 OK\r\n\r\n" + m_fx->certificatePdf(QStringLiteral("Dl"));
    const QString path = m_fx->writeFile(QStringLiteral("download.pdf"), download);
    const CliRun text = import(CliFixture::learnerEmail(), path,
                               {QStringLiteral("--name"), QStringLiteral("Downloaded"),
                                QStringLiteral("--delivered"), QStringLiteral("2025-01-10")});
    QVERIFY2(text.exitCode == 0, text.describe());
    QVERIFY2(text.out.contains(QStringLiteral("The PDF was repaired on import (bytes before the "
                                              "PDF header removed).")),
             text.describe());

    const CliRun list = m_fx->as(CliFixture::learnerEmail(),
                                 {QStringLiteral("--json"), QStringLiteral("certificates")});
    QVERIFY2(list.exitCode == 0, list.describe());
    const QJsonObject c = list.json().array().at(0).toObject();
    QCOMPARE(c.value(QStringLiteral("pdf_repairs")).toArray(),
             QJsonArray{QStringLiteral("leading-bytes")});
    QCOMPARE(c.value(QStringLiteral("uploaded_sha256")).toString(),
             QString::fromLatin1(
                 QCryptographicHash::hash(download, QCryptographicHash::Sha256).toHex()));
    QVERIFY(c.value(QStringLiteral("pdf_sha256")) != c.value(QStringLiteral("uploaded_sha256")));

    // The same upload again is a duplicate.
    const CliRun again = import(CliFixture::learnerEmail(), path,
                                {QStringLiteral("--name"), QStringLiteral("Downloaded again"),
                                 QStringLiteral("--delivered"), QStringLiteral("2025-01-10")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already imported")), again.describe());
}

void TestCliImport::pdfCheck_withoutDatabase_acceptsRepairsAndRefuses()
{
    const QString good = m_fx->pdfFile(QStringLiteral("Check"));
    const auto check = [this](const QStringList &args) {
        return m_fx->run(QStringList{QStringLiteral("pdf-check")} + args, QString(), QByteArray(),
                         false);
    };
    CliRun r = check({good});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral(": accepted, 1 page")), r.describe());

    r = check(
        {QStringLiteral("--json"), QStringLiteral(CERTDESK_TEST_DATA "/encrypted-owner-only.pdf")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject repaired = r.json().object();
    QCOMPARE(sortedKeys(repaired),
             sorted({QStringLiteral("file"), QStringLiteral("accepted"), QStringLiteral("problem"),
                     QStringLiteral("message"), QStringLiteral("pages"), QStringLiteral("title"),
                     QStringLiteral("pdf_repairs"), QStringLiteral("pdf_sha256"),
                     QStringLiteral("uploaded_sha256"), QStringLiteral("reader_ms")}));
    QCOMPARE(repaired.value(QStringLiteral("problem")).toString(), QStringLiteral("none"));
    QCOMPARE(repaired.value(QStringLiteral("pdf_repairs")).toArray(),
             QJsonArray{QStringLiteral("encryption")});

    r = check({QStringLiteral("--json"),
               QStringLiteral(CERTDESK_TEST_DATA "/encrypted-user-password.pdf")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().object().value(QStringLiteral("problem")).toString(),
             QStringLiteral("password"));
    r = check({QStringLiteral(CERTDESK_TEST_DATA "/truncated.pdf")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("damaged")), r.describe());
    // Bad limits and a missing file.
    r = check({QStringLiteral("--seconds"), QStringLiteral("1"), good});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--seconds")), r.describe());
    r = check({m_fx->filePath(QStringLiteral("missing.pdf"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("does not exist")), r.describe());
    r = check({});
    QCOMPARE(r.exitCode, 2);
}

void TestCliImport::refusedImports_exitOneDistinctMessageNothingWritten()
{
    QVERIFY(m_fx->makeOrganisation());
    const QByteArray good = m_fx->certificatePdf(QStringLiteral("Refusals"));
    QByteArray large = m_fx->certificatePdf(QStringLiteral("Large"));
    large += "\n%" + QByteArray(1200 * 1024, 'x') + "\n";
    const QString goodFile = m_fx->writeFile(QStringLiteral("good.pdf"), good);
    QFile encrypted(QStringLiteral(CERTDESK_TEST_DATA "/encrypted-user-password.pdf"));
    QVERIFY(encrypted.open(QIODevice::ReadOnly));

    struct Case
    {
        const char *label;
        QString file;
        QStringList options;
        QString who;
        QString expected; // a word the message must hold
    };
    const QStringList nameAndDate = {QStringLiteral("--name"), QStringLiteral("Course"),
                                     QStringLiteral("--delivered"), QStringLiteral("2025-01-10")};
    const QString learner = CliFixture::learnerEmail();
    const QList<Case> cases = {
        {"truncated", m_fx->writeFile(QStringLiteral("truncated.pdf"), good.left(good.size() / 2)),
         nameAndDate, learner, QStringLiteral("damaged")},
        {"text renamed", m_fx->writeFile(QStringLiteral("notes.pdf"), "Just some notes.\n"),
         nameAndDate, learner, QStringLiteral("not a PDF")},
        {"password", m_fx->writeFile(QStringLiteral("locked.pdf"), encrypted.readAll()),
         nameAndDate, learner, QStringLiteral("password")},
        {"empty", m_fx->writeFile(QStringLiteral("empty.pdf"), QByteArray()), nameAndDate, learner,
         QStringLiteral("empty")},
        {"missing file", m_fx->filePath(QStringLiteral("absent.pdf")), nameAndDate, learner,
         QStringLiteral("absent.pdf")},
        {"blank name",
         goodFile,
         {QStringLiteral("--name"), QStringLiteral("   "), QStringLiteral("--delivered"),
          QStringLiteral("2025-01-10")},
         learner,
         QStringLiteral("name")},
        {"future delivery",
         goodFile,
         {QStringLiteral("--name"), QStringLiteral("Course"), QStringLiteral("--delivered"),
          QDate::currentDate().addDays(3).toString(Qt::ISODate)},
         learner,
         QStringLiteral("future")},
        {"expires first", goodFile,
         nameAndDate + QStringList{QStringLiteral("--expires"), QStringLiteral("2024-12-31")},
         learner, QStringLiteral("before")},
        {"bad date",
         goodFile,
         {QStringLiteral("--name"), QStringLiteral("Course"), QStringLiteral("--delivered"),
          QStringLiteral("2025-13-40")},
         learner,
         QStringLiteral("YYYY-MM-DD")},
        {"word date",
         goodFile,
         {QStringLiteral("--name"), QStringLiteral("Course"), QStringLiteral("--delivered"),
          QStringLiteral("yesterday")},
         learner,
         QStringLiteral("yesterday")},
        {"out of scope", goodFile,
         nameAndDate + QStringList{QStringLiteral("--for"), CliFixture::outsiderEmail()}, learner,
         QStringLiteral("only for yourself")},
        {"unknown owner", goodFile,
         nameAndDate + QStringList{QStringLiteral("--for"), QStringLiteral("ghost@test.example")},
         CliFixture::leadEmail(), QStringLiteral("ghost@test.example")},
        {"unknown template", goodFile,
         nameAndDate + QStringList{QStringLiteral("--template"), QStringLiteral("Nope")},
         CliFixture::leadEmail(), QStringLiteral("Nope")},
        {"bad credits", goodFile,
         nameAndDate + QStringList{QStringLiteral("--credits"), QStringLiteral("lots")}, learner,
         QStringLiteral("number")},
    };

    QSet<QString> messages;
    const auto before = m_fx->counts();
    const auto expectRefused = [&](const Case &c) {
        const CliRun r = import(c.who, c.file, c.options);
        const QByteArray what = QByteArray(c.label) + '\n' + r.describe();
        QVERIFY2(r.exitCode == 1, what.constData());
        QVERIFY2(r.out.isEmpty(), what.constData());
        QVERIFY2(r.errLines().size() == 1, what.constData());
        QVERIFY2(r.err.startsWith(QStringLiteral("certdesk-cli: ")), what.constData());
        QVERIFY2(r.err.contains(c.expected), what.constData());
        QVERIFY2(!messages.contains(r.err), what.constData());
        messages.insert(r.err);
        QVERIFY2(m_fx->counts() == before, what.constData());
    };
    for (const Case &c : cases) {
        expectRefused(c);
        if (QTest::currentTestFailed())
            return;
    }

    // Over the size limit (set by a platform admin: one audit row).
    CliRun r = m_fx->as(
        CliFixture::adminEmail(),
        {QStringLiteral("settings"), QStringLiteral("pdf.max-size-mb"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const auto limited = m_fx->counts();
    r = import(learner, m_fx->writeFile(QStringLiteral("large.pdf"), large), nameAndDate);
    QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1, r.describe());
    QVERIFY2(r.err.contains(QStringLiteral("larger than")), r.describe());
    QVERIFY(!messages.contains(r.err));
    messages.insert(r.err);
    QCOMPARE(m_fx->counts(), limited);

    // Import switched off (R1): refused for everyone.
    r = m_fx->as(
        CliFixture::adminEmail(),
        {QStringLiteral("settings"), QStringLiteral("import.enabled"), QStringLiteral("off")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const auto switchedOff = m_fx->counts();
    for (const QString &who : {learner, CliFixture::adminEmail()}) {
        r = import(who, goodFile, nameAndDate);
        QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1, r.describe());
        QVERIFY2(r.err.contains(QStringLiteral("switched off")), r.describe());
    }
    QVERIFY(!messages.contains(r.err));
    QCOMPARE(m_fx->counts(), switchedOff);

    // The same good file imports once the switch is back on.
    r = m_fx->as(
        CliFixture::adminEmail(),
        {QStringLiteral("settings"), QStringLiteral("import.enabled"), QStringLiteral("on")});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = import(learner, goodFile, nameAndDate);
    QVERIFY2(r.exitCode == 0, r.describe());
}

void TestCliImport::import_nameWithQuotesEmojiRtl_roundTripsThroughJson()
{
    QVERIFY(m_fx->makeOrganisation());
    const QString name = QStringLiteral(
        "Cours \"avancé\" l'été 🎓🚀👩🏽‍💻 — شهادة إتمام עברית");
    CliRun r = import(CliFixture::learnerEmail(), m_fx->pdfFile(QStringLiteral("Unicode")),
                      {QStringLiteral("--json"), QStringLiteral("--name"), name,
                       QStringLiteral("--delivered"), QStringLiteral("2025-01-10")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QStringLiteral("name")).toString(), name);

    r = m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("--json"), QStringLiteral("certificates")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().array().size(), 1);
    QCOMPARE(r.json().array().at(0).toObject().value(QStringLiteral("name")).toString(), name);

    // The table keeps the name whole (isolated for right-to-left display).
    r = m_fx->as(CliFixture::learnerEmail(), {QStringLiteral("certificates")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QString shown = r.out;
    shown.remove(QChar(0x2068)).remove(QChar(0x2069));
    QVERIFY2(shown.contains(name), r.describe());
}

void TestCliImport::review_rejectNeedsCommentThenOwnerNotified()
{
    QVERIFY(m_fx->makeOrganisation());
    CliRun r = m_fx->as(
        CliFixture::adminEmail(),
        {QStringLiteral("settings"), QStringLiteral("validation.required"), QStringLiteral("on")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QList<qint64> taskIds;
    for (const QString &title : {QStringLiteral("First"), QStringLiteral("Second")}) {
        r = import(CliFixture::learnerEmail(), m_fx->pdfFile(title),
                   {QStringLiteral("--json"), QStringLiteral("--name"), title,
                    QStringLiteral("--delivered"), QStringLiteral("2025-01-10")});
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonObject json = r.json().object();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(json.value(QStringLiteral("reviewers"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("email")),
                 QJsonValue(CliFixture::leadEmail())); // R3: the group's admin
        taskIds << json.value(QStringLiteral("task_id")).toInteger();
    }
    const QString lead = CliFixture::leadEmail();
    const QString first = QString::number(taskIds.at(0));
    const QString second = QString::number(taskIds.at(1));

    const auto before = m_fx->counts();
    for (const QStringList &refused :
         {QStringList{first, QStringLiteral("--reject")},
          QStringList{first, QStringLiteral("--reject"), QStringLiteral("--comment"),
                      QStringLiteral("  ")},
          QStringList{QStringLiteral("abc"), QStringLiteral("--validate")},
          QStringList{QStringLiteral("999999"), QStringLiteral("--validate")},
          QStringList{first, QStringLiteral("--validate"), QStringLiteral("--delivered"),
                      QStringLiteral("2025-02-30")}}) {
        r = m_fx->as(lead, QStringList{QStringLiteral("review")} + refused);
        QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1 && r.out.isEmpty(), r.describe());
    }
    // The learner cannot review their own certificate.
    r = m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("review"), first, QStringLiteral("--validate")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(m_fx->counts(), before);

    r = m_fx->as(lead, {QStringLiteral("--json"), QStringLiteral("review"), first,
                        QStringLiteral("--reject"), QStringLiteral("--comment"),
                        QStringLiteral("This is a receipt, not the certificate.")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QStringLiteral("state")).toString(),
             QStringLiteral("rejected"));
    r = m_fx->as(lead, {QStringLiteral("review"), second, QStringLiteral("--validate"),
                        QStringLiteral("--name"), QStringLiteral("Second (corrected)"),
                        QStringLiteral("--expires"), QStringLiteral("2030-01-10")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.startsWith(QStringLiteral("Validated task ")), r.describe());

    // Deciding again: refused, the first decision stands.
    const auto decided = m_fx->counts();
    r = m_fx->as(lead, {QStringLiteral("review"), first, QStringLiteral("--validate")});
    QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1, r.describe());
    QCOMPARE(m_fx->counts(), decided);

    r = m_fx->as(lead, {QStringLiteral("tasks")});
    QCOMPARE(r.out, QStringLiteral("No validation tasks.\n"));
    r = m_fx->as(lead,
                 {QStringLiteral("--json"), QStringLiteral("tasks"), QStringLiteral("--all")});
    QCOMPARE(r.json().array().size(), 2);

    r = m_fx->as(
        CliFixture::learnerEmail(),
        {QStringLiteral("--json"), QStringLiteral("notifications"), QStringLiteral("--unread")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QStringList categories;
    for (const QJsonValue n : r.json().array())
        categories << n.toObject().value(QStringLiteral("category")).toString();
    QCOMPARE(sorted(categories), sorted({QStringLiteral("certificate-rejected"),
                                         QStringLiteral("certificate-validated")}));
    r = m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("--json"), QStringLiteral("certificates")});
    const QJsonArray list = r.json().array();
    QStringList statuses;
    for (const auto &c : list)
        statuses << c.toObject().value(QStringLiteral("name")).toString() + QLatin1Char('=') +
                        c.toObject().value(QStringLiteral("status")).toString();
    QCOMPARE(sorted(statuses), sorted({QStringLiteral("First=rejected"),
                                       QStringLiteral("Second (corrected)=validated")}));
}

QTEST_MAIN(TestCliImport)
#include "tst_cli_import.moc"
