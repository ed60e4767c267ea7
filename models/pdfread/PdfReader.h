#pragma once

#include "pdf/PdfReport.h"

#include <QByteArray>

// Reads a PDF a stranger sent: opens it with PDFium (QtPdf), counts its pages,
// renders and extracts the text of page 1. Everything here parses hostile
// input, so it runs only inside the helper process certdesk-pdfcheck
// (app/pdfcheck), behind that process's time and memory limits; the app, the
// CLI and the services ask PdfCheck, which runs the helper, and do not link
// this room at all (README "Untrusted PDFs").
class PdfReader
{
public:
    // The report for bytes that start with "%PDF-" (PdfCheck looks at the
    // bytes before it starts the helper: empty, too large, not a PDF).
    static PdfReport read(const QByteArray &bytes);

private:
    static PdfReport openAndRender(const QByteArray &bytes);
};
