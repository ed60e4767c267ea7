#include "pdf/PdfCheck.h"

#include "pdf/ReaderProcess.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

using Problem = PdfCheckResult::Problem;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

QAtomicInt readerRunCount;

constexpr auto kReaderName = "certdesk-pdfcheck";

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

int PdfCheck::readerRuns()
{
    return readerRunCount.loadRelaxed();
}

void PdfCheck::countReaderRun()
{
    readerRunCount.ref();
}

QString PdfCheck::readerProgram()
{
    const QString configured = qEnvironmentVariable("CERTDESK_PDFCHECK");
    if (!configured.isEmpty())
        return QFileInfo(configured).isExecutable() ? configured : QString();
    // Without a QCoreApplication, the folder of the running program from the
    // kernel (applicationDirPath() would only warn).
    const QString folder = QCoreApplication::instance()
                               ? QCoreApplication::applicationDirPath()
                               : QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    const QString name = QString::fromLatin1(kReaderName);
    const QStringList candidates{folder + QLatin1Char('/') + name,
                                 folder + QStringLiteral("/../libexec/certdesk/") + name};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

std::optional<PdfCheckResult> PdfCheck::readFile(const QString &path, qint64 maxBytes,
                                                 QByteArray *bytes)
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
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return unreadable(file.errorString());
    return std::nullopt;
}

PdfCheckResult PdfCheck::checkFile(const QString &path, const PdfLimits &limits)
{
    QByteArray bytes;
    if (auto refused = readFile(path, limits.maxBytes, &bytes))
        return *refused;
    return checkBytes(bytes, limits);
}

PdfCheckResult PdfCheck::checkFile(const QString &path, qint64 maxBytes)
{
    return checkFile(path, PdfLimits::withMaxBytes(maxBytes));
}

PdfCheckResult PdfCheck::checkBytes(const QByteArray &bytes, qint64 maxBytes)
{
    return checkBytes(bytes, PdfLimits::withMaxBytes(maxBytes));
}

std::optional<PdfCheckResult> PdfCheck::refuseBeforeReading(const QByteArray &bytes,
                                                            qint64 maxBytes)
{
    if (bytes.isEmpty()) {
        return failure(Problem::Empty,
                       tr("The file is empty (0 bytes). Choose the certificate PDF itself; if it "
                          "was downloaded, download it again."),
                       bytes);
    }
    if (overLimit(bytes.size(), maxBytes))
        return tooLarge(bytes.size(), maxBytes, bytes);
    if (PdfReport::headerOffset(bytes) < 0) {
        return failure(Problem::NotPdf,
                       tr("The file is not a PDF document (it may be an image or a text file "
                          "renamed to .pdf). Save or scan the certificate as a PDF and choose "
                          "that file."),
                       bytes);
    }
    return std::nullopt;
}

namespace {
// Runs the reader on bytes and waits for it, until the deadline.
PdfReport runReader(const QByteArray &bytes, const PdfLimits &limits,
                    const QDeadlineTimer &deadline, bool repairFirst, bool *crashed)
{
    using ReaderProcess::End;
    QProcess process;
    if (!ReaderProcess::prepare(process, limits, repairFirst))
        return ReaderProcess::problemReport(PdfProblem::ReaderMissing);
    process.start();
    if (!process.waitForStarted(30 * 1000))
        return ReaderProcess::interpret(End::FailedToStart, process, {});
    process.write(bytes);
    process.closeWriteChannel();

    QByteArray output;
    End end = End::Exited;
    while (process.state() != QProcess::NotRunning) {
        if (deadline.hasExpired()) {
            end = End::TimedOut;
            break;
        }
        const int slice = int(std::min<qint64>(deadline.remainingTime(), 200));
        if (!process.waitForReadyRead(slice) && process.state() != QProcess::NotRunning)
            process.waitForFinished(slice); // its output closed: wait without spinning
        output += process.readAllStandardOutput();
        if (output.size() > PdfReport::maxEncodedSize(bytes.size())) {
            end = End::TooMuch;
            break;
        }
    }
    if (end != End::Exited) {
        process.kill();
        process.waitForFinished(5 * 1000);
    }
    output += process.readAllStandardOutput();
    *crashed = ReaderProcess::crashed(end, process);
    return ReaderProcess::interpret(end, process, output);
}
} // namespace

PdfCheckResult PdfCheck::checkBytes(const QByteArray &bytes, const PdfLimits &limits)
{
    if (auto refused = refuseBeforeReading(bytes, limits.maxBytes))
        return *refused;
    // The reader, and once more with the file repaired first when PDFium
    // killed it, both within the one time limit.
    const QDeadlineTimer deadline(std::chrono::seconds(limits.seconds));
    bool crashed = false;
    countReaderRun();
    PdfReport report = runReader(bytes, limits, deadline, false, &crashed);
    if (crashed && !deadline.hasExpired()) {
        countReaderRun();
        report = runReader(bytes, limits, deadline, true, &crashed);
    }
    return fromReport(bytes, report, limits);
}

