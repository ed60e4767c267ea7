#include "services/ServerSetup.h"

#include "services/DirectoryService.h"

#include "storage/Sql.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace {

bool roleExists(const QSqlDatabase &db, const QString &name, QString *error)
{
    QSqlQuery q =
        Sql::run(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {name}, error);
    return error->isEmpty() && q.next();
}

// The server.* settings only setup writes (cd_check_setting refuses them to
// members); a value already there is left untouched, so that a second setup
// changes nothing.
QHash<QString, QString> serverSettings(const QSqlDatabase &db, QString *error)
{
    QHash<QString, QString> values;
    QSqlQuery q = Sql::run(
        db, QStringLiteral("SELECT key, value FROM settings WHERE key LIKE 'server.%'"), {}, error);
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toString());
    return values;
}

void storeSetting(const QSqlDatabase &db, const QString &key, const QString &value, QString *error)
{
    if (!error->isEmpty())
        return;
    Sql::run(db,
             QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, now()) "
                            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at "
                            "= EXCLUDED.updated_at WHERE settings.value IS DISTINCT FROM "
                            "EXCLUDED.value"),
             {key, value}, error);
}

// Gives every existing login of the member and relay roles (not the roles
// themselves, never a superuser) the connection limit and statement timeout,
// where it has other ones: role settings do not inherit through membership.
// As the superuser: relay logins are made by the database administrator.
int applyLoginLimits(const QSqlDatabase &db, const ServerRoles &roles, int connectionLimit,
                     const QString &statementTimeout, QString *error)
{
    if (!error->isEmpty())
        return 0;
    QSqlQuery q = Sql::run(
        db,
        QStringLiteral(
            "SELECT r.rolname, r.rolconnlimit, (SELECT substr(c, strpos(c, '=') + 1) FROM "
            "pg_db_role_setting s, unnest(s.setconfig) AS c WHERE s.setrole = r.oid AND "
            "s.setdatabase = 0 AND split_part(c, '=', 1) = 'statement_timeout') FROM pg_roles r "
            "WHERE NOT r.rolsuper AND r.rolname NOT IN (?, ?, ?) AND (pg_has_role(r.oid, ?, "
            "'MEMBER') OR pg_has_role(r.oid, ?, 'MEMBER')) ORDER BY r.rolname"),
        {roles.owner, roles.member, roles.relay, roles.member, roles.relay}, error);
    struct Login
    {
        QString name;
        bool limit;
        bool timeout;
    };
    QList<Login> logins;
    while (q.next()) {
        const bool limit = q.value(1).toInt() != connectionLimit;
        const bool timeout = q.value(2).toString() != statementTimeout;
        if (limit || timeout)
            logins.append({q.value(0).toString(), limit, timeout});
    }
    q.finish();
    for (const Login &login : std::as_const(logins)) {
        const QString name = Sql::quotedIdentifier(login.name);
        if (login.limit && error->isEmpty())
            Sql::run(
                db,
                QStringLiteral("ALTER ROLE %1 CONNECTION LIMIT %2").arg(name).arg(connectionLimit),
                {}, error);
        if (login.timeout && error->isEmpty())
            Sql::run(db,
                     QStringLiteral("ALTER ROLE %1 SET statement_timeout = %2")
                         .arg(name, Sql::quotedLiteral(statementTimeout)),
                     {}, error);
    }
    return error->isEmpty() ? int(logins.size()) : 0;
}
} // namespace

QString ServerSetup::checkConnectionLimit(int limit)
{
    if (limit < 1 || limit > MaxConnectionLimit)
        return tr("%1 is not a connection limit: give a whole number of connections from 1 to %2.")
            .arg(limit)
            .arg(MaxConnectionLimit);
    return {};
}

