// certdesk-cli as scripts see it: help, version, usage errors (exit 2),
// init and the first admin, sign-in, settings, users and the JSON keys CLI.md
// documents. Imports and reviews: tst_cli_import.cpp. Every test runs once on
// SQLite and once on PostgreSQL.
#include "CliFixture.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(CERTDESK_BIN_DIR "/certdesk-cli")),
                 "certdesk-cli is not built");
    }
    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_fx = std::make_unique<CliFixture>(backend);
        QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    }
    void cleanup()
    {
        m_fx.reset();
        qunsetenv("CERTDESK_TODAY"); // whatever a failed test left
    }

    void helpAndVersion_exitZero();
    void usageErrors_exitTwoWithHint();
    void missingDatabase_refusedAndNotCreated();
    void init_createsSchemaThenFirstAdminOnce();
    void signIn_wrongPasswordRefused();
    void signIn_passwordFromStdin();
    void settings_readByAnyoneChangedByPlatformAdminsOnly();
    void settings_mailTransportAndFolder_setShownRefused();
    void users_deleteListsInDeletedTabThenRestore();
    void groupAndUserAdd_viaCli();
    void json_listsHaveDocumentedKeys();
    void tasksJson_signalsOfWrongNameAndLink();
    void me_showsAndSetsOwnReminderEmails();
    void reminders_onTheDemo_sentOnceThenNothing();
    void renewAndRevoke_onTheDemo();
    void mailRelay_sendsTheDaysReminders();

private:
    std::unique_ptr<CliFixture> m_fx;
};

void TestCli::helpAndVersion_exitZero()
{
    const CliRun version = m_fx->run({QStringLiteral("--version")}, QString(), {}, false);
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("certdesk-cli 0.1.0\n"));
    QVERIFY(version.err.isEmpty());

    const CliRun help = m_fx->run({QStringLiteral("--help")}, QString(), {}, false);
    QCOMPARE(help.exitCode, 0);
    for (const char *command :
         {"init", "demo", "group add", "user add", "user delete", "user restore", "users", "me",
          "settings", "templates", "import", "certificates", "tasks", "review", "notifications"})
        QVERIFY2(help.out.contains(QStringLiteral("  ") + QString::fromLatin1(command) +
                                   QStringLiteral("  ")),
                 command);

    for (const QStringList &args : {QStringList{QStringLiteral("help"), QStringLiteral("import")},
                                    QStringList{QStringLiteral("import"), QStringLiteral("--help")},
                                    QStringList{QStringLiteral("-h"), QStringLiteral("import")}}) {
        const CliRun r = m_fx->run(args, QString(), {}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("--delivered YYYY-MM-DD")), r.describe());
        QVERIFY2(r.out.contains(QStringLiteral("Example:")), r.describe());
    }
    const CliRun group = m_fx->run({QStringLiteral("user"), QStringLiteral("--help")});
    QCOMPARE(group.exitCode, 0);
    QVERIFY(group.out.contains(QStringLiteral("user add")));
    QVERIFY(group.out.contains(QStringLiteral("user restore")));
}

void TestCli::usageErrors_exitTwoWithHint()
{
    const QString pdf = m_fx->pdfFile(QStringLiteral("Usage"));
    const QList<QStringList> cases = {
        {QStringLiteral("frobnicate")},
        {},
        {QStringLiteral("--bogus"), QStringLiteral("users")},
        {QStringLiteral("users"), QStringLiteral("--bogus")},
        {QStringLiteral("users"), QStringLiteral("-x")},
        {QStringLiteral("user")},
        {QStringLiteral("user"), QStringLiteral("rename"), QStringLiteral("a@b.c")},
        {QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("import"), pdf,
         QStringLiteral("--delivered"), QStringLiteral("2025-01-10")}, // --name missing
        {QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("import"),
         QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--delivered"),
         QStringLiteral("2025-01-10")}, // FILE missing
        {QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("import"), pdf,
         QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--name"),
         QStringLiteral("Y"), QStringLiteral("--delivered"), QStringLiteral("2025-01-10")},
        {QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("import"), pdf,
         QStringLiteral("--name"), QStringLiteral("--delivered"), QStringLiteral("2025-01-10")},
        {QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("review"),
         QStringLiteral("1"), QStringLiteral("--validate"), QStringLiteral("--reject")},
        {QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("review"),
         QStringLiteral("1")},
        {QStringLiteral("--as"), CliFixture::adminEmail(), QStringLiteral("review"),
         QStringLiteral("1"), QStringLiteral("--validate"), QStringLiteral("--expires"),
         QStringLiteral("2030-01-01"), QStringLiteral("--no-expiry")},
        {QStringLiteral("--json=yes"), QStringLiteral("users")},
        {QStringLiteral("users"), QStringLiteral("extra")},
        {QStringLiteral("users")}, // needs --as
        {QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("a@b.example")},
        {QStringLiteral("--db"), QStringLiteral("x.sqlite"), QStringLiteral("users")},
    };
    const auto before = m_fx->counts();
    for (const QStringList &args : cases) {
        const CliRun r = m_fx->run(args, CliFixture::password());
        const QByteArray what = args.join(QLatin1Char(' ')).toUtf8() + '\n' + r.describe();
        QVERIFY2(r.exitCode == 2, what.constData());
        QVERIFY2(r.out.isEmpty(), what.constData());
        const QStringList lines = r.errLines();
        QVERIFY2(lines.size() == 2, what.constData());
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("certdesk-cli: ")), what.constData());
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Try 'certdesk-cli ")), what.constData());
        QVERIFY2(lines.at(1).endsWith(QStringLiteral("--help'.")), what.constData());
    }
    QCOMPARE(m_fx->counts(), before);
    const CliRun noActor = m_fx->run({QStringLiteral("certificates")});
    QVERIFY2(noActor.err.contains(QStringLiteral("--as EMAIL")), noActor.describe());
}

