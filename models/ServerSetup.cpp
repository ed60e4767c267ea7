#include "ServerSetup.h"

#include "DirectoryService.h"

#include <QFile>
#include <QSqlDriver>

namespace {
QString identifier(const QSqlDatabase &db, const QString &name)
{
    return db.driver()->escapeIdentifier(name, QSqlDriver::TableName);
}

QString literal(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

bool roleExists(const QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery q =
        Sql::run(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {name}, error);
    return error->isEmpty() && q.next();
}
} // namespace

ServerRoles ServerSetup::rolesFor(const QString &databaseName)
{
    // Role names are at most 63 bytes: the suffix always fits.
    const QString base = databaseName.left(50);
    return {base + QStringLiteral("_owner"), base + QStringLiteral("_member"),
            base + QStringLiteral("_relay")};
}

QStringList ServerSetup::splitScript(const QString &script)
{
    QStringList statements;
    QString current;
    bool inBody = false;
    const auto lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (!inBody && (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty()))
            continue;
        current += line + QLatin1Char('\n');
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inBody = !inBody;
        if (!inBody && trimmed.endsWith(QLatin1Char(';'))) {
            statements << current.trimmed().chopped(1);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

QString ServerSetup::securityScript(const ServerRoles &roles)
{
    QFile file(QStringLiteral(":/pgsql/security.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    QString script = QString::fromUtf8(file.readAll());
    const auto quoted = [](const QString &name) -> QString {
        QString escaped = name;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + escaped + QLatin1Char('"');
    };
    script.replace(QLatin1String("{{OWNER}}"), quoted(roles.owner));
    script.replace(QLatin1String("{{MEMBER}}"), quoted(roles.member));
    script.replace(QLatin1String("{{RELAY}}"), quoted(roles.relay));
    script.replace(QLatin1String("{{OWNER_NAME}}"), literal(roles.owner));
    script.replace(QLatin1String("{{MEMBER_NAME}}"), literal(roles.member));
    script.replace(QLatin1String("{{RELAY_NAME}}"), literal(roles.relay));
    return script;
}

Result<ServerSetupReport> ServerSetup::run(Database &database, const ServerSetupOptions &options)
{
    if (!database.isPostgres())
        return makeError(ErrorKind::Invalid,
                         tr("setup prepares a PostgreSQL database; a SQLite file needs only "
                            "'certdesk-cli init'."));
    QSqlDatabase db = database.connection();
    QString error;
    QSqlQuery q = Sql::run(db,
                           QStringLiteral("SELECT rolsuper, current_database() FROM pg_roles "
                                          "WHERE rolname = current_user"),
                           {}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    if (!q.value(0).toBool())
        return makeError(ErrorKind::Refused,
                         tr("setup must be run by a database superuser (such as postgres): it "
                            "creates roles and gives the schema to CertDesk's owner role."));
    const QString dbName = q.value(1).toString();
    q.finish();

    ServerSetupReport report;
    report.roles = rolesFor(dbName);
    const ServerRoles &roles = report.roles;
    report.schemaBefore = database.schemaVersion();

    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    const auto exec = [&](const QString &sql) {
        if (error.isEmpty())
            Sql::run(db, sql, {}, &error);
    };
    const QString owner = identifier(db, roles.owner);
    const QString member = identifier(db, roles.member);
    const QString relay = identifier(db, roles.relay);
    if (!roleExists(db, roles.owner, &error))
        exec(QStringLiteral("CREATE ROLE %1 NOLOGIN CREATEROLE").arg(owner));
    if (error.isEmpty() && !roleExists(db, roles.member, &error))
        exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(member));
    if (error.isEmpty() && !roleExists(db, roles.relay, &error))
        exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(relay));
    const QString database_ = identifier(db, dbName);
    exec(QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(database_));
    exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2, %3").arg(database_, member, relay));
    exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(database_, owner));
    exec(QStringLiteral("ALTER SCHEMA public OWNER TO %1").arg(owner));
    exec(QStringLiteral("REVOKE ALL ON SCHEMA public FROM PUBLIC"));
    exec(QStringLiteral("GRANT USAGE ON SCHEMA public TO %1, %2").arg(member, relay));
    // Tables written before setup (by a superuser) become the owner's.
    if (error.isEmpty()) {
        QSqlQuery tables = Sql::run(db,
                                    QStringLiteral("SELECT c.relname FROM pg_class c JOIN "
                                                   "pg_namespace n ON n.oid = c.relnamespace "
                                                   "WHERE n.nspname = 'public' AND c.relkind ="
                                                   " 'r' AND pg_get_userbyid(c.relowner) "
                                                   "<> ?"),
                                    {roles.owner}, &error);
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        tables.finish();
        for (const QString &name : std::as_const(names))
            exec(QStringLiteral("ALTER TABLE %1 OWNER TO %2").arg(identifier(db, name), owner));
    }
    exec(QStringLiteral("SET LOCAL client_min_messages = warning"));
    exec(QStringLiteral("SET LOCAL ROLE %1").arg(owner));
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage,
                         tr("setup failed, nothing was changed: %1").arg(error));

    // The migrations, as the owner (Database::migrate commits nothing while
    // this transaction is open: QSqlDatabase transactions do not nest, so
    // the statements are run here).
    const Status migrated = database.migrateInCurrentTransaction();
    if (!migrated)
        return makeError(ErrorKind::Storage,
                         tr("setup failed, nothing was changed: %1").arg(migrated.message()));
    const QString script = securityScript(roles);
    if (script.isEmpty())
        return makeError(ErrorKind::Storage, tr("The server's rules are missing from CertDesk."));
    const QStringList statements = splitScript(script);
    for (const QString &statement : statements) {
        exec(statement);
        if (!error.isEmpty())
            return makeError(
                ErrorKind::Storage,
                tr("setup failed, nothing was changed: %1\n%2").arg(error, statement.left(200)));
    }
    // The login prefix is the server's, chosen at the first setup only
    // (the logins already made carry it).
    QSqlQuery prefix =
        Sql::run(db, QStringLiteral("SELECT value FROM settings WHERE key = 'server.login-prefix'"),
                 {}, &error);
    if (prefix.next()) {
        const QString current = prefix.value(0).toString();
        if (!options.loginPrefix.isEmpty() && options.loginPrefix != current)
            return makeError(ErrorKind::Refused,
                             tr("This database's logins already start with \"%1\"; the prefix "
                                "cannot change. Nothing was changed.")
                                 .arg(current));
        report.loginPrefix = current;
    } else {
        report.loginPrefix = options.loginPrefix;
        Sql::run(db,
                 QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                                "('server.login-prefix', COALESCE(?, ''), now())"),
                 {options.loginPrefix}, &error);
    }
    prefix.finish();
    exec(QStringLiteral("RESET ROLE"));
    // The first admin below gets a server login, as every later user will.
    if (error.isEmpty())
        database.detectSecurity();
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage,
                         tr("setup failed, nothing was changed: %1").arg(error));

    if (!options.adminEmail.isEmpty()) {
        DirectoryService directory(database);
        const auto admin = directory.createFirstAdminInTransaction(
            options.adminEmail, options.adminName, options.adminPassword);
        if (!admin)
            return admin.error();
        report.admin = admin.value();
        report.adminLogin = report.loginPrefix + report.admin->email;
    }
    if (!tx.commit())
        return makeError(ErrorKind::Storage,
                         tr("setup failed, nothing was changed: %1").arg(tx.error()));
    report.schemaAfter = database.schemaVersion();
    return report;
}
