// certdesk-cli requirement, compliance and export, as scripts see them
// (README "Rules", Requirements and compliance; "CSV export"): JSON, table
// and CSV; the CSV read back by Python's csv module, hostile names
// included; each person's export holds exactly their scope (R5); refusals
// exit 1 and write nothing, usage errors exit 2. SQLite and PostgreSQL.
#include "CliFixture.h"

class TestCliCompliance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_fx.reset(); }

    void requirement_addListRemove_andRefusals();
    void compliance_json_table_filters_order();
    void exportCertificates_scopeAndHostileNames_throughPythonCsv();
    void exportCompliance_sameAsComplianceCsv_excel_outputFile();

private:
    CliRun admin(const QStringList &args) const { return m_fx->as(CliFixture::adminEmail(), args); }
    qint64 import(const QString &who, const QString &name, const QString &forEmail,
                  const QString &expires, const QString &templ);
    // The records of a CSV, as Python's csv module reads them.
    QList<QStringList> readCsv(const QString &path, const QString &separator = QStringLiteral(","));

    std::unique_ptr<CliFixture> m_fx;
};

void TestCliCompliance::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fx = std::make_unique<CliFixture>(backend);
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    QVERIFY(m_fx->makeOrganisation());
    DirectoryService directory(m_fx->database().db());
    const auto admin = directory.userByEmail(CliFixture::adminEmail());
    QVERIFY(admin);
    QVERIFY(directory.addTemplate(admin->id, QStringLiteral("First Aid"), QString(), 36));
    QVERIFY(directory.addTemplate(admin->id, QStringLiteral("Forklift"), QString(), 0));
}

qint64 TestCliCompliance::import(const QString &who, const QString &name, const QString &forEmail,
                                 const QString &expires, const QString &templ)
{
    QStringList args{QStringLiteral("--json"),
                     QStringLiteral("import"),
                     m_fx->pdfFile(name),
                     QStringLiteral("--name"),
                     name,
                     QStringLiteral("--delivered"),
                     QStringLiteral("2024-01-10"),
                     QStringLiteral("--for"),
                     forEmail};
    if (!expires.isEmpty())
        args << QStringLiteral("--expires") << expires;
    if (!templ.isEmpty())
        args << QStringLiteral("--template") << templ;
    const CliRun r = m_fx->as(who, args);
    if (r.exitCode != 0) {
        qWarning("%s", r.describe().constData());
        return 0;
    }
    return r.json().object().value(QStringLiteral("id")).toInteger();
}

QList<QStringList> TestCliCompliance::readCsv(const QString &path, const QString &separator)
{
    QProcess python;
    python.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import csv,json,sys\n"
                        "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                        "    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))"),
         path, separator});
    QList<QStringList> records;
    if (!python.waitForFinished(30000) || python.exitCode() != 0) {
        qWarning("python: %s", python.readAllStandardError().constData());
        return records;
    }
    const QJsonArray rows = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    for (const QJsonValue &row : rows) {
        QStringList fields;
        for (const QJsonValue &f : row.toArray())
            fields << f.toString();
        records << fields;
    }
    return records;
}