void TestCli::missingDatabase_refusedAndNotCreated()
{
    const QString path = m_fx->filePath(QStringLiteral("nothing-here.sqlite"));
    const CliRun r = m_fx->run({QStringLiteral("--db"), path, QStringLiteral("--as"),
                                CliFixture::adminEmail(), QStringLiteral("users")},
                               CliFixture::password(), {}, false);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QStringLiteral("init")), r.describe());
    QVERIFY(!QFileInfo::exists(path));

    // A first admin with too short a password: refused before any file exists.
    const CliRun shortPassword = m_fx->run(
        {QStringLiteral("--db"), path, QStringLiteral("init"), QStringLiteral("--admin"),
         QStringLiteral("first@example.org"), QStringLiteral("--name"), QStringLiteral("First")},
        QStringLiteral("abc"), {}, false);
    QCOMPARE(shortPassword.exitCode, 1);
    QVERIFY2(shortPassword.err.contains(QStringLiteral("too short")), shortPassword.describe());
    QVERIFY(!QFileInfo::exists(path));

    // A migrated database without users: init has not added anyone yet.
    const CliRun nobody = m_fx->as(CliFixture::adminEmail(), {QStringLiteral("users")});
    QCOMPARE(nobody.exitCode, 1);
    QCOMPARE(nobody.errLines().size(), 1);
}

void TestCli::init_createsSchemaThenFirstAdminOnce()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend == QLatin1String("sqlite")) {
        const QString fresh = m_fx->filePath(QStringLiteral("sub/fresh.sqlite"));
        CliRun r = m_fx->run({QStringLiteral("--db"), fresh, QStringLiteral("init")}, QString(), {},
                             false);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.out.startsWith(QStringLiteral("Created the CertDesk schema")), r.describe());
        QVERIFY(QFileInfo::exists(fresh));
        r = m_fx->run(
            {QStringLiteral("--db"), fresh, QStringLiteral("--json"), QStringLiteral("init")},
            QString(), {}, false);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().object().value(QStringLiteral("action")).toString(),
                 QStringLiteral("unchanged"));
    }
    // The test database is migrated but has no users.
    CliRun r =
        m_fx->run({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--admin"),
                   CliFixture::adminEmail(), QStringLiteral("--name"), QStringLiteral("Ada Admin")},
                  CliFixture::password());
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject json = r.json().object();
    QCOMPARE(json.value(QStringLiteral("action")).toString(), QStringLiteral("unchanged"));
    QCOMPARE(json.value(QStringLiteral("admin")).toObject().value(QStringLiteral("email")),
             QJsonValue(CliFixture::adminEmail()));

    r = m_fx->as(CliFixture::adminEmail(), {QStringLiteral("--json"), QStringLiteral("users")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().array().size(), 1);
    const QJsonArray memberships =
        r.json().array().at(0).toObject().value(QStringLiteral("memberships")).toArray();
    QCOMPARE(memberships.at(0).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("admin"));

    const auto before = m_fx->counts();
    r = m_fx->run({QStringLiteral("init"), QStringLiteral("--admin"),
                   QStringLiteral("second@test.example"), QStringLiteral("--name"),
                   QStringLiteral("Second")},
                  CliFixture::password());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_fx->counts(), before);

    r = m_fx->run({QStringLiteral("init"), QStringLiteral("--admin"),
                   QStringLiteral("not-an-email"), QStringLiteral("--name"), QStringLiteral("X")},
                  CliFixture::password());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
}

void TestCli::signIn_wrongPasswordRefused()
{
    QVERIFY(m_fx->makeOrganisation());
    const QStringList args = {QStringLiteral("--as"), CliFixture::adminEmail(),
                              QStringLiteral("users")};
    const CliRun wrong = m_fx->run(args, QStringLiteral("not-the-password"));
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(wrong.out.isEmpty());
    QCOMPARE(wrong.errLines().size(), 1);
    QVERIFY2(wrong.err.startsWith(QStringLiteral("certdesk-cli: ")), wrong.describe());

    const CliRun unknown = m_fx->run(
        {QStringLiteral("--as"), QStringLiteral("nobody@test.example"), QStringLiteral("users")},
        QStringLiteral("not-the-password"));
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(unknown.err, wrong.err); // no probing for which accounts exist

    const CliRun none = m_fx->run(args); // no variable, nothing on stdin
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(QStringLiteral("CERTDESK_PASSWORD")), none.describe());
}

void TestCli::signIn_passwordFromStdin()
{
    QVERIFY(m_fx->makeOrganisation());
    const CliRun r =
        m_fx->run({QStringLiteral("--as"), CliFixture::leadEmail(), QStringLiteral("users")},
                  QString(), CliFixture::password().toUtf8() + "\n");
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(CliFixture::learnerEmail()));
    QVERIFY(r.err.isEmpty()); // no prompt when stdin is not a terminal
}

