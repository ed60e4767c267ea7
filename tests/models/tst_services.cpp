// Services: the first admin, people and groups, settings, importing (R1, R2,
// R3, R4, R6, R7), reviewing (R8, R9) and "bad input loses nothing", each on
// SQLite and on a real PostgreSQL server.
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"

#include <QSqlQuery>
#include <QTest>

class TestServices : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_db.reset(); }

    void firstAdmin_onlyOnce();
    void signIn_wrongPasswordOrDeleted_refused();
    void addUser_badInput_refusedWithReason();
    void addUser_byGroupAdmin_onlyIntoTheirGroups();
    void deleteRestore_keepsResults();
    void settings_onlyPlatformAdmins_andAudited();
    void import_validationOff_acceptedAtOnce();
    void import_validationOn_pendingTaskRoutedToManager();
    void import_noManager_goesToNearestGroupAdminUpTheTree();
    void import_ownerIsOnlyAdmin_goesOneLevelUp();
    void import_featureOff_refusedAndNothingWritten();
    void import_outOfScope_refused();
    void import_forDeletedManagee_allowed();
    void import_badFields_refusedAndNothingWritten();
    void import_badPdf_refusedAndNothingWritten();
    void import_samePdfTwice_detected_blobShared();
    void import_sameKeyTwice_writesOnce();
    void import_templateByLearnerUnderValidation_refused();
    void import_creditsWhenFeatureOff_refused();
    void import_unicodeName_roundTrips();
    void review_validate_notifiesOwnerWithEdits();
    void review_rejectWithoutComment_refused();
    void review_ownCertificate_refused();
    void review_uploader_fourEyes_routedPastAndRefused();
    void review_secondReviewer_toldWhoActedFirst();
    void notifications_markRead_onlyOwn();
    void notifications_categoryFilterAndMarkAllRead();
    void review_marksTaskRequestsReadForEveryReviewer();
    void tasks_pagedOldestFirst_withCount();
    void users_pagedByName_withMemberships();
    void resubmit_rejected_newTaskAndHistory();
    void resubmit_notRejectedOrNotOwner_refused();

private:
    Id addUser(const QString &email, const QString &manager,
               const QList<QPair<QString, Role>> &groups);
    QByteArray pdfFor(const QString &holder, const QString &title);
    ImportRequest request(Id owner, const QString &name);
    void setSetting(const QString &key, const QString &value);
    int count(const QString &table);
    QString rowCounts();

    std::unique_ptr<TestDatabase> m_db;
    Id m_admin = 0;
    int m_pdfCounter = 0;
};

void TestServices::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_db = std::make_unique<TestDatabase>(backend);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    DirectoryService directory(m_db->db());
    const auto admin = directory.createFirstAdmin(
        QStringLiteral("root@example.org"), QStringLiteral("Root Admin"), QStringLiteral("secret"));
    QVERIFY2(admin, qPrintable(admin.message()));
    m_admin = admin->id;
    // Platform > Sales > EMEA > Benelux, and Engineering.
    for (const auto &[name, parent] :
         QList<QPair<QString, QString>>{{QStringLiteral("Sales"), QString()},
                                        {QStringLiteral("EMEA"), QStringLiteral("Sales")},
                                        {QStringLiteral("Benelux"), QStringLiteral("EMEA")},
                                        {QStringLiteral("Engineering"), QString()}}) {
        const auto g = directory.addGroup(m_admin, name, parent);
        QVERIFY2(g, qPrintable(g.message()));
    }
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
}

Id TestServices::addUser(const QString &email, const QString &manager,
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

QByteArray TestServices::pdfFor(const QString &holder, const QString &title)
{
    CertificatePdfContent content;
    content.title = title;
    content.holder = holder;
    content.issuer = QStringLiteral("Test Academy");
    content.delivered = QDate::currentDate().addDays(-10);
    content.reference = QStringLiteral("T-%1").arg(++m_pdfCounter);
    return CertificatePdf::render(content);
}

ImportRequest TestServices::request(Id owner, const QString &name)
{
    ImportRequest r;
    r.ownerId = owner;
    r.name = name;
    r.delivered = QDate::currentDate().addDays(-10);
    r.pdf = pdfFor(QStringLiteral("Holder %1").arg(owner), name);
    r.originalFilename = QStringLiteral("certificate.pdf");
    return r;
}

void TestServices::setSetting(const QString &key, const QString &value)
{
    SettingsService settings(m_db->db());
    const auto r = settings.set(m_admin, key, value);
    QVERIFY2(r, qPrintable(r.message()));
}

int TestServices::count(const QString &table)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(), QStringLiteral("SELECT COUNT(*) FROM ") + table,
                           {}, &error);
    return q.next() ? q.value(0).toInt() : -1;
}

QString TestServices::rowCounts()
{
    QStringList parts;
    for (const char *table : {"certificates", "pdf_blobs", "validation_tasks", "task_reviewers",
                              "notifications", "email_outbox", "audit_log"})
        parts << QString::number(count(QString::fromLatin1(table)));
    return parts.join(QLatin1Char('/'));
}

