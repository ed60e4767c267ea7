#include "services/DirectoryService.h"

#include "storage/CertificateStore.h"

#include <QHash>

// DirectoryService's reads of people: one user, a scope's list, the Users
// page's keyset pages with their memberships and certificate counts.
namespace {
User userFromQuery(const QSqlQuery &q)
{
    // Column order: id, email, name, manager_id, deleted, language, manager name.
    User u;
    Sql::readColumns(q, 0, u.id, u.email, u.name, u.managerId, u.deleted, u.language,
                     u.managerName);
    return u;
}

const QString kUserColumns =
    QStringLiteral("u.id, u.email, u.name, u.manager_id, u.deleted, u.language, mg.name");
const QString kUserFrom =
    QStringLiteral(" FROM users u LEFT JOIN users mg ON mg.id = u.manager_id ");

// The scope (R5: none for a platform admin, who sees everyone) and the
// filters of the Users page's query, after its FROM: the same for a page and
// for the count of the whole list.
void appendUserSelection(QString &sql, QVariantList &values, Id actor, const UserQuery &query,
                         bool everyone)
{
    if (!everyone)
        sql += QStringLiteral("JOIN scope s ON s.user_id = u.id ");
    sql += QStringLiteral("WHERE u.deleted = ? ");
    values << query.deleted;
    if (query.myTeamOnly) {
        sql += QStringLiteral("AND u.manager_id = ? ");
        values << actor;
    }
    const QString search = query.search.trimmed().toLower();
    if (!search.isEmpty()) {
        QString pattern = search;
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        sql += QStringLiteral("AND (lower(u.name) LIKE ? ESCAPE '\\' OR lower(u.email) LIKE ? "
                              "ESCAPE '\\') ");
        values << pattern << pattern;
    }
}

// The memberships of these users, in one query, appended to each.
Status attachMemberships(const QSqlDatabase &db, QList<User> &users)
{
    if (users.isEmpty())
        return Done{};
    QStringList marks;
    QVariantList ids;
    QHash<Id, int> rowOf;
    for (int row = 0; row < users.size(); ++row) {
        marks << QStringLiteral("?");
        ids << users.at(row).id;
        rowOf.insert(users.at(row).id, row);
    }
    QString error;
    QSqlQuery q = Sql::run(db,
                           QStringLiteral("SELECT m.user_id, g.id, g.name, m.role FROM memberships "
                                          "m JOIN groups g ON g.id = m.group_id WHERE m.user_id "
                                          "IN (%1) ORDER BY g.name")
                               .arg(marks.join(QLatin1Char(','))),
                           ids, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    while (q.next())
        users[rowOf.value(q.value(0).toLongLong())].memberships.append(
            {q.value(1).toLongLong(), q.value(2).toString(),
             Domain::roleFromKey(q.value(3).toString()).value_or(Role::Learner)});
    return Done{};
}
// Each row's certificates counted by the status shown, in one query.
Status attachCounts(const QSqlDatabase &db, QList<UserRow> &rows, int soonDays)
{
    QHash<Id, int> rowOf;
    for (int row = 0; row < rows.size(); ++row)
        rowOf.insert(rows.at(row).user.id, row);
    QString error;
    const auto counts = CertificateStore(db).counts(QList<Id>(rowOf.keyBegin(), rowOf.keyEnd()),
                                                    Domain::today(), soonDays, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    for (const auto &count : counts)
        rows[rowOf.value(count.owner)].counts.add(count.shown, count.count);
    return Done{};
}
} // namespace

Result<User> DirectoryService::user(Id id) const
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT ") + kUserColumns + kUserFrom +
                               QStringLiteral("WHERE u.id = ?"),
                           {id}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next())
        return makeError(ErrorKind::NotFound, tr("There is no user %1.").arg(id));
    QList<User> one{userFromQuery(q)};
    q.finish();
    if (const Status loaded = attachMemberships(m_db.connection(), one); !loaded)
        return loaded.error();
    return one.constFirst();
}

Result<User> DirectoryService::userByEmail(const QString &email) const
{
    QString error;
    QSqlQuery q =
        Sql::run(m_db.connection(), QStringLiteral("SELECT u.id FROM users u WHERE u.email = ?"),
                 {normalizeEmail(email)}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next())
        return makeError(ErrorKind::NotFound,
                         tr("There is no user with the address %1.").arg(email.trimmed()));
    return user(q.value(0).toLongLong());
}

