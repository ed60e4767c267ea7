#include "services/CertificateService.h"

#include "core/TextCheck.h"
#include "pdf/PdfCheck.h"
#include "services/NotificationService.h"
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
    CertificateStore store(db);
    QString error;
    // A retried import with the same key returns what the first one wrote.
    const auto earlier = [&]() -> std::optional<Result<ImportOutcome>> {
        if (request.importKey.isEmpty())
            return std::nullopt;
        QString lookupError;
        const auto id = store.byImportKey(request.importKey, &lookupError);
        if (!id)
            return std::nullopt;
        const auto existing = certificate(actor, *id);
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
    if (const auto earlierPdf = store.duplicate(owner, QString::fromLatin1(pdf.sha256Hex), &error))
        return makeError(ErrorKind::Conflict,
                         tr("This PDF was already imported as \"%1\" (delivered %2): "
                            "nothing was imported twice.")
                             .arg(earlierPdf->name, earlierPdf->delivered.toString(Qt::ISODate)));

    QList<Id> reviewers;
    if (settings.validationRequired) {
        const auto routed = m_policy.reviewersFor(owner, actor); // R3, four eyes
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
    const QString sha = QString::fromLatin1(pdf.sha256Hex);
    store.storePdf(sha, request.pdf, pdf.pageCount, &error);
    const CertificateStatus status =
        settings.validationRequired ? CertificateStatus::Pending : CertificateStatus::Accepted;
    Id id = 0;
    if (error.isEmpty()) {
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
        row.originalFilename = request.originalFilename;
        row.importKey = request.importKey;
        id = store.insert(row, &error);
    }
    Id taskId = 0;
    if (error.isEmpty() && settings.validationRequired)
        openTask(db, id, reviewers, actor, &taskId, &error);
    if (error.isEmpty()) {
        QJsonArray reviewersJson;
        for (Id r : std::as_const(reviewers))
            reviewersJson.append(r);
        store.audit(actor, QStringLiteral("certificate.import"), id,
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
    TaskStore tasks(db);
    *taskId = tasks.open(certificate, error);
    for (Id reviewer : reviewers) {
        if (!error->isEmpty())
            return false;
        tasks.addReviewer(*taskId, reviewer, error);
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
        // R3 and four eyes, as for a new import: the resubmitter is its uploader now.
        const auto routed = m_policy.reviewersFor(c.ownerId, actor);
        if (!routed)
            return routed.error();
        reviewers = routed.value();
    }

    QSqlDatabase db = m_db.connection();
    CertificateStore store(db);
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tr("Could not start writing: %1").arg(tx.error()));
    QString error;
    if (pageCount > 0)
        store.storePdf(sha, request.pdf, pageCount, &error);
    const CertificateStatus status =
        settings.validationRequired ? CertificateStatus::Pending : CertificateStatus::Accepted;
    int changed = 0;
    if (error.isEmpty()) {
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
        change.originalFilename = request.originalFilename;
        change.uploader = actor;
        changed = store.resubmit(change, &error);
    }
    if (error.isEmpty() && changed != 1)
        return makeError(ErrorKind::Conflict,
                         tr("Someone changed this certificate meanwhile; nothing was sent. Open "
                            "it again to see its current state."));
    Id taskId = 0;
    if (error.isEmpty() && settings.validationRequired)
        openTask(db, c.id, reviewers, actor, &taskId, &error);
    if (error.isEmpty())
        store.audit(actor, QStringLiteral("certificate.resubmit"), c.id,
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
    const auto rows = CertificateStore(m_db.connection()).history(certificateId, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<HistoryEntry> entries;
    for (const auto &row : rows) {
        HistoryEntry e;
        e.at = row.at;
        e.actorId = row.actorId;
        e.actorName = row.actorName;
        e.action = row.action;
        e.details = row.details;
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
    if (const Decision d = m_policy.mayView(actor, owner); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QString error;
    const auto list = CertificateStore(m_db.connection())
                          .ofOwner(owner, after.delivered, after.id, limit, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return list;
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
