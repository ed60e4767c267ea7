// P5 (import of a 10 MB PDF through the service) and P10 (CSV export of
// every certificate) against what the same bytes cost without CertDesk.
#include "BenchContext.h"
#include "services/CsvExport.h"
#include "services/Generator.h"
#include "storage/DatabaseLocation.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>

namespace {
// A one-page PDF of about 10 MB: an image of noise (incompressible), each
// seed a different file (the same PDF twice for one person is a duplicate).
bool writeTenMegabytePdf(const QString &path, quint32 seed)
{
    QImage image(3100, 3100, QImage::Format_RGB888);
    QRandomGenerator random(seed);
    for (int y = 0; y < image.height(); ++y)
        random.fillRange(reinterpret_cast<quint32 *>(image.scanLine(y)),
                         image.bytesPerLine() / int(sizeof(quint32)));
    QPdfWriter writer(path);
    writer.setResolution(150);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    painter.drawImage(QRect(0, 0, 1200, 1200), image);
    painter.setPen(Qt::black);
    painter.drawText(QRect(0, 1250, 1200, 100), Qt::AlignLeft,
                     QStringLiteral("Certificate of attendance, bench scan %1").arg(seed));
    return painter.end();
}

BenchRow p5(const BenchContext &ctx)
{
    BenchRow row{
        QStringLiteral("P5"),
        QStringLiteral("import a 10 MB PDF through the service (check, hash, store, task)"),
        QStringLiteral("sha256sum + one blob INSERT")};
    row.goal = 2.0;
    QString error;
    const DatabaseLocation where = DatabaseLocation::parse(ctx.sqlite, &error);
    auto session =
        Session::signIn(where, QStringLiteral("learner@gen.example"), Generator::password());
    if (!session) {
        row.reason = QStringLiteral("learner@gen.example could not sign in: ") + session.message();
        return row;
    }
    QStringList files;
    for (int i = 0; i <= ctx.repeats; ++i) {
        files << QDir(ctx.workDir).filePath(QStringLiteral("ten-mb-%1.pdf").arg(i));
        if (!writeTenMegabytePdf(files.constLast(), quint32(i + 1))) {
            row.reason = QStringLiteral("could not write ") + files.constLast();
            return row;
        }
    }
    int next = 0;
    row.figure = medianMs(ctx.repeats, [&] {
        QFile file(files.at(next++ % files.size()));
        file.open(QIODevice::ReadOnly);
        ImportRequest request;
        request.pdf = file.readAll();
        request.originalFilename = QFileInfo(file).fileName();
        request.name = QStringLiteral("Bench scan %1").arg(next);
        request.delivered = QDate::currentDate().addDays(-3);
        const auto outcome =
            session.value()->certificates().importCertificate(session.value()->userId(), request);
        if (!outcome)
            error = outcome.message();
        else if (outcome->taskId == 0)
            error = QStringLiteral("the import made no task");
    });
    if (!error.isEmpty()) {
        row.reason = QStringLiteral("the import failed: ") + error;
        row.figure = NAN;
        return row;
    }
    QSqlDatabase raw = Bench::rawConnection(QStringLiteral("bench-writes"), ctx.sqlite, &error);
    Bench::readAll(raw, QStringLiteral("CREATE TABLE IF NOT EXISTS bench_blobs (b BLOB)"), {},
                   &error);
    next = 0;
    row.base = medianMs(ctx.repeats, [&] {
        const QString &path = files.at(next++ % files.size());
        Bench::runProcess(QStringLiteral("sha256sum"), {path}, &error);
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        Bench::readAll(raw, QStringLiteral("INSERT INTO bench_blobs (b) VALUES (?)"),
                       {file.readAll()}, &error);
    });
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    row.note = QStringLiteral("PDF of %1 MB")
                   .arg(double(QFileInfo(files.at(0)).size()) / 1048576.0, 0, 'f', 1);
    raw.close();
    return row;
}

BenchRow p10(const BenchContext &ctx)
{
    BenchRow row{QStringLiteral("P10"),
                 QStringLiteral("CSV export of every certificate (%1), platform admin")
                     .arg(ctx.data.section(QLatin1Char('/'), 1, 1)),
                 QStringLiteral("sqlite3 -csv of the same query")};
    row.goal = 2.0;
    QString error;
    const DatabaseLocation where = DatabaseLocation::parse(ctx.sqlite, &error);
    auto session = Session::signIn(where, Bench::kAdmin, Generator::password());
    if (!session) {
        row.reason = QStringLiteral("the platform admin could not sign in: ") + session.message();
        return row;
    }
    const QString out = QDir(ctx.workDir).filePath(QStringLiteral("export.csv"));
    const int repeats = qMin(ctx.repeats, 3); // a million rows: seconds each
    qint64 written = 0;
    row.figure = medianMs(repeats, [&] {
        QFile file(out);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        auto job = CsvExport::certificates(session.value()->database(), session.value()->userId(),
                                           CertificateExportRequest{}, &file, CsvWriter::Options());
        if (!job) {
            error = job.message();
            return;
        }
        const auto done = job.value()->run();
        if (!done)
            error = done.message();
        written = job.value()->written();
    });
    if (!error.isEmpty()) {
        row.reason = QStringLiteral("the export failed: ") + error;
        row.figure = NAN;
        return row;
    }
    const QString sql = QStringLiteral(
        "SELECT c.id, u.name, u.email, c.name, c.kind, c.status, c.delivered_on, c.expires_on, "
        "t.name, c.credits FROM certificates c JOIN users u ON u.id = c.owner_id LEFT JOIN "
        "certificate_templates t ON t.id = c.template_id ORDER BY c.id");
    row.base = medianMs(repeats, [&] {
        Bench::runProcess(QStringLiteral("sqlite3"),
                          {QStringLiteral("-readonly"), QStringLiteral("-csv"), ctx.sqlite, sql},
                          &error, out + QStringLiteral(".sqlite3"));
    });
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    row.note = QStringLiteral("%1 records written; the baseline writes the stored status, not "
                              "the status shown")
                   .arg(written);
    return row;
}
} // namespace

QList<BenchRow> benchWrites(const BenchContext &ctx)
{
    return {p5(ctx), p10(ctx)};
}
