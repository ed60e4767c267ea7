// The item models behind the Results, Users and Notifications pages: lazy keyset paging,
// R5 scope, search and sort in SQL, each wrapped in QAbstractItemModelTester,
// on SQLite and PostgreSQL.
#include "TestDatabase.h"
#include "itemmodels/CertificateListModel.h"
#include "itemmodels/NotificationListModel.h"
#include "itemmodels/UserListModel.h"
#include "policy/SettingsService.h"
#include "services/DirectoryService.h"
#include "storage/CertificateStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

class TestListModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_db.reset(); }

    void certificates_pagesLazilyNewestFirst();
    void certificates_outOfScope_emptyWithReason();
    void certificates_creditsColumnFollowsFeature();
    void certificates_statusSqlAgreesWithDomain();
    void certificates_statusTextSaysHowLong();
    void certificates_soonDaysSettingChangesBadges();
    void users_managerSeesTeamOnly_withCounts();
    void users_deletedTab();
    void users_searchAndSortInSql();
    void users_pagingAcrossEqualNames();
    void notifications_pagedPerCategory_markRead();

private:
    Id addUser(const QString &email, const QString &name, const QString &manager,
               const QString &group, Role role);
    void addCertificates(Id owner, int count, const QString &status, const QDate &expires);
    std::unique_ptr<TestDatabase> m_db;
    Id m_admin = 0;
    int m_serial = 0;
};

void TestListModels::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_db = std::make_unique<TestDatabase>(backend);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    DirectoryService directory(m_db->db());
    const auto admin = directory.createFirstAdmin(QStringLiteral("root@example.org"),
                                                  QStringLiteral("Root"), QStringLiteral("pw12"));
    QVERIFY(admin);
    m_admin = admin->id;
    QVERIFY(directory.addGroup(m_admin, QStringLiteral("Sales"), QString()));
    QVERIFY(directory.addGroup(m_admin, QStringLiteral("Engineering"), QString()));
    // One blob for the certificates written directly below.
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                            "created_at) VALUES (?, 5, 1, ?, ?)"),
             {QString(64, QLatin1Char('a')), QByteArray("%PDF-"), Sql::now()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

Id TestListModels::addUser(const QString &email, const QString &name, const QString &manager,
                           const QString &group, Role role)
{
    DirectoryService directory(m_db->db());
    NewUser nu;
    nu.email = email;
    nu.name = name;
    nu.managerEmail = manager;
    if (!group.isEmpty())
        nu.memberships = {{group, role}};
    const auto u = directory.addUser(m_admin, nu);
    if (!u)
        qWarning("%s", qPrintable(u.message()));
    return u ? u->id : 0;
}

// Many rows fast: written with SQL, as an import would leave them.
void TestListModels::addCertificates(Id owner, int count, const QString &status,
                                     const QDate &expires)
{
    QSqlDatabase db = m_db->db().connection();
    Transaction tx(db);
    QString error;
    for (int i = 0; i < count; ++i) {
        ++m_serial;
        // Several certificates share a delivery date: the keyset must break ties by id.
        const QDate delivered = QDate(2024, 1, 1).addDays(m_serial / 3);
        Sql::run(db,
                 QStringLiteral("INSERT INTO certificates (kind, owner_id, name, delivered_on, "
                                "expires_on, status, pdf_sha256, credits, created_at, "
                                "updated_at) VALUES ('external', ?, ?, ?, ?, ?, ?, 1.5, ?, ?)"),
                 {owner, QStringLiteral("Certificate %1").arg(m_serial), Sql::dateOrNull(delivered),
                  Sql::dateOrNull(expires.isValid() && expires < delivered ? delivered : expires),
                  status, QString(64, QLatin1Char('a')), Sql::now(), Sql::now()},
                 &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QVERIFY(tx.commit());
}

void TestListModels::certificates_pagesLazilyNewestFirst()
{
    const Id learner = addUser(QStringLiteral("l@example.org"), QStringLiteral("Lea"), QString(),
                               QStringLiteral("Sales"), Role::Learner);
    addCertificates(learner, 257, QStringLiteral("accepted"), QDate());
    CertificateListModel model(m_db->db(), learner);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(50);
    model.setOwner(learner);
    QCOMPARE(model.rowCount(), 50); // one page, not the whole table
    QVERIFY(model.canFetchMore(QModelIndex()));
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 257);
    QSet<Id> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Certificate &c = model.certificateAt(row);
        ids.insert(c.id);
        if (row > 0) {
            const Certificate &previous = model.certificateAt(row - 1);
            QVERIFY(previous.delivered > c.delivered ||
                    (previous.delivered == c.delivered && previous.id > c.id));
        }
    }
    QCOMPARE(ids.size(), 257);
    QVERIFY(model.loadError().isEmpty());
}

void TestListModels::certificates_outOfScope_emptyWithReason()
{
    const Id a = addUser(QStringLiteral("a@example.org"), QStringLiteral("A"), QString(),
                         QStringLiteral("Sales"), Role::Learner);
    const Id b = addUser(QStringLiteral("b@example.org"), QStringLiteral("B"), QString(),
                         QStringLiteral("Sales"), Role::Learner);
    addCertificates(b, 3, QStringLiteral("accepted"), QDate());
    CertificateListModel model(m_db->db(), a);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &CertificateListModel::loadFailed);
    model.setOwner(b);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!model.loadError().isEmpty());
}

