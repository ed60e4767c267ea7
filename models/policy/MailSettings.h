#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

enum class MailSecurity
{
    None,     // plain SMTP (a relay on the same machine or network)
    StartTls, // smtp:// upgraded with STARTTLS, required (submission, port 587)
    Smtps     // TLS from the first byte (port 465)
};

// How the platform sends email: one SMTP server for every email, or a folder
// that receives each email as a file, set by platform admins like the other
// settings. Keys, as the settings table and the CLI spell them:
//   mail.transport (smtp | folder), mail.folder (an absolute path),
//   mail.host, mail.port, mail.security (none | starttls | smtps),
//   mail.username, mail.password, mail.from, mail.give-up-hours.
// A key without a row in the settings table has its default here.
struct MailSettings
{
    Q_DECLARE_TR_FUNCTIONS(MailSettings)

public:
    // How emails leave (mail.transport): through an SMTP server, or written
    // as .eml files into a folder (README "Email"; the demo database's choice).
    enum class Transport
    {
        Smtp,  // the server of mail.host (the default)
        Folder // one RFC 5322 file per email in mail.folder; nothing goes out
    };

    Transport transport = Transport::Smtp;
    QString folder; // where the folder transport writes; absolute, cleaned
    QString host;   // empty: SMTP is not configured; emails wait in the outbox
    int port = 587;
    MailSecurity security = MailSecurity::StartTls;
    QString username;       // empty: no login
    QString sealedPassword; // MailSecret::seal() of the password, never the password
    QString from;           // "CertDesk <noreply@example.org>" or an address
    int giveUpHours = 48;   // then an email that still fails is marked failed

    static constexpr int MaxGiveUpHours = 720;

    static QStringList keys();
    static bool isKey(const QString &key);
    static QString describe(const QString &key);
    // As shown to people: mail.password is "set" or "not set", never more.
    QString value(const QString &key) const;
    // As stored in the settings table: mail.password sealed.
    QString storedValue(const QString &key) const;
    // A value typed by an admin; mail.password is sealed here (MailSecret).
    Status set(const QString &key, const QString &value);
    // A value read back from the settings table.
    Status setStored(const QString &key, const QString &stored);

    // The address and the display name of mail.from.
    QString fromAddress() const;
    QString fromName() const;
    // Whether the chosen transport has what it needs at all (mail.host, or
    // mail.folder, and mail.from). Not configured is a notice for platform
    // admins, not a failure: emails wait in the outbox meanwhile.
    bool isConfigured() const;
    // Why no email can be sent with these settings; empty when one can.
    QString problem() const;
    // The SMTP password, decrypted with this machine's mail key.
    Result<QString> password() const;

    static QString transportKey(Transport transport);
    static std::optional<Transport> transportFromKey(const QString &key);
    static QString securityKey(MailSecurity security);
    static std::optional<MailSecurity> securityFromKey(const QString &key);
    static bool isLoopback(const QString &host);
    // Splits "Name <address>" or "address"; false when it is neither.
    static bool parseMailbox(const QString &text, QString *name, QString *address);
};
