#include "mail/FolderTransport.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <utility>

FolderTransport::FolderTransport(const QString &folder, Clock clock)
    : m_folder(folder), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTimeUtc(); };
}

QString FolderTransport::fileName(Id emailId, const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + QLatin1Char('-') +
           QString::number(emailId) + QStringLiteral(".eml");
}

MailOutcome FolderTransport::problem(const QString &detail) const
{
    MailOutcome outcome;
    outcome.kind = MailOutcome::Kind::ServerProblem;
    outcome.error = tr("Emails cannot be written into the mail folder %1 (mail.folder): %2")
                        .arg(QDir::toNativeSeparators(m_folder), detail);
    return outcome;
}

MailOutcome FolderTransport::send(Id emailId, const QString & /*from*/, const QString & /*to*/,
                                  const QByteArray &mime)
{
    const QFileInfo folder(m_folder);
    if (!folder.isDir()) {
        if (folder.exists())
            return problem(tr("it is a file, not a folder."));
        if (!QDir().mkpath(m_folder))
            return problem(tr("the folder does not exist and cannot be made."));
        // Emails name people and their certificates: the owner's only.
        QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner);
    }
    // A name not taken yet: another database may write into the same folder.
    const QDir dir(m_folder);
    const QDateTime now = m_clock();
    QString name = fileName(emailId, now);
    for (int n = 2; dir.exists(name); ++n)
        name = fileName(emailId, now)
                   .replace(QStringLiteral(".eml"), QStringLiteral("-%1.eml").arg(n));
    QSaveFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return problem(file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(mime) != mime.size() || !file.commit())
        return problem(file.errorString());
    MailOutcome outcome;
    outcome.kind = MailOutcome::Kind::Sent;
    return outcome;
}
