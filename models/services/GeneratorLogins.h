#pragma once

#include "core/Result.h"
#include "services/GeneratedOrganisation.h"
#include "storage/Database.h"

#include <QCoreApplication>

// The generated people's own logins on a server prepared by setup (README
// "Deploying on PostgreSQL"): made as cd_create_login makes one for `user
// add` — a login named after the email (after the server's prefix), in the
// member role, with the connection limit and statement timeout setup chose,
// disabled for a deleted person — but many to a statement, by the database
// administrator. The password is set once; the server's SCRAM verifier of it
// is then given to every other login, so the server hashes it once too.
class GeneratorLogins
{
    Q_DECLARE_TR_FUNCTIONS(GeneratorLogins)

public:
    // Refused unless the connection is a superuser (as for setup); reads
    // the prefix, the member role and the limits.
    Status prepare(Database &db);
    // Refused when the server already has one of these logins.
    Status checkFree(const QList<GeneratedPerson> &people) const;
    QString loginFor(const QString &email) const { return m_prefix + email; }
    // Inside the caller's transaction.
    bool create(const QList<GeneratedPerson> &people, QString *error);
    int created() const { return m_created; }

private:
    Database *m_db = nullptr;
    QString m_prefix;
    QString m_member;
    int m_connectionLimit = 10;
    QString m_statementTimeout;
    QString m_verifier; // the password as the server stores it, once known
    int m_created = 0;
};
