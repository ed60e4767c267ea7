// A certificate's life after validation (README "Rules", Revocation and
// Renewal): who may revoke, the reason required, the owner told, two
// revokers at once; renewing a valid, expiring or expired certificate, the
// old one renewed once the new one is accepted or validated, the refusals.
// On SQLite and on PostgreSQL.

#include "ServiceFixture.h"
#include "services/NotificationService.h"
#include "services/ReminderService.h"
#include "services/ReviewService.h"
#include "storage/Sql.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

class TestLifecycle : public QObject, public ServiceFixture
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { tearDown(); }

    void revoke_byReviewerOrPlatformAdmin_neverOwner_reasonRequired();
    void revoke_ownerToldWithReason_historyKept_noReminders();
    void revoke_twoAtOnce_oneWinsTheOtherToldWho();
    void renew_pendingUntilValidated_thenOldRenewed_historiesLinked();
    void renew_acceptedAtOnce_withoutValidation();
    void renew_refusals();
    void lists_filteredOrderedAndCountedByTheDatabase();

private:
    // Emma (learner, Sales) managed by Boss; validation on, reviewers =
    // managers: Boss reviews Emma's certificates.
    void organisation();
    // A certificate of Emma's, validated by Boss, expiring on expires.
    Certificate validated(const QString &name, const QDate &expires);
    Id openTaskOf(Id certificate);

    Id m_boss = 0;
    Id m_emma = 0;
    Id m_other = 0; // a learner in another group, outside everyone's scope here
};

void TestLifecycle::init()
{
    QFETCH_GLOBAL(QString, backend);
    setUp(backend);
    organisation();
}

void TestLifecycle::organisation()
{
    m_boss = addUser(QStringLiteral("boss@example.org"), QString(),
                     {{QStringLiteral("Sales"), Role::Coach}});
    m_emma = addUser(QStringLiteral("emma@example.org"), QStringLiteral("boss@example.org"),
                     {{QStringLiteral("Sales"), Role::Learner}});
    m_other = addUser(QStringLiteral("other@example.org"), QString(),
                      {{QStringLiteral("Engineering"), Role::Learner}});
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.reviewers"), QStringLiteral("managers"));
}

Id TestLifecycle::openTaskOf(Id certificate)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT id FROM validation_tasks WHERE certificate_id = "
                                          "? AND state = 'open'"),
                           {certificate}, &error);
    return q.next() ? q.value(0).toLongLong() : 0;
}

Certificate TestLifecycle::validated(const QString &name, const QDate &expires)
{
    ImportRequest r = request(m_emma, name);
    r.expires = expires;
    const auto imported = CertificateService(m_db->db()).importCertificate(m_emma, r);
    if (!imported) {
        qWarning("import: %s", qPrintable(imported.message()));
        return {};
    }
    ReviewDecision decision;
    decision.taskId = imported->taskId;
    decision.validate = true;
    const auto reviewed = ReviewService(m_db->db()).review(m_boss, decision);
    if (!reviewed)
        qWarning("review: %s", qPrintable(reviewed.message()));
    return reviewed ? reviewed->certificate : Certificate{};
}

