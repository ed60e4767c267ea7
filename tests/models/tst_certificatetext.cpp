// Reading a certificate's text (CertificateText) the way the import form
// does: certificate PDFs of many layouts, English and French, generated here
// with QPdfWriter, read by the PDF reader's own code (PdfReader, which
// certdesk-pdfcheck runs) and given to the extractor; each field compared
// with the value beside it in the table. The hit rate per field is printed
// and held above a floor; an ambiguous numeric date must come back with both
// readings, never guessed. Hostile text (bidi overrides, zero-width
// characters, a 10 MB line, garbage) gives results, not crashes; and the
// name comparison the reviewer's "name on the PDF" will use (PersonName).
#include "core/CertificateText.h"
#include "core/PersonName.h"
#include "pdf/CertificatePdf.h"
#include "pdfread/PdfReader.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QtTest>

namespace {
// A generated certificate: its lines, top to bottom. A line starting with
// '!' is large (a title), '^' small, '~' a sentence in a smaller size.
struct Layout
{
    QStringList lines;
    bool landscape = true;
    bool centred = true;
    QString family = QStringLiteral("DejaVu Serif");
};

// One row: the PDF and what a person reads on it. Dates as yyyy-MM-dd;
// "day-first|month-first" for an ambiguous one; empty: not on the page.
struct Case
{
    const char *name;
    Layout layout;
    QString title, holder, issuer, delivered, expires;
    QByteArray pdf = {}; // instead of layout: the app's own demo certificate
};

const QStringList kFields{QStringLiteral("title"), QStringLiteral("holder"),
                          QStringLiteral("issuer"), QStringLiteral("delivered"),
                          QStringLiteral("expires")};

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList lines(std::initializer_list<const char *> utf8)
{
    QStringList out;
    for (const char *line : utf8)
        out.append(s(line));
    return out;
}

QByteArray render(const Layout &layout)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4),
                        layout.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                        QMarginsF(0, 0, 0, 0)));
        QPainter painter(&writer);
        const QSizeF page = writer.pageLayout().fullRect(QPageLayout::Point).size();
        painter.drawRect(QRectF(QPointF(20, 20), page - QSizeF(40, 40)));
        qreal y = 50;
        for (QString text : layout.lines) {
            qreal size = 15;
            if (text.startsWith(QLatin1Char('!')))
                size = 30;
            else if (text.startsWith(QLatin1Char('^')))
                size = 9;
            else if (text.startsWith(QLatin1Char('~')))
                size = 11;
            if (size != 15)
                text.remove(0, 1);
            QFont font(layout.family);
            font.setPointSizeF(size);
            font.setStyleStrategy(QFont::PreferNoShaping); // no "ﬁ" ligatures
            painter.setFont(font);
            const QRectF row(50, y, page.width() - 100, page.height());
            const int flags = (layout.centred ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignTop |
                              Qt::TextWordWrap;
            QRectF used;
            painter.drawText(row, flags, text, &used);
            y += used.height() + size * 0.8;
        }
    }
    return buffer.data();
}

QString iso(QDate date)
{
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

QString describe(const TextDate &date)
{
    QStringList readings;
    for (const QDate &d : date.readings)
        readings.append(iso(d));
    return readings.join(QLatin1Char('|'));
}

QStringList valuesOf(const CertificateText &read)
{
    return {read.title.value_or(QString()), read.holder.value_or(QString()),
            read.issuer.value_or(QString()), describe(read.delivered), describe(read.expires)};
}
} // namespace

class CertificateTextTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void generatedPdfs_hitRatePerFieldAboveFloor();
    void generatedPdfs_ambiguousDatesComeBackAmbiguous();
    void generatedPdfs_emptyPage_readsNothing();

    void dates_data();
    void dates();

    void hostile_data();
    void hostile();
    void hostile_tenMegabyteLine_readsOnlyTheStart();
    void hostile_randomGarbage_noCrash();

    void personName_matches_data();
    void personName_matches();

private:
    QList<Case> cases() const;

    QList<Case> m_cases;
    QList<CertificateText> m_read; // one per case
    QStringList m_texts;
};

