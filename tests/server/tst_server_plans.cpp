// The lists read one page, not the table (README "Performance"): each list
// function of cd_api that a screen calls, and the Users page's own
// statement, run as a person's own login in a transaction with sequential
// scans off. PostgreSQL then takes a sequential scan only where no index
// can answer the statement, so the transaction's own statistics
// (pg_stat_xact_user_tables, read before and after the call) must show no
// sequential scan of the tables with many rows, and at most about a page of
// rows fetched from the table the list is about: an index that only finds
// the person's rows and a sort of all of them would fetch them all.
// PostgreSQL only.
#include "TestDatabase.h"
#include "policy/SettingsService.h"
#include "services/DirectoryService.h"
#include "services/ServerSetup.h"
#include "storage/Transaction.h"

#include <QMap>
#include <QSqlQuery>
#include <QTest>

namespace {
const QString kPassword = QStringLiteral("plans-pw-1");
const int kPage = 20;
// The tables with a row per person, certificate, task or message.
const QStringList kBigTables{QStringLiteral("certificates"),     QStringLiteral("users"),
                             QStringLiteral("validation_tasks"), QStringLiteral("task_reviewers"),
                             QStringLiteral("notifications"),    QStringLiteral("email_outbox")};

struct Reads
{
    qint64 seqScans = 0;
    qint64 fetched = 0; // rows fetched through indexes
};
using ReadsByTable = QMap<QString, Reads>;

ReadsByTable tableReads(const QSqlDatabase &db, QString *error)
{
    ReadsByTable reads;
    QSqlQuery q = Sql::run(db,
                           QStringLiteral("SELECT relname, seq_scan, COALESCE(idx_tup_fetch, 0) "
                                          "FROM pg_stat_xact_user_tables WHERE schemaname = "
                                          "'public'"),
                           {}, error);
    while (error->isEmpty() && q.next())
        reads.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    return reads;
}
} // namespace

class TestServerPlans : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_db.reset(); }

    void listFunctions_readOnePageThroughIndexes_data();
    void listFunctions_readOnePageThroughIndexes();
    void usersPage_readsOnePageThroughAnIndex_data();
    void usersPage_readsOnePageThroughAnIndex();

private:
    std::unique_ptr<Database> login(const QString &email);
    Id addUser(Database &admin, const QString &email, const QString &manager);
    // The rows read by each big table while run() runs as email, in one
    // transaction with enable_seqscan off; rows: what run() returned.
    ReadsByTable readsWhile(const QString &email, const std::function<int(Database &)> &run,
                            int *rows);
    QVariant value(const QString &sql, const QVariantList &values = {});
    void checkReads(const ReadsByTable &reads, const QMap<QString, int> &bounds);

    std::unique_ptr<TestDatabase> m_db;
    QString m_prefix;
    QHash<QString, Id> m_ids;
    QString m_error;
};

std::unique_ptr<Database> TestServerPlans::login(const QString &email)
{
    QString error;
    auto db = m_db->openAs(m_prefix + email, kPassword, &error);
    if (!db)
        qWarning("cannot connect as %s: %s", qPrintable(email), qPrintable(error));
    return db;
}

Id TestServerPlans::addUser(Database &admin, const QString &email, const QString &manager)
{
    NewUser nu;
    nu.email = email;
    nu.name = email.section(QLatin1Char('@'), 0, 0);
    nu.managerEmail = manager;
    nu.password = kPassword;
    nu.memberships = {{QStringLiteral("Sales"), Role::Learner}};
    const auto u = DirectoryService(admin).addUser(admin.serverUserId(), nu);
    if (!u)
        qWarning("user add %s: %s", qPrintable(email), qPrintable(u.message()));
    return u ? u->id : 0;
}

QVariant TestServerPlans::value(const QString &sql, const QVariantList &values)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(), sql, values, &error);
    if (!error.isEmpty() || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(error));
        return {};
    }
    return q.value(0);
}

