#pragma once

// A real SMTP server for the email tests (tst_mail, tst_mail_delivery,
// tst_mailgui, tst_cli_mail): tests/support/sink.py (python3-aiosmtpd) on
// loopback, started and stopped by the test itself with QProcess, writing
// each message it accepts to a temporary folder as .eml plus a .json of what
// a mail reader sees (decoded subject and body, headers, envelope).

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
    ~SmtpSink();
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;

    static QString script();
    // The interpreter that has aiosmtpd: $CERTDESK_PYTHON, else Debian's
    // (a python3 earlier in PATH, pyenv's say, may lack it).
    static QString python();

    // Starts the server: on a free port the first time, then on the same port
    // again (so the settings need not change). extra: --auth U:P, --reject-rcpt T.
    bool start(QString *error, const QStringList &extra = {});
    // Stops the server (SIGTERM); its port is then closed: "the server is down".
    void stop();

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }
    QString folder() const { return m_dir.path(); }

    // What the server accepted, in order: the .json records.
    QList<QJsonObject> messages() const;
    // The raw bytes of the n-th message (0-based), as received.
    QByteArray raw(int n) const;
    void clear();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};
