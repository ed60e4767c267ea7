// "Correct and send again" (README rules, "Re-submission"): Policy::mayResubmit says who may
// correct and resend which certificate, with a reason when not, and
// CertificateService::resubmit() asks it (the rule lives once). Each test runs
// on SQLite and on a real PostgreSQL server.
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "policy/Policy.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/ReviewService.h"

#include <QSqlQuery>
#include <QTest>

class TestResubmit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_db.reset(); }

    void ownerOfRejected_mayResubmit();
    void ownerOfPendingOrValidated_refusedWithReason();
    void outsideScope_refused();
    void managerAndGroupAdminOfOwner_mayResubmit();
    void importSwitchedOff_refusedWithReason();
    void internalCertificate_refused();
    void service_asksThePolicy();

private:
    Id addUser(const QString &email, const QString &manager,
               const QList<QPair<QString, Role>> &groups);
    void setSetting(const QString &key, const QString &value);
    // An external certificate of the learner, imported under validation and
    // then rejected, validated, or left pending.
    Certificate certificateOf(Id owner, const QString &name, std::optional<bool> validate);
    Certificate reread(Id id);
    QString rowCounts();

    std::unique_ptr<TestDatabase> m_db;
    Id m_admin = 0;
    Id m_groupAdmin = 0; // admin of Sales, the learner's reviewer (R3)
    Id m_manager = 0;    // the learner's manager, in Engineering
    Id m_learner = 0;    // Sales learner
    Id m_outsider = 0;   // Engineering learner
    int m_pdfs = 0;
};

void TestResubmit::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_db = std::make_unique<TestDatabase>(backend);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    DirectoryService directory(m_db->db());
    const auto admin = directory.createFirstAdmin(
        QStringLiteral("root@example.org"), QStringLiteral("Root Admin"), QStringLiteral("secret"));
    QVERIFY2(admin, qPrintable(admin.message()));
    m_admin = admin->id;
    for (const QString &group : {QStringLiteral("Sales"), QStringLiteral("Engineering")}) {
        const auto g = directory.addGroup(m_admin, group, QString());
        QVERIFY2(g, qPrintable(g.message()));
    }
    m_groupAdmin = addUser(QStringLiteral("sa@example.org"), QString(),
                           {{QStringLiteral("Sales"), Role::Admin}});
    m_manager = addUser(QStringLiteral("m@example.org"), QString(),
                        {{QStringLiteral("Engineering"), Role::Learner}});
    m_learner = addUser(QStringLiteral("l@example.org"), QStringLiteral("m@example.org"),
                        {{QStringLiteral("Sales"), Role::Learner}});
    m_outsider = addUser(QStringLiteral("o@example.org"), QString(),
                         {{QStringLiteral("Engineering"), Role::Learner}});
    QVERIFY(m_groupAdmin && m_manager && m_learner && m_outsider);
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.reviewers"), QStringLiteral("group-admins"));
}

Id TestResubmit::addUser(const QString &email, const QString &manager,
                         const QList<QPair<QString, Role>> &groups)
{
    DirectoryService directory(m_db->db());
    NewUser nu;
    nu.email = email;
    nu.name = email.section(QLatin1Char('@'), 0, 0);
    nu.managerEmail = manager;
    nu.memberships = groups;
    nu.password = QStringLiteral("pw-") + nu.name;
    const auto u = directory.addUser(m_admin, nu);
    if (!u)
        qWarning("addUser %s: %s", qPrintable(email), qPrintable(u.message()));
    return u ? u->id : 0;
}

void TestResubmit::setSetting(const QString &key, const QString &value)
{
    SettingsService settings(m_db->db());
    const auto r = settings.set(m_admin, key, value);
    QVERIFY2(r, qPrintable(r.message()));
}

Certificate TestResubmit::certificateOf(Id owner, const QString &name, std::optional<bool> validate)
{
    CertificatePdfContent content;
    content.title = name;
    content.holder = QStringLiteral("Lin Learner");
    content.issuer = QStringLiteral("Test Academy");
    content.delivered = QDate::currentDate().addDays(-10);
    content.reference = QStringLiteral("R-%1").arg(++m_pdfs);
    ImportRequest request;
    request.name = name;
    request.delivered = content.delivered;
    request.pdf = CertificatePdf::render(content);
    CertificateService certificates(m_db->db());
    const auto imported = certificates.importCertificate(owner, request);
    if (!imported) {
        qWarning("import: %s", qPrintable(imported.message()));
        return {};
    }
    if (validate) {
        ReviewService reviews(m_db->db());
        ReviewDecision decision;
        decision.taskId = imported->taskId;
        decision.validate = *validate;
        decision.comment = *validate ? QString() : QStringLiteral("Wrong file.");
        const auto reviewed = reviews.review(m_groupAdmin, decision);
        if (!reviewed)
            qWarning("review: %s", qPrintable(reviewed.message()));
    }
    return reread(imported->certificate.id);
}

Certificate TestResubmit::reread(Id id)
{
    CertificateService certificates(m_db->db());
    const auto c = certificates.certificate(m_admin, id);
    return c ? c.value() : Certificate();
}