void TestLifecycle::revoke_byReviewerOrPlatformAdmin_neverOwner_reasonRequired()
{
    const Certificate c = validated(QStringLiteral("Forklift"), QDate::currentDate().addYears(1));
    QVERIFY(c.id > 0);
    CertificateService service(m_db->db());
    const QString before = rowCounts();
    // No reason, a blank one, one too long, one with control characters.
    for (const QString &bad : {QString(), QStringLiteral("   \n "), QString(2001, QLatin1Char('x')),
                               QStringLiteral("forged\x01")}) {
        const auto refused = service.revoke(m_boss, c.id, bad);
        QVERIFY(!refused);
        QCOMPARE(refused.kind(), ErrorKind::Invalid);
    }
    // The owner, and someone who does not review Emma's certificates.
    auto refused = service.revoke(m_emma, c.id, QStringLiteral("mine"));
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("own certificate")),
             qPrintable(refused.message()));
    refused = service.revoke(m_other, c.id, QStringLiteral("not mine"));
    QVERIFY(!refused); // hidden from them (R5): as if it did not exist
    QCOMPARE(rowCounts(), before);

    // A pending one cannot be revoked; an internal one neither.
    ImportRequest pendingRequest = request(m_emma, QStringLiteral("Pending"));
    const auto pending = service.importCertificate(m_emma, pendingRequest);
    QVERIFY(pending);
    refused = service.revoke(m_boss, pending->certificate.id, QStringLiteral("why"));
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("validated or accepted")),
             qPrintable(refused.message()));

    // The reviewer (Boss) may; so may a platform admin (tried on another).
    const auto revoked = service.revoke(m_boss, c.id, QStringLiteral("  The issuer withdrew it. "));
    QVERIFY2(revoked, qPrintable(revoked.message()));
    QVERIFY(revoked->revokedAt.isValid());
    QCOMPARE(revoked->revokedBy, m_boss);
    QCOMPARE(revoked->revokeReason, QStringLiteral("The issuer withdrew it."));
    QCOMPARE(revoked->displayStatus(QDate::currentDate(), 30), DisplayStatus::Revoked);
    const Certificate second = validated(QStringLiteral("First Aid"), QDate());
    QVERIFY(service.revoke(m_admin, second.id, QStringLiteral("Forged.")));
}

void TestLifecycle::revoke_ownerToldWithReason_historyKept_noReminders()
{
    const Certificate c = validated(QStringLiteral("First Aid"), QDate::currentDate().addDays(7));
    QVERIFY(c.id > 0);
    QVERIFY(CertificateService(m_db->db()).revoke(m_boss, c.id, QStringLiteral("Forged PDF.")));
    const auto inbox =
        NotificationService(m_db->db()).notifications(m_emma, InboxFilter::Outcomes, false, 0, 10);
    QVERIFY(inbox);
    QVERIFY(!inbox->isEmpty());
    const Notification told = inbox->first();
    QCOMPARE(told.category, NotificationCategory::CertificateRevoked);
    QCOMPARE(told.title(), QStringLiteral("Your certificate \"First Aid\" was revoked"));
    QVERIFY2(told.body().contains(QStringLiteral("Reason: Forged PDF.")), qPrintable(told.body()));
    QCOMPARE(count(QStringLiteral("email_outbox WHERE recipient_email = 'emma@example.org' AND "
                                  "notification_id = ") +
                   QString::number(told.id)),
             1);
    const auto history = CertificateService(m_db->db()).history(m_emma, c.id);
    QVERIFY(history);
    QCOMPARE(history->last().text(), QStringLiteral("Revoked"));
    QCOMPARE(history->last().comment, QStringLiteral("Forged PDF."));
    QCOMPARE(history->last().actorId, m_boss);
    // No reminder for a revoked certificate.
    const auto reminders = ReminderService(m_db->db()).run(QDate::currentDate(), true);
    QVERIFY(reminders);
    QCOMPARE(reminders->sent.size(), 0);
}