void TestCli::settings_readByAnyoneChangedByPlatformAdminsOnly()
{
    QVERIFY(m_fx->makeOrganisation());
    CliRun r = m_fx->as(CliFixture::learnerEmail(), {QStringLiteral("settings")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.startsWith(QStringLiteral("KEY")));
    r = m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("settings"), QStringLiteral("validation.required")});
    QCOMPARE(r.out, QStringLiteral("off\n"));

    const auto before = m_fx->counts();
    for (const QString &who : {CliFixture::learnerEmail(), CliFixture::leadEmail()}) {
        r = m_fx->as(who, {QStringLiteral("settings"), QStringLiteral("validation.required"),
                           QStringLiteral("on")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.contains(QStringLiteral("platform admins")), r.describe());
    }
    for (const QStringList &bad :
         {QStringList{QStringLiteral("validation.reviewers"), QStringLiteral("robots")},
          QStringList{QStringLiteral("pdf.max-size-mb"), QStringLiteral("huge")},
          QStringList{QStringLiteral("expiry.soon-days"), QStringLiteral("0")},
          QStringList{QStringLiteral("expiry.soon-days"), QStringLiteral("366")},
          QStringList{QStringLiteral("import.enabled"), QStringLiteral("maybe")},
          QStringList{QStringLiteral("no.such.key"), QStringLiteral("on")},
          QStringList{QStringLiteral("no.such.key")}}) {
        r = m_fx->as(CliFixture::adminEmail(), QStringList{QStringLiteral("settings")} + bad);
        QVERIFY2(r.exitCode == 1, r.describe());
        QCOMPARE(r.errLines().size(), 1);
    }
    QCOMPARE(m_fx->counts(), before);
    QCOMPARE(m_fx->setting(QStringLiteral("validation.required")), QStringLiteral("off"));

    r = m_fx->as(CliFixture::adminEmail(),
                 {QStringLiteral("--json"), QStringLiteral("settings"),
                  QStringLiteral("validation.reviewers"), QStringLiteral("managers")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QStringLiteral("value")).toString(),
             QStringLiteral("managers"));
    QCOMPARE(m_fx->setting(QStringLiteral("validation.reviewers")), QStringLiteral("managers"));
}

void TestCli::settings_mailTransportAndFolder_setShownRefused()
{
    QVERIFY(m_fx->makeOrganisation());
    const QString admin = CliFixture::adminEmail();
    // Listed with the others, with what they mean.
    CliRun r = m_fx->as(admin, {QStringLiteral("settings")});
    QVERIFY2(r.exitCode == 0, r.describe());
    for (const QString &key : {QStringLiteral("mail.transport"), QStringLiteral("mail.folder")}) {
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        const auto line = std::find_if(lines.cbegin(), lines.cend(), [&key](const QString &l) {
            return l.startsWith(key + QLatin1Char(' '));
        });
        QVERIFY2(line != lines.cend(), r.describe());
        QVERIFY2(line->contains(PlatformSettings::describe(key)), qPrintable(*line));
    }
    r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("mail.transport")});
    QCOMPARE(r.out, QStringLiteral("smtp\n"));
    r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("mail.folder")});
    QCOMPARE(r.out, QStringLiteral("\n"));

    // Bad values: exit 1, one line that says why, nothing written.
    const auto before = m_fx->counts();
    const QString folder = m_fx->filePath(QStringLiteral("outbox"));
    r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("mail.transport"),
                         QStringLiteral("pigeon")});
    QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1, r.describe());
    QVERIFY2(r.err.contains(QLatin1String("smtp")) && r.err.contains(QLatin1String("folder")),
             r.describe());
    r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("mail.folder"),
                         QStringLiteral("relative/outbox")});
    QVERIFY2(r.exitCode == 1 && r.errLines().size() == 1, r.describe());
    QVERIFY2(r.err.contains(QLatin1String("absolute")), r.describe());
    r = m_fx->as(
        CliFixture::learnerEmail(),
        {QStringLiteral("settings"), QStringLiteral("mail.transport"), QStringLiteral("folder")});
    QVERIFY2(r.exitCode == 1 && r.err.contains(QLatin1String("platform admins")), r.describe());
    QCOMPARE(m_fx->counts(), before);
    QCOMPARE(m_fx->setting(QStringLiteral("mail.transport")), QStringLiteral("smtp"));

    // Good values: set, then shown, in text and JSON.
    r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("mail.transport"),
                         QStringLiteral("folder")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out, QStringLiteral("mail.transport is now folder.\n"));
    r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("mail.folder"), folder});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out, QStringLiteral("mail.folder is now %1.\n").arg(folder));
    r = m_fx->as(admin, {QStringLiteral("--json"), QStringLiteral("settings"),
                         QStringLiteral("mail.folder")});
    QCOMPARE(r.json().object().value(QStringLiteral("value")).toString(), folder);
    QCOMPARE(r.json().object().value(QStringLiteral("description")).toString(),
             PlatformSettings::describe(QStringLiteral("mail.folder")));
    r = m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("settings"), QStringLiteral("mail.transport")});
    QCOMPARE(r.out, QStringLiteral("folder\n"));

    // mail status names the folder once the sender is set too.
    r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("mail.from"),
                         QStringLiteral("noreply@test.example")});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = m_fx->as(admin, {QStringLiteral("mail"), QStringLiteral("status")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("Folder: %1").arg(folder)),
             r.describe());
    r = m_fx->as(admin,
                 {QStringLiteral("--json"), QStringLiteral("mail"), QStringLiteral("status")});
    const QJsonObject status = r.json().object();
    QCOMPARE(status.value(QStringLiteral("transport")).toString(), QStringLiteral("folder"));
    QCOMPARE(status.value(QStringLiteral("folder")).toString(), folder);
    QCOMPARE(status.value(QStringLiteral("configured")).toBool(), true);
}

