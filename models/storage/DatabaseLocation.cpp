#include "storage/DatabaseLocation.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

DatabaseLocation DatabaseLocation::sqlite(const QString &path)
{
    DatabaseLocation loc;
    loc.m_kind = Kind::Sqlite;
    loc.m_path = path;
    return loc;
}

QString DatabaseLocation::defaultSqlitePath()
{
    // AppDataLocation of an application named "CertDesk" with no organisation
    // name (~/.local/share/CertDesk), spelled out so that the GUI, the CLI and
    // the tests agree whatever names their QCoreApplication carries.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("CertDesk/certdesk.sqlite"));
}

DatabaseLocation DatabaseLocation::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return sqlite(defaultSqlitePath());
    if (!trimmed.startsWith(QLatin1String("postgresql://")) &&
        !trimmed.startsWith(QLatin1String("postgres://"))) {
        if (trimmed.contains(QLatin1String("://"))) {
            if (error)
                *error = tr("\"%1\" is not a database location: give a SQLite file path or a "
                            "postgresql://user@host:port/dbname URL.")
                             .arg(trimmed);
            return DatabaseLocation();
        }
        return sqlite(trimmed);
    }

    // Logins are email addresses: in postgresql://ada@example.org@host/db
    // every '@' but the last belongs to the login.
    QString spelled = trimmed;
    {
        const int schemeEnd = int(spelled.indexOf(QLatin1String("://"))) + 3;
        const int authorityEnd = int(spelled.indexOf(QLatin1Char('/'), schemeEnd));
        const QString authority =
            spelled.mid(schemeEnd, authorityEnd < 0 ? -1 : authorityEnd - schemeEnd);
        const int last = int(authority.lastIndexOf(QLatin1Char('@')));
        if (last > 0 && authority.left(last).contains(QLatin1Char('@'))) {
            QString userInfo = authority.left(last);
            userInfo.replace(QLatin1Char('@'), QLatin1String("%40"));
            spelled.replace(schemeEnd, last, userInfo);
        }
    }
    const QUrl url(spelled, QUrl::StrictMode);
    DatabaseLocation loc;
    loc.m_kind = Kind::Postgres;
    if (!url.isValid()) {
        if (error)
            *error =
                tr("The PostgreSQL URL \"%1\" is malformed: %2").arg(trimmed, url.errorString());
        return DatabaseLocation();
    }
    loc.m_host = url.host();
    loc.m_port = url.port(5432);
    loc.m_user = url.userName();
    loc.m_password = url.password();
    loc.m_dbName = url.path().mid(1);
    const QUrlQuery query(url);
    // libpq's ?host=/run/postgresql names a socket directory.
    if (query.hasQueryItem(QStringLiteral("host")))
        loc.m_host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    QStringList options;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first == QLatin1String("host"))
            continue;
        options << item.first + QLatin1Char('=') + item.second;
    }
    loc.m_options = options.join(QLatin1Char(';'));
    if (loc.m_dbName.isEmpty()) {
        if (error)
            *error = tr("The PostgreSQL URL \"%1\" names no database: add /dbname at the end.")
                         .arg(trimmed);
        return DatabaseLocation();
    }
    if (error)
        error->clear();
    return loc;
}

QString DatabaseLocation::displayName() const
{
    if (m_kind == Kind::Sqlite)
        return QDir::toNativeSeparators(m_path);
    QString text = QStringLiteral("postgresql://");
    if (!m_user.isEmpty())
        text += m_user + QLatin1Char('@');
    text += m_host.isEmpty() ? QStringLiteral("localhost") : m_host;
    if (m_port != 5432)
        text += QLatin1Char(':') + QString::number(m_port);
    return text + QLatin1Char('/') + m_dbName;
}