void TestLifecycle::revoke_twoAtOnce_oneWinsTheOtherToldWho()
{
    // Boss (the manager) and the platform admin revoke at the same moment,
    // each on a connection of its own.
    const Certificate c = validated(QStringLiteral("GDPR"), QDate::currentDate().addYears(1));
    QVERIFY(c.id > 0);
    Result<Certificate> results[2] = {makeError(ErrorKind::None, QString()),
                                      makeError(ErrorKind::None, QString())};
    const Id actors[2] = {m_boss, m_admin};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 2; ++i)
        threads.emplace_back(QThread::create([&, i] {
            auto db = m_db->openAnother();
            results[i] = CertificateService(*db).revoke(
                actors[i], c.id, QStringLiteral("Reason %1").arg(i), c.version);
        }));
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        t->wait();
    const int winner = results[0] ? 0 : 1;
    QVERIFY2(results[winner], qPrintable(results[winner].message()));
    const auto &loser = results[1 - winner];
    QVERIFY(!loser);
    QCOMPARE(loser.kind(), ErrorKind::Conflict);
    const QString winnerName = winner == 0 ? QStringLiteral("boss") : QStringLiteral("Root Admin");
    QVERIFY2(loser.message().contains(winnerName), qPrintable(loser.message()));
    // One revocation, one notification to the owner.
    QCOMPARE(count(QStringLiteral("notifications WHERE category = 'certificate-revoked'")), 1);
    QCOMPARE(count(QStringLiteral("audit_log WHERE action = 'certificate.revoke'")), 1);
}

void TestLifecycle::renew_pendingUntilValidated_thenOldRenewed_historiesLinked()
{
    const Certificate old =
        validated(QStringLiteral("First Aid at Work"), QDate::currentDate().addDays(20));
    QVERIFY(old.id > 0);
    CertificateService service(m_db->db());
    // The draft: the old one's name, for its owner, naming it.
    const auto draft = service.renewalDraft(m_emma, old.id);
    QVERIFY2(draft, qPrintable(draft.message()));
    QCOMPARE(draft->name, old.name);
    QCOMPARE(draft->ownerId, m_emma);
    QCOMPARE(draft->renewsId, old.id);
    ImportRequest r = draft.value();
    r.pdf = pdfFor(QStringLiteral("Emma"), QStringLiteral("First Aid at Work 2"));
    r.delivered = QDate::currentDate().addDays(-1);
    r.expires = QDate::currentDate().addYears(3);
    const auto renewal = service.importCertificate(m_emma, r);
    QVERIFY2(renewal, qPrintable(renewal.message()));
    QCOMPARE(renewal->certificate.renewsId, old.id);
    QCOMPARE(renewal->certificate.status, CertificateStatus::Pending);
    // Until the renewal is validated the old one is as it was.
    QCOMPARE(service.certificate(m_emma, old.id)->renewedById, Id(0));
    ReviewDecision decision;
    decision.taskId = renewal->taskId;
    decision.validate = true;
    QVERIFY(ReviewService(m_db->db()).review(m_boss, decision));
    const auto renewed = service.certificate(m_emma, old.id);
    QVERIFY(renewed);
    QCOMPARE(renewed->renewedById, renewal->certificate.id);
    QCOMPARE(renewed->displayStatus(QDate::currentDate(), 30), DisplayStatus::Renewed);
    // Histories name each other.
    const auto oldHistory = service.history(m_emma, old.id);
    QVERIFY(oldHistory);
    QCOMPARE(oldHistory->last().text(),
             QStringLiteral("Renewed (certificate %1)").arg(renewal->certificate.id));
    const auto newHistory = service.history(m_emma, renewal->certificate.id);
    QVERIFY(newHistory);
    QCOMPARE(newHistory->first().text(),
             QStringLiteral("Imported (renewal of certificate %1)").arg(old.id));
    // No more reminders for the old one; a second renewal is refused.
    const auto reminders = ReminderService(m_db->db()).run(QDate::currentDate(), true);
    QVERIFY(reminders);
    for (const Reminder &reminder : reminders->sent)
        QVERIFY(reminder.certificateId != old.id);
    const auto again = service.renewalDraft(m_emma, old.id);
    QVERIFY(!again);
    QVERIFY2(again.message().contains(QStringLiteral("renewed already")),
             qPrintable(again.message()));
}

