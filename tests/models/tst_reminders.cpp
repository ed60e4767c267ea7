// Reminders before expiry (README "Reminders"): the reminders.days and
// reminders.manager settings, each threshold once, the catch-up rule, who is
// reminded and by which channel, four jobs at once over 1,000 certificates,
// and on a prepared PostgreSQL server who may run the job. On SQLite and on
// PostgreSQL.

#include "ServiceFixture.h"
#include "SmtpSink.h"
#include "mail/MailText.h"
#include "mail/OutboxSender.h"
#include "policy/SettingsService.h"
#include "services/DirectoryService.h"
#include "services/NotificationService.h"
#include "services/ReminderService.h"
#include "services/ServerSetup.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QCryptographicHash>
#include <QMutex>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

namespace {
// A fixed day the tests count from (the tests never read the clock's date).
const QDate kBase(2027, 3, 1);
} // namespace

class TestReminders : public QObject, public ServiceFixture
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { tearDown(); }

    void settings_reminderDays_parsedOrRefusedWithTheReason();
    void thresholds_eachOnce_latestOnlyAfterAGap();
    void onlyValidCertificates_ofPeopleNotDeleted();
    void recipients_managerElseGroupAdmins_eachChoiceAndLanguage();
    void dryRun_writesNothing();
    void fourJobsAtOnce_eachReminderOnce();
    void emails_arriveOnceAtTheSmtpServer();
    void server_onlyRelaysAndPlatformAdmins_tablesHidden();
    void server_fourJobsAtOnce_eachReminderOnce();

private:
    // An external certificate of owner, straight into the tables (a real PDF
    // stored once): status as given, expiring on expires.
    Id certificate(Id owner, const QString &name, const QDate &expires,
                   const QString &status = QStringLiteral("validated"),
                   const QString &kind = QStringLiteral("external"));
    ReminderRun run(const QDate &today, Database *db = nullptr, bool dryRun = false);
    int countWhere(const QString &table, const QString &where, const QVariantList &values = {});
    // The server prepared by setup (PostgreSQL only): root@example.org is
    // its platform admin; a relay login; people's logins.
    bool prepareServer();
    std::unique_ptr<Database> as(const QString &login, const QString &password);
    // Certificates for many owners, each with a manager, expiring over the
    // next 90 days: n certificates in all.
    void manyCertificates(int n);
    // Runs jobs jobs at once, each on a connection of its own; returns the
    // reminders each sent.
    QList<int> runAtOnce(int jobs, const std::function<std::unique_ptr<Database>()> &open);

    QString m_pdfSha;
    QString m_prefix;
};

void TestReminders::init()
{
    QFETCH_GLOBAL(QString, backend);
    setUp(backend);
    m_pdfSha.clear();
}

Id TestReminders::certificate(Id owner, const QString &name, const QDate &expires,
                              const QString &status, const QString &kind)
{
    const QSqlDatabase db = m_db->db().connection();
    QString error;
    if (m_pdfSha.isEmpty()) {
        const QByteArray pdf = pdfFor(QStringLiteral("Holder"), QStringLiteral("Reminded"));
        m_pdfSha =
            QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
        Sql::run(db,
                 QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                                "created_at) VALUES (?, ?, 1, ?, ?)"),
                 {m_pdfSha, pdf.size(), pdf, Sql::now()}, &error);
    }
    const Id id = Sql::insert(
        db,
        QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                       "delivered_on, expires_on, status, pdf_sha256, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {kind, owner, owner, name,
         Sql::dateOrNull(expires.isValid() ? expires.addYears(-2) : kBase.addYears(-1)),
         Sql::dateOrNull(expires), status,
         kind == QLatin1String("external") ? QVariant(m_pdfSha)
                                           : QVariant(QMetaType::fromType<QString>()),
         Sql::now(), Sql::now()},
        &error);
    if (!error.isEmpty())
        qWarning("certificate %s: %s", qPrintable(name), qPrintable(error));
    return id;
}

ReminderRun TestReminders::run(const QDate &today, Database *db, bool dryRun)
{
    ReminderService service(db ? *db : m_db->db());
    const auto result = service.run(today, dryRun);
    if (!result) {
        qWarning("reminders on %s: %s", qPrintable(today.toString(Qt::ISODate)),
                 qPrintable(result.message()));
        return ReminderRun{};
    }
    return result.value();
}

