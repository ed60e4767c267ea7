// Email into a folder (README "Email", mail.transport folder): the two
// settings checked (a transport that does not exist, a relative folder, the
// folder transport without its folder), each outbox email written as one
// RFC 5322 .eml file and marked sent once, by OutboxSender and by the
// desktop's MailPump; a folder that cannot be written keeps every email
// waiting with the reason, then gives up as an SMTP failure does — on SQLite
// and PostgreSQL. Time is moved, never slept.
#include "MailFixture.h"
#include "mail/FolderTransport.h"
#include "mail/MailMessage.h"
#include "mail/MailPump.h"
#include "mail/OutboxSender.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace {
// One .eml file split into its unfolded headers and its decoded body.
struct ParsedEmail
{
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QString body;
    bool crlfOnly = false;
};

ParsedEmail parse(const QByteArray &bytes)
{
    ParsedEmail parsed;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return parsed;
    // Every line ends in CRLF: no bare LF anywhere (RFC 5322, 2.1).
    parsed.crlfOnly = bytes.count('\n') == bytes.count("\r\n");
    QByteArray head = bytes.left(end);
    head.replace("\r\n ", " "); // unfold (RFC 5322, 2.2.3)
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            parsed.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    const QByteArray encoded = bytes.mid(end + 4).replace("\r\n", "");
    parsed.body = QString::fromUtf8(QByteArray::fromBase64(encoded));
    return parsed;
}
} // namespace

class TestMailFolder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_fx.reset(); }

    void settings_transportAndFolder_badValuesRefused();
    void settings_folderTransport_needsFolderNotHost();
    void folder_writesOneEmlPerEmail_marksSent_secondRoundWritesNothing();
    void folder_unwritable_emailsWaitWithReason_thenSent();
    void folder_unwritable_givenUpAfterTheGiveUpTime();
    void pump_writesInBackground_nothingNewNextRound();

private:
    // mail.transport folder into path, mail.from set.
    bool useFolder(const QString &path);
    QStringList emlFiles(const QString &path) const;

    QTemporaryDir m_keyDir;
    QTemporaryDir m_files;
    std::unique_ptr<MailFixture> m_fx;
};

void TestMailFolder::initTestCase()
{
    QVERIFY(m_keyDir.isValid());
    QVERIFY(m_files.isValid());
    qputenv("CERTDESK_MAIL_KEY_FILE", m_keyDir.filePath(QStringLiteral("mail.key")).toUtf8());
    qunsetenv("CERTDESK_MAIL_KEY");
}

void TestMailFolder::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fx = std::make_unique<MailFixture>(backend);
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    QVERIFY2(m_fx->makeOrganisation(), qPrintable(m_fx->error()));
}

bool TestMailFolder::useFolder(const QString &path)
{
    return m_fx->set(QStringLiteral("mail.transport"), QStringLiteral("folder")) &&
           m_fx->set(QStringLiteral("mail.folder"), path) &&
           m_fx->set(QStringLiteral("mail.from"), MailFixture::sender());
}

