#include "policy/MailSettings.h"

#include "core/TextCheck.h"
#include "policy/MailSecret.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace {
const QString kTransport = QStringLiteral("mail.transport");
const QString kFolder = QStringLiteral("mail.folder");
const QString kHost = QStringLiteral("mail.host");
const QString kPort = QStringLiteral("mail.port");
const QString kSecurity = QStringLiteral("mail.security");
const QString kUsername = QStringLiteral("mail.username");
const QString kPassword = QStringLiteral("mail.password");
const QString kFrom = QStringLiteral("mail.from");
const QString kGiveUp = QStringLiteral("mail.give-up-hours");

// A DNS name (IDN allowed), an IPv4 address or a bare IPv6 address.
bool isHostName(const QString &host)
{
    static const QRegularExpression name(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f:.]+$"));
    if (host.contains(QLatin1Char(':')))
        return ipv6.match(host).hasMatch() && host.count(QLatin1Char(':')) >= 2;
    const QString ace = QString::fromLatin1(QUrl::toAce(host));
    return !ace.isEmpty() && ace.size() <= 253 && name.match(ace).hasMatch();
}

} // namespace

QStringList MailSettings::keys()
{
    return {kTransport, kFolder, kHost, kPort, kSecurity, kUsername, kPassword, kFrom, kGiveUp};
}

bool MailSettings::isKey(const QString &key)
{
    return keys().contains(key);
}

QString MailSettings::describe(const QString &key)
{
    if (key == kTransport)
        return tr("How email goes out: smtp (through the SMTP server) or folder (each email "
                  "written as an .eml file into mail.folder)");
    if (key == kFolder)
        return tr("Folder that receives each email as an .eml file with the folder transport "
                  "(an absolute path)");
    if (key == kHost)
        return tr("SMTP server for outgoing email (empty: email waits in the outbox)");
    if (key == kPort)
        return tr("SMTP server port (587 for starttls, 465 for smtps, 25 for none)");
    if (key == kSecurity)
        return tr("SMTP connection security: none, starttls or smtps");
    if (key == kUsername)
        return tr("SMTP login name (empty: no login)");
    if (key == kPassword)
        return tr("SMTP password (stored encrypted; shown as set or not set)");
    if (key == kFrom)
        return tr("Sender of CertDesk's email, e.g. CertDesk <noreply@example.org>");
    if (key == kGiveUp)
        return tr("Hours after which an email that still fails is given up");
    return {};
}

QString MailSettings::value(const QString &key) const
{
    if (key == kPassword)
        return sealedPassword.isEmpty() ? QStringLiteral("not set") : QStringLiteral("set");
    return storedValue(key);
}

QString MailSettings::storedValue(const QString &key) const
{
    if (key == kTransport)
        return transportKey(transport);
    if (key == kFolder)
        return folder;
    if (key == kHost)
        return host;
    if (key == kPort)
        return QString::number(port);
    if (key == kSecurity)
        return securityKey(security);
    if (key == kUsername)
        return username;
    if (key == kPassword)
        return sealedPassword;
    if (key == kFrom)
        return from;
    if (key == kGiveUp)
        return QString::number(giveUpHours);
    return {};
}

Status MailSettings::set(const QString &key, const QString &value)
{
    const QString v = value.trimmed();
    if (key == kTransport) {
        const auto t = transportFromKey(v.toLower());
        if (!t)
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" is not an email transport: use smtp (send through the "
                                "SMTP server) or folder (write each email into mail.folder).")
                                 .arg(value));
        transport = *t;
        return Done{};
    }
    if (key == kFolder) {
        if (TextCheck::hasControlCharacters(v))
            return makeError(ErrorKind::Invalid,
                             tr("The mail folder contains control characters: remove them."));
        // Absolute: the desktop and certdesk-cli mail-relay start in different
        // folders, and a relative path would mean a different place to each.
        if (!v.isEmpty() && !QDir::isAbsolutePath(v))
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" is not an absolute path: give the whole path of the "
                                "mail folder, such as /var/spool/certdesk-mail.")
                                 .arg(value));
        folder = v.isEmpty() ? QString() : QDir::cleanPath(v);
        return Done{};
    }
    if (key == kHost) {
        if (!v.isEmpty() && !isHostName(v))
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" is not a host name: give the SMTP server's name or "
                                "address, such as smtp.example.org.")
                                 .arg(value));
        host = v;
        return Done{};
    }
    if (key == kPort) {
        bool ok = false;
        const int p = v.toInt(&ok);
        if (!ok || p < 1 || p > 65535)
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" is not a port: give a number from 1 to 65535 (587 for "
                                "starttls, 465 for smtps).")
                                 .arg(value));
        port = p;
        return Done{};
    }
    if (key == kSecurity) {
        const auto s = securityFromKey(v.toLower());
        if (!s)
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" is not a connection security: use none, starttls or "
                                "smtps.")
                                 .arg(value));
        security = *s;
        return Done{};
    }
    if (key == kUsername) {
        if (TextCheck::hasControlCharacters(v))
            return makeError(ErrorKind::Invalid,
                             tr("The SMTP login name contains control characters: remove them."));
        username = v;
        return Done{};
    }
    if (key == kPassword) {
        // Not trimmed: spaces may be part of a password.
        if (TextCheck::hasControlCharacters(value))
            return makeError(ErrorKind::Invalid,
                             tr("The SMTP password contains control characters (such as a line "
                                "break): type it alone."));
        auto sealed = MailSecret::seal(value);
        if (!sealed)
            return makeError(sealed.kind(),
                             tr("The SMTP password was not saved: %1").arg(sealed.message()));
        sealedPassword = sealed.value();
        return Done{};
    }
    if (key == kFrom) {
        QString name;
        QString address;
        if (!v.isEmpty() && !parseMailbox(v, &name, &address))
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" is not a sender: give an address such as "
                                "noreply@example.org, or a name and an address such as CertDesk "
                                "<noreply@example.org>.")
                                 .arg(value));
        from = v;
        return Done{};
    }
    if (key == kGiveUp) {
        bool ok = false;
        const int h = v.toInt(&ok);
        if (!ok || h < 1 || h > MaxGiveUpHours)
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" is not a number of hours: give a whole number from 1 to "
                                "%2.")
                                 .arg(value)
                                 .arg(MaxGiveUpHours));
        giveUpHours = h;
        return Done{};
    }
    return makeError(ErrorKind::Invalid, tr("Unknown mail setting \"%1\".").arg(key));
}