QString ServerSetup::checkStatementTimeout(const QString &duration, QString *normalized)
{
    // PostgreSQL's own syntax for a time setting (units are case-sensitive);
    // fractions, microseconds and 0 (no timeout) are not offered.
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]{1,9})\\s*(ms|s|min|h|d)?\\s*$"));
    const QRegularExpressionMatch match = pattern.match(duration);
    const qint64 number = match.hasMatch() ? match.captured(1).toLongLong() : 0;
    QString unit = match.captured(2);
    if (unit.isEmpty())
        unit = QStringLiteral("ms");
    const qint64 factor = unit == QLatin1String("d")     ? 86400000
                          : unit == QLatin1String("h")   ? 3600000
                          : unit == QLatin1String("min") ? 60000
                          : unit == QLatin1String("s")   ? 1000
                                                         : 1;
    const qint64 ms = number * factor;
    if (!match.hasMatch() || ms < 100 || ms > 86400000)
        return tr("\"%1\" is not a statement timeout: give a whole number and a unit as "
                  "PostgreSQL writes them (1500ms, 60s, 5min, 1h), from 100ms to 24h.")
            .arg(duration);
    if (normalized)
        *normalized = QString::number(number) + unit;
    return {};
}

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
    // The rules, then the API that members and relays call (it replaces the
    // privileges and the member policies of the tables with hidden rows).
    const QString rules = script(QStringLiteral("security.sql"), roles);
    const QString api = script(QStringLiteral("api.sql"), roles);
    return rules.isEmpty() || api.isEmpty() ? QString() : rules + QLatin1Char('\n') + api;
}

