#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>

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

// What the reader found out about a file for its reviewer (the "signals"
// shown beside the PDF): each step that ran to its end sets its bit in
// PdfReport::signalsRead. A step the reader skipped because its time was
// spent (or that it cannot do on this file) leaves its bit clear and its field
// empty or partial: "not looked at", never "nothing there".
enum class PdfSignal : quint32
{
    Text = 1,       // the text of every page was extracted (PdfReport::text)
    Links = 2,      // links were looked for in the text and in link annotations
    QrCodes = 4,    // page 1 was rendered large and searched for 2D codes
    Signatures = 8, // the digital signatures were checked
};
using PdfSignals = quint32;
constexpr PdfSignals AllPdfSignals = 15;

// A 2D code (QR code, Data Matrix, Aztec, PDF417) found on page 1.
struct PdfQrCode
{
    // false: a symbol was found but could not be decoded (damaged, painted
    // over, too blurred): "a code that could not be read", text empty.
    bool readable = false;
    QString text;        // what it encodes, at most PdfReport::MaxQrText characters
    bool isLink = false; // text is an http:// or https:// URL

    bool operator==(const PdfQrCode &other) const
    {
        return readable == other.readable && text == other.text && isLink == other.isLink;
    }
};

// How a digital signature of the file checked out (poppler with NSS).
enum class PdfSignatureState : qint32
{
    Valid,                // intact, covers the whole file, signer's certificate trusted
    ModifiedAfterSigning, // the signed bytes changed (digest mismatch, invalid
                          // signature) or bytes were added after the signed range
    SignerNotTrusted,     // intact and whole, but the certificate is not trusted
                          // (self-signed, unknown issuer, expired, revoked)
    Unreadable,           // malformed signature dictionary or CMS data, unsupported
};

struct PdfSignature
{
    PdfSignatureState state = PdfSignatureState::Unreadable;
    // The signer certificate's common name and the signing time, as the
    // signature says them: verified only when state is Valid. Empty / invalid
    // when it names none. At most PdfReport::MaxSignerName characters; the
    // time is UTC, whole seconds.
    QString signerName;
    QDateTime signingTime;
    // The signed byte range is the whole file but the signature itself.
    bool coversWholeDocument = false;

    bool operator==(const PdfSignature &other) const
    {
        return state == other.state && signerName == other.signerName &&
               signingTime == other.signingTime && coversWholeDocument == other.coversWholeDocument;
    }
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
    // Set when the file opened only after the reader rewrote it: what it
    // repaired, and the repaired file, which is what an import stores.
    PdfRepairs repairs = 0;
    QByteArray repairedBytes;
    // The first pages as the reader rendered them (RGB888, at most
    // MaxPreviewPages of at most MaxPreviewEdge pixels on the longer side):
    // what the import dialog shows, so that the app never renders the file.
    QList<QImage> previews;

    // The signals (README "Untrusted PDFs"); all empty when problem is not
    // None. Which steps ran: signalsRead.
    PdfSignals signalsRead = 0;
    // The text of the pages in order, pages separated by '\f', at most
    // MaxText characters; empty when it is only white space (a scan). textCut:
    // the text of the file is longer than this (the cap, or the time ran out
    // before the last page: then PdfSignal::Text is not set).
    QString text;
    bool textCut = false;
    // http:// and https:// URLs of the text and of link annotations, in the
    // order found, without duplicates: at most MaxLinks of at most
    // MaxLinkLength characters (a longer one is left out, not cut).
    QStringList links;
    // The 2D codes of page 1, at most MaxQrCodes.
    QList<PdfQrCode> qrCodes;
    // The digital signatures of the file as uploaded (a repaired copy cannot
    // keep one intact), at most MaxSignatures; empty when it is not signed.
    QList<PdfSignature> signatures;

    static constexpr int MaxPreviewPages = 4;
    static constexpr int MaxPreviewEdge = 1200;
    static constexpr qsizetype MaxText = 100000;
    static constexpr int MaxLinks = 10;
    static constexpr qsizetype MaxLinkLength = 2000;
    static constexpr int MaxQrCodes = 10;
    static constexpr qsizetype MaxQrText = 4096;
    static constexpr int MaxSignatures = 10;
    static constexpr qsizetype MaxSignerName = 256;
    // How many bytes a report on an input of this size may take (the
    // repaired file is at most twice the input and a megabyte).
    static qint64 maxEncodedSize(qint64 inputBytes);
    static qint64 maxRepairedSize(qint64 inputBytes);

    bool repaired() const { return repairs != 0; }

    // Where "%PDF-" starts, when it does in the first kilobyte (PDF readers
    // look for the header there; bytes before it are a mail or web header
    // saved with the file); -1 when it is not there, which is not a PDF.
    static qsizetype headerOffset(const QByteArray &bytes);
    // Whether text is an http:// or https:// URL with a host (what links and
    // a QR code's isLink hold), at most MaxLinkLength characters.
    static bool isWebLink(const QString &text);

    QByteArray encode() const;
    static std::optional<PdfReport> decode(const QByteArray &bytes);
};
