#include "services/CertificateService.h"

#include "core/TextCheck.h"
#include "pdf/PdfCheck.h"
#include "services/CertificateWriter.h"
#include "storage/CertificateStore.h"
#include "storage/TaskStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString problemsText(const QList<FieldProblem> &problems)
{
    QStringList lines;
    for (const auto &p : problems)
        lines << p.message;
    return lines.join(QLatin1Char(' '));
}

// A PDF the reader repaired: the upload's SHA-256 and what was repaired go
// with the stored file (README "Untrusted PDFs").
void setRepairs(const CheckedPdf &pdf, CertificateStore::Fields *fields)
{
    if (!pdf.repaired())
        return;
    fields->uploadedSha256 = QString::fromLatin1(pdf.uploadedSha256Hex());
    fields->pdfRepairs = PdfCheck::repairCodes(pdf.repairs());
}

// ... and into the history entry of the import or resubmission.
void addRepairs(const CertificateStore::Fields &fields, QJsonObject *details)
{
    if (fields.pdfRepairs.isEmpty())
        return;
    details->insert(QStringLiteral("uploaded_sha256"), fields.uploadedSha256);
    details->insert(QStringLiteral("pdf_repairs"), fields.pdfRepairs.join(QLatin1Char(',')));
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
    else if (TextCheck::hasControlCharacters(n))
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

Result<std::optional<CheckedPdf>>
CertificateService::checkedFile(const std::optional<CheckedPdf> &checked,
                                const QByteArray &bytes) const
{
    if (checked || bytes.isEmpty())
        return checked;
    // The size limit is the platform's, checked with the settings the use
    // case reads (checkRequest); the PDF reader reads the file here, once,
    // within the platform's time and memory limits.
    PdfLimits limits = m_policy.settings().pdfLimits();
    limits.maxBytes = 0;
    PdfCheckResult result = PdfCheck::checkBytes(bytes, limits);
    if (!result.ok())
        return makeError(ErrorKind::Invalid, result.message);
    return result.checked;
}

Status CertificateService::checkRequest(const PolicySnapshot &actor,
                                        const CertificateFields &fields, bool creditsGiven,
                                        bool newTemplate,
                                        const std::optional<CheckedPdf> &pdf) const
{
    const auto problems =
        checkFields(fields.name, fields.delivered, fields.expires, fields.credits, Domain::today());
    if (!problems.isEmpty())
        return makeError(ErrorKind::Invalid, problemsText(problems));
    if (creditsGiven && !actor.settings.creditsEnabled)
        return makeError(ErrorKind::Invalid,
                         tr("The credits feature is off on this platform: leave credits out."));
    if (newTemplate) {
        if (const Decision d = m_policy.mayAssociateTemplate(actor); !d)
            return makeError(ErrorKind::Refused, d.reason);
    }
    const qint64 limit = actor.settings.pdfMaxBytes();
    if (pdf && limit > 0 && pdf->size() > limit)
        return makeError(ErrorKind::Invalid, PdfCheck::tooLargeMessage(pdf->size(), limit));
    return Done{};
}

std::optional<Result<ImportOutcome>>
CertificateService::alreadyImported(Id actor, const QString &importKey) const
{
    if (importKey.isEmpty())
        return std::nullopt;
    QString error;
    const auto id = CertificateStore(m_db.connection()).byImportKey(importKey, &error);
    if (!id)
        return std::nullopt;
    const auto existing = certificate(actor, *id);
    if (!existing)
        return Result<ImportOutcome>(existing.error());
    ImportOutcome outcome;
    outcome.certificate = existing.value();
    outcome.alreadyDone = true;
    return Result<ImportOutcome>(outcome);
}

Result<ImportOutcome> CertificateService::importCertificate(Id actor, const ImportRequest &request)
{
    const Id owner = request.ownerId > 0 ? request.ownerId : actor;
    const auto pdf = checkedFile(request.checkedPdf, request.pdf);
    if (!pdf)
        return pdf.error();
    if (!pdf.value())
        return makeError(ErrorKind::Invalid, PdfCheck::checkBytes({}, 0).message);
    Transaction tx(m_db.connection());
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tr("Could not start writing: %1").arg(tx.error()));
    auto outcome = importInTransaction(actor, owner, request, *pdf.value());
    if (outcome && tx.commit())
        return outcome;
    const QString error = outcome ? tx.error() : outcome.message();
    tx.rollback();
    // The same import sent at once from elsewhere (another desktop, a retry
    // after a lost answer) may have won the race for its key (the unique
    // import_key): then it is done, whatever this attempt's error said.
    if (auto done = alreadyImported(actor, request.importKey))
        return *done;
    if (!outcome && outcome.kind() != ErrorKind::Storage)
        return outcome.error();
    return makeError(ErrorKind::Storage,
                     tr("The certificate could not be saved, nothing was written: %1").arg(error));
}

