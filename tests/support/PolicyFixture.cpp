#include "PolicyFixture.h"

#include "services/DirectoryService.h"

#include <QFile>
#include <QMap>

#include <algorithm>

using namespace PolicyWords;

QString PolicyWords::dataFile(const QString &name)
{
    return QStringLiteral(CERTDESK_TEST_DATA "/policy/") + name;
}

namespace {
// Splits a line of org.txt into words: spaces separate, double quotes group,
// "#" starts a comment. Nothing when a quote is left open.
std::optional<QStringList> splitWords(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (const QChar c : line) {
        if (quoted) {
            if (c == QLatin1Char('"'))
                quoted = false;
            else
                word += c;
        } else if (c == QLatin1Char('"')) {
            quoted = inWord = true;
        } else if (c == QLatin1Char('#')) {
            break;
        } else if (c.isSpace()) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (quoted)
        return std::nullopt;
    if (inWord)
        words << word;
    return words;
}
} // namespace

Result<PolicyFixture> PolicyFixture::parse(const QString &path)
{
    PolicyFixture org;
    org.m_path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(ErrorKind::NotFound, path + QStringLiteral(": ") + file.errorString());
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const auto words = splitWords(QString::fromUtf8(file.readLine()));
        if (!words)
            return org.fail(line, QStringLiteral("a double quote is not closed"));
        if (words->isEmpty())
            continue;
        if (const auto error = org.parseLine(*words, line))
            return *error;
    }
    if (org.m_groups.isEmpty() || org.m_users.isEmpty())
        return org.fail(line, QStringLiteral("expected at least a group and a user"));
    const UserSpec &first = org.m_users.first();
    if (first.deleted || !first.manager.isEmpty() || first.memberships.size() != 1 ||
        first.memberships.first() != qMakePair(org.m_groups.first().name, Role::Admin))
        return org.fail(first.line, QStringLiteral("the first user must be an admin of the "
                                                   "platform group only, with no manager"));
    return org;
}

std::optional<Error> PolicyFixture::parseLine(const QStringList &words, int line)
{
    const QString &kind = words.first();
    if (kind == QLatin1String("group") && (words.size() == 2 || words.size() == 3)) {
        const QString parent = words.value(2);
        if (hasGroup(words[1]))
            return fail(line, QStringLiteral("group %1 is declared twice").arg(words[1]));
        if (m_groups.isEmpty() != parent.isEmpty())
            return fail(line, QStringLiteral("the first group, and only it, has no parent"));
        if (!parent.isEmpty() && !hasGroup(parent))
            return fail(line, QStringLiteral("group %1 is not declared above").arg(parent));
        m_groups.append({words[1], parent, line});
        return std::nullopt;
    }
    if (kind == QLatin1String("user") && words.size() >= 3) {
        UserSpec user{words[1], words[2], QString(), false, {}, line};
        if (findUser(user.email))
            return fail(line, QStringLiteral("user %1 is declared twice").arg(user.email));
        for (const QString &option : words.mid(3)) {
            if (option == QLatin1String("deleted"))
                user.deleted = true;
            else if (option.startsWith(QLatin1String("manager=")))
                user.manager = option.mid(8);
            else
                return fail(line, QStringLiteral("unknown option %1").arg(option));
        }
        if (!user.manager.isEmpty() && !findUser(user.manager))
            return fail(line, QStringLiteral("manager %1 is not declared above").arg(user.manager));
        m_users.append(user);
        return std::nullopt;
    }
    if (kind == QLatin1String("member") && words.size() == 4) {
        UserSpec *user = findUser(words[1]);
        const auto role = Domain::roleFromKey(words[3]);
        if (!user)
            return fail(line, QStringLiteral("user %1 is not declared above").arg(words[1]));
        if (!hasGroup(words[2]))
            return fail(line, QStringLiteral("group %1 is not declared above").arg(words[2]));
        if (!role)
            return fail(line,
                        QStringLiteral("%1 is not a role (admin, coach, learner)").arg(words[3]));
        for (const auto &membership : std::as_const(user->memberships)) {
            if (membership.first == words[2])
                return fail(line, QStringLiteral("one role per group and user"));
        }
        user->memberships.append({words[2], *role});
        return std::nullopt;
    }
    return fail(line, QStringLiteral("expected group NAME [PARENT], user EMAIL NAME "
                                     "[manager=EMAIL] [deleted] or member EMAIL GROUP ROLE"));
}

