#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

class QPainter;

// What a generated certificate shows.
struct CertificatePdfContent
{
    QString title;     // "Fire Safety Training"
    QString holder;    // "Jane Doe"
    QString issuer;    // "Northwind Training Institute"
    QDate delivered;   // "Delivered on …"; also the PDF's creation date
    QDate expires;     // "Valid until …"; null: not printed
    QString reference; // "NW-2024-0042"; empty: not printed
    // A QR code bottom left, "Scan to verify" under it (libqrencode); empty:
    // none. The URL is not printed as text.
    QString verificationUrl;
};

// Renders a one-page, A4 landscape certificate PDF with QPdfWriter: a double
// border, the issuer, a large title, "This certifies that", the holder's name,
// "has successfully completed", the dates, a reference and a signature line,
// an optional QR code, all in DejaVu Serif (fonts-dejavu-core). Used for demo data and by tests
// that need real, valid PDFs (about 15 ms and 15 KB each).
//
// Deterministic, so certificates can be content-addressed: the same content,
// language (tr() and QLocale month names), Qt and font versions give the same
// bytes, on any machine and in any time zone. Two things make that so: the
// creation date QPdfWriter stamps is replaced by the delivery date, and a single
// font face is used (QPdfWriter writes fonts in QHash order, random per
// process). Characters DejaVu Serif lacks (CJK, for example) pull in a fallback
// font and lose that guarantee.
//
// Needs a QGuiApplication (fonts); without one it returns an empty array.
class CertificatePdf
{
    Q_DECLARE_TR_FUNCTIONS(CertificatePdf)

public:
    static QByteArray render(const CertificatePdfContent &content);

private:
    static void drawMain(QPainter &painter, const CertificatePdfContent &content);
    static void drawFooter(QPainter &painter, const CertificatePdfContent &content);
    static void drawVerification(QPainter &painter, const QString &url);
    static void stabiliseCreationDate(QByteArray &pdf, QDate date);
};
