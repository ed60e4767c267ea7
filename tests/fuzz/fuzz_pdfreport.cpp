// libFuzzer target: PdfReport::decode, the app's parser of what the reader
// process sends back (README "Fuzzing"). A reader that was made to misbehave
// can send anything; decode() must refuse it or give a report that survives
// encode() and decode() unchanged.
//
//   fuzz_pdfreport --write-seeds=DIR   writes encode() of sample reports
//                                      (and one with too much text) to DIR,
//                                      scripts/fuzz.sh's seed corpus, and exits

#include "FuzzCheck.h"
#include "pdf/PdfReport.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {
void check(bool ok, const char *what)
{
    fuzzCheck("fuzz_pdfreport", ok, what);
}

// Bit for bit, so that a NaN page size is equal to itself.
bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool sameReport(const PdfReport &a, const PdfReport &b)
{
    return a.problem == b.problem && a.pageCount == b.pageCount && a.title == b.title &&
           a.title.isNull() == b.title.isNull() &&
           sameBits(a.firstPageSize.width(), b.firstPageSize.width()) &&
           sameBits(a.firstPageSize.height(), b.firstPageSize.height()) &&
           a.firstPageRendered == b.firstPageRendered && a.firstPageText == b.firstPageText &&
           a.firstPageText.isNull() == b.firstPageText.isNull() && a.elapsedMs == b.elapsedMs &&
           a.repairs == b.repairs && a.repairedBytes == b.repairedBytes &&
           a.previews == b.previews && a.signalsRead == b.signalsRead && a.text == b.text &&
           a.textCut == b.textCut && a.links == b.links && a.qrCodes == b.qrCodes &&
           a.signatures == b.signatures;
}

// A small page image, as the reader sends them (RGB888).
QImage samplePreview(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(QColor(250, 248, 240));
    for (int x = 0; x < width; ++x)
        image.setPixelColor(x, height / 2, QColor(20, 30, 60));
    return image;
}

std::vector<PdfReport> sampleReports()
{
    std::vector<PdfReport> reports;
    for (const PdfProblem problem : {PdfProblem::Damaged, PdfProblem::PasswordProtected,
                                     PdfProblem::NoPages, PdfProblem::Cancelled}) {
        PdfReport refused;
        refused.problem = problem;
        refused.elapsedMs = 12;
        reports.push_back(refused);
    }
    PdfReport accepted;
    accepted.pageCount = 2;
    accepted.title = QStringLiteral("Certificate of completion");
    accepted.firstPageSize = QSizeF(842, 595);
    accepted.firstPageRendered = true;
    accepted.firstPageText =
        QStringLiteral("Am\u00e9lie Laurent\nFirst aid \u2014 level 2 \U0001F389");
    accepted.elapsedMs = 140;
    accepted.previews = {samplePreview(12, 9), samplePreview(9, 12)};
    reports.push_back(accepted);
    PdfReport repaired = accepted; // a file the reader repaired
    repaired.repairs = PdfRepairs(PdfRepair::LeadingBytes) | PdfRepairs(PdfRepair::Encryption);
    repaired.repairedBytes = QByteArray("%PDF-1.7\n%%EOF\n");
    reports.push_back(repaired);
    PdfReport found = accepted; // with signals for the reviewer
    found.signalsRead = AllPdfSignals;
    found.text = accepted.firstPageText + QStringLiteral("\fhttps://verify.example.org/c/1");
    found.links = {QStringLiteral("https://verify.example.org/c/1")};
    found.qrCodes = {{true, QStringLiteral("https://verify.example.org/q/1"), true},
                     {false, QString(), false}};
    PdfSignature signature;
    signature.state = PdfSignatureState::SignerNotTrusted;
    signature.signerName = QStringLiteral("Northwind Safety Institute");
    signature.signingTime = QDateTime::fromSecsSinceEpoch(1737374400, Qt::UTC);
    signature.coversWholeDocument = true;
    found.signatures = {signature};
    reports.push_back(found);
    PdfReport full = accepted; // the longest first-page text a report carries
    full.pageCount = 50000;
    full.firstPageSize = QSizeF(14400, 14400);
    full.firstPageText = QString(64 * 1024, QLatin1Char('x'));
    reports.push_back(full);
    return reports;
}

// A report (without previews or signals) whose first-page text has length
// characters, written field by field after encode()'s own header (magic and
// version), in the order encode() writes them: encode() cuts the text, and one character
// more than a report carries, which decode() must refuse, is an input over
// 128 KB that libFuzzer would take long to grow to. writeSeeds() checks that
// the layout is still encode()'s (the longest text a report carries decodes).
QByteArray withText(const PdfReport &report, qsizetype length)
{
    QByteArray fields;
    QDataStream out(&fields, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << qint32(report.problem) << qint32(report.pageCount) << report.title
        << report.firstPageSize << report.firstPageRendered << QString(length, QLatin1Char('x'))
        << report.elapsedMs << report.repairs << QByteArray() << qint32(0);
    // No signals: none read, no text, not cut, no links, codes or signatures.
    out << quint32(0) << QString() << false << qint32(0) << qint32(0) << qint32(0);
    return report.encode().left(8) + fields;
}

// An accepted report without pages, render or preview: decode() refuses it.
QByteArray acceptedWithoutPages()
{
    return PdfReport().encode();
}

void writeSeed(const QString &folder, const QString &name, const QByteArray &bytes)
{
    QFile file(QDir(folder).filePath(name));
    check(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size(),
          "cannot write a seed");
}

void writeSeeds(const QString &folder)
{
    check(QDir().mkpath(folder), "cannot make the seed folder");
    const std::vector<PdfReport> reports = sampleReports();
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const QByteArray bytes = reports[i].encode();
        check(PdfReport::decode(bytes).has_value(), "a sample report does not decode");
        writeSeed(folder, QStringLiteral("report-%1").arg(i), bytes);
    }
    // Refused only for its text: a refusal with no preview to carry.
    const PdfReport &refused = reports.front();
    check(PdfReport::decode(withText(refused, 64 * 1024)).has_value(),
          "the seed writer's report layout is not encode()'s");
    const QByteArray tooMuch = withText(refused, 64 * 1024 + 1);
    check(!PdfReport::decode(tooMuch).has_value(), "decode() takes more text than a report has");
    writeSeed(folder, QStringLiteral("too-much-text"), tooMuch);
    const QByteArray empty = acceptedWithoutPages();
    check(!PdfReport::decode(empty).has_value(), "decode() takes an accepted report without pages");
    writeSeed(folder, QStringLiteral("accepted-without-pages"), empty);
    std::printf("fuzz_pdfreport: %zu seeds in %s\n", reports.size() + 2, qPrintable(folder));
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const QString flag = QStringLiteral("--write-seeds=");
    for (int i = 1; i < *argc; ++i) {
        const QString arg = QString::fromLocal8Bit((*argv)[i]);
        if (arg.startsWith(flag)) {
            writeSeeds(arg.mid(flag.size()));
            std::exit(0);
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // No copy: ASan sees a read past libFuzzer's own buffer.
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<PdfReport> report = PdfReport::decode(bytes);
    if (!report)
        return 0;

    // What decode() accepts, encode() writes again and decode() reads back
    // the same; and the bytes encode() writes are a fixed point.
    const QByteArray once = report->encode();
    const std::optional<PdfReport> again = PdfReport::decode(once);
    check(again.has_value(), "decode() refuses encode() of a report it accepted");
    check(sameReport(*report, *again), "a decoded report changes through encode() and decode()");
    check(again->encode() == once, "encode(decode(encode(r))) differs from encode(r)");
    return 0;
}
