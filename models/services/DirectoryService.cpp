#include "services/DirectoryService.h"

#include "core/TextCheck.h"
#include "services/PasswordHasher.h"
#include "storage/AuditLog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
constexpr int MinPasswordLength = 4;

// On a server prepared by setup: is this login a role the server has already
// (postgres, another database's login, a relay)? A user with that login would
// be who that role's sessions act as; the server refuses it (cd_check_user),
// this says so first.
bool serverHasRole(const QSqlDatabase &db, const QString &login)
{
    QString error;
    QSqlQuery q =
        Sql::run(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {login}, &error);
    return error.isEmpty() && q.next();
}

} // namespace

DirectoryService::DirectoryService(Database &db) : m_db(db), m_policy(db.connection()) {}

QString DirectoryService::normalizeEmail(const QString &email)
{
    return email.trimmed().toLower();
}

QString DirectoryService::checkEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString e = normalizeEmail(email);
    if (e.isEmpty())
        return tr("An email address is required.");
    if (e.size() > 254 || !pattern.match(e).hasMatch())
        return tr("\"%1\" is not an email address (expected name@example.org).").arg(email);
    return {};
}

QString DirectoryService::checkName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return tr("A name is required.");
    if (n.size() > Domain::MaxNameLength)
        return tr("The name is too long: %1 characters, at most %2.")
            .arg(n.size())
            .arg(Domain::MaxNameLength);
    if (TextCheck::hasControlCharacters(n))
        return tr("The name contains control characters (such as line breaks): remove them.");
    return {};
}

QString DirectoryService::checkPassword(const QString &password)
{
    if (password.size() < MinPasswordLength)
        return tr("The password is too short: use at least %1 characters.").arg(MinPasswordLength);
    return {};
}

Result<User> DirectoryService::createFirstAdmin(const QString &email, const QString &name,
                                                const QString &password)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    auto created = createFirstAdminInTransaction(email, name, password);
    if (!created)
        return created;
    if (!tx.commit())
        return makeError(ErrorKind::Storage, tx.error());
    return user(created->id);
}

Result<User> DirectoryService::createFirstAdminInTransaction(const QString &email,
                                                             const QString &name,
                                                             const QString &password)
{
    if (const QString e = checkEmail(email); !e.isEmpty())
        return makeError(ErrorKind::Invalid, e);
    if (const QString e = checkName(name); !e.isEmpty())
        return makeError(ErrorKind::Invalid, e);
    if (const QString e = checkPassword(password); !e.isEmpty())
        return makeError(ErrorKind::Invalid, e);
    QSqlDatabase db = m_db.connection();
    QString error;
    QSqlQuery q = Sql::run(db, QStringLiteral("SELECT COUNT(*) FROM users"), {}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    if (q.value(0).toLongLong() > 0)
        return makeError(ErrorKind::Refused,
                         tr("This database already has users: the first platform admin exists. "
                            "Ask a platform admin to add you."));
    const QDateTime now = Sql::now();
    q = Sql::run(db, QStringLiteral("SELECT id FROM groups WHERE parent_id IS NULL"), {}, &error);
    Id root = 0;
    if (q.next()) {
        root = q.value(0).toLongLong();
    } else {
        root = Sql::insert(db,
                           QStringLiteral("INSERT INTO groups (name, parent_id, created_at) "
                                          "VALUES (?, NULL, ?)"),
                           {tr("Platform"), now}, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, error);
    }
    q.finish();
    const bool secured = serverLogins();
    const QString normalized = normalizeEmail(email);
    if (secured && serverHasRole(db, loginFor(normalized)))
        return makeError(ErrorKind::Conflict,
                         tr("The server already has a login %1: choose another email.")
                             .arg(loginFor(normalized)));
    const Id id =
        Sql::insert(db,
                    QStringLiteral("INSERT INTO users (email, name, db_login, "
                                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?)"),
                    {normalized, name.trimmed(),
                     Sql::textOrNull(secured ? loginFor(normalized) : QString()), now, now},
                    &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    storePassword(id, password, &error);
    if (error.isEmpty())
        Sql::run(db,
                 QStringLiteral("INSERT INTO memberships (user_id, group_id, role) VALUES (?, ?, "
                                "'admin')"),
                 {id, root}, &error);
    if (error.isEmpty())
        AuditLog::record(db, id, QStringLiteral("user.create-first-admin"), QStringLiteral("user"),
                         id, QJsonObject{{QStringLiteral("email"), normalized}}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    User u;
    u.id = id;
    u.email = normalized;
    u.name = name.trimmed();
    return u;
}

bool DirectoryService::serverLogins() const
{
    // Known since the database was opened (or since setup installed the rules).
    return m_db.isSecured();
}

QString DirectoryService::loginFor(const QString &email) const
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT value FROM settings WHERE key = "
                                          "'server.login-prefix'"),
                           {}, &error);
    return (q.next() ? q.value(0).toString() : QString()) + email.toLower();
}

