// Email part 2: nothing lost, nothing sent twice. The
// server down (rows stay queued, backoff, then each arrives once), two
// relays racing on two connections, a relay that dies holding a row, giving
// up after mail.give-up-hours (listed for platform admins, re-queued), a
// refused recipient, and the desktop's background MailPump — on SQLite and
// PostgreSQL, against a real SMTP server. Time is moved, never slept.
#include "MailFixture.h"
#include "SmtpSink.h"
#include "mail/MailOutbox.h"
#include "mail/MailPump.h"
#include "mail/OutboxSender.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

class TestMailDelivery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup();

    void backoff_fullJitter_growsUpToTheCap();
    void serverDown_nothingLost_thenEachArrivesOnce();
    void twoSendersRacing_eachEmailSentOnce();
    void relayDiesHoldingARow_retriedAfterTheLease();
    void giveUp_marksFailed_listedForAdmins_retryQueuesAgain();
    void recipientRefused_failedAtOnce_othersSent();
    void pump_sendsInBackground_andSignalsFailures();

private:
    // The sink started once to learn a free port, then stopped: "down".
    void serverDown();
    QStringList recipientsReceived() const;

    QTemporaryDir m_keyDir;
    std::unique_ptr<MailFixture> m_fx;
    SmtpSink m_sink;
};

void TestMailDelivery::initTestCase()
{
    QVERIFY(m_keyDir.isValid());
    qputenv("CERTDESK_MAIL_KEY_FILE", m_keyDir.filePath(QStringLiteral("mail.key")).toUtf8());
    qunsetenv("CERTDESK_MAIL_KEY");
}

void TestMailDelivery::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fx = std::make_unique<MailFixture>(backend);
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    QVERIFY2(m_fx->makeOrganisation(), qPrintable(m_fx->error()));
    m_sink.stop();
    m_sink.clear();
}

void TestMailDelivery::cleanup()
{
    m_sink.stop();
    m_fx.reset();
}

void TestMailDelivery::serverDown()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY2(m_fx->configureMail(m_sink.port()), qPrintable(m_fx->error()));
    m_sink.stop();
}

QStringList TestMailDelivery::recipientsReceived() const
{
    QStringList list;
    const auto messages = m_sink.messages();
    for (const QJsonObject &m : messages)
        list << m.value(QStringLiteral("to")).toString();
    list.sort();
    return list;
}

void TestMailDelivery::backoff_fullJitter_growsUpToTheCap()
{
    // The ceiling doubles from 60 s and stops at one hour; the delay is
    // anywhere below it (full jitter), but at least 10 s.
    QCOMPARE(OutboxSender::backoffSeconds(1, 0.999999), qint64(59));
    QCOMPARE(OutboxSender::backoffSeconds(2, 0.999999), qint64(119));
    QCOMPARE(OutboxSender::backoffSeconds(3, 0.5), qint64(120));
    QCOMPARE(OutboxSender::backoffSeconds(7, 0.999999), qint64(3599));
    QCOMPARE(OutboxSender::backoffSeconds(60, 0.999999), qint64(3599));
    QCOMPARE(OutboxSender::backoffSeconds(1, 0.0), qint64(OutboxSender::MinDelaySeconds));
    QSet<qint64> seen;
    for (int i = 0; i < 50; ++i) {
        const qint64 d =
            OutboxSender::backoffSeconds(6, QRandomGenerator::global()->generateDouble());
        QVERIFY(d >= OutboxSender::MinDelaySeconds && d < 1920);
        seen.insert(d);
    }
    QVERIFY(seen.size() > 10); // spread, not one value
}

