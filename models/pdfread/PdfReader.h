#pragma once

#include "pdf/PdfReport.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QStringList>

// Reads a PDF a stranger sent: opens it with PDFium (QtPdf), counts its pages,
// renders its first pages and extracts the text of page 1; then the signals
// for its reviewer: the text of every page, the links in it, the 2D codes of
// page 1 (pdfread/CodeReader, zxing) and the digital signatures
// (pdfread/PopplerSignals, poppler), each only while the time allows. When PDFium
// cannot open it, or it opens only leniently (bytes before "%PDF-",
// encryption without a password), QpdfRepair rewrites it with libqpdf and the
// report carries the repaired file. Everything here parses hostile input, so
// it runs only inside the helper process certdesk-pdfcheck (app/pdfcheck),
// behind that process's time and memory limits; the app, the CLI and the
// services ask PdfCheck, which runs the helper, and do not link this room at
// all (README "Untrusted PDFs").
class PdfReader
{
public:
    // The report for bytes with "%PDF-" in their first kilobyte (PdfCheck
    // looks at the bytes before it starts the helper: empty, too large, not
    // a PDF). seconds is the reader's time limit: pages after the first are
    // rendered for the preview only while well within it. repairFirst: PDFium
    // killed a reader on these bytes before: it gets only libqpdf's rewrite of
    // them (Damaged when there is none).
    static PdfReport read(const QByteArray &bytes, int seconds = 10, bool repairFirst = false);

    // The http:// and https:// URLs in text, in order, without duplicates: at
    // most PdfReport::MaxLinks, each at most PdfReport::MaxLinkLength
    // characters (a longer one is left out). Trailing punctuation of the
    // sentence around a URL is not part of it.
    static QStringList linksInText(const QString &text);

    // Shares of the time limit (in percent, from the start of read()) before
    // which each signal step may start; a step not started is "not done"
    // (PdfReport::signalsRead). What the reader must do, opening and
    // rendering, comes first and keeps the rest of the time.
    static constexpr int TextSharePercent = 40;       // pages 2… of the text
    static constexpr int CodesSharePercent = 40;      // page 1 rendered large for codes
    static constexpr int SignaturesSharePercent = 60; // poppler: signatures, link annotations
    // Page 1 is rendered this large (longer side, pixels) to look for codes:
    // a QR code of 2 cm on an A4 page gets 4 to 5 pixels a module.
    static constexpr int CodeRenderEdge = 2000;

private:
    // The time read() was given, and since when.
    struct Budget
    {
        const QElapsedTimer *since = nullptr;
        qint64 totalMs = 0;
        qint64 previewMs = 0; // pages 2 to 4 of the preview only before this
        // Expired once percent of the total time has passed.
        QDeadlineTimer until(int percent) const;
    };

    static PdfReport readRepairing(const QByteArray &bytes, const Budget &budget);
    static PdfReport readRewritten(const QByteArray &bytes, const Budget &budget);
    static PdfReport openAndRender(const QByteArray &bytes, const Budget &budget);
    static void readPopplerSignals(const QByteArray &bytes, const Budget &budget,
                                   PdfReport *report);
};
