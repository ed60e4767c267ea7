#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

// What a generated certificate shows.
struct CertificatePdfContent
{
    QString title;     // "Fire Safety Training"
    QString holder;    // "Jane Doe"
    QString issuer;    // "Northwind Training Institute"
    QDate delivered;   // "Delivered on …"
    QDate expires;     // "Valid until …"; null: not printed
    QString reference; // "NW-2024-0042"; empty: not printed
};

// Renders a one-page, A4 landscape certificate PDF with QPdfWriter: a double
// border, the issuer, a large title, the holder's name, dates, a reference and
// a signature line, in DejaVu Serif (fonts-dejavu-core). Used for
// demo data and by tests that need real, valid PDFs (a few ms per call).
//
// Deterministic: the same content, language and time-zone kind give the same
// bytes. QPdfWriter 6.4 has no API for its /CreationDate (it writes the current
// local time); render() overwrites it in place, same length, with the delivery
// date, so no offset in the file changes. Only its time-zone suffix stays as
// Qt wrote it ("Z" on a UTC machine, "+00'00'" elsewhere), so two machines in
// different kinds of time zone give different bytes.
//
// Needs a QGuiApplication (fonts); without one it returns an empty array.
class CertificatePdf
{
    Q_DECLARE_TR_FUNCTIONS(CertificatePdf)

public:
    static QByteArray render(const CertificatePdfContent &content);

private:
    static void stabiliseCreationDate(QByteArray &pdf, QDate date);
};
