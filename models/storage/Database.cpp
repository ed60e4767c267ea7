#include "storage/Database.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QTimeZone>

#include <optional>

namespace {
QAtomicInt g_connectionCounter;

// The names of the connections whose database is secured (Database::isSecured).
QMutex g_securedMutex;
QSet<QString> g_secured;

void markSecured(const QString &connectionName, bool secured)
{
    const QMutexLocker lock(&g_securedMutex);
    if (secured)
        g_secured.insert(connectionName);
    else
        g_secured.remove(connectionName);
}

struct Migration
{
    int version;
    QString name;
    QString path;
};

QList<Migration> availableMigrations()
{
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/sql"));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_([a-z0-9_]+)\\.sql$"));
    const auto entries = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &entry : entries) {
        const auto match = pattern.match(entry);
        if (match.hasMatch())
            list.append({match.captured(1).toInt(), match.captured(2), dir.filePath(entry)});
    }
    return list;
}

QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    const auto lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements << current.trimmed().chopped(1);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}
// A statement that starts with {{SQLITE}} or {{PGSQL}} runs on that dialect
// only: the token is removed, and false says to skip the statement here.
bool forThisDialect(QString *statement, Database::Dialect dialect)
{
    static const QLatin1String sqlite("{{SQLITE}}");
    static const QLatin1String pgsql("{{PGSQL}}");
    if (statement->startsWith(sqlite)) {
        *statement = statement->mid(sqlite.size()).trimmed();
        return dialect == Database::Dialect::Sqlite;
    }
    if (statement->startsWith(pgsql)) {
        *statement = statement->mid(pgsql.size()).trimmed();
        return dialect == Database::Dialect::Postgres;
    }
    return true;
}

void bumpSchemaCookie(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q = Sql::run(db, QStringLiteral("PRAGMA schema_version"), {}, error);
    if (!error->isEmpty() || !q.next()) {
        if (error->isEmpty())
            *error = QStringLiteral("no schema_version");
        return;
    }
    const qint64 cookie = q.value(0).toLongLong();
    q.finish();
    Sql::run(db, QStringLiteral("PRAGMA schema_version = %1").arg(cookie + 1), {}, error);
}
} // namespace