void DirectoryService::storePassword(Id user, const QString &password, QString *error)
{
    if (!error->isEmpty() || password.isEmpty())
        return;
    // On a secured server the password is the login's, kept by PostgreSQL.
    if (serverLogins()) {
        Sql::run(m_db.connection(), QStringLiteral("SELECT cd_api.create_login(?, ?)"),
                 {user, password}, error);
        return;
    }
    Sql::run(m_db.connection(),
             QStringLiteral("INSERT INTO user_credentials (user_id, password_hash, updated_at) "
                            "VALUES (?, ?, ?)"),
             {user, PasswordHasher::hash(password), Sql::now()}, error);
}

Result<User> DirectoryService::signIn(const QString &email, const QString &password)
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT u.id, u.deleted, c.password_hash FROM users u "
                                          "LEFT JOIN user_credentials c ON c.user_id = u.id "
                                          "WHERE u.email = ?"),
                           {normalizeEmail(email)}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, tr("Could not read the database: %1").arg(error));
    const QString wrong = tr("The email address or the password is wrong.");
    if (!q.next()) {
        // Same cost and message as a wrong password: no probing for accounts.
        PasswordHasher::verify(QString(), password);
        return makeError(ErrorKind::Refused, wrong);
    }
    const Id id = q.value(0).toLongLong();
    const bool deleted = q.value(1).toBool();
    const QString hash = q.value(2).toString();
    if (!PasswordHasher::verify(hash, password))
        return makeError(ErrorKind::Refused, wrong);
    if (deleted)
        return makeError(ErrorKind::Refused,
                         tr("This account has been deleted: it can no longer sign in. Ask an "
                            "admin to restore it."));
    return user(id);
}

