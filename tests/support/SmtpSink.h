#pragma once

// A real SMTP server for the email tests (header-only, shared by tst_mail and
// tst_cli_mail): tests/support/sink.py (python3-aiosmtpd) on loopback, started
// and stopped by the test itself with QProcess, writing each message it
// accepts to a temporary folder as .eml plus a .json of what a mail reader
// sees (decoded subject and body, headers, envelope).

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

class SmtpSink
{
public:
    SmtpSink() = default;
    ~SmtpSink() { stop(); }
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;

    static QString script()
    {
        return QFileInfo(QStringLiteral(CERTDESK_TEST_DATA "/../support/sink.py"))
            .absoluteFilePath();
    }

    // The interpreter that has aiosmtpd: $CERTDESK_PYTHON, else Debian's
    // (a python3 earlier in PATH, pyenv's say, may lack it).
    static QString python()
    {
        const QString fromEnv = qEnvironmentVariable("CERTDESK_PYTHON");
        if (!fromEnv.isEmpty())
            return fromEnv;
        if (QFileInfo::exists(QStringLiteral("/usr/bin/python3")))
            return QStringLiteral("/usr/bin/python3");
        return QStringLiteral("python3");
    }

    // Starts the server: on a free port the first time, then on the same port
    // again (so the settings need not change). extra: --auth U:P, --reject-rcpt T.
    bool start(QString *error, const QStringList &extra = {})
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
            *error = QStringLiteral("unexpected output from the SMTP sink: %1")
                         .arg(QString::fromUtf8(out));
            return false;
        }
        m_port = words.at(1).toInt();
        return true;
    }

    // Stops the server (SIGTERM); its port is then closed: "the server is down".
    void stop()
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

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }
    QString folder() const { return m_dir.path(); }

    // What the server accepted, in order: the .json records.
    QList<QJsonObject> messages() const
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

    // The raw bytes of the n-th message (0-based), as received.
    QByteArray raw(int n) const
    {
        const QDir dir(folder());
        const auto names = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QFile file(dir.filePath(names.value(n)));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void clear()
    {
        QDir dir(folder());
        const auto names = dir.entryList(QDir::Files);
        for (const QString &name : names)
            dir.remove(name);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};
