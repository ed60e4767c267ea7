#include "services/GeneratorLogins.h"

#include "services/Generator.h"
#include "services/ServerSetup.h"

#include "storage/Sql.h"

#include <QStringList>

namespace {
// Role statements per round trip.
constexpr int kLoginsPerStatement = 500;

} // namespace

Status GeneratorLogins::prepare(Database &db)
{
    m_db = &db;
    QString error;
    QSqlQuery q = Sql::run(db.connection(),
                           QStringLiteral("SELECT rolsuper, current_database() FROM pg_roles "
                                          "WHERE rolname = session_user"),
                           {}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    if (!q.value(0).toBool())
        return makeError(ErrorKind::Refused,
                         tr("On a server prepared by setup, generate runs as the database "
                            "administrator (a superuser, as for setup): it creates every "
                            "generated person's login."));
    m_member = ServerSetup::rolesFor(q.value(1).toString()).member;
    q = Sql::run(db.connection(),
                 QStringLiteral("SELECT key, value FROM settings WHERE key IN "
                                "('server.login-prefix', 'server.connection-limit', "
                                "'server.statement-timeout')"),
                 {}, &error);
    m_statementTimeout = ServerSetup::defaultStatementTimeout();
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == QLatin1String("server.login-prefix"))
            m_prefix = value;
        else if (key == QLatin1String("server.connection-limit") && value.toInt() > 0)
            m_connectionLimit = value.toInt();
        else if (key == QLatin1String("server.statement-timeout") && !value.isEmpty())
            m_statementTimeout = value;
    }
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return Done{};
}

Status GeneratorLogins::checkFree(const QList<GeneratedPerson> &people) const
{
    QStringList logins;
    logins.reserve(people.size());
    for (const GeneratedPerson &p : people)
        logins << loginFor(p.email);
    QString error;
    QSqlQuery q = Sql::run(m_db->connection(),
                           QStringLiteral("SELECT COUNT(*), MIN(rolname) FROM pg_roles WHERE "
                                          "rolname = ANY (string_to_array(?, ','))"),
                           {logins.join(QLatin1Char(','))}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    if (q.value(0).toLongLong() > 0)
        return makeError(ErrorKind::Refused,
                         tr("The server already has %1 of the generated people's logins (%2, "
                            "from another database?): prepare this database with setup "
                            "--login-prefix, or drop those logins; nothing was written.")
                             .arg(q.value(0).toLongLong())
                             .arg(q.value(1).toString()));
    return Done{};
}

bool GeneratorLogins::create(const QList<GeneratedPerson> &people, QString *error)
{
    QSqlDatabase db = m_db->connection();
    QStringList statements;
    const auto run = [&] {
        if (!statements.isEmpty())
            Sql::run(db, statements.join(QStringLiteral(";\n")), {}, error);
        statements.clear();
        return error->isEmpty();
    };
    for (const GeneratedPerson &p : people) {
        const QString login = Sql::quotedIdentifier(loginFor(p.email));
        const QString secret = m_verifier.isEmpty() ? Generator::password() : m_verifier;
        statements << QStringLiteral("CREATE ROLE %1 %2 PASSWORD %3 CONNECTION LIMIT %4 IN ROLE %5")
                          .arg(login,
                               p.deleted ? QStringLiteral("NOLOGIN") : QStringLiteral("LOGIN"),
                               Sql::quotedLiteral(secret))
                          .arg(m_connectionLimit)
                          .arg(Sql::quotedIdentifier(m_member));
        statements << QStringLiteral("ALTER ROLE %1 SET statement_timeout = %2")
                          .arg(login, Sql::quotedLiteral(m_statementTimeout));
        ++m_created;
        if (m_verifier.isEmpty()) {
            // The first login: the server hashes the password; a SCRAM
            // verifier carries its own salt and is given as is to the others
            // (an md5 one names its role, so then each login is hashed).
            if (!run())
                return false;
            QSqlQuery q = Sql::run(db,
                                   QStringLiteral("SELECT rolpassword FROM pg_authid WHERE "
                                                  "rolname = ?"),
                                   {loginFor(p.email)}, error);
            if (!error->isEmpty())
                return false;
            if (q.next() && q.value(0).toString().startsWith(QLatin1String("SCRAM-SHA-256$")))
                m_verifier = q.value(0).toString();
        } else if (statements.size() >= 2 * kLoginsPerStatement && !run()) {
            return false;
        }
    }
    return run();
}