Result<ImportOutcome> CertificateService::importInTransaction(Id actor, Id owner,
                                                              const ImportRequest &request,
                                                              const CheckedPdf &pdf)
{
    const PolicySnapshot facts = m_policy.snapshot(actor);
    if (const Decision d = m_policy.mayImport(facts, owner); !d)
        return makeError(ErrorKind::Refused, d.reason);
    if (request.renewsId > 0) {
        // A renewal (README "Rules", Renewal): of a certificate the actor
        // sees, for its owner, while it may be renewed.
        const auto renewed = certificate(actor, request.renewsId);
        if (!renewed)
            return renewed.error();
        if (renewed->ownerId != owner)
            return makeError(ErrorKind::Invalid,
                             tr("A renewal is for the owner of the certificate it renews, %1.")
                                 .arg(renewed->ownerName));
        if (const Decision d = m_policy.mayRenew(facts, renewed.value()); !d)
            return makeError(ErrorKind::Refused, d.reason);
    }
    const CertificateFields fields{request.name, request.delivered, request.expires,
                                   request.credits};
    if (const Status ok =
            checkRequest(facts, fields, request.credits.has_value(), request.templateId > 0, pdf);
        !ok)
        return ok.error();
    QSqlDatabase db = m_db.connection();
    const QString sha = QString::fromLatin1(pdf.sha256Hex());
    QString error;
    // Duplicate detection: the same PDF imported twice for one person (as
    // uploaded or as stored, README "Untrusted PDFs").
    if (const auto earlier = CertificateStore(db).duplicate(
            owner, sha, QString::fromLatin1(pdf.uploadedSha256Hex()), &error))
        return makeError(ErrorKind::Conflict,
                         tr("This PDF was already imported as \"%1\" (delivered %2): "
                            "nothing was imported twice.")
                             .arg(earlier->name, earlier->delivered.toString(Qt::ISODate)));
    const bool validation = facts.settings.validationRequired;
    QList<Id> reviewers;
    if (validation) {
        const auto routed = m_policy.reviewersFor(facts.settings, owner, actor); // R3, four eyes
        if (!routed)
            return routed.error();
        reviewers = routed.value();
    }
    if (request.templateId > 0 && !CertificateStore(db).templateExists(request.templateId, &error))
        return makeError(ErrorKind::Invalid,
                         tr("The certificate template %1 does not exist.").arg(request.templateId));

    CertificateWriter writer(db);
    if (const Status stored = writer.storePdf(pdf); !stored)
        return stored.error();
    const CertificateStatus status =
        validation ? CertificateStatus::Pending : CertificateStatus::Accepted;
    CertificateStore::NewCertificate row;
    row.owner = owner;
    row.uploader = actor;
    row.name = request.name.trimmed();
    row.delivered = request.delivered;
    row.expires = request.expires;
    row.templateId = request.templateId;
    row.credits = request.credits;
    row.status = Domain::statusKey(status);
    row.sha256 = sha;
    setRepairs(pdf, &row);
    row.originalFilename = request.originalFilename;
    row.importKey = request.importKey;
    row.renews = request.renewsId;
    const auto id = writer.insert(row);
    if (!id)
        return id.error();
    ImportOutcome outcome;
    if (validation) {
        const auto task = writer.openTask(id.value(), reviewers, actor);
        if (!task)
            return task.error();
        outcome.taskId = task.value();
    }
    QJsonArray reviewersJson;
    for (Id r : std::as_const(reviewers))
        reviewersJson.append(r);
    QJsonObject details{
        {QStringLiteral("owner_id"), owner},         {QStringLiteral("name"), row.name},
        {QStringLiteral("status"), row.status},      {QStringLiteral("pdf_sha256"), sha},
        {QStringLiteral("task_id"), outcome.taskId}, {QStringLiteral("reviewers"), reviewersJson}};
    addRepairs(row, &details);
    if (request.renewsId > 0)
        details.insert(QStringLiteral("renews_id"), request.renewsId);
    if (const Status audited =
            writer.audit(actor, QStringLiteral("certificate.import"), id.value(), details);
        !audited)
        return audited.error();
    // Accepted at once (R2 off): the renewed certificate is replaced now.
    if (!validation) {
        if (const Status marked = writer.markRenewed(id.value(), request.renewsId, actor); !marked)
            return marked.error();
    }
    const auto saved = writer.readBack(id.value());
    if (!saved)
        return saved.error();
    outcome.certificate = saved.value();
    outcome.reviewers = reviewers;
    return outcome;
}

