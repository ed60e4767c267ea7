#include "services/ReviewService.h"

#include "services/CertificateWriter.h"

#include "services/CertificateService.h"
#include "services/NotificationService.h"
#include "storage/CertificateStore.h"
#include "storage/TaskStore.h"

#include <QJsonObject>

ReviewService::ReviewService(Database &db) : m_db(db), m_policy(db.connection()) {}

Result<QList<ValidationTask>> ReviewService::tasks(Id actor, bool openOnly, Id afterId,
                                                   int limit) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    QString error;
    const auto list =
        TaskStore(m_db.connection())
            .tasks(actor, m_policy.isPlatformAdmin(actor), openOnly, afterId, limit, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return list;
}

Result<int> ReviewService::taskCount(Id actor, bool openOnly) const
{
    if (!m_policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    QString error;
    const int n = TaskStore(m_db.connection())
                      .count(actor, m_policy.isPlatformAdmin(actor), openOnly, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return n;
}

Result<ValidationTask> ReviewService::task(Id actor, Id taskId) const
{
    if (const Decision d = m_policy.mayReviewTask(actor, taskId); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QString error;
    const auto found = TaskStore(m_db.connection()).byId(taskId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!found)
        return makeError(ErrorKind::NotFound, tr("There is no validation task %1.").arg(taskId));
    return found.value();
}

Result<Certificate> ReviewService::decisionFor(const ValidationTask &t,
                                               const ReviewDecision &decision)
{
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
    if (!decision.validate && decision.comment.trimmed().isEmpty())
        return makeError(ErrorKind::Invalid,
                         tr("Say why you reject this certificate: a comment is required."));
    Certificate edited = t.certificate;
    edited.name = decision.name.value_or(edited.name).trimmed();
    edited.delivered = decision.delivered.value_or(edited.delivered);
    edited.expires = decision.expires.value_or(edited.expires);
    edited.templateId = decision.templateId.value_or(edited.templateId);
    const auto problems = CertificateService::checkFields(
        edited.name, edited.delivered, edited.expires, edited.credits, Domain::today());
    if (!problems.isEmpty())
        return makeError(ErrorKind::Invalid, problems.constFirst().message);
    return edited;
}

Status ReviewService::writeDecision(const QSqlDatabase &db, Id actor, Id taskId,
                                    const Certificate &edited, const ReviewDecision &decision)
{
    const QString comment = decision.comment.trimmed();
    CertificateStore::Change change;
    change.id = edited.id;
    change.name = edited.name;
    change.delivered = edited.delivered;
    change.expires = edited.expires;
    change.templateId = edited.templateId;
    change.status = decision.validate ? QStringLiteral("validated") : QStringLiteral("rejected");
    CertificateStore certificates(db);
    QString error;
    certificates.review(change, &error);
    if (error.isEmpty())
        NotificationService::markTaskRequestsRead(db, taskId, &error);
    if (error.isEmpty())
        NotificationService::notify(db, edited.ownerId,
                                    decision.validate ? NotificationCategory::CertificateValidated
                                                      : NotificationCategory::CertificateRejected,
                                    edited.id, taskId, actor, comment, &error);
    if (error.isEmpty())
        certificates.audit(
            actor,
            decision.validate ? QStringLiteral("certificate.validate")
                              : QStringLiteral("certificate.reject"),
            edited.id,
            QJsonObject{{QStringLiteral("task_id"), taskId},
                        {QStringLiteral("comment"), comment},
                        {QStringLiteral("name"), edited.name},
                        {QStringLiteral("delivered"), edited.delivered.toString(Qt::ISODate)},
                        {QStringLiteral("expires"), edited.expires.toString(Qt::ISODate)},
                        {QStringLiteral("template_id"), edited.templateId}},
            &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    // A validated renewal replaces the certificate it renews (README
    // "Rules", Renewal); a rejected one leaves it as it was.
    if (decision.validate)
        return CertificateWriter(db).markRenewed(edited.id, edited.renewsId, actor);
    return Done{};
}

Result<ValidationTask> ReviewService::review(Id actor, const ReviewDecision &decision)
{
    const auto current = task(actor, decision.taskId);
    if (!current)
        return current.error();
    const ValidationTask &t = current.value();
    const auto edited = decisionFor(t, decision);
    if (!edited)
        return edited.error();

    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    QString error;
    const int decided = TaskStore(db).decide(t.id, actor, decision.validate,
                                             decision.comment.trimmed(), t.version, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (decided != 1) {
        tx.commit();
        const auto winner = task(actor, t.id);
        return makeError(ErrorKind::Conflict,
                         tr("%1 acted on this certificate first; your decision was not applied.")
                             .arg(winner && !winner->decidedByName.isEmpty()
                                      ? winner->decidedByName
                                      : tr("Another reviewer")));
    }
    const Status written = writeDecision(db, actor, t.id, edited.value(), decision);
    if (!written || !tx.commit())
        return makeError(ErrorKind::Storage,
                         tr("The review could not be saved, nothing was written: %1")
                             .arg(written ? tx.error() : written.message()));
    return task(actor, t.id);
}