Database::~Database()
{
    if (m_connectionName.isEmpty())
        return;
    markSecured(m_connectionName, false);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseLocation &location,
                                                 const Options &options)
{
    std::unique_ptr<Database> self(new Database);
    self->m_location = location;
    self->m_connectionName =
        QStringLiteral("certdesk-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    const Status connected =
        location.isPostgres() ? self->connectPostgres() : self->connectSqlite(options);
    if (!connected)
        return connected.error();
    if (const Status ok = self->checkSchema(options); !ok)
        return ok.error();
    return self;
}

Status Database::connectPostgres()
{
    const DatabaseLocation &location = m_location;
    m_dialect = Dialect::Postgres;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!db.isValid())
        return makeError(ErrorKind::Storage,
                         tr("The PostgreSQL driver (QPSQL) is not installed: install "
                            "libqt6sql6-psql."));
    db.setHostName(location.host());
    db.setPort(location.port());
    db.setUserName(location.user());
    db.setDatabaseName(location.databaseName());
    if (!location.password().isEmpty())
        db.setPassword(location.password());
    QString opts = location.connectOptions();
    if (!opts.contains(QLatin1String("connect_timeout")))
        opts += (opts.isEmpty() ? QString() : QStringLiteral(";")) +
                QStringLiteral("connect_timeout=10");
    // A network cut is noticed within seconds, not after the system's TCP
    // timeout (the connection watch pings on the GUI thread).
    for (const char *option : {"keepalives_idle=10", "keepalives_interval=5", "keepalives_count=3",
                               "tcp_user_timeout=15000"}) {
        const QString text = QString::fromLatin1(option);
        if (!opts.contains(text.section(QLatin1Char('='), 0, 0)))
            opts += (opts.isEmpty() ? QString() : QStringLiteral(";")) + text;
    }
    db.setConnectOptions(opts);
    if (!db.open())
        return makeError(ErrorKind::Storage,
                         tr("Could not connect to %1: %2")
                             .arg(location.displayName(), describeError(db.lastError())));
    QString error;
    // Dates and times travel as UTC; messages stay in English for the log.
    Sql::run(db, QStringLiteral("SET TIME ZONE 'UTC'"), {}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return Done{};
}

Status Database::connectSqlite(const Options &options)
{
    const DatabaseLocation &location = m_location;
    m_dialect = Dialect::Sqlite;
    const QFileInfo info(location.path());
    if (!info.exists()) {
        if (!options.create)
            return makeError(ErrorKind::NotFound,
                             tr("There is no database at %1.").arg(location.displayName()));
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(ErrorKind::Storage,
                             tr("Could not create the folder %1.").arg(info.absolutePath()));
    } else if (info.isDir()) {
        return makeError(ErrorKind::Invalid,
                         tr("%1 is a folder, not a database file.").arg(location.displayName()));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(location.path());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return makeError(
            ErrorKind::Storage,
            tr("Could not open %1: %2").arg(location.displayName(), describeError(db.lastError())));
    QString error;
    for (const char *pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        Sql::run(db, QString::fromLatin1(pragma), {}, &error);
        if (!error.isEmpty()) {
            return makeError(ErrorKind::Storage,
                             tr("%1 is not a CertDesk database (or it is damaged): %2")
                                 .arg(location.displayName(), error));
        }
    }
    return Done{};
}

Status Database::checkSchema(const Options &options)
{
    const DatabaseLocation &location = m_location;
    const int version = schemaVersion();
    if (version < 0)
        return makeError(
            ErrorKind::Storage,
            tr("%1 is not a CertDesk database (or it is damaged).").arg(location.displayName()));
    if (version > latestSchemaVersion())
        return makeError(ErrorKind::Refused,
                         tr("%1 was written by a newer CertDesk (schema version %2; this "
                            "program knows up to version %3). Install a newer CertDesk to "
                            "open it; nothing was changed.")
                             .arg(location.displayName())
                             .arg(version)
                             .arg(latestSchemaVersion()));
    if (m_dialect == Dialect::Postgres) {
        detectSecurity();
        if (m_secured && !m_hasApi && options.migrate)
            return makeError(ErrorKind::Refused,
                             tr("%1 was prepared by an older CertDesk: ask the database "
                                "administrator to run 'certdesk-cli setup' with this version. "
                                "Nothing was changed.")
                                 .arg(location.displayName()));
        if (m_secured && options.migrate && version < latestSchemaVersion())
            return makeError(ErrorKind::Refused,
                             tr("%1 has an older schema (version %2) than this CertDesk (version "
                                "%3): ask the database administrator to run 'certdesk-cli setup' "
                                "with this version. Nothing was changed.")
                                 .arg(location.displayName())
                                 .arg(version)
                                 .arg(latestSchemaVersion()));
    }
    m_migrateUpTo = options.upTo;
    if (options.migrate && version < latestSchemaVersion()) {
        const Status status = migrate();
        if (!status)
            return status.error();
    }
    return Done{};
}

void Database::detectSecurity()
{
    m_secured = false;
    m_hasApi = false;
    if (m_dialect != Dialect::Postgres)
        return;
    QString error;
    QSqlQuery q = Sql::run(connection(),
                           QStringLiteral("SELECT to_regproc('public.cd_me') IS NOT NULL, "
                                          "to_regproc('cd_api.me') IS NOT NULL"),
                           {}, &error);
    if (error.isEmpty() && q.next()) {
        m_secured = q.value(0).toBool();
        m_hasApi = q.value(1).toBool();
    }
    markSecured(m_connectionName, m_secured);
}

bool Database::isSecured(const QSqlDatabase &connection)
{
    const QMutexLocker lock(&g_securedMutex);
    return g_secured.contains(connection.connectionName());
}

Status Database::migrateInCurrentTransaction()
{
    return runMigrations(TransactionMode::Caller);
}

qint64 Database::serverUserId() const
{
    if (!m_secured)
        return 0;
    QString error;
    QSqlQuery q = Sql::run(connection(), QStringLiteral("SELECT cd_api.me()"), {}, &error);
    return error.isEmpty() && q.next() ? q.value(0).toLongLong() : 0;
}

int Database::latestSchemaVersion()
{
    const auto list = availableMigrations();
    return list.isEmpty() ? 0 : list.constLast().version;
}

int Database::schemaVersion() const
{
    QSqlDatabase db = connection();
    QString error;
    // Is there a schema_version table at all?
    const QString probe =
        m_dialect == Dialect::Postgres
            ? QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                             "WHERE table_schema = current_schema() AND table_name = "
                             "'schema_version'")
            : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                             "'schema_version'");
    QSqlQuery q = Sql::run(db, probe, {}, &error);
    if (!error.isEmpty() || !q.next())
        return -1;
    if (q.value(0).toInt() == 0) {
        if (m_dialect == Dialect::Sqlite) {
            // A file with other tables but no schema_version is not ours.
            QSqlQuery any =
                Sql::run(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), {}, &error);
            if (!error.isEmpty() || !any.next() || any.value(0).toInt() > 0)
                return -1;
        }
        return 0;
    }
    q = Sql::run(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"), {},
                 &error);
    if (!error.isEmpty() || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Database::hasUsers() const
{
    QString error;
    QSqlQuery q = Sql::run(connection(), QStringLiteral("SELECT COUNT(*) FROM users"), {}, &error);
    return error.isEmpty() && q.next() && q.value(0).toLongLong() > 0;
}

Status Database::migrate()
{
    return runMigrations(TransactionMode::EachOwn);
}

// The one migration loop: every migration newer than the schema, in order,
// with its row in schema_version. EachOwn: one transaction per migration
// (a failure keeps the ones before it); Caller: inside the caller's
// transaction (setup), which then changes nothing on a failure.
Status Database::runMigrations(TransactionMode mode)
{
    QSqlDatabase db = connection();
    QString error;
    Sql::run(db,
             translateSql(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                         "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                         "applied_at {{TS}} NOT NULL)"),
                          m_dialect),
             {}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage,
                         tr("Could not prepare the database for its schema: %1").arg(error));
    const int current = schemaVersion();
    const auto migrations = availableMigrations();
    for (const Migration &m : migrations) {
        if (m.version <= current || (m_migrateUpTo > 0 && m.version > m_migrateUpTo))
            continue;
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorKind::Storage, tr("Migration %1 is missing.").arg(m.path));
        std::optional<Transaction> tx;
        if (mode == TransactionMode::EachOwn) {
            tx.emplace(db);
            if (!tx->isActive())
                return makeError(ErrorKind::Storage, tx->error());
        }
        const QStringList statements =
            splitStatements(translateSql(QString::fromUtf8(file.readAll()), m_dialect));
        bool editedSchema = false;
        for (QString statement : statements) {
            if (!forThisDialect(&statement, m_dialect))
                continue;
            editedSchema = editedSchema || statement.contains(QLatin1String("writable_schema"));
            Sql::run(db, statement, {}, &error);
            if (!error.isEmpty())
                return makeError(
                    ErrorKind::Storage,
                    (tx ? tr("Schema migration %1 (%2) failed, nothing was changed: %3")
                        : tr("Schema migration %1 (%2) failed: %3"))
                        .arg(m.version)
                        .arg(m.name, error));
        }
        // SQLite: a table's definition edited in place (writable_schema)
        // reaches the other connections only with a new schema cookie.
        if (editedSchema && error.isEmpty())
            bumpSchemaCookie(db, &error);
        if (!error.isEmpty())
            return makeError(
                ErrorKind::Storage,
                tr("Schema migration %1 (%2) failed: %3").arg(m.version).arg(m.name, error));
        Sql::run(db,
                 QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES "
                                "(?, ?, ?)"),
                 {m.version, m.name, Sql::now()}, &error);
        if (!error.isEmpty() || (tx && !tx->commit()))
            return makeError(ErrorKind::Storage, tr("Schema migration %1 could not be recorded: %2")
                                                     .arg(m.version)
                                                     .arg(error.isEmpty() ? tx->error() : error));
    }
    return Done{};
}

