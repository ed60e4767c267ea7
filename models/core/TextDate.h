#pragma once

#include <QDate>
#include <QList>
#include <QString>

// A date read from a certificate's text (CertificateText), as printed and
// as understood. A numeric date whose day and month could be swapped
// ("03/04/2025": 3 April or 4 March) has two readings and is never settled
// silently; the person chooses. Only the text itself settles it:
// - another numeric date in the same document that has one order only
//   ("25/12/2024" is day first, "12/25/2024" month first), when all such
//   dates agree;
// - French text (CertificateText::looksFrench): French writes the day first;
// - dots ("03.04.2025"): no convention writes the month first with dots.
// "2025-03-12" (year first) and dates with a month name have one reading.
struct TextDate
{
    QString printed;       // "03/04/2025", "12 mars 2025"; empty when none was found
    QList<QDate> readings; // none, one (certain), or two: day first, then month first

    bool found() const { return !readings.isEmpty(); }
    bool isAmbiguous() const { return readings.size() > 1; }
    // The date when it has one reading; invalid when none or ambiguous.
    QDate date() const { return readings.size() == 1 ? readings.constFirst() : QDate(); }
};

// One date found on a line of cleaned text: where, and what it says.
struct DateMention
{
    int line = 0;
    qsizetype start = 0; // in the line
    qsizetype end = 0;
    TextDate date;
    bool numeric = false; // day and month as numbers, in either order
    bool dayFirstOnly = false;
    bool monthFirstOnly = false;
};

// Finds the dates in lines of folded text (lower case, no accents; see
// CertificateText), with the text as printed beside them (the same lengths).
// Simple linear patterns only: the lines come from strangers.
class DateFinder
{
public:
    static QList<DateMention> find(const QStringList &folded, const QStringList &printed,
                                   bool dayFirstText);

private:
    static void findNumeric(int line, const QString &key, const QString &text,
                            QList<DateMention> &found);
    static void findNamed(int line, const QString &key, const QString &text,
                          QList<DateMention> &found);
    static void settleOrder(QList<DateMention> &found, bool dayFirstText);
};