void TestServerPlans::initTestCase()
{
    CERTDESK_REQUIRE_SERVER();
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_prefix = m_db->pgName() + QLatin1Char('_');
    ServerSetupOptions options;
    options.adminEmail = QStringLiteral("root@example.org");
    options.adminName = QStringLiteral("Root");
    options.adminPassword = kPassword;
    options.loginPrefix = m_prefix;
    const auto setup = ServerSetup::run(m_db->db(), options);
    QVERIFY2(setup, qPrintable(setup.message()));
    m_ids.insert(QStringLiteral("root@example.org"), setup->admin->id);

    auto root = login(QStringLiteral("root@example.org"));
    QVERIFY(root);
    SettingsService settings(*root);
    const Id rootId = root->serverUserId();
    QVERIFY(settings.set(rootId, QStringLiteral("import.enabled"), QStringLiteral("on")));
    QVERIFY(settings.set(rootId, QStringLiteral("validation.required"), QStringLiteral("on")));
    QVERIFY(
        settings.set(rootId, QStringLiteral("validation.reviewers"), QStringLiteral("managers")));
    QVERIFY(DirectoryService(*root).addGroup(rootId, QStringLiteral("Sales"), QString()));
    const QString mgr = QStringLiteral("mgr@example.org");
    const QString lin = QStringLiteral("lin@example.org");
    m_ids.insert(mgr, addUser(*root, mgr, QString()));
    m_ids.insert(lin, addUser(*root, lin, mgr));
    QVERIFY(m_ids.value(mgr) > 0 && m_ids.value(lin) > 0);

    // The organisation around them, written as the database administrator:
    // 400 people (every tenth deleted), 50 certificates each (enough that
    // the planner's choices are those of a real organisation); lin holds 400
    // (every tenth pending with an open task for mgr, a quarter without
    // expiration), mgr 40; lin's inbox 150 messages, mgr's one request per
    // task; 120 failed emails.
    const QStringList fill{
        QStringLiteral("INSERT INTO users (email, name, deleted, created_at, updated_at) "
                       "SELECT 'p' || i || '@example.org', CASE WHEN i % 2 = 0 THEN 'person ' "
                       "ELSE 'Person ' END || lpad(i::text, 3, '0'), i % 10 = 0, now(), now() "
                       "FROM generate_series(1, 400) i"),
        QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                       "delivered_on, expires_on, status, created_at, updated_at) "
                       "SELECT 'internal', u.id, u.id, 'Course ' || i, DATE '2020-01-01' + i, "
                       "DATE '2030-01-01' + i, 'accepted', now(), now() FROM users u, "
                       "generate_series(1, 50) i WHERE u.email LIKE 'p%@example.org'"),
        QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                       "delivered_on, expires_on, status, created_at, updated_at) "
                       "SELECT 'internal', %1, %1, 'Lin ' || i, DATE '2020-01-01' + i % 700, "
                       "CASE WHEN i % 4 = 0 THEN NULL ELSE CURRENT_DATE - 200 + i % 500 END, "
                       "CASE WHEN i % 10 = 0 THEN 'pending' WHEN i % 17 = 0 THEN 'rejected' "
                       "ELSE 'accepted' END, now(), now() FROM generate_series(1, 400) i")
            .arg(m_ids.value(lin)),
        QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                       "delivered_on, expires_on, status, created_at, updated_at) "
                       "SELECT 'internal', %1, %1, 'Mgr ' || i, DATE '2021-01-01' + i, NULL, "
                       "'accepted', now(), now() FROM generate_series(1, 40) i")
            .arg(m_ids.value(mgr)),
        QStringLiteral("INSERT INTO validation_tasks (certificate_id, state, created_at) "
                       "SELECT id, 'open', now() FROM certificates WHERE owner_id = %1 AND "
                       "status = 'pending' ORDER BY id")
            .arg(m_ids.value(lin)),
        QStringLiteral("INSERT INTO task_reviewers (task_id, reviewer_id) SELECT id, %1 FROM "
                       "validation_tasks")
            .arg(m_ids.value(mgr)),
        QStringLiteral("INSERT INTO notifications (recipient_id, category, certificate_id, "
                       "task_id, actor_id, created_at) SELECT %1, 'validation-request', "
                       "t.certificate_id, t.id, %2, now() FROM validation_tasks t ORDER BY t.id")
            .arg(m_ids.value(mgr))
            .arg(m_ids.value(lin)),
        QStringLiteral("INSERT INTO notifications (recipient_id, category, certificate_id, "
                       "actor_id, created_at, threshold_days, read_at) SELECT %1, CASE WHEN "
                       "c.id % 3 = 0 THEN 'reminder' ELSE 'certificate-validated' END, c.id, "
                       "CASE WHEN c.id % 3 = 0 THEN NULL ELSE %2 END, now(), CASE WHEN c.id % 3 "
                       "= 0 THEN 30 END, CASE WHEN c.id % 2 = 0 THEN now() END FROM "
                       "certificates c WHERE c.owner_id = %1 ORDER BY c.id LIMIT 150")
            .arg(m_ids.value(lin))
            .arg(m_ids.value(mgr)),
        QStringLiteral("INSERT INTO email_outbox (notification_id, recipient_email, subject, "
                       "body, state, attempts, next_attempt_at, created_at, last_error) SELECT "
                       "n.id, 'lin@example.org', '', '', CASE WHEN n.id % 5 = 0 THEN 'sent' "
                       "ELSE 'failed' END, 3, now(), now(), 'refused' FROM notifications n "
                       "ORDER BY n.id"),
        // Statistics, and the visibility map that lets a count read only an
        // index.
        QStringLiteral("VACUUM ANALYZE"),
    };
    for (const QString &sql : fill) {
        Sql::run(m_db->db().connection(), sql, {}, &m_error);
        QVERIFY2(m_error.isEmpty(), qPrintable(sql + QStringLiteral(": ") + m_error));
    }
}

