#include "pdf/PdfCheck.h"

#include <QAtomicInt>
#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMutex>
#include <QPdfDocument>

using Problem = PdfCheckResult::Problem;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

QAtomicInt openedDocuments;

bool overLimit(qint64 size, qint64 maxBytes)
{
    return maxBytes > 0 && size > maxBytes;
}

// "3.4" or "20" (no ".0" for an exact multiple of the unit).
QString formatUnits(qint64 bytes, qint64 unit)
{
    const QLocale locale;
    if (bytes % unit == 0)
        return locale.toString(bytes / unit);
    return locale.toString(double(bytes) / double(unit), 'f', 1);
}
} // namespace

PdfCheckResult PdfCheck::failure(Problem problem, const QString &message, const QByteArray &bytes)
{
    PdfCheckResult result;
    result.problem = problem;
    result.message = message;
    result.bytes = bytes;
    return result;
}

QString PdfCheck::tooLargeMessage(qint64 size, qint64 maxBytes)
{
    return tr("The file is %1, larger than the %2 limit. Make it smaller (for example, scan it "
              "at a lower resolution or in black and white) and try again.")
        .arg(formatSize(size), formatSize(maxBytes));
}

PdfCheckResult PdfCheck::tooLarge(qint64 size, qint64 maxBytes, const QByteArray &bytes)
{
    return failure(Problem::TooLarge, tooLargeMessage(size, maxBytes), bytes);
}

int PdfCheck::documentsOpened()
{
    return openedDocuments.loadRelaxed();
}

PdfCheckResult PdfCheck::checkFile(const QString &path, qint64 maxBytes)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const auto unreadable = [&shownPath](const QString &reason) {
        return failure(Problem::FileUnreadable,
                       tr("The file “%1” could not be read: %2. Check that it still exists and "
                          "that you may open it, then choose it again.")
                           .arg(shownPath, reason));
    };

    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists())
        return unreadable(tr("it does not exist"));
    // Only regular files: a folder or a device (a FIFO, /dev/zero) would fail
    // or never end.
    if (!info.isFile())
        return unreadable(tr("it is not a regular file"));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(file.errorString());
    if (overLimit(file.size(), maxBytes))
        return tooLarge(file.size(), maxBytes, {});
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return unreadable(file.errorString());
    return checkBytes(bytes, maxBytes);
}

PdfCheckResult PdfCheck::checkBytes(const QByteArray &bytes, qint64 maxBytes)
{
    if (bytes.isEmpty()) {
        return failure(Problem::Empty,
                       tr("The file is empty (0 bytes). Choose the certificate PDF itself; if it "
                          "was downloaded, download it again."),
                       bytes);
    }
    if (overLimit(bytes.size(), maxBytes))
        return tooLarge(bytes.size(), maxBytes, bytes);
    if (!bytes.startsWith("%PDF-")) {
        return failure(Problem::NotPdf,
                       tr("The file is not a PDF document (it may be an image or a text file "
                          "renamed to .pdf). Save or scan the certificate as a PDF and choose "
                          "that file."),
                       bytes);
    }

    PdfCheckResult result = openWithPdfium(bytes);
    result.bytes = bytes;
    if (result.ok()) {
        result.sha256Hex = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        CheckedPdf checked;
        checked.m_bytes = bytes;
        checked.m_sha256Hex = result.sha256Hex;
        checked.m_pageCount = result.pageCount;
        checked.m_title = result.pdfTitle;
        result.checked = checked;
    }
    return result;
}

PdfCheckResult PdfCheck::openWithPdfium(const QByteArray &bytes)
{
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
    // PDFium keeps the error of the last load in one global variable, and QtPdf
    // 6.4 reads it after releasing its lock: two loads at once in two threads
    // swap their errors (a password-protected file reported as damaged). So our
    // loads take turns; a QPdfDocument loaded elsewhere at the same moment can
    // still interfere.
    static QMutex loadMutex;
    QMutexLocker locker(&loadMutex);
    // For a random-access device (QBuffer, QFile) load() finishes before it
    // returns: status is Ready or Error, no event loop needed. Only sequential
    // devices (network replies) load asynchronously.
    document.load(&buffer);
    openedDocuments.ref();
    const QPdfDocument::Error error = document.error();
    locker.unlock();

    if (passwordRequired || error == QPdfDocument::Error::IncorrectPassword ||
        error == QPdfDocument::Error::UnsupportedSecurityScheme) {
        // An unsupported security scheme is encryption too: the same fix helps.
        return failure(Problem::PasswordProtected,
                       tr("The PDF is protected by a password, so reviewers could not open it. "
                          "Save a copy without the password (or ask the issuer for an "
                          "unprotected copy) and choose that file."));
    }
    // QtPdf 6.4 reports a zero-page document as status Error with error None.
    if (error == QPdfDocument::Error::None && document.pageCount() < 1) {
        return failure(Problem::NoPages,
                       tr("The PDF contains no pages. Choose the complete certificate, with at "
                          "least one page."));
    }
    if (document.status() != QPdfDocument::Status::Ready || error != QPdfDocument::Error::None ||
        document.pagePointSize(0).isEmpty()) {
        return failure(Problem::Damaged,
                       tr("The PDF is damaged or incomplete and cannot be opened. Download or "
                          "export the certificate again and choose the new file."));
    }

    PdfCheckResult result;
    result.pageCount = document.pageCount();
    result.pdfTitle = document.metaData(QPdfDocument::MetaDataField::Title).toString().simplified();
    return result;
}

QString PdfCheck::formatSize(qint64 bytes)
{
    // Not tr("%n byte(s)"): without an English catalogue that shows "(s)".
    if (bytes == 1)
        return tr("1 byte");
    if (bytes < KiB)
        return tr("%1 bytes").arg(QLocale().toString(bytes));
    if (bytes < MiB)
        return tr("%1 KB").arg(QLocale().toString((bytes + KiB - 1) / KiB));
    if (bytes < GiB)
        return tr("%1 MB").arg(formatUnits(bytes, MiB));
    return tr("%1 GB").arg(formatUnits(bytes, GiB));
}