void TestServices::firstAdmin_onlyOnce()
{
    DirectoryService directory(m_db->db());
    const auto again = directory.createFirstAdmin(QStringLiteral("second@example.org"),
                                                  QStringLiteral("Second"), QStringLiteral("pw12"));
    QVERIFY(!again);
    QCOMPARE(again.kind(), ErrorKind::Refused);
    Policy policy(m_db->db().connection());
    QVERIFY(policy.isPlatformAdmin(m_admin));
}

void TestServices::signIn_wrongPasswordOrDeleted_refused()
{
    DirectoryService directory(m_db->db());
    const Id u = addUser(QStringLiteral("learner@example.org"), QString(),
                         {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(directory.signIn(QStringLiteral("LEARNER@example.org"), QStringLiteral("pw-learner")));
    const auto wrong = directory.signIn(QStringLiteral("learner@example.org"), QStringLiteral("x"));
    QVERIFY(!wrong);
    const auto unknown =
        directory.signIn(QStringLiteral("nobody@example.org"), QStringLiteral("x"));
    QCOMPARE(unknown.message(), wrong.message()); // no probing for accounts
    QVERIFY(directory.deleteUser(m_admin, u));
    const auto deleted =
        directory.signIn(QStringLiteral("learner@example.org"), QStringLiteral("pw-learner"));
    QVERIFY(!deleted);
    QVERIFY(deleted.message().contains(QLatin1String("deleted")));
}

void TestServices::addUser_badInput_refusedWithReason()
{
    DirectoryService directory(m_db->db());
    const int before = count(QStringLiteral("users"));
    NewUser nu;
    nu.email = QStringLiteral("not-an-email");
    nu.name = QStringLiteral("X");
    QVERIFY(directory.addUser(m_admin, nu).message().contains(QLatin1String("not an email")));
    nu.email = QStringLiteral("ok@example.org");
    nu.name = QStringLiteral("   ");
    QVERIFY(directory.addUser(m_admin, nu).message().contains(QLatin1String("name is required")));
    for (const QString &bad : {QStringLiteral("Two\nlines"), QStringLiteral("Tab\there"),
                               QStringLiteral("Esc\x1b[31mred")}) {
        nu.name = bad;
        const auto refused = directory.addUser(m_admin, nu);
        QVERIFY2(refused.message().contains(QLatin1String("control characters")),
                 qPrintable(refused.message()));
    }
    nu.name = QStringLiteral("OK");
    nu.memberships = {{QStringLiteral("Nowhere"), Role::Learner}};
    QVERIFY(directory.addUser(m_admin, nu).message().contains(QLatin1String("no group named")));
    nu.memberships.clear();
    nu.managerEmail = QStringLiteral("ghost@example.org");
    QVERIFY(directory.addUser(m_admin, nu).message().contains(QLatin1String("no user")));
    nu.managerEmail.clear();
    QVERIFY(directory.addUser(m_admin, nu));
    QCOMPARE(directory.addUser(m_admin, nu).kind(), ErrorKind::Conflict);
    QCOMPARE(count(QStringLiteral("users")), before + 1);
}

void TestServices::addUser_byGroupAdmin_onlyIntoTheirGroups()
{
    const Id salesAdmin = addUser(QStringLiteral("sales.admin@example.org"), QString(),
                                  {{QStringLiteral("Sales"), Role::Admin}});
    DirectoryService directory(m_db->db());
    NewUser nu;
    nu.email = QStringLiteral("new@example.org");
    nu.name = QStringLiteral("New");
    nu.memberships = {{QStringLiteral("Benelux"), Role::Learner}}; // a sub-group: allowed
    QVERIFY(directory.addUser(salesAdmin, nu));
    nu.email = QStringLiteral("other@example.org");
    nu.memberships = {{QStringLiteral("Engineering"), Role::Learner}};
    const auto refused = directory.addUser(salesAdmin, nu);
    QCOMPARE(refused.kind(), ErrorKind::Refused);
    nu.memberships.clear();
    QCOMPARE(directory.addUser(salesAdmin, nu).kind(), ErrorKind::Refused);
}

void TestServices::deleteRestore_keepsResults()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    QVERIFY(certificates.importCertificate(learner, request(learner, QStringLiteral("A"))));
    DirectoryService directory(m_db->db());
    QVERIFY(directory.deleteUser(m_admin, learner));
    QCOMPARE(directory.deleteUser(m_admin, learner).kind(), ErrorKind::Conflict);
    QCOMPARE(directory.users(m_admin, true)->size(), 1);
    const auto list = certificates.certificatesOf(m_admin, learner, {}, 50);
    QVERIFY(list);
    QCOMPARE(list->size(), 1);
    QVERIFY(directory.restoreUser(m_admin, learner));
    QCOMPARE(directory.users(m_admin, true)->size(), 0);
    QCOMPARE(directory.deleteUser(learner, learner).kind(), ErrorKind::Refused);
}

void TestServices::settings_onlyPlatformAdmins_andAudited()
{
    const Id groupAdmin = addUser(QStringLiteral("ga@example.org"), QString(),
                                  {{QStringLiteral("Sales"), Role::Admin}});
    SettingsService settings(m_db->db());
    const int audits = count(QStringLiteral("audit_log"));
    QCOMPARE(settings.set(groupAdmin, QStringLiteral("validation.required"), QStringLiteral("on"))
                 .kind(),
             ErrorKind::Refused);
    QCOMPARE(settings.set(m_admin, QStringLiteral("validation.required"), QStringLiteral("maybe"))
                 .kind(),
             ErrorKind::Invalid);
    QCOMPARE(settings.set(m_admin, QStringLiteral("no.such.key"), QStringLiteral("on")).kind(),
             ErrorKind::Invalid);
    QCOMPARE(settings.set(m_admin, QStringLiteral("pdf.max-size-mb"), QStringLiteral("0")).kind(),
             ErrorKind::Invalid);
    QCOMPARE(count(QStringLiteral("audit_log")), audits);
    const auto changed =
        settings.set(m_admin, QStringLiteral("validation.reviewers"), QStringLiteral("managers"));
    QVERIFY(changed);
    QCOMPARE(changed->reviewers, ReviewerMode::Managers);
    QCOMPARE(count(QStringLiteral("audit_log")), audits + 1);
    QCOMPARE(settings.settings()->reviewers, ReviewerMode::Managers);
}

void TestServices::import_validationOff_acceptedAtOnce()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto r = certificates.importCertificate(learner, request(0, QStringLiteral("First Aid")));
    QVERIFY2(r, qPrintable(r.message()));
    QCOMPARE(r->certificate.status, CertificateStatus::Accepted);
    QCOMPARE(r->certificate.ownerId, learner);
    QCOMPARE(r->taskId, Id(0));
    QCOMPARE(rowCounts(), QStringLiteral("1/1/0/0/0/0/%1").arg(count(QStringLiteral("audit_log"))));
    QCOMPARE(r->certificate.pdfSha256.size(), 64);
    const auto bytes = certificates.pdf(learner, r->certificate.id);
    QVERIFY(bytes);
    QVERIFY(bytes->startsWith("%PDF-"));
}

