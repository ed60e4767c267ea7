#pragma once

// Inside the pdf room only: running the PDF reader (certdesk-pdfcheck) for
// PdfCheck (waiting) and PdfCheckJob (not waiting) alike.

#include "core/PdfLimits.h"
#include "pdf/PdfReport.h"

#include <QByteArray>
#include <QProcess>

namespace ReaderProcess {
// How the run ended, seen from this side.
enum class End
{
    Exited,       // the reader ended by itself (well or not: its exit tells)
    TimedOut,     // stopped at the time limit
    TooMuch,      // stopped: it wrote more than a report (PdfReport::maxEncodedSize)
    Cancelled,    // stopped: the user cancelled
    FailedToStart // the program could not be started
};

// Points process at the reader with the limits (program, arguments, stderr
// dropped unless $CERTDESK_PDFCHECK_DEBUG is set). repairFirst: the reader
// rewrites the file with libqpdf before PDFium sees it (--repair-first).
// False when there is no reader program to run.
bool prepare(QProcess &process, const PdfLimits &limits, bool repairFirst = false);
// Whether the reader died of a signal, as PDFium stops on some files with a
// check of its own: such a file is read once more, repaired first, in the
// time left (README "Untrusted PDFs").
bool crashed(End end, const QProcess &process);
// What a run that ended so means: the reader's report, or a report of
// TimedOut / ReadFailed / ReaderMissing / Cancelled.
PdfReport interpret(End end, const QProcess &process, const QByteArray &output);
// A report of just this problem.
PdfReport problemReport(PdfProblem problem);
} // namespace ReaderProcess
