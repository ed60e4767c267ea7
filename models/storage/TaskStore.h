#pragma once

#include "core/Domain.h"
#include "storage/Database.h"

#include <QSqlDatabase>

#include <optional>

// The validation tasks aggregate in the storage layer: tasks, their
// reviewers (R3) and decisions (R8). Plain statements, or the server's API
// on a secured PostgreSQL database (see CertificateStore): the services
// never branch on the dialect.
class TaskStore
{
public:
    explicit TaskStore(const QSqlDatabase &db);

    // Tasks actor may act on: assigned to them; for a platform admin, every
    // task but those of their own certificates. Oldest first after afterId;
    // limit 0: all.
    QList<ValidationTask> tasks(Id actor, bool platformAdmin, bool openOnly, Id afterId, int limit,
                                QString *error) const;
    int count(Id actor, bool platformAdmin, bool openOnly, QString *error) const;
    // One task (on a secured database only one the caller may review).
    std::optional<ValidationTask> byId(Id taskId, QString *error) const;

    // Who a task belongs to and who was asked to review it (the policy
    // decides who may act on it).
    struct Routing
    {
        Id owner = 0;
        Id uploader = 0;
        QList<Id> reviewers;
    };
    std::optional<Routing> routing(Id taskId, QString *error) const;

    // Writes, inside the caller's transaction.
    Id open(Id certificate, QString *error);
    void addReviewer(Id taskId, Id reviewer, QString *error);
    // Rows changed: 0 when the task is no longer open at that version.
    int decide(Id taskId, Id actor, bool validate, const QString &comment, int version,
               QString *error);

private:
    QSqlDatabase m_db;
    bool m_server = false;
};