PdfCheckResult PdfCheck::fromReport(const QByteArray &bytes, const PdfReport &report,
                                    const PdfLimits &limits)
{
    switch (report.problem) {
    case Problem::None:
        break;
    case Problem::PasswordProtected:
        // An unsupported security scheme is encryption too: the same fix helps.
        return failure(Problem::PasswordProtected,
                       tr("The PDF is protected by a password, so reviewers could not open it. "
                          "Save a copy without the password (or ask the issuer for an "
                          "unprotected copy) and choose that file."),
                       bytes);
    case Problem::NoPages:
        return failure(Problem::NoPages,
                       tr("The PDF contains no pages. Choose the complete certificate, with at "
                          "least one page."),
                       bytes);
    case Problem::TimedOut:
        return failure(Problem::TimedOut,
                       tr("CertDesk could not read this PDF safely within %1 seconds: it may be "
                          "damaged or made to stall PDF readers. Export or download the "
                          "certificate again and choose the new file.")
                           .arg(limits.seconds),
                       bytes);
    case Problem::ReadFailed:
        return failure(Problem::ReadFailed,
                       tr("CertDesk could not read this PDF safely: reading it failed (the file "
                          "may be damaged, or need more than %1 of memory). Export or download "
                          "the certificate again and choose the new file.")
                           .arg(formatSize(qint64(limits.memoryMb) * MiB)),
                       bytes);
    case Problem::ReaderMissing:
        return failure(Problem::ReaderMissing,
                       tr("CertDesk cannot check PDF files: its PDF reader (%1) is not "
                          "installed next to it. Install CertDesk again, or ask your "
                          "administrator to.")
                           .arg(QString::fromLatin1(kReaderName)),
                       bytes);
    case Problem::Cancelled:
        return failure(Problem::Cancelled, tr("The check of this PDF was stopped."), bytes);
    default:
        return failure(Problem::Damaged,
                       tr("The PDF is damaged or incomplete and cannot be opened. Download or "
                          "export the certificate again and choose the new file."),
                       bytes);
    }

    // A repaired file over the size limit is refused as the upload would be.
    const QByteArray &stored = report.repaired() ? report.repairedBytes : bytes;
    if (overLimit(stored.size(), limits.maxBytes))
        return tooLarge(stored.size(), limits.maxBytes, bytes);

    PdfCheckResult result;
    result.bytes = bytes;
    result.pageCount = report.pageCount;
    result.pdfTitle = report.title;
    result.firstPageText = report.firstPageText;
    result.readerMs = report.elapsedMs;
    result.repairs = report.repairs;
    result.previews = report.previews;
    result.firstPageSize = report.firstPageSize;
    result.signalsRead = report.signalsRead;
    result.text = report.text;
    result.textCut = report.textCut;
    result.links = report.links;
    result.qrCodes = report.qrCodes;
    result.signatures = report.signatures;
    result.sha256Hex = QCryptographicHash::hash(stored, QCryptographicHash::Sha256).toHex();
    CheckedPdf checked;
    checked.m_bytes = stored;
    checked.m_sha256Hex = result.sha256Hex;
    checked.m_uploadedSha256Hex =
        report.repaired() ? QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()
                          : result.sha256Hex;
    checked.m_pageCount = result.pageCount;
    checked.m_title = result.pdfTitle;
    checked.m_repairs = report.repairs;
    result.checked = checked;
    return result;
}

namespace {
struct RepairCode
{
    PdfRepair repair;
    const char *code;
};
constexpr RepairCode kRepairCodes[] = {
    {PdfRepair::LeadingBytes, "leading-bytes"},
    {PdfRepair::Encryption, "encryption"},
    {PdfRepair::CrossReference, "cross-reference"},
    {PdfRepair::Structure, "structure"},
    {PdfRepair::PageTree, "page-tree"},
};
} // namespace

QString PdfCheck::problemKey(PdfProblem problem)
{
    switch (problem) {
    case Problem::None:
        return QStringLiteral("none");
    case Problem::FileUnreadable:
        return QStringLiteral("unreadable");
    case Problem::Empty:
        return QStringLiteral("empty");
    case Problem::TooLarge:
        return QStringLiteral("too-large");
    case Problem::NotPdf:
        return QStringLiteral("not-pdf");
    case Problem::Damaged:
        return QStringLiteral("damaged");
    case Problem::PasswordProtected:
        return QStringLiteral("password");
    case Problem::NoPages:
        return QStringLiteral("no-pages");
    case Problem::TimedOut:
        return QStringLiteral("timed-out");
    case Problem::ReadFailed:
        return QStringLiteral("read-failed");
    case Problem::ReaderMissing:
        return QStringLiteral("reader-missing");
    case Problem::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("damaged");
}

QStringList PdfCheck::repairCodes(PdfRepairs repairs)
{
    QStringList codes;
    for (const RepairCode &entry : kRepairCodes) {
        if ((repairs & PdfRepairs(entry.repair)) != 0)
            codes << QString::fromLatin1(entry.code);
    }
    return codes;
}

PdfRepairs PdfCheck::repairsFromCodes(const QStringList &codes)
{
    PdfRepairs repairs = 0;
    for (const RepairCode &entry : kRepairCodes) {
        if (codes.contains(QLatin1String(entry.code)))
            repairs |= PdfRepairs(entry.repair);
    }
    return repairs;
}

QString PdfCheck::describeRepairs(PdfRepairs repairs)
{
    QStringList parts;
    if ((repairs & PdfRepairs(PdfRepair::LeadingBytes)) != 0)
        parts << tr("bytes before the PDF header removed");
    if ((repairs & PdfRepairs(PdfRepair::Encryption)) != 0)
        parts << tr("encryption without a password removed");
    if ((repairs & PdfRepairs(PdfRepair::CrossReference)) != 0)
        parts << tr("cross-reference table rebuilt");
    if ((repairs & PdfRepairs(PdfRepair::Structure)) != 0)
        parts << tr("damaged structure rewritten");
    if ((repairs & PdfRepairs(PdfRepair::PageTree)) != 0)
        parts << tr("page tree flattened");
    return parts.join(tr("; "));
}

QString PdfCheck::repairedOnImport(const QStringList &codes)
{
    const QString repairs = describeRepairs(repairsFromCodes(codes));
    return repairs.isEmpty() ? QString() : tr("Repaired on import: %1").arg(repairs);
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
