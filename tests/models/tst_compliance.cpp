// Requirements and the compliance picture (README "Rules", Requirements and
// compliance): who may require what, the state of each person's best
// certificate for each required template, filters, order, paging, counts
// and totals, the scope (R5); and the CSV the exports write, read back by
// Python's csv module. On SQLite and on PostgreSQL.

#include "ServiceFixture.h"
#include "core/Csv.h"
#include "policy/Policy.h"
#include "services/ComplianceService.h"
#include "services/DirectoryService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCompliance : public QObject, public ServiceFixture
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { tearDown(); }

    void requirements_whoMayChangeThem_andBadInput();
    void states_theBestCertificateOfEachPerson();
    void filters_order_paging_counts_totals();
    void scope_aManagerSeesTheirManageesOnly();
    void csv_hostileNamesRoundTripThroughPythonCsv();

private:
    Id addTemplate(const QString &name);
    // A certificate of owner associated with templ, imported by the platform
    // admin; pending when pending is set (validation switched on for it).
    Id give(Id owner, Id templ, const QDate &expires, bool pending = false);
    QHash<QString, ComplianceState> statesOf(Id actor, const ComplianceQuery &query);
    ComplianceQuery query() const;

    Id m_firstAid = 0;
    Id m_forklift = 0;
    Id m_salesAdmin = 0;
    Id m_manager = 0;
    Id m_valid = 0, m_expiring = 0, m_pending = 0, m_expired = 0, m_revoked = 0, m_none = 0;
    Id m_engineer = 0;
};

void TestCompliance::init()
{
    QFETCH_GLOBAL(QString, backend);
    setUp(backend);
    m_firstAid = addTemplate(QStringLiteral("First Aid"));
    m_forklift = addTemplate(QStringLiteral("Forklift"));
    m_salesAdmin = addUser(QStringLiteral("sales.admin@example.org"), QString(),
                           {{QStringLiteral("Sales"), Role::Admin}});
    m_manager = addUser(QStringLiteral("manager@example.org"), QString(),
                        {{QStringLiteral("Sales"), Role::Learner}});
    const QString manager = QStringLiteral("manager@example.org");
    m_valid = addUser(QStringLiteral("valid@example.org"), manager,
                      {{QStringLiteral("Sales"), Role::Learner}});
    m_expiring = addUser(QStringLiteral("expiring@example.org"), manager,
                         {{QStringLiteral("EMEA"), Role::Learner}});
    m_pending = addUser(QStringLiteral("pending@example.org"), QString(),
                        {{QStringLiteral("Benelux"), Role::Learner}});
    m_expired = addUser(QStringLiteral("expired@example.org"), QString(),
                        {{QStringLiteral("EMEA"), Role::Learner}});
    m_revoked = addUser(QStringLiteral("revoked@example.org"), QString(),
                        {{QStringLiteral("Sales"), Role::Learner}});
    m_none = addUser(QStringLiteral("none@example.org"), QString(),
                     {{QStringLiteral("Benelux"), Role::Learner}});
    m_engineer = addUser(QStringLiteral("engineer@example.org"), QString(),
                         {{QStringLiteral("Engineering"), Role::Learner}});
}

Id TestCompliance::addTemplate(const QString &name)
{
    const auto t = DirectoryService(m_db->db()).addTemplate(m_admin, name, QString(), 12);
    return t ? t->id : 0;
}

Id TestCompliance::give(Id owner, Id templ, const QDate &expires, bool pending)
{
    if (pending)
        setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    ImportRequest r = request(owner, QStringLiteral("Certificate"));
    r.delivered = QDate::currentDate().addYears(-2);
    r.expires = expires;
    r.templateId = templ;
    const auto imported = CertificateService(m_db->db()).importCertificate(m_admin, r);
    if (pending)
        setSetting(QStringLiteral("validation.required"), QStringLiteral("off"));
    if (!imported) {
        qWarning("import: %s", qPrintable(imported.message()));
        return 0;
    }
    return imported->certificate.id;
}

ComplianceQuery TestCompliance::query() const
{
    ComplianceQuery q;
    q.today = QDate::currentDate();
    q.soonDays = 30;
    return q;
}