Result<ImportOutcome> CertificateService::resubmit(Id actor, const ResubmitRequest &request)
{
    const auto pdf = checkedFile(request.checkedPdf, request.pdf);
    if (!pdf)
        return pdf.error();
    Transaction tx(m_db.connection());
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tr("Could not start writing: %1").arg(tx.error()));
    auto outcome = resubmitInTransaction(actor, request, pdf.value());
    if (outcome && tx.commit())
        return outcome;
    const QString error = outcome ? tx.error() : outcome.message();
    tx.rollback();
    if (!outcome && outcome.kind() != ErrorKind::Storage)
        return outcome.error();
    return makeError(
        ErrorKind::Storage,
        tr("The certificate could not be sent again, nothing was written: %1").arg(error));
}

Result<ImportOutcome>
CertificateService::resubmitInTransaction(Id actor, const ResubmitRequest &request,
                                          const std::optional<CheckedPdf> &pdf)
{
    const auto current = certificate(actor, request.certificateId);
    if (!current)
        return current.error();
    Certificate c = current.value();
    const PolicySnapshot facts = m_policy.snapshot(actor);
    if (const Decision d = m_policy.mayResubmit(facts, c); !d)
        return makeError(ErrorKind::Refused, d.reason);
    c.name = request.name.value_or(c.name).trimmed();
    c.delivered = request.delivered.value_or(c.delivered);
    c.expires = request.expires.value_or(c.expires);
    c.credits = request.credits.value_or(c.credits);
    const bool newTemplate =
        request.templateId && *request.templateId > 0 && *request.templateId != c.templateId;
    c.templateId = request.templateId.value_or(c.templateId);
    const bool creditsGiven = request.credits && request.credits->has_value();
    if (const Status ok = checkRequest(facts, {c.name, c.delivered, c.expires, c.credits},
                                       creditsGiven, newTemplate, pdf);
        !ok)
        return ok.error();
    const bool validation = facts.settings.validationRequired;
    QList<Id> reviewers;
    if (validation) {
        // R3 and four eyes, as for a new import: the resubmitter is its uploader now.
        const auto routed = m_policy.reviewersFor(facts.settings, c.ownerId, actor);
        if (!routed)
            return routed.error();
        reviewers = routed.value();
    }
    CertificateWriter writer(m_db.connection());
    const QString sha = pdf ? QString::fromLatin1(pdf->sha256Hex()) : c.pdfSha256;
    if (pdf) {
        if (const Status stored = writer.storePdf(*pdf); !stored)
            return stored.error();
    }
    const CertificateStatus status =
        validation ? CertificateStatus::Pending : CertificateStatus::Accepted;
    CertificateStore::Change change;
    change.id = c.id;
    change.version = c.version;
    change.name = c.name;
    change.delivered = c.delivered;
    change.expires = c.expires;
    change.templateId = c.templateId;
    change.credits = c.credits;
    change.status = Domain::statusKey(status);
    change.sha256 = sha;
    if (pdf) {
        setRepairs(*pdf, &change);
    } else {
        change.uploadedSha256 = c.uploadedSha256;
        change.pdfRepairs = c.pdfRepairs;
    }
    change.originalFilename = request.originalFilename;
    change.uploader = actor;
    const auto changed = writer.resubmit(change);
    if (!changed)
        return changed.error();
    if (changed.value() != 1)
        return makeError(ErrorKind::Conflict,
                         tr("Someone changed this certificate meanwhile; nothing was sent. Open "
                            "it again to see its current state."));
    ImportOutcome outcome;
    if (validation) {
        const auto task = writer.openTask(c.id, reviewers, actor);
        if (!task)
            return task.error();
        outcome.taskId = task.value();
    }
    QJsonObject details{{QStringLiteral("name"), c.name},
                        {QStringLiteral("delivered"), c.delivered.toString(Qt::ISODate)},
                        {QStringLiteral("expires"), c.expires.toString(Qt::ISODate)},
                        {QStringLiteral("pdf_sha256"), sha},
                        {QStringLiteral("new_file"), pdf.has_value()},
                        {QStringLiteral("status"), change.status},
                        {QStringLiteral("task_id"), outcome.taskId}};
    if (pdf)
        addRepairs(change, &details);
    if (const Status audited =
            writer.audit(actor, QStringLiteral("certificate.resubmit"), c.id, details);
        !audited)
        return audited.error();
    const auto saved = writer.readBack(c.id);
    if (!saved)
        return saved.error();
    outcome.certificate = saved.value();
    outcome.reviewers = reviewers;
    return outcome;
}