void TestServices::import_validationOn_pendingTaskRoutedToManager()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.reviewers"), QStringLiteral("managers"));
    const Id manager = addUser(QStringLiteral("m@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QStringLiteral("m@example.org"),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto r = certificates.importCertificate(learner, request(0, QStringLiteral("CPR")));
    QVERIFY2(r, qPrintable(r.message()));
    QCOMPARE(r->certificate.status, CertificateStatus::Pending);
    QVERIFY(r->taskId > 0);
    QCOMPARE(r->reviewers, QList<Id>{manager});
    NotificationService notifications(m_db->db());
    QCOMPARE(notifications.unreadCount(manager).value(), 1);
    QCOMPARE(count(QStringLiteral("email_outbox")), 1);
    ReviewService reviews(m_db->db());
    const auto tasks = reviews.tasks(manager, true);
    QVERIFY(tasks);
    QCOMPARE(tasks->size(), 1);
    QCOMPARE(tasks->constFirst().certificate.name, QStringLiteral("CPR"));
    // The owner's own view shows it pending; a stranger's does not see it.
    const Id stranger = addUser(QStringLiteral("s@example.org"), QString(),
                                {{QStringLiteral("Engineering"), Role::Learner}});
    QCOMPARE(certificates.certificatesOf(stranger, learner, {}, 10).kind(), ErrorKind::Refused);
    QCOMPARE(reviews.tasks(stranger, true)->size(), 0);
}

void TestServices::import_noManager_goesToNearestGroupAdminUpTheTree()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.reviewers"), QStringLiteral("managers"));
    // Benelux has no admin; EMEA has one: the task goes to EMEA's admin.
    const Id emeaAdmin = addUser(QStringLiteral("emea.admin@example.org"), QString(),
                                 {{QStringLiteral("EMEA"), Role::Admin}});
    addUser(QStringLiteral("sales.admin@example.org"), QString(),
            {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Benelux"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto r = certificates.importCertificate(learner, request(0, QStringLiteral("Dutch B2")));
    QVERIFY2(r, qPrintable(r.message()));
    QCOMPARE(r->reviewers, QList<Id>{emeaAdmin});
}

void TestServices::import_ownerIsOnlyAdmin_goesOneLevelUp()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id salesAdmin = addUser(QStringLiteral("sales.admin@example.org"), QString(),
                                  {{QStringLiteral("Sales"), Role::Admin}});
    const Id emeaAdmin = addUser(QStringLiteral("emea.admin@example.org"), QString(),
                                 {{QStringLiteral("EMEA"), Role::Admin}});
    CertificateService certificates(m_db->db());
    const auto r = certificates.importCertificate(emeaAdmin, request(0, QStringLiteral("Own")));
    QVERIFY2(r, qPrintable(r.message()));
    QCOMPARE(r->reviewers, QList<Id>{salesAdmin});
    // The reviewer cannot be the owner, and the owner cannot review it.
    ReviewService reviews(m_db->db());
    ReviewDecision d;
    d.taskId = r->taskId;
    QCOMPARE(reviews.review(emeaAdmin, d).kind(), ErrorKind::Refused);
}

void TestServices::import_featureOff_refusedAndNothingWritten()
{
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("off"));
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    const QString before = rowCounts();
    CertificateService certificates(m_db->db());
    const auto r = certificates.importCertificate(learner, request(0, QStringLiteral("X")));
    QCOMPARE(r.kind(), ErrorKind::Refused);
    QVERIFY(r.message().contains(QLatin1String("switched off")));
    const auto asAdmin =
        certificates.importCertificate(m_admin, request(learner, QStringLiteral("X")));
    QCOMPARE(asAdmin.kind(), ErrorKind::Refused); // R1: nobody
    QCOMPARE(rowCounts(), before);
}

