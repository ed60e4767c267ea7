#pragma once

#include "core/Csv.h"
#include "core/Result.h"
#include "services/CertificateService.h"
#include "storage/ComplianceStore.h"
#include "storage/Database.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

// What a certificate export holds (README "CSV export"): one person's list
// as it is shown (owner, status chip, expiring within), or with owner 0
// every certificate of the actor's scope (R5), by id.
struct CertificateExportRequest
{
    Id owner = 0;
    StatusFilter status = StatusFilter::All;
    CertificateOrder order = CertificateOrder::NewestDelivery;
    int expiringWithinDays = -1;
};

// A CSV export, written a page at a time: step() reads one page (keyset)
// from the database and writes its records, so memory stays flat whatever
// the size, a window stays responsive between steps (it runs one step per
// turn of its event loop, with a progress bar and Cancel), and a command
// loops until finished(). Only what the actor may see (R5): the services'
// and, on a shared server, the server's own scope.
class CsvExport
{
    Q_DECLARE_TR_FUNCTIONS(CsvExport)

public:
    static constexpr int PageSize = 500;

    static Result<std::unique_ptr<CsvExport>> certificates(Database &db, Id actor,
                                                           const CertificateExportRequest &request,
                                                           QIODevice *out,
                                                           const CsvWriter::Options &options);
    static Result<std::unique_ptr<CsvExport>> compliance(Database &db, Id actor,
                                                         const ComplianceQuery &query,
                                                         QIODevice *out,
                                                         const CsvWriter::Options &options);

    // Writes the next page; an error stops the export (what was written
    // stays: the caller removes a file it will not keep).
    Status step();
    // Every step until the end, telling progress after each (false: stop).
    Status run(const std::function<bool(qint64 done, qint64 total)> &progress = {});
    bool finished() const { return m_finished; }
    qint64 written() const { return m_writer.records(); }
    // How far it is, in what total() counts: certificates, or people (a
    // person of the compliance picture is a record per required template).
    qint64 done() const { return m_done; }
    // How many records there will be; -1 when the database was not asked
    // (an organisation's certificates: counting them would read them twice).
    qint64 total() const { return m_total; }

    // The headers, for the documentation and the tests.
    static QStringList certificateHeader();
    static QStringList complianceHeader();

private:
    CsvExport(QIODevice *out, const CsvWriter::Options &options);

    CsvWriter m_writer;
    std::function<Status(bool *last)> m_next;
    qint64 m_total = -1;
    qint64 m_done = 0;
    bool m_finished = false;
};
