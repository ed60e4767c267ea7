#include "TestDatabase.h"

#include "services/PasswordHasher.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

namespace {
QAtomicInt g_counter;

QString maintenanceUrl()
{
    return qEnvironmentVariable("CERTDESK_TEST_PG");
}

bool runMaintenance(const QString &sql, QString *error)
{
    QString parseError;
    const DatabaseLocation loc = DatabaseLocation::parse(maintenanceUrl(), &parseError);
    if (!parseError.isEmpty()) {
        *error = parseError;
        return false;
    }
    const QString name = QStringLiteral("certdesk-test-maintenance");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::contains(name)
                              ? QSqlDatabase::database(name)
                              : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(loc.host());
        db.setPort(loc.port());
        db.setUserName(loc.user());
        db.setDatabaseName(loc.databaseName());
        if (!db.isOpen() && !db.open()) {
            *error = QStringLiteral("cannot reach the test PostgreSQL server at %1: %2")
                         .arg(maintenanceUrl(), db.lastError().text());
            return false;
        }
        QSqlQuery q(db);
        ok = q.exec(sql);
        if (!ok)
            *error = q.lastError().text();
    }
    return ok;
}
} // namespace

void TestDatabase::addBackendRows()
{
    // Tests create many users: cheap hashes (verification still runs Argon2id).
    PasswordHasher::setFastHashingForTests(true);
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    if (qEnvironmentVariable("CERTDESK_TEST_SQLITE_ONLY") != QLatin1String("1"))
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

TestDatabase::TestDatabase(const QString &backend, int upTo) : m_backend(backend)
{
    PasswordHasher::setFastHashingForTests(true);
    if (m_backend == QLatin1String("postgresql")) {
        if (maintenanceUrl().isEmpty()) {
            m_error = QStringLiteral("CERTDESK_TEST_PG is not set: run the tests with "
                                     "scripts/test.sh, which starts a throwaway PostgreSQL "
                                     "(or set CERTDESK_TEST_SQLITE_ONLY=1 for SQLite alone)");
            return;
        }
        m_pgName = QStringLiteral("certdesk_t%1_%2")
                       .arg(QCoreApplication::applicationPid())
                       .arg(g_counter.fetchAndAddRelaxed(1));
        if (!runMaintenance(QStringLiteral("CREATE DATABASE ") + m_pgName, &m_error)) {
            m_pgName.clear();
            return;
        }
        QUrl url(maintenanceUrl());
        url.setPath(QLatin1Char('/') + m_pgName);
        m_location = url.toString();
    } else {
        m_location = m_dir.filePath(QStringLiteral("test.sqlite"));
    }
    reopen(upTo);
}

bool TestDatabase::reopen(int upTo)
{
    QString error;
    const DatabaseLocation loc = DatabaseLocation::parse(m_location, &error);
    Database::Options options;
    options.upTo = upTo;
    m_db.reset(); // one connection at a time: the migration may edit the schema
    auto opened = Database::open(loc, options);
    if (!opened) {
        m_error = opened.message();
        return false;
    }
    m_db = std::move(opened.value());
    return true;
}

std::unique_ptr<Database> TestDatabase::openAnother() const
{
    QString error;
    auto opened = Database::open(DatabaseLocation::parse(m_location, &error));
    if (!opened)
        return nullptr;
    return std::move(opened.value());
}

std::unique_ptr<Database> TestDatabase::openAs(const QString &login, const QString &password,
                                               QString *error) const
{
    QUrl url(m_location);
    url.setUserName(login);
    QString parseError;
    DatabaseLocation loc = DatabaseLocation::parse(url.toString(), &parseError);
    if (!parseError.isEmpty()) {
        *error = parseError;
        return nullptr;
    }
    loc.setPassword(password);
    auto opened = Database::open(loc);
    if (!opened) {
        *error = opened.message();
        return nullptr;
    }
    return std::move(opened.value());
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        QString error;
        runMaintenance(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName +
                           QStringLiteral(" WITH (FORCE)"),
                       &error);
        // The logins of its people, then the roles setup made for it (owner
        // last: it granted the others).
        runMaintenance(QStringLiteral("DO $$DECLARE r TEXT; BEGIN FOR r IN SELECT m.rolname FROM "
                                      "pg_roles m JOIN pg_auth_members a ON a.member = m.oid JOIN "
                                      "pg_roles g ON g.oid = a.roleid WHERE g.rolname = "
                                      "'%1_member' LOOP EXECUTE format('DROP ROLE %I', r); END "
                                      "LOOP; END$$")
                           .arg(m_pgName),
                       &error);
        // The roles setup made for this database (owner last: it granted the others).
        runMaintenance(QStringLiteral("DO $$DECLARE r TEXT; BEGIN FOR r IN SELECT rolname FROM "
                                      "pg_roles WHERE rolname LIKE '%1\\_%%' ORDER BY rolname = "
                                      "'%1_owner' LOOP EXECUTE format('DROP ROLE %I', r); END "
                                      "LOOP; END$$")
                           .arg(m_pgName),
                       &error);
    }
}
