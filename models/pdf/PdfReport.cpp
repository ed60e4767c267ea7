#include "pdf/PdfReport.h"

#include <QDataStream>
#include <QIODevice>

namespace {
// "CDPR", then the version: a report of another build is not read.
constexpr quint32 kMagic = 0x43445052;
constexpr quint32 kVersion = 1;
// The text of a first page is capped (a page of 50 MB of text operators).
constexpr qsizetype kMaxText = 64 * 1024;

bool knownProblem(qint32 value)
{
    return value >= qint32(PdfProblem::None) && value <= qint32(PdfProblem::Cancelled);
}
} // namespace

QByteArray PdfReport::encode() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << qint32(problem) << qint32(pageCount) << title << firstPageSize
        << firstPageRendered << firstPageText.left(kMaxText) << elapsedMs;
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
    in >> problem >> pages >> report.title >> report.firstPageSize >> report.firstPageRendered >>
        report.firstPageText >> report.elapsedMs;
    if (in.status() != QDataStream::Ok || !in.atEnd() || !knownProblem(problem) || pages < 0 ||
        report.firstPageText.size() > kMaxText)
        return std::nullopt;
    report.problem = PdfProblem(problem);
    report.pageCount = pages;
    return report;
}