ReadsByTable TestServerPlans::readsWhile(const QString &email,
                                         const std::function<int(Database &)> &run, int *rows)
{
    ReadsByTable reads;
    auto db = login(email);
    if (!db)
        return reads;
    const QSqlDatabase connection = db->connection();
    Transaction tx(connection);
    QString error;
    Sql::run(connection, QStringLiteral("SET LOCAL enable_seqscan = off"), {}, &error);
    // Before and after, in the same transaction: the counts of a
    // transaction include what earlier ones of the session had not yet
    // reported.
    const ReadsByTable before = tableReads(connection, &error);
    *rows = run(*db);
    const ReadsByTable after = tableReads(connection, &error);
    if (!error.isEmpty())
        qWarning("statistics: %s", qPrintable(error));
    for (const QString &table : kBigTables)
        reads.insert(table, {after.value(table).seqScans - before.value(table).seqScans,
                             after.value(table).fetched - before.value(table).fetched});
    return reads;
}

void TestServerPlans::checkReads(const ReadsByTable &reads, const QMap<QString, int> &bounds)
{
    QString report;
    for (auto it = reads.cbegin(); it != reads.cend(); ++it)
        report += QStringLiteral(" %1: %2 seq, %3 fetched;")
                      .arg(it.key())
                      .arg(it.value().seqScans)
                      .arg(it.value().fetched);
    qInfo("%s", qPrintable(report));
    QVERIFY2(!reads.isEmpty(), "no statistics");
    for (auto it = reads.cbegin(); it != reads.cend(); ++it) {
        QVERIFY2(it.value().seqScans == 0,
                 qPrintable(QStringLiteral("a sequential scan of %1").arg(it.key())));
        const int bound = bounds.value(it.key(), 2 * kPage + 10);
        QVERIFY2(it.value().fetched <= bound,
                 qPrintable(QStringLiteral("%1 rows of %2 fetched, at most %3 expected")
                                .arg(it.value().fetched)
                                .arg(it.key())
                                .arg(bound)));
    }
}

