#pragma once

#include "storage/Database.h"
#include "storage/DatabaseLocation.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QThread;

// Reads that may take a while (a count over a whole organisation, the
// compliance totals) run here, on a connection of their own in a worker
// thread, so that the window never waits for them: the first screen of a
// list shows while its total is counted.
//
// The worker opens its connection to the same location on its first job
// (same login, same rules: on a secured server the scope is the login's) and
// keeps it; jobs run one after the other, in the order given. A job's answer
// comes back on the thread that owns this object (the GUI thread), to the
// receiver, unless the receiver is gone by then. A job that cannot open the
// connection is not run: failed(reason) is called instead.
class BackgroundReads : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundReads(const DatabaseLocation &location, QObject *parent = nullptr);
    // Waits for the job that runs, drops the ones not started.
    ~BackgroundReads() override;

    // work(db) on the worker's connection, then done(answer) on this
    // object's thread if receiver still exists. work must not touch anything
    // but db and what it captured by value.
    template <typename T>
    void run(QObject *receiver, std::function<T(Database &)> work, std::function<void(T)> done,
             const std::function<void(const QString &)> &failed = {})
    {
        auto answer = std::make_shared<std::optional<T>>();
        post(
            receiver, [work = std::move(work), answer](Database &db) { *answer = work(db); },
            [done = std::move(done), answer] {
                if (*answer)
                    done(std::move(**answer));
            },
            failed);
    }

    // Jobs run so far (tests: proof that a read went through here).
    int jobsRun() const;

private:
    class Worker;
    void post(QObject *receiver, std::function<void(Database &)> work,
              std::function<void()> deliver, std::function<void(const QString &)> failed);

    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
};
