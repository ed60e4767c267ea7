#pragma once

#include "mail/MailTransport.h"
#include "policy/MailSettings.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Sends messages through one SMTP server with libcurl: smtp:// with
// STARTTLS required (CURLOPT_USE_SSL) or smtps://, a login when a user name
// is set, certificate checks on (the system's CAs, or the PEM file
// $CERTDESK_MAIL_CA_FILE for a server with a private CA), bounded connect and
// transfer times. One transport reuses its connection for the messages of a
// round. Not shared between threads.
class SmtpTransport : public MailTransport
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
    ~SmtpTransport() override;

    MailOutcome send(Id emailId, const QString &from, const QString &to,
                     const QByteArray &mime) override;

private:
    QByteArray url() const;
    // A transfer that failed with libcurl's code: why, and whether to retry.
    MailOutcome failure(int curlCode, const QString &detail, long responseCode,
                        const QString &to) const;

    Config m_config;
    void *m_curl = nullptr; // CURL *, kept for connection reuse
};
