// The demo organisation (certdesk-cli demo): believable, complete, and
// every certificate state present, on SQLite and PostgreSQL.
#include "TestDatabase.h"
#include "pdf/PdfCheck.h"
#include "policy/Policy.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DemoData.h"
#include "services/DirectoryService.h"
#include "services/ReminderService.h"
#include "services/ReviewSignals.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPdfDocument>
#include <QSqlQuery>
#include <QTest>

#include <map>

class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanupTestCase() { m_filled.clear(); }

    void fill_createsOrganisation();
    void fill_everyStatusPresent();
    void fill_remindersAtEachThreshold();
    void fill_pdfsLookLikeCertificates();
    void fill_pendingPdfsGiveTheReviewersSignals();
    void fill_secondTime_refused();
    void fill_demoPasswordsWork();
    void fill_mailGoesToAFolderBesideTheDatabase();

private:
    int scalar(const QString &sql);
    // One demo per backend, filled once: every test here only reads it (the
    // reminders' dry run and the refused second fill write nothing).
    struct Filled
    {
        std::unique_ptr<TestDatabase> db;
        DemoData::Summary summary;
    };
    std::map<QString, Filled> m_filled;
    TestDatabase *m_db = nullptr;
    DemoData::Summary m_summary;
};

void TestDemoData::init()
{
    QFETCH_GLOBAL(QString, backend);
    Filled &filled = m_filled[backend];
    if (!filled.db) {
        auto db = std::make_unique<TestDatabase>(backend);
        QVERIFY2(db->isValid(), qPrintable(db->error()));
        const auto summary = DemoData::fill(db->db());
        QVERIFY2(summary, qPrintable(summary.message()));
        filled = {std::move(db), summary.value()};
    }
    m_db = filled.db.get();
    m_summary = filled.summary;
}

int TestDemoData::scalar(const QString &sql)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(), sql, {}, &error);
    if (!error.isEmpty())
        qWarning("%s: %s", qPrintable(sql), qPrintable(error));
    return q.next() ? q.value(0).toInt() : -1;
}

void TestDemoData::fill_createsOrganisation()
{
    QVERIFY(m_summary.groups >= 4); // platform + at least three sub-groups
    QVERIFY(m_summary.users >= 28 && m_summary.users <= 40);
    QCOMPARE(m_summary.templates, 6);
    // One group nested two deep below the platform group.
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM groups g JOIN groups p ON p.id = g.parent_id JOIN groups "
                 "pp ON pp.id = p.parent_id WHERE pp.parent_id IS NOT NULL")),
             1);
    for (const char *role : {"admin", "coach", "learner"})
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE role = '%1'")
                           .arg(QLatin1String(role))) > 0);
    // Managers with several managees, a learner with no manager, a deleted user.
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT manager_id FROM users WHERE "
                                  "manager_id IS NOT NULL GROUP BY manager_id HAVING COUNT(*) >= "
                                  "3) m")) >= 2);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM users u JOIN memberships m ON m.user_id "
                                  "= u.id WHERE m.role = 'learner' AND u.manager_id IS NULL")) >=
            1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE deleted = TRUE")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE email NOT LIKE "
                                   "'%@demo.example'")),
             0);
    Policy policy(m_db->db().connection());
    DirectoryService directory(m_db->db());
    QVERIFY(policy.isPlatformAdmin(directory.userByEmail(DemoData::adminEmail())->id));
}

void TestDemoData::fill_everyStatusPresent()
{
    const QDate today = QDate::currentDate();
    QSet<DisplayStatus> seen;
    QSet<CertificateKind> kinds;
    QString error;
    QSqlQuery q =
        Sql::run(m_db->db().connection(),
                 CertificateService::selectColumns() + QStringLiteral("ORDER BY c.id"), {}, &error);
    int rows = 0;
    while (q.next()) {
        const Certificate c = CertificateService::fromQuery(q);
        seen.insert(c.displayStatus(today, Domain::DefaultExpiringSoonDays));
        kinds.insert(c.kind);
        ++rows;
    }
    QCOMPARE(rows, m_summary.certificates);
    for (DisplayStatus s :
         {DisplayStatus::Accepted, DisplayStatus::Pending, DisplayStatus::Validated,
          DisplayStatus::Rejected, DisplayStatus::ExpiringSoon, DisplayStatus::Expired,
          DisplayStatus::Revoked, DisplayStatus::Renewed})
        QVERIFY2(seen.contains(s), qPrintable(Domain::displayStatusKey(s)));
    QVERIFY(kinds.contains(CertificateKind::Internal));
    QVERIFY(kinds.contains(CertificateKind::External));
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM validation_tasks WHERE state = 'open'")) >=
            3);
}

void TestDemoData::fill_remindersAtEachThreshold()
{
    // README "Reminders": the demo shows each default threshold on the day
    // it is made; a dry run writes nothing.
    const auto run = ReminderService(m_db->db()).run(Domain::today(), true);
    QVERIFY2(run, qPrintable(run.message()));
    QSet<int> thresholds;
    for (const Reminder &r : run->sent)
        thresholds.insert(r.threshold);
    QCOMPARE(thresholds, (QSet<int>{90, 30, 7, 0}));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM reminders_sent")), 0);
    // A renewed chain: the renewal names the renewed one, which names it back.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM certificates o JOIN certificates r ON "
                                   "r.renews_id = o.id AND o.renewed_by_id = r.id")),
             1);
}

