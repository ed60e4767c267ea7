#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "mail/OutboxStore.h"
#include "policy/Policy.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>

struct OutboxCounts
{
    int queued = 0;
    int sending = 0;
    int sent = 0;
    int failed = 0;
    QDateTime nextAttemptAt; // the earliest queued email (null: none)
};

// The outbox for platform admins: the emails that were
// given up, and putting one back in the queue (its give-up clock and backoff
// start again; audited).
class MailOutbox
{
    Q_DECLARE_TR_FUNCTIONS(MailOutbox)

public:
    explicit MailOutbox(Database &db);

    // Failed emails, newest first, keyset-paged: beforeId 0 starts at the newest.
    Result<QList<OutboxEntry>> failed(Id actor, Id beforeId, int limit) const;
    Result<OutboxEntry> email(Id actor, Id emailId) const;
    Result<OutboxEntry> retry(Id actor, Id emailId);
    Result<OutboxCounts> counts(Id actor) const;

    // For the background sender (no actor): how many emails are failed.
    static Result<int> failedCount(const QSqlDatabase &db);

private:
    Status mayManage(Id actor) const;
    Result<OutboxEntry> load(Id emailId) const;

    Database &m_db;
    Policy m_policy;
};
