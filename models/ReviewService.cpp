#include "ReviewService.h"

#include "AuditLog.h"
#include "CertificateService.h"
#include "NotificationService.h"

#include <QJsonObject>

namespace {
QString taskColumns()
{
    // Task columns (8), then the certificate's in CertificateService's order.
    return QStringLiteral(
        "SELECT t.id, t.state, t.version, t.created_at, t.decided_at, t.decided_by, d.name, "
        "t.comment, c.id, c.kind, c.owner_id, o.name, c.uploader_id, c.name, c.delivered_on, "
        "c.expires_on, c.template_id, tp.name, c.credits, c.status, c.pdf_sha256, "
        "c.original_filename, c.version, c.created_at, c.updated_at "
        "FROM validation_tasks t JOIN certificates c ON c.id = t.certificate_id "
        "JOIN users o ON o.id = c.owner_id "
        "LEFT JOIN certificate_templates tp ON tp.id = c.template_id "
        "LEFT JOIN users d ON d.id = t.decided_by ");
}

ValidationTask taskFromQuery(const QSqlQuery &q)
{
    ValidationTask t;
    t.id = q.value(0).toLongLong();
    t.state = Domain::taskStateFromKey(q.value(1).toString());
    t.version = q.value(2).toInt();
    t.createdAt = Sql::toDateTime(q.value(3));
    t.decidedAt = Sql::toDateTime(q.value(4));
    t.decidedBy = q.value(5).toLongLong();
    t.decidedByName = q.value(6).toString();
    t.comment = q.value(7).toString();
    Certificate &c = t.certificate;
    const int o = 8;
    c.id = q.value(o).toLongLong();
    c.kind = Domain::kindFromKey(q.value(o + 1).toString());
    c.ownerId = q.value(o + 2).toLongLong();
    c.ownerName = q.value(o + 3).toString();
    c.uploaderId = q.value(o + 4).toLongLong();
    c.name = q.value(o + 5).toString();
    c.delivered = Sql::toDate(q.value(o + 6));
    c.expires = Sql::toDate(q.value(o + 7));
    c.templateId = q.value(o + 8).toLongLong();
    c.templateName = q.value(o + 9).toString();
    if (!q.value(o + 10).isNull())
        c.credits = q.value(o + 10).toDouble();
    c.status = Domain::statusFromKey(q.value(o + 11).toString());
    c.pdfSha256 = q.value(o + 12).toString();
    c.originalFilename = q.value(o + 13).toString();
    c.version = q.value(o + 14).toInt();
    c.createdAt = Sql::toDateTime(q.value(o + 15));
    c.updatedAt = Sql::toDateTime(q.value(o + 16));
    return t;
}
} // namespace

ReviewService::ReviewService(Database &db) : m_db(db), m_policy(db.connection()) {}

namespace {
// Which tasks an actor may act on, as a WHERE clause and its values.
QString taskScope(bool platformAdmin, bool openOnly, Id actor, QVariantList *values)
{
    QString sql = platformAdmin ? QStringLiteral("WHERE c.owner_id <> ? ")
                                : QStringLiteral("WHERE EXISTS (SELECT 1 FROM task_reviewers r "
                                                 "WHERE r.task_id = t.id AND r.reviewer_id = ?) ");
    *values << actor;
    if (openOnly)
        sql += QStringLiteral("AND t.state = 'open' ");
    return sql;
}
} // namespace

Result<QList<ValidationTask>> ReviewService::tasks(Id actor, bool openOnly, Id afterId,
                                                   int limit) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    QVariantList values;
    QString sql =
        taskColumns() + taskScope(m_policy.isPlatformAdmin(actor), openOnly, actor, &values);
    if (afterId > 0) {
        sql += QStringLiteral("AND t.id > ? ");
        values << afterId;
    }
    sql += QStringLiteral("ORDER BY t.id");
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<ValidationTask> list;
    while (q.next())
        list.append(taskFromQuery(q));
    return list;
}

Result<int> ReviewService::taskCount(Id actor, bool openOnly) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    QVariantList values;
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM validation_tasks t JOIN certificates "
                                       "c ON c.id = t.certificate_id ") +
                        taskScope(m_policy.isPlatformAdmin(actor), openOnly, actor, &values);
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    return q.value(0).toInt();
}

