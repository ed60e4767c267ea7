// Storage: locations, opening, migrations and the dialect layer, on SQLite
// and on a real PostgreSQL server.
#include "TestDatabase.h"
#include "core/Domain.h"
#include "storage/Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_db.reset(); }

    void parse_sqlitePath_isSqlite();
    void parse_postgresUrl_readsParts();
    void parse_badUrls_sayWhy();
    void open_freshDatabase_isMigratedToLatest();
    void open_twice_appliesNothingAgain();
    void open_newerSchema_isRefusedAndUntouched();
    void open_foreignSqliteFile_isRefused();
    void open_textFileAsSqlite_isRefused();
    void sqlite_foreignKeysAndWal_areOn();
    void schema_defaultSettings_arePresent();
    void schema_constraints_refuseBadRows();
    void transaction_notCommitted_leavesNothing();
    void migration_failing_leavesNoHalfSchema();

private:
    std::unique_ptr<TestDatabase> m_db;
};

void TestStorage::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_db = std::make_unique<TestDatabase>(backend);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

void TestStorage::parse_sqlitePath_isSqlite()
{
    QString error;
    const auto loc = DatabaseLocation::parse(QStringLiteral("/tmp/x/certdesk.sqlite"), &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(loc.kind(), DatabaseLocation::Kind::Sqlite);
    QCOMPARE(loc.path(), QStringLiteral("/tmp/x/certdesk.sqlite"));
    const auto def = DatabaseLocation::parse(QString(), &error);
    QVERIFY(def.path().endsWith(QLatin1String("certdesk.sqlite")));
}

void TestStorage::parse_postgresUrl_readsParts()
{
    QString error;
    const auto loc = DatabaseLocation::parse(
        QStringLiteral("postgresql://alice@db.example.org:6543/certdesk?sslmode=require"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(loc.isPostgres());
    QCOMPARE(loc.user(), QStringLiteral("alice"));
    QCOMPARE(loc.host(), QStringLiteral("db.example.org"));
    QCOMPARE(loc.port(), 6543);
    QCOMPARE(loc.databaseName(), QStringLiteral("certdesk"));
    QCOMPARE(loc.connectOptions(), QStringLiteral("sslmode=require"));
    QCOMPARE(loc.displayName(), QStringLiteral("postgresql://alice@db.example.org:6543/certdesk"));
    const auto socket = DatabaseLocation::parse(
        QStringLiteral("postgresql://bob@/certdesk?host=/run/postgresql"), &error);
    QCOMPARE(socket.host(), QStringLiteral("/run/postgresql"));
    // A login that is an email address, written as is or percent-encoded.
    for (const QString &url :
         {QStringLiteral("postgresql://ada@example.org@db.example.org/cd"),
          QStringLiteral("postgresql://ada%40example.org@db.example.org/cd")}) {
        const auto login = DatabaseLocation::parse(url, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(login.user(), QStringLiteral("ada@example.org"));
        QCOMPARE(login.host(), QStringLiteral("db.example.org"));
        QCOMPARE(login.databaseName(), QStringLiteral("cd"));
    }
}

void TestStorage::parse_badUrls_sayWhy()
{
    QString error;
    DatabaseLocation::parse(QStringLiteral("mysql://x@y/z"), &error);
    QVERIFY(error.contains(QLatin1String("not a database location")));
    DatabaseLocation::parse(QStringLiteral("postgresql://alice@host:5432/"), &error);
    QVERIFY(error.contains(QLatin1String("names no database")));
}

void TestStorage::open_freshDatabase_isMigratedToLatest()
{
    QVERIFY(Database::latestSchemaVersion() >= 1);
    QCOMPARE(m_db->db().schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(!m_db->db().hasUsers());
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT version, name FROM schema_version ORDER BY "
                                          "version"),
                           {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toString(), QStringLiteral("initial"));
}

void TestStorage::open_twice_appliesNothingAgain()
{
    auto other = m_db->openAnother();
    QVERIFY(other);
    QString error;
    QSqlQuery q = Sql::run(other->connection(),
                           QStringLiteral("SELECT COUNT(*) FROM schema_version"), {}, &error);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), Database::latestSchemaVersion());
}

void TestStorage::open_newerSchema_isRefusedAndUntouched()
{
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (999, "
                            "'from_the_future', ?)"),
             {Sql::now()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString location = m_db->location();
    m_db->close();
    auto reopened = Database::open(DatabaseLocation::parse(location, &error));
    QVERIFY(!reopened);
    QCOMPARE(reopened.kind(), ErrorKind::Refused);
    QVERIFY2(reopened.message().contains(QLatin1String("newer CertDesk")),
             qPrintable(reopened.message()));
    QVERIFY(reopened.message().contains(QLatin1String("999")));
}

void TestStorage::open_foreignSqliteFile_isRefused()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        return; // a file-format question: SQLite only
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE photos (id INTEGER)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    auto opened = Database::open(DatabaseLocation::sqlite(path));
    QVERIFY(!opened);
    QVERIFY2(opened.message().contains(QLatin1String("not a CertDesk database")),
             qPrintable(opened.message()));
}

void TestStorage::open_textFileAsSqlite_isRefused()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        return; // a file-format question: SQLite only
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("these are my notes, not a database\n").repeated(200));
    f.close();
    auto opened = Database::open(DatabaseLocation::sqlite(path));
    QVERIFY(!opened);
    QVERIFY2(opened.message().contains(QLatin1String("not a CertDesk database")),
             qPrintable(opened.message()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("these are my notes")); // untouched
}

void TestStorage::sqlite_foreignKeysAndWal_areOn()
{
    QFETCH_GLOBAL(QString, backend);
    QString error;
    if (backend == QLatin1String("sqlite")) {
        QSqlQuery q =
            Sql::run(m_db->db().connection(), QStringLiteral("PRAGMA foreign_keys"), {}, &error);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q = Sql::run(m_db->db().connection(), QStringLiteral("PRAGMA journal_mode"), {}, &error);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    // On both: a dangling reference is refused.
    Sql::run(m_db->db().connection(),
             QStringLiteral("INSERT INTO memberships (user_id, group_id, role) VALUES (4242, 4242, "
                            "'learner')"),
             {}, &error);
    QVERIFY(!error.isEmpty());
}

void TestStorage::schema_defaultSettings_arePresent()
{
    QString error;
    QSqlQuery q =
        Sql::run(m_db->db().connection(),
                 QStringLiteral("SELECT key, value FROM settings ORDER BY key"), {}, &error);
    QStringList pairs;
    while (q.next())
        pairs << q.value(0).toString() + QLatin1Char('=') + q.value(1).toString();
    QCOMPARE(pairs,
             QStringList(
                 {QStringLiteral("credits.enabled=off"), QStringLiteral("import.enabled=off"),
                  QStringLiteral("pdf.max-size-mb=20"), QStringLiteral("validation.required=off"),
                  QStringLiteral("validation.reviewers=group-admins")}));
}

void TestStorage::schema_constraints_refuseBadRows()
{
    QSqlDatabase db = m_db->db().connection();
    QString error;
    const Id user = Sql::insert(db,
                                QStringLiteral("INSERT INTO users (email, name, created_at, "
                                               "updated_at) VALUES ('a@b.example', 'A', ?, ?)"),
                                {Sql::now(), Sql::now()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Same email twice.
    // Each statement is judged alone (Sql keeps the first error of a chain).
    error.clear();
    Sql::run(db,
             QStringLiteral("INSERT INTO users (email, name, created_at, updated_at) VALUES "
                            "('a@b.example', 'B', ?, ?)"),
             {Sql::now(), Sql::now()}, &error);
    QVERIFY(!error.isEmpty());
    // A role that does not exist.
    error.clear();
    Sql::run(db, QStringLiteral("INSERT INTO groups (name, created_at) VALUES ('Root', ?)"),
             {Sql::now()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error.clear();
    Sql::run(db,
             QStringLiteral("INSERT INTO memberships (user_id, group_id, role) SELECT ?, id, "
                            "'owner' FROM groups"),
             {user}, &error);
    QVERIFY(!error.isEmpty());
    // A second platform group.
    error.clear();
    Sql::run(db, QStringLiteral("INSERT INTO groups (name, created_at) VALUES ('Root 2', ?)"),
             {Sql::now()}, &error);
    QVERIFY(!error.isEmpty());
    // An internal certificate may lack a PDF; an expiry before delivery may not exist.
    error.clear();
    Sql::run(db,
             QStringLiteral("INSERT INTO certificates (kind, owner_id, name, delivered_on, "
                            "expires_on, status, created_at, updated_at) VALUES ('internal', ?, "
                            "'X', '2025-01-10', '2024-01-10', 'accepted', ?, ?)"),
             {user, Sql::now(), Sql::now()}, &error);
    QVERIFY(!error.isEmpty());
    // An external certificate needs its PDF.
    error.clear();
    Sql::run(db,
             QStringLiteral("INSERT INTO certificates (kind, owner_id, name, delivered_on, status, "
                            "created_at, updated_at) VALUES ('external', ?, 'X', '2025-01-10', "
                            "'accepted', ?, ?)"),
             {user, Sql::now(), Sql::now()}, &error);
    QVERIFY(!error.isEmpty());
}

void TestStorage::transaction_notCommitted_leavesNothing()
{
    QSqlDatabase db = m_db->db().connection();
    QString error;
    {
        Transaction tx(db);
        QVERIFY(tx.isActive());
        Sql::run(db, QStringLiteral("INSERT INTO groups (name, created_at) VALUES ('Lost', ?)"),
                 {Sql::now()}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QSqlQuery q = Sql::run(db, QStringLiteral("SELECT COUNT(*) FROM groups"), {}, &error);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestStorage::migration_failing_leavesNoHalfSchema()
{
    // A broken statement in a migration: the translated SQL runs in one
    // transaction, so the table created before it must not survive.
    QSqlDatabase db = m_db->db().connection();
    QString error;
    {
        Transaction tx(db);
        Sql::run(db,
                 Database::translateSql(QStringLiteral("CREATE TABLE half (id {{PK}}, at {{TS}})"),
                                        m_db->db().dialect()),
                 {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Sql::run(db, QStringLiteral("CREATE TABLE broken (("), {}, &error);
        QVERIFY(!error.isEmpty());
    }
    Sql::run(db, QStringLiteral("SELECT COUNT(*) FROM half"), {}, &error);
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