int TestReminders::countWhere(const QString &table, const QString &where,
                              const QVariantList &values)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT COUNT(*) FROM ") + table +
                               (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
                           values, &error);
    if (!error.isEmpty() || !q.next()) {
        qWarning("count %s: %s", qPrintable(table), qPrintable(error));
        return -1;
    }
    return q.value(0).toInt();
}

void TestReminders::settings_reminderDays_parsedOrRefusedWithTheReason()
{
    SettingsService settings(m_db->db());
    // Any order, blanks: stored largest first.
    QVERIFY(
        settings.set(m_admin, QStringLiteral("reminders.days"), QStringLiteral(" 7, 90,0 ,30")));
    QCOMPARE(settings.settings()->value(QStringLiteral("reminders.days")),
             QStringLiteral("90,30,7,0"));
    QCOMPARE(settings.settings()->reminderDays, (QList<int>{90, 30, 7, 0}));
    QVERIFY(settings.set(m_admin, QStringLiteral("reminders.days"), QStringLiteral("none")));
    QVERIFY(settings.settings()->reminderDays.isEmpty());
    QVERIFY(settings.set(m_admin, QStringLiteral("reminders.days"), QStringLiteral("3650,1")));

    const QList<QPair<QString, QString>> bad{
        {QStringLiteral("90,abc"), QStringLiteral("\"abc\"")},
        {QStringLiteral("-1"), QStringLiteral("\"-1\"")},
        {QStringLiteral("3651"), QStringLiteral("\"3651\"")},
        {QStringLiteral("30,30"), QStringLiteral("30 is given twice")},
        {QStringLiteral("90,,7"), QStringLiteral("\"\"")},
        {QStringLiteral("1,2,3,4,5,6,7,8,9,10,11"), QStringLiteral("at most 10")},
        {QStringLiteral("7.5"), QStringLiteral("\"7.5\"")},
    };
    for (const auto &[value, reason] : bad) {
        const auto refused = settings.set(m_admin, QStringLiteral("reminders.days"), value);
        QVERIFY2(!refused, qPrintable(value));
        QVERIFY2(refused.message().contains(reason), qPrintable(refused.message()));
    }
    // Nothing changed by the refusals.
    QCOMPARE(settings.settings()->reminderDays, (QList<int>{3650, 1}));

    QVERIFY(settings.set(m_admin, QStringLiteral("reminders.manager"), QStringLiteral("off")));
    QVERIFY(!settings.settings()->remindManager);
    QVERIFY(!settings.set(m_admin, QStringLiteral("reminders.manager"), QStringLiteral("maybe")));
    // Only platform admins change it (R1's settings rule).
    const Id learner = addUser(QStringLiteral("l@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(!settings.set(learner, QStringLiteral("reminders.days"), QStringLiteral("30")));

    // The rule: the smallest threshold not below the days left.
    PlatformSettings s;
    QCOMPARE(s.reminderThreshold(91), std::optional<int>());
    QCOMPARE(s.reminderThreshold(90), std::optional<int>(90));
    QCOMPARE(s.reminderThreshold(31), std::optional<int>(90));
    QCOMPARE(s.reminderThreshold(30), std::optional<int>(30));
    QCOMPARE(s.reminderThreshold(8), std::optional<int>(30));
    QCOMPARE(s.reminderThreshold(1), std::optional<int>(7));
    QCOMPARE(s.reminderThreshold(0), std::optional<int>(0));
    QCOMPARE(s.reminderThreshold(-1), std::optional<int>());
}

void TestReminders::thresholds_eachOnce_latestOnlyAfterAGap()
{
    const Id boss = addUser(QStringLiteral("boss@example.org"), QString(),
                            {{QStringLiteral("Sales"), Role::Coach}});
    const Id owner = addUser(QStringLiteral("emma@example.org"), QStringLiteral("boss@example.org"),
                             {{QStringLiteral("Sales"), Role::Learner}});
    const QDate expires = kBase.addDays(100);
    const Id cert = certificate(owner, QStringLiteral("First Aid at Work"), expires);
    QVERIFY(cert > 0);

    QCOMPARE(run(expires.addDays(-100)).sent.size(), 0); // no threshold reached
    QCOMPARE(run(expires.addDays(-91)).sent.size(), 0);
    ReminderRun r = run(expires.addDays(-90));
    QCOMPARE(r.sent.size(), 1);
    QCOMPARE(r.sent.first().threshold, 90);
    QCOMPARE(r.sent.first().daysLeft, 90);
    QCOMPARE(r.sent.first().recipients.size(), 2);
    QCOMPARE(r.sent.first().recipients.at(0).id, owner);
    QCOMPARE(r.sent.first().recipients.at(1).id, boss);
    // Again the same day, and the days after: nothing.
    QCOMPARE(run(expires.addDays(-90)).sent.size(), 0);
    QCOMPARE(run(expires.addDays(-60)).sent.size(), 0);
    QCOMPARE(countWhere(QStringLiteral("notifications"), QStringLiteral("category = 'reminder'")),
             2);

    // The job did not run from 90 days before to 20 days before: only the
    // 30-day reminder, not a burst, and it tells the days really left.
    r = run(expires.addDays(-20));
    QCOMPARE(r.sent.size(), 1);
    QCOMPARE(r.sent.first().threshold, 30);
    QCOMPARE(r.sent.first().daysLeft, 20);
    QCOMPARE(run(expires.addDays(-8)).sent.size(), 0);
    // From 7 days before to the day before, once; then the expiry day.
    QCOMPARE(run(expires.addDays(-7)).sent.size(), 1);
    QCOMPARE(run(expires.addDays(-1)).sent.size(), 0);
    r = run(expires);
    QCOMPARE(r.sent.size(), 1);
    QCOMPARE(r.sent.first().threshold, 0);
    // After the expiry day, nothing any more.
    QCOMPARE(run(expires.addDays(1)).sent.size(), 0);
    QCOMPARE(
        countWhere(QStringLiteral("reminders_sent"), QStringLiteral("certificate_id = ?"), {cert}),
        4);
    QCOMPARE(countWhere(QStringLiteral("notifications"), QStringLiteral("category = 'reminder'")),
             8);

    // What the owner and the manager read.
    auto inbox =
        NotificationService(m_db->db()).notifications(owner, InboxFilter::Reminders, false, 0, 10);
    QVERIFY(inbox);
    QCOMPARE(inbox->size(), 4);
    QCOMPARE(inbox->at(0).title(), QStringLiteral("\"First Aid at Work\" expires today"));
    QCOMPARE(inbox->at(1).title(), QStringLiteral("\"First Aid at Work\" expires in 7 days"));
    QCOMPARE(inbox->at(2).title(), QStringLiteral("\"First Aid at Work\" expires in 20 days"));
    QVERIFY(inbox->at(2).body().contains(QStringLiteral("renew it in time")));
    inbox =
        NotificationService(m_db->db()).notifications(boss, InboxFilter::Reminders, false, 0, 10);
    QVERIFY(inbox);
    QCOMPARE(inbox->size(), 4);
    QCOMPARE(inbox->at(3).title(),
             QStringLiteral("\"First Aid at Work\" of emma expires in 90 days"));
    // Reminders are not outcomes; outcomes stay as they were.
    const auto outcomes =
        NotificationService(m_db->db()).notifications(owner, InboxFilter::Outcomes, false, 0, 10);
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), 0);

    // Another expiry date (a reviewer's correction) has reminders of its own.
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("UPDATE certificates SET expires_on = ? WHERE id = ?"),
             {Sql::dateOrNull(expires.addYears(1)), cert}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    r = run(expires.addYears(1).addDays(-30));
    QCOMPARE(r.sent.size(), 1);
    QCOMPARE(r.sent.first().threshold, 30);
}