bool PolicyFixture::hasGroup(const QString &name) const
{
    return std::any_of(m_groups.cbegin(), m_groups.cend(),
                       [&](const GroupSpec &g) { return g.name == name; });
}

PolicyFixture::UserSpec *PolicyFixture::findUser(const QString &email)
{
    for (UserSpec &user : m_users) {
        if (user.email == email)
            return &user;
    }
    return nullptr;
}

Status PolicyFixture::build(Database &db)
{
    DirectoryService directory(db);
    const UserSpec &first = m_users.first();
    // On a server prepared by setup the first admin exists already (setup
    // made them), and db is their own login.
    const auto existing = directory.userByEmail(first.email);
    const auto admin =
        existing ? existing : directory.createFirstAdmin(first.email, first.name, password());
    if (!admin)
        return fail(first.line, admin.message());
    m_userIds.insert(first.email, admin->id);
    const auto root = directory.groupByName(m_groups.first().name);
    if (!root || root->parentId != 0)
        return fail(m_groups.first().line,
                    QStringLiteral("createFirstAdmin names the platform group otherwise"));
    m_groupIds.insert(root->name, root->id);
    for (const GroupSpec &g : m_groups.mid(1)) {
        const auto group = directory.addGroup(admin->id, g.name, g.parent);
        if (!group)
            return fail(g.line, group.message());
        m_groupIds.insert(g.name, group->id);
    }
    for (const UserSpec &u : m_users.mid(1)) {
        NewUser nu;
        nu.email = u.email;
        nu.name = u.name;
        nu.managerEmail = u.manager;
        nu.memberships = u.memberships;
        nu.password = password();
        const auto user = directory.addUser(admin->id, nu);
        if (!user)
            return fail(u.line, user.message());
        m_userIds.insert(u.email, user->id);
    }
    // Last, so that a deleted user can still be somebody's manager.
    for (const UserSpec &u : std::as_const(m_users)) {
        if (!u.deleted)
            continue;
        if (const Status deleted = directory.deleteUser(admin->id, userId(u.email)); !deleted)
            return fail(u.line, deleted.message());
    }
    return Done{};
}

Result<QList<PolicyCase>> PolicyTable::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(ErrorKind::NotFound, path + QStringLiteral(": ") + file.errorString());
    const QString header = QString::fromUtf8(file.readLine()).trimmed();
    if (header.split(QLatin1Char('\t')) != columns())
        return makeError(ErrorKind::Invalid, path + QStringLiteral(":1: the header must read: ") +
                                                 columns().join(QLatin1Char('\t')));
    QList<PolicyCase> cases;
    QStringList ids;
    for (int line = 2; !file.atEnd(); ++line) {
        QString text = QString::fromUtf8(file.readLine());
        while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        if (text.trimmed().isEmpty())
            continue;
        const QStringList f = text.split(QLatin1Char('\t'));
        QString error;
        if (f.size() != columns().size()) {
            error = QStringLiteral("%1 columns, expected %2").arg(f.size()).arg(columns().size());
        } else {
            const PolicyCase c{f[0], f[1], f[2], f[3], f[4],  f[5],
                               f[6], f[7], f[8], f[9], f[10], line};
            error = ids.contains(c.id) ? QStringLiteral("id %1 is used twice").arg(c.id) : check(c);
            ids << c.id;
            cases << c;
        }
        if (!error.isEmpty())
            return makeError(ErrorKind::Invalid,
                             QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(error));
    }
    return cases;
}

