#pragma once

#include "core/Result.h"
#include "storage/DatabaseLocation.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

// One open connection to a CertDesk database, SQLite or PostgreSQL. The same
// schema (numbered migrations in resources/sql) and the same service code run
// on both; the few dialect differences live here.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Dialect
    {
        Sqlite,
        Postgres
    };

    struct Options
    {
        // Create or upgrade the schema when it is older than this program.
        bool migrate = true;
        // SQLite only: create the file when it does not exist.
        bool create = true;
        // Migrate up to this schema version only (0: the latest). For the
        // upgrade tests, which fill a database of an earlier schema.
        int upTo = 0;
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Result<std::unique_ptr<Database>> open(const DatabaseLocation &location,
                                                  const Options &options);
    static Result<std::unique_ptr<Database>> open(const DatabaseLocation &location)
    {
        return open(location, Options());
    }

    QSqlDatabase connection() const;
    Dialect dialect() const { return m_dialect; }
    bool isPostgres() const { return m_dialect == Dialect::Postgres; }
    // A PostgreSQL database prepared by `certdesk-cli setup`: the server
    // enforces the rules (row-level security, triggers) and the signed-in
    // person is the connection's login (README "Deploying on PostgreSQL").
    bool isSecured() const { return m_secured; }
    // On a secured database: the user whose login this connection uses (0:
    // the login is no active CertDesk user, e.g. the database administrator).
    qint64 serverUserId() const;
    // Looks again whether the server's rules are installed (after setup).
    void detectSecurity();
    // Whether this connection's database is secured (the storage layer's
    // stores ask it, to choose between plain statements and the server's
    // API; see resources/pgsql/api.sql).
    static bool isSecured(const QSqlDatabase &connection);
    // The migrations this database lacks, inside the caller's transaction.
    Status migrateInCurrentTransaction();
    const DatabaseLocation &location() const { return m_location; }

    // Schema version of the open database; latestSchemaVersion() of this program.
    int schemaVersion() const;
    static int latestSchemaVersion();
    Status migrate();
    // True when the schema exists but has no users yet (init has not run).
    bool hasUsers() const;

    // Replaces the dialect tokens of a migration ({{PK}}, {{BLOB}}, {{TS}}, {{DATE}}).
    static QString translateSql(const QString &sql, Dialect dialect);

    // A readable message for a failed statement (connection lost, constraint...).
    static QString describeError(const QSqlError &error);

private:
    Database() = default;
    enum class TransactionMode
    {
        EachOwn, // one transaction per migration
        Caller   // inside the transaction the caller opened
    };
    Status runMigrations(TransactionMode mode);
    int m_migrateUpTo = 0; // Options::upTo
    // The steps of open().
    Status connectPostgres();
    Status connectSqlite(const Options &options);
    // Refuses a newer (or, secured, an older) schema; migrates when asked.
    Status checkSchema(const Options &options);

    QString m_connectionName;
    Dialect m_dialect = Dialect::Sqlite;
    bool m_secured = false;
    bool m_hasApi = false;
    DatabaseLocation m_location;

public:
    // --- A server that goes away ---
    // Whether a failed statement failed because the connection to the server
    // is gone (server restarted, network cut), not because of the statement.
    static bool isConnectionError(const QSqlError &error);
    // The same for a message already made from one (a service's Storage error).
    static bool isConnectionErrorText(const QString &text);
    // Asks the server for nothing (SELECT 1): a Storage error when it fails.
    Status ping();
    // PostgreSQL: whether the connection is gone (a ping fails with a
    // connection error). Always false on SQLite.
    bool isConnectionLost();
    // PostgreSQL: closes and opens the same connection again with the same
    // settings (every copy of connection() uses it again), as open() does.
    Status reconnect();
};
