#include "pdfread/PopplerSignals.h"

#include <poppler-form.h>
#include <poppler-link.h>
#include <poppler-qt6.h>

// NSS's headers have a field named "slots", which Qt defines as a keyword;
// nothing below is a Qt class.
#undef slots
#include <nss.h>
#include <ocsp.h>
#include <ocspt.h>

#include <QByteArray>
#include <QDateTime>
#include <QVariant>

#include <algorithm>
#include <ctime>
#include <memory>
#include <vector>

namespace {
void ignorePopplerMessage(const QString &, const QVariant &) {}

// NSS may fetch things over HTTP while it checks a certificate (OCSP
// answers, CRLs): the reader does not go on the network for a stranger's
// file (a responder that does not answer would hold it past its time limit,
// and the file would be refused). Every request fails at once, which NSS
// takes as "no answer" (a soft failure: not revoked).
SECStatus noSession(const char *, PRUint16, SEC_HTTP_SERVER_SESSION *)
{
    return SECFailure;
}
SECStatus noKeepAlive(SEC_HTTP_SERVER_SESSION, PRPollDesc **)
{
    return SECFailure;
}
SECStatus noSessionToFree(SEC_HTTP_SERVER_SESSION)
{
    return SECSuccess;
}
SECStatus noRequest(SEC_HTTP_SERVER_SESSION, const char *, const char *, const char *,
                    const PRIntervalTime, SEC_HTTP_REQUEST_SESSION *)
{
    return SECFailure;
}
SECStatus noPostData(SEC_HTTP_REQUEST_SESSION, const char *, const PRUint32, const char *)
{
    return SECFailure;
}
SECStatus noHeader(SEC_HTTP_REQUEST_SESSION, const char *, const char *)
{
    return SECFailure;
}
SECStatus noSend(SEC_HTTP_REQUEST_SESSION, PRPollDesc **, PRUint16 *, const char **, const char **,
                 const char **, PRUint32 *)
{
    return SECFailure;
}
SECStatus noRequestToEnd(SEC_HTTP_REQUEST_SESSION)
{
    return SECSuccess;
}

const SEC_HttpClientFcn kNoHttp = {1,
                                   {{noSession, noKeepAlive, noSessionToFree, noRequest, noPostData,
                                     noHeader, noSend, noRequestToEnd, noRequestToEnd}}};

// Which certificates NSS trusts when poppler checks a signature. Left to
// itself, poppler 22.12 starts NSS on the first of the user's Firefox
// profile, /etc/pki/nssdb and ~/.pki/nssdb (without any of them, on no
// database). The reader runs on the uploader's own machine, so it must not
// trust what the uploader's browser was told to trust: the reader starts NSS
// itself, before poppler does (poppler's own NSS_Init is then a no-op; it
// still loads NSS's module of built-in roots, libnssckbi, whose roots are
// anchors too):
//  - on $CERTDESK_NSS_DIR, an NSS database ("sql:DIR", made with certutil)
//    whose trusted certificates are the trust anchors: the tests' own
//    database, or an organisation's; opened read-only (NSS_Init), so the
//    reader writes no file;
//  - else (or when that database does not open) on no database at all
//    (NSS_NoDB_Init): the cryptography of each signature is checked all the
//    same, and a self-signed or privately issued signer is SignerNotTrusted.
// Once per process, before the first signature is checked.
void startNss()
{
    static bool started = false;
    if (started)
        return;
    started = true;
    const QByteArray directory = PopplerSignals::nssDirectory().toLocal8Bit();
    bool ready = !directory.isEmpty() && NSS_Init(directory.constData()) == SECSuccess;
    if (!ready)
        ready = NSS_NoDB_Init(nullptr) == SECSuccess;
    if (ready)
        SEC_RegisterDefaultHttpClient(&kNoHttp);
}

PdfSignatureState stateOf(const Poppler::SignatureValidationInfo &info)
{
    using Info = Poppler::SignatureValidationInfo;
    switch (info.signatureStatus()) {
    case Info::SignatureValid:
        if (!info.signsTotalDocument())
            return PdfSignatureState::ModifiedAfterSigning;
        return info.certificateStatus() == Info::CertificateTrusted
                   ? PdfSignatureState::Valid
                   : PdfSignatureState::SignerNotTrusted;
    case Info::SignatureInvalid:
    case Info::SignatureDigestMismatch:
        return PdfSignatureState::ModifiedAfterSigning;
    case Info::SignatureDecodingError:
    case Info::SignatureGenericError:
    case Info::SignatureNotFound:
    case Info::SignatureNotVerified:
        break;
    }
    return PdfSignatureState::Unreadable;
}

PdfSignature signatureOf(const Poppler::FormFieldSignature &field)
{
    // The certificate is checked too, with no certificate fetched from an
    // address it names (no ValidateUseAIACertFetch) and OCSP requests failing
    // at once (startNss). Not ValidateWithoutOCSPRevocationCheck: with it,
    // poppler 22.12 reports every certificate as CertificateGenericError.
    const int options = Poppler::FormFieldSignature::ValidateVerifyCertificate;
    const Poppler::SignatureValidationInfo info =
        field.validate(options, QDateTime::currentDateTimeUtc());
    PdfSignature signature;
    signature.state = stateOf(info);
    signature.signerName = info.signerName().simplified().left(PdfReport::MaxSignerName);
    const std::time_t signed_ = info.signingTime();
    if (signed_ > 0)
        signature.signingTime = QDateTime::fromSecsSinceEpoch(qint64(signed_), Qt::UTC);
    signature.coversWholeDocument = info.signsTotalDocument();
    return signature;
}
} // namespace

QString PopplerSignals::nssDirectory()
{
    return qEnvironmentVariable("CERTDESK_NSS_DIR");
}

PopplerSignals::Result PopplerSignals::read(const QByteArray &bytes, const QDeadlineTimer &deadline)
{
    Result result;
    if (deadline.hasExpired())
        return result;
    // poppler writes every syntax error of a damaged file to stderr: the
    // reader's stderr is the app's log.
    Poppler::setDebugErrorFunction(ignorePopplerMessage, QVariant());
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(bytes);
    if (!document || document->isLocked())
        return result;

    {
        startNss();
        const std::vector<std::unique_ptr<Poppler::FormFieldSignature>> fields =
            document->signatures();
        bool checkedAll = true;
        for (const auto &field : fields) {
            if (!field || field->signatureType() == Poppler::FormFieldSignature::UnsignedSignature)
                continue; // a field waiting for a signature is not one
            if (result.signatures.size() >= PdfReport::MaxSignatures)
                break;
            if (deadline.hasExpired()) {
                checkedAll = false;
                break;
            }
            result.signatures.append(signatureOf(*field));
        }
        result.signaturesChecked = checkedAll;
    }

    const int pages = std::min(document->numPages(), MaxLinkPages);
    bool readAll = true;
    for (int index = 0; index < pages; ++index) {
        if (deadline.hasExpired()) {
            readAll = false;
            break;
        }
        const std::unique_ptr<Poppler::Page> page = document->page(index);
        if (!page)
            continue;
        for (const std::unique_ptr<Poppler::Link> &link : page->links()) {
            if (!link || link->linkType() != Poppler::Link::Browse)
                continue;
            const QString url = static_cast<const Poppler::LinkBrowse &>(*link).url().trimmed();
            if (PdfReport::isWebLink(url) && !result.links.contains(url) &&
                result.links.size() < PdfReport::MaxLinks)
                result.links.append(url);
        }
    }
    result.linksRead = readAll;
    return result;
}
