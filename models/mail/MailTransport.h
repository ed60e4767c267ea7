#pragma once

#include "core/Domain.h"

#include <QByteArray>
#include <QString>

// What became of one message handed to a transport.
struct MailOutcome
{
    enum class Kind
    {
        // Delivered: the SMTP server accepted it (250 after DATA), or its file is written.
        Sent,
        // This message failed for now (e.g. 451): try it again later.
        Retry,
        // The server refused the recipient for good (5xx to RCPT).
        Rejected,
        // Nowhere to deliver (server down, TLS, login; mail folder not
        // writable): no message can go now.
        ServerProblem,
    };
    Kind kind = Kind::Retry;
    QString error; // for last_error, in words an admin can act on
    long responseCode = 0;
};

// Where OutboxSender hands a built message (mail.transport): SmtpTransport or
// FolderTransport. One transport serves the emails of one round, in one thread.
class MailTransport
{
public:
    MailTransport() = default;
    virtual ~MailTransport() = default;
    MailTransport(const MailTransport &) = delete;
    MailTransport &operator=(const MailTransport &) = delete;

    // emailId: the outbox row; from and to: bare ASCII addresses
    // (MailMessage::asciiAddress()); mime: the whole RFC 5322 message.
    virtual MailOutcome send(Id emailId, const QString &from, const QString &to,
                             const QByteArray &mime) = 0;
};
