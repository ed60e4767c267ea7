#include "pdfread/PdfReader.h"

#include "pdfread/QpdfRepair.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>

#include <algorithm>
#include <cmath>

namespace {
// Pages are rendered at most this many pixels on their longer side, whatever
// their size in points (a 200-inch page renders no larger than an A4 one):
// page 1 to prove that it can be, the first few for the import dialog's
// preview.
constexpr double kRenderEdge = PdfReport::MaxPreviewEdge;
// A page whose text alone takes this long to extract is drawn with millions
// of operators (rasterising a page of 50 MB of strokes at kRenderEdge takes
// PDFium longer than the time limit): it is rendered this small instead,
// enough to prove that it renders and to recognise it.
constexpr qint64 kHeavyPageMs = 500;
constexpr double kHeavyPageEdge = 300.0;

QSize renderSize(QSizeF points, double edge = kRenderEdge)
{
    const double longer = std::max(points.width(), points.height());
    const double scale = edge / longer;
    return QSize(std::max(1, int(std::lround(points.width() * scale))),
                 std::max(1, int(std::lround(points.height() * scale))));
}

// A page rendered onto white (PDFium leaves the paper transparent).
QImage onPaper(const QImage &page)
{
    QImage paper(page.size(), QImage::Format_RGB888);
    paper.fill(Qt::white);
    QPainter painter(&paper);
    painter.drawImage(0, 0, page);
    painter.end();
    return paper;
}
} // namespace

PdfReport PdfReader::read(const QByteArray &bytes, int seconds, bool repairFirst)
{
    QElapsedTimer clock;
    clock.start();
    // Pages 2 to 4 of the preview only in the first quarter of the time.
    const qint64 budget = qint64(std::max(seconds, 1)) * 1000 / 4;
    PdfReport report = repairFirst ? readRewritten(bytes, budget) : readRepairing(bytes, budget);
    report.elapsedMs = clock.elapsed();
    return report;
}

PdfReport PdfReader::readRewritten(const QByteArray &bytes, qint64 previewBudgetMs)
{
    const QpdfRepair::Result rewritten = QpdfRepair::rewrite(bytes);
    PdfReport report;
    report.problem = rewritten.outcome == QpdfRepair::Outcome::PasswordRequired
                         ? PdfProblem::PasswordProtected
                         : PdfProblem::Damaged;
    if (rewritten.outcome != QpdfRepair::Outcome::Repaired ||
        QpdfRepair::deepPageTree(rewritten.bytes))
        return report;
    PdfReport repaired = openAndRender(rewritten.bytes, previewBudgetMs);
    if (repaired.problem != PdfProblem::None)
        return report;
    repaired.repairs = rewritten.repairs;
    repaired.repairedBytes = rewritten.bytes;
    return repaired;
}

PdfReport PdfReader::readRepairing(const QByteArray &bytes, qint64 previewBudgetMs)
{
    const auto repairedReport = [previewBudgetMs](const QpdfRepair::Result &repair) {
        PdfReport report = openAndRender(repair.bytes, previewBudgetMs);
        if (report.problem == PdfProblem::None) {
            report.repairs = repair.repairs;
            report.repairedBytes = repair.bytes;
        }
        return report;
    };

    // A page tree nested deeper than any document's stalls PDFium: it reads
    // the flattened file, or nothing.
    if (QpdfRepair::deepPageTree(bytes)) {
        const QpdfRepair::Result flat = QpdfRepair::rewrite(bytes);
        if (flat.outcome != QpdfRepair::Outcome::Repaired || QpdfRepair::deepPageTree(flat.bytes)) {
            PdfReport report;
            report.problem = PdfProblem::Damaged;
            return report;
        }
        QpdfRepair::Result flattened = flat;
        flattened.repairs =
            (flat.repairs & ~PdfRepairs(PdfRepair::Structure)) | PdfRepairs(PdfRepair::PageTree);
        return repairedReport(flattened);
    }
    // A file only lenient readers open is stored clean when libqpdf can
    // write it so; else as it is, when PDFium opens it.
    if (QpdfRepair::worthAsking(bytes)) {
        const QpdfRepair::Result clean = QpdfRepair::cleanUp(bytes);
        if (clean.outcome == QpdfRepair::Outcome::Repaired) {
            PdfReport report = repairedReport(clean);
            if (report.problem == PdfProblem::None)
                return report;
        }
    }
    PdfReport report = openAndRender(bytes, previewBudgetMs);
    if (report.problem != PdfProblem::Damaged && report.problem != PdfProblem::NoPages)
        return report;
    // PDFium could not open it: libqpdf may rebuild it. A file that still
    // does not open keeps PDFium's verdict.
    const QpdfRepair::Result rewritten = QpdfRepair::rewrite(bytes);
    if (rewritten.outcome != QpdfRepair::Outcome::Repaired)
        return report;
    PdfReport repaired = repairedReport(rewritten);
    return repaired.problem == PdfProblem::None ? repaired : report;
}