QStringList TestMailFolder::emlFiles(const QString &path) const
{
    return QDir(path).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

void TestMailFolder::settings_transportAndFolder_badValuesRefused()
{
    SettingsService service(m_fx->db());
    auto settings = service.settings();
    QVERIFY(settings);
    // SMTP unless a platform admin says otherwise.
    QCOMPARE(settings->mail.transport, MailSettings::Transport::Smtp);
    QCOMPARE(settings->value(QStringLiteral("mail.transport")), QStringLiteral("smtp"));
    QCOMPARE(settings->value(QStringLiteral("mail.folder")), QString());
    for (const QString &key : {QStringLiteral("mail.transport"), QStringLiteral("mail.folder")}) {
        QVERIFY2(PlatformSettings::keys().contains(key), qPrintable(key));
        QVERIFY2(!PlatformSettings::describe(key).isEmpty(), qPrintable(key));
    }

    // A transport that does not exist: the message names the two that do.
    auto r = service.set(m_fx->admin, QStringLiteral("mail.transport"), QStringLiteral("pigeon"));
    QVERIFY(!r);
    QCOMPARE(r.kind(), ErrorKind::Invalid);
    QVERIFY2(r.message().contains(QLatin1String("\"pigeon\"")) &&
                 r.message().contains(QLatin1String("smtp")) &&
                 r.message().contains(QLatin1String("folder")),
             qPrintable(r.message()));
    // A folder must be absolute: the desktop and a relay start in different places.
    for (const QString &relative :
         {QStringLiteral("mail/out"), QStringLiteral("./out"), QStringLiteral("~/mail")}) {
        r = service.set(m_fx->admin, QStringLiteral("mail.folder"), relative);
        QVERIFY2(!r && r.kind() == ErrorKind::Invalid, qPrintable(relative));
        QVERIFY2(r.message().contains(QLatin1String("absolute")), qPrintable(r.message()));
    }
    r = service.set(m_fx->admin, QStringLiteral("mail.folder"), QStringLiteral("/tmp/a\nb"));
    QVERIFY(!r && r.kind() == ErrorKind::Invalid);
    // Only platform admins.
    QCOMPARE(service.set(m_fx->reviewer, QStringLiteral("mail.transport"), QStringLiteral("folder"))
                 .kind(),
             ErrorKind::Refused);
    settings = service.settings();
    QCOMPARE(settings->mail.transport, MailSettings::Transport::Smtp);
    QCOMPARE(settings->mail.folder, QString());

    // Good values, as typed (case, spaces, a trailing slash).
    QVERIFY2(m_fx->set(QStringLiteral("mail.transport"), QStringLiteral(" FOLDER ")),
             qPrintable(m_fx->error()));
    QVERIFY2(m_fx->set(QStringLiteral("mail.folder"), QStringLiteral("/var/spool/certdesk/")),
             qPrintable(m_fx->error()));
    settings = service.settings();
    QCOMPARE(settings->value(QStringLiteral("mail.transport")), QStringLiteral("folder"));
    QCOMPARE(settings->value(QStringLiteral("mail.folder")), QStringLiteral("/var/spool/certdesk"));
    // Emptied again: allowed (then not configured).
    QVERIFY(m_fx->set(QStringLiteral("mail.folder"), QString()));
    QCOMPARE(service.settings()->mail.folder, QString());
}

void TestMailFolder::settings_folderTransport_needsFolderNotHost()
{
    SettingsService service(m_fx->db());
    // Nothing set: not configured (a notice, not a failure).
    QVERIFY(!service.settings()->mail.isConfigured());
    QVERIFY(service.settings()->mail.problem().contains(QLatin1String("not configured")));

    // The folder transport without its folder: not configured, mail.folder named.
    QVERIFY(m_fx->set(QStringLiteral("mail.transport"), QStringLiteral("folder")));
    QVERIFY(m_fx->set(QStringLiteral("mail.from"), MailFixture::sender()));
    MailSettings mail = service.settings()->mail;
    QVERIFY(!mail.isConfigured());
    QVERIFY2(mail.problem().contains(QLatin1String("mail.folder")) &&
                 mail.problem().contains(QLatin1String("not configured")),
             qPrintable(mail.problem()));
    OutboxSender sender(m_fx->db());
    m_fx->import(QStringLiteral("First Aid"));
    auto round = sender.drain();
    QVERIFY(!round);
    QCOMPARE(round.kind(), ErrorKind::Refused);
    QCOMPARE(m_fx->countState(QStringLiteral("queued")), 1);

    // With its folder, and no mail.host: configured, nothing to say.
    QVERIFY(m_fx->set(QStringLiteral("mail.folder"), m_files.filePath(QStringLiteral("needs"))));
    mail = service.settings()->mail;
    QCOMPARE(mail.host, QString());
    QVERIFY(mail.isConfigured());
    QVERIFY2(mail.problem().isEmpty(), qPrintable(mail.problem()));
    // An SMTP login in clear is an SMTP matter: no problem for a folder.
    QVERIFY(m_fx->set(QStringLiteral("mail.security"), QStringLiteral("none")));
    QVERIFY(m_fx->set(QStringLiteral("mail.username"), QStringLiteral("relay")));
    QVERIFY(service.settings()->mail.problem().isEmpty());
    // Back to SMTP: mail.host is missing again.
    QVERIFY(m_fx->set(QStringLiteral("mail.transport"), QStringLiteral("smtp")));
    mail = service.settings()->mail;
    QVERIFY(!mail.isConfigured());
    QVERIFY2(mail.problem().contains(QLatin1String("mail.host")), qPrintable(mail.problem()));
}

void TestMailFolder::folder_writesOneEmlPerEmail_marksSent_secondRoundWritesNothing()
{
    // A folder that does not exist yet, two levels down: made.
    const QString folder =
        m_files.filePath(QStringLiteral("written/%1/outbox").arg(m_fx->test().backend()));
    QVERIFY2(useFolder(folder), qPrintable(m_fx->error()));
    const ImportOutcome imported = m_fx->import(QStringLiteral("Forklift licence"));
    QVERIFY2(imported.taskId > 0, qPrintable(m_fx->error()));
    m_fx->queue(QStringLiteral("one@test.example"), QStringLiteral("Ünïcode subject ✓"),
                QStringLiteral("Line one\nLigne deux : été"));
    m_fx->queue(QStringLiteral("two@test.example"), QStringLiteral("Two"), QStringLiteral("2"));
    QCOMPARE(m_fx->outbox().size(), 3);

    OutboxSender sender(m_fx->db());
    const auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 3);
    QCOMPARE(round->handled(), 3);
    QVERIFY2(round->serverProblem.isEmpty(), qPrintable(round->serverProblem));

    // One file per email, nothing else (no temporary file left), the
    // owner's only, in a folder that is the owner's only.
    const QStringList files = emlFiles(folder);
    QCOMPARE(files.size(), 3);
    QCOMPARE(QFileInfo(folder).permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QMap<QString, ParsedEmail> byRecipient;
    for (const QString &name : files) {
        QVERIFY2(name.endsWith(QLatin1String(".eml")), qPrintable(name));
        QFile file(QDir(folder).filePath(name));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ParsedEmail email = parse(file.readAll());
        QVERIFY2(email.crlfOnly, qPrintable(name));
        byRecipient.insert(QString::fromUtf8(email.headers.value("to")), email);
    }
    const QList<OutboxTableRow> rows = m_fx->outbox();
    for (const OutboxTableRow &row : rows) {
        // Marked sent exactly as a successful SMTP send: once, with its time.
        QCOMPARE(row.state, QStringLiteral("sent"));
        QVERIFY(row.sentAt.isValid());
        QCOMPARE(row.attempts, 0);
        QVERIFY(row.lastError.isEmpty());
        QVERIFY2(byRecipient.contains(row.recipient), qPrintable(row.recipient));
        const ParsedEmail &email = byRecipient[row.recipient];
        // The file's name carries the outbox id.
        QCOMPARE(std::count_if(files.cbegin(), files.cend(),
                               [&row](const QString &name) {
                                   return name.endsWith(QStringLiteral("-%1.eml").arg(row.id));
                               }),
                 1);
        QCOMPARE(email.headers.value("message-id"), '<' + row.messageId.toUtf8() + '>');
        QCOMPARE(email.headers.value("from"),
                 MailMessage::encodeHeaderText(QStringLiteral("CertDesk Équipe"), 6)
                         .replace("\r\n ", " ") +
                     " <certdesk@test.example>");
        QCOMPARE(email.headers.value("mime-version"), QByteArray("1.0"));
        QCOMPARE(email.headers.value("content-type"), QByteArray("text/plain; charset=UTF-8"));
        QCOMPARE(email.headers.value("content-transfer-encoding"), QByteArray("base64"));
        const QDateTime date =
            QLocale::c().toDateTime(QString::fromLatin1(email.headers.value("date")).chopped(6),
                                    QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));
        QVERIFY2(date.isValid(), email.headers.value("date").constData());
    }
    const ParsedEmail &one = byRecipient[QStringLiteral("one@test.example")];
    QCOMPARE(one.body, QStringLiteral("Line one\r\nLigne deux : été"));
    QVERIFY(one.headers.value("subject").startsWith("=?UTF-8?B?"));
    QCOMPARE(byRecipient[QStringLiteral("two@test.example")].headers.value("subject"),
             QByteArray("Two"));
    // The reviewer's email about the import, rendered as SMTP would send it.
    const ParsedEmail &review = byRecipient[MailFixture::reviewerEmail()];
    QVERIFY2(review.body.contains(QLatin1String("Forklift licence")), qPrintable(review.body));

    // A second round: nothing due, nothing written.
    const auto again = sender.drain();
    QVERIFY2(again, qPrintable(again.message()));
    QCOMPARE(again->handled(), 0);
    QCOMPARE(emlFiles(folder), files);
    QCOMPARE(m_fx->countState(QStringLiteral("sent")), 3);
}

