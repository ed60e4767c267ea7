// Importing through CertificateService (README "Rules"): switched on or off
// (R1), validation off or on (R2), routing to the reviewers (R3), for whom
// (R4), credits (R6) and templates (R7); bad fields and bad PDFs refused with
// nothing written, duplicates, the import key written once; each on SQLite
// and on a real PostgreSQL server.
#include "ServiceFixture.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

class TestImport : public QObject, protected ServiceFixture
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        setUp(backend);
    }
    void cleanup() { tearDown(); }

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
    void import_repairedPdf_storedRepairedWithUploadHashAndHistory();
    void import_sameKeyTwice_writesOnce();
    void import_templateByLearnerUnderValidation_refused();
    void import_creditsWhenFeatureOff_refused();
    void import_unicodeName_roundTrips();
};

void TestImport::import_validationOff_acceptedAtOnce()
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

void TestImport::import_validationOn_pendingTaskRoutedToManager()
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

void TestImport::import_noManager_goesToNearestGroupAdminUpTheTree()
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

void TestImport::import_ownerIsOnlyAdmin_goesOneLevelUp()
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

void TestImport::import_featureOff_refusedAndNothingWritten()
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

void TestImport::import_outOfScope_refused()
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

void TestImport::import_forDeletedManagee_allowed()
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

void TestImport::import_badFields_refusedAndNothingWritten()
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

void TestImport::import_badPdf_refusedAndNothingWritten()
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

void TestImport::import_samePdfTwice_detected_blobShared()
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

// README "Untrusted PDFs": a download saved with its HTTP header is stored as
// the reader repaired it; the upload's SHA-256 stays with the certificate, in
// its history and for duplicates (the same upload, or the repaired file
// itself, is refused a second time).
void TestImport::import_repairedPdf_storedRepairedWithUploadHashAndHistory()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    ImportRequest r = request(0, QStringLiteral("Downloaded"));
    r.pdf = QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n") + r.pdf;
    const QString uploadSha =
        QString::fromLatin1(QCryptographicHash::hash(r.pdf, QCryptographicHash::Sha256).toHex());
    const auto imported = certificates.importCertificate(learner, r);
    QVERIFY2(imported, qPrintable(imported.message()));
    const Certificate c = imported->certificate;
    QCOMPARE(c.pdfRepairs, QStringList{QStringLiteral("leading-bytes")});
    QCOMPARE(c.uploadedSha256, uploadSha);
    QVERIFY(c.pdfSha256 != uploadSha);
    const auto stored = certificates.pdf(learner, c.id);
    QVERIFY(stored);
    QVERIFY(stored->startsWith("%PDF-"));
    QCOMPARE(QString::fromLatin1(
                 QCryptographicHash::hash(stored.value(), QCryptographicHash::Sha256).toHex()),
             c.pdfSha256);
    // Read back as any reader sees it.
    const auto again = certificates.certificate(learner, c.id);
    QVERIFY(again);
    QCOMPARE(again->pdfRepairs, c.pdfRepairs);
    QCOMPARE(again->uploadedSha256, uploadSha);

    const auto history = certificates.history(learner, c.id);
    QVERIFY2(history && !history->isEmpty(), qPrintable(history.message()));
    QCOMPARE(history->first().details.value(QStringLiteral("uploaded_sha256")).toString(),
             uploadSha);
    QVERIFY2(history->first().text().contains(QLatin1String("repaired on import")),
             qPrintable(history->first().text()));

    const QString before = rowCounts();
    r.importKey.clear();
    const auto sameUpload = certificates.importCertificate(learner, r);
    QCOMPARE(sameUpload.kind(), ErrorKind::Conflict);
    ImportRequest repairedFile = request(0, QStringLiteral("Downloaded again"));
    repairedFile.pdf = stored.value();
    const auto sameFile = certificates.importCertificate(learner, repairedFile);
    QCOMPARE(sameFile.kind(), ErrorKind::Conflict);
    QCOMPARE(rowCounts(), before);
}

void TestImport::import_sameKeyTwice_writesOnce()
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

void TestImport::import_templateByLearnerUnderValidation_refused()
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

void TestImport::import_creditsWhenFeatureOff_refused()
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

void TestImport::import_unicodeName_roundTrips()
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

QTEST_MAIN(TestImport)
#include "tst_import.moc"
