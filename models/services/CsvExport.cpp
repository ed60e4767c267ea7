#include "services/CsvExport.h"

#include "services/ComplianceService.h"
#include "storage/CertificateStore.h"

namespace {
QVariant dateOrEmpty(const QDate &date)
{
    return date.isValid() ? QVariant(date) : QVariant();
}

// The owners' addresses for a page of certificates: the directory, readable
// on every backend; one query per page.
QHash<Id, QString> emailsOf(const QSqlDatabase &db, const QList<Certificate> &page)
{
    QStringList ids;
    for (const Certificate &c : page)
        ids << QString::number(c.ownerId);
    QHash<Id, QString> emails;
    if (ids.isEmpty())
        return emails;
    QString error;
    ids.removeDuplicates();
    QSqlQuery q = Sql::run(db,
                           QStringLiteral("SELECT id, email FROM users WHERE id IN (%1)")
                               .arg(ids.join(QLatin1Char(','))),
                           {}, &error);
    while (error.isEmpty() && q.next())
        emails.insert(q.value(0).toLongLong(), q.value(1).toString());
    return emails;
}
} // namespace

CsvExport::CsvExport(QIODevice *out, const CsvWriter::Options &options) : m_writer(out, options) {}

QStringList CsvExport::certificateHeader()
{
    return {QStringLiteral("certificate_id"), QStringLiteral("owner_name"),
            QStringLiteral("owner_email"),    QStringLiteral("name"),
            QStringLiteral("kind"),           QStringLiteral("status"),
            QStringLiteral("delivered"),      QStringLiteral("expires"),
            QStringLiteral("template"),       QStringLiteral("credits")};
}

QStringList CsvExport::complianceHeader()
{
    return {QStringLiteral("person_id"),     QStringLiteral("name"),  QStringLiteral("email"),
            QStringLiteral("template"),      QStringLiteral("state"), QStringLiteral("expires"),
            QStringLiteral("certificate_id")};
}

Result<std::unique_ptr<CsvExport>> CsvExport::certificates(Database &db, Id actor,
                                                           const CertificateExportRequest &request,
                                                           QIODevice *out,
                                                           const CsvWriter::Options &options)
{
    Policy policy(db.connection());
    if (!policy.isActive(actor))
        return makeError(ErrorKind::Refused, tr("Your account is deleted or unknown."));
    const int soonDays = policy.settings().expirySoonDays;
    std::unique_ptr<CsvExport> job(new CsvExport(out, options));
    CsvExport *self = job.get();
    const QDate today = Domain::today();
    const auto writePage = [self, &db, today, soonDays](const QList<Certificate> &page) {
        self->m_done += page.size();
        const QHash<Id, QString> emails = emailsOf(db.connection(), page);
        for (const Certificate &c : page) {
            self->m_writer.writeRecord(
                {c.id, c.ownerName, emails.value(c.ownerId), c.name, Domain::kindKey(c.kind),
                 Domain::displayStatusKey(c.displayStatus(today, soonDays)), c.delivered,
                 dateOrEmpty(c.expires), c.templateName.isEmpty() ? QVariant() : c.templateName,
                 c.credits ? QVariant(*c.credits) : QVariant()});
        }
        return self->m_writer.ok();
    };
    const auto writeFailed = [] {
        return makeError(ErrorKind::Storage, tr("The CSV file could not be written."));
    };

    if (request.owner > 0) {
        // One person's list, exactly as it is shown (CertificateService::list
        // checks R5).
        CertificateService service(db);
        const auto counts = service.counts(actor, request.owner);
        if (!counts)
            return counts.error();
        job->m_total = request.expiringWithinDays >= 0 ? -1 : counts->of(request.status);
        auto cursor = std::make_shared<CertificateCursor>();
        job->m_next = [self, &db, actor, request, cursor, writePage,
                       writeFailed](bool *last) -> Status {
            CertificateListRequest list;
            list.owner = request.owner;
            list.status = request.status;
            list.order = request.order;
            list.expiringWithinDays = request.expiringWithinDays;
            list.after = *cursor;
            list.limit = PageSize;
            const auto page = CertificateService(db).list(actor, list);
            if (!page)
                return page.error();
            if (!writePage(page.value()))
                return writeFailed();
            *last = page->size() < PageSize;
            if (!page->isEmpty())
                *cursor = CertificateCursor::after(page->constLast());
            Q_UNUSED(self);
            return Done{};
        };
    } else {
        // Every certificate of the actor's scope, by id.
        ScopeSql scope;
        if (!policy.isPlatformAdmin(actor))
            scope = ScopeSql{actor, Policy::scopeCte()};
        CertificateStore::ListQuery filter;
        filter.status = request.status;
        filter.today = today;
        filter.soonDays = soonDays;
        if (request.expiringWithinDays >= 0)
            filter.expiringUntil = today.addDays(request.expiringWithinDays);
        auto afterId = std::make_shared<Id>(0);
        job->m_next = [&db, scope, filter, afterId, writePage, writeFailed](bool *last) -> Status {
            QString error;
            const QList<Certificate> page =
                CertificateStore(db.connection())
                    .scopePage(scope, filter, *afterId, PageSize, &error);
            if (!error.isEmpty())
                return makeError(ErrorKind::Storage, error);
            if (!writePage(page))
                return writeFailed();
            *last = page.size() < PageSize;
            if (!page.isEmpty())
                *afterId = page.constLast().id;
            return Done{};
        };
    }
    if (!job->m_writer.writeHeader(certificateHeader()))
        return writeFailed();
    return job;
}