void TestDemoData::fill_pdfsLookLikeCertificates()
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT c.name, o.name, b.data FROM certificates c "
                                          "JOIN users o ON o.id = c.owner_id JOIN pdf_blobs b ON "
                                          "b.sha256 = c.pdf_sha256 ORDER BY c.id LIMIT 3"),
                           {}, &error);
    int checked = 0;
    while (q.next()) {
        const PdfCheckResult check = PdfCheck::checkBytes(q.value(2).toByteArray(), 20 << 20);
        QVERIFY2(check.ok(), qPrintable(check.message));
        QBuffer buffer;
        buffer.setData(q.value(2).toByteArray());
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument doc;
        doc.load(&buffer);
        QTRY_COMPARE(doc.status(), QPdfDocument::Status::Ready);
        const QString text = doc.getAllText(0).text();
        QVERIFY2(text.contains(q.value(1).toString()), qPrintable(text)); // the holder
        QVERIFY2(text.contains(q.value(0).toString()), qPrintable(text)); // the title
        ++checked;
    }
    QCOMPARE(checked, 3);
}

// The demo's reviewers see each signal on a pending certificate (README "Demo
// users"): a QR code to a verification page, a digital signature by the
// issuer (not trusted: a demo signer), a holder name that is not the owner's.
void TestDemoData::fill_pendingPdfsGiveTheReviewersSignals()
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT c.name, o.name, b.data FROM certificates c "
                                          "JOIN users o ON o.id = c.owner_id JOIN pdf_blobs b ON "
                                          "b.sha256 = c.pdf_sha256 WHERE c.status = 'pending' "
                                          "ORDER BY c.id"),
                           {}, &error);
    QVERIFY2(q.isActive(), qPrintable(error));
    QStringList qrLinks;
    QStringList signers;
    QStringList mismatches;
    int pending = 0;
    while (q.next()) {
        ++pending;
        const QString owner = q.value(1).toString();
        const PdfCheckResult check = PdfCheck::checkBytes(q.value(2).toByteArray(), 20 << 20);
        QVERIFY2(check.ok(), qPrintable(check.message));
        QCOMPARE(check.repairs, PdfRepairs()); // stored as made: the signature intact
        const ReviewSignals::Facts facts = ReviewSignals::facts(check, owner, {});
        for (const PdfQrCode &code : facts.qrCodes) {
            if (code.readable && code.isLink)
                qrLinks << q.value(0).toString() + QLatin1Char(' ') + code.text;
        }
        for (const PdfSignature &signature : facts.signatures) {
            QCOMPARE(signature.state, PdfSignatureState::SignerNotTrusted);
            QVERIFY(signature.coversWholeDocument);
            signers << q.value(0).toString() + QLatin1Char(' ') + signature.signerName;
        }
        QVERIFY2(facts.nameOnPdf, qPrintable(q.value(0).toString()));
        if (!facts.nameMatches.value_or(true))
            mismatches << owner + QLatin1Char(' ') + *facts.nameOnPdf;
    }
    QVERIFY(pending >= 3);
    QCOMPARE(qrLinks.size(), 1);
    QVERIFY2(qrLinks.at(0).startsWith(
                 QLatin1String("Google Analytics Certification https://verify.demo.example/c/")),
             qPrintable(qrLinks.at(0)));
    QCOMPARE(signers, QStringList{QStringLiteral(
                          "Certified Kubernetes Application Developer The Linux Foundation")});
    QCOMPARE(mismatches, QStringList{QStringLiteral("Ben Carter Benjamin Carver")});
}

void TestDemoData::fill_secondTime_refused()
{
    const int before = scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    const auto again = DemoData::fill(m_db->db());
    QVERIFY(!again);
    QCOMPARE(again.kind(), ErrorKind::Refused);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users")), before);
}

void TestDemoData::fill_demoPasswordsWork()
{
    DirectoryService directory(m_db->db());
    QVERIFY(directory.signIn(DemoData::adminEmail(), DemoData::password()));
    QVERIFY(directory.signIn(QStringLiteral("emma.wilson@demo.example"), DemoData::password()));
    QVERIFY(!directory.signIn(QStringLiteral("tom.becker@demo.example"), DemoData::password()));
}

void TestDemoData::fill_mailGoesToAFolderBesideTheDatabase()
{
    // README "Email": the demo's emails are delivered as files, so that no
    // error greets its platform admin; email is configured, nothing to fix.
    const auto settings = SettingsService(m_db->db()).settings();
    QVERIFY2(settings, qPrintable(settings.message()));
    const MailSettings &mail = settings->mail;
    QCOMPARE(mail.transport, MailSettings::Transport::Folder);
    QCOMPARE(settings->value(QStringLiteral("mail.transport")), QStringLiteral("folder"));
    QVERIFY(mail.isConfigured());
    QVERIFY2(mail.problem().isEmpty(), qPrintable(mail.problem()));
    QCOMPARE(mail.fromAddress(), QStringLiteral("certdesk@demo.example"));
    QVERIFY2(QDir::isAbsolutePath(mail.folder), qPrintable(mail.folder));
    QCOMPARE(mail.folder, DemoData::mailFolder(m_db->db().location()));
    if (!m_db->db().location().isPostgres()) {
        const QFileInfo file(m_db->location());
        QCOMPARE(mail.folder,
                 file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral("-mail")));
    } else {
        QVERIFY(mail.folder.endsWith(m_db->pgName() + QStringLiteral("-mail")));
    }
    // A real database is never given it: only the demo sets the transport.
    QCOMPARE(PlatformSettings().mail.transport, MailSettings::Transport::Smtp);
}

QTEST_MAIN(TestDemoData)
#include "tst_demodata.moc"