QList<Case> CertificateTextTest::cases() const
{
    const CertificatePdfContent demo{s("Fire Safety Training"),
                                     s("Jane Doe"),
                                     s("Northwind Training Institute"),
                                     QDate(2024, 3, 12),
                                     QDate(2027, 3, 12),
                                     s("NW-2024-0042"),
                                     QString()};
    QList<Case> c;
    c.append({"app demo certificate",
              {},
              s("Fire Safety Training"),
              s("Jane Doe"),
              s("Northwind Training Institute"),
              s("2024-03-12"),
              s("2027-03-12"),
              CertificatePdf::render(demo)});
    c.append(
        {"en classic",
         {lines({"Certificate of Completion", "This certifies that", "!Emma Wilson",
                 "has successfully completed", "!First Aid at Work", "Date of issue: 12 March 2025",
                 "Valid until: 12 March 2028", "^Issued by Red Cross Training"})},
         s("First Aid at Work"),
         s("Emma Wilson"),
         s("Red Cross Training"),
         s("2025-03-12"),
         s("2028-03-12")});
    c.append({"en us, issuer in capitals on top",
              {lines({"ACME SAFETY ACADEMY", "!Certificate of Achievement", "Awarded to",
                      "!John Smith", "for successfully completing", "Forklift Operator Safety",
                      "March 12, 2025", "Expires March 12, 2026"})},
              s("Forklift Operator Safety"),
              s("John Smith"),
              s("Acme Safety Academy"),
              s("2025-03-12"),
              s("2026-03-12")});
    c.append({"en title in capitals after the course",
              {lines({"Northwind Academy", "This is to certify that Liam O'Brien",
                      "has successfully completed the course", "!FIRST AID AT WORK",
                      "Date: 2025-03-12", "Expiry date: 2028-03-12"}),
               false, false},
              s("First Aid at Work"),
              s("Liam O'Brien"),
              s("Northwind Academy"),
              s("2025-03-12"),
              s("2028-03-12")});
    c.append({"en name before the title, no expiry",
              {lines({"Northwind Health and Safety Ltd", "!Sarah Connor",
                      "has successfully completed", "!Fire Warden", "on 15/11/2024"}),
               true, true, s("DejaVu Sans")},
              s("Fire Warden"),
              s("Sarah Connor"),
              s("Northwind Health and Safety Ltd"),
              s("2024-11-15"),
              QString()});
    c.append({"en one sentence",
              {lines({"Global Compliance Institute",
                      "~Emma Wilson has successfully completed Data Protection Essentials on 3 "
                      "February 2025.",
                      "~This certificate is valid until 3 February 2026."})},
              s("Data Protection Essentials"),
              s("Emma Wilson"),
              s("Global Compliance Institute"),
              s("2025-02-03"),
              s("2026-02-03")});
    c.append({"en ambiguous date, no expiry",
              {lines({"Harbour Skills Centre", "!Certificate of Attendance", "This certifies that",
                      "Tom Becker", "has attended", "!Working at Height", "Date: 03/04/2025"}),
               false},
              s("Working at Height"),
              s("Tom Becker"),
              s("Harbour Skills Centre"),
              s("2025-04-03|2025-03-04"),
              QString()});
    c.append(
        {"en both dates ambiguous",
         {lines({"Riverside Training College", "This certifies that Noah Green", "has completed",
                 "!Confined Space Entry", "Date of issue: 05/06/2024", "Valid until: 05/06/2026"})},
         s("Confined Space Entry"),
         s("Noah Green"),
         s("Riverside Training College"),
         s("2024-06-05|2024-05-06"),
         s("2026-06-05|2026-05-06")});
    c.append({"en day first proven by the other date",
              {lines({"Coastal First Aid Association", "Certificate", "awarded to Ava Davis",
                      "for completing", "Emergency First Aid", "Issued: 03/04/2025",
                      "Expires: 25/12/2027"})},
              s("Emergency First Aid"),
              s("Ava Davis"),
              s("Coastal First Aid Association"),
              s("2025-04-03"),
              s("2027-12-25")});
    c.append({"en month first proven by the other date",
              {lines({"Liberty Safety Institute", "This certifies that Mason Lee",
                      "has successfully passed", "OSHA 10-Hour Construction",
                      "Issue date: 04/03/2025", "Expiration date: 12/31/2026"}),
               false, false, s("DejaVu Sans")},
              s("OSHA 10-Hour Construction"),
              s("Mason Lee"),
              s("Liberty Safety Institute"),
              s("2025-04-03"),
              s("2026-12-31")});
    c.append({"en fields with colons",
              {lines({"!CERTIFICATE", "Name: Olivia Brown", "Course: Manual Handling",
                      "Training provider: SafeWork Academy", "Completion date: 2024-09-30",
                      "Expiry date: 2027-09-30"}),
               false, false},
              s("Manual Handling"),
              s("Olivia Brown"),
              s("SafeWork Academy"),
              s("2024-09-30"),
              s("2027-09-30")});
    c.append({"en labels above their dates",
              {lines({"Metro Rail Academy", "!Track Safety Awareness", "Presented to",
                      "!Isla Walker", "Date of issue", "2025-01-20", "Valid until", "2026-01-20"})},
              s("Track Safety Awareness"),
              s("Isla Walker"),
              s("Metro Rail Academy"),
              s("2025-01-20"),
              s("2026-01-20")});
    c.append({"en ordinal day, no expiry",
              {lines({"!Certificate of Achievement", "presented to", "!Noah Williams",
                      "for completing", "Introduction to Python Programming",
                      "Issued on 7th July 2024", "^Issued by Code Academy"}),
               false},
              s("Introduction to Python Programming"),
              s("Noah Williams"),
              s("Code Academy"),
              s("2024-07-07"),
              QString()});
    c.append({"en abbreviated months",
              {lines({"Awarded to Mia Johnson", "Course: Advanced Excel", "Issued: Jan 15, 2025",
                      "Expires: Jan 15, 2027", "^Skillbridge Learning Ltd"}),
               true, false},
              s("Advanced Excel"),
              s("Mia Johnson"),
              s("Skillbridge Learning Ltd"),
              s("2025-01-15"),
              s("2027-01-15")});
    c.append({"en range of dates",
              {lines({"~This certifies that Ava Davis has successfully completed Food Hygiene "
                      "Level 2",
                      "Valid: 14/02/2025 \u2013 14/02/2026",
                      "^Issued by Food Standards Training Council"})},
              s("Food Hygiene Level 2"),
              s("Ava Davis"),
              s("Food Standards Training Council"),
              s("2025-02-14"),
              s("2026-02-14")});
    c.append({"en dotted date",
              {lines({"Alpine Business School", "!Certificate of Participation",
                      "awarded to Lukas Meier", "Programme: Agile Project Management",
                      "Date: 12.03.2025"}),
               false, false, s("DejaVu Sans")},
              s("Agile Project Management"),
              s("Lukas Meier"),
              s("Alpine Business School"),
              s("2025-03-12"),
              QString()});
    c.append({"en date of birth is no date of the certificate",
              {lines({"Name: Chloe Martin", "Date of birth: 04/05/1990",
                      "Course title: CPR and AED", "Completed on 18/06/2024",
                      "Valid until 18/06/2026", "Issued by St John Training Society"}),
               false, false},
              s("CPR and AED"),
              s("Chloe Martin"),
              s("St John Training Society"),
              s("2024-06-18"),
              s("2026-06-18")});
    c.append({"en surname first",
              {lines({"This certifies that WILSON Emma", "has completed Asbestos Awareness",
                      "Date of issue: 9 October 2024", "Issued by Northwind Training Institute"})},
              s("Asbestos Awareness"),
              s("WILSON Emma"),
              s("Northwind Training Institute"),
              s("2024-10-09"),
              QString()});
    c.append({"en title that starts with Certificate",
              {lines({"!Certificate in Project Management", "awarded to Grace Lee",
                      "Date of award: 2 May 2025", "Issuing body: Institute of Project Leaders"})},
              s("Certificate in Project Management"),
              s("Grace Lee"),
              s("Institute of Project Leaders"),
              s("2025-05-02"),
              QString()});
    c.append({"en ambiguous only date",
              {lines({"Bright Futures Academy", "This certifies that", "Ella Scott",
                      "has successfully completed", "Safeguarding Children", "12/03/2025"}),
               false},
              s("Safeguarding Children"),
              s("Ella Scott"),
              s("Bright Futures Academy"),
              s("2025-03-12|2025-12-03"),
              QString()});
    c.append({"en valid thru, month first",
              {lines({"Pacific Dive Center", "This certifies that Jack Turner",
                      "has successfully completed", "Open Water Diver", "Issued 11/03/2025",
                      "Valid thru 11/30/2026"})},
              s("Open Water Diver"),
              s("Jack Turner"),
              s("Pacific Dive Center"),
              s("2025-11-03"),
              s("2026-11-30")});
    c.append({"fr classique",
              {lines({"Institut National de Formation", "!ATTESTATION DE FORMATION", "Certifie que",
                      "!Claire Dubois", "a suivi avec succès la formation",
                      "!Sauveteur Secouriste du Travail", "Délivré le 12 mars 2025",
                      "Valable jusqu\u2019au 12 mars 2027"})},
              s("Sauveteur Secouriste du Travail"),
              s("Claire Dubois"),
              s("Institut National de Formation"),
              s("2025-03-12"),
              s("2027-03-12")});
    c.append({"fr dates numériques jour d'abord",
              {lines({"Organisme de formation : Centre Azur", "!Attestation de réussite",
                      "Nom : Martin Lefèvre", "Formation : Habilitation électrique B1V",
                      "Date de délivrance : 03/04/2025", "Date d'expiration : 03/04/2028"}),
               false, false},
              s("Habilitation électrique B1V"),
              s("Martin Lefèvre"),
              s("Centre Azur"),
              s("2025-04-03"),
              s("2028-04-03")});
    c.append({"fr décerné à, sans expiration",
              {lines({"Croix-Rouge française", "!Certificat de compétences", "décerné à",
                      "!Mme Sophie Laurent", "pour avoir suivi",
                      "Prévention et Secours Civiques de niveau 1", "Fait le 1er juin 2024"})},
              s("Prévention et Secours Civiques de niveau 1"),
              s("Sophie Laurent"),
              s("Croix-Rouge française"),
              s("2024-06-01"),
              QString()});
    c.append({"fr une phrase",
              {lines({"~L\u2019Académie du Numérique certifie que Lucas Bernard a suivi la "
                      "formation « Cybersécurité pour tous ».",
                      "Délivrée le 14/02/2025 à Lyon."}),
               true, false},
              s("Cybersécurité pour tous"),
              s("Lucas Bernard"),
              s("L'Académie du Numérique"),
              s("2025-02-14"),
              QString()});
    c.append({"fr valable du … au …",
              {lines({"!Certificat", "Titulaire : Jean-Pierre Moreau",
                      "Intitulé : CACES R489 catégorie 3", "Valable du 15/09/2024 au 15/09/2029",
                      "Délivré par : Formapro SAS"}),
               false, false, s("DejaVu Sans")},
              s("CACES R489 catégorie 3"),
              s("Jean-Pierre Moreau"),
              s("Formapro SAS"),
              s("2024-09-15"),
              s("2029-09-15")});
    c.append({"fr date ISO, émetteur en capitales",
              {lines({"ÉCOLE SUPÉRIEURE DE MANAGEMENT", "!Attestation de participation",
                      "Nous attestons que", "!Camille Petit", "a participé à",
                      "Leadership et Communication", "Date : 2024-12-05"})},
              s("Leadership et Communication"),
              s("Camille Petit"),
              s("École Supérieure de Management"),
              s("2024-12-05"),
              QString()});
    c.append({"fr date d'expiration en toutes lettres",
              {lines({"Fédération Française de Natation", "!Brevet de Surveillant de Baignade",
                      "décerné à M. Hugo Garnier", "Date d'obtention : 2 juillet 2024",
                      "Date d'expiration : 2 juillet 2029"}),
               false},
              s("Brevet de Surveillant de Baignade"),
              s("Hugo Garnier"),
              s("Fédération Française de Natation"),
              s("2024-07-02"),
              s("2029-07-02")});
    c.append({"fr expire le, anglais mêlé",
              {lines({"Académie Numérique de Paris", "!Certificat Google Analytics",
                      "Titulaire : Léa Rousseau", "Délivré le 05/10/2024", "Expire le 05/10/2025"}),
               true, false},
              s("Certificat Google Analytics"),
              s("Léa Rousseau"),
              s("Académie Numérique de Paris"),
              s("2024-10-05"),
              s("2025-10-05")});
    c.append({"en expires, heading title",
              {lines({"Skyline Cloud Academy", "!Cloud Fundamentals", "Awarded to Ethan Clark",
                      "Awarded on 30 June 2025", "Expires 30 June 2026"})},
              s("Cloud Fundamentals"),
              s("Ethan Clark"),
              s("Skyline Cloud Academy"),
              s("2025-06-30"),
              s("2026-06-30")});
    c.append({"no text at all", {QStringList()}, {}, {}, {}, {}, {}});
    return c;
}