Result<std::unique_ptr<CsvExport>> CsvExport::compliance(Database &db, Id actor,
                                                         const ComplianceQuery &query,
                                                         QIODevice *out,
                                                         const CsvWriter::Options &options)
{
    ComplianceService service(db);
    const auto columns = service.columns(actor, query);
    if (!columns)
        return columns.error();
    const auto total = service.count(actor, query);
    if (!total)
        return total.error();
    QHash<Id, QString> names;
    for (const CertificateTemplate &t : columns.value())
        names.insert(t.id, t.name);
    std::unique_ptr<CsvExport> job(new CsvExport(out, options));
    job->m_total = total.value();
    CsvExport *self = job.get();
    auto cursor = std::make_shared<ComplianceCursor>();
    job->m_next = [self, &db, actor, query, names, cursor](bool *last) -> Status {
        const auto page = ComplianceService(db).page(actor, query, *cursor, PageSize);
        if (!page)
            return page.error();
        self->m_done += page->size();
        for (const ComplianceRow &row : page.value()) {
            for (const ComplianceCell &cell : row.cells) {
                self->m_writer.writeRecord(
                    {row.userId, row.name, row.email, names.value(cell.templateId),
                     Compliance::stateKey(cell.state), dateOrEmpty(cell.expires),
                     cell.certificateId > 0 ? QVariant(cell.certificateId) : QVariant()});
            }
        }
        if (!self->m_writer.ok())
            return makeError(ErrorKind::Storage, tr("The CSV file could not be written."));
        *last = page->size() < PageSize;
        if (!page->isEmpty())
            *cursor = ComplianceCursor::after(page->constLast());
        return Done{};
    };
    if (!job->m_writer.writeHeader(complianceHeader()))
        return makeError(ErrorKind::Storage, tr("The CSV file could not be written."));
    return job;
}

Status CsvExport::step()
{
    if (m_finished)
        return Done{};
    bool last = false;
    Status next = m_next(&last);
    if (!next)
        return next;
    m_finished = last;
    return Done{};
}

Status CsvExport::run(const std::function<bool(qint64 done, qint64 total)> &progress)
{
    while (!m_finished) {
        if (Status s = step(); !s)
            return s;
        if (progress && !progress(done(), total()))
            return makeError(ErrorKind::Invalid, tr("The export was cancelled."));
    }
    return Done{};
}
