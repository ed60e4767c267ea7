#pragma once

#include "mail/MailTransport.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

// mail.transport folder (README "Email"): each email becomes one file in a
// folder, <UTC time>-<outbox id>.eml, holding exactly the bytes SMTP would
// send as DATA (MailMessage::toMime()). Written atomically (QSaveFile: a temp
// file renamed into place), readable by its owner only (an email holds
// names and certificate titles), the folder made when missing. A folder that
// cannot be made or written is a ServerProblem: the email stays in the outbox
// with the reason, as when an SMTP server is down.
class FolderTransport : public MailTransport
{
    Q_DECLARE_TR_FUNCTIONS(FolderTransport)

public:
    using Clock = std::function<QDateTime()>;

    explicit FolderTransport(const QString &folder, Clock clock = {});

    MailOutcome send(Id emailId, const QString &from, const QString &to,
                     const QByteArray &mime) override;

    // "20250114-093000-123-42.eml": sorts by time, unique per outbox row.
    static QString fileName(Id emailId, const QDateTime &when);

private:
    MailOutcome problem(const QString &detail) const;

    QString m_folder;
    Clock m_clock;
};
