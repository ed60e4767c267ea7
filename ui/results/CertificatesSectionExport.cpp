// CertificatesSection's Export CSV… (README "CSV export"): the list as it is
// shown, a page per turn of the event loop (CsvExportRun).
#include "results/CertificatesSection.h"

#include "itemmodels/CertificateListModel.h"
#include "services/CsvExport.h"
#include "services/Session.h"
#include "widgets/CsvExportRun.h"

#include <QMessageBox>

void CertificatesSection::exportCsv()
{
    QString stem = m_ownerName.isEmpty() ? tr("certificates") : m_ownerName;
    stem.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString path = CsvExportRun::askFile(
        this, tr("%1 %2.csv").arg(stem, Domain::today().toString(Qt::ISODate)));
    if (path.isEmpty())
        return;
    if (!exportTo(path) && !m_exportError.isEmpty())
        QMessageBox::warning(this, tr("Export CSV"), m_exportError);
}

bool CertificatesSection::exportTo(const QString &path)
{
    CertificateExportRequest request;
    request.owner = m_owner;
    request.status = m_model->filter();
    request.order = m_model->order();
    return CsvExportRun::write(
        this, path,
        [this, request](QIODevice *out) {
            return CsvExport::certificates(m_session.database(), m_session.userId(), request, out,
                                           CsvWriter::Options());
        },
        &m_exportError);
}
