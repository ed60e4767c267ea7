#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// Who signs, as the signer's certificate says it.
struct PdfSignerIdentity
{
    QString commonName;   // "Northwind Training Institute"
    QString organisation; // empty: not written
    QDateTime signedAt;   // the signature dictionary's /M; also the certificate's start
};

// Signs a PDF CertDesk wrote itself (CertificatePdf: QPdfWriter's classic
// cross-reference table, uncompressed catalog and page dictionaries) the way a
// PDF signer does: an incremental update after the file adds a signature
// field to page 1 and the catalog's /AcroForm, and a signature dictionary
// (/Adobe.PPKLite, /adbe.pkcs7.detached) whose /ByteRange covers the whole file
// but its /Contents, which holds a detached CMS signature (SHA-256, RSA 2048)
// over those bytes.
//
// The signer is a self-signed certificate made for the occasion with a fresh
// key, so a reader that checks it says "signed by <commonName>, signer not
// trusted". Used for the demo (README "Demo users"); never for anything a
// person uploads: CertDesk does not sign certificates.
//
// Refuses (Invalid) a file not laid out as QPdfWriter writes it, changing
// nothing; the parsing here is for CertDesk's own output, never a stranger's.
class PdfSigner
{
    Q_DECLARE_TR_FUNCTIONS(PdfSigner)

public:
    static Result<QByteArray> sign(const QByteArray &pdf, const PdfSignerIdentity &signer);
};
