#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A fresh, empty, migrated CertDesk database for one test: a SQLite file in a
// temporary folder, or a new database on the throwaway PostgreSQL server that
// scripts/test.sh starts (CERTDESK_TEST_PG, a maintenance URL such as
// postgresql://postgres@127.0.0.1:54329/postgres). Dropped afterwards.
//
// Every storage and service test runs once per backend (qtbase's
// initTestCase_data pattern):
//   void initTestCase_data() { TestDatabase::addBackendRows(); }
//   void init() {
//       QFETCH_GLOBAL(QString, backend);
//       m_db = std::make_unique<TestDatabase>(backend);
//       QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
//   }
// PostgreSQL-only tests: skipped on a quick local run with
// CERTDESK_TEST_SQLITE_ONLY=1 (never in CI, where the server always runs).
// Calls QTest::qSkip directly: clang's -Wpedantic refuses the skip macro with
// only a message.
#define CERTDESK_REQUIRE_SERVER()                                                                  \
    do {                                                                                           \
        if (qEnvironmentVariableIntValue("CERTDESK_TEST_SQLITE_ONLY") == 1) {                      \
            QTest::qSkip("PostgreSQL only, and CERTDESK_TEST_SQLITE_ONLY=1 is set", __FILE__,      \
                         __LINE__);                                                                \
            return;                                                                                \
        }                                                                                          \
    } while (false)

class TestDatabase
{
public:
    // Adds the "backend" column and one row per backend. Both rows always:
    // without a server, the postgresql row fails (it never skips). Set
    // CERTDESK_TEST_SQLITE_ONLY=1 for a quick local run on SQLite alone.
    static void addBackendRows();
    // upTo: migrate only up to that schema version (0: the latest), for the
    // upgrade tests; reopen() then migrates the rest.
    explicit TestDatabase(const QString &backend, int upTo = 0);
    ~TestDatabase();

    bool isValid() const { return m_db != nullptr; }
    QString error() const { return m_error; }
    QString backend() const { return m_backend; }
    // What certdesk-cli's --db takes for this database.
    QString location() const { return m_location; }
    Database &db() { return *m_db; }
    Database *operator->() { return m_db.get(); }
    // A second, independent connection to the same database.
    std::unique_ptr<Database> openAnother() const;
    // PostgreSQL: the database's name, and a connection with another login
    // (after certdesk-cli setup, each person's own). Roles whose names start
    // with "<name>_" are dropped with the database.
    QString pgName() const { return m_pgName; }
    std::unique_ptr<Database> openAs(const QString &login, const QString &password,
                                     QString *error) const;
    // Closes the test's own connection (e.g. before a subprocess writes).
    void close() { m_db.reset(); }
    bool reopen(int upTo = 0);

private:
    QString m_backend;
    QString m_location;
    QString m_pgName;
    QString m_error;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};