QString PolicyTable::check(const PolicyCase &c)
{
    const QStringList onOff{QStringLiteral("on"), QStringLiteral("off"), kAny};
    const QStringList modes{QStringLiteral("group-admins"), QStringLiteral("managers"), kAny};
    if (!questions().contains(c.question))
        return QStringLiteral("unknown question %1").arg(c.question);
    if (!onOff.contains(c.importEnabled) || !onOff.contains(c.validation) ||
        !onOff.contains(c.credits) || !modes.contains(c.reviewers))
        return QStringLiteral("a switch is not on, off, group-admins, managers or -");
    if ((c.actor == kAny) != (c.question == QLatin1String("reviewers")))
        return QStringLiteral("the actor is \"-\" for reviewers, and only there");
    if ((c.target == kAny) == takesTarget(c.question))
        return QStringLiteral("the target is \"-\" exactly when the question has none");
    if (!rules().contains(c.rule))
        return QStringLiteral("unknown rule %1 (expected one of %2)")
            .arg(c.rule, rules().join(QLatin1Char(' ')));
    if (yesNoQuestions().contains(c.question) && c.expected != kYes && c.expected != kNo)
        return QStringLiteral("expected yes or no");
    // Four eyes: whoever uploaded it never reviews it; no case answers yes.
    if (c.question == QLatin1String("may-review-own-upload") && c.expected != kNo)
        return QStringLiteral("expected no: an uploader never reviews what they uploaded");
    if (c.question == QLatin1String("save-label") && c.expected != kSave && c.expected != kSend)
        return QStringLiteral("expected %1 or %2").arg(kSave, kSend);
    if ((c.question == QLatin1String("reviewers") ||
         c.question == QLatin1String("reviewers-upload")) &&
        c.expected != kNone) {
        QStringList emails = c.expected.split(QLatin1Char(','));
        emails.sort();
        emails.removeDuplicates();
        if (emails.join(QLatin1Char(',')) != c.expected || emails.contains(QString()))
            return QStringLiteral("expected none or emails, sorted, separated by commas");
    }
    return {};
}

const QList<QPair<QString, QStringList>> &policySwitches()
{
    static const QList<QPair<QString, QStringList>> list{
        {QStringLiteral("import.enabled"), {QStringLiteral("off"), QStringLiteral("on")}},
        {QStringLiteral("validation.required"), {QStringLiteral("off"), QStringLiteral("on")}},
        {QStringLiteral("validation.reviewers"),
         {QStringLiteral("group-admins"), QStringLiteral("managers")}},
        {QStringLiteral("credits.enabled"), {QStringLiteral("off"), QStringLiteral("on")}}};
    return list;
}

QString evaluatePolicyCase(const PolicyCase &c,
                           const std::function<QString(const QStringList &)> &setSwitches,
                           const std::function<Result<QString>(const PolicyCase &)> &answer)
{
    const QStringList wanted{c.importEnabled, c.validation, c.reviewers, c.credits};
    QList<int> free;
    for (int k = 0; k < wanted.size(); ++k) {
        if (wanted[k] == kAny)
            free << k;
    }
    QMap<QString, QStringList> wrong; // a wrong answer -> the "-" switches that gave it
    const int runs = 1 << free.size();
    for (int n = 0; n < runs; ++n) {
        QStringList values = wanted;
        QStringList freeValues;
        for (int j = 0; j < free.size(); ++j) {
            const int k = free[j];
            values[k] = policySwitches()[k].second[((n ^ (n >> 1)) >> j) & 1];
            freeValues << policySwitches()[k].first + QLatin1Char('=') + values[k];
        }
        if (const QString error = setSwitches(values); !error.isEmpty())
            return c.describe() + QStringLiteral(": ") + error;
        const auto got = answer(c);
        if (!got)
            return c.describe() + QStringLiteral(": ") + got.message();
        if (got.value() != c.expected)
            wrong[got.value()] << freeValues.join(QLatin1Char(' '));
    }
    if (wrong.isEmpty())
        return {};
    QStringList got;
    for (auto it = wrong.cbegin(); it != wrong.cend(); ++it) {
        const bool always = it->size() == runs;
        got << QLatin1Char('"') + it.key() + QLatin1Char('"') +
                   (always ? QString() : QStringLiteral(" with ") + it->join(QStringLiteral(", ")));
    }
    return QStringLiteral("%1: %2, actor %3, target %4, switches import=%5 validation=%6 "
                          "reviewers=%7 credits=%8: expected \"%9\", got ")
               .arg(c.describe(), c.question, c.actor, c.target, c.importEnabled, c.validation,
                    c.reviewers, c.credits, c.expected) +
           got.join(QStringLiteral("; "));
}