void CertificateTextTest::initTestCase()
{
    // The app's demo certificate in English (its month names, its wording).
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_cases = cases();
    for (const Case &c : std::as_const(m_cases)) {
        const QByteArray pdf = c.pdf.isEmpty() ? render(c.layout) : c.pdf;
        QVERIFY2(!pdf.isEmpty(), c.name);
        const PdfReport report = PdfReader::read(pdf);
        QVERIFY2(report.problem == PdfProblem::None, c.name);
        m_texts.append(report.firstPageText);
        m_read.append(CertificateText::read(report.firstPageText));
    }
}

void CertificateTextTest::generatedPdfs_hitRatePerFieldAboveFloor()
{
    QCOMPARE_GE(m_cases.size(), 25);
    QList<int> hits(kFields.size(), 0);
    for (int i = 0; i < m_cases.size(); ++i) {
        const Case &c = m_cases.at(i);
        const QStringList expected{c.title, c.holder, c.issuer, c.delivered, c.expires};
        const QStringList got = valuesOf(m_read.at(i));
        for (int f = 0; f < kFields.size(); ++f) {
            if (got.at(f) == expected.at(f))
                ++hits[f];
            else
                qInfo("miss: %s, %s: expected \"%s\", read \"%s\"", c.name,
                      qPrintable(kFields.at(f)), qPrintable(expected.at(f)), qPrintable(got.at(f)));
        }
    }
    const int total = int(m_cases.size());
    for (int f = 0; f < kFields.size(); ++f)
        qInfo("%-9s %d/%d (%d %%)", qPrintable(kFields.at(f)), hits.at(f), total,
              hits.at(f) * 100 / total);
    // The floor: nine in ten per field on these layouts.
    for (int f = 0; f < kFields.size(); ++f)
        QVERIFY2(hits.at(f) * 10 >= total * 9, qPrintable(kFields.at(f)));
}