void TestMailDelivery::serverDown_nothingLost_thenEachArrivesOnce()
{
    serverDown();
    const ImportOutcome imported = m_fx->import(QStringLiteral("Forklift licence"));
    QVERIFY2(imported.taskId > 0, qPrintable(m_fx->error()));
    m_fx->queue(QStringLiteral("one@test.example"), QStringLiteral("One"), QStringLiteral("1"));
    m_fx->queue(QStringLiteral("two@test.example"), QStringLiteral("Two"), QStringLiteral("2"));
    QCOMPARE(m_fx->outbox().size(), 3);

    QDateTime now = QDateTime::currentDateTimeUtc();
    OutboxSender sender(m_fx->db());
    sender.setClock([&now] { return now; });
    sender.setRandom([] { return 0.5; });

    QList<OutboxTableRow> before = m_fx->outbox();
    for (int round = 1; round <= 3; ++round) {
        const auto result = sender.drain();
        QVERIFY2(result, qPrintable(result.message()));
        QCOMPARE(result->sent, 0);
        QVERIFY2(result->serverProblem.contains(QLatin1String("cannot be reached")),
                 qPrintable(result->serverProblem));
        // One email was tried, the others wait for the same next attempt.
        QCOMPARE(result->rescheduled, 1);
        QCOMPARE(result->deferred, 2);
        const QList<OutboxTableRow> after = m_fx->outbox();
        QCOMPARE(after.size(), 3);
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).state, QStringLiteral("queued"));
            QVERIFY2(after.at(i).nextAttemptAt > before.at(i).nextAttemptAt,
                     qPrintable(after.at(i).nextAttemptAt.toString(Qt::ISODateWithMs)));
            QVERIFY(after.at(i).nextAttemptAt > now);
            QVERIFY(after.at(i).lastError.contains(QLatin1String("cannot be reached")));
        }
        // The tried one: attempts grow, the delay doubles (random 0.5: 30 s, 60 s, 120 s).
        QCOMPARE(after.constFirst().attempts, round);
        QCOMPARE(now.secsTo(after.constFirst().nextAttemptAt), qint64(30) << (round - 1));
        before = after;
        // Nothing due before the next attempt.
        const auto early = sender.drain();
        QCOMPARE(early->handled(), 0);
        now = after.constFirst().nextAttemptAt.addSecs(1);
    }
    QCOMPARE(m_sink.messages().size(), 0);

    // The server is back: every email arrives, once.
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    const auto result = sender.drain();
    QVERIFY2(result, qPrintable(result.message()));
    QCOMPARE(result->sent, 3);
    QVERIFY(result->serverProblem.isEmpty());
    QCOMPARE(recipientsReceived(),
             QStringList({MailFixture::reviewerEmail(), QStringLiteral("one@test.example"),
                          QStringLiteral("two@test.example")}));
    QCOMPARE(m_fx->countState(QStringLiteral("sent")), 3);
    now = now.addDays(1);
    QCOMPARE(sender.drain()->handled(), 0);
    QCOMPARE(m_sink.messages().size(), 3);
}

void TestMailDelivery::twoSendersRacing_eachEmailSentOnce()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(m_fx->configureMail(m_sink.port()));
    const int total = 24;
    for (int i = 0; i < total; ++i)
        m_fx->queue(QStringLiteral("r%1@test.example").arg(i), QStringLiteral("Race %1").arg(i),
                    QStringLiteral("Body %1").arg(i));

    // Two relays, each with its own connection in its own thread.
    const QString location = m_fx->test().location();
    int sent[2] = {0, 0};
    QString errors[2];
    auto relay = [&](int which) {
        QString parseError;
        auto opened = Database::open(DatabaseLocation::parse(location, &parseError));
        if (!opened) {
            errors[which] = opened.message();
            return;
        }
        OutboxSender sender(*opened.value());
        const auto round = sender.drain();
        if (!round)
            errors[which] = round.message();
        else
            sent[which] = round->sent;
    };
    std::unique_ptr<QThread> a(QThread::create(relay, 0));
    std::unique_ptr<QThread> b(QThread::create(relay, 1));
    a->start();
    b->start();
    QVERIFY(a->wait(60000));
    QVERIFY(b->wait(60000));
    QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(),
             qPrintable(errors[0] + QLatin1Char('|') + errors[1]));
    qInfo("relay A sent %d, relay B sent %d", sent[0], sent[1]);
    QCOMPARE(sent[0] + sent[1], total);

    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), total);
    QSet<QString> subjects;
    QSet<QString> ids;
    for (const QJsonObject &m : messages) {
        subjects.insert(m.value(QStringLiteral("subject")).toString());
        ids.insert(m.value(QStringLiteral("message_id")).toString());
    }
    QCOMPARE(subjects.size(), total);
    QCOMPARE(ids.size(), total);
    QCOMPARE(m_fx->countState(QStringLiteral("sent")), total);
}

