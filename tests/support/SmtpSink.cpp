#include "SmtpSink.h"

SmtpSink::~SmtpSink()
{
    stop();
}

QString SmtpSink::script()
{
    return QFileInfo(QStringLiteral(CERTDESK_TEST_DATA "/../support/sink.py")).absoluteFilePath();
}

QString SmtpSink::python()
{
    QString fromEnv = qEnvironmentVariable("CERTDESK_PYTHON");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (QFileInfo::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStringLiteral("python3");
}

bool SmtpSink::start(QString *error, const QStringList &extra)
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(python(), QStringList{script(), QStringLiteral("--folder"), folder(),
                                           QStringLiteral("--port"), QString::number(m_port)} +
                                   extra);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(python(), m_process->errorString());
        return false;
    }
    QByteArray out;
    while (!out.contains('\n')) {
        if (!m_process->waitForReadyRead(15000)) {
            *error = QStringLiteral("the SMTP sink did not start: %1")
                         .arg(QString::fromUtf8(m_process->readAllStandardError()));
            return false;
        }
        out += m_process->readAllStandardOutput();
    }
    const QList<QByteArray> words = out.trimmed().split(' ');
    if (words.size() != 2 || words.at(0) != "READY") {
        *error =
            QStringLiteral("unexpected output from the SMTP sink: %1").arg(QString::fromUtf8(out));
        return false;
    }
    m_port = words.at(1).toInt();
    return true;
}

void SmtpSink::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QList<QJsonObject> SmtpSink::messages() const
{
    QList<QJsonObject> list;
    const QDir dir(folder());
    const auto names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            list.append(QJsonDocument::fromJson(file.readAll()).object());
    }
    return list;
}

QByteArray SmtpSink::raw(int n) const
{
    const QDir dir(folder());
    const auto names = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    QFile file(dir.filePath(names.value(n)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void SmtpSink::clear()
{
    QDir dir(folder());
    const auto names = dir.entryList(QDir::Files);
    for (const QString &name : names)
        dir.remove(name);
}