Result<Group> DirectoryService::addGroup(Id actor, const QString &name, const QString &parentName)
{
    if (const QString e = checkName(name); !e.isEmpty())
        return makeError(ErrorKind::Invalid, e);
    Id parent = 0;
    if (parentName.trimmed().isEmpty()) {
        QString error;
        QSqlQuery q =
            Sql::run(m_db.connection(),
                     QStringLiteral("SELECT id FROM groups WHERE parent_id IS NULL"), {}, &error);
        if (!q.next())
            return makeError(ErrorKind::Storage, tr("The platform group is missing."));
        parent = q.value(0).toLongLong();
    } else {
        const auto p = groupByName(parentName);
        if (!p)
            return p.error();
        parent = p->id;
    }
    if (const Decision d = m_policy.mayAddGroup(actor, parent); !d)
        return makeError(ErrorKind::Refused, d.reason);
    if (groupByName(name))
        return makeError(ErrorKind::Conflict,
                         tr("A group named \"%1\" already exists.").arg(name.trimmed()));
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QString error;
    const Id id = Sql::insert(db,
                              QStringLiteral("INSERT INTO groups (name, parent_id, created_at) "
                                             "VALUES (?, ?, ?)"),
                              {name.trimmed(), parent, Sql::now()}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    AuditLog::record(db, actor, QStringLiteral("group.add"), QStringLiteral("group"), id,
                     QJsonObject{{QStringLiteral("name"), name.trimmed()},
                                 {QStringLiteral("parent_id"), parent}},
                     &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage, error.isEmpty() ? tx.error() : error);
    return Group{id, name.trimmed(), parent};
}

Result<QList<QPair<Id, Role>>>
DirectoryService::resolveMemberships(Id actor, const QList<QPair<QString, Role>> &requested) const
{
    QList<QPair<Id, Role>> memberships;
    for (const auto &[groupName, role] : requested) {
        const auto g = groupByName(groupName);
        if (!g)
            return g.error();
        if (const Decision d = m_policy.mayAddMember(actor, g->id); !d)
            return makeError(ErrorKind::Refused, d.reason);
        for (const auto &existing : std::as_const(memberships)) {
            if (existing.first == g->id)
                return makeError(
                    ErrorKind::Invalid,
                    tr("%1 is named twice: a user has one role per group.").arg(g->name));
        }
        memberships.append({g->id, role});
    }
    return memberships;
}

Result<Id> DirectoryService::managerFor(const QString &email) const
{
    if (email.trimmed().isEmpty())
        return Id(0);
    const auto m = userByEmail(email);
    if (!m)
        return m.error();
    if (m->deleted)
        return makeError(ErrorKind::Invalid,
                         tr("%1 is deleted and cannot be a manager.").arg(m->email));
    return m->id;
}

Result<User> DirectoryService::addUser(Id actor, const NewUser &nu)
{
    if (const QString e = checkEmail(nu.email); !e.isEmpty())
        return makeError(ErrorKind::Invalid, e);
    if (const QString e = checkName(nu.name); !e.isEmpty())
        return makeError(ErrorKind::Invalid, e);
    if (nu.language != QLatin1String("en") && nu.language != QLatin1String("fr"))
        return makeError(ErrorKind::Invalid,
                         tr("\"%1\" is not a supported language: use en or fr.").arg(nu.language));
    const QString email = normalizeEmail(nu.email);
    if (userByEmail(email))
        return makeError(ErrorKind::Conflict,
                         tr("A user with the address %1 already exists.").arg(email));
    const auto managerId = managerFor(nu.managerEmail);
    if (!managerId)
        return managerId.error();
    const Id manager = managerId.value();
    const auto resolved = resolveMemberships(actor, nu.memberships);
    if (!resolved)
        return resolved.error();
    const QList<QPair<Id, Role>> &memberships = resolved.value();
    // Without a group, only platform admins add people (they land in no group).
    if (memberships.isEmpty() && !m_policy.isPlatformAdmin(actor))
        return makeError(ErrorKind::Refused,
                         tr("Only platform admins can add a user outside any group; name a "
                            "group you administer with --member GROUP:ROLE."));
    if (!nu.password.isEmpty()) {
        if (const QString e = checkPassword(nu.password); !e.isEmpty())
            return makeError(ErrorKind::Invalid, e);
    }
    const bool secured = serverLogins();
    if (secured && nu.password.isEmpty())
        return makeError(ErrorKind::Invalid,
                         tr("On this PostgreSQL server every person signs in with their own "
                            "login: give %1 a first password.")
                             .arg(email));
    if (secured && serverHasRole(m_db.connection(), loginFor(email)))
        return makeError(
            ErrorKind::Conflict,
            tr("The server already has a login %1: choose another email.").arg(loginFor(email)));

    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    const QDateTime now = Sql::now();
    QString error;
    const Id id =
        Sql::insert(db,
                    QStringLiteral("INSERT INTO users (email, name, manager_id, "
                                   "language, db_login, created_at, updated_at) VALUES (?, ?, ?, "
                                   "?, ?, ?, ?)"),
                    {email, nu.name.trimmed(), Sql::idOrNull(manager), nu.language,
                     Sql::textOrNull(secured ? loginFor(email) : QString()), now, now},
                    &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QJsonArray groupsJson;
    for (const auto &[group, role] : std::as_const(memberships)) {
        if (!error.isEmpty())
            break;
        Sql::run(db,
                 QStringLiteral("INSERT INTO memberships (user_id, group_id, role) VALUES (?, ?, "
                                "?)"),
                 {id, group, Domain::roleKey(role)}, &error);
        groupsJson.append(QJsonObject{{QStringLiteral("group_id"), group},
                                      {QStringLiteral("role"), Domain::roleKey(role)}});
    }
    // After the memberships: the server checks that the actor administers them.
    storePassword(id, nu.password, &error);
    if (error.isEmpty())
        AuditLog::record(db, actor, QStringLiteral("user.add"), QStringLiteral("user"), id,
                         QJsonObject{{QStringLiteral("email"), email},
                                     {QStringLiteral("manager_id"), manager},
                                     {QStringLiteral("memberships"), groupsJson}},
                         &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage, error.isEmpty() ? tx.error() : error);
    return user(id);
}

Status DirectoryService::deleteUser(Id actor, Id target)
{
    return setDeleted(actor, target, true);
}

Status DirectoryService::restoreUser(Id actor, Id target)
{
    return setDeleted(actor, target, false);
}

Status DirectoryService::setDeleted(Id actor, Id target, bool deleted)
{
    const auto u = user(target);
    if (!u)
        return u.error();
    if (const Decision d = m_policy.mayManageUser(actor, target); !d)
        return makeError(ErrorKind::Refused, d.reason);
    if (u->deleted == deleted)
        return makeError(ErrorKind::Conflict, deleted ? tr("%1 is already deleted.").arg(u->email)
                                                      : tr("%1 is not deleted.").arg(u->email));
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QString error;
    Sql::run(db, QStringLiteral("UPDATE users SET deleted = ?, updated_at = ? WHERE id = ?"),
             {deleted, Sql::now(), target}, &error);
    // On a secured server a deleted user's login is disabled, a restored one's enabled.
    if (error.isEmpty() && serverLogins())
        Sql::run(db, QStringLiteral("SELECT cd_api.sync_login(?)"), {target}, &error);
    if (error.isEmpty())
        AuditLog::record(db, actor,
                         deleted ? QStringLiteral("user.delete") : QStringLiteral("user.restore"),
                         QStringLiteral("user"), target,
                         QJsonObject{{QStringLiteral("email"), u->email}}, &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage, error.isEmpty() ? tx.error() : error);
    return Done{};
}

Result<bool> DirectoryService::reminderEmails(Id actor) const
{
    QString error;
    QSqlQuery q = m_db.isSecured()
                      ? Sql::run(m_db.connection(),
                                 QStringLiteral("SELECT cd_api.my_reminder_emails()"), {}, &error)
                      : Sql::run(m_db.connection(),
                                 QStringLiteral("SELECT reminder_emails FROM users WHERE id = ?"),
                                 {actor}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next() || q.value(0).isNull())
        return makeError(ErrorKind::NotFound, tr("There is no user %1.").arg(actor));
    return q.value(0).toBool();
}

Status DirectoryService::setReminderEmails(Id actor, bool on)
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused,
                         tr("Your account is deleted or unknown: your choices cannot change."));
    QString error;
    QSqlQuery q =
        m_db.isSecured()
            ? Sql::run(m_db.connection(), QStringLiteral("SELECT cd_api.set_reminder_emails(?)"),
                       {on}, &error)
            : Sql::run(m_db.connection(),
                       QStringLiteral("UPDATE users SET reminder_emails = ?, updated_at "
                                      "= ? WHERE id = ? AND NOT deleted"),
                       {on, Sql::now(), actor}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, tr("Your choice could not be saved: %1").arg(error));
    const bool changed =
        m_db.isSecured() ? q.next() && !q.value(0).isNull() : q.numRowsAffected() == 1;
    if (!changed)
        return makeError(ErrorKind::NotFound, tr("There is no user %1.").arg(actor));
    return Done{};
}

