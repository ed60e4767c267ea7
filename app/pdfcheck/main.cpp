// certdesk-pdfcheck: the PDF reader process (README "Untrusted PDFs"). Reads
// one PDF from stdin, writes one PdfReport to stdout and exits 0. It runs for
// pdf/PdfCheck, which gives it the time and memory it may take:
//
//   certdesk-pdfcheck [--seconds N] [--memory-mb N] [--repair-first] < file.pdf > report
//
// --repair-first: the file is rewritten with libqpdf before PDFium reads it,
// and only the rewritten file is given to PDFium (the second run after
// PDFium killed the first, pdf/ReaderProcess).
//
// The limits are set on this process before it reads a byte: CPU time
// (RLIMIT_CPU, one second over N: the caller stops it at N seconds of wall
// time), address space (RLIMIT_AS; not under AddressSanitizer, which reserves
// terabytes), no core files; once the file is read, and before it is parsed,
// no files larger than a report on it. Exit status: 0 a
// report was written (whatever it says of the file), 2 bad arguments, 3 the
// limits could not be set, stdin could not be read, or the memory limit
// leaves the reader no room to work.

#include "pdfread/PdfReader.h"

#include <QCoreApplication>
#include <QFile>

#include <malloc.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#if defined(__SANITIZE_ADDRESS__)
#define CERTDESK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CERTDESK_ASAN 1
#endif
#endif

namespace {
struct Limits
{
    long seconds = 10;
    long memoryMb = 1024;
    bool repairFirst = false;
};

bool parseNumber(const char *text, long low, long high, long *out)
{
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < low || value > high)
        return false;
    *out = value;
    return true;
}

bool parseArguments(int argc, char **argv, Limits *limits)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--repair-first") {
            limits->repairFirst = true;
            continue;
        }
        if (i + 1 >= argc)
            return false;
        const char *value = argv[++i];
        if (arg == "--seconds" && parseNumber(value, 1, 3600, &limits->seconds))
            continue;
        if (arg == "--memory-mb" && parseNumber(value, 64, 1024 * 1024, &limits->memoryMb))
            continue;
        return false;
    }
    return true;
}

bool setLimit(int resource, rlim_t value)
{
    const rlimit limit{value, value};
    return setrlimit(resource, &limit) == 0;
}

bool applyLimits(const Limits &limits)
{
    const auto seconds = rlim_t(limits.seconds);
    const rlimit cpu{seconds + 1, seconds + 2}; // SIGXCPU, then SIGKILL
    bool ok = setrlimit(RLIMIT_CPU, &cpu) == 0;
    ok = ok && setLimit(RLIMIT_CORE, 0);
#ifndef CERTDESK_ASAN
    ok = ok && setLimit(RLIMIT_AS, rlim_t(limits.memoryMb) * 1024 * 1024);
#endif
    return ok;
}
} // namespace

int main(int argc, char **argv)
{
    Limits limits;
    if (!parseArguments(argc, argv, &limits)) {
        std::fputs("usage: certdesk-pdfcheck [--seconds N] [--memory-mb N] [--repair-first] < "
                   "file.pdf\n",
                   stderr);
        return 2;
    }
    // One malloc arena for all the reader's threads (PDFium's and Qt's):
    // glibc reserves 64 MB of address space for each thread's own arena, and
    // the address-space limit counts what is reserved, not what is used (a
    // one-page file then needed more than the smallest limit, 256 MB).
    mallopt(M_ARENA_MAX, 1);
    if (!applyLimits(limits)) {
        std::perror("certdesk-pdfcheck: setrlimit");
        return 3;
    }
    QCoreApplication app(argc, argv);

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        std::fputs("certdesk-pdfcheck: cannot read stdin\n", stderr);
        return 3;
    }
    const QByteArray bytes = in.readAll();
    // stdout is a pipe, or a file when run by hand; this process writes no
    // other file.
    if (!setLimit(RLIMIT_FSIZE, rlim_t(PdfReport::maxEncodedSize(bytes.size())))) {
        std::perror("certdesk-pdfcheck: setrlimit");
        return 3;
    }
    // PDFium and poppler take running out of memory while they open a file
    // for damage in it: a reader whose limit leaves it less than this much
    // room once started stops here, so the file is "reading it failed" (the
    // memory limit), never "damaged".
    {
        constexpr std::size_t kRoomToWork = std::size_t(48) * 1024 * 1024;
        const std::unique_ptr<char[]> room(new (std::nothrow) char[kRoomToWork]);
        if (!room) {
            std::fputs("certdesk-pdfcheck: the memory limit leaves no room to read\n", stderr);
            return 3;
        }
    }
    const QByteArray report =
        PdfReader::read(bytes, int(limits.seconds), limits.repairFirst).encode();
    if (std::fwrite(report.constData(), 1, size_t(report.size()), stdout) !=
            size_t(report.size()) ||
        std::fflush(stdout) != 0)
        std::_Exit(3);
    // One file per process: its memory goes back with the process. _Exit
    // skips the teardown of Qt and PDFium (and LeakSanitizer's exit check,
    // which would turn their known leaks into a failed check under ASan).
    std::_Exit(0);
}
