#include "pdfread/PdfReader.h"

#include "pdfread/CodeReader.h"
#include "pdfread/PopplerSignals.h"
#include "pdfread/QpdfRepair.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QRegularExpression>

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

// The text of every page after page 1 (whose text the report has already),
// pages separated by a form feed, until the text is longer than a report
// carries or the deadline: PdfSignal::Text only when every page was read.
void readAllText(QPdfDocument &document, const QDeadlineTimer &deadline, PdfReport *report)
{
    QString text = report->firstPageText;
    bool everyPage = true;
    for (int page = 1; page < document.pageCount() && text.size() <= PdfReport::MaxText; ++page) {
        if (deadline.hasExpired()) {
            everyPage = false;
            break;
        }
        text += QLatin1Char('\f');
        text += document.getAllText(page).text();
    }
    const bool longer = text.size() > PdfReport::MaxText;
    if (longer) {
        qsizetype length = PdfReport::MaxText;
        if (text.at(length - 1).isHighSurrogate())
            --length;
        text.truncate(length);
    }
    // Only white space (or form feeds between empty pages): no text, a scan.
    report->text = text.trimmed().isEmpty() ? QString() : text;
    report->textCut = longer || !everyPage;
    if (everyPage)
        report->signalsRead |= PdfSignals(PdfSignal::Text);
}

// A URL runs to the first white space or character that cannot be in one
// unescaped, and loses the punctuation of the sentence around it.
const QRegularExpression &urlPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(https?://[^\s<>"'`{}|\\^]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}
} // namespace

QDeadlineTimer PdfReader::Budget::until(int percent) const
{
    const qint64 left = totalMs * percent / 100 - since->elapsed();
    return QDeadlineTimer(std::max<qint64>(left, 0));
}

QStringList PdfReader::linksInText(const QString &text)
{
    QStringList links;
    QRegularExpressionMatchIterator matches = urlPattern().globalMatch(text);
    while (matches.hasNext() && links.size() < PdfReport::MaxLinks) {
        QString link = matches.next().captured();
        // A sentence's punctuation, or the closing bracket around a URL
        // whose own text has no opening one.
        while (!link.isEmpty()) {
            const QChar last = link.back();
            const bool unmatched = (last == QLatin1Char(')') && !link.contains(QLatin1Char('('))) ||
                                   (last == QLatin1Char(']') && !link.contains(QLatin1Char('[')));
            if (!unmatched && !QStringLiteral(".,;:!?").contains(last))
                break;
            link.chop(1);
        }
        if (PdfReport::isWebLink(link) && !links.contains(link))
            links.append(link);
    }
    return links;
}

PdfReport PdfReader::read(const QByteArray &bytes, int seconds, bool repairFirst)
{
    QElapsedTimer clock;
    clock.start();
    Budget budget;
    budget.since = &clock;
    budget.totalMs = qint64(std::max(seconds, 1)) * 1000;
    // Pages 2 to 4 of the preview only in the first quarter of the time.
    budget.previewMs = budget.totalMs / 4;
    PdfReport report = repairFirst ? readRewritten(bytes, budget) : readRepairing(bytes, budget);
    // The signatures of the file as uploaded: a repaired copy cannot keep
    // one intact, and the repair codes say why the stored file differs.
    if (report.problem == PdfProblem::None)
        readPopplerSignals(bytes, budget, &report);
    report.elapsedMs = clock.elapsed();
    return report;
}

void PdfReader::readPopplerSignals(const QByteArray &bytes, const Budget &budget, PdfReport *report)
{
    const QDeadlineTimer start = budget.until(SignaturesSharePercent);
    QStringList links = linksInText(report->text);
    bool linksRead = (report->signalsRead & PdfSignals(PdfSignal::Text)) != 0;
    if (!start.hasExpired()) {
        // Once started, poppler may go on to the time where the app stops
        // the reader: it checks the deadline between signatures and pages.
        const PopplerSignals::Result found = PopplerSignals::read(bytes, budget.until(90));
        report->signatures = found.signatures;
        if (found.signaturesChecked)
            report->signalsRead |= PdfSignals(PdfSignal::Signatures);
        for (const QString &link : found.links) {
            if (links.size() < PdfReport::MaxLinks && !links.contains(link))
                links.append(link);
        }
        linksRead = linksRead && found.linksRead;
    } else {
        linksRead = false;
    }
    report->links = links;
    if (linksRead)
        report->signalsRead |= PdfSignals(PdfSignal::Links);
}

PdfReport PdfReader::readRewritten(const QByteArray &bytes, const Budget &budget)
{
    const QpdfRepair::Result rewritten = QpdfRepair::rewrite(bytes);
    PdfReport report;
    report.problem = rewritten.outcome == QpdfRepair::Outcome::PasswordRequired
                         ? PdfProblem::PasswordProtected
                         : PdfProblem::Damaged;
    if (rewritten.outcome != QpdfRepair::Outcome::Repaired ||
        QpdfRepair::deepPageTree(rewritten.bytes))
        return report;
    PdfReport repaired = openAndRender(rewritten.bytes, budget);
    if (repaired.problem != PdfProblem::None)
        return report;
    repaired.repairs = rewritten.repairs;
    repaired.repairedBytes = rewritten.bytes;
    return repaired;
}

PdfReport PdfReader::readRepairing(const QByteArray &bytes, const Budget &budget)
{
    const auto repairedReport = [&budget](const QpdfRepair::Result &repair) {
        PdfReport report = openAndRender(repair.bytes, budget);
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
    PdfReport report = openAndRender(bytes, budget);
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

PdfReport PdfReader::openAndRender(const QByteArray &bytes, const Budget &budget)
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
    QElapsedTimer renderClock;
    renderClock.start();
    const QImage image =
        document.render(0, renderSize(firstPage, heavy ? kHeavyPageEdge : kRenderEdge));
    const qint64 renderMs = renderClock.elapsed();
    if (image.isNull()) {
        report.problem = PdfProblem::Damaged;
        return report;
    }
    report.firstPageRendered = true;
    report.previews.append(onPaper(image));
    for (int page = 1;
         !heavy && page < std::min(document.pageCount(), PdfReport::MaxPreviewPages) &&
         clock.elapsed() < budget.previewMs;
         ++page) {
        const QSizeF points = document.pagePointSize(page);
        if (points.isEmpty() || !std::isfinite(points.width()) || !std::isfinite(points.height()))
            break;
        const QImage next = document.render(page, renderSize(points));
        if (next.isNull())
            break;
        report.previews.append(onPaper(next));
    }

    // The signals the reviewer sees beside the file: the text of every page,
    readAllText(document, budget.until(TextSharePercent), &report);
    // and the 2D codes of page 1, rendered larger than its preview. Not on a
    // heavy page, nor when rendering it that large (about three times the
    // preview's pixels) could take the reader past its share of the time.
    const QDeadlineTimer codes = budget.until(CodesSharePercent);
    if (!heavy && !codes.hasExpired() && 3 * renderMs < codes.remainingTime()) {
        const QImage large = document.render(0, renderSize(firstPage, CodeRenderEdge));
        if (!large.isNull()) {
            report.qrCodes = CodeReader::read(onPaper(large));
            report.signalsRead |= PdfSignals(PdfSignal::QrCodes);
        }
    }
    return report;
}
