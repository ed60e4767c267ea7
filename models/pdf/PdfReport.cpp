#include "pdf/PdfReport.h"

#include <QDataStream>
#include <QIODevice>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {
// "CDPR", then the version: a report of another build is not read.
constexpr quint32 kMagic = 0x43445052;
// 3: the signals (text, links, 2D codes, signatures).
constexpr quint32 kVersion = 3;
// The text of a first page is capped (a page of 50 MB of text operators).
constexpr qsizetype kMaxText = 64 * 1024;
// A title is a line; the document information may hold a megabyte of it.
constexpr qsizetype kMaxTitle = 1024;

bool knownProblem(qint32 value)
{
    return value >= qint32(PdfProblem::None) && value <= qint32(PdfProblem::Cancelled);
}

// A preview travels as its size and its packed RGB888 pixels: no image file
// format to parse on the receiving side.
void writePreview(QDataStream &out, const QImage &preview)
{
    const QImage rgb = preview.convertToFormat(QImage::Format_RGB888);
    QByteArray pixels;
    const qsizetype row = qsizetype(rgb.width()) * 3;
    pixels.reserve(row * rgb.height());
    for (int y = 0; y < rgb.height(); ++y)
        pixels.append(reinterpret_cast<const char *>(rgb.constScanLine(y)), row);
    out << qint32(rgb.width()) << qint32(rgb.height()) << pixels;
}

std::optional<QImage> readPreview(QDataStream &in)
{
    qint32 width = 0;
    qint32 height = 0;
    QByteArray pixels;
    in >> width >> height >> pixels;
    if (in.status() != QDataStream::Ok || width < 1 || height < 1 ||
        width > PdfReport::MaxPreviewEdge || height > PdfReport::MaxPreviewEdge ||
        pixels.size() != qsizetype(width) * height * 3)
        return std::nullopt;
    QImage image(width, height, QImage::Format_RGB888);
    if (image.isNull())
        return std::nullopt;
    const qsizetype row = qsizetype(width) * 3;
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), pixels.constData() + row * y, size_t(row));
    return image;
}

// The latest signing time a report carries (9999-12-31T23:59:59Z); 0: none.
constexpr qint64 kMaxSigningTime = 253402300799;

// At most max characters of text, never half of a surrogate pair.
QString cut(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    qsizetype length = max;
    if (length > 0 && text.at(length - 1).isHighSurrogate())
        --length;
    return text.left(length);
}

// A text of only white space is no text (a scan): empty.
QString pageText(const QString &text)
{
    const QString capped = cut(text, PdfReport::MaxText);
    return capped.trimmed().isEmpty() ? QString() : capped;
}

// What encode() writes of the signals: only what decode() accepts.
QStringList sentLinks(const QStringList &links)
{
    QStringList sent;
    for (const QString &link : links) {
        if (sent.size() >= PdfReport::MaxLinks)
            break;
        if (PdfReport::isWebLink(link) && !sent.contains(link))
            sent.append(link);
    }
    return sent;
}

PdfQrCode sentCode(const PdfQrCode &code)
{
    PdfQrCode sent;
    sent.readable = code.readable;
    if (code.readable) {
        sent.text = cut(code.text, PdfReport::MaxQrText);
        sent.isLink = PdfReport::isWebLink(sent.text);
    }
    return sent;
}

qint64 signingSeconds(const QDateTime &time)
{
    if (!time.isValid())
        return 0;
    const qint64 seconds = time.toSecsSinceEpoch();
    return seconds > 0 && seconds <= kMaxSigningTime ? seconds : 0;
}

bool knownSignatureState(qint32 value)
{
    return value >= qint32(PdfSignatureState::Valid) &&
           value <= qint32(PdfSignatureState::Unreadable);
}

void writeSignals(QDataStream &out, const PdfReport &report)
{
    // A refusal carries no signals.
    const bool accepted = report.problem == PdfProblem::None;
    const QStringList links = accepted ? sentLinks(report.links) : QStringList();
    const qsizetype codes =
        accepted ? std::min<qsizetype>(report.qrCodes.size(), PdfReport::MaxQrCodes) : 0;
    const qsizetype signatures =
        accepted ? std::min<qsizetype>(report.signatures.size(), PdfReport::MaxSignatures) : 0;
    out << (accepted ? report.signalsRead & AllPdfSignals : PdfSignals(0))
        << (accepted ? pageText(report.text) : QString()) << (accepted && report.textCut)
        << qint32(links.size());
    for (const QString &link : links)
        out << link;
    out << qint32(codes);
    for (qsizetype i = 0; i < codes; ++i) {
        const PdfQrCode code = sentCode(report.qrCodes.at(i));
        out << code.readable << code.text << code.isLink;
    }
    out << qint32(signatures);
    for (qsizetype i = 0; i < signatures; ++i) {
        const PdfSignature &signature = report.signatures.at(i);
        out << qint32(signature.state) << cut(signature.signerName, PdfReport::MaxSignerName)
            << signingSeconds(signature.signingTime) << signature.coversWholeDocument;
    }
}

