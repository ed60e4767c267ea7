#pragma once

#include "core/Domain.h"
#include "pdf/PdfCheck.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Another person who holds the same PDF (the same SHA-256 as uploaded or as
// stored) as a task's certificate. ownerName is empty when that person is
// not in the reviewer's scope (R5): the reviewer is only told that someone
// else sent it too.
struct SameFileHolder
{
    Id ownerId = 0;
    QString ownerName;
    bool inScope = false;

    bool operator==(const SameFileHolder &other) const
    {
        return ownerId == other.ownerId && ownerName == other.ownerName && inScope == other.inScope;
    }
};

// One line beside a task's PDF for its reviewer (README "Untrusted PDFs",
// signals): information, never a decision; none blocks validating.
struct ReviewSignal
{
    enum class Kind
    {
        NameOnPdf,
        SameFile,
        Link,
        QrCode,
        Signature,
        Scan,
        NotRead, // the reader could not read the file: no signals
    };
    enum class Severity
    {
        Info,
        Amber, // worth a second look
    };

    Kind kind = Kind::NameOnPdf;
    Severity severity = Severity::Info;
    QString text; // one line, in the user's language
    // Link: the page a click opens (an http or https URL); the app never
    // fetches it itself.
    QUrl url;
};

// What the PDF reader found out about a task's stored PDF, as facts (what
// certdesk-cli tasks --json prints) and as lines for the reviewer (what the
// task view shows). Pure: the reader's result, the owner's name and the
// answer of the same-file query in; no storage, no widgets.
class ReviewSignals
{
    Q_DECLARE_TR_FUNCTIONS(ReviewSignals)

public:
    struct Facts
    {
        // The holder's name the certificate's text gives (CertificateText),
        // and whether it is the owner's (PersonName::matches); both empty
        // when no name could be read.
        std::optional<QString> nameOnPdf;
        std::optional<bool> nameMatches;
        QList<SameFileHolder> sameFile;
        // http(s) links of the text and of readable 2D codes, without
        // duplicates, in that order: the first linksFromText come from the
        // text (some of them may be in a code too).
        QStringList links;
        int linksFromText = 0;
        QList<PdfQrCode> qrCodes;
        QList<PdfSignature> signatures;
        // The text was read to its end and there is none: a scan.
        bool scan = false;
    };

    static Facts facts(const PdfCheckResult &pdf, const QString &ownerName,
                       const QList<SameFileHolder> &sameFile);
    // The lines, in a fixed order: name, same file, links and codes,
    // signatures, scan. Nothing for what is not there (no name read, no
    // other holder, no code, unsigned).
    static QList<ReviewSignal> lines(const Facts &facts, const QString &ownerName);
    // The same for the reader's result; when it could not read the file,
    // one line that says why (and the same-file line, which does not need it).
    static QList<ReviewSignal> lines(const PdfCheckResult &pdf, const QString &ownerName,
                                     const QList<SameFileHolder> &sameFile);
    // What shows while the reader works: "Reading the PDF…".
    static QString readingText();

    // "valid", "modified-after-signing", "signer-not-trusted", "unreadable":
    // a signature's state as scripts see it (certdesk-cli tasks --json).
    static QString stateKey(PdfSignatureState state);

private:
    // One line per link: where it was found (the text, a QR code, both) and
    // its host, or host and path when another link from there has that host.
    static QList<ReviewSignal> linkLines(const Facts &facts);
};