QHash<QString, ComplianceState> TestCompliance::statesOf(Id actor, const ComplianceQuery &q)
{
    QHash<QString, ComplianceState> states;
    const auto rows = ComplianceService(m_db->db()).page(actor, q, {}, 100);
    if (!rows) {
        qWarning("page: %s", qPrintable(rows.message()));
        return states;
    }
    for (const ComplianceRow &row : rows.value()) {
        for (const ComplianceCell &cell : row.cells)
            states.insert(row.email.section(QLatin1Char('@'), 0, 0) + QLatin1Char('/') +
                              QString::number(cell.templateId),
                          cell.state);
    }
    return states;
}

void TestCompliance::requirements_whoMayChangeThem_andBadInput()
{
    ComplianceService service(m_db->db());
    const QString before = rowCounts();
    // Unknown group or template, empty names: refused with the reason.
    auto refused =
        service.addRequirement(m_admin, QStringLiteral("Nowhere"), QStringLiteral("First Aid"));
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("Nowhere")), qPrintable(refused.message()));
    refused = service.addRequirement(m_admin, QStringLiteral("Sales"), QStringLiteral("Juggling"));
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("Juggling")), qPrintable(refused.message()));
    QVERIFY(!service.addRequirement(m_admin, QStringLiteral(" "), QStringLiteral("First Aid")));
    // A learner, a manager without a group to administer: refused.
    refused = service.addRequirement(m_valid, QStringLiteral("Sales"), QStringLiteral("First Aid"));
    QVERIFY(!refused);
    QCOMPARE(refused.kind(), ErrorKind::Refused);
    QVERIFY(
        !service.addRequirement(m_manager, QStringLiteral("Sales"), QStringLiteral("Forklift")));
    // The admin of Sales: for Sales and the groups below it, not Engineering.
    QVERIFY(!service.addRequirement(m_salesAdmin, QStringLiteral("Engineering"),
                                    QStringLiteral("First Aid")));
    QCOMPARE(rowCounts(), before);
    // The Policy's answer for every group at once (the Settings page's list)
    // is its answer for each: Sales and below for its admin, all for the
    // platform admin, none for the others.
    const Policy policy(m_db->db().connection());
    const auto groups = DirectoryService(m_db->db()).groups();
    QVERIFY2(groups, qPrintable(groups.message()));
    QList<Id> groupIds;
    for (const Group &g : groups.value())
        groupIds << g.id;
    for (const Id actor : {m_admin, m_valid, m_manager, m_salesAdmin}) {
        const QSet<Id> may = policy.requirementGroups(actor, groupIds);
        for (const Id group : std::as_const(groupIds))
            QCOMPARE(may.contains(group), bool(policy.mayChangeRequirements(actor, group)));
    }
    QCOMPARE(policy.requirementGroups(m_admin, groupIds).size(), groupIds.size());
    QVERIFY(!policy.requirementGroups(m_salesAdmin, groupIds).isEmpty());
    QVERIFY(policy.requirementGroups(m_valid, groupIds).isEmpty());
    auto added =
        service.addRequirement(m_salesAdmin, QStringLiteral("EMEA"), QStringLiteral("Forklift"));
    QVERIFY2(added, qPrintable(added.message()));
    QCOMPARE(added->groupName, QStringLiteral("EMEA"));
    QCOMPARE(added->templateName, QStringLiteral("Forklift"));
    added = service.addRequirement(m_admin, QStringLiteral("Sales"), QStringLiteral("First Aid"));
    QVERIFY2(added, qPrintable(added.message()));
    // Twice: a conflict that says so.
    refused = service.addRequirement(m_admin, QStringLiteral("Sales"), QStringLiteral("First Aid"));
    QVERIFY(!refused);
    QCOMPARE(refused.kind(), ErrorKind::Conflict);
    const auto list = service.requirements(m_valid);
    QVERIFY2(list, qPrintable(list.message()));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).groupName, QStringLiteral("EMEA"));
    QCOMPARE(list->at(1).groupName, QStringLiteral("Sales"));

    // Removing: the same rights; a requirement that is not there says so.
    QVERIFY(
        !service.removeRequirement(m_valid, QStringLiteral("Sales"), QStringLiteral("First Aid")));
    QVERIFY(service.removeRequirement(m_salesAdmin, QStringLiteral("Sales"),
                                      QStringLiteral("First Aid")));
    const auto missing =
        service.removeRequirement(m_admin, QStringLiteral("Sales"), QStringLiteral("First Aid"));
    QVERIFY(!missing);
    QCOMPARE(missing.kind(), ErrorKind::NotFound);
    QCOMPARE(service.requirements(m_admin)->size(), 1);
}

