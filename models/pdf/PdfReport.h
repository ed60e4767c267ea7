#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
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
    NotPdf,            // no "%PDF-" in its first kilobyte (a renamed text or image file)
    Damaged,           // starts like a PDF but cannot be opened
    PasswordProtected, // needs a password to open (or an unsupported encryption)
    NoPages,           // a valid PDF with zero pages
    TimedOut,          // reading it took longer than the time limit
    ReadFailed,        // the reader stopped (crashed, ran out of memory)
    ReaderMissing,     // the reader program is not installed next to this one
    Cancelled,         // the user stopped the check
};

// What the reader changed to make a file open (README "Untrusted PDFs"): a
// set of these bits. A repaired file is stored as repaired; the file as it
// was uploaded keeps its SHA-256 for duplicates and history.
enum class PdfRepair : quint32
{
    LeadingBytes = 1,   // bytes before "%PDF-" (a mail or web header) removed
    Encryption = 2,     // encryption that needs no password removed
    CrossReference = 4, // the cross-reference table rebuilt
    Structure = 8,      // other damage PDFium could not get past, rewritten
    PageTree = 16,      // a page tree nested too deep for PDFium, flattened
};
using PdfRepairs = quint32;
constexpr PdfRepairs AllPdfRepairs = 31;

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
    // Set when the file opened only after the reader rewrote it: what it
    // repaired, and the repaired file, which is what an import stores.
    PdfRepairs repairs = 0;
    QByteArray repairedBytes;
    // The first pages as the reader rendered them (RGB888, at most
    // MaxPreviewPages of at most MaxPreviewEdge pixels on the longer side):
    // what the import dialog shows, so that the app never renders the file.
    QList<QImage> previews;

    static constexpr int MaxPreviewPages = 4;
    static constexpr int MaxPreviewEdge = 1200;
    // How many bytes a report on an input of this size may take (the
    // repaired file is at most twice the input and a megabyte).
    static qint64 maxEncodedSize(qint64 inputBytes);
    static qint64 maxRepairedSize(qint64 inputBytes);

    bool repaired() const { return repairs != 0; }

    // Where "%PDF-" starts, when it does in the first kilobyte (PDF readers
    // look for the header there; bytes before it are a mail or web header
    // saved with the file); -1 when it is not there, which is not a PDF.
    static qsizetype headerOffset(const QByteArray &bytes);

    QByteArray encode() const;
    static std::optional<PdfReport> decode(const QByteArray &bytes);
};
