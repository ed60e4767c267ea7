#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "policy/Policy.h"
#include "storage/Database.h"

#include <QCoreApplication>

struct ReviewDecision
{
    Id taskId = 0;
    bool validate = true; // false: reject (a comment is then required)
    QString comment;
    // Reviewer's edits (R8); unset: unchanged.
    std::optional<QString> name;
    std::optional<QDate> delivered;
    std::optional<QDate> expires; // a null date removes the expiration
    std::optional<Id> templateId; // 0 removes the association
    // The task version the reviewer saw; 0: whatever it is now.
    int expectedVersion = 0;
};

// Validation tasks (R3, R8, R9): the reviewer's list and the decision.
class ReviewService
{
    Q_DECLARE_TR_FUNCTIONS(ReviewService)

public:
    explicit ReviewService(Database &db);

    // Tasks the actor may act on (assigned to them; platform admins: all but
    // their own), oldest first, a page at a time: afterId 0 starts at the
    // oldest; limit 0 reads them all (small lists only).
    Result<QList<ValidationTask>> tasks(Id actor, bool openOnly, Id afterId = 0,
                                        int limit = 0) const;
    // How many of those there are (for "200 of 1,234").
    Result<int> taskCount(Id actor, bool openOnly) const;
    Result<ValidationTask> task(Id actor, Id taskId) const;
    // Validate or reject; the second of two reviewers is told who acted first.
    Result<ValidationTask> review(Id actor, const ReviewDecision &decision);

private:
    // The certificate as the decision leaves it, or why it cannot be taken
    // (decided meanwhile, a rejection without a comment, a bad edit).
    static Result<Certificate> decisionFor(const ValidationTask &task,
                                           const ReviewDecision &decision);
    // Inside the decision's transaction: the certificate, the requests read,
    // the owner's notification (R9), the audit entry.
    static Status writeDecision(const QSqlDatabase &db, Id actor, Id taskId,
                                const Certificate &edited, const ReviewDecision &decision);

    Database &m_db;
    Policy m_policy;
};