Result<QList<Group>> DirectoryService::groups() const
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT id, name, parent_id FROM groups ORDER BY name"),
                           {}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<Group> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
    return list;
}

Result<Group> DirectoryService::groupByName(const QString &name) const
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT id, name, parent_id FROM groups WHERE name = ?"),
                           {name.trimmed()}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next())
        return makeError(ErrorKind::NotFound,
                         tr("There is no group named \"%1\".").arg(name.trimmed()));
    return Group{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()};
}

Result<QList<CertificateTemplate>> DirectoryService::templates() const
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT id, name, description, validity_months FROM "
                                          "certificate_templates ORDER BY name"),
                           {}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<CertificateTemplate> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toInt()});
    return list;
}

Result<CertificateTemplate> DirectoryService::templateByName(const QString &name) const
{
    const auto all = templates();
    if (!all)
        return all.error();
    for (const auto &t : all.value()) {
        if (t.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return t;
    }
    return makeError(ErrorKind::NotFound,
                     tr("There is no certificate template named \"%1\".").arg(name.trimmed()));
}

Result<CertificateTemplate> DirectoryService::addTemplate(Id actor, const QString &name,
                                                          const QString &description,
                                                          int validityMonths)
{
    if (const Decision d = m_policy.mayAddTemplate(actor); !d)
        return makeError(ErrorKind::Refused, d.reason);
    if (const QString e = checkName(name); !e.isEmpty())
        return makeError(ErrorKind::Invalid, e);
    if (validityMonths < 0)
        return makeError(ErrorKind::Invalid, tr("The validity cannot be negative."));
    if (templateByName(name))
        return makeError(ErrorKind::Conflict,
                         tr("A template named \"%1\" already exists.").arg(name.trimmed()));
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QString error;
    const Id id = Sql::insert(
        db,
        QStringLiteral("INSERT INTO certificate_templates (name, description, "
                       "validity_months, created_at) VALUES (?, ?, ?, ?)"),
        {name.trimmed(), description.isNull() ? QStringLiteral("") : description,
         validityMonths > 0 ? QVariant(validityMonths) : QVariant(QMetaType::fromType<int>()),
         Sql::now()},
        &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    AuditLog::record(db, actor, QStringLiteral("template.add"), QStringLiteral("template"), id,
                     QJsonObject{{QStringLiteral("name"), name.trimmed()}}, &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage, error.isEmpty() ? tx.error() : error);
    return CertificateTemplate{id, name.trimmed(), description, validityMonths};
}
