#pragma once

#include "core/Domain.h"

#include <QList>
#include <QString>

#include <cmath>

// A small random number generator of our own (SplitMix64): the standard
// library's distributions differ between implementations, and `generate`
// promises the same data for the same seed everywhere.
class GeneratorRandom
{
public:
    explicit GeneratorRandom(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // 0 <= value < bound (bound > 0).
    qint64 below(qint64 bound) { return qint64(next() % quint64(bound)); }
    // lo <= value <= hi.
    qint64 between(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    // Standard normal (Box-Muller).
    double normal()
    {
        const double u = 1.0 - unit();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * unit());
    }

private:
    quint64 m_state;
};

struct GeneratedGroup
{
    Id id = 0;
    QString name;
    Id parentId = 0; // 0: the platform group
};

struct GeneratedPerson
{
    Id id = 0;
    QString email;
    QString name;
    Id managerId = 0;
    bool deleted = false;
    QString language;
    Id groupId = 0; // their one membership
    Role role = Role::Learner;
    qint64 certificates = 0; // how many they hold
    qint64 pending = 0;      // of which waiting for validation
    // Who reviews their certificates (R3 in managers mode: the manager, else
    // the nearest group admins up the tree other than themselves).
    QList<Id> reviewers;
};

// The organisation `certdesk-cli generate` writes (CLI.md "generate"),
// planned in memory before anything is written: the platform group,
// divisions → departments → teams, two platform admins, an admin per
// division and per department, a lead per team who manages its 5–30
// members, a coach for every fourth team, and how many certificates each
// person holds (skewed: most a few, some hundreds, a handful thousands, the
// heavy holder about 25,000) and how many of them wait for a reviewer (the
// busy reviewer's people about 10,000). Ids are the rows' ids, in the order
// they are written (a manager before the people they manage).
class GeneratedOrganisation
{
public:
    static constexpr int MinPeople = 200;
    static constexpr int MaxPeople = 1000000;

    static QString adminEmail() { return QStringLiteral("admin@gen.example"); }
    static QString heavyHolderEmail() { return QStringLiteral("heavy.holder@gen.example"); }
    static QString busyReviewerEmail() { return QStringLiteral("busy.reviewer@gen.example"); }
    static QString groupAdminEmail() { return QStringLiteral("group.admin@gen.example"); }
    static QString coachEmail() { return QStringLiteral("coach@gen.example"); }
    static QString learnerEmail() { return QStringLiteral("learner@gen.example"); }
    // How many certificates the heavy holder gets, and how many open tasks
    // go to the busy reviewer, out of the totals asked for.
    static qint64 heavyHolderShare(qint64 certificates);
    static qint64 busyReviewerShare(qint64 pending);

    static GeneratedOrganisation plan(int people, qint64 certificates, qint64 pending,
                                      quint64 seed);

    QList<GeneratedGroup> groups; // the platform group first (id 1)
    QList<GeneratedPerson> people;
    int divisions = 0;
    int departments = 0;
    int teams = 0;
    Id heavyHolder = 0;
    Id busyReviewer = 0;
    // The groups of the divisions and of the departments (for requirements).
    QList<Id> divisionIds;
    QList<Id> departmentIds;

    const GeneratedPerson &person(Id id) const { return people.at(id - 1); }

private:
    void placeGroups();
    void placeLeaders(GeneratorRandom &random);
    void placeMembers(int count, GeneratorRandom &random);
    void addPerson(GeneratedPerson p, GeneratorRandom &random);
    void add(GeneratorRandom &random, const QString &email, Id manager, Id group, Role role,
             const QList<Id> &reviewers, bool deleted = false);
    void allocateCertificates(qint64 certificates, GeneratorRandom &random);
    void allocatePending(qint64 pending, GeneratorRandom &random);
    QString nextName(GeneratorRandom &random, QString *email);
    int m_nameCounter = 0;
    QList<Id> m_teamIds;
    Id m_firstLead = 0;
};
