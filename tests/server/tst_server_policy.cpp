// One table of cases, two enforcers: the cases of
// tests/data/policy/cases.tsv that tst_policy asks the C++ policy are asked
// here of the PostgreSQL server itself. The organisation of org.txt is built
// on a database prepared by setup, each person with their own login; every
// case connects as its actor and tries, in a transaction that is rolled
// back, the write or the read the question is about: plain SQL on the
// directory, the server's API (cd_api) for certificates and tasks. The
// server's row-level security, API and triggers answer; any disagreement
// with the table fails. (nav-users is a question about the window only: the directory of
// users is readable by every member on the server, see README.)
#include "PolicyFixture.h"
#include "TestDatabase.h"
#include "services/ComplianceService.h"
#include "services/DirectoryService.h"
#include "services/ServerSetup.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTest>

using namespace PolicyWords;

class TestServerPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void server_answersEveryCase_data();
    void server_answersEveryCase();
    // README "Rules", Requirements and compliance: on each person's own
    // login the server's compliance picture holds exactly the people of
    // their scope (R5) the C++ policy names, and only platform admins and
    // group admins may change what a group requires.
    void compliance_eachLoginSeesItsScope_requirementsByAdminsOnly();

private:
    QString setSwitches(const QStringList &values);
    Result<QString> answer(const PolicyCase &c);
    // The actor's own connection (null: the server refuses their login, as
    // for a deleted user).
    Database *as(const QString &email);
    // Runs statements as the actor in a transaction that is rolled back:
    // true when every statement ran and the last touched exactly one row.
    Result<bool> attempt(const QString &email, const QList<QPair<QString, QVariantList>> &steps);
    Result<Id> user(const QString &email) const;
    QString prefix() const { return m_db->pgName() + QLatin1Char('_'); }

    std::unique_ptr<TestDatabase> m_db;
    std::optional<PolicyFixture> m_org;
    QHash<QString, std::shared_ptr<Database>> m_connections;
    QHash<QString, QString> m_switches;
    Id m_template = 0;
    int m_serial = 0;
};