void TestReminders::onlyValidCertificates_ofPeopleNotDeleted()
{
    const Id owner = addUser(QStringLiteral("o@example.org"), QString(),
                             {{QStringLiteral("Sales"), Role::Learner}});
    const Id gone = addUser(QStringLiteral("gone@example.org"), QString(),
                            {{QStringLiteral("Sales"), Role::Learner}});
    const QDate expires = kBase.addDays(7);
    const Id valid = certificate(owner, QStringLiteral("Valid"), expires);
    const Id accepted =
        certificate(owner, QStringLiteral("Accepted"), expires, QStringLiteral("accepted"));
    certificate(owner, QStringLiteral("Pending"), expires, QStringLiteral("pending"));
    certificate(owner, QStringLiteral("Rejected"), expires, QStringLiteral("rejected"));
    certificate(owner, QStringLiteral("Internal"), expires, QStringLiteral("accepted"),
                QStringLiteral("internal"));
    const Id revoked = certificate(owner, QStringLiteral("Revoked"), expires);
    const Id renewed = certificate(owner, QStringLiteral("Renewed"), expires);
    const Id renewal = certificate(owner, QStringLiteral("Renewal"), expires.addYears(2));
    certificate(gone, QStringLiteral("Of a deleted user"), expires);
    certificate(owner, QStringLiteral("No expiry"), QDate());
    QString error;
    const QSqlDatabase db = m_db->db().connection();
    Sql::run(db,
             QStringLiteral("UPDATE certificates SET revoked_at = ?, revoked_by = ?, "
                            "revoke_reason = 'forged' WHERE id = ?"),
             {Sql::now(), m_admin, revoked}, &error);
    Sql::run(db, QStringLiteral("UPDATE certificates SET renewed_by_id = ? WHERE id = ?"),
             {renewal, renewed}, &error);
    Sql::run(db, QStringLiteral("UPDATE users SET deleted = ? WHERE id = ?"), {true, gone}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const ReminderRun r = run(kBase);
    QStringList names;
    for (const Reminder &reminder : r.sent)
        names << reminder.certificateName;
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("Accepted"), QStringLiteral("Valid")}));
    QCOMPARE(countWhere(QStringLiteral("reminders_sent"), QString()), 2);
    QCOMPARE(countWhere(QStringLiteral("reminders_sent"),
                        QStringLiteral("certificate_id IN (?, ?)"), {valid, accepted}),
             2);
    // The deleted user is no recipient of anything.
    QCOMPARE(
        countWhere(QStringLiteral("notifications"), QStringLiteral("recipient_id = ?"), {gone}), 0);
}