void TestCompliance::states_theBestCertificateOfEachPerson()
{
    ComplianceService service(m_db->db());
    QVERIFY(service.addRequirement(m_admin, QStringLiteral("Sales"), QStringLiteral("First Aid")));
    const QDate today = QDate::currentDate();
    // Valid: an expired one and a valid one: the valid one counts.
    QVERIFY(give(m_valid, m_firstAid, today.addDays(-100)));
    const Id valid = give(m_valid, m_firstAid, today.addYears(1));
    // Expiring: within 30 days, besides an expired one.
    QVERIFY(give(m_expiring, m_firstAid, today.addDays(-1)));
    QVERIFY(give(m_expiring, m_firstAid, today.addDays(10)));
    // Pending beats expired.
    QVERIFY(give(m_pending, m_firstAid, today.addDays(-5)));
    QVERIFY(give(m_pending, m_firstAid, today.addYears(2), true));
    QVERIFY(give(m_expired, m_firstAid, today.addDays(-3)));
    // Revoked: as if it were not there; a certificate of another template
    // does not count either.
    const Id revoked = give(m_revoked, m_firstAid, QDate());
    QVERIFY(CertificateService(m_db->db()).revoke(m_admin, revoked, QStringLiteral("Forged.")));
    QVERIFY(give(m_none, m_forklift, QDate()));
    // Nobody in Engineering is required to hold anything.
    QVERIFY(give(m_engineer, m_firstAid, QDate()));

    const auto rows = service.page(m_admin, query(), {}, 100);
    QVERIFY2(rows, qPrintable(rows.message()));
    QHash<Id, ComplianceCell> cells;
    for (const ComplianceRow &row : rows.value()) {
        QCOMPARE(row.cells.size(), 1);
        cells.insert(row.userId, row.cells.first());
    }
    // Everyone of Sales and below (the admins and the manager too), nobody else.
    QCOMPARE(cells.size(), 8);
    QVERIFY(!cells.contains(m_engineer));
    QVERIFY(!cells.contains(m_admin));
    QCOMPARE(cells[m_valid].state, ComplianceState::Valid);
    QCOMPARE(cells[m_valid].certificateId, valid);
    QCOMPARE(cells[m_valid].expires, today.addYears(1));
    QCOMPARE(cells[m_expiring].state, ComplianceState::Expiring);
    QCOMPARE(cells[m_expiring].expires, today.addDays(10));
    QCOMPARE(cells[m_pending].state, ComplianceState::Pending);
    QCOMPARE(cells[m_expired].state, ComplianceState::Expired);
    QCOMPARE(cells[m_expired].expires, today.addDays(-3));
    QCOMPARE(cells[m_revoked].state, ComplianceState::Missing);
    QCOMPARE(cells[m_revoked].certificateId, Id(0));
    QCOMPARE(cells[m_none].state, ComplianceState::Missing);
    QCOMPARE(cells[m_manager].state, ComplianceState::Missing);
}

