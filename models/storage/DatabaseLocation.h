#pragma once

#include <QCoreApplication>
#include <QString>

// Where a CertDesk database lives: a SQLite file path, or a PostgreSQL server
// given as postgresql://user@host:port/dbname (the password comes the libpq
// way: PGPASSWORD, ~/.pgpass, or the sign-in screen; never the command line).
class DatabaseLocation
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseLocation)

public:
    enum class Kind
    {
        Sqlite,
        Postgres
    };

    static DatabaseLocation parse(const QString &text, QString *error);
    static DatabaseLocation sqlite(const QString &path);
    // certdesk.sqlite in QStandardPaths::AppDataLocation.
    static QString defaultSqlitePath();

    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    QString path() const { return m_path; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString databaseName() const { return m_dbName; }
    QString password() const { return m_password; }
    // PostgreSQL: the password typed at sign-in (kept in memory only).
    void setPassword(const QString &password) { m_password = password; }
    void setUser(const QString &user) { m_user = user; }
    QString connectOptions() const { return m_options; }
    // How to show the location to a person (never with a password).
    QString displayName() const;

private:
    Kind m_kind = Kind::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_dbName;
    QString m_password;
    QString m_options;
};