void TestReminders::recipients_managerElseGroupAdmins_eachChoiceAndLanguage()
{
    // Sales > EMEA > Benelux: EMEA has an admin, Benelux none.
    const Id emeaAdmin = addUser(QStringLiteral("emea.admin@example.org"), QString(),
                                 {{QStringLiteral("EMEA"), Role::Admin}});
    const Id manager = addUser(QStringLiteral("manon@example.org"), QString(),
                               {{QStringLiteral("Benelux"), Role::Coach}});
    const Id withManager =
        addUser(QStringLiteral("wim@example.org"), QStringLiteral("manon@example.org"),
                {{QStringLiteral("Benelux"), Role::Learner}});
    const Id alone = addUser(QStringLiteral("alone@example.org"), QString(),
                             {{QStringLiteral("Benelux"), Role::Learner}});
    const QSqlDatabase db = m_db->db().connection();
    QString error;
    // The manager reads French; Wim turned reminder emails off.
    Sql::run(db, QStringLiteral("UPDATE users SET language = 'fr' WHERE id = ?"), {manager},
             &error);
    Sql::run(db, QStringLiteral("UPDATE users SET reminder_emails = ? WHERE id = ?"),
             {false, withManager}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QDate expires = kBase.addDays(30);
    const Id first = certificate(withManager, QStringLiteral("Forklift"), expires);
    const Id second = certificate(alone, QStringLiteral("Hygiene"), expires);

    ReminderRun r = run(kBase);
    QCOMPARE(r.sent.size(), 2);
    for (const Reminder &reminder : std::as_const(r.sent)) {
        QList<Id> ids;
        for (const auto &person : reminder.recipients)
            ids << person.id;
        if (reminder.certificateId == first) {
            QCOMPARE(ids, (QList<Id>{withManager, manager}));
            QVERIFY(!reminder.recipients.at(0).emailed); // their choice
            QVERIFY(reminder.recipients.at(1).emailed);
        } else {
            QCOMPARE(reminder.certificateId, second);
            // No manager: the admins R3 routes to in group-admins mode.
            QCOMPARE(ids, (QList<Id>{alone, emeaAdmin}));
        }
    }
    // In-app for everyone; emails for all but Wim, each in its language.
    QCOMPARE(countWhere(QStringLiteral("notifications"), QStringLiteral("category = 'reminder'")),
             4);
    QCOMPARE(countWhere(QStringLiteral("email_outbox"), QString()), 3);
    QCOMPARE(
        countWhere(QStringLiteral("email_outbox"),
                   QStringLiteral("recipient_email = 'manon@example.org' AND language = 'fr'")),
        1);
    QCOMPARE(countWhere(QStringLiteral("email_outbox"),
                        QStringLiteral("recipient_email = 'wim@example.org'")),
             0);
    // The manager's email, as the relay renders it in French.
    MailText text;
    MailEvent event;
    event.category = QStringLiteral("reminder");
    event.certificateName = QStringLiteral("Forklift");
    event.actorName = QStringLiteral("wim");
    event.daysLeft = 30;
    const auto french = text.render(event, QStringLiteral("fr"), QString(), QString());
    QVERIFY2(french.subject.contains(QStringLiteral("30 jours")), qPrintable(french.subject));
    const auto english = text.render(event, QStringLiteral("en"), QString(), QString());
    QCOMPARE(english.subject, QStringLiteral("\"Forklift\" of wim expires in 30 days"));

    // reminders.manager off: the owner alone, at the next threshold.
    setSetting(QStringLiteral("reminders.manager"), QStringLiteral("off"));
    r = run(kBase.addDays(23));
    QCOMPARE(r.sent.size(), 2);
    for (const Reminder &reminder : std::as_const(r.sent)) {
        QCOMPARE(reminder.recipients.size(), 1);
        QCOMPARE(reminder.recipients.first().id, reminder.ownerId);
    }
}

void TestReminders::dryRun_writesNothing()
{
    const Id owner = addUser(QStringLiteral("o@example.org"), QString(),
                             {{QStringLiteral("Sales"), Role::Learner}});
    certificate(owner, QStringLiteral("A"), kBase.addDays(7));
    certificate(owner, QStringLiteral("B"), kBase.addDays(90));
    const QString before = rowCounts();
    const ReminderRun dry = run(kBase, nullptr, true);
    QCOMPARE(dry.sent.size(), 2);
    QVERIFY(dry.dryRun);
    QCOMPARE(rowCounts(), before);
    QCOMPARE(countWhere(QStringLiteral("reminders_sent"), QString()), 0);
    QCOMPARE(run(kBase).sent.size(), 2);
    QCOMPARE(run(kBase, nullptr, true).sent.size(), 0);
}

void TestReminders::manyCertificates(int n)
{
    // 50 owners in Sales, each with one of 5 managers.
    QList<Id> owners;
    for (int m = 0; m < 5; ++m)
        addUser(QStringLiteral("m%1@example.org").arg(m), QString(),
                {{QStringLiteral("Sales"), Role::Coach}});
    for (int o = 0; o < 50; ++o)
        owners << addUser(QStringLiteral("o%1@example.org").arg(o),
                          QStringLiteral("m%1@example.org").arg(o % 5),
                          {{QStringLiteral("Sales"), Role::Learner}});
    Transaction tx(m_db->db().connection());
    for (int i = 0; i < n; ++i)
        certificate(owners.at(i % owners.size()), QStringLiteral("Certificate %1").arg(i),
                    kBase.addDays(i % 91));
    QVERIFY(tx.commit());
}

QList<int> TestReminders::runAtOnce(int jobs,
                                    const std::function<std::unique_ptr<Database>()> &open)
{
    QList<int> sent(jobs, 0);
    QStringList errors(jobs);
    std::vector<std::unique_ptr<Database>> connections;
    for (int j = 0; j < jobs; ++j)
        connections.push_back(nullptr);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int j = 0; j < jobs; ++j) {
        threads.emplace_back(QThread::create([&, j] {
            auto db = open();
            if (!db) {
                errors[j] = QStringLiteral("no connection");
                return;
            }
            const auto result = ReminderService(*db).run(kBase, false);
            if (result)
                sent[j] = int(result->sent.size());
            else
                errors[j] = result.message();
        }));
    }
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        t->wait();
    for (const QString &e : std::as_const(errors))
        if (!e.isEmpty())
            qWarning("job failed: %s", qPrintable(e));
    return sent;
}