void TestCompliance::filters_order_paging_counts_totals()
{
    ComplianceService service(m_db->db());
    QVERIFY(service.addRequirement(m_admin, QStringLiteral("Sales"), QStringLiteral("First Aid")));
    QVERIFY(service.addRequirement(m_admin, QStringLiteral("EMEA"), QStringLiteral("Forklift")));
    const QDate today = QDate::currentDate();
    QVERIFY(give(m_valid, m_firstAid, today.addYears(1)));
    QVERIFY(give(m_expiring, m_firstAid, today.addDays(10)));
    QVERIFY(give(m_expiring, m_forklift, QDate()));
    QVERIFY(give(m_pending, m_firstAid, today.addYears(2), true));
    QVERIFY(give(m_expired, m_firstAid, today.addDays(-3)));

    // Columns: both templates; EMEA's people hold two cells, Sales' one.
    QCOMPARE(service.columns(m_admin, query())->size(), 2);
    ComplianceQuery emea = query();
    emea.groupId = DirectoryService(m_db->db()).groupByName(QStringLiteral("EMEA"))->id;
    const auto emeaRows = service.page(m_admin, emea, {}, 100);
    QVERIFY2(emeaRows, qPrintable(emeaRows.message()));
    QStringList names;
    for (const ComplianceRow &row : emeaRows.value()) {
        names << row.email.section(QLatin1Char('@'), 0, 0);
        QCOMPARE(row.cells.size(), 2);
    }
    QCOMPARE(names, (QStringList{QStringLiteral("expired"), QStringLiteral("expiring"),
                                 QStringLiteral("none"), QStringLiteral("pending")}));
    QCOMPARE(service.count(m_admin, emea).value(), 4);

    // A template: only its column, its people.
    ComplianceQuery forklift = query();
    forklift.templateId = m_forklift;
    QCOMPARE(service.count(m_admin, forklift).value(), 4);
    QCOMPARE(service.columns(m_admin, forklift)->size(), 1);

    // A state: the people with a required template in it.
    ComplianceQuery expired = query();
    expired.state = ComplianceState::Expired;
    const auto expiredRows = service.page(m_admin, expired, {}, 100);
    QCOMPARE(expiredRows->size(), 1);
    QCOMPARE(expiredRows->first().userId, m_expired);
    ComplianceQuery missing = query();
    missing.state = ComplianceState::Missing;
    // Every Sales member but valid (holds First Aid, no Forklift needed) and
    // expiring (holds both); expired and pending miss Forklift.
    QCOMPARE(service.count(m_admin, missing).value(), 6);

    // Soonest lapse first: whoever misses a template or waits for validation
    // has lapsed (expired misses Forklift), by name; then expiring (10 days),
    // valid (a year).
    ComplianceQuery byLapse = query();
    byLapse.order = ComplianceQuery::Order::Lapse;
    QList<Id> order;
    ComplianceCursor after;
    // Two at a time: the keyset pages add up to the whole list, nobody twice.
    for (int guard = 0; guard < 10; ++guard) {
        const auto page = service.page(m_admin, byLapse, after, 2);
        QVERIFY2(page, qPrintable(page.message()));
        for (const ComplianceRow &row : page.value())
            order << row.userId;
        if (page->size() < 2)
            break;
        after = ComplianceCursor::after(page->constLast());
    }
    QCOMPARE(order.size(), 8);
    QCOMPARE(order.mid(6), (QList<Id>{m_expiring, m_valid}));
    QCOMPARE(QSet<Id>(order.begin(), order.end()).size(), 8);

    // Totals per template, over everyone the filter keeps.
    const auto totals = service.totals(m_admin, query());
    QVERIFY2(totals, qPrintable(totals.message()));
    QCOMPARE(totals->size(), 2);
    const ComplianceTotal firstAid = totals->at(0);
    QCOMPARE(firstAid.templateName, QStringLiteral("First Aid"));
    QCOMPARE(firstAid.required(), 8);
    QCOMPARE(firstAid.valid, 1);
    QCOMPARE(firstAid.expiring, 1);
    QCOMPARE(firstAid.pending, 1);
    QCOMPARE(firstAid.expired, 1);
    QCOMPARE(firstAid.missing, 4);
    QCOMPARE(firstAid.percentCovered(), 25);
    const ComplianceTotal forkliftTotal = totals->at(1);
    QCOMPARE(forkliftTotal.required(), 4);
    QCOMPARE(forkliftTotal.covered(), 1);
    // By group: Sales (both templates apply below it) and EMEA.
    const auto byGroup = service.totalsByGroup(m_admin, query());
    QVERIFY2(byGroup, qPrintable(byGroup.message()));
    QStringList lines;
    for (const ComplianceTotal &t : byGroup.value())
        lines << QStringLiteral("%1/%2/%3/%4")
                     .arg(t.groupName, t.templateName)
                     .arg(t.covered())
                     .arg(t.required());
    QCOMPARE(
        lines,
        (QStringList{QStringLiteral("EMEA/First Aid/1/4"), QStringLiteral("EMEA/Forklift/1/4"),
                     QStringLiteral("Sales/First Aid/2/8"), QStringLiteral("Sales/Forklift/1/4")}));
}