void TestServerPlans::listFunctions_readOnePageThroughIndexes_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<int>("expectedRows");
    // Tables whose rows the call must read in full (a count), with the bound.
    QTest::addColumn<QVariantMap>("bounds");

    const QString lin = QStringLiteral("lin@example.org");
    const QString mgr = QStringLiteral("mgr@example.org");
    const QString root = QStringLiteral("root@example.org");
    const Id linId = m_ids.value(lin);
    const Id mgrId = m_ids.value(mgr);
    // Each order's keyset after the page's last row, as the model passes it,
    // and one deep among the certificates without expiration.
    const QString byDelivered = QStringLiteral(
        "SELECT delivered_on, id FROM certificates WHERE owner_id = ? ORDER BY delivered_on "
        "DESC, id DESC OFFSET ? LIMIT 1");
    const QString byExpiry =
        QStringLiteral("SELECT expires_on, id FROM certificates WHERE owner_id = ? ORDER BY "
                       "COALESCE(expires_on, DATE '9999-12-31'), id OFFSET ? LIMIT 1");
    const QString deliveredAfterDate = value(byDelivered, {linId, kPage - 1}).toString();
    const Id deliveredAfterId =
        value(QString(byDelivered)
                  .replace(QStringLiteral("delivered_on, id FROM"), QStringLiteral("id FROM")),
              {linId, kPage - 1})
            .toLongLong();
    const QVariant expiryAfterDate = value(byExpiry, {linId, kPage - 1});
    const QString expiryIdSql =
        QString(byExpiry).replace(QStringLiteral("expires_on, id FROM"), QStringLiteral("id FROM"));
    const Id expiryAfterId = value(expiryIdSql, {linId, kPage - 1}).toLongLong();
    const Id deepExpiryAfterId = value(expiryIdSql, {linId, 350}).toLongLong();
    const Id taskAfter =
        value(QStringLiteral("SELECT id FROM validation_tasks ORDER BY id OFFSET 9 LIMIT 1"))
            .toLongLong();
    const Id inboxBefore = value(QStringLiteral("SELECT id FROM notifications WHERE recipient_id "
                                                "= ? ORDER BY id DESC OFFSET 19 LIMIT 1"),
                                 {linId})
                               .toLongLong();
    const Id requestBefore = value(QStringLiteral("SELECT id FROM notifications WHERE "
                                                  "recipient_id = ? ORDER BY id DESC OFFSET 9 "
                                                  "LIMIT 1"),
                                   {mgrId})
                                 .toLongLong();
    const Id emailBefore = value(QStringLiteral("SELECT id FROM email_outbox WHERE state = "
                                                "'failed' ORDER BY id DESC OFFSET 19 LIMIT 1"))
                               .toLongLong();
    const int linCertificates = 400;
    const int openTasks = 40;

    // The counts by status shown read certificates_owner_status alone (an
    // index-only scan fetches no row of the table).
    const QVariantMap countBound{{QStringLiteral("certificates"), 10}};
    const QString list = QStringLiteral(
        "SELECT id FROM cd_api.certificate_list(?, CAST(? AS TEXT[]), CURRENT_DATE, "
        "CURRENT_DATE + 30, CAST(? AS DATE), ?, CAST(? AS DATE), CAST(? AS DATE), ?, ?)");
    const QVariant noDate(QMetaType::fromType<QString>());
    for (const QString &who : {lin, mgr, root}) {
        const QByteArray as = who.section(QLatin1Char('@'), 0, 0).toUtf8();
        QTest::addRow("%s: Results by delivery, first page", as.constData())
            << who << list << QVariantList{linId,  QStringLiteral("{}"),
                                           noDate, QStringLiteral("delivered"),
                                           noDate, noDate,
                                           0,      kPage}
            << kPage << QVariantMap{};
        QTest::addRow("%s: Results by delivery, next page", as.constData())
            << who << list << QVariantList{linId,
                                           QStringLiteral("{}"),
                                           noDate,
                                           QStringLiteral("delivered"),
                                           deliveredAfterDate,
                                           noDate,
                                           deliveredAfterId,
                                           kPage}
            << kPage << QVariantMap{};
        QTest::addRow("%s: Results by expiry, first page", as.constData())
            << who << list << QVariantList{linId,  QStringLiteral("{}"),
                                           noDate, QStringLiteral("expiry"),
                                           noDate, noDate,
                                           0,      kPage}
            << kPage << QVariantMap{};
        QTest::addRow("%s: Results by expiry, next page", as.constData())
            << who << list
            << QVariantList{linId,  QStringLiteral("{}"), noDate,        QStringLiteral("expiry"),
                            noDate, expiryAfterDate,      expiryAfterId, kPage}
            << kPage << QVariantMap{};
        QTest::addRow("%s: certificate counts of one person", as.constData())
            << who
            << QStringLiteral("SELECT * FROM cd_api.certificate_counts(CAST(? AS BIGINT[]), "
                              "CURRENT_DATE, CURRENT_DATE + 30)")
            << QVariantList{QStringLiteral("{%1}").arg(linId)} << -1 << countBound;
    }
    QTest::addRow("lin: Results by expiry, a page among those without expiration")
        << lin << list
        << QVariantList{linId,  QStringLiteral("{}"), noDate, QStringLiteral("expiry"), noDate,
                        noDate, deepExpiryAfterId,    kPage}
        << kPage << QVariantMap{};
    // A chip filters on the status shown, which no index holds (it depends on
    // today): the person's rows are read in the order's index until the page
    // is full, or all of them when the chip is rare.
    QTest::addRow("lin: Results, the pending chip, first page")
        << lin << list << QVariantList{linId,  QStringLiteral("{pending}"),
                                       noDate, QStringLiteral("delivered"),
                                       noDate, noDate,
                                       0,      5}
        << 5 << QVariantMap{{QStringLiteral("certificates"), linCertificates + 10}};
    QTest::addRow("lin: previous release's certificates_of, next page")
        << lin << QStringLiteral("SELECT id FROM cd_api.certificates_of(?, CAST(? AS DATE), ?, ?)")
        << QVariantList{linId, deliveredAfterDate, deliveredAfterId, kPage} << kPage
        << QVariantMap{};
    // Unread only: the planner may read the recipient's unread messages by
    // notifications_unread and sort them, as many as they are (75 of lin's).
    const QVariantMap unreadBound{{QStringLiteral("notifications"), 75 + 10}};
    for (const QString &filter :
         {QStringLiteral("all"), QStringLiteral("outcomes"), QStringLiteral("reminders")}) {
        for (const bool unread : {false, true}) {
            for (const Id before : {Id(0), inboxBefore}) {
                QTest::addRow("lin: inbox %s%s, %s", qPrintable(filter), unread ? " unread" : "",
                              before ? "next page" : "first page")
                    << lin << QStringLiteral("SELECT id FROM cd_api.inbox(?, ?, ?, ?)")
                    << QVariantList{filter, unread, before, 10} << -1
                    << (unread ? unreadBound : QVariantMap{});
            }
        }
    }
    for (const Id before : {Id(0), requestBefore}) {
        QTest::addRow("mgr: inbox requests, %s", before ? "next page" : "first page")
            << mgr << QStringLiteral("SELECT id FROM cd_api.inbox('requests', FALSE, ?, 10)")
            << QVariantList{before} << 10 << QVariantMap{};
    }
    for (const QString &who : {mgr, root}) {
        const QByteArray as = who.section(QLatin1Char('@'), 0, 0).toUtf8();
        for (const bool open : {true, false}) {
            for (const Id after : {Id(0), taskAfter}) {
                QTest::addRow("%s: tasks%s, %s", as.constData(), open ? " open" : "",
                              after ? "next page" : "first page")
                    << who << QStringLiteral("SELECT task_id FROM cd_api.tasks(?, ?, 10)")
                    << QVariantList{open, after} << 10 << QVariantMap{};
            }
        }
        QTest::addRow("%s: task count", as.constData())
            << who << QStringLiteral("SELECT cd_api.task_count(TRUE)") << QVariantList{} << 1
            << QVariantMap{{QStringLiteral("validation_tasks"), openTasks + 10},
                           {QStringLiteral("task_reviewers"), openTasks + 10},
                           {QStringLiteral("certificates"), openTasks + 10}};
    }
    for (const Id before : {Id(0), emailBefore}) {
        QTest::addRow("root: failed emails, %s", before ? "next page" : "first page")
            << root << QStringLiteral("SELECT id FROM cd_api.failed_emails(?, ?)")
            << QVariantList{before, kPage} << kPage << QVariantMap{};
    }
    QTest::addRow("root: certificate counts of a page of people")
        << root
        << QStringLiteral("SELECT * FROM cd_api.certificate_counts(CAST(? AS BIGINT[]), "
                          "CURRENT_DATE, CURRENT_DATE + 30)")
        << QVariantList{value(QStringLiteral("SELECT array_agg(id ORDER BY id)::TEXT FROM "
                                             "(SELECT id FROM users WHERE email LIKE 'p1%' "
                                             "ORDER BY id LIMIT 20) p"))}
        << -1 << countBound;
}

