#pragma once

#include "services/Session.h"

#include <QObject>

#include <functional>

// A page's count or total read off the window's thread (Session's
// BackgroundReads), of which only the latest asked matters: a reload or a
// filter changed while a count is under way makes the earlier answer stale,
// and it is dropped. answered() follows each answer shown (tests wait on it).
class LatestRead : public QObject
{
    Q_OBJECT

public:
    LatestRead(Session &session, QObject *parent) : QObject(parent), m_session(session) {}

    // work(db) on the background connection; then done(answer), or
    // failed(reason) if the connection could not be opened, on this
    // object's thread, unless another read was asked meanwhile.
    template <typename T>
    void ask(std::function<T(Database &)> work, std::function<void(T)> done,
             std::function<void(const QString &)> failed)
    {
        const int generation = ++m_generation;
        m_waiting = true;
        m_session.background().run<T>(
            this, std::move(work),
            [this, generation, done = std::move(done)](T answer) {
                if (generation != m_generation)
                    return;
                m_waiting = false;
                done(std::move(answer));
                emit answered();
            },
            [this, generation, failed = std::move(failed)](const QString &reason) {
                if (generation != m_generation)
                    return;
                m_waiting = false;
                failed(reason);
                emit answered();
            });
    }
    // Forgets the read under way (its answer will be dropped).
    void cancel()
    {
        ++m_generation;
        m_waiting = false;
    }
    bool isWaiting() const { return m_waiting; }

signals:
    void answered();

private:
    Session &m_session;
    int m_generation = 0;
    bool m_waiting = false;
};
