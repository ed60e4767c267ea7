#pragma once

// The organisation of tests/data/policy/org.txt and the table of cases of
// tests/data/policy/cases.tsv, shared by the two enforcers that answer them:
// the C++ policy (tests/models/tst_policy.cpp) and the PostgreSQL server's own rules
// (tests/server/tst_server_policy.cpp).
#include "core/Domain.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <functional>
#include <optional>

namespace PolicyWords {
inline const QString kAny = QStringLiteral("-");
inline const QString kYes = QStringLiteral("yes");
inline const QString kNo = QStringLiteral("no");
inline const QString kNone = QStringLiteral("none");
inline const QString kSave = QStringLiteral("Save");
inline const QString kSend = QStringLiteral("Send for validation");
QString dataFile(const QString &name);
} // namespace PolicyWords

// An organisation written as in org.txt (the format is documented at its
// top), built into a fresh database through the real services. It knows
// nothing of the cases: any test can build it and look its people up.
class PolicyFixture
{
public:
    struct GroupSpec
    {
        QString name;
        QString parent; // empty: the platform group
        int line = 0;
    };
    struct UserSpec
    {
        QString email;
        QString name;
        QString manager;
        bool deleted = false;
        QList<QPair<QString, Role>> memberships;
        int line = 0;
    };

    static Result<PolicyFixture> parse(const QString &path);
    // Creates everything: the first user with createFirstAdmin (unless they
    // exist: setup on PostgreSQL makes them), then the
    // groups, the other users and their memberships, then the deletions.
    Status build(Database &db);

    const QList<GroupSpec> &groups() const { return m_groups; }
    const QList<UserSpec> &users() const { return m_users; }
    static QString password() { return QStringLiteral("policy-fixture"); }
    // The first platform admin: builds the fixture and changes the settings.
    Id platformAdmin() const { return userId(m_users.value(0).email); }
    Id userId(const QString &email) const { return m_userIds.value(email); }
    Id groupId(const QString &name) const { return m_groupIds.value(name); }
    QString email(Id id) const { return m_userIds.key(id); }

private:
    Error fail(int line, const QString &message) const
    {
        return makeError(ErrorKind::Invalid,
                         QStringLiteral("%1:%2: %3").arg(m_path).arg(line).arg(message));
    }
    std::optional<Error> parseLine(const QStringList &words, int line);
    bool hasGroup(const QString &name) const;
    UserSpec *findUser(const QString &email);

    QString m_path;
    QList<GroupSpec> m_groups;
    QList<UserSpec> m_users;
    QHash<QString, Id> m_userIds;
    QHash<QString, Id> m_groupIds;
};

// One line of cases.tsv (its columns are described in tests/data/policy/README.md).
struct PolicyCase
{
    QString id;
    QString question;
    QString importEnabled; // on, off or "-": the answer must not depend on it
    QString validation;    // on, off or "-"
    QString reviewers;     // group-admins, managers or "-"
    QString credits;       // on, off or "-"
    QString actor;
    QString target;
    QString expected;
    QString rule;
    QString note;
    int line = 0;

    QString describe() const
    {
        return QStringLiteral("case %1 (%2, cases.tsv:%3: %4)").arg(id, rule).arg(line).arg(note);
    }
};
Q_DECLARE_METATYPE(PolicyCase)

// The table of cases: loading and checking its words, not answering them.
class PolicyTable
{
public:
    static const QStringList &columns()
    {
        static const QStringList names =
            QStringLiteral("id question import validation reviewers credits "
                           "actor target expected rule note")
                .split(QLatin1Char(' '));
        return names;
    }
    static const QStringList &yesNoQuestions()
    {
        static const QStringList names =
            QStringLiteral("scope may-import may-view may-review may-change-settings "
                           "may-manage-user may-add-member form-template form-credits nav-users "
                           "nav-settings")
                .split(QLatin1Char(' '));
        return names;
    }
    static QStringList questions()
    {
        return yesNoQuestions() + QStringList{QStringLiteral("save-label"),
                                              QStringLiteral("reviewers"),
                                              QStringLiteral("reviewers-upload"),
                                              QStringLiteral("may-review-own-upload")};
    }
    static QStringList rules()
    {
        return QStringLiteral("R1 R2 R3 R4 R5 R6 R7 roles nav").split(QLatin1Char(' '));
    }
    // The questions about no one in particular: their target is "-".
    static bool takesTarget(const QString &question)
    {
        return question != QLatin1String("may-change-settings") &&
               !question.startsWith(QLatin1String("nav-"));
    }

    static Result<QList<PolicyCase>> load(const QString &path);

private:
    static QString check(const PolicyCase &c);
};

// Answers one case with every value of its "-" switches (Gray-code order: one
// change at a time) and says what went wrong, or nothing. setSwitches gets
// the four values in the table's column order; answer gives the enforcer's
// answer in the table's words.
QString evaluatePolicyCase(const PolicyCase &c,
                           const std::function<QString(const QStringList &)> &setSwitches,
                           const std::function<Result<QString>(const PolicyCase &)> &answer);
// The switches a case sets, in the table's column order, with their values.
const QList<QPair<QString, QStringList>> &policySwitches();