void TestLifecycle::renew_acceptedAtOnce_withoutValidation()
{
    const Certificate old = validated(QStringLiteral("Forklift"), QDate::currentDate().addDays(-3));
    QVERIFY(old.id > 0);
    QCOMPARE(old.displayStatus(QDate::currentDate(), 30), DisplayStatus::Expired);
    setSetting(QStringLiteral("validation.required"), QStringLiteral("off"));
    CertificateService service(m_db->db());
    // The manager renews it for Emma (R4).
    auto r = service.renewalDraft(m_boss, old.id).value();
    r.pdf = pdfFor(QStringLiteral("Emma"), QStringLiteral("Forklift 2"));
    r.delivered = QDate::currentDate();
    const auto renewal = service.importCertificate(m_boss, r);
    QVERIFY2(renewal, qPrintable(renewal.message()));
    QCOMPARE(renewal->certificate.status, CertificateStatus::Accepted);
    QCOMPARE(renewal->certificate.ownerId, m_emma);
    QCOMPARE(service.certificate(m_emma, old.id)->renewedById, renewal->certificate.id);
}

void TestLifecycle::renew_refusals()
{
    CertificateService service(m_db->db());
    const Certificate valid = validated(QStringLiteral("Valid"), QDate::currentDate().addYears(1));
    QVERIFY(valid.id > 0);
    // Pending and rejected ones are not renewed (resubmit is for rejected).
    const auto pending =
        service.importCertificate(m_emma, request(m_emma, QStringLiteral("Pending")));
    QVERIFY(pending);
    auto refused = service.renewalDraft(m_emma, pending->certificate.id);
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("waiting for its review")),
             qPrintable(refused.message()));
    ReviewDecision reject;
    reject.taskId = pending->taskId;
    reject.validate = false;
    reject.comment = QStringLiteral("Wrong file.");
    QVERIFY(ReviewService(m_db->db()).review(m_boss, reject));
    refused = service.renewalDraft(m_emma, pending->certificate.id);
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("correct it and send it again")),
             qPrintable(refused.message()));
    // A renewal naming a rejected certificate directly is refused alike.
    ImportRequest r = request(m_emma, QStringLiteral("Sneaky"));
    r.renewsId = pending->certificate.id;
    const QString before = rowCounts();
    QVERIFY(!service.importCertificate(m_emma, r));
    // For someone else than the owner of the renewed certificate.
    r = request(m_other, QStringLiteral("Someone else's"));
    r.renewsId = valid.id;
    QVERIFY(!service.importCertificate(m_admin, r));
    // By someone who may not see it (R5).
    r = request(m_other, QStringLiteral("Outsider"));
    r.renewsId = valid.id;
    r.ownerId = 0;
    QVERIFY(!service.importCertificate(m_other, r));
    QCOMPARE(rowCounts(), before);
    // A revoked one is not renewed.
    QVERIFY(service.revoke(m_boss, valid.id, QStringLiteral("Forged.")));
    refused = service.renewalDraft(m_emma, valid.id);
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("revoked")), qPrintable(refused.message()));
    // A learner's draft under validation carries no template (R7).
    QVERIFY(service.renewalDraft(m_emma, validated(QStringLiteral("T"), QDate()).id)->templateId ==
            0);
}