void TestServices::import_outOfScope_refused()
{
    const Id a = addUser(QStringLiteral("a@example.org"), QString(),
                         {{QStringLiteral("Sales"), Role::Learner}});
    const Id b = addUser(QStringLiteral("b@example.org"), QString(),
                         {{QStringLiteral("Sales"), Role::Learner}});
    const QString before = rowCounts();
    CertificateService certificates(m_db->db());
    QCOMPARE(certificates.importCertificate(a, request(b, QStringLiteral("X"))).kind(),
             ErrorKind::Refused);
    QCOMPARE(rowCounts(), before);
}

void TestServices::import_forDeletedManagee_allowed()
{
    const Id manager = addUser(QStringLiteral("m@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    const Id managee = addUser(QStringLiteral("l@example.org"), QStringLiteral("m@example.org"),
                               {{QStringLiteral("Sales"), Role::Learner}});
    DirectoryService directory(m_db->db());
    QVERIFY(directory.deleteUser(m_admin, managee));
    CertificateService certificates(m_db->db());
    const auto r = certificates.importCertificate(manager, request(managee, QStringLiteral("Old")));
    QVERIFY2(r, qPrintable(r.message()));
    QCOMPARE(r->certificate.ownerId, managee);
    QCOMPARE(r->certificate.uploaderId, manager);
}

void TestServices::import_badFields_refusedAndNothingWritten()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const QString before = rowCounts();
    const QDate today = QDate::currentDate();
    QStringList messages;

    ImportRequest r = request(0, QStringLiteral("   "));
    messages << certificates.importCertificate(learner, r).message();
    r = request(0, QStringLiteral("Future"));
    r.delivered = today.addDays(1);
    messages << certificates.importCertificate(learner, r).message();
    r = request(0, QStringLiteral("Backwards"));
    r.expires = r.delivered.addDays(-1);
    messages << certificates.importCertificate(learner, r).message();
    r = request(0, QStringLiteral("No date"));
    r.delivered = QDate();
    messages << certificates.importCertificate(learner, r).message();
    r = request(0, QStringLiteral("Line\nbreak"));
    messages << certificates.importCertificate(learner, r).message();
    r = request(0, QString(Domain::MaxNameLength + 1, QLatin1Char('x')));
    messages << certificates.importCertificate(learner, r).message();

    for (const QString &m : std::as_const(messages))
        QVERIFY2(!m.isEmpty(), "every refusal says why");
    QCOMPARE(QSet<QString>(messages.begin(), messages.end()).size(), messages.size());
    QCOMPARE(rowCounts(), before);
}

void TestServices::import_badPdf_refusedAndNothingWritten()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const QString before = rowCounts();
    const QByteArray good = pdfFor(QStringLiteral("L"), QStringLiteral("Good"));
    QStringList messages;
    for (const QByteArray &bytes :
         {QByteArray(), QByteArray("hello, I am a text file\n"), good.left(good.size() / 2),
          QByteArray("%PDF-1.7\n").append(QByteArray(3000, 'z'))}) {
        ImportRequest r = request(0, QStringLiteral("Bad"));
        r.pdf = bytes;
        const auto result = certificates.importCertificate(learner, r);
        QCOMPARE(result.kind(), ErrorKind::Invalid);
        messages << result.message();
    }
    setSetting(QStringLiteral("pdf.max-size-mb"), QStringLiteral("1"));
    ImportRequest big = request(0, QStringLiteral("Big"));
    big.pdf = good + QByteArray(1024 * 1024, ' ');
    const auto tooBig = certificates.importCertificate(learner, big);
    QCOMPARE(tooBig.kind(), ErrorKind::Invalid);
    messages << tooBig.message();
    QVERIFY2(messages.last().contains(QLatin1String("1")), qPrintable(messages.last()));
    messages.removeAll(QString());
    QCOMPARE(messages.size(), 5);
    // Empty, not a PDF and too large each read differently; damaged ones agree.
    QVERIFY(messages.at(0) != messages.at(1));
    QVERIFY(messages.at(1) != messages.at(2));
    QVERIFY(messages.at(4) != messages.at(0));
    QCOMPARE(rowCounts().section(QLatin1Char('/'), 0, 5), before.section(QLatin1Char('/'), 0, 5));
}

