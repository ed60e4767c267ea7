#pragma once

#include <QIODevice>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QVariant>

// CSV as RFC 4180 writes it, for the exports (README "CSV export"): UTF-8,
// CRLF after every record, a field quoted when it holds the separator, a
// quote, a line break or spaces at its ends, its quotes doubled. A text cell
// that a spreadsheet would run as a formula (one starting with = + - @, a
// tab or a carriage return) is neutralised with a leading apostrophe
// (OWASP's advice on CSV injection); numbers and dates are written as they
// are (ISO 8601 dates).
class CsvWriter
{
public:
    struct Options
    {
        QChar separator = QLatin1Char(',');
        bool byteOrderMark = false;
        // Excel's taste: a byte order mark (so it reads UTF-8) and the
        // separator of the locale's lists (";" where the decimal point is a
        // comma, as in French).
        static Options excel(const QLocale &locale = QLocale());
    };

    explicit CsvWriter(QIODevice *device);
    CsvWriter(QIODevice *device, Options options);

    // A record: QString cells are text (neutralised), numbers and dates are
    // written plainly, a null QVariant is an empty field.
    bool writeRecord(const QVariantList &cells);
    bool writeHeader(const QStringList &names);
    qint64 records() const { return m_records; }
    bool ok() const { return m_ok; }

    // One field as written (quoted when needed).
    static QString field(const QVariant &cell, QChar separator);
    // A text made harmless to a spreadsheet's formula parser.
    static QString neutralise(const QString &text);

private:
    bool write(const QString &line);

    QIODevice *m_device;
    Options m_options;
    qint64 m_records = 0;
    bool m_started = false;
    bool m_ok = true;
};