void TestLifecycle::lists_filteredOrderedAndCountedByTheDatabase()
{
    // Emma: valid ones expiring in 200, 20 and 5 days, one expired, one
    // without expiry, one pending, one rejected, one revoked.
    const QDate today = QDate::currentDate();
    const Certificate far = validated(QStringLiteral("Far"), today.addDays(200));
    const Certificate soon = validated(QStringLiteral("Soon"), today.addDays(20));
    const Certificate sooner = validated(QStringLiteral("Sooner"), today.addDays(5));
    const Certificate expired = validated(QStringLiteral("Expired"), today.addDays(-3));
    const Certificate never = validated(QStringLiteral("Never"), QDate());
    const Certificate revoked = validated(QStringLiteral("Revoked"), today.addDays(10));
    QVERIFY(far.id && soon.id && sooner.id && expired.id && never.id && revoked.id);
    CertificateService service(m_db->db());
    QVERIFY(service.revoke(m_boss, revoked.id, QStringLiteral("Forged.")));
    const auto pending = service.importCertificate(m_emma, request(m_emma, QStringLiteral("Wait")));
    QVERIFY(pending);
    const auto other = service.importCertificate(m_emma, request(m_emma, QStringLiteral("Bad")));
    QVERIFY(other);
    ReviewDecision reject;
    reject.taskId = other->taskId;
    reject.validate = false;
    reject.comment = QStringLiteral("No.");
    QVERIFY(ReviewService(m_db->db()).review(m_boss, reject));

    auto names = [&](CertificateListRequest r) {
        QStringList out;
        for (;;) {
            const auto page = service.list(m_boss, r); // the manager's view (R5)
            if (!page) {
                qWarning("%s", qPrintable(page.message()));
                return QStringList{QStringLiteral("error")};
            }
            for (const Certificate &c : page.value())
                out << c.name;
            if (page->size() < r.limit)
                return out;
            r.after = CertificateCursor::after(page->constLast());
        }
    };
    CertificateListRequest r;
    r.owner = m_emma;
    r.limit = 2; // several pages: the keyset carries each order
    r.status = StatusFilter::Valid;
    QCOMPARE(names(r), (QStringList{QStringLiteral("Never"), QStringLiteral("Far")}));
    r.status = StatusFilter::Expiring;
    r.order = CertificateOrder::ExpirySoonest;
    QCOMPARE(names(r), (QStringList{QStringLiteral("Sooner"), QStringLiteral("Soon")}));
    r.status = StatusFilter::Expired;
    QCOMPARE(names(r), QStringList{QStringLiteral("Expired")});
    r.status = StatusFilter::Revoked;
    QCOMPARE(names(r), QStringList{QStringLiteral("Revoked")});
    r.status = StatusFilter::Pending;
    QCOMPARE(names(r), QStringList{QStringLiteral("Wait")});
    r.status = StatusFilter::Rejected;
    QCOMPARE(names(r), QStringList{QStringLiteral("Bad")});
    // All, soonest expiry first: those without an expiration date last.
    r.status = StatusFilter::All;
    const QStringList all = names(r);
    QCOMPARE(all.size(), 8);
    QCOMPARE(all.mid(0, 5), (QStringList{QStringLiteral("Expired"), QStringLiteral("Sooner"),
                                         QStringLiteral("Revoked"), QStringLiteral("Soon"),
                                         QStringLiteral("Far")}));
    QVERIFY(all.mid(5).contains(QStringLiteral("Never")));
    // What lapses next: valid ones within 30 days, soonest first.
    r.expiringWithinDays = 30;
    QCOMPARE(names(r), (QStringList{QStringLiteral("Sooner"), QStringLiteral("Soon")}));
    r.expiringWithinDays = 365;
    QCOMPARE(names(r), (QStringList{QStringLiteral("Sooner"), QStringLiteral("Soon"),
                                    QStringLiteral("Far")}));

    // The counts the chips show, for the same statuses.
    const auto counts = service.counts(m_boss, m_emma);
    QVERIFY(counts);
    QCOMPARE(counts->of(StatusFilter::All), 8);
    QCOMPARE(counts->of(StatusFilter::Valid), 2);
    QCOMPARE(counts->of(StatusFilter::Expiring), 2);
    QCOMPARE(counts->of(StatusFilter::Expired), 1);
    QCOMPARE(counts->of(StatusFilter::Pending), 1);
    QCOMPARE(counts->of(StatusFilter::Rejected), 1);
    QCOMPARE(counts->of(StatusFilter::Revoked), 1);
    // Someone outside the scope gets neither (R5).
    QVERIFY(!service.counts(m_other, m_emma));
    CertificateListRequest outsider;
    outsider.owner = m_emma;
    QVERIFY(!service.list(m_other, outsider));
}

QTEST_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