void TestServerPlans::listFunctions_readOnePageThroughIndexes()
{
    QFETCH(QString, email);
    QFETCH(QString, sql);
    QFETCH(QVariantList, values);
    QFETCH(int, expectedRows);
    QFETCH(QVariantMap, bounds);
    QString error;
    int rows = 0;
    const ReadsByTable reads = readsWhile(
        email,
        [&](Database &db) {
            QSqlQuery q = Sql::run(db.connection(), sql, values, &error);
            int n = 0;
            while (error.isEmpty() && q.next())
                ++n;
            return n;
        },
        &rows);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (expectedRows >= 0)
        QCOMPARE(rows, expectedRows);
    else
        QVERIFY(rows > 0);
    QMap<QString, int> limits;
    for (auto it = bounds.cbegin(); it != bounds.cend(); ++it)
        limits.insert(it.key(), it.value().toInt());
    checkReads(reads, limits);
}

void TestServerPlans::usersPage_readsOnePageThroughAnIndex_data()
{
    QTest::addColumn<int>("sortKey");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("deleted");
    QTest::newRow("by name") << int(UserQuery::SortKey::Name) << false << false;
    QTest::newRow("by name, descending") << int(UserQuery::SortKey::Name) << true << false;
    QTest::newRow("by name, deleted") << int(UserQuery::SortKey::Name) << false << true;
    QTest::newRow("by email") << int(UserQuery::SortKey::Email) << false << false;
}

