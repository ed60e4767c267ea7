// libFuzzer target: PdfReader::read, what the reader process certdesk-pdfcheck
// runs on a stranger's bytes (README "Fuzzing"). Every input goes in, PDF or
// not: the reader must cope with anything. Our glue is instrumented; PDFium
// inside the system's libQt6Pdf is not, so libFuzzer sees its crashes and
// hangs but not its coverage.
//
// Besides "no crash, no hang" the report must be one the app believes:
// PdfReport::decode(report.encode()) gives it back, and an accepted file has
// pages and a rendered first page. Leaks are not looked for (scripts/fuzz.sh
// runs it with -detect_leaks=0): the reader process reads one file and exits,
// and PDFium leaks a little on most broken files, which made libFuzzer check
// nearly every input again under LeakSanitizer, 16 times slower.
//
// No QCoreApplication: QPdfDocument loads from a QBuffer before load()
// returns and renders without an event loop or an application object (the
// PDFs of tests/data and make_odd_pdfs.py give the same problem, page count
// and rendering with one or without).

#include "FuzzCheck.h"
#include "pdfread/PdfReader.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
void check(bool ok, const char *what)
{
    fuzzCheck("fuzz_pdfreader", ok, what);
}

// QtPdf's warnings on broken files would flood the log at hundreds of inputs
// a second; CERTDESK_FUZZ_VERBOSE=1 lets them through and prints each report
// (to see what an artefact does: fuzz_pdfreader crash-…).
bool verbose = false;

void quiet(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(qFormatLogMessage(type, context, message)));
        std::abort();
    }
}

// PDFium is not instrumented, so its coverage cannot tell libFuzzer that a
// mutation got further into a file than its parent did. What the report says
// is the next best signal: each branch and loop below is a coverage counter of
// ours, and libFuzzer buckets a counter's hits (1, 2, 3, 4-7, 8-15, ...), so
// an input that gives a new kind of outcome (accepted, damaged, password,
// no pages) or a new order of magnitude of pages, title, text or page size is
// kept in the corpus.
volatile int sink = 0;

void countBits(qint64 value)
{
    for (; value > 0; value >>= 1)
        sink = sink + 1;
}

// A page side in whole points, 0 when it is not a sensible number.
qint64 wholePoints(double side)
{
    return std::isfinite(side) && side > 0 ? qint64(std::min(side, 1e15)) : 0;
}

void outcomeFeedback(const PdfReport &report)
{
    switch (report.problem) {
    case PdfProblem::None:
        sink = 1;
        break;
    case PdfProblem::Damaged:
        sink = 2;
        break;
    case PdfProblem::PasswordProtected:
        sink = 3;
        break;
    case PdfProblem::NoPages:
        sink = 4;
        break;
    default:
        sink = 5;
        break;
    }
    if (report.firstPageRendered)
        sink = 6;
    countBits(report.pageCount);
    countBits(report.title.size());
    countBits(report.firstPageText.size());
    countBits(wholePoints(report.firstPageSize.width()));
    countBits(wholePoints(report.firstPageSize.height()));
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    verbose = qEnvironmentVariableIntValue("CERTDESK_FUZZ_VERBOSE") != 0;
    if (!verbose)
        qInstallMessageHandler(quiet);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // No copy: ASan sees a read past libFuzzer's own buffer.
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const PdfReport report = PdfReader::read(bytes);
    if (verbose)
        std::fprintf(stderr, "fuzz_pdfreader: problem %d, %d pages, rendered %d, %lld ms\n",
                     int(report.problem), report.pageCount, int(report.firstPageRendered),
                     static_cast<long long>(report.elapsedMs));
    outcomeFeedback(report);

    const std::optional<PdfReport> decoded = PdfReport::decode(report.encode());
    check(decoded.has_value(), "the app would refuse the reader's report (decode failed)");
    check(decoded->problem == report.problem, "the report's problem changed on its way");
    check(decoded->pageCount == report.pageCount, "the report's page count changed on its way");
    if (report.problem == PdfProblem::None) {
        check(report.pageCount >= 1, "an accepted PDF without pages");
        check(report.firstPageRendered, "an accepted PDF whose first page was not rendered");
    }
    return 0;
}
