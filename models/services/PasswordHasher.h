#pragma once

#include <QString>

// Argon2id password hashes (libsodium's crypto_pwhash_str) for SQLite mode,
// where CertDesk itself checks passwords. On a shared PostgreSQL server the
// server checks each person's own login instead.
class PasswordHasher
{
public:
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // Tests hash many passwords: they may lower the cost. Never used by the apps.
    static void setFastHashingForTests(bool fast);
};
