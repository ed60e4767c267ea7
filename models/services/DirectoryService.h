#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "policy/Policy.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QPair>

struct NewUser
{
    QString email;
    QString name;
    QString managerEmail;                    // optional
    QList<QPair<QString, Role>> memberships; // group name, role
    QString password;                        // SQLite mode; empty: cannot sign in yet
    QString language = QStringLiteral("en");
};

// One row of the Users page: a user and their certificates at a glance.
struct UserRow
{
    User user;
    CertificateCounts counts;
};

// What the Users page lists: current or deleted users of the actor's scope
// (R5), optionally only the actor's own managees, matching a search text,
// sorted by one key, paged with a keyset cursor.
struct UserQuery
{
    enum class SortKey
    {
        Name,
        Email,
        Manager
    };
    bool deleted = false;
    bool myTeamOnly = false;
    QString search; // matches name or email, case-insensitive (ASCII on SQLite)
    SortKey sortKey = SortKey::Name;
    bool descending = false;
    // The counts by status shown: expiry.soon-days (PlatformSettings).
    int soonDays = Domain::DefaultExpiringSoonDays;
};

struct UserCursor
{
    QString key; // the sort key of the last row seen
    Id id = 0;   // 0: start
};

// People and groups: the first platform admin, sign-in (SQLite mode), groups,
// users with their memberships and manager, soft delete and restore, and the
// internal certificate templates. Every change is checked against the Policy,
// written in one transaction and recorded in the audit log.
class DirectoryService
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryService)

public:
    explicit DirectoryService(Database &db);

    // Only while the database has no users: creates the platform group (if
    // needed) and its first admin.
    // The same inside the caller's transaction (setup on PostgreSQL).
    Result<User> createFirstAdminInTransaction(const QString &email, const QString &name,
                                               const QString &password);
    Result<User> createFirstAdmin(const QString &email, const QString &name,
                                  const QString &password);
    // SQLite mode: CertDesk checks the password itself (Argon2id).
    Result<User> signIn(const QString &email, const QString &password);

    Result<Group> addGroup(Id actor, const QString &name, const QString &parentName);
    Result<User> addUser(Id actor, const NewUser &user);
    Status deleteUser(Id actor, Id target);
    Status restoreUser(Id actor, Id target);

    // The actor's own choice: reminder emails on (the default) or off; the
    // in-app reminders stay either way. Nobody sets it for someone else.
    Result<bool> reminderEmails(Id actor) const;
    Status setReminderEmails(Id actor, bool on);

    Result<User> user(Id id) const;
    Result<User> userByEmail(const QString &email) const;
    // Users in the actor's scope (R5), current or deleted, by name.
    // The users of the actor's scope with their memberships, by name, a page
    // at a time after the cursor (key: the last name seen); limit 0: all.
    Result<QList<User>> users(Id actor, bool deleted, const UserCursor &after = {},
                              int limit = 0) const;
    // One page of the Users page (keyset paging: pass the cursor of the last
    // row). Memberships and certificate counts are loaded for the page only.
    Result<QList<UserRow>> userPage(Id actor, const UserQuery &query, const UserCursor &after,
                                    int limit) const;
    // How many people the whole list of that query holds (its pages
    // together), counted by the database.
    Result<int> userCount(Id actor, const UserQuery &query) const;
    static QString sortKeyOf(const UserRow &row, UserQuery::SortKey key);
    Result<QList<Group>> groups() const;
    Result<Group> groupByName(const QString &name) const;

    Result<QList<CertificateTemplate>> templates() const;
    Result<CertificateTemplate> templateByName(const QString &name) const;
    Result<CertificateTemplate> addTemplate(Id actor, const QString &name,
                                            const QString &description, int validityMonths);

    // Input checks shared by the CLI and the forms.
    static QString normalizeEmail(const QString &email);
    static QString checkEmail(const QString &email);       // empty when fine
    static QString checkName(const QString &name);         // empty when fine
    static QString checkPassword(const QString &password); // empty when fine

private:
    Status setDeleted(Id actor, Id target, bool deleted);
    // The id of a new user's manager (0: none given), who must not be deleted.
    Result<Id> managerFor(const QString &email) const;
    // Group names and roles as ids, each group one the actor may add to.
    Result<QList<QPair<Id, Role>>>
    resolveMemberships(Id actor, const QList<QPair<QString, Role>> &requested) const;
    // A PostgreSQL server prepared by setup: people sign in with their own login.
    bool serverLogins() const;
    QString loginFor(const QString &email) const;
    void storePassword(Id user, const QString &password, QString *error);

    Database &m_db;
    Policy m_policy;
};
