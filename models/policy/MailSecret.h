#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Keeps the SMTP password out of the database in clear.
//
// The settings table holds only "secretbox:v1:KEYID:BASE64", the password
// sealed with libsodium's crypto_secretbox (XSalsa20-Poly1305, random nonce)
// under a 256-bit *mail key* that never enters the database. KEYID names the
// key (8 hex digits of its BLAKE2b hash) so that a relay holding another key
// says so instead of failing obscurely.
//
// Where the key comes from, first match wins:
//   1. $CERTDESK_MAIL_KEY: the key itself, base64 (44 characters);
//   2. the file $CERTDESK_MAIL_KEY_FILE, else mail.key in the user's
//      configuration folder (~/.config/CertDesk/mail.key): one base64 line,
//      readable only by its owner (refused otherwise).
// Sealing a password when there is no key yet creates that file (mode 0600).
//
// Who can read the database (a backup, a dump, every desktop of a shared
// server, the audit log) learns that a password is set, not the password.
// Whoever holds both the database and the key can decrypt it: keep the key
// with the relay's user only.
class MailSecret
{
    Q_DECLARE_TR_FUNCTIONS(MailSecret)

public:
    static QString keyVariable() { return QStringLiteral("CERTDESK_MAIL_KEY"); }
    static QString keyFileVariable() { return QStringLiteral("CERTDESK_MAIL_KEY_FILE"); }
    // $CERTDESK_MAIL_KEY_FILE, else mail.key in QStandardPaths::AppConfigLocation.
    static QString keyFile();

    // The sealed form of secret (empty secret: empty, nothing to seal).
    static Result<QString> seal(const QString &secret);
    // The secret back; a readable error when the key is missing or another.
    static Result<QString> open(const QString &sealed);
    static bool isSealed(const QString &stored);
    // The KEYID of a sealed value (which key a relay needs), else empty.
    static QString keyIdOf(const QString &sealed);
    // A new random key, base64, as $CERTDESK_MAIL_KEY takes it.
    static QString generateKey();

private:
    struct Key
    {
        QByteArray bytes;
        QString origin; // for messages: "$CERTDESK_MAIL_KEY" or the file's path
    };
    static Result<Key> loadKey(bool createIfMissing);
    static Result<Key> decodeKey(const QByteArray &base64, const QString &origin);
    static QString keyId(const QByteArray &key);
};
