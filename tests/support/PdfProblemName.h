#pragma once

// The names of PdfCheck's problems, for test output: QCOMPARE on a problem
// prints its name, and tables of outcomes use the same words.
#include "pdf/PdfReport.h"

#include <QtTest>

inline const char *problemName(PdfProblem problem)
{
    switch (problem) {
    case PdfProblem::None:
        return "None";
    case PdfProblem::FileUnreadable:
        return "FileUnreadable";
    case PdfProblem::Empty:
        return "Empty";
    case PdfProblem::TooLarge:
        return "TooLarge";
    case PdfProblem::NotPdf:
        return "NotPdf";
    case PdfProblem::Damaged:
        return "Damaged";
    case PdfProblem::PasswordProtected:
        return "PasswordProtected";
    case PdfProblem::NoPages:
        return "NoPages";
    case PdfProblem::TimedOut:
        return "TimedOut";
    case PdfProblem::ReadFailed:
        return "ReadFailed";
    case PdfProblem::ReaderMissing:
        return "ReaderMissing";
    case PdfProblem::Cancelled:
        return "Cancelled";
    }
    return "?";
}

namespace QTest {
template <> inline char *toString(const PdfProblem &problem)
{
    return qstrdup(problemName(problem));
}
} // namespace QTest