QString TestResubmit::rowCounts()
{
    QStringList counts;
    for (const char *table : {"certificates", "validation_tasks", "notifications", "audit_log"}) {
        QSqlQuery q(m_db->db().connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QString::fromLatin1(table));
        counts << (q.next() ? q.value(0).toString() : QStringLiteral("?"));
    }
    return counts.join(QLatin1Char(','));
}

void TestResubmit::ownerOfRejected_mayResubmit()
{
    const Certificate rejected = certificateOf(m_learner, QStringLiteral("Receipt"), false);
    QCOMPARE(rejected.status, CertificateStatus::Rejected);
    const Policy policy(m_db->db().connection());
    const Decision d = policy.mayResubmit(m_learner, rejected);
    QVERIFY2(d.allowed, qPrintable(d.reason));
    QVERIFY(d.reason.isEmpty());
}

void TestResubmit::ownerOfPendingOrValidated_refusedWithReason()
{
    const Policy policy(m_db->db().connection());
    const Certificate pending = certificateOf(m_learner, QStringLiteral("Waiting"), std::nullopt);
    QCOMPARE(pending.status, CertificateStatus::Pending);
    Decision d = policy.mayResubmit(m_learner, pending);
    QVERIFY(!d.allowed);
    QCOMPARE(d.reason, QStringLiteral("Only a rejected certificate can be corrected and sent "
                                      "again; \"Waiting\" is pending validation."));

    const Certificate validated = certificateOf(m_learner, QStringLiteral("Good"), true);
    QCOMPARE(validated.status, CertificateStatus::Validated);
    d = policy.mayResubmit(m_learner, validated);
    QVERIFY(!d.allowed);
    QVERIFY2(d.reason.contains(QLatin1String("\"Good\" is validated")), qPrintable(d.reason));
}

void TestResubmit::outsideScope_refused()
{
    const Certificate rejected = certificateOf(m_learner, QStringLiteral("Receipt"), false);
    const Policy policy(m_db->db().connection());
    const Decision d = policy.mayResubmit(m_outsider, rejected);
    QVERIFY(!d.allowed);
    QVERIFY2(d.reason.contains(QLatin1String("only for yourself")), qPrintable(d.reason));
}

void TestResubmit::managerAndGroupAdminOfOwner_mayResubmit()
{
    const Certificate rejected = certificateOf(m_learner, QStringLiteral("Receipt"), false);
    const Policy policy(m_db->db().connection());
    for (const Id actor : {m_manager, m_groupAdmin, m_admin}) {
        const Decision d = policy.mayResubmit(actor, rejected);
        QVERIFY2(d.allowed, qPrintable(d.reason));
    }
}

void TestResubmit::importSwitchedOff_refusedWithReason()
{
    const Certificate rejected = certificateOf(m_learner, QStringLiteral("Receipt"), false);
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("off"));
    const Policy policy(m_db->db().connection());
    const Decision d = policy.mayResubmit(m_learner, rejected);
    QVERIFY(!d.allowed);
    QVERIFY2(d.reason.contains(QLatin1String("switched off")), qPrintable(d.reason)); // R1
}

void TestResubmit::internalCertificate_refused()
{
    Certificate internal = certificateOf(m_learner, QStringLiteral("Receipt"), false);
    internal.kind = CertificateKind::Internal;
    const Policy policy(m_db->db().connection());
    const Decision d = policy.mayResubmit(m_learner, internal);
    QVERIFY(!d.allowed);
    QVERIFY2(d.reason.contains(QLatin1String("granted on the platform")), qPrintable(d.reason));
}

void TestResubmit::service_asksThePolicy()
{
    const Certificate pending = certificateOf(m_learner, QStringLiteral("Waiting"), std::nullopt);
    const Certificate rejected = certificateOf(m_learner, QStringLiteral("Receipt"), false);
    const Policy policy(m_db->db().connection());
    CertificateService certificates(m_db->db());
    ResubmitRequest again;
    again.certificateId = pending.id;
    const QString before = rowCounts();
    const auto refused = certificates.resubmit(m_learner, again);
    QCOMPARE(refused.kind(), ErrorKind::Refused);
    // The same words as the policy's.
    QCOMPARE(refused.message(), policy.mayResubmit(m_learner, pending).reason);
    QCOMPARE(rowCounts(), before);

    // The manager corrects the name and sends it again for the learner.
    again.certificateId = rejected.id;
    again.name = QStringLiteral("First Aid (certificate)");
    const auto resent = certificates.resubmit(m_manager, again);
    QVERIFY2(resent, qPrintable(resent.message()));
    QCOMPARE(resent->certificate.status, CertificateStatus::Pending);
    QCOMPARE(resent->certificate.name, QStringLiteral("First Aid (certificate)"));
    QCOMPARE(resent->reviewers, QList<Id>{m_groupAdmin});
    // Now pending: the policy says no, and so does the service.
    QVERIFY(!policy.mayResubmit(m_manager, reread(rejected.id)).allowed);
    QCOMPARE(certificates.resubmit(m_manager, again).kind(), ErrorKind::Refused);
}

QTEST_MAIN(TestResubmit)
#include "tst_resubmit.moc"