void TestMailFolder::folder_unwritable_emailsWaitWithReason_thenSent()
{
    // Under a regular file: no folder can be made there, not even by root
    // (chmod would not stop root).
    const QString file = m_files.filePath(QStringLiteral("plain-%1").arg(m_fx->test().backend()));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a folder");
    }
    const QString folder = file + QStringLiteral("/sub");
    QVERIFY2(useFolder(folder), qPrintable(m_fx->error()));
    m_fx->import(QStringLiteral("Crane operation"));
    m_fx->queue(QStringLiteral("one@test.example"), QStringLiteral("One"), QStringLiteral("1"));
    QDateTime now = QDateTime::currentDateTimeUtc();
    OutboxSender sender(m_fx->db());
    sender.setClock([&now] { return now; });
    sender.setRandom([] { return 0.5; });

    const auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 0);
    // As a server that cannot be reached: one tried, the other deferred.
    QCOMPARE(round->rescheduled, 1);
    QCOMPARE(round->deferred, 1);
    QVERIFY2(round->serverProblem.contains(QLatin1String("mail folder")) &&
                 round->serverProblem.contains(folder),
             qPrintable(round->serverProblem));
    for (const OutboxTableRow &row : m_fx->outbox()) {
        QCOMPARE(row.state, QStringLiteral("queued"));
        QVERIFY(!row.sentAt.isValid());
        QVERIFY(row.nextAttemptAt > now);
        QVERIFY2(row.lastError.contains(folder), qPrintable(row.lastError));
    }
    QVERIFY(!QFileInfo::exists(folder));

    // The path is a file itself: said so.
    QVERIFY(m_fx->set(QStringLiteral("mail.folder"), file));
    now = now.addSecs(3600);
    const auto isFile = sender.drain();
    QVERIFY2(isFile && isFile->serverProblem.contains(QLatin1String("not a folder")),
             qPrintable(isFile ? isFile->serverProblem : isFile.message()));
    QCOMPARE(m_fx->countState(QStringLiteral("queued")), 2);

    // A folder that works: each email written once, nothing lost.
    const QString good = m_files.filePath(QStringLiteral("good-%1").arg(m_fx->test().backend()));
    QVERIFY(m_fx->set(QStringLiteral("mail.folder"), good));
    now = now.addSecs(3600);
    const auto sent = sender.drain();
    QVERIFY2(sent && sent->sent == 2, qPrintable(sent ? sent->serverProblem : sent.message()));
    QCOMPARE(emlFiles(good).size(), 2);
    QCOMPARE(m_fx->countState(QStringLiteral("sent")), 2);
}

