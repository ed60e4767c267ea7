// Accounts through the services: the first admin (once), signing in, adding
// people (bad input refused with a reason, a group admin only into their own
// groups), deleting and restoring them, the user list paged by name, and who
// may change the platform settings; each on SQLite and on a real PostgreSQL
// server (README "Tests").
#include "ServiceFixture.h"
#include "policy/Policy.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"

#include <QTest>

class TestAccounts : public QObject, protected ServiceFixture
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

    void firstAdmin_onlyOnce();
    void signIn_wrongPasswordOrDeleted_refused();
    void addUser_badInput_refusedWithReason();
    void addUser_byGroupAdmin_onlyIntoTheirGroups();
    void deleteRestore_keepsResults();
    void settings_onlyPlatformAdmins_andAudited();
    void users_pagedByName_withMemberships();
    void reminderEmails_eachPersonsOwnChoice();
};

void TestAccounts::reminderEmails_eachPersonsOwnChoice()
{
    DirectoryService directory(m_db->db());
    const Id emma = addUser(QStringLiteral("emma@example.org"), QString(),
                            {{QStringLiteral("Sales"), Role::Learner}});
    const Id liam = addUser(QStringLiteral("liam@example.org"), QString(),
                            {{QStringLiteral("Sales"), Role::Learner}});
    // On by default, for everyone.
    QCOMPARE(directory.reminderEmails(emma).value(), true);
    QCOMPARE(directory.reminderEmails(liam).value(), true);
    QVERIFY(directory.setReminderEmails(emma, false));
    QCOMPARE(directory.reminderEmails(emma).value(), false);
    QCOMPARE(directory.reminderEmails(liam).value(), true); // hers only
    QVERIFY(directory.setReminderEmails(emma, true));
    QCOMPARE(directory.reminderEmails(emma).value(), true);
    // A deleted person changes nothing; an unknown one is not found.
    QVERIFY(directory.deleteUser(m_admin, liam));
    const Status deleted = directory.setReminderEmails(liam, false);
    QVERIFY(!deleted);
    QCOMPARE(deleted.kind(), ErrorKind::Refused);
    QCOMPARE(directory.reminderEmails(liam).value(), true);
    QCOMPARE(directory.reminderEmails(999999).kind(), ErrorKind::NotFound);
}

void TestAccounts::firstAdmin_onlyOnce()
{
    DirectoryService directory(m_db->db());
    const auto again = directory.createFirstAdmin(QStringLiteral("second@example.org"),
                                                  QStringLiteral("Second"), QStringLiteral("pw12"));
    QVERIFY(!again);
    QCOMPARE(again.kind(), ErrorKind::Refused);
    Policy policy(m_db->db().connection());
    QVERIFY(policy.isPlatformAdmin(m_admin));
}

void TestAccounts::signIn_wrongPasswordOrDeleted_refused()
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

void TestAccounts::addUser_badInput_refusedWithReason()
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

void TestAccounts::addUser_byGroupAdmin_onlyIntoTheirGroups()
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

void TestAccounts::deleteRestore_keepsResults()
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

void TestAccounts::settings_onlyPlatformAdmins_andAudited()
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

void TestAccounts::users_pagedByName_withMemberships()
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

QTEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
