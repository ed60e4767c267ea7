#pragma once

#include <QtGlobal>

// How far CertDesk goes with a PDF from a stranger (README "Untrusted PDFs"):
// the largest file it reads, and the time and memory the PDF reader process
// may use on one file. The platform settings pdf.max-size-mb,
// pdf.check-seconds and pdf.check-memory-mb (policy/PlatformSettings).
struct PdfLimits
{
    static constexpr int DefaultSeconds = 10;
    static constexpr int DefaultMemoryMb = 1024;

    qint64 maxBytes = 0; // 0: no size limit
    int seconds = DefaultSeconds;
    int memoryMb = DefaultMemoryMb;

    static PdfLimits withMaxBytes(qint64 bytes)
    {
        PdfLimits limits;
        limits.maxBytes = bytes;
        return limits;
    }
};