void TestListModels::certificates_creditsColumnFollowsFeature()
{
    const Id a = addUser(QStringLiteral("a@example.org"), QStringLiteral("A"), QString(),
                         QStringLiteral("Sales"), Role::Learner);
    addCertificates(a, 2, QStringLiteral("accepted"), QDate());
    CertificateListModel model(m_db->db(), a);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwner(a);
    QCOMPARE(model.indexOf(CertificateListModel::Column::Credits), -1);
    SettingsService settings(m_db->db());
    QVERIFY(settings.set(m_admin, QStringLiteral("credits.enabled"), QStringLiteral("on")));
    model.reload();
    const int credits = model.indexOf(CertificateListModel::Column::Credits);
    QVERIFY(credits >= 0);
    QCOMPARE(model.headerData(credits, Qt::Horizontal).toString(), QStringLiteral("Credits"));
    QVERIFY(!model.index(0, credits).data().toString().isEmpty());
}

void TestListModels::certificates_statusSqlAgreesWithDomain()
{
    const Id a = addUser(QStringLiteral("a@example.org"), QStringLiteral("A"), QString(),
                         QStringLiteral("Sales"), Role::Learner);
    const QDate today = Domain::today();
    // Expiry dates on both sides of each expiry.soon-days tried below.
    const QList<int> offsets{-1, 0, 1, 7, 8, 30, 31, 365, 366, 1000};
    for (const QString &status : {QStringLiteral("accepted"), QStringLiteral("pending"),
                                  QStringLiteral("validated"), QStringLiteral("rejected")}) {
        addCertificates(a, 1, status, QDate());
        for (int offset : offsets)
            addCertificates(a, 1, status, today.addDays(offset));
    }
    // The accepted ones expiring in a year or more revoked, the validated
    // ones renewed: their dates no longer count.
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("UPDATE certificates SET revoked_at = ?, revoked_by = ?, "
                            "revoke_reason = 'Forged' WHERE id IN (SELECT id FROM certificates "
                            "WHERE owner_id = ? AND status = 'accepted' AND expires_on >= ?)"),
             {Sql::now(), m_admin, a, Sql::dateOrNull(today.addDays(365))}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Sql::run(m_db->db().connection(),
             QStringLiteral("UPDATE certificates SET renewed_by_id = id WHERE id IN (SELECT id "
                            "FROM certificates WHERE owner_id = ? AND status = 'validated' AND "
                            "expires_on >= ?)"),
             {a, Sql::dateOrNull(today.addDays(365))}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (int soonDays : {1, 7, Domain::DefaultExpiringSoonDays, 365}) {
        QSqlQuery q = Sql::run(
            m_db->db().connection(),
            CertificateService::selectColumns().replace(QLatin1String("SELECT "),
                                                        QLatin1String("SELECT ") +
                                                            Certificate::displayStatusSql() +
                                                            QStringLiteral(" AS shown_sql, ")) +
                QStringLiteral("WHERE c.owner_id = ?"),
            {Sql::dateOrNull(today), Sql::dateOrNull(Certificate::soonLimit(today, soonDays)), a},
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        int rows = 0;
        int soon = 0;
        QSet<QString> seen;
        while (q.next()) {
            // Columns shift by one: shown_sql first, then CertificateService's order.
            const Certificate c = CertificateStore::fromQuery(q, 1);
            const DisplayStatus shown = c.displayStatus(today, soonDays);
            const QString expected = Domain::displayStatusKey(shown);
            QCOMPARE(q.value(0).toString(), expected);
            seen.insert(expected);
            soon += shown == DisplayStatus::ExpiringSoon ? 1 : 0;
            ++rows;
        }
        QCOMPARE(rows, 4 * (offsets.size() + 1));
        QCOMPARE(seen.size(), 8);
        // Accepted and validated ones from today to today + soonDays, but
        // those revoked or renewed.
        int within = 0;
        for (int offset : offsets)
            within += offset >= 0 && offset <= soonDays && offset < 365 ? 1 : 0;
        QCOMPARE(soon, 2 * within);
    }
}

void TestListModels::certificates_statusTextSaysHowLong()
{
    const QDate today(2026, 3, 10);
    Certificate c;
    c.status = CertificateStatus::Validated;
    const auto text = [&](int offset, int soonDays = Domain::DefaultExpiringSoonDays) {
        c.expires = offset == INT_MIN ? QDate() : today.addDays(offset);
        return c.statusText(today, soonDays);
    };
    QCOMPARE(text(INT_MIN), QStringLiteral("Validated"));
    QCOMPARE(text(0), QStringLiteral("Expires today"));
    QCOMPARE(text(1), QStringLiteral("Expires tomorrow"));
    QCOMPARE(text(12), QStringLiteral("Expires in 12 days"));
    QCOMPARE(text(30), QStringLiteral("Expires in 30 days"));
    QCOMPARE(text(31), QStringLiteral("Validated"));
    QCOMPARE(text(31, 60), QStringLiteral("Expires in 31 days"));
    QCOMPARE(text(12, 7), QStringLiteral("Validated"));
    QCOMPARE(text(-1), QStringLiteral("Expired yesterday"));
    QCOMPARE(text(-5), QStringLiteral("Expired 5 days ago"));
    QCOMPARE(text(-30), QStringLiteral("Expired 30 days ago"));
    QCOMPARE(text(-400),
             QStringLiteral("Expired on %1")
                 .arg(QLocale().toString(today.addDays(-400), QStringLiteral("d MMM yyyy"))));
    c.status = CertificateStatus::Pending;
    QCOMPARE(text(-5), QStringLiteral("Pending validation"));
    c.status = CertificateStatus::Accepted;
    QCOMPARE(text(40), QStringLiteral("Accepted"));
    // Replaced or withdrawn: the dates no longer matter.
    c.renewedById = 99;
    QCOMPARE(text(-5), QStringLiteral("Renewed"));
    c.revokedAt = QDateTime::currentDateTimeUtc();
    QCOMPARE(text(3), QStringLiteral("Revoked"));
    QCOMPARE(c.displayStatus(today, 30), DisplayStatus::Revoked);
    c.status = CertificateStatus::Pending; // a pending renewal shows pending
    QCOMPARE(text(3), QStringLiteral("Pending validation"));
}

void TestListModels::certificates_soonDaysSettingChangesBadges()
{
    const Id a = addUser(QStringLiteral("a@example.org"), QStringLiteral("A"), QString(),
                         QStringLiteral("Sales"), Role::Learner);
    const QDate today = Domain::today();
    addCertificates(a, 1, QStringLiteral("validated"), today.addDays(45));
    CertificateListModel model(m_db->db(), a);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOwner(a);
    const int status = model.indexOf(CertificateListModel::Column::Status);
    QCOMPARE(model.index(0, status).data(CertificateListModel::StatusKeyRole).toString(),
             QStringLiteral("validated"));
    SettingsService settings(m_db->db());
    QVERIFY(settings.set(m_admin, QStringLiteral("expiry.soon-days"), QStringLiteral("60")));
    model.reload();
    QCOMPARE(model.index(0, status).data(CertificateListModel::StatusKeyRole).toString(),
             QStringLiteral("expiring-soon"));
    QCOMPARE(model.index(0, status).data().toString(), QStringLiteral("Expires in 45 days"));

    // The Users page's counts follow the same setting.
    UserListModel users(m_db->db(), m_admin);
    users.reload();
    int row = -1;
    for (int i = 0; i < users.rowCount(); ++i)
        row = users.rowAt(i).user.id == a ? i : row;
    QVERIFY(row >= 0);
    QCOMPARE(users.rowAt(row).counts.expiringSoon, 1);
    QVERIFY(settings.set(m_admin, QStringLiteral("expiry.soon-days"), QStringLiteral("30")));
    users.reload();
    QCOMPARE(users.rowAt(row).counts.expiringSoon, 0);
    QCOMPARE(users.rowAt(row).counts.valid, 1);

    // Bad values are refused with the range, and change nothing.
    for (const QString &bad : {QStringLiteral("0"), QStringLiteral("366"), QStringLiteral("-3"),
                               QStringLiteral("ten"), QStringLiteral("")}) {
        const auto refused = settings.set(m_admin, QStringLiteral("expiry.soon-days"), bad);
        QVERIFY2(!refused, qPrintable(bad));
        QVERIFY2(refused.message().contains(QLatin1String("from 1 to 365")),
                 qPrintable(refused.message()));
    }
    QCOMPARE(settings.settings()->expirySoonDays, 30);
}

void TestListModels::users_managerSeesTeamOnly_withCounts()
{
    const Id manager = addUser(QStringLiteral("m@example.org"), QStringLiteral("Maya"), QString(),
                               QStringLiteral("Sales"), Role::Learner);
    const Id e1 = addUser(QStringLiteral("e1@example.org"), QStringLiteral("Eli"),
                          QStringLiteral("m@example.org"), QStringLiteral("Sales"), Role::Learner);
    addUser(QStringLiteral("e2@example.org"), QStringLiteral("Eva"),
            QStringLiteral("m@example.org"), QStringLiteral("Engineering"), Role::Learner);
    addUser(QStringLiteral("x@example.org"), QStringLiteral("Xavier"), QString(),
            QStringLiteral("Sales"), Role::Learner);
    const QDate today = QDate::currentDate();
    addCertificates(e1, 2, QStringLiteral("pending"), QDate());
    addCertificates(e1, 1, QStringLiteral("rejected"), QDate());
    addCertificates(e1, 1, QStringLiteral("validated"), today.addDays(10));
    addCertificates(e1, 1, QStringLiteral("accepted"), today.addDays(-400));
    addCertificates(e1, 3, QStringLiteral("accepted"), QDate());

    UserListModel model(m_db->db(), manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.rowAt(row).user.name;
    QCOMPARE(names,
             QStringList({QStringLiteral("Eli"), QStringLiteral("Eva"), QStringLiteral("Maya")}));
    const CertificateCounts &c = model.rowAt(0).counts;
    QCOMPARE(c.pending, 2);
    QCOMPARE(c.rejected, 1);
    QCOMPARE(c.expiringSoon, 1);
    QCOMPARE(c.expired, 1);
    QCOMPARE(c.valid, 3);
    QCOMPARE(model.index(0, int(UserListModel::Column::Pending)).data().toString(),
             QStringLiteral("2"));
    model.setMyTeamOnly(true);
    QCOMPARE(model.rowCount(), 2);
}

void TestListModels::users_deletedTab()
{
    const Id gone = addUser(QStringLiteral("gone@example.org"), QStringLiteral("Gone"), QString(),
                            QStringLiteral("Sales"), Role::Learner);
    addUser(QStringLiteral("here@example.org"), QStringLiteral("Here"), QString(),
            QStringLiteral("Sales"), Role::Learner);
    DirectoryService directory(m_db->db());
    QVERIFY(directory.deleteUser(m_admin, gone));
    UserListModel model(m_db->db(), m_admin);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDeleted(true);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).user.email, QStringLiteral("gone@example.org"));
    model.setDeleted(false);
    QCOMPARE(model.rowCount(), 2); // Here and Root
}

void TestListModels::users_searchAndSortInSql()
{
    addUser(QStringLiteral("zoe@example.org"), QStringLiteral("Zoé Ángel"), QString(),
            QStringLiteral("Sales"), Role::Learner);
    addUser(QStringLiteral("adam@example.org"), QStringLiteral("adam 100%"), QString(),
            QStringLiteral("Sales"), Role::Learner);
    addUser(QStringLiteral("bob@sales.example.org"), QStringLiteral("Bob"), QString(),
            QStringLiteral("Engineering"), Role::Learner);
    UserListModel model(m_db->db(), m_admin);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowAt(0).user.name, QStringLiteral("adam 100%")); // case-insensitive order
    model.setSearch(QStringLiteral("SALES"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).user.name, QStringLiteral("Bob"));
    model.setSearch(QStringLiteral("100%"));
    QCOMPARE(model.rowCount(), 1); // % is a character here, not a wildcard
    model.setSearch(QStringLiteral("0%"));
    QCOMPARE(model.rowCount(), 1);
    model.setSearch(QStringLiteral("_"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearch(QString());
    model.sort(int(UserListModel::Column::Email), Qt::DescendingOrder);
    QCOMPARE(model.rowAt(0).user.email, QStringLiteral("zoe@example.org"));
    model.sort(int(UserListModel::Column::Groups), Qt::AscendingOrder); // not sortable: ignored
    QCOMPARE(model.rowAt(0).user.email, QStringLiteral("zoe@example.org"));
}

void TestListModels::users_pagingAcrossEqualNames()
{
    for (int i = 0; i < 23; ++i)
        addUser(QStringLiteral("same%1@example.org").arg(i), QStringLiteral("Same Name"), QString(),
                QStringLiteral("Sales"), Role::Learner);
    UserListModel model(m_db->db(), m_admin);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(5);
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        model.sort(int(UserListModel::Column::Name), order);
        QCOMPARE(model.rowCount(), 5);
        while (model.canFetchMore(QModelIndex()))
            model.fetchMore(QModelIndex());
        QSet<Id> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.rowAt(row).user.id);
        QCOMPARE(model.rowCount(), 24);
        QCOMPARE(ids.size(), 24);
    }
}

