#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// One email as the SMTP server receives it: an RFC 5322 message with a
// single text/plain UTF-8 part (MIME, RFC 2045), CRLF line ends. The subject
// and the sender's name become RFC 2047 encoded-words when they are not plain
// ASCII; the body is base64, so no line is too long and no byte is 8-bit.
// Dot-stuffing is the SMTP client's job (libcurl does it).
struct MailMessage
{
    QString fromName;    // may be empty
    QString fromAddress; // the envelope sender too
    QString to;          // one address
    QString subject;
    QString body;      // plain text, lines separated by \n (or \r\n)
    QString language;  // "fr": Content-Language; empty: none
    QString messageId; // without angle brackets; empty: a new one
    QDateTime date;    // invalid: now

    QByteArray toMime() const;

    // "id@domain" for a new message from fromAddress (random, unique).
    static QString newMessageId(const QString &fromAddress);
    // RFC 5322 date in English, e.g. "Tue, 14 Jan 2025 09:30:00 +0000".
    static QByteArray dateHeader(const QDateTime &date);
    // A header value: as is when plain printable ASCII, else encoded-words
    // (UTF-8, base64) folded so that no line exceeds 76 characters. used:
    // characters already on the first line ("Subject: ").
    static QByteArray encodeHeaderText(const QString &text, int used);
    // The address as SMTP without SMTPUTF8 takes it: the domain in ASCII
    // (punycode); empty when the local part is not ASCII or it is invalid.
    static QString asciiAddress(const QString &address);
};
