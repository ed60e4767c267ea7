// The policy (R1-R7) against the table of cases in tests/data/policy/cases.tsv,
// asked about the organisation in tests/data/policy/org.txt, once on SQLite
// and once on a real PostgreSQL server. The table is the contract: a later
// issue runs the same cases against PostgreSQL's own rules (row-level
// security), building the same PolicyFixture and connecting as each actor.
#include "DirectoryService.h"
#include "Policy.h"
#include "SettingsService.h"
#include "TestDatabase.h"

#include <QFile>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <optional>

namespace {
const QString kAny = QStringLiteral("-");
const QString kYes = QStringLiteral("yes");
const QString kNo = QStringLiteral("no");
const QString kNone = QStringLiteral("none");
const QString kSave = QStringLiteral("Save");
const QString kSend = QStringLiteral("Send for validation");

QString dataFile(const QString &name)
{
    return QStringLiteral(CERTDESK_TEST_DATA "/policy/") + name;
}

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
    // Creates everything: the first user with createFirstAdmin, then the
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
    const auto admin = directory.createFirstAdmin(first.email, first.name, password());
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
        return yesNoQuestions() +
               QStringList{QStringLiteral("save-label"), QStringLiteral("reviewers")};
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
    if (c.question == QLatin1String("save-label") && c.expected != kSave && c.expected != kSend)
        return QStringLiteral("expected %1 or %2").arg(kSave, kSend);
    if (c.question == QLatin1String("reviewers") && c.expected != kNone) {
        QStringList emails = c.expected.split(QLatin1Char(','));
        emails.sort();
        emails.removeDuplicates();
        if (emails.join(QLatin1Char(',')) != c.expected || emails.contains(QString()))
            return QStringLiteral("expected none or emails, sorted, separated by commas");
    }
    return {};
}

class TestPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanupTestCase();

    void table_coversEveryQuestionAndRule();
    void fixture_isBuiltAsWritten();
    void policy_answersEveryCase_data();
    void policy_answersEveryCase();

private:
    QString buildFixture(const QString &backend);
    static const QList<QPair<QString, QStringList>> &switches();
    void setSwitches(const QStringList &values);
    Result<QString> answer(const PolicyCase &c) const;
    Result<Id> user(const QString &email) const;

    QString m_backend; // the backend the fixture below was built on
    QString m_buildError;
    QHash<QString, QString> m_switches; // as last set, to write only what changes
    std::unique_ptr<TestDatabase> m_db;
    std::optional<PolicyFixture> m_org;
};

// initTestCase() cannot see the backend row: the fixture is built here, once
// per backend, and kept for every test function and row of that backend.
void TestPolicy::init()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != m_backend) {
        m_org.reset();
        m_db.reset();
        m_backend = backend;
        m_switches.clear();
        m_buildError = buildFixture(backend);
    }
    QVERIFY2(m_buildError.isEmpty(), qPrintable(m_buildError));
}

void TestPolicy::cleanupTestCase()
{
    m_org.reset();
    m_db.reset();
    m_backend.clear();
}

QString TestPolicy::buildFixture(const QString &backend)
{
    m_db = std::make_unique<TestDatabase>(backend);
    if (!m_db->isValid())
        return m_db->error();
    auto org = PolicyFixture::parse(dataFile(QStringLiteral("org.txt")));
    if (!org)
        return org.message();
    if (const Status built = org.value().build(m_db->db()); !built)
        return built.message();
    m_org = std::move(org.value());
    return {};
}