void TestServerPlans::usersPage_readsOnePageThroughAnIndex()
{
    QFETCH(int, sortKey);
    QFETCH(bool, descending);
    QFETCH(bool, deleted);
    const QString root = QStringLiteral("root@example.org");
    UserQuery query;
    query.sortKey = UserQuery::SortKey(sortKey);
    query.descending = descending;
    query.deleted = deleted;
    // The first page, then the page after it, as the Users page reads them.
    UserCursor after;
    for (int page = 0; page < 2; ++page) {
        QString error;
        int rows = 0;
        const ReadsByTable reads = readsWhile(
            root,
            [&](Database &db) {
                const auto got =
                    DirectoryService(db).userPage(db.serverUserId(), query, after, kPage);
                if (!got) {
                    error = got.message();
                    return 0;
                }
                after = {DirectoryService::sortKeyOf(got->constLast(), query.sortKey),
                         got->constLast().user.id};
                return int(got->size());
            },
            &rows);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows, kPage);
        // The page's people and their managers; their certificates counted
        // from certificates_owner_status alone.
        checkReads(reads, {{QStringLiteral("users"), 3 * kPage + 10},
                           {QStringLiteral("certificates"), 10}});
    }
}

QTEST_GUILESS_MAIN(TestServerPlans)
#include "tst_server_plans.moc"