void TestMailDelivery::relayDiesHoldingARow_retriedAfterTheLease()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(m_fx->configureMail(m_sink.port()));
    m_fx->queue(QStringLiteral("held@test.example"), QStringLiteral("Held"), QStringLiteral("x"));

    // Relay A claims the email and dies before sending it.
    auto other = m_fx->test().openAnother();
    QVERIFY(other);
    OutboxSender dying(*other);
    const auto claimed = dying.claimNext(dying.now());
    QVERIFY(claimed && claimed.value());
    QCOMPARE(m_fx->outbox().constFirst().state, QStringLiteral("sending"));
    other.reset();

    // Relay B leaves it alone while the lease runs...
    QDateTime now = QDateTime::currentDateTimeUtc();
    OutboxSender sender(m_fx->db());
    sender.setClock([&now] { return now; });
    QCOMPARE(sender.drain()->handled(), 0);
    QCOMPARE(m_sink.messages().size(), 0);
    // ...and sends it once the lease is over, with the Message-ID chosen at the claim.
    now = now.addSecs(OutboxSender::DefaultLeaseSeconds + 1);
    const auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 1);
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.constFirst().value(QStringLiteral("message_id")).toString(),
             QLatin1Char('<') + claimed.value()->messageId + QLatin1Char('>'));
    QCOMPARE(m_fx->outbox().constFirst().state, QStringLiteral("sent"));
}

void TestMailDelivery::giveUp_marksFailed_listedForAdmins_retryQueuesAgain()
{
    serverDown();
    QVERIFY(m_fx->set(QStringLiteral("mail.give-up-hours"), QStringLiteral("1")));
    const Id tried = m_fx->queue(QStringLiteral("late@test.example"), QStringLiteral("Late"),
                                 QStringLiteral("x"));
    const Id waiting = m_fx->queue(QStringLiteral("later@test.example"), QStringLiteral("Later"),
                                   QStringLiteral("y"));

    QDateTime now = QDateTime::currentDateTimeUtc();
    OutboxSender sender(m_fx->db());
    sender.setClock([&now] { return now; });
    auto round = sender.drain();
    QCOMPARE(round->rescheduled, 1);
    QCOMPARE(m_fx->countState(QStringLiteral("failed")), 0);

    // Two hours later the server is still down: both are given up, nothing sent.
    now = now.addSecs(2 * 3600);
    round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->gaveUp, 2);
    QCOMPARE(m_fx->countState(QStringLiteral("failed")), 2);

    MailOutbox outbox(m_fx->db());
    QCOMPARE(outbox.failed(m_fx->reviewer, 0, 50).kind(), ErrorKind::Refused);
    QCOMPARE(outbox.retry(m_fx->reviewer, tried).kind(), ErrorKind::Refused);
    const auto failed = outbox.failed(m_fx->admin, 0, 50);
    QVERIFY2(failed, qPrintable(failed.message()));
    QCOMPARE(failed->size(), 2);
    QCOMPARE(failed->constFirst().id, waiting); // newest first
    QCOMPARE(failed->constLast().id, tried);
    QCOMPARE(failed->constLast().attempts, 2);
    QVERIFY(failed->constLast().lastError.contains(QLatin1String("cannot be reached")));
    QVERIFY(failed->constLast().lastAttemptAt.isValid());
    QCOMPARE(outbox.counts(m_fx->admin)->failed, 2);

    // A platform admin re-queues one: backoff and give-up clock start again.
    const auto retried = outbox.retry(m_fx->admin, tried);
    QVERIFY2(retried, qPrintable(retried.message()));
    QCOMPARE(retried->state, QStringLiteral("queued"));
    QCOMPARE(retried->attempts, 0);
    QCOMPARE(outbox.retry(m_fx->admin, tried).kind(), ErrorKind::Conflict);
    QCOMPARE(outbox.retry(m_fx->admin, 999999).kind(), ErrorKind::NotFound);
    QString error;
    QSqlQuery q = Sql::run(m_fx->db().connection(),
                           QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                          "'mail.retry' AND subject_id = ?"),
                           {tried}, &error);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    q.finish();

    QVERIFY2(m_sink.start(&error), qPrintable(error));
    now = QDateTime::currentDateTimeUtc().addSecs(1);
    round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 1);
    QCOMPARE(recipientsReceived(), QStringList{QStringLiteral("late@test.example")});
    QCOMPARE(outbox.failed(m_fx->admin, 0, 50)->size(), 1);
}

