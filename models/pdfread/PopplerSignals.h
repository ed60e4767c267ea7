#pragma once

#include "pdf/PdfReport.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QStringList>

// What poppler (poppler-qt6, with NSS for the cryptography) tells of a file
// that PDFium accepted: its digital signatures and how they check out, and
// the URLs of its link annotations (README "Untrusted PDFs"). poppler is a
// second parser of a stranger's bytes: only the reader process
// (pdfread/PdfReader) calls this, within that process's limits, and only this
// room links poppler.
class PopplerSignals
{
public:
    struct Result
    {
        QList<PdfSignature> signatures; // at most PdfReport::MaxSignatures
        QStringList links;              // http(s) link annotations, deduplicated
        bool signaturesChecked = false; // every signature field was looked at
        bool linksRead = false;         // the pages searched for links were all read
    };

    // Stops looking once deadline has expired (what it had not looked at then
    // is not "checked"). Link annotations are read on the first
    // MaxLinkPages pages.
    static Result read(const QByteArray &bytes, const QDeadlineTimer &deadline);

    static constexpr int MaxLinkPages = 20;

    // The NSS database whose trusted certificates are the signers' trust
    // anchors: $CERTDESK_NSS_DIR ("sql:DIR"); empty: none, no signer is
    // trusted but by NSS's built-in roots (PopplerSignals.cpp says why).
    static QString nssDirectory();
};