void TestReminders::fourJobsAtOnce_eachReminderOnce()
{
    const int n = 1000;
    manyCertificates(n);
    const QString location = m_db->location();
    const QList<int> sent = runAtOnce(4, [&] { return m_db->openAnother(); });
    qInfo("four jobs sent %d, %d, %d, %d reminders (the others found them claimed)", sent[0],
          sent[1], sent[2], sent[3]);
    QCOMPARE(sent[0] + sent[1] + sent[2] + sent[3], n);
    QCOMPARE(countWhere(QStringLiteral("reminders_sent"), QString()), n);
    // Owner and manager each, once.
    QCOMPARE(countWhere(QStringLiteral("notifications"), QStringLiteral("category = 'reminder'")),
             2 * n);
    QCOMPARE(countWhere(QStringLiteral("(SELECT recipient_id, certificate_id FROM notifications "
                                       "GROUP BY recipient_id, certificate_id HAVING COUNT(*) > "
                                       "1) AS twice"),
                        QString()),
             0);
    QCOMPARE(countWhere(QStringLiteral("email_outbox"), QString()), 2 * n);
    // And again: nothing left.
    QCOMPARE(run(kBase).sent.size(), 0);
}

void TestReminders::emails_arriveOnceAtTheSmtpServer()
{
    QTemporaryDir keys;
    qputenv("CERTDESK_MAIL_KEY_FILE", keys.filePath(QStringLiteral("mail.key")).toUtf8());
    SmtpSink sink;
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));
    setSetting(QStringLiteral("mail.host"), QStringLiteral("127.0.0.1"));
    setSetting(QStringLiteral("mail.port"), QString::number(sink.port()));
    setSetting(QStringLiteral("mail.security"), QStringLiteral("none"));
    setSetting(QStringLiteral("mail.from"), QStringLiteral("certdesk@example.org"));
    addUser(QStringLiteral("boss@example.org"), QString(),
            {{QStringLiteral("Sales"), Role::Coach}});
    const Id owner = addUser(QStringLiteral("emma@example.org"), QStringLiteral("boss@example.org"),
                             {{QStringLiteral("Sales"), Role::Learner}});
    certificate(owner, QStringLiteral("First Aid at Work"), kBase.addDays(30));
    certificate(owner, QStringLiteral("Forklift"), kBase.addDays(7));

    for (int round = 0; round < 2; ++round) {
        QCOMPARE(run(kBase).sent.size(), round == 0 ? 2 : 0);
        const auto drained = OutboxSender(m_db->db()).drain();
        QVERIFY2(drained, qPrintable(drained.message()));
    }
    const auto messages = sink.messages();
    QCOMPARE(messages.size(), 4);
    QStringList seen;
    for (const QJsonObject &m : messages)
        seen << m.value(QStringLiteral("to")).toString() + QLatin1Char(' ') +
                    m.value(QStringLiteral("subject")).toString();
    seen.sort();
    QCOMPARE(seen, (QStringList{
                       QStringLiteral("boss@example.org \"First Aid at Work\" of emma expires in "
                                      "30 days"),
                       QStringLiteral("boss@example.org \"Forklift\" of emma expires in 7 days"),
                       QStringLiteral("emma@example.org \"First Aid at Work\" expires in 30 days"),
                       QStringLiteral("emma@example.org \"Forklift\" expires in 7 days"),
                   }));
    qunsetenv("CERTDESK_MAIL_KEY_FILE");
}

