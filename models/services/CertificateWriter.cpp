#include "services/CertificateWriter.h"

#include "pdf/PdfCheck.h"
#include "services/NotificationService.h"
#include "storage/TaskStore.h"

CertificateWriter::CertificateWriter(const QSqlDatabase &db) : m_db(db), m_store(db) {}

Error CertificateWriter::failed(const QString &error)
{
    return Error{ErrorKind::Storage, error};
}

Status CertificateWriter::storePdf(const CheckedPdf &pdf)
{
    QString error;
    m_store.storePdf(QString::fromLatin1(pdf.sha256Hex()), pdf.bytes(), pdf.pageCount(), &error);
    if (!error.isEmpty())
        return failed(error);
    return Done{};
}

Result<Id> CertificateWriter::insert(const CertificateStore::NewCertificate &row)
{
    QString error;
    const Id id = m_store.insert(row, &error);
    if (!error.isEmpty())
        return failed(error);
    return id;
}

Result<int> CertificateWriter::resubmit(const CertificateStore::Change &change)
{
    QString error;
    const int changed = m_store.resubmit(change, &error);
    if (!error.isEmpty())
        return failed(error);
    return changed;
}

Result<Id> CertificateWriter::openTask(Id certificate, const QList<Id> &reviewers, Id actor)
{
    QString error;
    TaskStore tasks(m_db);
    const Id taskId = tasks.open(certificate, &error);
    for (Id reviewer : reviewers) {
        if (!error.isEmpty())
            break;
        tasks.addReviewer(taskId, reviewer, &error);
        if (error.isEmpty())
            NotificationService::notify(m_db, reviewer, NotificationCategory::ValidationRequest,
                                        certificate, taskId, actor, QString(), &error);
    }
    if (!error.isEmpty())
        return failed(error);
    return taskId;
}

Status CertificateWriter::markRenewed(Id renewal, Id renewed, Id actor)
{
    if (renewed <= 0)
        return Done{};
    QString error;
    const int changed = m_store.markRenewed(renewal, &error);
    if (error.isEmpty() && changed == 1)
        m_store.audit(actor, QStringLiteral("certificate.renewed"), renewed,
                      QJsonObject{{QStringLiteral("renewal_id"), renewal}}, &error);
    if (!error.isEmpty())
        return failed(error);
    return Done{};
}

Status CertificateWriter::audit(Id actor, const QString &action, Id certificate,
                                const QJsonObject &details)
{
    QString error;
    m_store.audit(actor, action, certificate, details, &error);
    if (!error.isEmpty())
        return failed(error);
    return Done{};
}

Result<Certificate> CertificateWriter::readBack(Id certificate) const
{
    QString error;
    const auto found = m_store.byId(certificate, &error);
    if (!error.isEmpty())
        return failed(error);
    if (!found)
        return Error{ErrorKind::NotFound, tr("There is no certificate %1.").arg(certificate)};
    return found.value();
}
