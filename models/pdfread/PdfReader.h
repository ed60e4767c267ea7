#pragma once

#include "pdf/PdfReport.h"

#include <QByteArray>

// Reads a PDF a stranger sent: opens it with PDFium (QtPdf), counts its pages,
// renders its first pages and extracts the text of page 1; when PDFium
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

private:
    static PdfReport readRepairing(const QByteArray &bytes, qint64 previewBudgetMs);
    static PdfReport readRewritten(const QByteArray &bytes, qint64 previewBudgetMs);
    static PdfReport openAndRender(const QByteArray &bytes, qint64 previewBudgetMs);
};