bool TestReminders::prepareServer()
{
    // A fresh database prepared by setup, whose first platform admin
    // root@example.org (password "secret") has a login; the people added
    // then (addUser, through the services) get theirs ("pw-" + name).
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    if (!m_db->isValid())
        return false;
    m_prefix = m_db->pgName() + QLatin1Char('_');
    ServerSetupOptions options;
    options.adminEmail = QStringLiteral("root@example.org");
    options.adminName = QStringLiteral("Root Admin");
    options.adminPassword = QStringLiteral("secret");
    options.loginPrefix = m_prefix;
    const auto report = ServerSetup::run(m_db->db(), options);
    if (!report || !report->admin) {
        qWarning("setup: %s", qPrintable(report.message()));
        return false;
    }
    m_admin = report->admin->id;
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("CREATE ROLE \"%1relay1\" LOGIN PASSWORD 'relay-pw' IN ROLE \"%2\"")
                 .arg(m_prefix, report->roles.relay),
             {}, &error);
    if (!error.isEmpty())
        qWarning("relay login: %s", qPrintable(error));
    for (const auto &[name, parent] :
         QList<QPair<QString, QString>>{{QStringLiteral("Sales"), QString()}}) {
        const auto g = DirectoryService(m_db->db()).addGroup(m_admin, name, parent);
        if (!g)
            error = g.message();
    }
    return error.isEmpty();
}

std::unique_ptr<Database> TestReminders::as(const QString &login, const QString &password)
{
    QString error;
    auto db = m_db->openAs(m_prefix + login, password, &error);
    if (!db)
        qWarning("cannot connect as %s: %s", qPrintable(login), qPrintable(error));
    return db;
}