QString ServerSetup::script(const QString &fileName, const ServerRoles &roles)
{
    QFile file(QStringLiteral(":/pgsql/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return fillRoles(QString::fromUtf8(file.readAll()), roles);
}

QString ServerSetup::fillRoles(QString script, const ServerRoles &roles)
{
    script.replace(QLatin1String("{{OWNER}}"), Sql::quotedIdentifier(roles.owner));
    script.replace(QLatin1String("{{MEMBER}}"), Sql::quotedIdentifier(roles.member));
    script.replace(QLatin1String("{{RELAY}}"), Sql::quotedIdentifier(roles.relay));
    script.replace(QLatin1String("{{OWNER_NAME}}"), Sql::quotedLiteral(roles.owner));
    script.replace(QLatin1String("{{MEMBER_NAME}}"), Sql::quotedLiteral(roles.member));
    script.replace(QLatin1String("{{RELAY_NAME}}"), Sql::quotedLiteral(roles.relay));
    return script;
}

namespace {
// Runs statements one after another until one fails; the first error stays.
class Steps
{
public:
    explicit Steps(const QSqlDatabase &db) : m_db(db) {}
    void exec(const QString &sql)
    {
        if (m_error.isEmpty())
            Sql::run(m_db, sql, {}, &m_error);
    }
    QSqlDatabase &db() { return m_db; }
    QString &error() { return m_error; }
    bool ok() const { return m_error.isEmpty(); }

private:
    QSqlDatabase m_db;
    QString m_error;
};

Error setupFailed(const QString &error)
{
    return makeError(ErrorKind::Storage, QCoreApplication::translate(
                                             "ServerSetup", "setup failed, nothing was changed: %1")
                                             .arg(error));
}

// The three roles, the database's and the schemas' grants, and the tables
// written before setup (by a superuser) given to the owner; then acts as it.
void prepareRoles(Steps &steps, const ServerRoles &roles, const QString &dbName)
{
    const QString owner = Sql::quotedIdentifier(roles.owner);
    const QString member = Sql::quotedIdentifier(roles.member);
    const QString relay = Sql::quotedIdentifier(roles.relay);
    if (!roleExists(steps.db(), roles.owner, &steps.error()))
        steps.exec(QStringLiteral("CREATE ROLE %1 NOLOGIN CREATEROLE").arg(owner));
    for (const QString &role : {roles.member, roles.relay}) {
        if (steps.ok() && !roleExists(steps.db(), role, &steps.error()))
            steps.exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(Sql::quotedIdentifier(role)));
    }
    const QString database = Sql::quotedIdentifier(dbName);
    steps.exec(QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(database));
    steps.exec(
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2, %3").arg(database, member, relay));
    steps.exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(database, owner));
    steps.exec(QStringLiteral("ALTER SCHEMA public OWNER TO %1").arg(owner));
    steps.exec(QStringLiteral("REVOKE ALL ON SCHEMA public FROM PUBLIC"));
    steps.exec(QStringLiteral("GRANT USAGE ON SCHEMA public TO %1, %2").arg(member, relay));
    // The server's API (resources/pgsql/api.sql) lives in its own schema.
    steps.exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS cd_api AUTHORIZATION %1").arg(owner));
    steps.exec(QStringLiteral("ALTER SCHEMA cd_api OWNER TO %1").arg(owner));
    steps.exec(QStringLiteral("REVOKE ALL ON SCHEMA cd_api FROM PUBLIC"));
    if (steps.ok()) {
        QSqlQuery tables = Sql::run(steps.db(),
                                    QStringLiteral("SELECT c.relname FROM pg_class c JOIN "
                                                   "pg_namespace n ON n.oid = c.relnamespace "
                                                   "WHERE n.nspname = 'public' AND c.relkind ="
                                                   " 'r' AND pg_get_userbyid(c.relowner) "
                                                   "<> ?"),
                                    {roles.owner}, &steps.error());
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        tables.finish();
        for (const QString &name : std::as_const(names))
            steps.exec(QStringLiteral("ALTER TABLE %1 OWNER TO %2")
                           .arg(Sql::quotedIdentifier(name), owner));
    }
    steps.exec(QStringLiteral("SET LOCAL client_min_messages = warning"));
    steps.exec(QStringLiteral("SET LOCAL ROLE %1").arg(owner));
}
} // namespace

Status ServerSetup::checkOptions(const ServerSetupOptions &options, QString *statementTimeout)
{
    if (options.connectionLimit != 0) {
        if (const QString e = checkConnectionLimit(options.connectionLimit); !e.isEmpty())
            return makeError(ErrorKind::Invalid, e);
    }
    if (!options.statementTimeout.isEmpty()) {
        if (const QString e = checkStatementTimeout(options.statementTimeout, statementTimeout);
            !e.isEmpty())
            return makeError(ErrorKind::Invalid, e);
    }
    return Done{};
}

Result<QString> ServerSetup::superuserDatabase(const QSqlDatabase &db)
{
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
    return q.value(1).toString();
}

Status ServerSetup::applyRules(Database &database, const ServerRoles &roles)
{
    // The migrations, as the owner (Database::migrate commits nothing while
    // this transaction is open: QSqlDatabase transactions do not nest, so
    // the statements are run here).
    const Status migrated = database.migrateInCurrentTransaction();
    if (!migrated)
        return setupFailed(migrated.message());
    const QString script = securityScript(roles);
    if (script.isEmpty())
        return makeError(ErrorKind::Storage, tr("The server's rules are missing from CertDesk."));
    Steps steps(database.connection());
    for (const QString &statement : splitScript(script)) {
        steps.exec(statement);
        if (!steps.ok())
            return makeError(ErrorKind::Storage, tr("setup failed, nothing was changed: %1\n%2")
                                                     .arg(steps.error(), statement.left(200)));
    }
    return Done{};
}

Status ServerSetup::storeServerSettings(const QSqlDatabase &db, const ServerSetupOptions &options,
                                        const QString &statementTimeout, ServerSetupReport &report)
{
    QString error;
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
    // The logins' limits: given now, else as the last setup chose, else the
    // defaults (a value that does not parse counts as none).
    const QHash<QString, QString> stored = serverSettings(db, &error);
    report.connectionLimit = options.connectionLimit;
    if (report.connectionLimit == 0) {
        bool ok = false;
        const int limit = stored.value(QStringLiteral("server.connection-limit")).toInt(&ok);
        report.connectionLimit =
            ok && checkConnectionLimit(limit).isEmpty() ? limit : DefaultConnectionLimit;
    }
    report.statementTimeout = statementTimeout;
    if (report.statementTimeout.isEmpty() &&
        !checkStatementTimeout(stored.value(QStringLiteral("server.statement-timeout")),
                               &report.statementTimeout)
             .isEmpty())
        report.statementTimeout = defaultStatementTimeout();
    report.hardened = options.hardenServer ||
                      stored.value(QStringLiteral("server.hardened")) == QLatin1String("on");
    storeSetting(db, QStringLiteral("server.connection-limit"),
                 QString::number(report.connectionLimit), &error);
    storeSetting(db, QStringLiteral("server.statement-timeout"), report.statementTimeout, &error);
    if (report.hardened)
        storeSetting(db, QStringLiteral("server.hardened"), QStringLiteral("on"), &error);
    if (!error.isEmpty())
        return setupFailed(error);
    return Done{};
}

Result<ServerSetupReport> ServerSetup::run(Database &database, const ServerSetupOptions &options)
{
    if (!database.isPostgres())
        return makeError(ErrorKind::Invalid,
                         tr("setup prepares a PostgreSQL database; a SQLite file needs only "
                            "'certdesk-cli init'."));
    QString statementTimeout;
    if (const Status ok = checkOptions(options, &statementTimeout); !ok)
        return ok.error();
    QSqlDatabase db = database.connection();
    const auto dbName = superuserDatabase(db);
    if (!dbName)
        return dbName.error();

    ServerSetupReport report;
    report.roles = rolesFor(dbName.value());
    const ServerRoles &roles = report.roles;
    report.schemaBefore = database.schemaVersion();

    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    Steps steps(db);
    prepareRoles(steps, roles, dbName.value());
    if (!steps.ok())
        return setupFailed(steps.error());
    if (const Status ok = applyRules(database, roles); !ok)
        return ok.error();
    if (const Status ok = storeServerSettings(db, options, statementTimeout, report); !ok)
        return ok.error();
    steps.exec(QStringLiteral("RESET ROLE"));
    if (!steps.ok())
        return setupFailed(steps.error());
    if (const Status ok = finishAsSuperuser(database, options, report); !ok)
        return ok.error();
    if (!tx.commit())
        return setupFailed(tx.error());
    report.schemaAfter = database.schemaVersion();
    return report;
}

Status ServerSetup::finishAsSuperuser(Database &database, const ServerSetupOptions &options,
                                      ServerSetupReport &report)
{
    QSqlDatabase db = database.connection();
    const ServerRoles &roles = report.roles;
    Steps steps(db);
    // As the superuser: pg_catalog's grants (large objects always, the
    // activity statistics when hardened), then the logins made before.
    QStringList catalogueScripts{QStringLiteral("large_objects.sql")};
    if (report.hardened)
        catalogueScripts << QStringLiteral("harden.sql");
    for (const QString &name : std::as_const(catalogueScripts)) {
        const QString text = ServerSetup::script(name, roles);
        if (text.isEmpty())
            return makeError(ErrorKind::Storage,
                             tr("The server's rules are missing from CertDesk (%1).").arg(name));
        const QStringList parts = splitScript(text);
        for (const QString &statement : parts) {
            steps.exec(statement);
            if (!steps.ok())
                return makeError(ErrorKind::Storage, tr("setup failed, nothing was changed: %1\n%2")
                                                         .arg(steps.error(), statement.left(200)));
        }
    }
    report.loginsUpdated = applyLoginLimits(db, roles, report.connectionLimit,
                                            report.statementTimeout, &steps.error());
    if (!steps.ok())
        return setupFailed(steps.error());
    // The first admin below gets a server login, as every later user will.
    database.detectSecurity();

    if (!options.adminEmail.isEmpty()) {
        DirectoryService directory(database);
        const auto admin = directory.createFirstAdminInTransaction(
            options.adminEmail, options.adminName, options.adminPassword);
        if (!admin)
            return admin.error();
        report.admin = admin.value();
        report.adminLogin = report.loginPrefix + report.admin->email;
    }
    return Done{};
}