void TestPolicy::table_coversEveryQuestionAndRule()
{
    const auto cases = PolicyTable::load(dataFile(QStringLiteral("cases.tsv")));
    QVERIFY2(cases, qPrintable(cases.message()));
    QVERIFY2(cases->size() >= 60,
             qPrintable(QStringLiteral("only %1 cases, at least 60 expected").arg(cases->size())));
    QHash<QString, QSet<QString>> answersByQuestion;
    QHash<QString, QSet<QString>> answersByRule; // yes/no answers only
    QSet<QString> rules;
    QSet<QString> reviewerModes;
    for (const PolicyCase &c : cases.value()) {
        answersByQuestion[c.question].insert(c.expected);
        rules.insert(c.rule);
        if (PolicyTable::yesNoQuestions().contains(c.question))
            answersByRule[c.rule].insert(c.expected);
        if (c.question == QLatin1String("reviewers"))
            reviewerModes.insert(c.reviewers);
    }
    for (const QString &q : PolicyTable::questions())
        QVERIFY2(answersByQuestion.contains(q), qPrintable(QStringLiteral("no case asks ") + q));
    for (const QString &q : PolicyTable::yesNoQuestions())
        QVERIFY2(answersByQuestion[q] == (QSet<QString>{kYes, kNo}),
                 qPrintable(q + QStringLiteral(": expected cases answering yes and no")));
    QCOMPARE(answersByQuestion[QStringLiteral("save-label")], (QSet<QString>{kSave, kSend}));
    QVERIFY2(reviewerModes.contains(QStringLiteral("group-admins")) &&
                 reviewerModes.contains(QStringLiteral("managers")),
             "reviewers: expected cases in both reviewer modes");
    for (const QString &rule : PolicyTable::rules()) {
        QVERIFY2(rules.contains(rule), qPrintable(QStringLiteral("no case for ") + rule));
        const QSet<QString> answers = answersByRule.value(rule);
        QVERIFY2(answers.isEmpty() || answers == (QSet<QString>{kYes, kNo}),
                 qPrintable(rule + QStringLiteral(": expected cases answering yes and no")));
    }
}

void TestPolicy::fixture_isBuiltAsWritten()
{
    DirectoryService directory(m_db->db());
    for (const auto &g : m_org->groups()) {
        const auto group = directory.groupByName(g.name);
        QVERIFY2(group, qPrintable(group.message()));
        QCOMPARE(group->parentId, m_org->groupId(g.parent));
    }
    for (const auto &u : m_org->users()) {
        const auto user = directory.userByEmail(u.email);
        QVERIFY2(user, qPrintable(user.message()));
        QCOMPARE(user->deleted, u.deleted);
        QCOMPARE(user->managerId, m_org->userId(u.manager));
        QList<QPair<QString, Role>> memberships;
        for (const Membership &m : user->memberships)
            memberships.append({m.groupName, m.role});
        auto written = u.memberships;
        std::sort(written.begin(), written.end());
        std::sort(memberships.begin(), memberships.end());
        QVERIFY2(memberships == written, qPrintable(u.email));
    }
}

// The switches a case sets, in the table's column order, with their values.
const QList<QPair<QString, QStringList>> &TestPolicy::switches()
{
    static const QList<QPair<QString, QStringList>> list{
        {QStringLiteral("import.enabled"), {QStringLiteral("off"), QStringLiteral("on")}},
        {QStringLiteral("validation.required"), {QStringLiteral("off"), QStringLiteral("on")}},
        {QStringLiteral("validation.reviewers"),
         {QStringLiteral("group-admins"), QStringLiteral("managers")}},
        {QStringLiteral("credits.enabled"), {QStringLiteral("off"), QStringLiteral("on")}}};
    return list;
}

// Sets the switches as a platform admin would, writing only what changes.
void TestPolicy::setSwitches(const QStringList &values)
{
    SettingsService settings(m_db->db());
    for (int k = 0; k < values.size(); ++k) {
        const QString &key = switches()[k].first;
        if (m_switches.value(key) == values[k])
            continue;
        const auto set = settings.set(m_org->platformAdmin(), key, values[k]);
        QVERIFY2(set, qPrintable(set.message()));
        m_switches.insert(key, values[k]);
    }
}

void TestPolicy::policy_answersEveryCase_data()
{
    QTest::addColumn<PolicyCase>("c");
    const auto cases = PolicyTable::load(dataFile(QStringLiteral("cases.tsv")));
    QVERIFY2(cases, qPrintable(cases.message()));
    for (const PolicyCase &c : cases.value())
        QTest::newRow(qPrintable(c.id + QLatin1Char(' ') + c.question)) << c;
}