Result<QList<HistoryEntry>> CertificateService::history(Id actor, Id certificateId) const
{
    const auto c = certificate(actor, certificateId);
    if (!c)
        return c.error();
    QString error;
    const auto rows = CertificateStore(m_db.connection()).history(certificateId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<HistoryEntry> entries;
    for (const auto &row : rows) {
        HistoryEntry e{row, {}};
        e.comment = e.details.value(QStringLiteral("comment")).toString();
        entries.append(e);
    }
    return entries;
}

QString HistoryEntry::repairs() const
{
    const QStringList codes = details.value(QStringLiteral("pdf_repairs"))
                                  .toString()
                                  .split(QLatin1Char(','), Qt::SkipEmptyParts);
    return PdfCheck::describeRepairs(PdfCheck::repairsFromCodes(codes));
}

QString HistoryEntry::text() const
{
    const QString repaired = repairs();
    if (!repaired.isEmpty() && action == QLatin1String("certificate.import"))
        return CertificateService::tr("Imported, PDF repaired on import (%1)").arg(repaired);
    if (!repaired.isEmpty() && action == QLatin1String("certificate.resubmit"))
        return CertificateService::tr("Corrected and sent again, PDF repaired on import (%1)")
            .arg(repaired);
    if (action == QLatin1String("certificate.import") &&
        details.value(QStringLiteral("renews_id")).toVariant().toLongLong() > 0)
        return CertificateService::tr("Imported (renewal of certificate %1)")
            .arg(details.value(QStringLiteral("renews_id")).toVariant().toLongLong());
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
    if (action == QLatin1String("certificate.revoke"))
        return CertificateService::tr("Revoked");
    if (action == QLatin1String("certificate.renewed"))
        return CertificateService::tr("Renewed (certificate %1)")
            .arg(details.value(QStringLiteral("renewal_id")).toVariant().toLongLong());
    return action;
}

QString CertificateService::selectColumns()
{
    return CertificateStore::selectColumns();
}

Certificate CertificateService::fromQuery(const QSqlQuery &q)
{
    return CertificateStore::fromQuery(q);
}

Result<QList<Certificate>> CertificateService::certificatesOf(Id actor, Id owner,
                                                              const CertificateCursor &after,
                                                              int limit) const
{
    // All of them, newest first: the list with no filter.
    CertificateListRequest request;
    request.owner = owner;
    request.after = after;
    request.limit = limit;
    return list(actor, request);
}

Result<Certificate> CertificateService::certificate(Id actor, Id id) const
{
    const CertificateStore store(m_db.connection());
    QString error;
    const auto found = store.byId(id, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!found)
        return makeError(ErrorKind::NotFound, tr("There is no certificate %1.").arg(id));
    // Reviewers of the certificate see it too (R8); on a secured database
    // the server has decided already.
    if (const Decision d = m_policy.mayView(actor, found->ownerId);
        !d && !store.isServer() && !store.isReviewerOf(id, actor, &error))
        return makeError(ErrorKind::NotFound, tr("There is no certificate %1.").arg(id));
    return found.value();
}

Result<QByteArray> CertificateService::pdf(Id actor, Id certificateId) const
{
    const auto c = certificate(actor, certificateId);
    if (!c)
        return c.error();
    if (c->pdfSha256.isEmpty())
        return makeError(ErrorKind::NotFound, tr("This certificate has no PDF."));
    QString error;
    const auto bytes = CertificateStore(m_db.connection()).pdf(certificateId, c->pdfSha256, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    if (!bytes)
        return makeError(ErrorKind::NotFound, tr("The PDF of this certificate is missing."));
    return bytes.value();
}