void TestCli::users_deleteListsInDeletedTabThenRestore()
{
    QVERIFY(m_fx->makeOrganisation());
    const QString admin = CliFixture::adminEmail();
    CliRun r = m_fx->as(
        admin, {QStringLiteral("user"), QStringLiteral("delete"), CliFixture::learnerEmail()});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = m_fx->as(admin,
                 {QStringLiteral("users"), QStringLiteral("--deleted"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().array().size(), 1);
    QCOMPARE(r.json().array().at(0).toObject().value(QStringLiteral("email")).toString(),
             CliFixture::learnerEmail());
    QCOMPARE(r.json().array().at(0).toObject().value(QStringLiteral("deleted")), QJsonValue(true));
    r = m_fx->as(admin, {QStringLiteral("users")});
    QVERIFY(!r.out.contains(CliFixture::learnerEmail()));

    // A deleted user cannot sign in; deleting twice is refused.
    r = m_fx->as(CliFixture::learnerEmail(), {QStringLiteral("certificates")});
    QCOMPARE(r.exitCode, 1);
    r = m_fx->as(admin,
                 {QStringLiteral("user"), QStringLiteral("delete"), CliFixture::learnerEmail()});
    QCOMPARE(r.exitCode, 1);
    // The outsider's group is not the lead's: refused.
    r = m_fx->as(CliFixture::leadEmail(),
                 {QStringLiteral("user"), QStringLiteral("delete"), CliFixture::outsiderEmail()});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);

    r = m_fx->as(admin,
                 {QStringLiteral("user"), QStringLiteral("restore"), CliFixture::learnerEmail()});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = m_fx->as(admin, {QStringLiteral("users"), QStringLiteral("--deleted")});
    QCOMPARE(r.out, QStringLiteral("No deleted users.\n"));
}

void TestCli::groupAndUserAdd_viaCli()
{
    QVERIFY(m_fx->makeOrganisation());
    const QString admin = CliFixture::adminEmail();
    CliRun r = m_fx->as(admin, {QStringLiteral("group"), QStringLiteral("add"),
                                QStringLiteral("Team Nord"), QStringLiteral("--parent"),
                                QStringLiteral("Team")});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = m_fx->as(admin,
                 {QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("add"),
                  QStringLiteral("new@test.example"), QStringLiteral("--name"),
                  QStringLiteral("Nour Nouveau"), QStringLiteral("--member"),
                  QStringLiteral("Team Nord:learner"), QStringLiteral("--member"),
                  QStringLiteral("Other:coach"), QStringLiteral("--manager"),
                  CliFixture::leadEmail(), QStringLiteral("--password"), QStringLiteral("pw-1234"),
                  QStringLiteral("--language"), QStringLiteral("fr")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject user = r.json().object();
    QCOMPARE(user.value(QStringLiteral("manager_email")).toString(), CliFixture::leadEmail());
    QCOMPARE(user.value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
    QCOMPARE(user.value(QStringLiteral("memberships")).toArray().size(), 2);
    r = m_fx->run({QStringLiteral("--as"), QStringLiteral("new@test.example"),
                   QStringLiteral("certificates")},
                  QStringLiteral("pw-1234"));
    QVERIFY2(r.exitCode == 0, r.describe());

    const auto before = m_fx->counts();
    for (const QStringList &bad :
         {QStringList{QStringLiteral("x@test.example"), QStringLiteral("--name"),
                      QStringLiteral("X"), QStringLiteral("--member"), QStringLiteral("Team:boss")},
          QStringList{QStringLiteral("x@test.example"), QStringLiteral("--name"),
                      QStringLiteral("X"), QStringLiteral("--member"), QStringLiteral("Team")},
          QStringList{QStringLiteral("x@test.example"), QStringLiteral("--name"),
                      QStringLiteral("X"), QStringLiteral("--member"),
                      QStringLiteral("Nowhere:learner")},
          QStringList{QStringLiteral("new@test.example"), QStringLiteral("--name"),
                      QStringLiteral("Twice")},
          QStringList{QStringLiteral("not-an-email"), QStringLiteral("--name"),
                      QStringLiteral("X")}}) {
        r = m_fx->as(admin, QStringList{QStringLiteral("user"), QStringLiteral("add")} + bad);
        QVERIFY2(r.exitCode == 1, r.describe());
        QCOMPARE(r.errLines().size(), 1);
    }
    // A learner adds nobody.
    r = m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("y@test.example"),
                  QStringLiteral("--name"), QStringLiteral("Y"), QStringLiteral("--member"),
                  QStringLiteral("Team:learner")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(m_fx->counts(), before);
}

void TestCli::me_showsAndSetsOwnReminderEmails()
{
    QVERIFY(m_fx->makeOrganisation());
    const QString learner = CliFixture::learnerEmail();
    CliRun r = m_fx->as(learner, {QStringLiteral("me")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains(learner) && r.out.contains(QStringLiteral("Reminder emails: on")),
             r.describe());
    r = m_fx->as(learner, {QStringLiteral("me"), QStringLiteral("set"),
                           QStringLiteral("reminder-emails"), QStringLiteral("off")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains(QStringLiteral("Reminder emails are off")), r.describe());
    r = m_fx->as(learner, {QStringLiteral("--json"), QStringLiteral("me")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject me = r.json().object();
    QCOMPARE(sortedKeys(me),
             (QStringList{QStringLiteral("email"), QStringLiteral("id"), QStringLiteral("name"),
                          QStringLiteral("reminder_emails")}));
    QCOMPARE(me.value(QStringLiteral("email")).toString(), learner);
    QCOMPARE(me.value(QStringLiteral("reminder_emails")).toBool(), false);
    // Someone else's stays as it was.
    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("--json"), QStringLiteral("me")});
    QCOMPARE(r.json().object().value(QStringLiteral("reminder_emails")).toBool(), true);

    // Bad input: exit 1 with the reason, or 2 for a malformed command; nothing changes.
    const QList<QPair<QStringList, int>> bad{
        {{QStringLiteral("me"), QStringLiteral("set"), QStringLiteral("reminder-emails"),
          QStringLiteral("maybe")},
         1},
        {{QStringLiteral("me"), QStringLiteral("set"), QStringLiteral("language"),
          QStringLiteral("fr")},
         1},
        {{QStringLiteral("me"), QStringLiteral("set"), QStringLiteral("reminder-emails")}, 2},
        {{QStringLiteral("me"), QStringLiteral("unset"), QStringLiteral("reminder-emails"),
          QStringLiteral("on")},
         2},
    };
    for (const auto &[args, code] : bad) {
        r = m_fx->as(learner, args);
        QVERIFY2(r.exitCode == code, r.describe());
        QVERIFY2(!r.errLines().isEmpty(), r.describe());
    }
    r = m_fx->as(learner, {QStringLiteral("--json"), QStringLiteral("me")});
    QCOMPARE(r.json().object().value(QStringLiteral("reminder_emails")).toBool(), false);
}

void TestCli::json_listsHaveDocumentedKeys()
{
    QVERIFY(m_fx->makeOrganisation());
    const QString admin = CliFixture::adminEmail();
    const QString pdf = m_fx->pdfFile(QStringLiteral("Keys"));
    CliRun r = m_fx->as(admin, {QStringLiteral("settings"), QStringLiteral("validation.required"),
                                QStringLiteral("on")});
    QVERIFY2(r.exitCode == 0, r.describe());
    r = m_fx->as(CliFixture::learnerEmail(),
                 {QStringLiteral("import"), pdf, QStringLiteral("--name"), QStringLiteral("Keys"),
                  QStringLiteral("--delivered"), QStringLiteral("2025-01-10")});
    QVERIFY2(r.exitCode == 0, r.describe());

    const QStringList certificateKeys = sorted(
        {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("owner_email"),
         QStringLiteral("owner_name"), QStringLiteral("name"), QStringLiteral("delivered"),
         QStringLiteral("expires"), QStringLiteral("template"), QStringLiteral("credits"),
         QStringLiteral("status"), QStringLiteral("display_status"), QStringLiteral("pdf_sha256"),
         QStringLiteral("uploaded_sha256"), QStringLiteral("pdf_repairs")});
    const struct
    {
        QString who;
        QStringList args;
        QStringList keys;
    } lists[] = {
        {CliFixture::learnerEmail(), {QStringLiteral("certificates")}, certificateKeys},
        {admin,
         {QStringLiteral("users")},
         sorted({QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("name"),
                 QStringLiteral("manager_email"), QStringLiteral("manager_name"),
                 QStringLiteral("deleted"), QStringLiteral("language"),
                 QStringLiteral("memberships")})},
        {CliFixture::leadEmail(),
         {QStringLiteral("tasks")},
         sorted({QStringLiteral("id"), QStringLiteral("state"), QStringLiteral("created_at"),
                 QStringLiteral("decided_at"), QStringLiteral("decided_by_email"),
                 QStringLiteral("decided_by_name"), QStringLiteral("comment"),
                 QStringLiteral("certificate"), QStringLiteral("signals")})},
        {CliFixture::leadEmail(),
         {QStringLiteral("notifications")},
         sorted({QStringLiteral("id"), QStringLiteral("category"), QStringLiteral("title"),
                 QStringLiteral("body"), QStringLiteral("certificate_id"),
                 QStringLiteral("certificate_name"), QStringLiteral("task_id"),
                 QStringLiteral("actor_name"), QStringLiteral("comment"),
                 QStringLiteral("created_at"), QStringLiteral("read"),
                 QStringLiteral("days_left")})},
        {admin,
         {QStringLiteral("settings")},
         sorted({QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("description")})},
    };
    for (const auto &list : lists) {
        r = m_fx->as(list.who, QStringList{QStringLiteral("--json")} + list.args);
        QVERIFY2(r.exitCode == 0, r.describe());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isArray(), r.describe());
        QVERIFY2(!doc.array().isEmpty(), r.describe());
        for (const QJsonValue row : doc.array())
            QCOMPARE(sortedKeys(row.toObject()), list.keys);
    }
    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("--json"), QStringLiteral("tasks")});
    const QJsonObject certificate =
        r.json().array().at(0).toObject().value(QStringLiteral("certificate")).toObject();
    QCOMPARE(sortedKeys(certificate), certificateKeys);
    QCOMPARE(certificate.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(certificate.value(QStringLiteral("expires")), QJsonValue(QJsonValue::Null));
    QCOMPARE(certificate.value(QStringLiteral("delivered")).toString(),
             QStringLiteral("2025-01-10"));
    QCOMPARE(certificate.value(QStringLiteral("pdf_sha256")).toString().size(), 64);
    // The signals of the task's stored PDF (CLI.md, JSON output), read by the
    // PDF reader as the task view reads them.
    const QJsonObject signals_ =
        r.json().array().at(0).toObject().value(QStringLiteral("signals")).toObject();
    QCOMPARE(sortedKeys(signals_),
             sorted({QStringLiteral("read"), QStringLiteral("name_on_pdf"),
                     QStringLiteral("name_matches"), QStringLiteral("same_file_elsewhere"),
                     QStringLiteral("links"), QStringLiteral("qr_codes"),
                     QStringLiteral("signatures"), QStringLiteral("scan")}));
    QCOMPARE(signals_.value(QStringLiteral("read")).toString(), QStringLiteral("none"));
    QVERIFY(signals_.value(QStringLiteral("signatures")).toArray().isEmpty());
    QCOMPARE(signals_.value(QStringLiteral("scan")), QJsonValue(false));
    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("--json"), QStringLiteral("tasks"),
                                           QStringLiteral("--no-signals")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(!r.json().array().at(0).toObject().contains(QStringLiteral("signals")));

    r = m_fx->as(admin, {QStringLiteral("--json"), QStringLiteral("templates")});
    QVERIFY2(r.exitCode == 0 && r.json().isArray(), r.describe());
}

// The reviewer's signals as scripts read them (CLI.md, tasks --json): a
// certificate made out to someone else, and one naming a verification URL.
void TestCli::tasksJson_signalsOfWrongNameAndLink()
{
    QVERIFY(m_fx->makeOrganisation());
    CliRun r = m_fx->as(
        CliFixture::adminEmail(),
        {QStringLiteral("settings"), QStringLiteral("validation.required"), QStringLiteral("on")});
    QVERIFY2(r.exitCode == 0, r.describe());
    CertificatePdfContent content;
    content.title = QStringLiteral("Forklift Safety");
    content.holder = QStringLiteral("Jonathan Blackwood");
    content.issuer = QStringLiteral("Test Institute");
    content.delivered = QDate(2025, 1, 10);
    content.reference = QStringLiteral("WRONG-NAME-1");
    const QString wrongName =
        m_fx->writeFile(QStringLiteral("wrong-name.pdf"), CertificatePdf::render(content));
    const QString url = QStringLiteral("https://verify.example.org/c/CLI42");
    QByteArray linked;
    {
        QBuffer buffer(&linked);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        QPainter painter(&writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(14);
        painter.setFont(font);
        painter.drawText(QPointF(200, 300), QStringLiteral("Certificate of completion"));
        painter.drawText(QPointF(200, 400), QStringLiteral("Verify it at %1.").arg(url));
    }
    const QString withLink = m_fx->writeFile(QStringLiteral("with-link.pdf"), linked);
    for (const auto &[file, name] : {std::pair{wrongName, QStringLiteral("Wrong name")},
                                     std::pair{withLink, QStringLiteral("With link")}}) {
        r = m_fx->as(CliFixture::learnerEmail(),
                     {QStringLiteral("import"), file, QStringLiteral("--name"), name,
                      QStringLiteral("--delivered"), QStringLiteral("2025-01-10")});
        QVERIFY2(r.exitCode == 0, r.describe());
    }

    r = m_fx->as(CliFixture::leadEmail(), {QStringLiteral("--json"), QStringLiteral("tasks")});
    QVERIFY2(r.exitCode == 0 && r.json().isArray(), r.describe());
    QHash<QString, QJsonObject> signalsOf; // certificate name -> signals
    for (const QJsonValue task : r.json().array()) {
        const QJsonObject object = task.toObject();
        signalsOf.insert(object.value(QStringLiteral("certificate"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString(),
                         object.value(QStringLiteral("signals")).toObject());
    }
    const QJsonObject wrong = signalsOf.value(QStringLiteral("Wrong name"));
    QVERIFY2(!wrong.isEmpty(), r.describe());
    QCOMPARE(wrong.value(QStringLiteral("name_on_pdf")).toString(),
             QStringLiteral("Jonathan Blackwood"));
    QCOMPARE(wrong.value(QStringLiteral("name_matches")), QJsonValue(false));
    QVERIFY(wrong.value(QStringLiteral("links")).toArray().isEmpty());
    const QJsonObject link = signalsOf.value(QStringLiteral("With link"));
    QVERIFY2(!link.isEmpty(), r.describe());
    QCOMPARE(link.value(QStringLiteral("links")).toArray(), QJsonArray({url}));
    QCOMPARE(link.value(QStringLiteral("scan")), QJsonValue(false));
}

void TestCli::reminders_onTheDemo_sentOnceThenNothing()
{
    // README "Reminders": a fixed today for the demo and the job alike.
    qputenv("CERTDESK_TODAY", "2027-01-15");
    CliRun r = m_fx->run({QStringLiteral("demo")});
    QVERIFY2(r.exitCode == 0, r.describe());

    const auto before = m_fx->counts();
    r = m_fx->run(
        {QStringLiteral("--json"), QStringLiteral("reminders"), QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QJsonObject dry = r.json().object();
    QCOMPARE(sortedKeys(dry),
             sorted({QStringLiteral("today"), QStringLiteral("dry_run"), QStringLiteral("count"),
                     QStringLiteral("emails"), QStringLiteral("claimed_elsewhere"),
                     QStringLiteral("sent")}));
    QCOMPARE(dry.value(QStringLiteral("today")).toString(), QStringLiteral("2027-01-15"));
    QVERIFY(dry.value(QStringLiteral("dry_run")).toBool());
    const int due = dry.value(QStringLiteral("count")).toInt();
    QVERIFY2(due >= 4, r.describe());
    const QJsonObject first = dry.value(QStringLiteral("sent")).toArray().first().toObject();
    QCOMPARE(
        sortedKeys(first),
        sorted({QStringLiteral("certificate"), QStringLiteral("name"), QStringLiteral("owner"),
                QStringLiteral("owner_id"), QStringLiteral("expires"), QStringLiteral("days_left"),
                QStringLiteral("threshold_days"), QStringLiteral("recipients")}));
    QCOMPARE(m_fx->counts(), before); // a dry run writes nothing

    r = m_fx->run({QStringLiteral("reminders")});
    QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), r.describe());
    QVERIFY2(r.out.contains(QStringLiteral("Sent %1 reminder(s) on 2027-01-15").arg(due)),
             r.describe());
    QVERIFY2(r.out.contains(QStringLiteral("First Aid at Work")), r.describe());
    // Run again: nothing.
    r = m_fx->run({QStringLiteral("reminders")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out, QStringLiteral("No reminder was due on 2027-01-15: nothing sent.\n"));
    r = m_fx->run({QStringLiteral("--json"), QStringLiteral("reminders")});
    QCOMPARE(r.json().object().value(QStringLiteral("count")).toInt(), 0);

    // Bad input: a flag with a value, an extra argument, a date that is not one.
    for (const QStringList &args :
         {QStringList{QStringLiteral("reminders"), QStringLiteral("--dry-run=yes")},
          QStringList{QStringLiteral("reminders"), QStringLiteral("now")},
          QStringList{QStringLiteral("reminders"), QStringLiteral("--days"),
                      QStringLiteral("3")}}) {
        r = m_fx->run(args);
        QVERIFY2(r.exitCode == 2, r.describe());
    }
    qputenv("CERTDESK_TODAY", "2027-02-30");
    r = m_fx->run({QStringLiteral("reminders")});
    QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("CERTDESK_TODAY")), r.describe());
    qunsetenv("CERTDESK_TODAY");
}

void TestCli::renewAndRevoke_onTheDemo()
{
    CliRun r = m_fx->run({QStringLiteral("demo")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString emma = QStringLiteral("emma.wilson@demo.example");
    const QString maria = QStringLiteral("maria.schmidt@demo.example");
    auto demo = [this](const QString &email, const QStringList &args) {
        return m_fx->run(QStringList{QStringLiteral("--as"), email} + args, QStringLiteral("demo"));
    };
    // Emma's certificates, as her manager Maria sees them.
    r = demo(maria, {QStringLiteral("--json"), QStringLiteral("certificates"),
                     QStringLiteral("--user"), emma});
    QVERIFY2(r.exitCode == 0, r.describe());
    QHash<QString, QJsonObject> byStatus;
    for (const QJsonValue v : r.json().array())
        byStatus.insert(v.toObject().value(QStringLiteral("status")).toString(), v.toObject());
    const QString validated = QString::number(
        byStatus.value(QStringLiteral("validated")).value(QStringLiteral("id")).toInt());
    const QString pending = QString::number(
        byStatus.value(QStringLiteral("pending")).value(QStringLiteral("id")).toInt());
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString file = m_fx->pdfFile(QStringLiteral("Project Management Professional 2"));

    // Renew: usage errors (exit 2), refusals (exit 1), then the renewal.
    r = demo(emma, {QStringLiteral("renew"), validated, file});
    QVERIFY2(r.exitCode == 2, r.describe()); // --delivered missing
    r = demo(emma, {QStringLiteral("renew"), validated});
    QVERIFY2(r.exitCode == 2, r.describe()); // FILE missing
    r = demo(emma, {QStringLiteral("renew"), pending, file, QStringLiteral("--delivered"), today});
    QVERIFY2(r.exitCode == 1 && r.err.contains(QStringLiteral("waiting for its review")),
             r.describe());
    r = demo(emma, {QStringLiteral("renew"), QStringLiteral("abc"), file,
                    QStringLiteral("--delivered"), today});
    QVERIFY2(r.exitCode == 1 && r.err.contains(QStringLiteral("not a certificate number")),
             r.describe());
    r = demo(emma, {QStringLiteral("--json"), QStringLiteral("renew"), validated, file,
                    QStringLiteral("--delivered"), today});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject renewal = r.json().object();
    QVERIFY(renewal.contains(QStringLiteral("task_id")) &&
            renewal.contains(QStringLiteral("reviewers")));
    QCOMPARE(renewal.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(renewal.value(QStringLiteral("name")).toString(),
             byStatus.value(QStringLiteral("validated")).value(QStringLiteral("name")).toString());

    // Revoke: never by the owner; a reason is required; once.
    r = demo(emma, {QStringLiteral("revoke"), validated, QStringLiteral("--reason"),
                    QStringLiteral("mine")});
    QVERIFY2(r.exitCode == 1 && r.err.contains(QStringLiteral("own certificate")), r.describe());
    r = demo(maria, {QStringLiteral("revoke"), validated});
    QVERIFY2(r.exitCode == 2, r.describe());
    r = demo(maria, {
                        QStringLiteral("revoke"),
                        validated,
                        QStringLiteral("--reason="),
                    });
    QVERIFY2(r.exitCode == 1 && r.err.contains(QStringLiteral("Say why")), r.describe());
    r = demo(maria, {QStringLiteral("revoke"), validated, QStringLiteral("--reason"),
                     QStringLiteral("The PMI registry has no such credential.")});
    QVERIFY2(r.exitCode == 0 && r.out.startsWith(QStringLiteral("Revoked certificate ")),
             r.describe());
    r = demo(maria, {QStringLiteral("--json"), QStringLiteral("revoke"), validated,
                     QStringLiteral("--reason"), QStringLiteral("Again.")});
    QVERIFY2(r.exitCode == 1 && r.err.contains(QStringLiteral("Maria Schmidt revoked")),
             r.describe());
    r = demo(maria, {QStringLiteral("--json"), QStringLiteral("certificates"),
                     QStringLiteral("--user"), emma});
    bool shown = false;
    for (const QJsonValue v : r.json().array())
        shown = shown ||
                (QString::number(v.toObject().value(QStringLiteral("id")).toInt()) == validated &&
                 v.toObject().value(QStringLiteral("display_status")).toString() ==
                     QLatin1String("revoked"));
    QVERIFY2(shown, r.describe());

    // The lists that answer "what lapses next" (README "Rules", Lists).
    r = demo(maria,
             {QStringLiteral("--json"), QStringLiteral("certificates"), QStringLiteral("--user"),
              emma, QStringLiteral("--status"), QStringLiteral("revoked")});
    QVERIFY2(r.exitCode == 0 && r.json().array().size() == 1, r.describe());
    r = demo(maria,
             {QStringLiteral("--json"), QStringLiteral("certificates"), QStringLiteral("--user"),
              emma, QStringLiteral("--expiring-within"), QStringLiteral("60")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QStringList expires;
    for (const QJsonValue v : r.json().array())
        expires << v.toObject().value(QStringLiteral("expires")).toString();
    QVERIFY2(!expires.isEmpty(), r.describe()); // First Aid at Work, 25 days
    QStringList sortedExpires = expires;
    sortedExpires.sort();
    QCOMPARE(expires, sortedExpires);
    for (const QStringList &bad :
         {QStringList{QStringLiteral("--status"), QStringLiteral("lapsed")},
          QStringList{QStringLiteral("--expiring-within"), QStringLiteral("-1")},
          QStringList{QStringLiteral("--expiring-within"), QStringLiteral("soon")}}) {
        r = demo(maria,
                 QStringList{QStringLiteral("certificates"), QStringLiteral("--user"), emma} + bad);
        QVERIFY2(r.exitCode == 1 && r.out.isEmpty(), r.describe());
    }
}

void TestCli::mailRelay_sendsTheDaysReminders()
{
    // The relay runs the day's reminders before the emails (README
    // "Reminders"). The demo writes its emails into a folder beside the
    // database (README "Email"): every one of them lands there.
    qputenv("CERTDESK_TODAY", "2027-01-15");
    CliRun r = m_fx->run({QStringLiteral("--json"), QStringLiteral("demo")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString folder = r.json().object().value(QStringLiteral("mail_folder")).toString();
    QVERIFY2(QDir::isAbsolutePath(folder), r.describe());
    QCOMPARE(m_fx->setting(QStringLiteral("mail.transport")), QStringLiteral("folder"));
    QCOMPARE(m_fx->setting(QStringLiteral("mail.folder")), folder);
    if (m_fx->database().backend() == QLatin1String("sqlite")) {
        const QFileInfo file(m_fx->location());
        QCOMPARE(folder,
                 file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral("-mail")));
    }
    r = m_fx->run(
        {QStringLiteral("--json"), QStringLiteral("reminders"), QStringLiteral("--dry-run")});
    const int due = r.json().object().value(QStringLiteral("count")).toInt();
    QVERIFY2(due > 0, r.describe());
    r = m_fx->run(
        {QStringLiteral("--json"), QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 0, r.describe());
    const int sent = r.json().object().value(QStringLiteral("sent")).toInt();
    QVERIFY2(sent > due, r.describe());
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.eml")}, QDir::Files).size(), sent);
    r = m_fx->run({QStringLiteral("--json"), QStringLiteral("reminders")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QStringLiteral("count")).toInt(), 0);
    QCOMPARE(m_fx->counts().value(QStringLiteral("reminders_sent"), -1), qint64(due));
    // A second pass: nothing new in the folder.
    r = m_fx->run(
        {QStringLiteral("--json"), QStringLiteral("mail-relay"), QStringLiteral("--once")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QStringLiteral("sent")).toInt(), 0);
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.eml")}, QDir::Files).size(), sent);
    QDir(folder).removeRecursively();
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
