#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QCoreApplication>

// `certdesk-cli setup` on PostgreSQL (README "Deploying on
// PostgreSQL"): run once, and again after each upgrade, by a database
// administrator (a superuser) connected to the CertDesk database. It creates
// the roles (the owner, which cannot log in; the member role every person's
// login belongs to; the relay role of email relays), gives the schema to the
// owner, applies the migrations as the owner, then the server's rules
// (resources/pgsql/security.sql), takes the large-object functions away from
// PUBLIC (large_objects.sql), optionally the activity statistics
// (harden.sql), gives every login its connection limit and statement
// timeout, and creates the first platform admin as a login. Everything is in
// one transaction: a failure changes nothing; run twice, nothing changes.
struct ServerSetupOptions
{
    // The first platform admin (only when the database has no user yet).
    QString adminEmail;
    QString adminName;
    QString adminPassword;
    // Put before every login's email (for several CertDesk databases on one
    // server); empty: the login is the email address.
    QString loginPrefix;
    // Every person's login and every relay login: at most this many
    // connections at once, and statements cancelled after this long (a
    // PostgreSQL duration: 1500ms, 60s, 5min, 1h). 0 and empty: what the
    // last setup chose (settings server.connection-limit and
    // server.statement-timeout), the defaults at the first.
    int connectionLimit = 0;
    QString statementTimeout;
    // Revoke from PUBLIC, in this database, the catalogue views and functions
    // that show other sessions' activity (resources/pgsql/harden.sql). Once
    // done (setting server.hardened), every later setup does it again.
    bool hardenServer = false;
};

struct ServerRoles
{
    QString owner;
    QString member;
    QString relay;
};

struct ServerSetupReport
{
    ServerRoles roles;
    QString loginPrefix;
    int schemaBefore = 0;
    int schemaAfter = 0;
    std::optional<User> admin; // created now
    QString adminLogin;
    int connectionLimit = 0;
    QString statementTimeout; // as stored: digits and a unit ("60s")
    bool hardened = false;
    int loginsUpdated = 0; // existing logins whose limits this run changed
};

class ServerSetup
{
    Q_DECLARE_TR_FUNCTIONS(ServerSetup)

public:
    static constexpr int DefaultConnectionLimit = 10;
    static constexpr int MaxConnectionLimit = 10000;
    static QString defaultStatementTimeout() { return QStringLiteral("60s"); }

    // Empty when fine, else what is wrong (for the CLI and the options).
    static QString checkConnectionLimit(int limit);
    // A whole number and a unit as PostgreSQL writes them (ms, s, min, h, d;
    // none: milliseconds), from 100ms to 24h. normalized: the value as stored
    // and given to ALTER ROLE ("60 s" -> "60s", "1500" -> "1500ms").
    static QString checkStatementTimeout(const QString &duration, QString *normalized = nullptr);

    // The role names for a database: <database>_owner, _member, _relay.
    static ServerRoles rolesFor(const QString &databaseName);
    // db: opened without migrating, as a superuser.
    static Result<ServerSetupReport> run(Database &db, const ServerSetupOptions &options);
    // The server's rules with the role names filled in (for tests and docs).
    static QString securityScript(const ServerRoles &roles);
    // A script of resources/pgsql ("harden.sql") with the role names filled in.
    static QString script(const QString &fileName, const ServerRoles &roles);
    // A script's tokens ({{OWNER}}, {{MEMBER_NAME}}, ...) replaced by the
    // role names, quoted as identifiers or as literals.
    static QString fillRoles(QString script, const ServerRoles &roles);
    // Splits a script at lines ending in ';' outside $$ bodies.
    static QStringList splitScript(const QString &script);

private:
    // The steps of run(), in its one transaction.
    static Status checkOptions(const ServerSetupOptions &options, QString *statementTimeout);
    // The database's name, when the connection's login is a superuser.
    static Result<QString> superuserDatabase(const QSqlDatabase &db);
    // As the owner: the migrations and the rules (security.sql, api.sql).
    static Status applyRules(Database &database, const ServerRoles &roles);
    // The login prefix and the logins' limits, kept in the settings table.
    static Status storeServerSettings(const QSqlDatabase &db, const ServerSetupOptions &options,
                                      const QString &statementTimeout, ServerSetupReport &report);
    // As the superuser: pg_catalog's grants, the logins' limits, the first admin.
    static Status finishAsSuperuser(Database &database, const ServerSetupOptions &options,
                                    ServerSetupReport &report);
};