void CertificateTextTest::generatedPdfs_ambiguousDatesComeBackAmbiguous()
{
    int ambiguous = 0;
    for (int i = 0; i < m_cases.size(); ++i) {
        const Case &c = m_cases.at(i);
        const CertificateText &read = m_read.at(i);
        const QList<std::pair<QString, TextDate>> dates{{c.delivered, read.delivered},
                                                        {c.expires, read.expires}};
        for (const auto &[expected, got] : dates) {
            if (expected.contains(QLatin1Char('|'))) {
                ++ambiguous;
                QVERIFY2(got.isAmbiguous(), c.name);
                QCOMPARE(describe(got), expected);
                QVERIFY(!got.date().isValid()); // no date to fill in silently
                QVERIFY(!got.printed.isEmpty());
            } else if (got.found()) {
                // A date that has one reading on the page is not made ambiguous.
                QVERIFY2(!got.isAmbiguous(), c.name);
            }
        }
    }
    QCOMPARE_GE(ambiguous, 3);
}

void CertificateTextTest::generatedPdfs_emptyPage_readsNothing()
{
    const int last = int(m_cases.size()) - 1;
    QCOMPARE(QString::fromLatin1(m_cases.at(last).name), QStringLiteral("no text at all"));
    QVERIFY(m_texts.at(last).trimmed().isEmpty());
    const CertificateText &read = m_read.at(last);
    QVERIFY(!read.title && !read.holder && !read.issuer);
    QVERIFY(!read.delivered.found() && !read.expires.found());
}

