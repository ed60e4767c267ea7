// The policy (R1-R7) against the table of cases in tests/data/policy/cases.tsv,
// asked about the organisation in tests/data/policy/org.txt, once on SQLite
// and once on a real PostgreSQL server. The table is the contract: a later
// issue runs the same cases against PostgreSQL's own rules (row-level
// security), building the same PolicyFixture and connecting as each actor.
#include "PolicyFixture.h"
#include "TestDatabase.h"
#include "policy/Policy.h"
#include "policy/SettingsService.h"
#include "services/DirectoryService.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace PolicyWords;

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

// Sets the switches as a platform admin would, writing only what changes.
void TestPolicy::setSwitches(const QStringList &values)
{
    SettingsService settings(m_db->db());
    for (int k = 0; k < values.size(); ++k) {
        const QString &key = policySwitches()[k].first;
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
    const QString failure = evaluatePolicyCase(
        c,
        [this](const QStringList &values) {
            setSwitches(values);
            return QTest::currentTestFailed() ? QStringLiteral("the switches could not be set")
                                              : QString();
        },
        [this](const PolicyCase &one) { return answer(one); });
    if (!failure.isEmpty())
        QFAIL(qPrintable(failure));
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
    if (c.question == QLatin1String("reviewers") || c.question == QLatin1String("may-review") ||
        c.question == QLatin1String("reviewers-upload") ||
        c.question == QLatin1String("may-review-own-upload")) {
        const auto owner = user(c.target);
        if (!owner)
            return owner.error();
        // reviewers-upload: the actor uploaded the target's certificate (four
        // eyes); may-review-own-upload: the actor uploaded it and is asked all
        // the same, as on a task routed before four eyes.
        const Id uploader =
            c.question == QLatin1String("reviewers-upload") ? m_org->userId(c.actor) : Id(0);
        const auto reviewers = policy.reviewersFor(owner.value(), uploader);
        if (!reviewers && reviewers.kind() != ErrorKind::Refused)
            return reviewers.error();
        const QList<Id> ids = reviewers ? reviewers.value() : QList<Id>();
        if (c.question == QLatin1String("reviewers") ||
            c.question == QLatin1String("reviewers-upload")) {
            QStringList emails;
            for (const Id id : ids)
                emails << (m_org->email(id).isEmpty() ? QString::number(id) : m_org->email(id));
            emails.sort();
            return emails.isEmpty() ? kNone : emails.join(QLatin1Char(','));
        }
        const auto actor = user(c.actor);
        if (!actor)
            return actor.error();
        const Id uploaded =
            c.question == QLatin1String("may-review-own-upload") ? actor.value() : Id(0);
        return yesNo(policy.mayReview(actor.value(), owner.value(), ids, uploaded).allowed);
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
