#include "CertificateService.h"

#include "AuditLog.h"
#include "NotificationService.h"
#include "PdfCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

QString problemsText(const QList<FieldProblem> &problems)
{
    QStringList lines;
    for (const auto &p : problems)
        lines << p.message;
    return lines.join(QLatin1Char(' '));
}
} // namespace

CertificateService::CertificateService(Database &db) : m_db(db), m_policy(db.connection()) {}

QList<FieldProblem> CertificateService::checkFields(const QString &name, const QDate &delivered,
                                                    const QDate &expires,
                                                    const std::optional<double> &credits,
                                                    const QDate &today)
{
    QList<FieldProblem> problems;
    const QString n = name.trimmed();
    if (n.isEmpty())
        problems.append({FieldProblem::Field::Name, tr("Give the certificate a name.")});
    else if (n.size() > Domain::MaxNameLength)
        problems.append({FieldProblem::Field::Name,
                         tr("The certificate name is too long: %1 characters, at most %2.")
                             .arg(n.size())
                             .arg(Domain::MaxNameLength)});
    else if (hasControlCharacters(n))
        problems.append({FieldProblem::Field::Name,
                         tr("The certificate name contains control characters (such as line "
                            "breaks): remove them.")});
    if (!delivered.isValid())
        problems.append({FieldProblem::Field::Delivered, tr("Give the delivery date.")});
    else if (delivered > today)
        problems.append({FieldProblem::Field::Delivered,
                         tr("The delivery date %1 is in the future: a certificate is delivered "
                            "on or before today.")
                             .arg(delivered.toString(Qt::ISODate))});
    else if (delivered.year() < 1900)
        problems.append(
            {FieldProblem::Field::Delivered, tr("The delivery date %1 is too far in the past.")
                                                 .arg(delivered.toString(Qt::ISODate))});
    if (expires.isValid() && delivered.isValid() && expires < delivered)
        problems.append({FieldProblem::Field::Expires,
                         tr("The expiration date %1 is before the delivery date %2.")
                             .arg(expires.toString(Qt::ISODate), delivered.toString(Qt::ISODate))});
    if (credits && (*credits < 0 || *credits > 10000 || std::isnan(*credits)))
        problems.append(
            {FieldProblem::Field::Credits, tr("Credits must be a number from 0 to 10000.")});
    return problems;
}