void CertificateTextTest::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("delivered");
    QTest::addColumn<QString>("expires");
    QTest::newRow("date of issue")
        << s("Date of issue: 12 March 2025") << s("2025-03-12") << QString();
    QTest::newRow("month first in words") << s("March 12, 2025") << s("2025-03-12") << QString();
    QTest::newRow("iso") << s("2025-03-12") << s("2025-03-12") << QString();
    QTest::newRow("slashes, ambiguous")
        << s("12/03/2025") << s("2025-03-12|2025-12-03") << QString();
    QTest::newRow("slashes, 13 is a day") << s("13/04/2025") << s("2025-04-13") << QString();
    QTest::newRow("slashes, same day and month") << s("04/04/2025") << s("2025-04-04") << QString();
    QTest::newRow("dots, day first") << s("12.03.2025") << s("2025-03-12") << QString();
    QTest::newRow("french words") << s("Délivré le 12 mars 2025\nValable jusqu'au 12 mars 2027")
                                  << s("2025-03-12") << s("2027-03-12");
    QTest::newRow("french, numeric, day first")
        << s("Attestation de formation\nDélivrée le 03/04/2025 par l'organisme") << s("2025-04-03")
        << QString();
    QTest::newRow("valid until") << s("Issued 1 May 2024. Valid until 1 May 2026.")
                                 << s("2024-05-01") << s("2026-05-01");
    QTest::newRow("expires") << s("Expires 30 Sept. 2026\nDate: 30 Sept. 2024") << s("2024-09-30")
                             << s("2026-09-30");
    QTest::newRow("date d'expiration")
        << s("Date d’expiration : 1er février 2030") << QString() << s("2030-02-01");
    QTest::newRow("february 30 is no date")
        << s("Date of issue: 30 February 2025") << QString() << QString();
    QTest::newRow("ambiguous, proven day first by another date")
        << s("Issued: 03/04/2025\nExpires: 25/12/2027") << s("2025-04-03") << s("2027-12-25");
    QTest::newRow("ambiguous, conflicting proofs stay ambiguous")
        << s("Issued: 03/04/2025\nPrinted 25/12/2024 and 12/25/2024") << s("2025-04-03|2025-03-04")
        << QString();
    QTest::newRow("date of birth ignored")
        << s("Born on 04/05/1990\nDate: 2024-01-02") << s("2024-01-02") << QString();
    QTest::newRow("a reference is no date") << s("Ref NW-2024-0042") << QString() << QString();
}