void TestCliCompliance::requirement_addListRemove_andRefusals()
{
    const auto before = m_fx->counts();
    // Refused (exit 1, one line, nothing written): a learner, an unknown
    // group or template, the lead for a group they do not administer.
    for (const auto &[who, group, templ] : QList<std::tuple<QString, QString, QString>>{
             {CliFixture::learnerEmail(), QStringLiteral("Team"), QStringLiteral("First Aid")},
             {CliFixture::adminEmail(), QStringLiteral("Nowhere"), QStringLiteral("First Aid")},
             {CliFixture::adminEmail(), QStringLiteral("Team"), QStringLiteral("Juggling")},
             {CliFixture::leadEmail(), QStringLiteral("Other"), QStringLiteral("First Aid")}}) {
        const CliRun r =
            m_fx->as(who, {QStringLiteral("requirement"), QStringLiteral("add"),
                           QStringLiteral("--group"), group, QStringLiteral("--template"), templ});
        QVERIFY2(r.exitCode == 1, r.describe());
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY(r.out.isEmpty());
    }
    QCOMPARE(m_fx->counts(), before);
    // Usage: --template missing.
    const CliRun usage = admin({QStringLiteral("requirement"), QStringLiteral("add"),
                                QStringLiteral("--group"), QStringLiteral("Team")});
    QVERIFY2(usage.exitCode == 2, usage.describe());

    // The lead requires First Aid of Team (JSON); the admin Forklift (text).
    const CliRun added =
        m_fx->as(CliFixture::leadEmail(),
                 {QStringLiteral("--json"), QStringLiteral("requirement"), QStringLiteral("add"),
                  QStringLiteral("--group"), QStringLiteral("Team"), QStringLiteral("--template"),
                  QStringLiteral("First Aid")});
    QVERIFY2(added.exitCode == 0, added.describe());
    QCOMPARE(sortedKeys(added.json().object()),
             sorted({QStringLiteral("group_id"), QStringLiteral("group"),
                     QStringLiteral("template_id"), QStringLiteral("template")}));
    const CliRun text =
        admin({QStringLiteral("requirement"), QStringLiteral("add"), QStringLiteral("--group"),
               QStringLiteral("Team"), QStringLiteral("--template"), QStringLiteral("Forklift")});
    QVERIFY2(text.exitCode == 0, text.describe());
    QVERIFY2(text.out.contains(QStringLiteral("Team now requires \"Forklift\"")), text.describe());
    const CliRun twice =
        admin({QStringLiteral("requirement"), QStringLiteral("add"), QStringLiteral("--group"),
               QStringLiteral("Team"), QStringLiteral("--template"), QStringLiteral("Forklift")});
    QVERIFY2(twice.exitCode == 1 && twice.err.contains(QStringLiteral("already requires")),
             twice.describe());

    // Everyone may list them.
    const CliRun list =
        m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("--json"), QStringLiteral("requirement"), QStringLiteral("list")});
    QVERIFY2(list.exitCode == 0, list.describe());
    QCOMPARE(list.json().array().size(), 2);

    const CliRun removed =
        admin({QStringLiteral("requirement"), QStringLiteral("remove"), QStringLiteral("--group"),
               QStringLiteral("Team"), QStringLiteral("--template"), QStringLiteral("Forklift")});
    QVERIFY2(removed.exitCode == 0, removed.describe());
    const CliRun gone =
        admin({QStringLiteral("requirement"), QStringLiteral("remove"), QStringLiteral("--group"),
               QStringLiteral("Team"), QStringLiteral("--template"), QStringLiteral("Forklift")});
    QVERIFY2(gone.exitCode == 1, gone.describe());
    const CliRun table = admin({QStringLiteral("requirement"), QStringLiteral("list")});
    QVERIFY2(table.out.contains(QStringLiteral("First Aid")) &&
                 !table.out.contains(QStringLiteral("Forklift")),
             table.describe());
}