Result<ImportOutcome> CertificateService::importCertificate(Id actor, const ImportRequest &request)
{
    const Id owner = request.ownerId > 0 ? request.ownerId : actor;
    if (const Decision d = m_policy.mayImport(actor, owner); !d)
        return makeError(ErrorKind::Refused, d.reason);
    const PlatformSettings settings = m_policy.settings();

    const auto problems = checkFields(request.name, request.delivered, request.expires,
                                      request.credits, QDate::currentDate());
    if (!problems.isEmpty())
        return makeError(ErrorKind::Invalid, problemsText(problems));
    if (request.credits && !settings.creditsEnabled)
        return makeError(ErrorKind::Invalid,
                         tr("The credits feature is off on this platform: leave credits out."));
    if (request.templateId > 0) {
        if (const Decision d = m_policy.mayAssociateTemplate(actor); !d)
            return makeError(ErrorKind::Refused, d.reason);
    }

    const PdfCheckResult pdf = PdfCheck::checkBytes(request.pdf, settings.pdfMaxBytes());
    if (!pdf.ok())
        return makeError(ErrorKind::Invalid, pdf.message);

    QSqlDatabase db = m_db.connection();
    QString error;
    // A retried import with the same key returns what the first one wrote.
    const auto earlier = [&]() -> std::optional<Result<ImportOutcome>> {
        if (request.importKey.isEmpty())
            return std::nullopt;
        QString lookupError;
        QSqlQuery q =
            Sql::run(db, QStringLiteral("SELECT id FROM certificates WHERE import_key = ?"),
                     {request.importKey}, &lookupError);
        if (!q.next())
            return std::nullopt;
        const Id id = q.value(0).toLongLong();
        q.finish();
        const auto existing = certificate(actor, id);
        if (!existing)
            return Result<ImportOutcome>(existing.error());
        ImportOutcome outcome;
        outcome.certificate = existing.value();
        outcome.alreadyDone = true;
        return Result<ImportOutcome>(outcome);
    };
    if (auto done = earlier())
        return *done;

    // Duplicate detection: the same PDF imported twice for one person.
    {
        QSqlQuery q = Sql::run(db,
                               QStringLiteral("SELECT name, delivered_on FROM certificates WHERE "
                                              "owner_id = ? AND pdf_sha256 = ? AND status <> "
                                              "'rejected'"),
                               {owner, QString::fromLatin1(pdf.sha256Hex)}, &error);
        if (q.next())
            return makeError(
                ErrorKind::Conflict,
                tr("This PDF was already imported as \"%1\" (delivered %2): "
                   "nothing was imported twice.")
                    .arg(q.value(0).toString(), Sql::toDate(q.value(1)).toString(Qt::ISODate)));
    }

    QList<Id> reviewers;
    if (settings.validationRequired) {
        const auto routed = m_policy.reviewersFor(owner); // R3
        if (!routed)
            return routed.error();
        reviewers = routed.value();
    }
    if (request.templateId > 0) {
        QSqlQuery q =
            Sql::run(db, QStringLiteral("SELECT 1 FROM certificate_templates WHERE id = ?"),
                     {request.templateId}, &error);
        if (!q.next())
            return makeError(
                ErrorKind::Invalid,
                tr("The certificate template %1 does not exist.").arg(request.templateId));
    }

    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tr("Could not start writing: %1").arg(tx.error()));
    const QDateTime now = Sql::now();
    const QString sha = QString::fromLatin1(pdf.sha256Hex);
    Sql::run(db,
             QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                            "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING"),
             {sha, qint64(request.pdf.size()), pdf.pageCount, request.pdf, now}, &error);
    const CertificateStatus status =
        settings.validationRequired ? CertificateStatus::Pending : CertificateStatus::Accepted;
    Id id = 0;
    if (error.isEmpty())
        id = Sql::insert(
            db,
            QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, "
                           "name, delivered_on, expires_on, template_id, credits, "
                           "status, pdf_sha256, original_filename, import_key, "
                           "created_at, updated_at) VALUES ('external', ?, ?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {owner, actor, request.name.trimmed(), Sql::dateOrNull(request.delivered),
             Sql::dateOrNull(request.expires), Sql::idOrNull(request.templateId),
             request.credits ? QVariant(*request.credits) : QVariant(QMetaType::fromType<double>()),
             Domain::statusKey(status), sha, Sql::textOrNull(request.originalFilename),
             Sql::textOrNull(request.importKey), now, now},
            &error);
    Id taskId = 0;
    if (error.isEmpty() && settings.validationRequired)
        openTask(db, id, reviewers, actor, &taskId, &error);
    if (error.isEmpty()) {
        QJsonArray reviewersJson;
        for (Id r : std::as_const(reviewers))
            reviewersJson.append(r);
        AuditLog::record(db, actor, QStringLiteral("certificate.import"),
                         QStringLiteral("certificate"), id,
                         QJsonObject{{QStringLiteral("owner_id"), owner},
                                     {QStringLiteral("name"), request.name.trimmed()},
                                     {QStringLiteral("status"), Domain::statusKey(status)},
                                     {QStringLiteral("pdf_sha256"), sha},
                                     {QStringLiteral("task_id"), taskId},
                                     {QStringLiteral("reviewers"), reviewersJson}},
                         &error);
    }
    if (error.isEmpty() && !tx.commit())
        error = tx.error();
    if (!error.isEmpty()) {
        tx.rollback();
        // The same import sent at once from elsewhere (another desktop, a
        // retry after a lost answer) won the race for its key: it is done.
        if (error.contains(QLatin1String("import_key")) ||
            error.contains(QLatin1String("certificates.import_key"))) {
            if (auto done = earlier())
                return *done;
        }
        return makeError(
            ErrorKind::Storage,
            tr("The certificate could not be saved, nothing was written: %1").arg(error));
    }
    const auto saved = certificate(actor, id);
    if (!saved)
        return saved.error();
    ImportOutcome outcome;
    outcome.certificate = saved.value();
    outcome.taskId = taskId;
    outcome.reviewers = reviewers;
    return outcome;
}

