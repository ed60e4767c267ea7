#include "core/Csv.h"

#include <QDate>
#include <QDateTime>

CsvWriter::Options CsvWriter::Options::excel(const QLocale &locale)
{
    Options options;
    options.byteOrderMark = true;
    options.separator =
        locale.decimalPoint() == QLatin1String(",") ? QLatin1Char(';') : QLatin1Char(',');
    return options;
}

CsvWriter::CsvWriter(QIODevice *device) : CsvWriter(device, Options()) {}

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options) {}

QString CsvWriter::neutralise(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + text;
    return text;
}

QString CsvWriter::field(const QVariant &cell, QChar separator)
{
    QString text;
    switch (cell.typeId()) {
    case QMetaType::QDate:
        text = cell.toDate().toString(Qt::ISODate);
        break;
    case QMetaType::QDateTime:
        text = cell.toDateTime().toUTC().toString(Qt::ISODate);
        break;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        text = cell.toString();
        break;
    case QMetaType::Double:
        text = QString::number(cell.toDouble(), 'g', 15);
        break;
    case QMetaType::Bool:
        text = cell.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    default:
        text = cell.isNull() ? QString() : neutralise(cell.toString());
        break;
    }
    const bool quote = text.contains(separator) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                       (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool CsvWriter::write(const QString &line)
{
    if (!m_ok)
        return false;
    QByteArray bytes;
    if (!m_started && m_options.byteOrderMark)
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
    m_started = true;
    bytes += line.toUtf8();
    bytes += "\r\n";
    m_ok = m_device->write(bytes) == bytes.size();
    return m_ok;
}

bool CsvWriter::writeHeader(const QStringList &names)
{
    QStringList fields;
    for (const QString &name : names)
        fields << field(name, m_options.separator);
    return write(fields.join(m_options.separator));
}

bool CsvWriter::writeRecord(const QVariantList &cells)
{
    QStringList fields;
    for (const QVariant &cell : cells)
        fields << field(cell, m_options.separator);
    ++m_records;
    return write(fields.join(m_options.separator));
}