// Every count is checked before anything it counts is read.
bool readSignals(QDataStream &in, PdfReport *report)
{
    qint32 count = 0;
    in >> report->signalsRead >> report->text >> report->textCut >> count;
    if (in.status() != QDataStream::Ok || (report->signalsRead & ~AllPdfSignals) != 0 ||
        report->text.size() > PdfReport::MaxText ||
        (!report->text.isEmpty() && report->text.trimmed().isEmpty()) || count < 0 ||
        count > PdfReport::MaxLinks)
        return false;
    for (qint32 i = 0; i < count; ++i) {
        QString link;
        in >> link;
        if (in.status() != QDataStream::Ok || !PdfReport::isWebLink(link) ||
            report->links.contains(link))
            return false;
        report->links.append(link);
    }
    in >> count;
    if (in.status() != QDataStream::Ok || count < 0 || count > PdfReport::MaxQrCodes)
        return false;
    for (qint32 i = 0; i < count; ++i) {
        PdfQrCode code;
        in >> code.readable >> code.text >> code.isLink;
        if (in.status() != QDataStream::Ok || code.text.size() > PdfReport::MaxQrText ||
            (!code.readable && (!code.text.isEmpty() || code.isLink)) ||
            (code.readable && code.isLink != PdfReport::isWebLink(code.text)))
            return false;
        report->qrCodes.append(code);
    }
    in >> count;
    if (in.status() != QDataStream::Ok || count < 0 || count > PdfReport::MaxSignatures)
        return false;
    for (qint32 i = 0; i < count; ++i) {
        qint32 state = 0;
        qint64 seconds = 0;
        PdfSignature signature;
        in >> state >> signature.signerName >> seconds >> signature.coversWholeDocument;
        if (in.status() != QDataStream::Ok || !knownSignatureState(state) ||
            signature.signerName.size() > PdfReport::MaxSignerName || seconds < 0 ||
            seconds > kMaxSigningTime)
            return false;
        signature.state = PdfSignatureState(state);
        if (seconds > 0)
            signature.signingTime = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        report->signatures.append(signature);
    }
    return true;
}

bool hasSignals(const PdfReport &report)
{
    return report.signalsRead != 0 || !report.text.isEmpty() || report.textCut ||
           !report.links.isEmpty() || !report.qrCodes.isEmpty() || !report.signatures.isEmpty();
}
} // namespace

qsizetype PdfReport::headerOffset(const QByteArray &bytes)
{
    constexpr qsizetype window = 1024;
    return bytes.left(window + 5).indexOf("%PDF-");
}

bool PdfReport::isWebLink(const QString &text)
{
    if (text.isEmpty() || text.size() > MaxLinkLength)
        return false;
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    if (!text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) &&
        !text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return false;
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty();
}

qint64 PdfReport::maxRepairedSize(qint64 inputBytes)
{
    return 2 * inputBytes + 1024 * 1024;
}

qint64 PdfReport::maxEncodedSize(qint64 inputBytes)
{
    const qint64 previews = qint64(MaxPreviewPages) * MaxPreviewEdge * MaxPreviewEdge * 3;
    const qint64 signalBytes = 2 * (MaxText + MaxLinks * MaxLinkLength + MaxQrCodes * MaxQrText +
                                    MaxSignatures * MaxSignerName) +
                               64 * 1024;
    return maxRepairedSize(inputBytes) + previews + 2 * (kMaxText + kMaxTitle) + signalBytes +
           64 * 1024;
}

QByteArray PdfReport::encode() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << qint32(problem) << qint32(pageCount) << title.left(kMaxTitle)
        << firstPageSize << firstPageRendered << firstPageText.left(kMaxText) << elapsedMs
        << repairs << (repairs != 0 ? repairedBytes : QByteArray())
        << qint32(std::min<qsizetype>(previews.size(), MaxPreviewPages));
    for (qsizetype i = 0; i < std::min<qsizetype>(previews.size(), MaxPreviewPages); ++i)
        writePreview(out, previews.at(i));
    writeSignals(out, *this);
    return bytes;
}

std::optional<PdfReport> PdfReport::decode(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != kMagic || version != kVersion)
        return std::nullopt;
    PdfReport report;
    qint32 problem = 0;
    qint32 pages = 0;
    qint32 previewCount = 0;
    in >> problem >> pages >> report.title >> report.firstPageSize >> report.firstPageRendered >>
        report.firstPageText >> report.elapsedMs >> report.repairs >> report.repairedBytes >>
        previewCount;
    if (in.status() != QDataStream::Ok || !knownProblem(problem) || pages < 0 ||
        report.firstPageText.size() > kMaxText || report.title.size() > kMaxTitle ||
        (report.repairs & ~AllPdfRepairs) != 0 ||
        (report.repairs != 0) == report.repairedBytes.isEmpty() || previewCount < 0 ||
        previewCount > MaxPreviewPages)
        return std::nullopt;
    for (qint32 i = 0; i < previewCount; ++i) {
        auto preview = readPreview(in);
        if (!preview)
            return std::nullopt;
        report.previews.append(*preview);
    }
    if (!readSignals(in, &report))
        return std::nullopt;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    // A refusal carries no signals.
    if (problem != qint32(PdfProblem::None) && hasSignals(report))
        return std::nullopt;
    // An accepted file has pages, a page 1 of a real size that rendered, and
    // its preview: a report that says otherwise is not believed.
    const QSizeF size = report.firstPageSize;
    const bool sized = std::isfinite(size.width()) && std::isfinite(size.height());
    if (!sized || (problem == qint32(PdfProblem::None) &&
                   (pages < 1 || !report.firstPageRendered || size.width() <= 0 ||
                    size.height() <= 0 || report.previews.isEmpty())))
        return std::nullopt;
    report.problem = PdfProblem(problem);
    report.pageCount = pages;
    return report;
}