void CertificateTextTest::dates()
{
    QFETCH(QString, text);
    QFETCH(QString, delivered);
    QFETCH(QString, expires);
    const CertificateText read = CertificateText::read(text);
    QCOMPARE(describe(read.delivered), delivered);
    QCOMPARE(describe(read.expires), expires);
}

void CertificateTextTest::hostile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QString>("delivered");
    QTest::addColumn<QString>("expires");
    // Invisible characters split the words a reader looks for; they go first.
    QTest::newRow("zero-width inside words")
        << s("This cer\u200Btifies that Emma\u200B Wil\u200Dson\nDate of\uFEFF issue: 12 "
             "Ma\u200Crch 2025\nValid\u2060 until 12/03/2027")
        << s("Emma Wilson") << s("2025-03-12") << s("2027-03-12|2027-12-03");
    QTest::newRow("bidi overrides and isolates")
        << s("\u202EThis certifies that\u202C \u2066Emma Wilson\u2069\n\u202BValid "
             "until\u202C: \u202D12 March 2027\u202C")
        << s("Emma Wilson") << QString() << s("2027-03-12");
    QTest::newRow("right-to-left override reorders nothing it hides")
        << s("Date: \u202E5202/30/21\u202C") << QString() << QString() << QString();
    QTest::newRow("control characters and NUL")
        << QStringLiteral(
               "This certifies that\u0000 Emma\u0007 Wilson\u001b\nDate\u0000: 2025-03-12")
        << s("Emma Wilson") << s("2025-03-12") << QString();
    QTest::newRow("lone surrogates")
        << QString(s("This certifies that ") + QChar(0xD800) + s(" Emma")) << s("Emma") << QString()
        << QString();
    QTest::newRow("repeated labels")
        << QString(s("Date of issue: ").repeated(3000) + s("12 March 2025")) << QString()
        << QString() << QString();
    QTest::newRow("digits and slashes")
        << QString(s("1/").repeated(50000)) << QString() << QString() << QString();
    QTest::newRow("month names") << QString(s("12 March ").repeated(20000)) << QString()
                                 << QString() << QString();
}

