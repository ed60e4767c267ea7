#pragma once

#include "policy/MailSettings.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// What became of one message handed to the SMTP server.
struct SmtpOutcome
{
    enum class Kind
    {
        Sent,          // the server accepted it (250 after DATA)
        Retry,         // this message failed for now (e.g. 451): try it again later
        Rejected,      // the server refused the recipient for good (5xx to RCPT)
        ServerProblem, // no server to talk to (down, TLS, login): no message can go now
    };
    Kind kind = Kind::Retry;
    QString error; // for last_error, in words an admin can act on
    long responseCode = 0;
};

// Sends messages through one SMTP server with libcurl: smtp:// with
// STARTTLS required (CURLOPT_USE_SSL) or smtps://, a login when a user name
// is set, certificate checks on (the system's CAs, or the PEM file
// $CERTDESK_MAIL_CA_FILE for a server with a private CA), bounded connect and
// transfer times. One transport reuses its connection for the messages of a
// round. Not shared between threads.
class SmtpTransport
{
    Q_DECLARE_TR_FUNCTIONS(SmtpTransport)

public:
    struct Config
    {
        QString host;
        int port = 587;
        MailSecurity security = MailSecurity::StartTls;
        QString username;
        QString password;
        int connectTimeoutSeconds = 15;
        int timeoutSeconds = 90; // a whole message, connection included (the lease outlasts it)
    };

    explicit SmtpTransport(const Config &config);
    ~SmtpTransport();
    SmtpTransport(const SmtpTransport &) = delete;
    SmtpTransport &operator=(const SmtpTransport &) = delete;

    // from and to: bare ASCII addresses (MailMessage::asciiAddress()).
    SmtpOutcome send(const QString &from, const QString &to, const QByteArray &mime);

private:
    QByteArray url() const;
    // A transfer that failed with libcurl's code: why, and whether to retry.
    SmtpOutcome failure(int curlCode, const QString &detail, long responseCode,
                        const QString &to) const;

    Config m_config;
    void *m_curl = nullptr; // CURL *, kept for connection reuse
};