PdfReport PdfReader::openAndRender(const QByteArray &bytes, qint64 previewBudgetMs)
{
    QElapsedTimer clock;
    clock.start();
    PdfReport report;
    // QPdfDocument keeps a pointer to the device and reads pages from it on
    // demand, so the buffer is declared first (destroyed last). QtPdf 6.4 does
    // not open the device itself: an unopened buffer fails with a misleading
    // UnsupportedSecurityScheme.
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);

    QPdfDocument document;
    bool passwordRequired = false;
    QObject::connect(&document, &QPdfDocument::passwordRequired, &document,
                     [&passwordRequired] { passwordRequired = true; });
    // For a random-access device (QBuffer) load() finishes before it returns:
    // status is Ready or Error, no event loop needed.
    document.load(&buffer);
    const QPdfDocument::Error error = document.error();

    if (passwordRequired || error == QPdfDocument::Error::IncorrectPassword ||
        error == QPdfDocument::Error::UnsupportedSecurityScheme) {
        // An unsupported security scheme is encryption too: the same fix helps.
        report.problem = PdfProblem::PasswordProtected;
        return report;
    }
    // QtPdf 6.4 reports a zero-page document as status Error with error None.
    if (error == QPdfDocument::Error::None && document.pageCount() < 1) {
        report.problem = PdfProblem::NoPages;
        return report;
    }
    const QSizeF firstPage = document.pagePointSize(0);
    if (document.status() != QPdfDocument::Status::Ready || error != QPdfDocument::Error::None ||
        firstPage.isEmpty() || !std::isfinite(firstPage.width()) ||
        !std::isfinite(firstPage.height())) {
        report.problem = PdfProblem::Damaged;
        return report;
    }

    report.pageCount = document.pageCount();
    report.title = document.metaData(QPdfDocument::MetaDataField::Title).toString().simplified();
    report.firstPageSize = firstPage;
    // The text first: how long it takes tells how heavy the page is.
    QElapsedTimer textClock;
    textClock.start();
    report.firstPageText = document.getAllText(0).text();
    const bool heavy = textClock.elapsed() > kHeavyPageMs;
    const QImage image =
        document.render(0, renderSize(firstPage, heavy ? kHeavyPageEdge : kRenderEdge));
    if (image.isNull()) {
        report.problem = PdfProblem::Damaged;
        return report;
    }
    report.firstPageRendered = true;
    report.previews.append(onPaper(image));
    for (int page = 1;
         !heavy && page < std::min(document.pageCount(), PdfReport::MaxPreviewPages) &&
         clock.elapsed() < previewBudgetMs;
         ++page) {
        const QSizeF points = document.pagePointSize(page);
        if (points.isEmpty() || !std::isfinite(points.width()) || !std::isfinite(points.height()))
            break;
        const QImage next = document.render(page, renderSize(points));
        if (next.isNull())
            break;
        report.previews.append(onPaper(next));
    }
    return report;
}