void CertificateTextTest::hostile()
{
    QFETCH(QString, text);
    QFETCH(QString, holder);
    QFETCH(QString, delivered);
    QFETCH(QString, expires);
    const CertificateText read = CertificateText::read(text);
    QCOMPARE(read.holder.value_or(QString()), holder);
    QCOMPARE(describe(read.delivered), delivered);
    QCOMPARE(describe(read.expires), expires);
    // Nothing read is longer than the part of the text looked at.
    for (const QString &value : valuesOf(read))
        QVERIFY(value.size() <= CertificateText::MaxInput);
}

void CertificateTextTest::hostile_tenMegabyteLine_readsOnlyTheStart()
{
    // One 10 MB line: a label, then a date far beyond the part looked at.
    QString text = s("This certifies that Emma Wilson has completed Fire Safety. ");
    text += QString(10 * 1024 * 1024, QLatin1Char('a'));
    text += s(" Date of issue: 12 March 2025");
    const CertificateText read = CertificateText::read(text);
    QCOMPARE(read.holder.value_or(QString()), s("Emma Wilson"));
    QVERIFY(!read.delivered.found());
    QCOMPARE(CertificateText::cleanedLines(text).join(QString()).size(), CertificateText::MaxInput);

    // The same size in spaces, digits and dates: still read, still capped.
    const QString dates = s("12/03/2025 ").repeated(1024 * 1024);
    const CertificateText manyDates = CertificateText::read(dates);
    QCOMPARE(describe(manyDates.delivered), s("2025-03-12|2025-12-03"));
    const CertificateText spaces =
        CertificateText::read(QString(10 * 1024 * 1024, QLatin1Char(' ')));
    QVERIFY(!spaces.title && !spaces.holder && !spaces.delivered.found());
}

void CertificateTextTest::hostile_randomGarbage_noCrash()
{
    QRandomGenerator random(20250312);
    for (int round = 0; round < 20; ++round) {
        QString text(CertificateText::MaxInput + 5000, Qt::Uninitialized);
        for (QChar &c : text)
            c = QChar(char16_t(random.bounded(round % 2 ? 0x10000 : 0x80)));
        const CertificateText read = CertificateText::read(text);
        for (const QString &value : valuesOf(read))
            QVERIFY(value.size() <= CertificateText::MaxInput);
    }
}

void CertificateTextTest::personName_matches_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("match");
    QTest::newRow("same") << s("Emma Wilson") << s("Emma Wilson") << true;
    QTest::newRow("surname first in capitals") << s("WILSON Emma") << s("Emma Wilson") << true;
    QTest::newRow("accents") << s("Émma Wilsön") << s("Emma Wilson") << true;
    QTest::newRow("decomposed accents") << s("E\u0301mma Wilson") << s("Emma Wilson") << true;
    QTest::newRow("punctuation") << s("Wilson, Emma.") << s("Emma Wilson") << true;
    QTest::newRow("hyphen") << s("Jean-Pierre Moreau") << s("MOREAU Jean Pierre") << true;
    QTest::newRow("apostrophe") << s("Liam O’Brien") << s("liam o'brien") << true;
    QTest::newRow("courtesy title") << s("Mme Sophie Laurent") << s("Sophie Laurent") << true;
    QTest::newRow("extra spaces") << s("  Emma   Wilson ") << s("Emma Wilson") << true;
    QTest::newRow("another surname") << s("Emma Watson") << s("Emma Wilson") << false;
    QTest::newRow("a word more") << s("Emma Jane Wilson") << s("Emma Wilson") << false;
    QTest::newRow("first name only") << s("Emma") << s("Emma Wilson") << false;
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("punctuation only") << s("-.-") << s("...") << false;
    QTest::newRow("an initial after the first name is kept")
        << s("Emma M Wilson") << s("Emma Wilson") << false;
}

void CertificateTextTest::personName_matches()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, match);
    QCOMPARE(PersonName::matches(a, b), match);
    QCOMPARE(PersonName::matches(b, a), match);
}

QTEST_MAIN(CertificateTextTest)
#include "tst_certificatetext.moc"