void TestServices::import_samePdfTwice_detected_blobShared()
{
    const Id a = addUser(QStringLiteral("a@example.org"), QString(),
                         {{QStringLiteral("Sales"), Role::Learner}});
    const Id manager = addUser(QStringLiteral("m@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    const Id b = addUser(QStringLiteral("b@example.org"), QStringLiteral("m@example.org"),
                         {{QStringLiteral("Sales"), Role::Learner}});
    Q_UNUSED(manager);
    CertificateService certificates(m_db->db());
    ImportRequest r = request(0, QStringLiteral("Twice"));
    QVERIFY(certificates.importCertificate(a, r));
    const auto again = certificates.importCertificate(a, r);
    QCOMPARE(again.kind(), ErrorKind::Conflict);
    QVERIFY(again.message().contains(QLatin1String("already imported")));
    // Another person with the same bytes: allowed, one blob kept.
    QVERIFY(certificates.importCertificate(b, r));
    QCOMPARE(count(QStringLiteral("certificates")), 2);
    QCOMPARE(count(QStringLiteral("pdf_blobs")), 1);
}

void TestServices::import_sameKeyTwice_writesOnce()
{
    const Id a = addUser(QStringLiteral("a@example.org"), QString(),
                         {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    ImportRequest r = request(0, QStringLiteral("Retried"));
    r.importKey = QStringLiteral("6f1c0b6e-3c1d-4c1e-9d5e-000000000001");
    const auto first = certificates.importCertificate(a, r);
    QVERIFY(first);
    const QString after = rowCounts();
    const auto second = certificates.importCertificate(a, r);
    QVERIFY(second);
    QVERIFY(second->alreadyDone);
    QCOMPARE(second->certificate.id, first->certificate.id);
    QCOMPARE(rowCounts(), after);
}

void TestServices::import_templateByLearnerUnderValidation_refused()
{
    DirectoryService directory(m_db->db());
    const auto tmpl = directory.addTemplate(m_admin, QStringLiteral("First Aid"), QString(), 36);
    QVERIFY2(tmpl, qPrintable(QString::number(int(tmpl.kind())) + tmpl.message()));
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    addUser(QStringLiteral("sa@example.org"), QString(), {{QStringLiteral("Sales"), Role::Admin}});
    CertificateService certificates(m_db->db());
    ImportRequest r = request(0, QStringLiteral("With template"));
    r.templateId = tmpl->id;
    // Validation off: anyone associates a template (R7 applies only with validation on).
    QVERIFY(certificates.importCertificate(learner, r));
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    r = request(0, QStringLiteral("With template 2"));
    r.templateId = tmpl->id;
    const QString before = rowCounts();
    QCOMPARE(certificates.importCertificate(learner, r).kind(), ErrorKind::Refused);
    QCOMPARE(rowCounts(), before);
}

void TestServices::import_creditsWhenFeatureOff_refused()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    ImportRequest r = request(0, QStringLiteral("Credits"));
    r.credits = 2.5;
    QCOMPARE(certificates.importCertificate(learner, r).kind(), ErrorKind::Invalid);
    setSetting(QStringLiteral("credits.enabled"), QStringLiteral("on"));
    const auto ok = certificates.importCertificate(learner, r);
    QVERIFY2(ok, qPrintable(ok.message()));
    QCOMPARE(ok->certificate.credits.value_or(-1), 2.5);
    r = request(0, QStringLiteral("Negative"));
    r.credits = -1;
    QCOMPARE(certificates.importCertificate(learner, r).kind(), ErrorKind::Invalid);
}

void TestServices::import_unicodeName_roundTrips()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const QString name = QStringLiteral("\"Quoted\" 'name'; DROP TABLE users; -- 🎓 שלום עליכם");
    const auto r = certificates.importCertificate(learner, request(0, name));
    QVERIFY2(r, qPrintable(r.message()));
    const auto list = certificates.certificatesOf(learner, learner, {}, 10);
    QCOMPARE(list->constFirst().name, name);
    QVERIFY(count(QStringLiteral("users")) > 0);
}

void TestServices::review_validate_notifiesOwnerWithEdits()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id salesAdmin = addUser(QStringLiteral("sa@example.org"), QString(),
                                  {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto imported =
        certificates.importCertificate(learner, request(0, QStringLiteral("Frist Aid")));
    QVERIFY(imported);
    ReviewService reviews(m_db->db());
    ReviewDecision d;
    d.taskId = imported->taskId;
    d.validate = true;
    d.name = QStringLiteral("First Aid");
    d.expires = QDate::currentDate().addYears(3);
    d.comment = QStringLiteral("Fixed the typo.");
    const auto done = reviews.review(salesAdmin, d);
    QVERIFY2(done, qPrintable(done.message()));
    QCOMPARE(done->state, TaskState::Validated);
    QCOMPARE(done->certificate.status, CertificateStatus::Validated);
    QCOMPARE(done->certificate.name, QStringLiteral("First Aid"));
    NotificationService notifications(m_db->db());
    const auto inbox = notifications.notifications(learner, false, 0, 10);
    QCOMPARE(inbox->size(), 1);
    QCOMPARE(inbox->constFirst().category, NotificationCategory::CertificateValidated);
    QVERIFY(inbox->constFirst().body().contains(QLatin1String("Fixed the typo.")));
    QCOMPARE(count(QStringLiteral("email_outbox")), 2); // reviewer's request, owner's outcome
}

void TestServices::review_rejectWithoutComment_refused()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id salesAdmin = addUser(QStringLiteral("sa@example.org"), QString(),
                                  {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto imported = certificates.importCertificate(learner, request(0, QStringLiteral("X")));
    ReviewService reviews(m_db->db());
    ReviewDecision d;
    d.taskId = imported->taskId;
    d.validate = false;
    d.comment = QStringLiteral("   ");
    const QString before = rowCounts();
    QCOMPARE(reviews.review(salesAdmin, d).kind(), ErrorKind::Invalid);
    QCOMPARE(rowCounts(), before);
    d.comment = QStringLiteral("Blurry scan, please upload the original.");
    const auto done = reviews.review(salesAdmin, d);
    QVERIFY(done);
    QCOMPARE(done->certificate.status, CertificateStatus::Rejected);
}

void TestServices::review_ownCertificate_refused()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id salesAdmin = addUser(QStringLiteral("sa@example.org"), QString(),
                                  {{QStringLiteral("Sales"), Role::Admin}});
    CertificateService certificates(m_db->db());
    // The platform admin's own certificate goes to nobody but another admin.
    const auto own = certificates.importCertificate(m_admin, request(0, QStringLiteral("Mine")));
    QCOMPARE(own.kind(), ErrorKind::Refused); // the only platform admin: nobody can review
    const auto imported =
        certificates.importCertificate(salesAdmin, request(0, QStringLiteral("S")));
    QVERIFY2(imported, qPrintable(imported.message()));
    QCOMPARE(imported->reviewers, QList<Id>{m_admin});
    ReviewService reviews(m_db->db());
    ReviewDecision d;
    d.taskId = imported->taskId;
    QCOMPARE(reviews.review(salesAdmin, d).kind(), ErrorKind::Refused);
}

// README "Rules", R3 (four eyes): whoever uploaded a certificate for someone
// else does not review it; a resubmission's uploader is who sends it again.
void TestServices::review_uploader_fourEyes_routedPastAndRefused()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.reviewers"), QStringLiteral("managers"));
    const Id salesAdmin = addUser(QStringLiteral("sa@example.org"), QString(),
                                  {{QStringLiteral("Sales"), Role::Admin}});
    const Id manager = addUser(QStringLiteral("m@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QStringLiteral("m@example.org"),
                               {{QStringLiteral("EMEA"), Role::Learner}});
    CertificateService certificates(m_db->db());
    ReviewService reviews(m_db->db());

    // The manager uploads for their managee: not to themselves but to the
    // group admins (EMEA has none: Sales).
    const auto byManager =
        certificates.importCertificate(manager, request(learner, QStringLiteral("Forklift")));
    QVERIFY2(byManager, qPrintable(byManager.message()));
    QCOMPARE(byManager->certificate.uploaderId, manager);
    QCOMPARE(byManager->reviewers, QList<Id>{salesAdmin});
    QCOMPARE(reviews.tasks(manager, true)->size(), 0);
    QCOMPARE(reviews.taskCount(manager, true).value(), 0);
    ReviewDecision d;
    d.taskId = byManager->taskId;
    d.comment = QStringLiteral("Looks fine to me");
    const QString before = rowCounts();
    const auto own = reviews.review(manager, d);
    QCOMPARE(own.kind(), ErrorKind::Refused);
    QVERIFY2(own.message().contains(QLatin1String("four eyes")), qPrintable(own.message()));
    QCOMPARE(rowCounts(), before);

    // A platform admin's upload goes to the manager as usual, and leaves the
    // platform admin's own inbox: they may not decide it either.
    const auto byAdmin =
        certificates.importCertificate(m_admin, request(learner, QStringLiteral("First Aid")));
    QVERIFY2(byAdmin, qPrintable(byAdmin.message()));
    QCOMPARE(byAdmin->reviewers, QList<Id>{manager});
    const auto adminTasks = reviews.tasks(m_admin, true);
    QVERIFY(adminTasks);
    QCOMPARE(adminTasks->size(), 1);
    QCOMPARE(adminTasks->constFirst().id, byManager->taskId);
    d.taskId = byAdmin->taskId;
    QCOMPARE(reviews.review(m_admin, d).kind(), ErrorKind::Refused);

    // Rejected, then sent again by the learner: the learner is its uploader
    // now, so the manager reviews the resubmission.
    ReviewDecision reject;
    reject.taskId = byManager->taskId;
    reject.validate = false;
    reject.comment = QStringLiteral("Wrong file");
    QVERIFY(reviews.review(salesAdmin, reject));
    ResubmitRequest again;
    again.certificateId = byManager->certificate.id;
    again.pdf = pdfFor(QStringLiteral("L"), QStringLiteral("Forklift, the right file"));
    const auto resent = certificates.resubmit(learner, again);
    QVERIFY2(resent, qPrintable(resent.message()));
    QCOMPARE(resent->certificate.uploaderId, learner);
    QCOMPARE(resent->reviewers, QList<Id>{manager});
    d.taskId = resent->taskId;
    QVERIFY(reviews.review(manager, d));
}

void TestServices::review_secondReviewer_toldWhoActedFirst()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id a1 = addUser(QStringLiteral("a1@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    const Id a2 = addUser(QStringLiteral("a2@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto imported = certificates.importCertificate(learner, request(0, QStringLiteral("X")));
    QVERIFY(imported);
    QCOMPARE(imported->reviewers.size(), 2);
    // Both reviewers loaded the task at version 1, on two connections.
    auto second = m_db->openAnother();
    QVERIFY(second);
    ReviewService first(m_db->db());
    ReviewService other(*second);
    ReviewDecision d;
    d.taskId = imported->taskId;
    d.expectedVersion = 1;
    d.comment = QStringLiteral("ok");
    QVERIFY(first.review(a1, d));
    const QString after = rowCounts();
    d.validate = false;
    d.comment = QStringLiteral("no");
    const auto late = other.review(a2, d);
    QCOMPARE(late.kind(), ErrorKind::Conflict);
    QVERIFY2(late.message().contains(QLatin1String("a1")), qPrintable(late.message()));
    QCOMPARE(rowCounts(), after);
}

void TestServices::notifications_markRead_onlyOwn()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id sa = addUser(QStringLiteral("sa@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    QVERIFY(certificates.importCertificate(learner, request(0, QStringLiteral("X"))));
    NotificationService notifications(m_db->db());
    const auto inbox = notifications.notifications(sa, true, 0, 10);
    QCOMPARE(inbox->size(), 1);
    const Id n = inbox->constFirst().id;
    QVERIFY(notifications.markRead(learner, n)); // not theirs: nothing happens
    QCOMPARE(notifications.unreadCount(sa).value(), 1);
    QVERIFY(notifications.markRead(sa, n));
    QCOMPARE(notifications.unreadCount(sa).value(), 0);
}

void TestServices::notifications_categoryFilterAndMarkAllRead()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id sa = addUser(QStringLiteral("sa@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    QList<Id> tasks;
    for (const QString &name : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}) {
        const auto imported = certificates.importCertificate(learner, request(0, name));
        QVERIFY(imported);
        tasks << imported->taskId;
    }
    ReviewService reviews(m_db->db());
    ReviewDecision reject;
    reject.taskId = tasks.first();
    reject.validate = false;
    reject.comment = QStringLiteral("Not readable.");
    QVERIFY(reviews.review(sa, reject));

    NotificationService notifications(m_db->db());
    const auto requests =
        notifications.notifications(sa, InboxFilter::ValidationRequests, false, 0, 10);
    QCOMPARE(requests->size(), 3);
    QVERIFY(notifications.notifications(sa, InboxFilter::Outcomes, false, 0, 10)->isEmpty());
    const auto outcomes = notifications.notifications(learner, InboxFilter::Outcomes, false, 0, 10);
    QCOMPARE(outcomes->size(), 1);
    QCOMPARE(outcomes->constFirst().category, NotificationCategory::CertificateRejected);
    QVERIFY(notifications.notifications(learner, InboxFilter::ValidationRequests, false, 0, 10)
                ->isEmpty());
    // Keyset paging within a category: newest first, no row twice.
    const auto first =
        notifications.notifications(sa, InboxFilter::ValidationRequests, false, 0, 2);
    QCOMPARE(first->size(), 2);
    const auto rest = notifications.notifications(sa, InboxFilter::ValidationRequests, false,
                                                  first->constLast().id, 2);
    QCOMPARE(rest->size(), 1);
    QVERIFY(rest->constFirst().id < first->constLast().id);

    // Two tasks are still open: their requests are unread; mark all read.
    QCOMPARE(notifications.unreadCount(sa).value(), 2);
    const auto marked = notifications.markAllRead(sa);
    QVERIFY2(marked, qPrintable(marked.message()));
    QCOMPARE(marked.value(), 2);
    QCOMPARE(notifications.unreadCount(sa).value(), 0);
    // Only the recipient's own: the learner's outcome is still unread.
    QCOMPARE(notifications.unreadCount(learner).value(), 1);
    QCOMPARE(notifications.markAllRead(sa).value(), 0);
}

void TestServices::review_marksTaskRequestsReadForEveryReviewer()
{
    // R3 "group admins": both admins of the learner's group get the request.
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.reviewers"), QStringLiteral("group-admins"));
    const Id first = addUser(QStringLiteral("first@example.org"), QString(),
                             {{QStringLiteral("Sales"), Role::Admin}});
    const Id second = addUser(QStringLiteral("second@example.org"), QString(),
                              {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto imported = certificates.importCertificate(learner, request(0, QStringLiteral("X")));
    QVERIFY(imported);
    QCOMPARE(imported->reviewers.size(), 2);
    const auto other = certificates.importCertificate(learner, request(0, QStringLiteral("Y")));
    QVERIFY(other);
    NotificationService notifications(m_db->db());
    QCOMPARE(notifications.unreadCount(first).value(), 2);
    QCOMPARE(notifications.unreadCount(second).value(), 2);

    ReviewService reviews(m_db->db());
    ReviewDecision validate;
    validate.taskId = imported->taskId;
    validate.validate = true;
    QVERIFY(reviews.review(first, validate));
    // The decided task no longer waits for anyone; the other task still does.
    for (const Id reviewer : {first, second}) {
        QCOMPARE(notifications.unreadCount(reviewer).value(), 1);
        const auto unread = notifications.notifications(reviewer, true, 0, 10);
        QCOMPARE(unread->size(), 1);
        QCOMPARE(unread->constFirst().taskId, other->taskId);
    }
    QCOMPARE(notifications.unreadCount(learner).value(), 1); // the outcome
}

void TestServices::tasks_pagedOldestFirst_withCount()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id sa = addUser(QStringLiteral("sa@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    QList<Id> tasks;
    for (int i = 0; i < 7; ++i) {
        const auto imported =
            certificates.importCertificate(learner, request(0, QStringLiteral("C%1").arg(i)));
        QVERIFY2(imported, qPrintable(imported.message()));
        tasks << imported->taskId;
    }
    ReviewService reviews(m_db->db());
    QCOMPARE(reviews.taskCount(sa, true).value(), 7);
    QCOMPARE(reviews.taskCount(learner, true).value(), 0); // nobody reviews their own
    QList<Id> seen;
    for (Id after = 0;;) {
        const auto page = reviews.tasks(sa, true, after, 3);
        QVERIFY2(page, qPrintable(page.message()));
        QVERIFY(page->size() <= 3);
        for (const ValidationTask &t : page.value())
            seen << t.id;
        if (page->size() < 3)
            break;
        after = page->constLast().id;
    }
    QCOMPARE(seen, tasks); // oldest first, each once
    QCOMPARE(reviews.tasks(sa, true)->size(), 7);
}

void TestServices::users_pagedByName_withMemberships()
{
    // Equal names on purpose: the keyset breaks ties by id.
    QList<Id> added;
    for (int i = 0; i < 5; ++i) {
        NewUser nu;
        nu.email = QStringLiteral("same%1@example.org").arg(i);
        nu.name = QStringLiteral("Same Name");
        nu.memberships = {{QStringLiteral("Sales"), Role::Learner}};
        const auto u = DirectoryService(m_db->db()).addUser(m_admin, nu);
        QVERIFY2(u, qPrintable(u.message()));
        added << u->id;
    }
    DirectoryService directory(m_db->db());
    const auto all = directory.users(m_admin, false);
    QVERIFY2(all, qPrintable(all.message()));
    QList<Id> paged;
    for (UserCursor after;;) {
        const auto page = directory.users(m_admin, false, after, 2);
        QVERIFY2(page, qPrintable(page.message()));
        for (const User &u : page.value()) {
            paged << u.id;
            if (u.name == QLatin1String("Same Name")) {
                QCOMPARE(u.memberships.size(), 1);
                QCOMPARE(u.memberships.first().groupName, QStringLiteral("Sales"));
            }
        }
        if (page->size() < 2)
            break;
        after = UserCursor{page->constLast().name, page->constLast().id};
    }
    QList<Id> expected;
    for (const User &u : all.value())
        expected << u.id;
    QCOMPARE(paged, expected); // the same order, no one twice, no one missed
    for (const Id id : std::as_const(added))
        QVERIFY(paged.contains(id));
}

void TestServices::resubmit_rejected_newTaskAndHistory()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id sa = addUser(QStringLiteral("sa@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto imported =
        certificates.importCertificate(learner, request(0, QStringLiteral("Receipt")));
    QVERIFY(imported);
    ReviewService reviews(m_db->db());
    ReviewDecision reject;
    reject.taskId = imported->taskId;
    reject.validate = false;
    reject.comment = QStringLiteral("This is a receipt, upload the certificate.");
    QVERIFY(reviews.review(sa, reject));

    ResubmitRequest again;
    again.certificateId = imported->certificate.id;
    again.pdf = pdfFor(QStringLiteral("L"), QStringLiteral("The real certificate"));
    again.name = QStringLiteral("First Aid");
    const auto resent = certificates.resubmit(learner, again);
    QVERIFY2(resent, qPrintable(resent.message()));
    QCOMPARE(resent->certificate.status, CertificateStatus::Pending);
    QCOMPARE(resent->certificate.name, QStringLiteral("First Aid"));
    QVERIFY(resent->taskId > 0 && resent->taskId != imported->taskId);
    QCOMPARE(resent->reviewers, QList<Id>{sa});
    QVERIFY(resent->certificate.pdfSha256 != imported->certificate.pdfSha256);
    // Sending it again twice is refused: it is pending now.
    QCOMPARE(certificates.resubmit(learner, again).kind(), ErrorKind::Refused);

    ReviewDecision validate;
    validate.taskId = resent->taskId;
    validate.comment = QStringLiteral("Thanks.");
    QVERIFY(reviews.review(sa, validate));
    const auto history = certificates.history(learner, imported->certificate.id);
    QVERIFY(history);
    QStringList actions;
    for (const HistoryEntry &e : history.value())
        actions << e.action;
    QCOMPARE(actions,
             QStringList(
                 {QStringLiteral("certificate.import"), QStringLiteral("certificate.reject"),
                  QStringLiteral("certificate.resubmit"), QStringLiteral("certificate.validate")}));
    QCOMPARE(history->at(1).comment, reject.comment);
    QCOMPARE(history->at(1).actorId, sa);
    QCOMPARE(history->at(2).text(), QStringLiteral("Corrected and sent again"));
    // A stranger sees no history.
    const Id stranger = addUser(QStringLiteral("s@example.org"), QString(),
                                {{QStringLiteral("Engineering"), Role::Learner}});
    QVERIFY(!certificates.history(stranger, imported->certificate.id));
}

void TestServices::resubmit_notRejectedOrNotOwner_refused()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    const Id other = addUser(QStringLiteral("o@example.org"), QString(),
                             {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    const auto accepted = certificates.importCertificate(learner, request(0, QStringLiteral("A")));
    QVERIFY(accepted);
    ResubmitRequest again;
    again.certificateId = accepted->certificate.id;
    const QString before = rowCounts();
    QCOMPARE(certificates.resubmit(learner, again).kind(), ErrorKind::Refused);
    QVERIFY(!certificates.resubmit(other, again)); // not theirs: not even visible
    QCOMPARE(rowCounts(), before);
}

QTEST_MAIN(TestServices)
#include "tst_services.moc"
