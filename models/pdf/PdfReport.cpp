#include "pdf/PdfReport.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {
// "CDPR", then the version: a report of another build is not read.
constexpr quint32 kMagic = 0x43445052;
constexpr quint32 kVersion = 2;
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
} // namespace

qsizetype PdfReport::headerOffset(const QByteArray &bytes)
{
    constexpr qsizetype window = 1024;
    return bytes.left(window + 5).indexOf("%PDF-");
}

qint64 PdfReport::maxRepairedSize(qint64 inputBytes)
{
    return 2 * inputBytes + 1024 * 1024;
}

qint64 PdfReport::maxEncodedSize(qint64 inputBytes)
{
    const qint64 previews = qint64(MaxPreviewPages) * MaxPreviewEdge * MaxPreviewEdge * 3;
    return maxRepairedSize(inputBytes) + previews + 2 * (kMaxText + kMaxTitle) + 64 * 1024;
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
    if (in.status() != QDataStream::Ok || !in.atEnd())
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
