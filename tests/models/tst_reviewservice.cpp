// Reviewing through ReviewService (README "Rules", R8 and R9): validating
// with edits, rejecting needs a comment, never one's own certificate, four
// eyes for the uploader (R3), a second reviewer told who acted first, the
// task list paged oldest first, then a rejected certificate sent again
// (README "Rules", Re-submission); each on SQLite and on a real PostgreSQL
// server. The review screens are tested in tests/ui/tst_review.cpp.
#include "ServiceFixture.h"
#include "services/CertificateService.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"

#include <QTest>

class TestReviewService : public QObject, protected ServiceFixture
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

    void review_validate_notifiesOwnerWithEdits();
    void review_rejectWithoutComment_refused();
    void review_ownCertificate_refused();
    void review_uploader_fourEyes_routedPastAndRefused();
    void review_secondReviewer_toldWhoActedFirst();
    void tasks_pagedOldestFirst_withCount();
    void resubmit_rejected_newTaskAndHistory();
    void resubmit_notRejectedOrNotOwner_refused();
};

void TestReviewService::review_validate_notifiesOwnerWithEdits()
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

void TestReviewService::review_rejectWithoutComment_refused()
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

void TestReviewService::review_ownCertificate_refused()
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
void TestReviewService::review_uploader_fourEyes_routedPastAndRefused()
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

void TestReviewService::review_secondReviewer_toldWhoActedFirst()
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

void TestReviewService::tasks_pagedOldestFirst_withCount()
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

void TestReviewService::resubmit_rejected_newTaskAndHistory()
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

void TestReviewService::resubmit_notRejectedOrNotOwner_refused()
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

QTEST_MAIN(TestReviewService)
#include "tst_reviewservice.moc"