void TestReminders::server_onlyRelaysAndPlatformAdmins_tablesHidden()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("postgresql"))
        return; // the server's rules: PostgreSQL only
    CERTDESK_REQUIRE_SERVER();
    QVERIFY(prepareServer());
    const Id learner = addUser(QStringLiteral("lea@example.org"), QString(),
                               {{QStringLiteral("Sales"), Role::Learner}});
    QVERIFY(learner > 0);
    certificate(learner, QStringLiteral("First Aid at Work"), kBase.addDays(7));

    auto lea = as(QStringLiteral("lea@example.org"), QStringLiteral("pw-lea"));
    QVERIFY(lea);
    // A learner may not run the job, nor read or write its table.
    const auto refused = ReminderService(*lea).run(kBase, false);
    QVERIFY(!refused);
    QVERIFY2(refused.message().contains(QStringLiteral("Only a relay or a platform admin")),
             qPrintable(refused.message()));
    for (const QString &sql :
         {QStringLiteral("SELECT * FROM reminders_sent"),
          QStringLiteral("INSERT INTO reminders_sent VALUES (1, '2027-03-08', 7, now())"),
          QStringLiteral("DELETE FROM reminders_sent"),
          QStringLiteral("UPDATE users SET reminder_emails = FALSE")}) {
        QString denied;
        Sql::run(lea->connection(), sql, {}, &denied);
        QVERIFY2(!denied.isEmpty(), qPrintable(sql));
    }
    // A dry run is no way around it either.
    QVERIFY(!ReminderService(*lea).run(kBase, true));
    QCOMPARE(countWhere(QStringLiteral("reminders_sent"), QString()), 0);

    // The relay runs it; the platform admin then finds nothing left.
    auto relay = as(QStringLiteral("relay1"), QStringLiteral("relay-pw"));
    QVERIFY(relay);
    const ReminderRun byRelay = run(kBase, relay.get());
    QCOMPARE(byRelay.sent.size(), 1);
    QCOMPARE(byRelay.sent.first().recipients.first().id, learner);
    auto root = as(QStringLiteral("root@example.org"), QStringLiteral("secret"));
    QVERIFY(root);
    QCOMPARE(run(kBase, root.get(), true).sent.size(), 0);
    QCOMPARE(run(kBase.addDays(7), root.get()).sent.size(), 1);
    // Lea reads her reminders through the server's inbox.
    const auto inbox =
        NotificationService(*lea).notifications(learner, InboxFilter::Reminders, false, 0, 10);
    QVERIFY2(inbox, qPrintable(inbox.message()));
    QCOMPARE(inbox->size(), 2);
    QCOMPARE(inbox->at(0).title(), QStringLiteral("\"First Aid at Work\" expires today"));
    QCOMPARE(inbox->at(1).title(), QStringLiteral("\"First Aid at Work\" expires in 7 days"));
}

void TestReminders::server_fourJobsAtOnce_eachReminderOnce()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("postgresql"))
        return; // the server's function: PostgreSQL only
    CERTDESK_REQUIRE_SERVER();
    const int n = 1000;
    QVERIFY(prepareServer());
    manyCertificates(n);
    // Three jobs as the relay login and one as the superuser (a job run by
    // the database's administrator), all at once.
    int opened = 0;
    QMutex lock;
    const QList<int> sent = runAtOnce(4, [&]() -> std::unique_ptr<Database> {
        QMutexLocker locker(&lock);
        if (opened++ == 0)
            return m_db->openAnother();
        QString error;
        return m_db->openAs(m_prefix + QStringLiteral("relay1"), QStringLiteral("relay-pw"),
                            &error);
    });
    qInfo("four jobs on the server sent %d, %d, %d, %d reminders", sent[0], sent[1], sent[2],
          sent[3]);
    QCOMPARE(sent[0] + sent[1] + sent[2] + sent[3], n);
    QCOMPARE(countWhere(QStringLiteral("reminders_sent"), QString()), n);
    QCOMPARE(countWhere(QStringLiteral("notifications"), QStringLiteral("category = 'reminder'")),
             2 * n);
    QCOMPARE(countWhere(QStringLiteral("email_outbox"), QString()), 2 * n);
}

QTEST_MAIN(TestReminders)
#include "tst_reminders.moc"