QString Database::translateSql(const QString &sql, Dialect dialect)
{
    QString out = sql;
    if (dialect == Dialect::Postgres) {
        out.replace(QLatin1String("{{PK}}"),
                    QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
        out.replace(QLatin1String("{{BLOB}}"), QLatin1String("BYTEA"));
        out.replace(QLatin1String("{{TS}}"), QLatin1String("TIMESTAMPTZ"));
        out.replace(QLatin1String("{{DATE}}"), QLatin1String("DATE"));
    } else {
        out.replace(QLatin1String("{{PK}}"), QLatin1String("INTEGER PRIMARY KEY"));
        out.replace(QLatin1String("{{BLOB}}"), QLatin1String("BLOB"));
        out.replace(QLatin1String("{{TS}}"), QLatin1String("TEXT"));
        out.replace(QLatin1String("{{DATE}}"), QLatin1String("TEXT"));
    }
    return out;
}

QString Database::describeError(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    if (text.isEmpty())
        text = tr("unknown database error");
    return text;
}

bool Database::isConnectionError(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return false;
    if (error.type() == QSqlError::ConnectionError)
        return true;
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shuts
    // down or restarts).
    const QString code = error.nativeErrorCode();
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") ||
        code == QLatin1String("57P02") || code == QLatin1String("57P03"))
        return true;
    return isConnectionErrorText(error.databaseText()) || isConnectionErrorText(error.driverText());
}

bool Database::isConnectionErrorText(const QString &text)
{
    // libpq's own messages (always English: lc_messages is the server's, these
    // come from the client library).
    static const char *const messages[] = {
        "server closed the connection unexpectedly",
        "terminating connection due to administrator command",
        "no connection to the server",
        "could not connect",
        "connection to server",
        "the database system is shutting down",
        "the database system is starting up",
        "could not send data to server",
        "could not receive data from server",
        "SSL SYSCALL error",
    };
    for (const char *message : messages)
        if (text.contains(QLatin1String(message), Qt::CaseInsensitive))
            return true;
    return false;
}

Status Database::ping()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return makeError(ErrorKind::Storage, tr("no connection to the server"));
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1")))
        return makeError(ErrorKind::Storage, describeError(query.lastError()));
    return Done{};
}

bool Database::isConnectionLost()
{
    if (!isPostgres())
        return false;
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return true;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT 1")))
        return false;
    return isConnectionError(query.lastError());
}

Status Database::reconnect()
{
    if (!isPostgres())
        return Done{};
    QSqlDatabase db = connection();
    if (db.isOpen())
        db.close();
    if (!db.open())
        return makeError(ErrorKind::Storage,
                         tr("Could not connect to %1: %2")
                             .arg(m_location.displayName(), describeError(db.lastError())));
    QString error;
    Sql::run(db, QStringLiteral("SET TIME ZONE 'UTC'"), {}, &error);
    if (!error.isEmpty()) {
        db.close();
        return makeError(ErrorKind::Storage, error);
    }
    return Done{};
}