void TestServerPolicy::initTestCase()
{
    CERTDESK_REQUIRE_SERVER();
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    auto org = PolicyFixture::parse(dataFile(QStringLiteral("org.txt")));
    QVERIFY2(org, qPrintable(org.message()));
    const auto &first = org->users().first();
    ServerSetupOptions options;
    options.adminEmail = first.email;
    options.adminName = first.name;
    options.adminPassword = PolicyFixture::password();
    options.loginPrefix = prefix();
    const auto setup = ServerSetup::run(m_db->db(), options);
    QVERIFY2(setup, qPrintable(setup.message()));
    // The organisation is built by the first platform admin, on their login.
    Database *admin = as(first.email);
    QVERIFY(admin);
    const Status built = org.value().build(*admin);
    QVERIFY2(built, qPrintable(built.message()));
    m_org = std::move(org.value());
    // Deleted users' logins are disabled: forget connections opened before.
    m_connections.clear();

    // As the database administrator: one accepted certificate per person (what
    // scope and may-view look for) and a template (form-template).
    QSqlDatabase db = m_db->db().connection();
    QString error;
    const QByteArray pdf("%PDF-1.4 policy fixture");
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    Sql::run(db,
             QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                            "created_at) VALUES (?, ?, 1, ?, now())"),
             {sha, qint64(pdf.size()), pdf}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const auto &u : m_org->users()) {
        Sql::run(db,
                 QStringLiteral("INSERT INTO certificates (kind, owner_id, name, delivered_on, "
                                "status, pdf_sha256, created_at, updated_at) VALUES ('external', "
                                "?, 'Fixture', '2024-01-01', 'accepted', ?, now(), now())"),
                 {m_org->userId(u.email), sha}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    m_template = Sql::insert(db,
                             QStringLiteral("INSERT INTO certificate_templates (name, "
                                            "created_at) VALUES ('Fixture template', now())"),
                             {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestServerPolicy::cleanupTestCase()
{
    m_connections.clear();
    m_org.reset();
    m_db.reset();
}

Database *TestServerPolicy::as(const QString &email)
{
    if (!m_connections.contains(email)) {
        QString error;
        m_connections.insert(email, std::shared_ptr<Database>(m_db->openAs(
                                        prefix() + email, PolicyFixture::password(), &error)));
    }
    return m_connections.value(email).get();
}

Result<Id> TestServerPolicy::user(const QString &email) const
{
    const Id id = m_org->userId(email);
    if (id == 0)
        return makeError(ErrorKind::NotFound, email + QStringLiteral(" is not in org.txt"));
    return id;
}

QString TestServerPolicy::setSwitches(const QStringList &values)
{
    QString error;
    for (int k = 0; k < values.size(); ++k) {
        const QString &key = policySwitches()[k].first;
        if (m_switches.value(key) == values[k])
            continue;
        Sql::run(m_db->db().connection(),
                 QStringLiteral("UPDATE settings SET value = ? WHERE key = ?"), {values[k], key},
                 &error);
        if (!error.isEmpty())
            return error;
        m_switches.insert(key, values[k]);
    }
    return {};
}

Result<bool> TestServerPolicy::attempt(const QString &email,
                                       const QList<QPair<QString, QVariantList>> &steps)
{
    Database *db = as(email);
    if (!db)
        return false; // the server refuses the login itself
    QSqlDatabase connection = db->connection();
    if (!connection.transaction())
        return makeError(ErrorKind::Storage, QStringLiteral("no transaction"));
    bool done = true;
    for (const auto &[sql, values] : steps) {
        QString error;
        QSqlQuery q = Sql::run(connection, sql, values, &error);
        if (!error.isEmpty()) {
            // Refused by a policy, a trigger or a missing privilege: all fine
            // answers; anything else is the test's own mistake.
            if (!error.contains(QLatin1String("42501")) &&
                !error.contains(QLatin1String("row-level security")) &&
                !error.contains(QLatin1String("permission denied"))) {
                connection.rollback();
                return makeError(ErrorKind::Storage, error);
            }
            done = false;
            break;
        }
        // The last step decides: a statement touches exactly one row; a call
        // of the server's API returns one row whose first value is not 0,
        // false or null (an id, a count of rows changed, a certificate).
        if (&sql == &steps.constLast().first) {
            if (q.isSelect()) {
                int rows = 0;
                bool truthy = false;
                while (q.next()) {
                    ++rows;
                    const QVariant v = q.value(0);
                    truthy = !v.isNull() && v.toString() != QLatin1String("0") &&
                             v.toString() != QLatin1String("false");
                }
                done = done && rows == 1 && truthy;
            } else if (q.numRowsAffected() != 1) {
                done = false;
            }
        }
    }
    connection.rollback();
    return done;
}

void TestServerPolicy::server_answersEveryCase_data()
{
    QTest::addColumn<PolicyCase>("c");
    const auto cases = PolicyTable::load(dataFile(QStringLiteral("cases.tsv")));
    QVERIFY2(cases, qPrintable(cases.message()));
    for (const PolicyCase &c : cases.value()) {
        if (c.question != QLatin1String("nav-users"))
            QTest::newRow(qPrintable(c.id + QLatin1Char(' ') + c.question)) << c;
    }
}

void TestServerPolicy::server_answersEveryCase()
{
    QFETCH(PolicyCase, c);
    const QString failure = evaluatePolicyCase(
        c, [this](const QStringList &values) { return setSwitches(values); },
        [this](const PolicyCase &one) { return answer(one); });
    if (!failure.isEmpty())
        QFAIL(qPrintable(failure));
}

// The server's answer, found by trying.
Result<QString> TestServerPolicy::answer(const PolicyCase &c)
{
    const auto yesNo = [](const Result<bool> &b) -> Result<QString> {
        if (!b)
            return b.error();
        return b.value() ? kYes : kNo;
    };
    QSqlDatabase dba = m_db->db().connection();
    QString error;
    if (c.question == QLatin1String("reviewers") ||
        c.question == QLatin1String("reviewers-upload")) {
        const auto owner = user(c.target);
        if (!owner)
            return owner.error();
        // The uploader: nobody for one's own import, else the actor (four eyes).
        const QVariant uploader = c.question == QLatin1String("reviewers")
                                      ? QVariant(QMetaType::fromType<qint64>())
                                      : QVariant(m_org->userId(c.actor));
        QSqlQuery q = Sql::run(dba, QStringLiteral("SELECT cd_reviewers_for(?, ?)"),
                               {owner.value(), uploader}, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, error);
        QStringList emails;
        while (q.next())
            emails << m_org->email(q.value(0).toLongLong());
        emails.sort();
        return emails.isEmpty() ? kNone : emails.join(QLatin1Char(','));
    }
    if (c.question == QLatin1String("may-change-settings") ||
        c.question == QLatin1String("nav-settings"))
        return yesNo(
            attempt(c.actor, {{QStringLiteral("UPDATE settings SET value = value WHERE key = "
                                              "'credits.enabled'"),
                               {}}}));
    if (c.question == QLatin1String("may-add-member")) {
        const Id group = m_org->groupId(c.target);
        // A person added now, as DirectoryService::addUser does: only platform
        // admins enrol someone who exists already (cd_check_membership).
        const QString email = QStringLiteral("new.person@example.org");
        return yesNo(attempt(
            c.actor,
            {{QStringLiteral("INSERT INTO users (email, name, db_login) VALUES (?, 'New Person', "
                             "COALESCE((SELECT value FROM settings WHERE key = "
                             "'server.login-prefix'), '') || ?)"),
              {email, email}},
             {QStringLiteral("INSERT INTO memberships (user_id, group_id, role) SELECT id, ?, "
                             "'learner' FROM users WHERE email = ?"),
              {group, email}}}));
    }
    const auto target = user(c.target);
    if (!target)
        return target.error();
    const Id t = target.value();
    if (c.question == QLatin1String("scope") || c.question == QLatin1String("may-view"))
        return yesNo(attempt(c.actor, {{QStringLiteral("SELECT id FROM cd_api.certificates_of(?, "
                                                       "NULL, 0, 100) WHERE name = 'Fixture'"),
                                        {t}}}));
    if (c.question == QLatin1String("may-manage-user"))
        return yesNo(attempt(c.actor, {{QStringLiteral("UPDATE users SET deleted = NOT deleted "
                                                       "WHERE id = ?"),
                                        {t}}}));
    if (c.question == QLatin1String("may-review") ||
        c.question == QLatin1String("may-review-own-upload")) {
        // A task on the target's certificate, routed by the server (R3) as
        // for the owner's own import, then the actor tries to decide it; for
        // own-upload the actor uploaded it and is asked all the same (a task
        // routed before four eyes).
        const bool ownUpload = c.question == QLatin1String("may-review-own-upload");
        const QVariant uploader =
            ownUpload ? QVariant(m_org->userId(c.actor)) : QVariant(QMetaType::fromType<qint64>());
        Sql::run(dba,
                 QStringLiteral("UPDATE certificates SET status = 'pending', uploader_id = ? "
                                "WHERE owner_id = ? AND name = 'Fixture'"),
                 {uploader, t}, &error);
        const Id task = Sql::insert(dba,
                                    QStringLiteral("INSERT INTO validation_tasks (certificate_id, "
                                                   "state, created_at) SELECT id, 'open', now() "
                                                   "FROM certificates WHERE owner_id = ? AND "
                                                   "name = 'Fixture'"),
                                    {t}, &error);
        Sql::run(dba,
                 QStringLiteral("INSERT INTO task_reviewers (task_id, reviewer_id) SELECT ?, r "
                                "FROM cd_reviewers_for(?, NULL) AS r"),
                 {task, t}, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, error);
        const auto decided = attempt(
            c.actor,
            {{QStringLiteral("SELECT cd_api.decide_task(?, 'validated', NULL, 1)"), {task}}});
        Sql::run(dba, QStringLiteral("DELETE FROM task_reviewers WHERE task_id = ?"), {task},
                 &error);
        Sql::run(dba, QStringLiteral("DELETE FROM validation_tasks WHERE id = ?"), {task}, &error);
        Sql::run(dba,
                 QStringLiteral("UPDATE certificates SET status = 'accepted', uploader_id = NULL "
                                "WHERE owner_id = ? AND name = 'Fixture'"),
                 {t}, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, error);
        return yesNo(decided);
    }
    // Imports: the PDF, then the certificate as the server expects it.
    const QByteArray pdf = "%PDF-1.4 case " + c.id.toUtf8() + ' ' + QByteArray::number(++m_serial);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
    const QPair<QString, QVariantList> blob{QStringLiteral("SELECT cd_api.store_pdf(?, ?, 1, ?)"),
                                            {sha, qint64(pdf.size()), pdf}};
    const auto import = [&](const QString &status, const QVariant &templateId,
                            const QVariant &credits) {
        return attempt(c.actor,
                       {blob,
                        {QStringLiteral("SELECT cd_api.import_certificate(?, 'Case', CURRENT_DATE "
                                        "- 1, NULL, ?, ?, ?, ?, NULL, NULL, NULL, NULL)"),
                         {t, templateId, credits, status, sha}}});
    };
    const QString expected =
        m_switches.value(QStringLiteral("validation.required")) == QLatin1String("on")
            ? QStringLiteral("pending")
            : QStringLiteral("accepted");
    const QVariant noTemplate(QMetaType::fromType<qint64>());
    const QVariant noCredits(QMetaType::fromType<double>());
    if (c.question == QLatin1String("may-import"))
        return yesNo(import(expected, noTemplate, noCredits));
    if (c.question == QLatin1String("form-template"))
        return yesNo(import(expected, m_template, noCredits));
    if (c.question == QLatin1String("form-credits"))
        return yesNo(import(expected, noTemplate, 1.5));
    if (c.question == QLatin1String("save-label")) {
        // What the server lets a new certificate be: pending means the form
        // sends it for validation (R2).
        const auto pending = import(QStringLiteral("pending"), noTemplate, noCredits);
        const auto accepted = import(QStringLiteral("accepted"), noTemplate, noCredits);
        if (!pending || !accepted)
            return makeError(ErrorKind::Storage, pending ? accepted.message() : pending.message());
        if (pending.value() == accepted.value())
            return makeError(ErrorKind::Invalid,
                             QStringLiteral("the server lets the certificate be pending and "
                                            "accepted alike (%1)")
                                 .arg(pending.value()));
        return pending.value() ? kSend : kSave;
    }
    return makeError(ErrorKind::Invalid, QStringLiteral("unknown question ") + c.question);
}

QTEST_GUILESS_MAIN(TestServerPolicy)
#include "tst_server_policy.moc"

void TestServerPolicy::compliance_eachLoginSeesItsScope_requirementsByAdminsOnly()
{
    QSqlDatabase dba = m_db->db().connection();
    QString error;
    // Every member of every group must hold the fixture template.
    Sql::run(dba,
             QStringLiteral("INSERT INTO group_requirements (group_id, template_id, created_at) "
                            "SELECT id, ?, now() FROM groups WHERE parent_id IS NULL"),
             {m_template}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Policy policy(dba);
    QSet<Id> members;
    QSqlQuery q = Sql::run(dba,
                           QStringLiteral("SELECT DISTINCT m.user_id FROM memberships m JOIN "
                                          "users u ON u.id = m.user_id WHERE u.deleted = FALSE"),
                           {}, &error);
    while (q.next())
        members.insert(q.value(0).toLongLong());
    QVERIFY(members.size() > 5);

    QSqlQuery root =
        Sql::run(dba, QStringLiteral("SELECT id FROM groups WHERE parent_id IS NULL"), {}, &error);
    QVERIFY(root.next());
    const Id platformGroup = root.value(0).toLongLong();
    ComplianceQuery query;
    query.today = QDate::currentDate();
    int viewers = 0;
    for (const auto &u : m_org->users()) {
        if (u.deleted)
            continue;
        const Id actor = m_org->userId(u.email);
        QSet<Id> expected;
        for (const Id person : std::as_const(members)) {
            if (policy.inScope(actor, person))
                expected.insert(person);
        }
        Database *own = as(u.email);
        QVERIFY(own);
        // The API itself, called by hand: never anyone outside the scope.
        QSqlQuery page = Sql::run(own->connection(),
                                  QStringLiteral("SELECT id FROM cd_api.compliance_page(0, 0, "
                                                 "NULL, 'name', current_date, current_date + 30, "
                                                 "NULL, '', 0, 10000)"),
                                  {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<Id> seen;
        while (page.next())
            seen.insert(page.value(0).toLongLong());
        QVERIFY2(seen == expected, qPrintable(u.email));
        // Everyone's cells asked for: only the scope's come back.
        QStringList all;
        for (const Id person : std::as_const(members))
            all << QString::number(person);
        QSqlQuery cells = Sql::run(
            own->connection(),
            QStringLiteral("SELECT DISTINCT owner_id FROM "
                           "cd_api.compliance_cells(CAST(? AS BIGINT[]), "
                           "0, current_date)"),
            {QString(QLatin1Char('{') + all.join(QLatin1Char(',')) + QLatin1Char('}'))}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<Id> cellOwners;
        while (cells.next())
            cellOwners.insert(cells.value(0).toLongLong());
        QVERIFY2(cellOwners == expected, qPrintable(u.email));
        // The export of every certificate of their scope (each person of
        // the organisation holds one): exactly the people of their scope.
        QSet<Id> holders;
        for (const auto &other : m_org->users()) {
            const Id id = m_org->userId(other.email);
            if (policy.inScope(actor, id))
                holders.insert(id);
        }
        QSqlQuery exported =
            Sql::run(own->connection(),
                     QStringLiteral("SELECT owner_id FROM cd_api.certificate_export('{}', "
                                    "current_date, current_date + 30, NULL, 0, 10000)"),
                     {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<Id> owners;
        while (exported.next())
            owners.insert(exported.value(0).toLongLong());
        QVERIFY2(owners == holders, qPrintable(u.email));
        // The service on their login: the same people, or a refusal for
        // those who see no compliance picture.
        ComplianceService service(*own);
        if (!policy.mayViewCompliance(actor)) {
            QVERIFY(!service.page(actor, query, {}, 10000));
            continue;
        }
        ++viewers;
        const auto rows = service.page(actor, query, {}, 10000);
        QVERIFY2(rows, qPrintable(rows.message()));
        QSet<Id> listed;
        for (const ComplianceRow &row : rows.value())
            listed.insert(row.userId);
        QVERIFY2(listed == expected, qPrintable(u.email));
        QCOMPARE(service.count(actor, query).value(), int(expected.size()));
        const auto totals = service.totals(actor, query);
        QVERIFY2(totals, qPrintable(totals.message()));
        QCOMPARE(totals->size(), 1);
        QCOMPARE(totals->first().required(), int(expected.size()));

        // Requirements: the server answers as the C++ policy does, for
        // every group; a removal by someone without the right removes nothing.
        // The Policy's answer for all groups at once is its answer for each.
        QList<Id> allGroups;
        for (const auto &g : m_org->groups())
            allGroups << m_org->groupId(g.name);
        const QSet<Id> mayGroups = policy.requirementGroups(actor, allGroups);
        for (const Id group : std::as_const(allGroups))
            QVERIFY2(mayGroups.contains(group) == bool(policy.mayChangeRequirements(actor, group)),
                     qPrintable(u.email));
        for (const auto &g : m_org->groups()) {
            const Id group = m_org->groupId(g.name);
            if (group == platformGroup)
                continue; // required already: the insert would be a duplicate
            const bool may = bool(policy.mayChangeRequirements(actor, group));
            const auto added = attempt(
                u.email, {{QStringLiteral("INSERT INTO group_requirements (group_id, template_id, "
                                          "created_at, created_by) VALUES (?, ?, now(), "
                                          "cd_api.me())"),
                           {group, m_template}}});
            QVERIFY2(added, qPrintable(added.message()));
            QVERIFY2(added.value() == may, qPrintable(u.email + QLatin1Char(' ') + g.name));
        }
    }
    QVERIFY(viewers > 3);
    // A learner's own login: no removal of anyone's requirement, no forged author.
    const QString learner = m_org->users().constLast().email;
    Id other = 0;
    for (const auto &g : m_org->groups()) {
        if (m_org->groupId(g.name) != platformGroup)
            other = m_org->groupId(g.name);
    }
    const auto removed = attempt(
        learner,
        {{QStringLiteral("DELETE FROM group_requirements WHERE template_id = ?"), {m_template}}});
    QVERIFY(removed);
    QVERIFY(!removed.value());
    const auto forged =
        attempt(m_org->users().first().email,
                {{QStringLiteral("INSERT INTO group_requirements (group_id, template_id, "
                                 "created_at, created_by) VALUES (?, ?, now(), ?)"),
                  {other, m_template, m_org->userId(learner)}}});
    QVERIFY(forged);
    QVERIFY(!forged.value());
}