Result<QList<User>> DirectoryService::users(Id actor, bool deleted, const UserCursor &after,
                                            int limit) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    QString sql;
    QVariantList values;
    if (m_policy.isPlatformAdmin(actor)) {
        sql = QStringLiteral("SELECT ") + kUserColumns + kUserFrom +
              QStringLiteral("WHERE u.deleted = ? ");
    } else {
        sql = Policy::scopeCte() + QStringLiteral("SELECT ") + kUserColumns + kUserFrom +
              QStringLiteral("JOIN scope s ON s.user_id = u.id WHERE u.deleted = ? ");
        values << actor;
    }
    values << deleted;
    if (after.id > 0) {
        sql += QStringLiteral("AND (u.name, u.id) > (?, ?) ");
        values << after.key << after.id;
    }
    sql += QStringLiteral("ORDER BY u.name, u.id");
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<User> list;
    while (q.next())
        list.append(userFromQuery(q));
    q.finish();
    if (list.isEmpty())
        return list;
    if (const Status loaded = attachMemberships(m_db.connection(), list); !loaded)
        return loaded.error();
    return list;
}

QString DirectoryService::sortKeyOf(const UserRow &row, UserQuery::SortKey key)
{
    switch (key) {
    case UserQuery::SortKey::Email:
        return row.user.email.toLower();
    case UserQuery::SortKey::Manager:
        return row.user.managerName.toLower();
    case UserQuery::SortKey::Name:
        break;
    }
    return row.user.name.toLower();
}

Result<int> DirectoryService::userCount(Id actor, const UserQuery &query) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    const bool everyone = m_policy.isPlatformAdmin(actor);
    QString sql = everyone ? QString() : Policy::scopeCte();
    QVariantList values;
    if (!everyone)
        values << actor;
    sql += QStringLiteral("SELECT count(*) FROM users u ");
    appendUserSelection(sql, values, actor, query, everyone);
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QList<UserRow>> DirectoryService::userPage(Id actor, const UserQuery &query,
                                                  const UserCursor &after, int limit) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    QString sortExpr;
    switch (query.sortKey) {
    case UserQuery::SortKey::Email:
        sortExpr = QStringLiteral("lower(u.email)");
        break;
    case UserQuery::SortKey::Manager:
        sortExpr = QStringLiteral("lower(COALESCE(mg.name, ''))");
        break;
    case UserQuery::SortKey::Name:
        sortExpr = QStringLiteral("lower(u.name)");
        break;
    }
    const bool everyone = m_policy.isPlatformAdmin(actor);
    QString sql = everyone ? QString() : Policy::scopeCte();
    QVariantList values;
    if (!everyone)
        values << actor;
    sql += QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(", ") + sortExpr + kUserFrom;
    appendUserSelection(sql, values, actor, query, everyone);
    // The keyset as a row comparison and the order as written: with u.deleted
    // above, they are those of users_list_lower_name and users_list_lower_email
    // (resources/sql/007_list_indexes.sql), so a page reads one page of rows
    // instead of sorting everyone (README "Performance", P4). The first term
    // says the same as the row comparison's first column: SQLite seeks an
    // expression index on it, not on a row value.
    const QString cmp = query.descending ? QStringLiteral("<") : QStringLiteral(">");
    if (after.id > 0) {
        sql += QStringLiteral("AND %1 %2= ? AND (%1, u.id) %2 (?, ?) ").arg(sortExpr, cmp);
        values << after.key << after.key << after.id;
    }
    const QString dir = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    sql += QStringLiteral("ORDER BY %1 %2, u.id %2 LIMIT ?").arg(sortExpr, dir);
    values << qMax(1, limit);

    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<UserRow> rows;
    while (q.next())
        rows.append({userFromQuery(q), {}});
    q.finish();
    if (rows.isEmpty())
        return rows;

    // Memberships and counts for this page only: one query each.
    QList<User> users;
    for (const UserRow &row : std::as_const(rows))
        users << row.user;
    if (const Status loaded = attachMemberships(m_db.connection(), users); !loaded)
        return loaded.error();
    for (int i = 0; i < rows.size(); ++i)
        rows[i].user.memberships = users.at(i).memberships;
    if (const Status counted = attachCounts(m_db.connection(), rows, query.soonDays); !counted)
        return counted.error();
    return rows;
}