void TestCliCompliance::compliance_json_table_filters_order()
{
    QVERIFY(
        admin({QStringLiteral("requirement"), QStringLiteral("add"), QStringLiteral("--group"),
               QStringLiteral("Team"), QStringLiteral("--template"), QStringLiteral("First Aid")})
            .exitCode == 0);
    const QString soon = QDate::currentDate().addDays(5).toString(Qt::ISODate);
    QVERIFY(import(CliFixture::adminEmail(), QStringLiteral("First Aid"),
                   CliFixture::learnerEmail(), soon, QStringLiteral("First Aid")));

    const CliRun json =
        m_fx->as(CliFixture::leadEmail(), {QStringLiteral("--json"), QStringLiteral("compliance")});
    QVERIFY2(json.exitCode == 0, json.describe());
    const QJsonObject o = json.json().object();
    QCOMPARE(sortedKeys(o), sorted({QStringLiteral("today"), QStringLiteral("count"),
                                    QStringLiteral("people"), QStringLiteral("totals")}));
    QCOMPARE(o.value(QStringLiteral("count")).toInt(), 2); // the lead and the learner
    QHash<QString, QString> states;
    for (const QJsonValue &p : o.value(QStringLiteral("people")).toArray()) {
        const QJsonObject person = p.toObject();
        const QJsonObject cell = person.value(QStringLiteral("cells")).toArray().first().toObject();
        QCOMPARE(sortedKeys(cell),
                 sorted({QStringLiteral("template_id"), QStringLiteral("template"),
                         QStringLiteral("state"), QStringLiteral("expires"),
                         QStringLiteral("certificate_id")}));
        states.insert(person.value(QStringLiteral("email")).toString(),
                      cell.value(QStringLiteral("state")).toString());
    }
    QCOMPARE(states.value(CliFixture::learnerEmail()), QStringLiteral("expiring"));
    QCOMPARE(states.value(CliFixture::leadEmail()), QStringLiteral("missing"));
    const QJsonObject total = o.value(QStringLiteral("totals")).toArray().first().toObject();
    QCOMPARE(total.value(QStringLiteral("required")).toInt(), 2);
    QCOMPARE(total.value(QStringLiteral("covered")).toInt(), 1);
    QCOMPARE(total.value(QStringLiteral("percent_covered")).toInt(), 50);

    // The table ends with the totals line; --state and --order work.
    const CliRun table = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("compliance")});
    QVERIFY2(table.out.contains(QStringLiteral("First Aid: 50 % covered (1 of 2)")),
             table.describe());
    const CliRun missing =
        m_fx->as(CliFixture::leadEmail(), {QStringLiteral("--json"), QStringLiteral("compliance"),
                                           QStringLiteral("--state"), QStringLiteral("missing")});
    QCOMPARE(missing.json().object().value(QStringLiteral("count")).toInt(), 1);
    const CliRun byLapse =
        m_fx->as(CliFixture::leadEmail(), {QStringLiteral("--json"), QStringLiteral("compliance"),
                                           QStringLiteral("--order"), QStringLiteral("lapse")});
    QCOMPARE(byLapse.json()
                 .object()
                 .value(QStringLiteral("people"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("email"))
                 .toString(),
             CliFixture::leadEmail()); // missing: lapsed first

    // Refusals: a learner; a bad state or order; an unknown group.
    const CliRun learner = m_fx->as(CliFixture::learnerEmail(), {QStringLiteral("compliance")});
    QVERIFY2(learner.exitCode == 1 && learner.out.isEmpty(), learner.describe());
    for (const QStringList &bad :
         {QStringList{QStringLiteral("--state"), QStringLiteral("bogus")},
          QStringList{QStringLiteral("--order"), QStringLiteral("random")},
          QStringList{QStringLiteral("--group"), QStringLiteral("Nowhere")}}) {
        const CliRun r = admin(QStringList{QStringLiteral("compliance")} + bad);
        QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1, r.describe());
    }
    const CliRun usage = admin({QStringLiteral("compliance"), QStringLiteral("--output"),
                                m_fx->filePath(QStringLiteral("x.csv"))});
    QVERIFY2(usage.exitCode == 2, usage.describe());
}

