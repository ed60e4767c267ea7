#include "mail/MailMessage.h"

#include "core/TextCheck.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace {
const QByteArray kCrlf = QByteArrayLiteral("\r\n");

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// An "atom" display name needs no quoting (RFC 5322, 3.2.3).
bool isAtomText(const QString &text)
{
    static const QRegularExpression atoms(
        QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+( [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$"));
    return atoms.match(text).hasMatch();
}

// Splits UTF-8 into chunks of at most firstBytes, then restBytes, without
// cutting a character.
QList<QByteArray> utf8Chunks(const QByteArray &utf8, int firstBytes, int restBytes)
{
    QList<QByteArray> chunks;
    int start = 0;
    while (start < utf8.size()) {
        const int maxBytes = chunks.isEmpty() ? firstBytes : restBytes;
        int end = qMin(start + maxBytes, int(utf8.size()));
        // Continuation bytes (10xxxxxx) belong to the character before.
        while (end < utf8.size() && end > start && (uchar(utf8.at(end)) & 0xC0) == 0x80)
            --end;
        if (end == start) // a character longer than the room: take it whole
            end = qMin(start + 4, int(utf8.size()));
        chunks.append(utf8.mid(start, end - start));
        start = end;
    }
    return chunks;
}
} // namespace

QString MailMessage::asciiAddress(const QString &address)
{
    if (!TextCheck::isMailAddress(address))
        return {};
    const QString local = address.section(QLatin1Char('@'), 0, -2);
    const QString domain = address.section(QLatin1Char('@'), -1);
    for (const QChar c : local) {
        if (c.unicode() > 0x7e)
            return {};
    }
    const QByteArray ace = QUrl::toAce(domain);
    if (ace.isEmpty())
        return {};
    return local + QLatin1Char('@') + QString::fromLatin1(ace);
}

QString MailMessage::newMessageId(const QString &fromAddress)
{
    QString domain = fromAddress.section(QLatin1Char('@'), 1);
    if (domain.isEmpty())
        domain = QStringLiteral("certdesk.invalid");
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".certdesk@") +
           domain;
}

QByteArray MailMessage::dateHeader(const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    // English names whatever the system's language (RFC 5322, 3.3).
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() +
           QByteArrayLiteral(" +0000");
}

QByteArray MailMessage::encodeHeaderText(const QString &text, int used)
{
    // Plain when it is printable ASCII, fits on a line and cannot be mistaken
    // for an encoded-word.
    if (isPlainAscii(text) && used + text.size() <= 76 && !text.contains(QLatin1String("=?")))
        return text.toLatin1();
    // Lines of at most 76 characters: "=?UTF-8?B?" + base64 + "?=" costs 12,
    // so a folded line (" " + word) carries 60 base64 characters, i.e. 45
    // bytes of UTF-8, and the first line what "Subject: " leaves (RFC 2047, 2).
    const QByteArray utf8 = text.toUtf8();
    const int firstBytes = qMax(6, (76 - used - 12) / 4 * 3);
    const QList<QByteArray> chunks = utf8Chunks(utf8, firstBytes, 45);
    QByteArray out;
    for (int i = 0; i < chunks.size(); ++i) {
        if (i > 0)
            out += kCrlf + ' ';
        out += QByteArrayLiteral("=?UTF-8?B?") + chunks.at(i).toBase64() + QByteArrayLiteral("?=");
    }
    return out;
}

QByteArray MailMessage::toMime() const
{
    QByteArray from;
    if (fromName.isEmpty())
        from = fromAddress.toLatin1();
    else if (isAtomText(fromName))
        from = fromName.toLatin1() + " <" + fromAddress.toLatin1() + '>';
    else if (isPlainAscii(fromName))
        from = '"' +
               QString(fromName)
                   .replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                   .replace(QLatin1Char('"'), QStringLiteral("\\\""))
                   .toLatin1() +
               "\" <" + fromAddress.toLatin1() + '>';
    else
        from = encodeHeaderText(fromName, 6) + kCrlf + " <" + fromAddress.toLatin1() + '>';

    const QString id = messageId.isEmpty() ? newMessageId(fromAddress) : messageId;
    QByteArray mime;
    mime += "Date: " + dateHeader(date.isValid() ? date : QDateTime::currentDateTimeUtc()) + kCrlf;
    mime += "From: " + from + kCrlf;
    mime += "To: " + to.toUtf8() + kCrlf;
    mime += "Subject: " + encodeHeaderText(subject, 9) + kCrlf;
    mime += "Message-ID: <" + id.toUtf8() + '>' + kCrlf;
    mime += "MIME-Version: 1.0" + kCrlf;
    mime += "Content-Type: text/plain; charset=UTF-8" + kCrlf;
    mime += "Content-Transfer-Encoding: base64" + kCrlf;
    if (!language.isEmpty() && isAtomText(language))
        mime += "Content-Language: " + language.toLatin1() + kCrlf;
    // Notifications are machine-made: no vacation replies (RFC 3834).
    mime += "Auto-Submitted: auto-generated" + kCrlf;
    mime += kCrlf;

    // CRLF line ends inside the text too (RFC 2046, 4.1.1), then base64 in
    // lines of 76 characters (RFC 2045, 6.8).
    QString text = body;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray encoded = text.toUtf8().toBase64();
    for (int i = 0; i < encoded.size(); i += 76)
        mime += encoded.mid(i, 76) + kCrlf;
    return mime;
}