bool CertificateService::openTask(const QSqlDatabase &db, Id certificate,
                                  const QList<Id> &reviewers, Id actor, Id *taskId, QString *error)
{
    *taskId = Sql::insert(db,
                          QStringLiteral("INSERT INTO validation_tasks (certificate_id, state, "
                                         "created_at) VALUES (?, 'open', ?)"),
                          {certificate, Sql::now()}, error);
    for (Id reviewer : reviewers) {
        if (!error->isEmpty())
            return false;
        Sql::run(db,
                 QStringLiteral("INSERT INTO task_reviewers (task_id, reviewer_id) VALUES (?, ?)"),
                 {*taskId, reviewer}, error);
        if (error->isEmpty())
            NotificationService::notify(db, reviewer, NotificationCategory::ValidationRequest,
                                        certificate, *taskId, actor, QString(), error);
    }
    return error->isEmpty();
}

Result<ImportOutcome> CertificateService::resubmit(Id actor, const ResubmitRequest &request)
{
    const auto current = certificate(actor, request.certificateId);
    if (!current)
        return current.error();
    Certificate c = current.value();
    if (const Decision d = m_policy.mayResubmit(actor, c); !d)
        return makeError(ErrorKind::Refused, d.reason);
    const PlatformSettings settings = m_policy.settings();
    if (request.name)
        c.name = request.name->trimmed();
    if (request.delivered)
        c.delivered = *request.delivered;
    if (request.expires)
        c.expires = *request.expires;
    if (request.credits)
        c.credits = *request.credits;
    if (request.templateId) {
        if (*request.templateId > 0 && *request.templateId != c.templateId) {
            if (const Decision d = m_policy.mayAssociateTemplate(actor); !d)
                return makeError(ErrorKind::Refused, d.reason);
        }
        c.templateId = *request.templateId;
    }
    const auto problems =
        checkFields(c.name, c.delivered, c.expires, c.credits, QDate::currentDate());
    if (!problems.isEmpty())
        return makeError(ErrorKind::Invalid, problemsText(problems));
    if (request.credits && *request.credits && !settings.creditsEnabled)
        return makeError(ErrorKind::Invalid,
                         tr("The credits feature is off on this platform: leave credits out."));
    QString sha = c.pdfSha256;
    int pageCount = 0;
    if (!request.pdf.isEmpty()) {
        const PdfCheckResult pdf = PdfCheck::checkBytes(request.pdf, settings.pdfMaxBytes());
        if (!pdf.ok())
            return makeError(ErrorKind::Invalid, pdf.message);
        sha = QString::fromLatin1(pdf.sha256Hex);
        pageCount = pdf.pageCount;
    }
    QList<Id> reviewers;
    if (settings.validationRequired) {
        const auto routed = m_policy.reviewersFor(c.ownerId); // R3, as for a new import
        if (!routed)
            return routed.error();
        reviewers = routed.value();
    }

    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tr("Could not start writing: %1").arg(tx.error()));
    const QDateTime now = Sql::now();
    QString error;
    if (pageCount > 0)
        Sql::run(db,
                 QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                                "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO "
                                "NOTHING"),
                 {sha, qint64(request.pdf.size()), pageCount, request.pdf, now}, &error);
    const CertificateStatus status =
        settings.validationRequired ? CertificateStatus::Pending : CertificateStatus::Accepted;
    // Only the version the service read: a concurrent change makes this a no-op.
    QSqlQuery q;
    if (error.isEmpty())
        q = Sql::run(db,
                     QStringLiteral("UPDATE certificates SET name = ?, delivered_on = ?, "
                                    "expires_on = ?, template_id = ?, credits = ?, status = ?, "
                                    "pdf_sha256 = ?, original_filename = COALESCE(?, "
                                    "original_filename), version = version + 1, updated_at = ? "
                                    "WHERE id = ? AND version = ? AND status = 'rejected'"),
                     {c.name, Sql::dateOrNull(c.delivered), Sql::dateOrNull(c.expires),
                      Sql::idOrNull(c.templateId),
                      c.credits ? QVariant(*c.credits) : QVariant(QMetaType::fromType<double>()),
                      Domain::statusKey(status), sha, Sql::textOrNull(request.originalFilename),
                      now, c.id, c.version},
                     &error);
    if (error.isEmpty() && q.numRowsAffected() != 1)
        return makeError(ErrorKind::Conflict,
                         tr("Someone changed this certificate meanwhile; nothing was sent. Open "
                            "it again to see its current state."));
    Id taskId = 0;
    if (error.isEmpty() && settings.validationRequired)
        openTask(db, c.id, reviewers, actor, &taskId, &error);
    if (error.isEmpty())
        AuditLog::record(
            db, actor, QStringLiteral("certificate.resubmit"), QStringLiteral("certificate"), c.id,
            QJsonObject{{QStringLiteral("name"), c.name},
                        {QStringLiteral("delivered"), c.delivered.toString(Qt::ISODate)},
                        {QStringLiteral("expires"), c.expires.toString(Qt::ISODate)},
                        {QStringLiteral("pdf_sha256"), sha},
                        {QStringLiteral("new_file"), pageCount > 0},
                        {QStringLiteral("status"), Domain::statusKey(status)},
                        {QStringLiteral("task_id"), taskId}},
            &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage,
                         tr("The certificate could not be sent again, nothing was written: %1")
                             .arg(error.isEmpty() ? tx.error() : error));
    const auto saved = certificate(actor, c.id);
    if (!saved)
        return saved.error();
    ImportOutcome outcome;
    outcome.certificate = saved.value();
    outcome.taskId = taskId;
    outcome.reviewers = reviewers;
    return outcome;
}