void TestCliCompliance::exportCertificates_scopeAndHostileNames_throughPythonCsv()
{
    const QStringList hostile = {
        QStringLiteral("Doe, Jane \"JD\""), QStringLiteral("=HYPERLINK(\"http://evil\")"),
        QStringLiteral("+SUM(1)"),          QStringLiteral("@cmd"),
        QStringLiteral("Zoë Ødegård – 李"), QStringLiteral("-minus"),
    };
    QHash<qint64, QString> learners;
    for (const QString &name : hostile) {
        const qint64 id = import(CliFixture::adminEmail(), name, CliFixture::learnerEmail(),
                                 QString(), QString());
        QVERIFY(id > 0);
        learners.insert(id, name);
    }
    const qint64 outsider = import(CliFixture::adminEmail(), QStringLiteral("Outside"),
                                   CliFixture::outsiderEmail(), QString(), QString());
    QVERIFY(outsider > 0);

    // The admin's export: everything, each name as it was (neutralised).
    const QString all = m_fx->filePath(QStringLiteral("all.csv"));
    CliRun r = admin(
        {QStringLiteral("export"), QStringLiteral("certificates"), QStringLiteral("-o"), all});
    QVERIFY2(r.exitCode == 0 && r.out.isEmpty(), r.describe());
    QList<QStringList> records = readCsv(all);
    QCOMPARE(records.size(), hostile.size() + 2);
    QCOMPARE(records.first(),
             (QStringList{QStringLiteral("certificate_id"), QStringLiteral("owner_name"),
                          QStringLiteral("owner_email"), QStringLiteral("name"),
                          QStringLiteral("kind"), QStringLiteral("status"),
                          QStringLiteral("delivered"), QStringLiteral("expires"),
                          QStringLiteral("template"), QStringLiteral("credits")}));
    for (const QStringList &rec : records.mid(1)) {
        const qint64 id = rec.at(0).toLongLong();
        if (id == outsider)
            continue;
        const QString name = learners.value(id);
        const bool formula = QStringLiteral("=+-@").contains(name.front());
        QCOMPARE(rec.at(3), formula ? QLatin1Char('\'') + name : name);
        QCOMPARE(rec.at(2), CliFixture::learnerEmail());
        QCOMPARE(rec.at(6), QStringLiteral("2024-01-10"));
    }

    // The lead's export: their scope (Team) only, never the outsider's; the
    // outsider's: their own only.
    const QString lead = m_fx->filePath(QStringLiteral("lead.csv"));
    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("export"), QStringLiteral("certificates"),
                                           QStringLiteral("--output"), lead});
    QVERIFY2(r.exitCode == 0, r.describe());
    records = readCsv(lead);
    QCOMPARE(records.size(), hostile.size() + 1);
    for (const QStringList &rec : records.mid(1))
        QVERIFY(learners.contains(rec.at(0).toLongLong()));
    r = m_fx->as(CliFixture::outsiderEmail(),
                 {QStringLiteral("export"), QStringLiteral("certificates")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out.count(QStringLiteral("\r\n")), 2);
    QVERIFY(r.out.contains(QStringLiteral("Outside")));

    // One person's list, filtered; someone outside one's scope: refused.
    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("export"), QStringLiteral("certificates"),
                                           QStringLiteral("--user"), CliFixture::learnerEmail(),
                                           QStringLiteral("--status"), QStringLiteral("valid")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out.count(QStringLiteral("\r\n")), hostile.size() + 1);
    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("export"), QStringLiteral("certificates"),
                                           QStringLiteral("--user"), CliFixture::outsiderEmail()});
    QVERIFY2(r.exitCode == 1 && r.out.isEmpty(), r.describe());
}

void TestCliCompliance::exportCompliance_sameAsComplianceCsv_excel_outputFile()
{
    QVERIFY(
        admin({QStringLiteral("requirement"), QStringLiteral("add"), QStringLiteral("--group"),
               QStringLiteral("Team"), QStringLiteral("--template"), QStringLiteral("First Aid")})
            .exitCode == 0);
    const CliRun csv = admin({QStringLiteral("compliance"), QStringLiteral("--csv")});
    const CliRun exported = admin({QStringLiteral("export"), QStringLiteral("compliance")});
    QVERIFY2(csv.exitCode == 0 && exported.exitCode == 0, exported.describe());
    QCOMPARE(exported.out, csv.out);
    QVERIFY(exported.out.startsWith(
        QStringLiteral("person_id,name,email,template,state,expires,certificate_id\r\n")));
    QCOMPARE(exported.out.count(QStringLiteral("\r\n")), 3);

    // --excel: a byte order mark first.
    const QString path = m_fx->filePath(QStringLiteral("excel.csv"));
    const CliRun excel = admin({QStringLiteral("export"), QStringLiteral("compliance"),
                                QStringLiteral("--excel"), QStringLiteral("-o"), path});
    QVERIFY2(excel.exitCode == 0, excel.describe());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(3), QByteArrayLiteral("\xEF\xBB\xBF"));
    file.close();
    // A refused export leaves the file that was there as it was.
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();
    const CliRun refused = m_fx->as(
        CliFixture::learnerEmail(),
        {QStringLiteral("export"), QStringLiteral("compliance"), QStringLiteral("-o"), path});
    QVERIFY2(refused.exitCode == 1, refused.describe());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArrayLiteral("keep me"));
}

QTEST_MAIN(TestCliCompliance)
#include "tst_cli_compliance.moc"
