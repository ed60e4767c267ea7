#pragma once

#include "core/PdfLimits.h"
#include "pdf/PdfReport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class PdfCheck;

// A file PdfCheck accepted: its bytes with what the check learnt of them. Only
// PdfCheck makes one, so a CheckedPdf in hand is a PDF that the PDF reader
// opened and rendered, that has pages and that was hashed, once; the import
// travels with it from the form to the service, which neither opens nor
// hashes it again. When the reader had to repair the file, bytes() is the
// repaired file (what is stored) and uploadedSha256Hex() the SHA-256 of the
// file as it was uploaded (what duplicates and history are told).
class CheckedPdf
{
public:
    const QByteArray &bytes() const { return m_bytes; }
    const QByteArray &sha256Hex() const { return m_sha256Hex; } // lowercase, 64 characters
    int pageCount() const { return m_pageCount; }
    const QString &title() const { return m_title; } // the document title; often empty
    qint64 size() const { return m_bytes.size(); }
    // The file as uploaded: the same as sha256Hex() unless repaired().
    const QByteArray &uploadedSha256Hex() const { return m_uploadedSha256Hex; }
    PdfRepairs repairs() const { return m_repairs; }
    bool repaired() const { return m_repairs != 0; }

private:
    friend class PdfCheck;
    CheckedPdf() = default;

    QByteArray m_bytes;
    QByteArray m_sha256Hex;
    QByteArray m_uploadedSha256Hex;
    int m_pageCount = 0;
    QString m_title;
    PdfRepairs m_repairs = 0;
};

// The outcome of checking one uploaded certificate file.
struct PdfCheckResult
{
    using Problem = PdfProblem;

    Problem problem = Problem::None;
    // Says what is wrong and what to do, in the user's language; empty when ok().
    QString message;
    // The bytes checked (as uploaded). checkFile() leaves it empty when the
    // file could not be read or was too large to read.
    QByteArray bytes;
    // The rest is filled only when ok().
    QByteArray sha256Hex; // of the file to store (the repaired one); lowercase hex
    int pageCount = 0;
    QString pdfTitle; // the document information title; often empty
    // The text of page 1 as the reader extracted it (PdfReport's, at most
    // 64 KB): what the import form reads its suggestions from
    // (CertificateText). A stranger's text: never trusted, only offered.
    QString firstPageText;
    qint64 readerMs = 0;    // how long the PDF reader took on it
    PdfRepairs repairs = 0; // what the reader repaired; 0: stored as uploaded
    // The first pages as the reader rendered them, for a preview, and the
    // size of page 1 in points.
    QList<QImage> previews;
    QSizeF firstPageSize;
    // The reader's signals for a reviewer (PdfReport's, README "Untrusted
    // PDFs"): which steps ran, the text of every page, its links, the 2D
    // codes of page 1 and the digital signatures. A stranger's words, never
    // fetched nor trusted: ReviewSignals says them to the reviewer.
    PdfSignals signalsRead = 0;
    QString text;
    bool textCut = false;
    QStringList links;
    QList<PdfQrCode> qrCodes;
    QList<PdfSignature> signatures;

    // The accepted file, when ok().
    std::optional<CheckedPdf> checked;

    bool ok() const { return problem == Problem::None; }
};

// Checks an uploaded certificate PDF once, before it is stored: size, type,
// then whether it can be opened without a password, has pages and renders
// its first page. The checks run in a fixed order and stop at the first
// problem: Empty, TooLarge, NotPdf from its bytes, then Damaged /
// PasswordProtected / NoPages from reading it.
//
// Reading it (parsing, rendering) happens in the helper process
// certdesk-pdfcheck (pdfread/PdfReader), never in this process, within the
// limits' time and memory: a file that hangs or crashes the reader is
// TimedOut or ReadFailed here, and this process goes on (README "Untrusted
// PDFs"). These functions wait for the helper; PdfCheckJob is the same check
// without waiting, for a window that stays responsive.
//
// Needs no event loop and no QGuiApplication; callable from several threads
// at once (each check runs a helper of its own).
class PdfCheck
{
    Q_DECLARE_TR_FUNCTIONS(PdfCheck)

public:
    // Reads the file (once) and checks its bytes. A file larger than
    // limits.maxBytes is not read at all.
    static PdfCheckResult checkFile(const QString &path, const PdfLimits &limits);
    static PdfCheckResult checkBytes(const QByteArray &bytes, const PdfLimits &limits);
    // The same with the default time and memory; maxBytes <= 0: no size limit.
    static PdfCheckResult checkFile(const QString &path, qint64 maxBytes);
    static PdfCheckResult checkBytes(const QByteArray &bytes, qint64 maxBytes);

    // "512 bytes", "24 KB", "3.4 MB", "20 MB", "1.5 GB" (1 KB = 1024 bytes), in
    // the default QLocale's number format.
    static QString formatSize(qint64 bytes);
    // The refusal of a checked file over a size limit set later (the limit
    // the import reads in its own transaction): TooLarge's message.
    static QString tooLargeMessage(qint64 size, qint64 maxBytes);
    // "bytes before the PDF header removed; encryption without a password
    // removed", in the user's language: what a repaired file had done to it.
    static QString describeRepairs(PdfRepairs repairs);
    // "Repaired on import: bytes before the PDF header removed", for a
    // certificate whose PDF was (its repair codes); empty when it was not.
    static QString repairedOnImport(const QStringList &codes);
    // The codes the database and the CLI's JSON keep for repairs
    // ("leading-bytes", "encryption", "cross-reference", "structure",
    // "page-tree"), and
    // back; unknown codes are ignored.
    static QStringList repairCodes(PdfRepairs repairs);
    static PdfRepairs repairsFromCodes(const QStringList &codes);
    // "none", "unreadable", "empty", "too-large", "not-pdf", "damaged",
    // "password", "no-pages", "timed-out", "read-failed", "reader-missing",
    // "cancelled": a problem as scripts see it (certdesk-cli pdf-check).
    static QString problemKey(PdfProblem problem);

    // How many times this process started the PDF reader so far (all
    // threads): what a test counts to see that one import reads its file once.
    static int readerRuns();
    // The reader program: $CERTDESK_PDFCHECK when set, else certdesk-pdfcheck
    // next to this program (or in ../libexec/certdesk/). Empty when missing.
    static QString readerProgram();

private:
    friend class PdfCheckJob;

    // The checks of the bytes alone, before any reading: a result when they
    // already refuse the file.
    static std::optional<PdfCheckResult> refuseBeforeReading(const QByteArray &bytes,
                                                             qint64 maxBytes);
    static std::optional<PdfCheckResult> readFile(const QString &path, qint64 maxBytes,
                                                  QByteArray *bytes);
    // The result for bytes the reader reported on.
    static PdfCheckResult fromReport(const QByteArray &bytes, const PdfReport &report,
                                     const PdfLimits &limits);
    static PdfCheckResult failure(PdfCheckResult::Problem problem, const QString &message,
                                  const QByteArray &bytes = {});
    static PdfCheckResult tooLarge(qint64 size, qint64 maxBytes, const QByteArray &bytes);
    static void countReaderRun();
};