Result<QList<HistoryEntry>> CertificateService::history(Id actor, Id certificateId) const
{
    const auto c = certificate(actor, certificateId);
    if (!c)
        return c.error();
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT a.at, a.actor_id, u.name, a.action, a.details "
                                          "FROM audit_log a LEFT JOIN users u ON u.id = "
                                          "a.actor_id WHERE a.subject_type = 'certificate' AND "
                                          "a.subject_id = ? ORDER BY a.id"),
                           {certificateId}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<HistoryEntry> entries;
    while (q.next()) {
        HistoryEntry e;
        e.at = Sql::toDateTime(q.value(0));
        e.actorId = q.value(1).toLongLong();
        e.actorName = q.value(2).toString();
        e.action = q.value(3).toString();
        e.details = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        e.comment = e.details.value(QStringLiteral("comment")).toString();
        entries.append(e);
    }
    return entries;
}

QString HistoryEntry::text() const
{
    if (action == QLatin1String("certificate.import"))
        return CertificateService::tr("Imported");
    if (action == QLatin1String("certificate.validate"))
        return CertificateService::tr("Validated");
    if (action == QLatin1String("certificate.reject"))
        return CertificateService::tr("Rejected");
    if (action == QLatin1String("certificate.resubmit"))
        return CertificateService::tr("Corrected and sent again");
    if (action == QLatin1String("certificate.edit"))
        return CertificateService::tr("Edited");
    return action;
}

