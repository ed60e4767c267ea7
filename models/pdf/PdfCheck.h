#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class PdfCheck;

// A file PdfCheck accepted: its bytes with what the check learnt of them. Only
// PdfCheck makes one, so a CheckedPdf in hand is a PDF that PDFium opened,
// that has pages and that was hashed, once; the import travels with it from
// the form to the service, which neither opens nor hashes it again.
class CheckedPdf
{
public:
    const QByteArray &bytes() const { return m_bytes; }
    const QByteArray &sha256Hex() const { return m_sha256Hex; } // lowercase, 64 characters
    int pageCount() const { return m_pageCount; }
    const QString &title() const { return m_title; } // the document title; often empty
    qint64 size() const { return m_bytes.size(); }

private:
    friend class PdfCheck;
    CheckedPdf() = default;

    QByteArray m_bytes;
    QByteArray m_sha256Hex;
    int m_pageCount = 0;
    QString m_title;
};

// The outcome of checking one uploaded certificate file.
struct PdfCheckResult
{
    enum class Problem
    {
        None,
        FileUnreadable,    // missing, a folder, no permission, read error
        Empty,             // 0 bytes
        TooLarge,          // over the size limit; not parsed at all
        NotPdf,            // does not start with "%PDF-" (a renamed text or image file)
        Damaged,           // starts like a PDF but PDFium cannot open it
        PasswordProtected, // needs a password to open (or an unsupported encryption)
        NoPages,           // a valid PDF with zero pages
    };

    Problem problem = Problem::None;
    // Says what is wrong and what to do, in the user's language; empty when ok().
    QString message;
    // The bytes checked. checkFile() leaves it empty when the file could not be
    // read or was too large to read.
    QByteArray bytes;
    // The rest is filled only when ok().
    QByteArray sha256Hex; // lowercase hex, 64 characters
    int pageCount = 0;
    QString pdfTitle; // the document information title; often empty

    // The accepted file, when ok().
    std::optional<CheckedPdf> checked;

    bool ok() const { return problem == Problem::None; }
};

// Checks an uploaded certificate PDF once, before it is stored: size, type,
// whether PDFium can open it without a password, and that it has pages. The
// checks run in a fixed order and stop at the first problem: Empty, TooLarge,
// NotPdf, then Damaged / PasswordProtected / NoPages from opening it.
//
// Synchronous; needs no event loop and no QGuiApplication. Safe to call from
// several threads at once: the checks take turns while loading, because PDFium
// reports load errors through one process-wide variable.
class PdfCheck
{
    Q_DECLARE_TR_FUNCTIONS(PdfCheck)

public:
    // Reads the file (once) and checks its bytes. A file larger than maxBytes is
    // not read at all. maxBytes <= 0 means no size limit.
    static PdfCheckResult checkFile(const QString &path, qint64 maxBytes);
    static PdfCheckResult checkBytes(const QByteArray &bytes, qint64 maxBytes);

    // "512 bytes", "24 KB", "3.4 MB", "20 MB", "1.5 GB" (1 KB = 1024 bytes), in
    // the default QLocale's number format.
    static QString formatSize(qint64 bytes);
    // The refusal of a checked file over a size limit set later (the limit
    // the import reads in its own transaction): TooLarge's message.
    static QString tooLargeMessage(qint64 size, qint64 maxBytes);
    // How many documents PDFium opened in this process so far (all threads):
    // what a test counts to see that one import opens its file once.
    static int documentsOpened();

private:
    static PdfCheckResult openWithPdfium(const QByteArray &bytes);
    static PdfCheckResult failure(PdfCheckResult::Problem problem, const QString &message,
                                  const QByteArray &bytes = {});
    static PdfCheckResult tooLarge(qint64 size, qint64 maxBytes, const QByteArray &bytes);
};
