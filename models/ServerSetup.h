#pragma once

#include "Database.h"
#include "Domain.h"
#include "Result.h"

#include <QCoreApplication>

// `certdesk-cli setup` on PostgreSQL (issue 5; README "Deploying on
// PostgreSQL"): run once, and again after each upgrade, by a database
// administrator (a superuser) connected to the CertDesk database. It creates
// the roles (the owner, which cannot log in; the member role every person's
// login belongs to; the relay role of email relays), gives the schema to the
// owner, applies the migrations as the owner, then the server's rules
// (resources/pgsql/security.sql), and creates the first platform admin as a
// login. Everything is in one transaction: a failure changes nothing.
struct ServerSetupOptions
{
    // The first platform admin (only when the database has no user yet).
    QString adminEmail;
    QString adminName;
    QString adminPassword;
    // Put before every login's email (for several CertDesk databases on one
    // server); empty: the login is the email address.
    QString loginPrefix;
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
};

class ServerSetup
{
    Q_DECLARE_TR_FUNCTIONS(ServerSetup)

public:
    // The role names for a database: <database>_owner, _member, _relay.
    static ServerRoles rolesFor(const QString &databaseName);
    // db: opened without migrating, as a superuser.
    static Result<ServerSetupReport> run(Database &db, const ServerSetupOptions &options);
    // The server's rules with the role names filled in (for tests and docs).
    static QString securityScript(const ServerRoles &roles);
    // Splits a script at lines ending in ';' outside $$ bodies.
    static QStringList splitScript(const QString &script);
};