void TestCompliance::scope_aManagerSeesTheirManageesOnly()
{
    ComplianceService service(m_db->db());
    QVERIFY(service.addRequirement(m_admin, QStringLiteral("Sales"), QStringLiteral("First Aid")));
    // The manager: themselves and their two managees (R5).
    const auto rows = service.page(m_manager, query(), {}, 100);
    QVERIFY2(rows, qPrintable(rows.message()));
    QSet<Id> people;
    for (const ComplianceRow &row : rows.value())
        people.insert(row.userId);
    QCOMPARE(people, (QSet<Id>{m_manager, m_valid, m_expiring}));
    QCOMPARE(service.count(m_manager, query()).value(), 3);
    QCOMPARE(service.totals(m_manager, query())->first().required(), 3);
    // The admin of Sales: every member of Sales and below.
    QCOMPARE(service.count(m_salesAdmin, query()).value(), 8);
    // A learner sees no compliance picture at all.
    const auto refused = service.page(m_valid, query(), {}, 100);
    QVERIFY(!refused);
    QCOMPARE(refused.kind(), ErrorKind::Refused);
    QVERIFY(!service.totals(m_engineer, query()));
}

void TestCompliance::csv_hostileNamesRoundTripThroughPythonCsv()
{
    const QList<QStringList> records = {
        {QStringLiteral("name"), QStringLiteral("note")},
        {QStringLiteral("Doe, Jane"), QStringLiteral("says \"hi\"")},
        {QStringLiteral("Line\nbreak"), QStringLiteral("CR\r\nLF")},
        {QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("+1")},
        {QStringLiteral("-2+3"), QStringLiteral("@SUM(A1)")},
        {QStringLiteral(" padded "), QStringLiteral("Zoë Ødegård 李")},
        {QString(), QStringLiteral("\tTab")},
    };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const bool excel : {false, true}) {
        const QString path =
            dir.filePath(excel ? QStringLiteral("excel.csv") : QStringLiteral("plain.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        CsvWriter writer(&file, excel ? CsvWriter::Options::excel(QLocale(QLocale::French))
                                      : CsvWriter::Options());
        QVERIFY(writer.writeHeader(records.first()));
        for (const QStringList &r : records.mid(1))
            QVERIFY(writer.writeRecord({r.at(0), r.at(1)}));
        QVERIFY(writer.writeRecord({42, QDate(2025, 3, 12)}));
        file.close();

        // Python's csv module reads it back; it prints each field as JSON.
        QProcess python;
        python.start(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import csv,json,sys\n"
                            "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                            "    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))"),
             path, excel ? QStringLiteral(";") : QStringLiteral(",")});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        const QJsonArray read = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
        QCOMPARE(read.size(), records.size() + 1);
        for (int i = 0; i < records.size(); ++i) {
            const QJsonArray row = read.at(i).toArray();
            QCOMPARE(row.size(), 2);
            for (int j = 0; j < 2; ++j) {
                const QString expected =
                    i == 0 ? records[i][j] : CsvWriter::neutralise(records[i][j]);
                QCOMPARE(row.at(j).toString(), expected);
            }
        }
        // Formulas are neutralised; numbers and dates are not touched.
        QCOMPARE(read.at(3).toArray().at(0).toString().left(2), QStringLiteral("'="));
        QCOMPARE(read.at(4).toArray().at(0).toString(), QStringLiteral("'-2+3"));
        QCOMPARE(read.last().toArray().at(0).toString(), QStringLiteral("42"));
        QCOMPARE(read.last().toArray().at(1).toString(), QStringLiteral("2025-03-12"));
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QCOMPARE(raw.read(3) == QByteArrayLiteral("\xEF\xBB\xBF"), excel);
    }
}

QTEST_MAIN(TestCompliance)
#include "tst_compliance.moc"
