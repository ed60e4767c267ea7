#include "services/ReviewSignals.h"

#include "core/CertificateText.h"
#include "core/PersonName.h"

#include <QLocale>

#include <algorithm>

namespace {
ReviewSignal line(ReviewSignal::Kind kind, ReviewSignal::Severity severity, const QString &text,
                  const QUrl &url = QUrl())
{
    ReviewSignal signal;
    signal.kind = kind;
    signal.severity = severity;
    signal.text = text;
    signal.url = url;
    return signal;
}

// The text to read the holder from: every page when the reader read them,
// else page 1 (the holder is on it).
QString textOf(const PdfCheckResult &pdf)
{
    return pdf.text.isEmpty() ? pdf.firstPageText : pdf.text;
}

// "Emma Wilson": the names that are known; empty when none is.
QString joinedNames(const QList<SameFileHolder> &holders)
{
    QStringList names;
    for (const SameFileHolder &holder : holders) {
        if (holder.inScope && !holder.ownerName.isEmpty() && !names.contains(holder.ownerName))
            names << holder.ownerName;
    }
    return names.join(QStringLiteral(", "));
}

QString host(const QString &link)
{
    const QString name = QUrl(link).host();
    return name.isEmpty() ? link : name;
}
} // namespace

ReviewSignals::Facts ReviewSignals::facts(const PdfCheckResult &pdf, const QString &ownerName,
                                          const QList<SameFileHolder> &sameFile)
{
    Facts facts;
    facts.sameFile = sameFile;
    if (!pdf.ok())
        return facts;
    const CertificateText read = CertificateText::read(textOf(pdf));
    if (read.holder && !read.holder->trimmed().isEmpty()) {
        facts.nameOnPdf = read.holder->trimmed();
        facts.nameMatches = PersonName::matches(*facts.nameOnPdf, ownerName);
    }
    facts.links = pdf.links;
    facts.links.removeDuplicates();
    facts.linksFromText = int(facts.links.size());
    for (const PdfQrCode &code : pdf.qrCodes) {
        if (code.readable && code.isLink && !facts.links.contains(code.text))
            facts.links << code.text;
    }
    facts.qrCodes = pdf.qrCodes;
    facts.signatures = pdf.signatures;
    // Only a text read to its end says "nothing there" (PdfSignal::Text).
    const bool textRead = (pdf.signalsRead & PdfSignals(PdfSignal::Text)) != 0;
    facts.scan = textRead && pdf.text.trimmed().isEmpty() && pdf.firstPageText.trimmed().isEmpty();
    return facts;
}

QList<ReviewSignal> ReviewSignals::linkLines(const Facts &facts)
{
    QList<ReviewSignal> lines;
    // Where each link was found, and a name for it: its host, or its host
    // and path when another link from the same place has the same host.
    QList<bool> inText;
    QList<bool> inCode;
    for (qsizetype i = 0; i < facts.links.size(); ++i) {
        inText << (i < facts.linksFromText);
        inCode << std::any_of(
            facts.qrCodes.cbegin(), facts.qrCodes.cend(), [&](const PdfQrCode &code) {
                return code.readable && code.isLink && code.text == facts.links.at(i);
            });
    }
    for (qsizetype i = 0; i < facts.links.size(); ++i) {
        const QString &link = facts.links.at(i);
        bool sameName = false;
        for (qsizetype j = 0; j < facts.links.size(); ++j)
            sameName = sameName || (j != i && inText.at(j) == inText.at(i) &&
                                    host(facts.links.at(j)) == host(link));
        const QUrl url(link);
        const QString name =
            sameName ? QString(host(link) + url.path(QUrl::FullyEncoded)).left(80) : host(link);
        QString text;
        if (!inText.at(i))
            text = tr("Open verification page from the QR code (%1)").arg(name);
        else if (inCode.at(i))
            text = tr("Open verification page (%1), also in the QR code").arg(name);
        else
            text = tr("Open verification page (%1)").arg(name);
        lines << line(ReviewSignal::Kind::Link, ReviewSignal::Severity::Info, text, url);
    }
    return lines;
}