Result<ValidationTask> ReviewService::task(Id actor, Id taskId) const
{
    if (const Decision d = m_policy.mayReviewTask(actor, taskId); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QString sql = taskColumns();
    QString error;
    QSqlQuery q =
        Sql::run(m_db.connection(), sql + QStringLiteral("WHERE t.id = ?"), {taskId}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next())
        return makeError(ErrorKind::NotFound, tr("There is no validation task %1.").arg(taskId));
    return taskFromQuery(q);
}

Result<ValidationTask> ReviewService::review(Id actor, const ReviewDecision &decision)
{
    const auto current = task(actor, decision.taskId);
    if (!current)
        return current.error();
    const ValidationTask &t = current.value();
    if (t.state != TaskState::Open ||
        (decision.expectedVersion > 0 && decision.expectedVersion != t.version)) {
        return makeError(
            ErrorKind::Conflict,
            tr("%1 already %2 this certificate on %3; your decision was not "
               "applied.")
                .arg(t.decidedByName.isEmpty() ? tr("Another reviewer") : t.decidedByName,
                     t.state == TaskState::Validated  ? tr("validated")
                     : t.state == TaskState::Rejected ? tr("rejected")
                                                      : tr("changed"),
                     QLocale().toString(t.decidedAt.toLocalTime(), QLocale::ShortFormat)));
    }
    const QString comment = decision.comment.trimmed();
    if (!decision.validate && comment.isEmpty())
        return makeError(ErrorKind::Invalid,
                         tr("Say why you reject this certificate: a comment is required."));
    Certificate edited = t.certificate;
    if (decision.name)
        edited.name = decision.name->trimmed();
    if (decision.delivered)
        edited.delivered = *decision.delivered;
    if (decision.expires)
        edited.expires = *decision.expires;
    if (decision.templateId)
        edited.templateId = *decision.templateId;
    const auto problems = CertificateService::checkFields(
        edited.name, edited.delivered, edited.expires, edited.credits, QDate::currentDate());
    if (!problems.isEmpty())
        return makeError(ErrorKind::Invalid, problems.constFirst().message);

    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    const QDateTime now = Sql::now();
    const QString state =
        decision.validate ? QStringLiteral("validated") : QStringLiteral("rejected");
    QString error;
    // Optimistic locking: only the first reviewer's update finds the open
    // task at the version they saw.
    QSqlQuery q = Sql::run(db,
                           QStringLiteral("UPDATE validation_tasks SET state = ?, version = "
                                          "version + 1, decided_at = ?, decided_by = ?, comment = "
                                          "? WHERE id = ? AND state = 'open' AND version = ?"),
                           {state, now, actor, Sql::textOrNull(comment), t.id, t.version}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (q.numRowsAffected() != 1) {
        tx.commit();
        const auto winner = task(actor, t.id);
        return makeError(ErrorKind::Conflict,
                         tr("%1 acted on this certificate first; your decision was not applied.")
                             .arg(winner && !winner->decidedByName.isEmpty()
                                      ? winner->decidedByName
                                      : tr("Another reviewer")));
    }
    Sql::run(db,
             QStringLiteral("UPDATE certificates SET status = ?, name = ?, delivered_on = ?, "
                            "expires_on = ?, template_id = ?, version = version + 1, updated_at = "
                            "? WHERE id = ?"),
             {state, edited.name, Sql::dateOrNull(edited.delivered),
              Sql::dateOrNull(edited.expires), Sql::idOrNull(edited.templateId), now, edited.id},
             &error);
    if (error.isEmpty())
        NotificationService::markTaskRequestsRead(db, t.id, &error);
    if (error.isEmpty())
        NotificationService::notify(db, edited.ownerId,
                                    decision.validate ? NotificationCategory::CertificateValidated
                                                      : NotificationCategory::CertificateRejected,
                                    edited.id, t.id, actor, comment, &error);
    if (error.isEmpty())
        AuditLog::record(
            db, actor,
            decision.validate ? QStringLiteral("certificate.validate")
                              : QStringLiteral("certificate.reject"),
            QStringLiteral("certificate"), edited.id,
            QJsonObject{{QStringLiteral("task_id"), t.id},
                        {QStringLiteral("comment"), comment},
                        {QStringLiteral("name"), edited.name},
                        {QStringLiteral("delivered"), edited.delivered.toString(Qt::ISODate)},
                        {QStringLiteral("expires"), edited.expires.toString(Qt::ISODate)},
                        {QStringLiteral("template_id"), edited.templateId}},
            &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage,
                         tr("The review could not be saved, nothing was written: %1")
                             .arg(error.isEmpty() ? tx.error() : error));
    return task(actor, t.id);
}
