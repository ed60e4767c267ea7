#include "pdfread/PdfReader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QPdfDocument>
#include <QPdfSelection>

#include <algorithm>
#include <cmath>

namespace {
// Page 1 is rendered to prove that it can be: at most this many pixels on its
// longer side, whatever its size in points (a 200-inch page renders as small
// as a postcard).
constexpr double kRenderEdge = 600.0;

QSize renderSize(QSizeF points)
{
    const double longer = std::max(points.width(), points.height());
    const double scale = kRenderEdge / longer;
    return QSize(std::max(1, int(std::lround(points.width() * scale))),
                 std::max(1, int(std::lround(points.height() * scale))));
}
} // namespace

PdfReport PdfReader::read(const QByteArray &bytes)
{
    QElapsedTimer clock;
    clock.start();
    PdfReport report = openAndRender(bytes);
    report.elapsedMs = clock.elapsed();
    return report;
}

PdfReport PdfReader::openAndRender(const QByteArray &bytes)
{
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
    const QImage image = document.render(0, renderSize(firstPage));
    if (image.isNull()) {
        report.problem = PdfProblem::Damaged;
        return report;
    }
    report.firstPageRendered = true;
    report.firstPageText = document.getAllText(0).text();
    return report;
}