void TestMailFolder::folder_unwritable_givenUpAfterTheGiveUpTime()
{
    const QString file = m_files.filePath(QStringLiteral("giveup-%1").arg(m_fx->test().backend()));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY2(useFolder(file + QStringLiteral("/sub")), qPrintable(m_fx->error()));
    QVERIFY(m_fx->set(QStringLiteral("mail.give-up-hours"), QStringLiteral("1")));
    m_fx->queue(QStringLiteral("late@test.example"), QStringLiteral("Late"), QStringLiteral("x"),
                QDateTime::currentDateTimeUtc().addSecs(-2 * 3600));
    OutboxSender sender(m_fx->db());
    const auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->gaveUp, 1);
    const OutboxTableRow row = m_fx->outbox().constFirst();
    // Failed, as after an SMTP server down too long: platform admins see it.
    QCOMPARE(row.state, QStringLiteral("failed"));
    QVERIFY2(row.lastError.contains(QLatin1String("mail folder")), qPrintable(row.lastError));
}

void TestMailFolder::pump_writesInBackground_nothingNewNextRound()
{
    const QString folder = m_files.filePath(QStringLiteral("pump-%1").arg(m_fx->test().backend()));
    QVERIFY2(useFolder(folder), qPrintable(m_fx->error()));
    m_fx->import(QStringLiteral("Working at height"));

    QString parseError;
    MailPump pump(DatabaseLocation::parse(m_fx->test().location(), &parseError));
    pump.setInterval(3600); // rounds come from sendNow() here
    QSignalSpy rounds(&pump, &MailPump::roundFinished);
    pump.start();
    // The first round at start writes the email waiting.
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 1, 20000);
    QCOMPARE(rounds.constFirst().constFirst().toInt(), 1);
    QCOMPARE(emlFiles(folder).size(), 1);
    QCOMPARE(m_fx->countState(QStringLiteral("sent")), 1);
    QVERIFY2(pump.problem().isEmpty(), qPrintable(pump.problem()));

    // Another round: nothing new.
    pump.sendNow();
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 2, 20000);
    QCOMPARE(rounds.at(1).constFirst().toInt(), 0);
    QCOMPARE(emlFiles(folder).size(), 1);

    // A new email: one more file.
    m_fx->queue(QStringLiteral("next@test.example"), QStringLiteral("Next"), QStringLiteral("n"));
    pump.sendNow();
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 3, 20000);
    QCOMPARE(emlFiles(folder).size(), 2);
    pump.stop();
    QCOMPARE(m_fx->countState(QStringLiteral("sent")), 2);
}

QTEST_MAIN(TestMailFolder)
#include "tst_mail_folder.moc"
