#include "pdf/ReaderProcess.h"

#include "pdf/PdfCheck.h"

namespace ReaderProcess {

bool prepare(QProcess &process, const PdfLimits &limits, bool repairFirst)
{
    const QString program = PdfCheck::readerProgram();
    if (program.isEmpty())
        return false;
    process.setProgram(program);
    QStringList arguments{QStringLiteral("--seconds"), QString::number(limits.seconds),
                          QStringLiteral("--memory-mb"), QString::number(limits.memoryMb)};
    if (repairFirst)
        arguments << QStringLiteral("--repair-first");
    process.setArguments(arguments);
    // PDFium and Qt may print warnings about a broken file: the CLI promises
    // one line on stderr, and the GUI has no terminal.
    if (qEnvironmentVariableIsEmpty("CERTDESK_PDFCHECK_DEBUG"))
        process.setStandardErrorFile(QProcess::nullDevice());
    else
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    return true;
}

bool crashed(End end, const QProcess &process)
{
    return end == End::Exited && process.exitStatus() == QProcess::CrashExit;
}

PdfReport problemReport(PdfProblem problem)
{
    PdfReport report;
    report.problem = problem;
    return report;
}

PdfReport interpret(End end, const QProcess &process, const QByteArray &output)
{
    switch (end) {
    case End::TimedOut:
        return problemReport(PdfProblem::TimedOut);
    case End::Cancelled:
        return problemReport(PdfProblem::Cancelled);
    case End::FailedToStart:
        return problemReport(PdfProblem::ReaderMissing);
    case End::TooMuch:
        return problemReport(PdfProblem::ReadFailed);
    case End::Exited:
        break;
    }
    // The reader's CPU limit (RLIMIT_CPU) ends it with SIGXCPU or SIGKILL:
    // as good as the time limit here.
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return problemReport(PdfProblem::ReadFailed);
    const auto report = PdfReport::decode(output);
    if (!report || report->problem == PdfProblem::ReaderMissing ||
        report->problem == PdfProblem::Cancelled)
        return problemReport(PdfProblem::ReadFailed);
    return *report;
}

} // namespace ReaderProcess