void TestMailDelivery::recipientRefused_failedAtOnce_othersSent()
{
    QString error;
    QVERIFY2(m_sink.start(&error, {QStringLiteral("--reject-rcpt"), QStringLiteral("nobody")}),
             qPrintable(error));
    QVERIFY(m_fx->configureMail(m_sink.port()));
    const Id refused = m_fx->queue(QStringLiteral("nobody@test.example"), QStringLiteral("Lost"),
                                   QStringLiteral("x"));
    m_fx->queue(QStringLiteral("somebody@test.example"), QStringLiteral("Found"),
                QStringLiteral("y"));
    OutboxSender sender(m_fx->db());
    const auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 1);
    QCOMPARE(round->gaveUp, 1);
    QCOMPARE(recipientsReceived(), QStringList{QStringLiteral("somebody@test.example")});
    const OutboxTableRow row = m_fx->outbox().constFirst();
    QCOMPARE(row.id, refused);
    QCOMPARE(row.state, QStringLiteral("failed"));
    QCOMPARE(row.attempts, 1);
    QVERIFY2(row.lastError.contains(QLatin1String("refused the recipient")),
             qPrintable(row.lastError));
}

void TestMailDelivery::pump_sendsInBackground_andSignalsFailures()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(m_fx->configureMail(m_sink.port()));
    QVERIFY(m_fx->set(QStringLiteral("mail.give-up-hours"), QStringLiteral("1")));

    QString parseError;
    MailPump pump(DatabaseLocation::parse(m_fx->test().location(), &parseError));
    pump.setInterval(3600); // rounds come from sendNow() here
    QSignalSpy rounds(&pump, &MailPump::roundFinished);
    QSignalSpy failures(&pump, &MailPump::failuresAppeared);
    QSignalSpy problems(&pump, &MailPump::problemChanged);
    pump.start();
    QVERIFY(pump.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 1, 20000); // a first round at start

    m_fx->import(QStringLiteral("Crane operation"));
    pump.sendNow();
    QTRY_COMPARE_WITH_TIMEOUT(m_sink.messages().size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->countState(QStringLiteral("sent")), 1, 20000);
    QCOMPARE(failures.size(), 0);

    // The server goes down; an email older than the give-up time fails.
    m_sink.stop();
    m_fx->queue(QStringLiteral("old@test.example"), QStringLiteral("Old"), QStringLiteral("x"),
                QDateTime::currentDateTimeUtc().addSecs(-2 * 3600));
    pump.sendNow();
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 20000);
    QCOMPARE(failures.constFirst().constFirst().toInt(), 1);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(
        problems.constLast().constFirst().toString().contains(QLatin1String("cannot be reached")),
        qPrintable(problems.constLast().constFirst().toString()));

    pump.stop();
    QVERIFY(!pump.isRunning());
    QCOMPARE(m_fx->countState(QStringLiteral("failed")), 1);
}

QTEST_MAIN(TestMailDelivery)
#include "tst_mail_delivery.moc"
