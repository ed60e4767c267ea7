#include "policy/MailSecret.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <sodium.h>

namespace {
const QString kPrefix = QStringLiteral("secretbox:v1:");

bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

// Best effort: secrets do not linger in freed memory.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}
} // namespace

QString MailSecret::keyFile()
{
    QString fromEnv = qEnvironmentVariable("CERTDESK_MAIL_KEY_FILE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("mail.key"));
}

bool MailSecret::isSealed(const QString &stored)
{
    return stored.startsWith(kPrefix);
}

QString MailSecret::keyIdOf(const QString &sealed)
{
    return isSealed(sealed) ? sealed.mid(kPrefix.size()).section(QLatin1Char(':'), 0, 0)
                            : QString();
}

QString MailSecret::keyId(const QByteArray &key)
{
    unsigned char id[8];
    crypto_generichash(id, sizeof id, reinterpret_cast<const unsigned char *>(key.constData()),
                       size_t(key.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(id), sizeof id).toHex());
}

QString MailSecret::generateKey()
{
    if (!ensureSodium())
        return {};
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char *>(key.data()));
    QString text = QString::fromLatin1(key.toBase64());
    wipe(key);
    return text;
}

Result<MailSecret::Key> MailSecret::decodeKey(const QByteArray &base64, const QString &origin)
{
    auto decoded =
        QByteArray::fromBase64Encoding(base64.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != int(crypto_secretbox_KEYBYTES)) {
        wipe(decoded.decoded);
        return makeError(ErrorKind::Invalid,
                         tr("The mail key in %1 is not a key: it must be %2 random bytes in "
                            "base64 (44 characters).")
                             .arg(origin)
                             .arg(crypto_secretbox_KEYBYTES));
    }
    return Key{decoded.decoded, origin};
}

Result<MailSecret::Key> MailSecret::loadKey(bool createIfMissing)
{
    if (!ensureSodium())
        return makeError(ErrorKind::Storage, tr("The cryptography library could not start."));
    const QByteArray fromEnv = qgetenv("CERTDESK_MAIL_KEY");
    if (!fromEnv.isEmpty())
        return decodeKey(fromEnv, QLatin1Char('$') + keyVariable());

    const QString path = keyFile();
    QFile file(path);
    if (file.exists()) {
        // Like ssh with its private keys: a key others can read protects nothing.
        const auto shared = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ReadOther | QFileDevice::WriteOther;
        if (file.permissions() & shared)
            return makeError(ErrorKind::Refused,
                             tr("The mail key %1 can be read by other users: make it private "
                                "(chmod 600 %1).")
                                 .arg(path));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                ErrorKind::Storage,
                tr("The mail key %1 cannot be read: %2").arg(path, file.errorString()));
        QByteArray text = file.readAll();
        auto key = decodeKey(text, path);
        wipe(text);
        return key;
    }
    if (!createIfMissing)
        return makeError(ErrorKind::NotFound,
                         tr("There is no mail key on this machine (neither $%1 nor the file %2).")
                             .arg(keyVariable(), path));

    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(ErrorKind::Storage,
                         tr("Could not create the folder for the mail key %1.").arg(path));
    QByteArray text = generateKey().toLatin1() + '\n';
    // Created private: the key is never readable by others, not even briefly.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        wipe(text);
        // Another process may have created it just now: use theirs.
        if (QFile::exists(path))
            return loadKey(false);
        return makeError(ErrorKind::Storage,
                         tr("Could not create the mail key %1: %2").arg(path, file.errorString()));
    }
    const bool written = file.write(text) == text.size() && file.flush();
    file.close();
    if (!written) {
        wipe(text);
        QFile::remove(path);
        return makeError(ErrorKind::Storage, tr("Could not write the mail key %1.").arg(path));
    }
    auto key = decodeKey(text, path);
    wipe(text);
    return key;
}

Result<QString> MailSecret::seal(const QString &secret)
{
    if (secret.isEmpty())
        return QString();
    auto key = loadKey(true);
    if (!key)
        return key.error();
    QByteArray plain = secret.toUtf8();
    QByteArray box(int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) + plain.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(box.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          static_cast<unsigned long long>(plain.size()), nonce,
                          reinterpret_cast<const unsigned char *>(key.value().bytes.constData()));
    const QString sealed =
        kPrefix + keyId(key.value().bytes) + QLatin1Char(':') + QString::fromLatin1(box.toBase64());
    wipe(plain);
    wipe(key.value().bytes);
    return sealed;
}

Result<QString> MailSecret::open(const QString &sealed)
{
    if (sealed.isEmpty())
        return QString();
    const QStringList parts = sealed.mid(kPrefix.size()).split(QLatin1Char(':'));
    if (!isSealed(sealed) || parts.size() != 2)
        return makeError(ErrorKind::Invalid,
                         tr("The stored SMTP password is not in a form this program knows: set "
                            "mail.password again."));
    const QString &wantedId = parts.at(0);
    auto key = loadKey(false);
    if (!key) {
        if (key.kind() == ErrorKind::NotFound)
            return makeError(ErrorKind::Refused,
                             tr("The SMTP password is encrypted with mail key %1, which this "
                                "machine does not have: give it that key ($%2 or the file %3) or "
                                "set mail.password again from here.")
                                 .arg(wantedId, keyVariable(), keyFile()));
        return key.error();
    }
    const QString haveId = keyId(key.value().bytes);
    if (haveId != wantedId) {
        wipe(key.value().bytes);
        return makeError(ErrorKind::Refused,
                         tr("The SMTP password is encrypted with mail key %1, but this machine's "
                            "key (%2, from %3) is another: give it the same key or set "
                            "mail.password again from here.")
                             .arg(wantedId, haveId, key.value().origin));
    }
    const auto box = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    QByteArray plain;
    bool ok = false;
    if (box && box.decoded.size() >= overhead) {
        const auto *nonce = reinterpret_cast<const unsigned char *>(box.decoded.constData());
        plain.resize(box.decoded.size() - overhead);
        ok =
            crypto_secretbox_open_easy(
                reinterpret_cast<unsigned char *>(plain.data()),
                nonce + crypto_secretbox_NONCEBYTES,
                static_cast<unsigned long long>(box.decoded.size()) - crypto_secretbox_NONCEBYTES,
                nonce, reinterpret_cast<const unsigned char *>(key.value().bytes.constData())) == 0;
    }
    wipe(key.value().bytes);
    if (!ok) {
        wipe(plain);
        return makeError(ErrorKind::Invalid,
                         tr("The stored SMTP password cannot be decrypted (it was damaged or "
                            "altered): set mail.password again."));
    }
    const QString secret = QString::fromUtf8(plain);
    wipe(plain);
    return secret;
}
