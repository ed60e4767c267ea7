#pragma once

#include <QByteArray>
#include <QSizeF>
#include <QString>

#include <optional>

// What is wrong with a file offered as a certificate PDF, in the order the
// checks find it (PdfCheck.h).
enum class PdfProblem
{
    None,
    FileUnreadable,    // missing, a folder, no permission, read error
    Empty,             // 0 bytes
    TooLarge,          // over the size limit; not parsed at all
    NotPdf,            // no "%PDF-" at its start (a renamed text or image file)
    Damaged,           // starts like a PDF but cannot be opened
    PasswordProtected, // needs a password to open (or an unsupported encryption)
    NoPages,           // a valid PDF with zero pages
    TimedOut,          // reading it took longer than the time limit
    ReadFailed,        // the reader stopped (crashed, ran out of memory)
    ReaderMissing,     // the reader program is not installed next to this one
    Cancelled,         // the user stopped the check
};

// What the PDF reader (the helper process certdesk-pdfcheck, over
// pdfread/PdfReader) learnt of one file: the one message the helper sends
// back. Plain data, written and read with encode() / decode() on both sides
// of the pipe; decode() refuses anything that is not a whole report of this
// version, so a helper that died halfway, or one that says too much, is not
// believed.
struct PdfReport
{
    PdfProblem problem = PdfProblem::None;
    int pageCount = 0;
    QString title;        // the document information title; often empty
    QSizeF firstPageSize; // in points
    bool firstPageRendered = false;
    QString firstPageText; // the text of page 1, as PDFium extracts it
    qint64 elapsedMs = 0;  // how long the reader took, for the tests and logs

    QByteArray encode() const;
    static std::optional<PdfReport> decode(const QByteArray &bytes);
};