void TestPolicy::policy_answersEveryCase()
{
    QFETCH(PolicyCase, c);
    // A switch marked "-" takes both its values, in Gray-code order (one
    // change at a time): the answer must be the same with each.
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
            values[k] = switches()[k].second[((n ^ (n >> 1)) >> j) & 1];
            freeValues << switches()[k].first + QLatin1Char('=') + values[k];
        }
        setSwitches(values);
        if (QTest::currentTestFailed())
            return;
        const auto got = answer(c);
        QVERIFY2(got, qPrintable(c.describe() + QStringLiteral(": ") + got.message()));
        if (got.value() != c.expected)
            wrong[got.value()] << freeValues.join(QLatin1Char(' '));
    }
    if (wrong.isEmpty())
        return;
    QStringList got;
    for (auto it = wrong.cbegin(); it != wrong.cend(); ++it) {
        const bool always = it->size() == runs;
        got << QLatin1Char('"') + it.key() + QLatin1Char('"') +
                   (always ? QString() : QStringLiteral(" with ") + it->join(QStringLiteral(", ")));
    }
    QFAIL(qPrintable(QStringLiteral("%1: %2, actor %3, target %4, switches import=%5 "
                                    "validation=%6 reviewers=%7 credits=%8: expected \"%9\", got ")
                         .arg(c.describe(), c.question, c.actor, c.target, c.importEnabled,
                              c.validation, c.reviewers, c.credits, c.expected) +
                     got.join(QStringLiteral("; "))));
}

Result<Id> TestPolicy::user(const QString &email) const
{
    const Id id = m_org->userId(email);
    if (id == 0)
        return makeError(ErrorKind::NotFound, email + QStringLiteral(" is not in org.txt"));
    return id;
}

// The policy's answer to a case's question, in the table's words.
Result<QString> TestPolicy::answer(const PolicyCase &c) const
{
    const Policy policy(m_db->db().connection());
    const auto yesNo = [](bool b) { return b ? kYes : kNo; };
    if (c.question == QLatin1String("reviewers") || c.question == QLatin1String("may-review")) {
        const auto owner = user(c.target);
        if (!owner)
            return owner.error();
        const auto reviewers = policy.reviewersFor(owner.value());
        if (!reviewers && reviewers.kind() != ErrorKind::Refused)
            return reviewers.error();
        const QList<Id> ids = reviewers ? reviewers.value() : QList<Id>();
        if (c.question == QLatin1String("reviewers")) {
            QStringList emails;
            for (const Id id : ids)
                emails << (m_org->email(id).isEmpty() ? QString::number(id) : m_org->email(id));
            emails.sort();
            return emails.isEmpty() ? kNone : emails.join(QLatin1Char(','));
        }
        const auto actor = user(c.actor);
        if (!actor)
            return actor.error();
        return yesNo(policy.mayReview(actor.value(), owner.value(), ids).allowed);
    }
    const auto actor = user(c.actor);
    if (!actor)
        return actor.error();
    const Id a = actor.value();
    if (c.question == QLatin1String("may-change-settings"))
        return yesNo(policy.mayChangeSettings(a).allowed);
    if (c.question == QLatin1String("nav-users"))
        return yesNo(policy.navigation(a).users);
    if (c.question == QLatin1String("nav-settings"))
        return yesNo(policy.navigation(a).settings);
    if (c.question == QLatin1String("may-add-member")) {
        const Id group = m_org->groupId(c.target);
        if (group == 0)
            return makeError(ErrorKind::NotFound, c.target + QStringLiteral(" is not in org.txt"));
        return yesNo(policy.mayAddMember(a, group).allowed);
    }
    const auto target = user(c.target);
    if (!target)
        return target.error();
    const Id t = target.value();
    if (c.question == QLatin1String("scope"))
        return yesNo(policy.inScope(a, t));
    if (c.question == QLatin1String("may-import"))
        return yesNo(policy.mayImport(a, t).allowed);
    if (c.question == QLatin1String("may-view"))
        return yesNo(policy.mayView(a, t).allowed);
    if (c.question == QLatin1String("may-manage-user"))
        return yesNo(policy.mayManageUser(a, t).allowed);
    // A field is visible when the form is: no form (R1, R4), no field.
    const ImportForm form = policy.importForm(a, t);
    if (c.question == QLatin1String("form-template"))
        return yesNo(form.available && form.showTemplate);
    if (c.question == QLatin1String("form-credits"))
        return yesNo(form.available && form.showCredits);
    if (c.question == QLatin1String("save-label"))
        return form.saveLabel; // untranslated: no translator is installed
    return makeError(ErrorKind::Invalid, QStringLiteral("unknown question ") + c.question);
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