QString CertificateService::selectColumns()
{
    return QStringLiteral(
        "SELECT c.id, c.kind, c.owner_id, o.name, c.uploader_id, c.name, c.delivered_on, "
        "c.expires_on, c.template_id, t.name, c.credits, c.status, c.pdf_sha256, "
        "c.original_filename, c.version, c.created_at, c.updated_at "
        "FROM certificates c JOIN users o ON o.id = c.owner_id "
        "LEFT JOIN certificate_templates t ON t.id = c.template_id ");
}

Certificate CertificateService::fromQuery(const QSqlQuery &q)
{
    Certificate c;
    c.id = q.value(0).toLongLong();
    c.kind = Domain::kindFromKey(q.value(1).toString());
    c.ownerId = q.value(2).toLongLong();
    c.ownerName = q.value(3).toString();
    c.uploaderId = q.value(4).toLongLong();
    c.name = q.value(5).toString();
    c.delivered = Sql::toDate(q.value(6));
    c.expires = Sql::toDate(q.value(7));
    c.templateId = q.value(8).toLongLong();
    c.templateName = q.value(9).toString();
    if (!q.value(10).isNull())
        c.credits = q.value(10).toDouble();
    c.status = Domain::statusFromKey(q.value(11).toString());
    c.pdfSha256 = q.value(12).toString();
    c.originalFilename = q.value(13).toString();
    c.version = q.value(14).toInt();
    c.createdAt = Sql::toDateTime(q.value(15));
    c.updatedAt = Sql::toDateTime(q.value(16));
    return c;
}

Result<QList<Certificate>> CertificateService::certificatesOf(Id actor, Id owner,
                                                              const CertificateCursor &after,
                                                              int limit) const
{
    if (const Decision d = m_policy.mayView(actor, owner); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QString sql = selectColumns() + QStringLiteral("WHERE c.owner_id = ? ");
    QVariantList values{owner};
    if (!after.isStart()) {
        // Keyset paging, newest delivery first (row values work on both backends).
        sql += QStringLiteral("AND (c.delivered_on < ? OR (c.delivered_on = ? AND c.id < ?)) ");
        values << Sql::dateOrNull(after.delivered) << Sql::dateOrNull(after.delivered) << after.id;
    }
    sql += QStringLiteral("ORDER BY c.delivered_on DESC, c.id DESC LIMIT ?");
    values << qMax(1, limit);
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), sql, values, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<Certificate> list;
    while (q.next())
        list.append(fromQuery(q));
    return list;
}

Result<Certificate> CertificateService::certificate(Id actor, Id id) const
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(), selectColumns() + QStringLiteral("WHERE c.id = ?"),
                           {id}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next())
        return makeError(ErrorKind::NotFound, tr("There is no certificate %1.").arg(id));
    const Certificate c = fromQuery(q);
    if (const Decision d = m_policy.mayView(actor, c.ownerId); !d) {
        // Reviewers of the certificate see it too (R8).
        QSqlQuery r = Sql::run(m_db.connection(),
                               QStringLiteral("SELECT 1 FROM validation_tasks t JOIN "
                                              "task_reviewers r ON r.task_id = t.id WHERE "
                                              "t.certificate_id = ? AND r.reviewer_id = ?"),
                               {id, actor}, &error);
        if (!r.next())
            return makeError(ErrorKind::NotFound, tr("There is no certificate %1.").arg(id));
    }
    return c;
}

Result<QByteArray> CertificateService::pdf(Id actor, Id certificateId) const
{
    const auto c = certificate(actor, certificateId);
    if (!c)
        return c.error();
    if (c->pdfSha256.isEmpty())
        return makeError(ErrorKind::NotFound, tr("This certificate has no PDF."));
    QString error;
    QSqlQuery q =
        Sql::run(m_db.connection(), QStringLiteral("SELECT data FROM pdf_blobs WHERE sha256 = ?"),
                 {c->pdfSha256}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!q.next())
        return makeError(ErrorKind::NotFound, tr("The PDF of this certificate is missing."));
    return q.value(0).toByteArray();
}
