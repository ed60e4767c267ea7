#pragma once

#include "pdf/PdfReport.h"

#include <QByteArray>

// Rewrites a PDF that PDFium could not open, or that only lenient readers
// open, into a clean file with libqpdf (README "Untrusted PDFs"): bytes
// before "%PDF-" dropped, encryption that needs no password removed, a
// broken cross-reference table rebuilt. Parses hostile input: only the
// reader process (pdfread/PdfReader) calls it.
class QpdfRepair
{
public:
    enum class Outcome
    {
        Unneeded,         // nothing to repair (only asked when the file opens)
        Repaired,         // bytes holds the rewritten file, repairs says what changed
        PasswordRequired, // encrypted with a real user password: not repairable
        Failed,           // libqpdf could not read or write it either
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QByteArray bytes;
        PdfRepairs repairs = 0;
    };

    // Whether a file that PDFium opened should still be rewritten: it has
    // bytes before "%PDF-", or it may be encrypted (whether it is, and with
    // which password, only libqpdf can tell).
    static bool worthAsking(const QByteArray &bytes);
    // A file PDFium opened: rewritten only for leading bytes or encryption.
    static Result cleanUp(const QByteArray &bytes);
    // A file PDFium could not open: always rewritten, if libqpdf can, with a
    // flat page tree.
    static Result rewrite(const QByteArray &bytes);
    // Whether its page tree is nested deeper than any real document's (more
    // than MaxPageTreeDepth levels): PDFium gives up at 1024 levels, after
    // longer than any time limit, so such a file is given to it flattened.
    static bool deepPageTree(const QByteArray &bytes);

    static constexpr int MaxPageTreeDepth = 64;

private:
    static Result run(const QByteArray &bytes, bool always);
};
