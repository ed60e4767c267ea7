#include "pdf/PdfSigner.h"

#include <QMap>
#include <QRegularExpression>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <optional>

namespace {
// Room for the DER signature in /Contents, as hex digits: 8 KB, four times
// what one RSA 2048 signer with its certificate needs.
constexpr qsizetype ContentsHexDigits = 16384;
// Written over with the real ranges, padded with spaces to the same width.
const QByteArray ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

template <typename T, void (*Release)(T *)> struct Releaser
{
    void operator()(T *p) const { Release(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Releaser<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Releaser<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Releaser<BIO, BIO_free_all>>;
using Cms = std::unique_ptr<CMS_ContentInfo, Releaser<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Releaser<X509_EXTENSION, X509_EXTENSION_free>>;

struct Trailer
{
    int size = 0;
    int root = 0;
    int info = 0; // 0: none
    qsizetype startxref = -1;
};

int firstNumber(const QString &text, const QString &pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(text);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

std::optional<Trailer> lastTrailer(const QByteArray &pdf)
{
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    const qsizetype startxrefAt = pdf.lastIndexOf("startxref");
    if (trailerAt < 0 || startxrefAt < trailerAt)
        return std::nullopt;
    const QString dictionary = QString::fromLatin1(pdf.mid(trailerAt, startxrefAt - trailerAt));
    Trailer trailer;
    trailer.size = firstNumber(dictionary, QStringLiteral("/Size\\s+(\\d+)"));
    trailer.root = firstNumber(dictionary, QStringLiteral("/Root\\s+(\\d+)\\s+0\\s+R"));
    trailer.info = firstNumber(dictionary, QStringLiteral("/Info\\s+(\\d+)\\s+0\\s+R"));
    trailer.startxref = firstNumber(QString::fromLatin1(pdf.mid(startxrefAt, 40)),
                                    QStringLiteral("startxref\\s+(\\d+)"));
    if (trailer.size < 1 || trailer.root < 1 || trailer.startxref < 1)
        return std::nullopt;
    return trailer;
}

// The body of object `number` ("N 0 obj" … "endobj"), trimmed.
std::optional<QByteArray> objectBody(const QByteArray &pdf, int number)
{
    const QByteArray head = '\n' + QByteArray::number(number) + " 0 obj";
    const qsizetype at = pdf.lastIndexOf(head);
    if (at < 0)
        return std::nullopt;
    const qsizetype start = at + head.size();
    const qsizetype end = pdf.indexOf("endobj", start);
    if (end < 0)
        return std::nullopt;
    return pdf.mid(start, end - start).trimmed();
}

// A dictionary with one more entry before its closing ">>".
std::optional<QByteArray> withEntry(const QByteArray &dictionary, const QByteArray &entry)
{
    if (!dictionary.startsWith("<<") || !dictionary.endsWith(">>"))
        return std::nullopt;
    return dictionary.left(dictionary.size() - 2) + entry + "\n>>";
}

// A PDF text string: UTF-16BE with its byte order mark, in hex.
QByteArray textString(const QString &text)
{
    QByteArray utf16 = "\xfe\xff";
    for (const QChar c : text) {
        utf16 += char(c.unicode() >> 8);
        utf16 += char(c.unicode() & 0xff);
    }
    return '<' + utf16.toHex() + '>';
}

QByteArray pdfDate(const QDateTime &when)
{
    return "(D:" + when.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
}

// A self-signed certificate for the signer, with a fresh RSA 2048 key.
std::optional<std::pair<Key, Certificate>> makeSigner(const PdfSignerIdentity &signer)
{
    Key key(EVP_RSA_gen(2048));
    Certificate certificate(X509_new());
    if (!key || !certificate)
        return std::nullopt;
    X509 *x = certificate.get();
    const qint64 start = signer.signedAt.toSecsSinceEpoch();
    const QByteArray commonName = signer.commonName.toUtf8();
    const QByteArray organisation = signer.organisation.toUtf8();
    X509_NAME *name = X509_get_subject_name(x);
    bool ok = X509_set_version(x, 2) && ASN1_INTEGER_set(X509_get_serialNumber(x), long(start)) &&
              ASN1_TIME_set(X509_getm_notBefore(x), time_t(start - 24 * 3600)) &&
              ASN1_TIME_set(X509_getm_notAfter(x), time_t(start + 10LL * 365 * 24 * 3600)) &&
              X509_set_pubkey(x, key.get()) &&
              X509_NAME_add_entry_by_txt(
                  name, "CN", MBSTRING_UTF8,
                  reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    if (ok && !organisation.isEmpty())
        ok = X509_NAME_add_entry_by_txt(
            name, "O", MBSTRING_UTF8,
            reinterpret_cast<const unsigned char *>(organisation.constData()), -1, -1, 0);
    ok = ok && X509_set_issuer_name(x, name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, x, x, nullptr, nullptr, 0);
    const Extension usage(X509V3_EXT_conf_nid(nullptr, &context, NID_key_usage,
                                              "critical,digitalSignature,nonRepudiation"));
    ok = ok && usage && X509_add_ext(x, usage.get(), -1) && X509_sign(x, key.get(), EVP_sha256());
    if (!ok)
        return std::nullopt;
    return std::pair{std::move(key), std::move(certificate)};
}

// A detached CMS signature (DER) over data.
QByteArray cmsSignature(const QByteArray &data, const PdfSignerIdentity &signer)
{
    auto made = makeSigner(signer);
    if (!made)
        return {};
    const Bio in(BIO_new_mem_buf(data.constData(), int(data.size())));
    // Partial first, so that the signing time is the signer's, not now
    // (OpenSSL adds the current time only when the attribute is missing).
    constexpr unsigned Flags = CMS_BINARY | CMS_DETACHED | CMS_NOSMIMECAP;
    const Cms cms(
        CMS_sign(made->second.get(), made->first.get(), nullptr, nullptr, Flags | CMS_PARTIAL));
    CMS_SignerInfo *info =
        cms ? sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0) : nullptr;
    using Time = std::unique_ptr<ASN1_TIME, Releaser<ASN1_TIME, ASN1_TIME_free>>;
    const Time when(ASN1_TIME_set(nullptr, time_t(signer.signedAt.toSecsSinceEpoch())));
    if (!info || !when ||
        !CMS_signed_add1_attr_by_NID(info, NID_pkcs9_signingTime, when->type, when.get(), -1) ||
        !CMS_final(cms.get(), in.get(), nullptr, Flags))
        return {};
    const int size = i2d_CMS_ContentInfo(cms.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, '\0');
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_CMS_ContentInfo(cms.get(), &out) != size)
        return {};
    return der;
}
// Page 1's annotations with the signature field added: an array object of
// their own (QPdfWriter's "/Annots 11 0 R"), an array in the page, or none
// yet. False when the file is not laid out like that.
bool addToAnnotations(const QByteArray &pdf, int pageNumber, const QByteArray &page,
                      const QByteArray &fieldRef, QMap<int, QByteArray> *update)
{
    const QString pageText = QString::fromLatin1(page);
    const int annotsNumber = firstNumber(pageText, QStringLiteral("/Annots\\s+(\\d+)\\s+0\\s+R"));
    if (annotsNumber > 0) {
        const std::optional<QByteArray> annots = objectBody(pdf, annotsNumber);
        if (!annots || !annots->startsWith('[') || !annots->endsWith(']'))
            return false;
        update->insert(annotsNumber, annots->chopped(1) + ' ' + fieldRef + ']');
    } else if (page.contains("/Annots")) {
        const qsizetype open = page.indexOf('[', page.indexOf("/Annots"));
        const qsizetype close = page.indexOf(']', open);
        if (open < 0 || close < 0)
            return false;
        update->insert(pageNumber, QByteArray(page).insert(close, ' ' + fieldRef));
    } else {
        const std::optional<QByteArray> newPage = withEntry(page, "\n/Annots [" + fieldRef + "]");
        if (!newPage)
            return false;
        update->insert(pageNumber, *newPage);
    }
    return true;
}

// pdf and an incremental update after it: the objects, a cross-reference
// section of one entry per object, and a trailer that points back to the
// file's. offsets: where each object starts.
QByteArray withUpdate(const QByteArray &pdf, const QMap<int, QByteArray> &update,
                      const Trailer &trailer, int size, QMap<int, qsizetype> *offsets)
{
    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out += '\n';
    for (auto it = update.cbegin(); it != update.cend(); ++it) {
        offsets->insert(it.key(), out.size());
        out += QByteArray::number(it.key()) + " 0 obj\n" + it.value() + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n";
    for (auto it = offsets->cbegin(); it != offsets->cend(); ++it)
        out += QByteArray::number(it.key()) + " 1\n" +
               QByteArray::number(it.value()).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(size) + " /Root " +
           QByteArray::number(trailer.root) + " 0 R";
    if (trailer.info > 0)
        out += " /Info " + QByteArray::number(trailer.info) + " 0 R";
    out += " /Prev " + QByteArray::number(trailer.startxref) + " >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}
} // namespace

Result<QByteArray> PdfSigner::sign(const QByteArray &pdf, const PdfSignerIdentity &signer)
{
    const auto refused = [] {
        return makeError(ErrorKind::Invalid,
                         tr("The PDF could not be signed: it is not laid out as CertDesk "
                            "writes its certificates."));
    };
    const std::optional<Trailer> trailer = lastTrailer(pdf);
    if (!trailer)
        return refused();
    const std::optional<QByteArray> catalog = objectBody(pdf, trailer->root);
    if (!catalog)
        return refused();
    const int pagesNumber =
        firstNumber(QString::fromLatin1(*catalog), QStringLiteral("/Pages\\s+(\\d+)\\s+0\\s+R"));
    const std::optional<QByteArray> pages = objectBody(pdf, pagesNumber);
    const int pageNumber =
        pages ? firstNumber(QString::fromLatin1(*pages), QStringLiteral("/Kids\\s*\\[\\s*(\\d+)"))
              : 0;
    const std::optional<QByteArray> page = objectBody(pdf, pageNumber);
    if (pageNumber < 1 || !page || catalog->contains("/AcroForm"))
        return refused();

    // The new objects: the signature field (a widget without a look on page
    // 1) and its value, the signature dictionary.
    const int field = trailer->size;
    const int value = field + 1;
    const QByteArray fieldRef = QByteArray::number(field) + " 0 R";
    QMap<int, QByteArray> update;
    const std::optional<QByteArray> newCatalog =
        withEntry(*catalog, "\n/AcroForm << /Fields [" + fieldRef + "] /SigFlags 3 >>");
    if (!newCatalog)
        return refused();
    update.insert(trailer->root, *newCatalog);

    if (!addToAnnotations(pdf, pageNumber, *page, fieldRef, &update))
        return refused();
    update.insert(field, "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1)"
                         " /Rect [0 0 0 0] /F 132 /P " +
                             QByteArray::number(pageNumber) + " 0 R /V " +
                             QByteArray::number(value) + " 0 R >>");
    update.insert(value, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached"
                         " /Name " +
                             textString(signer.commonName) + " /M " + pdfDate(signer.signedAt) +
                             " /ByteRange " + ByteRangePlaceholder + " /Contents <" +
                             QByteArray(ContentsHexDigits, '0') + "> >>");

    QMap<int, qsizetype> offsets;
    QByteArray out = withUpdate(pdf, update, *trailer, value + 1, &offsets);

    // The byte range: everything but the hex string of /Contents, "<" and ">"
    // included.
    const qsizetype contentsStart = out.indexOf("/Contents <", offsets.value(value)) + 10;
    const qsizetype contentsEnd = contentsStart + ContentsHexDigits + 2;
    const QByteArray numbers = "[0 " + QByteArray::number(contentsStart) + ' ' +
                               QByteArray::number(contentsEnd) + ' ' +
                               QByteArray::number(out.size() - contentsEnd) + ']';
    const QByteArray ranges = numbers.leftJustified(ByteRangePlaceholder.size(), ' ');
    const qsizetype rangeAt = out.indexOf(ByteRangePlaceholder, offsets.value(value));
    if (ranges.size() != ByteRangePlaceholder.size() || rangeAt < 0 || rangeAt > contentsStart)
        return refused();
    out.replace(rangeAt, ranges.size(), ranges);

    const QByteArray der =
        cmsSignature(out.left(contentsStart) + out.mid(contentsEnd), signer).toHex();
    if (der.isEmpty() || der.size() > ContentsHexDigits)
        return makeError(ErrorKind::Storage,
                         tr("The PDF could not be signed: the signature could not be made."));
    out.replace(contentsStart + 1, der.size(), der);
    return out;
}
