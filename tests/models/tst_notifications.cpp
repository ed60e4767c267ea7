// Notifications through NotificationService: marking read (only one's own,
// all at once), the inbox by category with keyset paging, and a decided
// task's requests read for every reviewer (README "Rules", R3/R8 inbox);
// each on SQLite and on a real PostgreSQL server.
#include "ServiceFixture.h"
#include "services/CertificateService.h"
#include "services/DesktopAlerts.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"

#include <QTest>

class TestNotifications : public QObject, protected ServiceFixture
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

    void notifications_markRead_onlyOwn();
    void notifications_categoryFilterAndMarkAllRead();
    void review_marksTaskRequestsReadForEveryReviewer();
    void desktopAlerts_onlyWhatArrivesUnread();
};

void TestNotifications::notifications_markRead_onlyOwn()
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

void TestNotifications::notifications_categoryFilterAndMarkAllRead()
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

void TestNotifications::review_marksTaskRequestsReadForEveryReviewer()
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

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"

// README "Desktop notifications": what waits at start is not raised; what
// arrives is, once, oldest first, unless read meanwhile; a burst is one
// summary; an outcome reaches its owner.
void TestNotifications::desktopAlerts_onlyWhatArrivesUnread()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    const Id sa = addUser(QStringLiteral("sa@example.org"), QString(),
                          {{QStringLiteral("Sales"), Role::Admin}});
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    CertificateService certificates(m_db->db());
    NotificationService notifications(m_db->db());
    auto import = [&](const QString &name) {
        const auto imported = certificates.importCertificate(learner, request(0, name));
        return imported ? imported->taskId : Id(0);
    };
    QVERIFY(import(QStringLiteral("Waiting")) > 0);

    DesktopAlerts alerts(notifications, sa);
    QVERIFY(!alerts.isStarted());
    QVERIFY(alerts.start());
    QVERIFY(alerts.poll()->isEmpty());

    const Id taskB = import(QStringLiteral("B"));
    QVERIFY(import(QStringLiteral("C")) > 0);
    auto raised = alerts.poll();
    QVERIFY(raised);
    QCOMPARE(raised->size(), 2);
    QCOMPARE(raised->at(0).notification.taskId, taskB);
    const Id raisedB = raised->at(0).notification.id;
    QVERIFY(raised->at(0).summary.contains(QStringLiteral("B")));
    QCOMPARE(raised->at(0).summary, raised->at(0).notification.title());
    QCOMPARE(raised->at(0).body, raised->at(0).notification.body());
    QVERIFY(raised->at(1).summary.contains(QStringLiteral("C")));
    QVERIFY(alerts.poll()->isEmpty());

    // Read elsewhere before the next poll: not raised.
    QVERIFY(import(QStringLiteral("D")) > 0);
    const auto newest = notifications.notifications(sa, true, 0, 1);
    QVERIFY(notifications.markRead(sa, newest->constFirst().id));
    QVERIFY(alerts.poll()->isEmpty());
    // Raised B is still unread; D, read, would be taken off the desktop.
    QVERIFY(!alerts.isStillUnread(newest->constFirst().id));
    QVERIFY(alerts.isStillUnread(raisedB));

    for (const QString &name : {QStringLiteral("E"), QStringLiteral("F"), QStringLiteral("G"),
                                QStringLiteral("H"), QStringLiteral("I")})
        QVERIFY(import(name) > 0);
    raised = alerts.poll();
    QCOMPARE(raised->size(), 1);
    QVERIFY(raised->constFirst().isSummary());
    QCOMPARE(raised->constFirst().count, 5);
    // The newest first, then how many more.
    QVERIFY2(raised->constFirst().body.startsWith(QStringLiteral("Certificate validation: I\n")),
             qPrintable(raised->constFirst().body));
    QVERIFY(raised->constFirst().body.endsWith(QStringLiteral("\nand 2 more")));

    // The owner hears of the outcome.
    DesktopAlerts owner(notifications, learner);
    QVERIFY(owner.start());
    ReviewService reviews(m_db->db());
    ReviewDecision validate;
    validate.taskId = taskB;
    QVERIFY(reviews.review(sa, validate));
    raised = owner.poll();
    QCOMPARE(raised->size(), 1);
    QCOMPARE(raised->constFirst().notification.category,
             NotificationCategory::CertificateValidated);
    // ...and the reviewer does not hear of their own decision.
    QVERIFY(alerts.poll()->isEmpty());
}