QList<ReviewSignal> ReviewSignals::lines(const Facts &facts, const QString &ownerName)
{
    using Kind = ReviewSignal::Kind;
    using Severity = ReviewSignal::Severity;
    QList<ReviewSignal> lines;
    if (facts.nameOnPdf) {
        if (facts.nameMatches.value_or(false))
            lines << line(Kind::NameOnPdf, Severity::Info,
                          tr("Name on the PDF: %1 (matches)").arg(*facts.nameOnPdf));
        else
            lines << line(
                Kind::NameOnPdf, Severity::Amber,
                tr("Name on the PDF: %1 — does not match %2").arg(*facts.nameOnPdf, ownerName));
    }
    if (!facts.sameFile.isEmpty()) {
        // Names only of people in the reviewer's scope (R5).
        const QString names = joinedNames(facts.sameFile);
        const bool someoneElse = std::any_of(
            facts.sameFile.cbegin(), facts.sameFile.cend(), [](const SameFileHolder &holder) {
                return !holder.inScope || holder.ownerName.isEmpty();
            });
        QString text;
        if (names.isEmpty())
            text = tr("Same file: submitted by someone else too");
        else if (someoneElse)
            text = tr("Same file: also submitted by %1, and by someone else").arg(names);
        else
            text = tr("Same file: also submitted by %1").arg(names);
        lines << line(Kind::SameFile, Severity::Amber, text);
    }
    lines << linkLines(facts);
    for (const PdfQrCode &code : facts.qrCodes) {
        if (!code.readable)
            lines << line(Kind::QrCode, Severity::Info, tr("A QR code could not be read"));
        else if (!code.isLink)
            lines << line(Kind::QrCode, Severity::Info,
                          tr("A QR code reads: %1").arg(code.text.simplified().left(200)));
    }
    for (const PdfSignature &signature : facts.signatures) {
        const QString signer =
            signature.signerName.isEmpty() ? tr("an unnamed signer") : signature.signerName;
        const QString signedBy =
            signature.signingTime.isValid()
                ? tr("Signed by %1 on %2")
                      .arg(signer, QLocale().toString(signature.signingTime.toUTC().date(),
                                                      QStringLiteral("d MMM yyyy")))
                : tr("Signed by %1").arg(signer);
        switch (signature.state) {
        case PdfSignatureState::Valid:
            lines << line(Kind::Signature, Severity::Info, tr("%1: valid").arg(signedBy));
            break;
        case PdfSignatureState::ModifiedAfterSigning:
            lines << line(Kind::Signature, Severity::Amber,
                          tr("%1: modified after signing").arg(signedBy));
            break;
        case PdfSignatureState::SignerNotTrusted:
            lines << line(Kind::Signature, Severity::Amber,
                          tr("%1: signer not trusted").arg(signedBy));
            break;
        case PdfSignatureState::Unreadable:
            lines << line(Kind::Signature, Severity::Amber,
                          tr("A digital signature could not be read"));
            break;
        }
    }
    if (facts.scan)
        lines << line(Kind::Scan, Severity::Info, tr("A scan: nothing could be read"));
    return lines;
}

QList<ReviewSignal> ReviewSignals::lines(const PdfCheckResult &pdf, const QString &ownerName,
                                         const QList<SameFileHolder> &sameFile)
{
    QList<ReviewSignal> result = lines(facts(pdf, ownerName, sameFile), ownerName);
    if (!pdf.ok()) {
        result.prepend(line(ReviewSignal::Kind::NotRead, ReviewSignal::Severity::Amber,
                            tr("The PDF reader could not read this file (%1)")
                                .arg(PdfCheck::problemKey(pdf.problem))));
    }
    return result;
}

QString ReviewSignals::readingText()
{
    return tr("Reading the PDF…");
}

QString ReviewSignals::stateKey(PdfSignatureState state)
{
    switch (state) {
    case PdfSignatureState::Valid:
        return QStringLiteral("valid");
    case PdfSignatureState::ModifiedAfterSigning:
        return QStringLiteral("modified-after-signing");
    case PdfSignatureState::SignerNotTrusted:
        return QStringLiteral("signer-not-trusted");
    case PdfSignatureState::Unreadable:
        return QStringLiteral("unreadable");
    }
    return QStringLiteral("unreadable");
}