void TestListModels::notifications_pagedPerCategory_markRead()
{
    const Id reader = addUser(QStringLiteral("r@example.org"), QStringLiteral("Reader"), QString(),
                              QStringLiteral("Sales"), Role::Admin);
    const Id other = addUser(QStringLiteral("o@example.org"), QStringLiteral("Other"), QString(),
                             QStringLiteral("Sales"), Role::Admin);
    QSqlDatabase db = m_db->db().connection();
    {
        Transaction tx(db);
        QString error;
        // 130 for the reader (every third a validation request), 10 for someone else.
        for (int i = 0; i < 140; ++i) {
            const QString category = i % 3 == 0 ? QStringLiteral("validation-request")
                                     : i % 2    ? QStringLiteral("certificate-validated")
                                                : QStringLiteral("certificate-rejected");
            Sql::run(db,
                     QStringLiteral("INSERT INTO notifications (recipient_id, category, "
                                    "created_at) VALUES (?, ?, ?)"),
                     {i < 130 ? reader : other, category, Sql::now()}, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QVERIFY(tx.commit());
    }
    NotificationService service(m_db->db());
    NotificationListModel model(service, reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload());
    QCOMPARE(model.rowCount(), NotificationListModel::PageSize); // one page, not 130 rows
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 130);

    model.setFilter(InboxFilter::ValidationRequests);
    QCOMPARE(model.rowCount(), 44); // filtered by the database: one page holds them all
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.setFilter(InboxFilter::Outcomes);
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 86);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(model.notification(row).category != NotificationCategory::ValidationRequest);
        if (row > 0) // newest first, no row twice
            QVERIFY(model.notification(row).id < model.notification(row - 1).id);
    }

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.markRead(0));
    QCOMPARE(changed.size(), 1);
    QVERIFY(model.index(0, 0).data(NotificationListModel::ReadRole).toBool());
    QCOMPARE(service.unreadCount(reader).value(), 129);
    QVERIFY(model.markAllRead());
    QCOMPARE(service.unreadCount(reader).value(), 0);
    QCOMPARE(service.unreadCount(other).value(), 10);
    QVERIFY(model.index(model.rowCount() - 1, 0).data(NotificationListModel::ReadRole).toBool());
}

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_listmodels.moc"