Status MailSettings::setStored(const QString &key, const QString &stored)
{
    if (key == kPassword) {
        // Only a sealed value is accepted back: never a password in clear.
        if (!stored.isEmpty() && !MailSecret::isSealed(stored))
            return makeError(ErrorKind::Invalid, tr("The stored SMTP password is not sealed."));
        sealedPassword = stored;
        return Done{};
    }
    return set(key, stored);
}

bool MailSettings::parseMailbox(const QString &text, QString *name, QString *address)
{
    static const QRegularExpression withName(
        QStringLiteral("^\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^<>\"]*?))\\s*<([^<>]*)>\\s*$"));
    const auto match = withName.match(text);
    if (match.hasMatch()) {
        *name = match.captured(1).isEmpty() ? match.captured(2).trimmed() : match.captured(1);
        name->replace(QStringLiteral("\\\""), QStringLiteral("\""));
        name->replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        *address = match.captured(3).trimmed();
    } else {
        name->clear();
        *address = text.trimmed();
    }
    return TextCheck::isMailAddress(*address) && !TextCheck::hasControlCharacters(*name);
}

QString MailSettings::fromAddress() const
{
    QString name;
    QString address;
    return parseMailbox(from, &name, &address) ? address : QString();
}

QString MailSettings::fromName() const
{
    QString name;
    QString address;
    return parseMailbox(from, &name, &address) ? name : QString();
}

bool MailSettings::isConfigured() const
{
    if (fromAddress().isEmpty())
        return false;
    return transport == Transport::Folder ? !folder.isEmpty() : !host.isEmpty();
}

QString MailSettings::problem() const
{
    if (transport == Transport::Folder && folder.isEmpty())
        return tr("Email is not configured: mail.transport is folder, and a platform admin sets "
                  "mail.folder, the folder that receives the emails, in Settings; until then "
                  "emails wait in the outbox.");
    if (transport == Transport::Smtp && host.isEmpty())
        return tr("Email is not configured: a platform admin sets mail.host (and mail.from) in "
                  "Settings, or chooses the folder transport; until then emails wait in the "
                  "outbox.");
    if (fromAddress().isEmpty())
        return tr("Email is not configured: a platform admin sets mail.from, the sender address; "
                  "until then emails wait in the outbox.");
    // Credentials in clear cross nothing but this machine.
    if (transport == Transport::Smtp && security == MailSecurity::None && !username.isEmpty() &&
        !isLoopback(host))
        return tr("The SMTP login would be sent unencrypted to %1: set mail.security to starttls "
                  "or smtps (emails wait in the outbox meanwhile).")
            .arg(host);
    return {};
}

Result<QString> MailSettings::password() const
{
    return MailSecret::open(sealedPassword);
}

QString MailSettings::transportKey(Transport transport)
{
    return transport == Transport::Folder ? QStringLiteral("folder") : QStringLiteral("smtp");
}

std::optional<MailSettings::Transport> MailSettings::transportFromKey(const QString &key)
{
    if (key == QLatin1String("smtp"))
        return Transport::Smtp;
    if (key == QLatin1String("folder"))
        return Transport::Folder;
    return std::nullopt;
}

QString MailSettings::securityKey(MailSecurity security)
{
    switch (security) {
    case MailSecurity::None:
        return QStringLiteral("none");
    case MailSecurity::StartTls:
        break;
    case MailSecurity::Smtps:
        return QStringLiteral("smtps");
    }
    return QStringLiteral("starttls");
}

std::optional<MailSecurity> MailSettings::securityFromKey(const QString &key)
{
    if (key == QLatin1String("none"))
        return MailSecurity::None;
    if (key == QLatin1String("starttls"))
        return MailSecurity::StartTls;
    if (key == QLatin1String("smtps"))
        return MailSecurity::Smtps;
    return std::nullopt;
}

bool MailSettings::isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    static const QRegularExpression ipv4(QStringLiteral("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    return host == QLatin1String("::1") || ipv4.match(host).hasMatch();
}
