#include "storage/TaskStore.h"

#include "storage/CertificateStore.h"

namespace {
// Task columns (8), then the certificate's in CertificateStore's order.
QString taskColumns()
{
    return QStringLiteral(
               "SELECT t.id, t.state, t.version, t.created_at, t.decided_at, t.decided_by, "
               "d.name, t.comment, ") +
           CertificateStore::columns(QStringLiteral("tp")) +
           QStringLiteral(" FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id "
                          "JOIN users o ON o.id = c.owner_id "
                          "LEFT JOIN certificate_templates tp ON tp.id = c.template_id "
                          "LEFT JOIN users d ON d.id = t.decided_by ");
}

// The same columns from the server's API (the view cd_task_rows).
const QString kServerRow =
    QStringLiteral("SELECT task_id, state, task_version, task_created_at, decided_at, decided_by, "
                   "decided_by_name, comment, ") +
    CertificateStore::serverColumns() + QStringLiteral(" FROM ");

ValidationTask taskFromQuery(const QSqlQuery &q)
{
    ValidationTask t;
    QString state;
    Sql::readColumns(q, 0, t.id, state, t.version, t.createdAt, t.decidedAt, t.decidedBy,
                     t.decidedByName, t.comment);
    t.state = Domain::taskStateFromKey(state);
    t.certificate = CertificateStore::fromQuery(q, 8);
    return t;
}

// Which tasks an actor may act on, as a WHERE clause and its values.
QString taskScope(bool platformAdmin, bool openOnly, Id actor, QVariantList *values)
{
    // Never the tasks of certificates the actor uploaded (four eyes,
    // Policy::mayReview); a platform admin's also not of their own.
    QString sql = platformAdmin ? QStringLiteral("WHERE c.owner_id <> ? ")
                                : QStringLiteral("WHERE EXISTS (SELECT 1 FROM task_reviewers r "
                                                 "WHERE r.task_id = t.id AND r.reviewer_id = ?) ");
    sql += QStringLiteral("AND (c.uploader_id IS NULL OR c.uploader_id <> ?) ");
    *values << actor << actor;
    if (openOnly)
        sql += QStringLiteral("AND t.state = 'open' ");
    return sql;
}
} // namespace

TaskStore::TaskStore(const QSqlDatabase &db) : m_db(db), m_server(Database::isSecured(db)) {}

QList<ValidationTask> TaskStore::tasks(Id actor, bool platformAdmin, bool openOnly, Id afterId,
                                       int limit, QString *error) const
{
    QSqlQuery q;
    if (m_server) {
        q = Sql::run(m_db, kServerRow + QStringLiteral("cd_api.tasks(?, ?, ?)"),
                     {openOnly, afterId, limit}, error);
    } else {
        QVariantList values;
        QString sql = taskColumns() + taskScope(platformAdmin, openOnly, actor, &values);
        if (afterId > 0) {
            sql += QStringLiteral("AND t.id > ? ");
            values << afterId;
        }
        sql += QStringLiteral("ORDER BY t.id");
        if (limit > 0) {
            sql += QStringLiteral(" LIMIT ?");
            values << limit;
        }
        q = Sql::run(m_db, sql, values, error);
    }
    QList<ValidationTask> list;
    while (error->isEmpty() && q.next())
        list.append(taskFromQuery(q));
    return list;
}

int TaskStore::count(Id actor, bool platformAdmin, bool openOnly, QString *error) const
{
    QSqlQuery q;
    if (m_server) {
        q = Sql::run(m_db, QStringLiteral("SELECT cd_api.task_count(?)"), {openOnly}, error);
    } else {
        QVariantList values;
        const QString sql = QStringLiteral("SELECT COUNT(*) FROM validation_tasks t JOIN "
                                           "certificates c ON c.id = t.certificate_id ") +
                            taskScope(platformAdmin, openOnly, actor, &values);
        q = Sql::run(m_db, sql, values, error);
    }
    if (!error->isEmpty() || !q.next())
        return 0;
    return q.value(0).toInt();
}

std::optional<ValidationTask> TaskStore::byId(Id taskId, QString *error) const
{
    QSqlQuery q =
        m_server
            ? Sql::run(m_db, kServerRow + QStringLiteral("cd_api.task(?)"), {taskId}, error)
            : Sql::run(m_db, taskColumns() + QStringLiteral("WHERE t.id = ?"), {taskId}, error);
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    return taskFromQuery(q);
}

std::optional<TaskStore::Routing> TaskStore::routing(Id taskId, QString *error) const
{
    Routing routing;
    if (m_server) {
        QSqlQuery q = Sql::run(m_db,
                               QStringLiteral("SELECT owner_id, uploader_id, "
                                              "array_to_string(reviewers, ',') FROM "
                                              "cd_api.task_routing(?)"),
                               {taskId}, error);
        if (!error->isEmpty() || !q.next())
            return std::nullopt;
        routing.owner = q.value(0).toLongLong();
        routing.uploader = q.value(1).toLongLong();
        const auto ids = q.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : ids)
            routing.reviewers << id.toLongLong();
        return routing;
    }
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("SELECT c.owner_id, c.uploader_id FROM validation_tasks "
                                          "t JOIN certificates c ON c.id = t.certificate_id "
                                          "WHERE t.id = ?"),
                           {taskId}, error);
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    routing.owner = q.value(0).toLongLong();
    routing.uploader = q.value(1).toLongLong();
    q = Sql::run(m_db, QStringLiteral("SELECT reviewer_id FROM task_reviewers WHERE task_id = ?"),
                 {taskId}, error);
    while (error->isEmpty() && q.next())
        routing.reviewers << q.value(0).toLongLong();
    return routing;
}

Id TaskStore::open(Id certificate, QString *error)
{
    if (m_server) {
        QSqlQuery q =
            Sql::run(m_db, QStringLiteral("SELECT cd_api.open_task(?)"), {certificate}, error);
        return error->isEmpty() && q.next() ? q.value(0).toLongLong() : 0;
    }
    return Sql::insert(m_db,
                       QStringLiteral("INSERT INTO validation_tasks (certificate_id, state, "
                                      "created_at) VALUES (?, 'open', ?)"),
                       {certificate, Sql::now()}, error);
}

void TaskStore::addReviewer(Id taskId, Id reviewer, QString *error)
{
    Sql::run(m_db,
             m_server ? QStringLiteral("SELECT cd_api.add_reviewer(?, ?)")
                      : QStringLiteral("INSERT INTO task_reviewers (task_id, reviewer_id) VALUES "
                                       "(?, ?)"),
             {taskId, reviewer}, error);
}

int TaskStore::decide(Id taskId, Id actor, bool validate, const QString &comment, int version,
                      QString *error)
{
    const QString state = validate ? QStringLiteral("validated") : QStringLiteral("rejected");
    if (m_server) {
        QSqlQuery q = Sql::run(m_db, QStringLiteral("SELECT cd_api.decide_task(?, ?, ?, ?)"),
                               {taskId, state, Sql::textOrNull(comment), version}, error);
        return error->isEmpty() && q.next() ? q.value(0).toInt() : 0;
    }
    // Optimistic locking: only the first reviewer's update finds the open
    // task at the version they saw.
    QSqlQuery q =
        Sql::run(m_db,
                 QStringLiteral("UPDATE validation_tasks SET state = ?, version = "
                                "version + 1, decided_at = ?, decided_by = ?, comment = "
                                "? WHERE id = ? AND state = 'open' AND version = ?"),
                 {state, Sql::now(), actor, Sql::textOrNull(comment), taskId, version}, error);
    return error->isEmpty() ? q.numRowsAffected() : 0;
}
