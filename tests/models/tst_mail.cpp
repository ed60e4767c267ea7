// Email part 1: the mail settings and the sealed SMTP
// password, the MIME message, and the reviewer's and the owner's emails
// delivered to a real SMTP server (tests/support/sink.py, python3-aiosmtpd on
// loopback) once each, with the right recipient, text and language — on
// SQLite and PostgreSQL. Delivery failures are in tst_mail_delivery.cpp.
#include "MailFixture.h"
#include "SmtpSink.h"
#include "core/TextCheck.h"
#include "mail/MailMessage.h"
#include "mail/OutboxSender.h"
#include "policy/MailSecret.h"
#include "services/NotificationService.h"

#include <QJsonArray>
#include <QTest>

class TestMail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_fx.reset(); }

    void settings_defaultsAndBadValuesRefused();
    void settings_password_sealedNeverInTableOrAudit();
    void settings_password_otherKeyOrNoKey_saysWhich();
    void mime_utf8Subject_encodedWordsCrlfAndHeaders();
    void send_reviewerAndOwnerEmails_arriveOnceWithText();
    void send_recipientLanguage_renderedAtSendTime();
    void send_withLogin_rightPasswordOnly();
    void send_starttlsAndSmtps_verifiedCertificatesOnly();
    void send_notConfigured_refusedAndNothingTouched();

private:
    QJsonObject onlyMessageTo(const QString &recipient);

    QTemporaryDir m_keyDir;
    QTemporaryDir m_certDir; // the sink's test CA and certificate
    std::unique_ptr<MailFixture> m_fx;
    SmtpSink m_sink;
};

void TestMail::initTestCase()
{
    // The mail key of these tests, never the user's own.
    QVERIFY(m_keyDir.isValid());
    qputenv("CERTDESK_MAIL_KEY_FILE", m_keyDir.filePath(QStringLiteral("mail.key")).toUtf8());
    qunsetenv("CERTDESK_MAIL_KEY");
}

void TestMail::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fx = std::make_unique<MailFixture>(backend);
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    QVERIFY2(m_fx->makeOrganisation(), qPrintable(m_fx->error()));
    m_sink.clear();
}

QJsonObject TestMail::onlyMessageTo(const QString &recipient)
{
    QList<QJsonObject> found;
    const auto messages = m_sink.messages();
    for (const QJsonObject &m : messages) {
        if (m.value(QStringLiteral("rcpt_tos")).toArray().contains(recipient))
            found.append(m);
    }
    if (found.size() != 1)
        qWarning("%lld messages to %s", qlonglong(found.size()), qPrintable(recipient));
    return found.size() == 1 ? found.constFirst() : QJsonObject();
}

void TestMail::settings_defaultsAndBadValuesRefused()
{
    SettingsService service(m_fx->db());
    const auto settings = service.settings();
    QVERIFY(settings);
    const MailSettings &mail = settings->mail;
    QCOMPARE(mail.host, QString());
    QCOMPARE(mail.port, 587);
    QCOMPARE(mail.security, MailSecurity::StartTls);
    QCOMPARE(mail.giveUpHours, 48);
    QCOMPARE(settings->value(QStringLiteral("mail.password")), QStringLiteral("not set"));
    QVERIFY(!mail.problem().isEmpty()); // not configured
    for (const QString &key : MailSettings::keys())
        QVERIFY2(PlatformSettings::keys().contains(key), qPrintable(key));

    const QList<QPair<QString, QString>> bad = {
        {QStringLiteral("mail.port"), QStringLiteral("0")},
        {QStringLiteral("mail.port"), QStringLiteral("smtp")},
        {QStringLiteral("mail.security"), QStringLiteral("ssl-maybe")},
        {QStringLiteral("mail.host"), QStringLiteral("smtp example.org")},
        {QStringLiteral("mail.host"), QStringLiteral("smtp://example.org")},
        {QStringLiteral("mail.from"), QStringLiteral("not an address")},
        {QStringLiteral("mail.from"), QStringLiteral("Name <a@b.example>, other@b.example")},
        {QStringLiteral("mail.give-up-hours"), QStringLiteral("0")},
        {QStringLiteral("mail.username"), QStringLiteral("line\nbreak")},
    };
    for (const auto &[key, value] : bad) {
        const auto r = service.set(m_fx->admin, key, value);
        QVERIFY2(!r && r.kind() == ErrorKind::Invalid, qPrintable(key + QLatin1Char('=') + value));
    }
    // Only platform admins.
    QCOMPARE(service.set(m_fx->reviewer, QStringLiteral("mail.host"), QStringLiteral("smtp.x.org"))
                 .kind(),
             ErrorKind::Refused);

    QVERIFY2(m_fx->set(QStringLiteral("mail.host"), QStringLiteral("smtp.example.org")),
             qPrintable(m_fx->error()));
    QVERIFY(m_fx->set(QStringLiteral("mail.from"), MailFixture::sender()));
    QVERIFY(m_fx->set(QStringLiteral("mail.security"), QStringLiteral("SMTPS")));
    const auto after = service.settings();
    QCOMPARE(after->mail.security, MailSecurity::Smtps);
    QCOMPARE(after->mail.fromAddress(), QStringLiteral("certdesk@test.example"));
    QCOMPARE(after->mail.fromName(), QStringLiteral("CertDesk Équipe"));
    QVERIFY2(after->mail.problem().isEmpty(), qPrintable(after->mail.problem()));
    // A login in clear is refused, except to this machine.
    QVERIFY(m_fx->set(QStringLiteral("mail.security"), QStringLiteral("none")));
    QVERIFY(m_fx->set(QStringLiteral("mail.username"), QStringLiteral("relay")));
    QVERIFY(service.settings()->mail.problem().contains(QLatin1String("unencrypted")));
    QVERIFY(m_fx->set(QStringLiteral("mail.host"), QStringLiteral("127.0.0.1")));
    QVERIFY(service.settings()->mail.problem().isEmpty());
}

void TestMail::settings_password_sealedNeverInTableOrAudit()
{
    const QString password = QStringLiteral("s3cret-Pässwörd \"quoted\"");
    QVERIFY2(m_fx->set(QStringLiteral("mail.password"), password), qPrintable(m_fx->error()));

    // The key file was created, private.
    QFile key(MailSecret::keyFile());
    QVERIFY(key.exists());
    QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                  QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    QString error;
    QSqlQuery q = Sql::run(m_fx->db().connection(),
                           QStringLiteral("SELECT value FROM settings WHERE key = "
                                          "'mail.password'"),
                           {}, &error);
    QVERIFY(q.next());
    const QString stored = q.value(0).toString();
    QVERIFY2(stored.startsWith(QLatin1String("secretbox:v1:")), qPrintable(stored));
    QVERIFY(!stored.contains(password));
    QVERIFY(!stored.contains(QLatin1String("s3cret")));
    q.finish();

    // Nowhere in the database in clear: every text column of settings and audit_log.
    for (const QString &sql : {QStringLiteral("SELECT key || value FROM settings"),
                               QStringLiteral("SELECT action || details FROM audit_log")}) {
        q = Sql::run(m_fx->db().connection(), sql, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        while (q.next())
            QVERIFY2(!q.value(0).toString().contains(QLatin1String("s3cret")),
                     qPrintable(q.value(0).toString()));
    }
    q = Sql::run(m_fx->db().connection(),
                 QStringLiteral("SELECT details FROM audit_log WHERE action = 'settings.change' "
                                "ORDER BY id DESC LIMIT 1"),
                 {}, &error);
    QVERIFY(q.next());
    QVERIFY2(q.value(0).toString().contains(QLatin1String("mail.password")),
             qPrintable(q.value(0).toString()));
    QVERIFY(q.value(0).toString().contains(QLatin1String("\"set\"")));
    q.finish();

    SettingsService service(m_fx->db());
    const auto settings = service.settings();
    QCOMPARE(settings->value(QStringLiteral("mail.password")), QStringLiteral("set"));
    QCOMPARE(settings->mail.password().value(), password);

    // Changing it to another password is a change (and audited once more).
    QVERIFY(m_fx->set(QStringLiteral("mail.password"), QStringLiteral("second")));
    QCOMPARE(service.settings()->mail.password().value(), QStringLiteral("second"));
    // Cleared.
    QVERIFY(m_fx->set(QStringLiteral("mail.password"), QString()));
    QCOMPARE(service.settings()->value(QStringLiteral("mail.password")), QStringLiteral("not set"));
}

void TestMail::settings_password_otherKeyOrNoKey_saysWhich()
{
    QVERIFY(m_fx->set(QStringLiteral("mail.password"), QStringLiteral("relay-pw")));
    SettingsService service(m_fx->db());
    const MailSettings mail = service.settings()->mail;
    QCOMPARE(mail.password().value(), QStringLiteral("relay-pw"));

    // A relay with another key: refused, naming both keys.
    qputenv("CERTDESK_MAIL_KEY", MailSecret::generateKey().toLatin1());
    auto other = mail.password();
    QVERIFY(!other);
    QVERIFY2(other.message().contains(QLatin1String("$CERTDESK_MAIL_KEY")),
             qPrintable(other.message()));
    // The same key given through the environment works.
    QFile keyFile(MailSecret::keyFile());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    qputenv("CERTDESK_MAIL_KEY", keyFile.readAll().trimmed());
    QCOMPARE(mail.password().value(), QStringLiteral("relay-pw"));
    qunsetenv("CERTDESK_MAIL_KEY");

    // A relay without any key.
    const QByteArray saved = qgetenv("CERTDESK_MAIL_KEY_FILE");
    qputenv("CERTDESK_MAIL_KEY_FILE", m_keyDir.filePath(QStringLiteral("absent.key")).toUtf8());
    auto none = mail.password();
    qputenv("CERTDESK_MAIL_KEY_FILE", saved);
    QVERIFY(!none);
    QVERIFY2(none.message().contains(QLatin1String("does not have")), qPrintable(none.message()));

    // A key file others can read is refused.
    QVERIFY(QFile::setPermissions(MailSecret::keyFile(), QFileDevice::ReadOwner |
                                                             QFileDevice::WriteOwner |
                                                             QFileDevice::ReadOther));
    auto shared = mail.password();
    QVERIFY(QFile::setPermissions(MailSecret::keyFile(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(!shared);
    QVERIFY2(shared.message().contains(QLatin1String("chmod 600")), qPrintable(shared.message()));

    // The sender refuses to run rather than send without the password.
    QVERIFY(m_fx->configureMail(25));
    qputenv("CERTDESK_MAIL_KEY", MailSecret::generateKey().toLatin1());
    m_fx->queue(QStringLiteral("x@test.example"), QStringLiteral("x"), QStringLiteral("x"));
    OutboxSender sender(m_fx->db());
    const auto round = sender.drain();
    qunsetenv("CERTDESK_MAIL_KEY");
    QVERIFY(!round);
    QCOMPARE(m_fx->outbox().constFirst().attempts, 0);
}

void TestMail::mime_utf8Subject_encodedWordsCrlfAndHeaders()
{
    MailMessage m;
    m.fromName = QStringLiteral("CertDesk Équipe");
    m.fromAddress = QStringLiteral("certdesk@test.example");
    m.to = QStringLiteral("lea@test.example");
    m.subject = QStringLiteral("Votre certificat « Sécurité incendie 🔥 — niveau 2, une formation "
                               "très longue » a été validé");
    m.body = QStringLiteral("Ligne 1\nLigne 2 — é\n");
    m.language = QStringLiteral("fr");
    m.messageId = QStringLiteral("abc.certdesk@test.example");
    m.date = QDateTime(QDate(2025, 1, 14), QTime(9, 30), Qt::UTC);
    const QByteArray mime = m.toMime();

    QCOMPARE(mime.count('\n'), mime.count("\r\n")); // CRLF only
    const QByteArray head = mime.left(mime.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        QVERIFY2(line.size() <= 78, line.constData());
        for (const char c : line)
            QVERIFY2(uchar(c) < 0x80, line.constData()); // headers are 7-bit
    }
    QVERIFY(head.contains("Date: Tue, 14 Jan 2025 09:30:00 +0000\r\n"));
    QVERIFY(head.contains("Subject: =?UTF-8?B?"));
    QVERIFY(head.contains("\r\n =?UTF-8?B?")); // folded into several encoded-words
    QVERIFY(head.contains("From: =?UTF-8?B?"));
    QVERIFY(head.contains("<certdesk@test.example>"));
    QVERIFY(head.contains("To: lea@test.example\r\n"));
    QVERIFY(head.contains("Message-ID: <abc.certdesk@test.example>\r\n"));
    QVERIFY(head.contains("MIME-Version: 1.0\r\n"));
    QVERIFY(head.contains("Content-Type: text/plain; charset=UTF-8\r\n"));
    QVERIFY(head.contains("Content-Transfer-Encoding: base64\r\n"));
    QVERIFY(head.contains("Content-Language: fr\r\n"));
    // The words decode back to the subject, no character cut in two.
    QByteArray decoded;
    const auto words = head.mid(head.indexOf("Subject: ")).split('\n');
    for (const QByteArray &line : words) {
        const qsizetype start = line.indexOf("=?UTF-8?B?");
        if (start < 0)
            break;
        const qsizetype end = line.indexOf("?=", start + 10);
        const QByteArray chunk = QByteArray::fromBase64(line.mid(start + 10, end - start - 10));
        QVERIFY(QString::fromUtf8(chunk).toUtf8() == chunk); // valid UTF-8 on its own
        decoded += chunk;
    }
    QCOMPARE(QString::fromUtf8(decoded), m.subject);
    // Body: base64 of the CRLF text.
    const QByteArray body = mime.mid(mime.indexOf("\r\n\r\n") + 4);
    QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(body)),
             QStringLiteral("Ligne 1\r\nLigne 2 — é\r\n"));

    // Plain ASCII stays readable; "=?" in it is encoded so it is not misread.
    QCOMPARE(MailMessage::encodeHeaderText(QStringLiteral("Certificate validation: AWS"), 9),
             QByteArray("Certificate validation: AWS"));
    QVERIFY(MailMessage::encodeHeaderText(QStringLiteral("a =?x?= b"), 9).startsWith("=?UTF-8"));
    // Addresses that would break a header or an SMTP command are refused.
    QVERIFY(TextCheck::isMailAddress(QStringLiteral("a.b+c@example.org")));
    for (const char *bad : {"a b@example.org", "a@b", "<a@b.org>", "a@b.org\r\nRCPT TO:x",
                            "a,b@example.org", "\"a\"@example.org"})
        QVERIFY2(!TextCheck::isMailAddress(QString::fromUtf8(bad)), bad);
    QCOMPARE(MailMessage::asciiAddress(QStringLiteral("jo@bücher.example")),
             QStringLiteral("jo@xn--bcher-kva.example"));
    QCOMPARE(MailMessage::asciiAddress(QStringLiteral("jö@example.org")), QString());
    // Two messages never share a Message-ID.
    QVERIFY(MailMessage::newMessageId(m.fromAddress) != MailMessage::newMessageId(m.fromAddress));
}

void TestMail::send_reviewerAndOwnerEmails_arriveOnceWithText()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY2(m_fx->configureMail(m_sink.port()), qPrintable(m_fx->error()));
    const QString name = QStringLiteral("Sécurité incendie 🔥 niveau 2");

    // The learner imports: the reviewer's email waits in the outbox.
    const ImportOutcome imported = m_fx->import(name);
    QVERIFY2(imported.taskId > 0, qPrintable(m_fx->error()));
    QCOMPARE(m_fx->outbox().size(), 1);
    OutboxSender sender(m_fx->db());
    auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 1);
    QCOMPARE(m_sink.messages().size(), 1);

    const QJsonObject request = onlyMessageTo(MailFixture::reviewerEmail());
    QVERIFY(!request.isEmpty());
    QCOMPARE(request.value(QStringLiteral("to")).toString(), MailFixture::reviewerEmail());
    QCOMPARE(request.value(QStringLiteral("mail_from")).toString(),
             QStringLiteral("certdesk@test.example"));
    QCOMPARE(request.value(QStringLiteral("from")).toString(), MailFixture::sender());
    QCOMPARE(request.value(QStringLiteral("subject")).toString(),
             QStringLiteral("Certificate validation: ") + name);
    QVERIFY(request.value(QStringLiteral("raw_subject"))
                .toString()
                .startsWith(QLatin1String("=?UTF-8?B?")));
    const QString requestBody = request.value(QStringLiteral("body")).toString();
    QVERIFY2(requestBody.contains(name), qPrintable(requestBody));
    QVERIFY(requestBody.contains(QStringLiteral("Léa Learner")));
    QCOMPARE(request.value(QStringLiteral("content_type")).toString(),
             QStringLiteral("text/plain"));
    QCOMPARE(request.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
    QCOMPARE(request.value(QStringLiteral("transfer_encoding")).toString(),
             QStringLiteral("base64"));
    QCOMPARE(request.value(QStringLiteral("mime_version")).toString(), QStringLiteral("1.0"));
    QVERIFY(request.value(QStringLiteral("date_parsed")).toBool());
    QCOMPARE(request.value(QStringLiteral("bare_lf")).toInt(), 0);
    QVERIFY(request.value(QStringLiteral("longest_line")).toInt() <= 78);
    QCOMPARE(request.value(QStringLiteral("defects")).toArray().size(), 0);
    QCOMPARE(request.value(QStringLiteral("auto_submitted")).toString(),
             QStringLiteral("auto-generated"));

    // The reviewer rejects with a comment: the owner's email.
    const QString comment = QStringLiteral("Le tampon est illisible — merci de renvoyer le "
                                           "scan 🙏");
    QVERIFY2(m_fx->review(imported.taskId, false, comment), qPrintable(m_fx->error()));
    round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 1); // the reviewer's email is not sent again
    QCOMPARE(m_sink.messages().size(), 2);
    const QJsonObject outcome = onlyMessageTo(MailFixture::learnerEmail());
    QVERIFY(!outcome.isEmpty());
    QCOMPARE(outcome.value(QStringLiteral("subject")).toString(),
             QStringLiteral("Your certificate \"%1\" was rejected").arg(name));
    const QString outcomeBody = outcome.value(QStringLiteral("body")).toString();
    QVERIFY2(outcomeBody.contains(name), qPrintable(outcomeBody));
    QVERIFY2(outcomeBody.contains(comment), qPrintable(outcomeBody));
    QVERIFY(outcomeBody.contains(QLatin1String("Marc Reviewer")));

    // The rows: sent once, with the Message-ID the server received.
    const auto rows = m_fx->outbox();
    QCOMPARE(rows.size(), 2);
    QSet<QString> ids;
    for (const OutboxTableRow &r : rows) {
        QCOMPARE(r.state, QStringLiteral("sent"));
        QCOMPARE(r.attempts, 0);
        QVERIFY(r.sentAt.isValid());
        ids.insert(QLatin1Char('<') + r.messageId + QLatin1Char('>'));
    }
    const auto messages = m_sink.messages();
    for (const QJsonObject &m : messages)
        QVERIFY(ids.contains(m.value(QStringLiteral("message_id")).toString()));
    // Nothing left: a third round sends nothing.
    round = sender.drain();
    QCOMPARE(round->sent + round->rescheduled, 0);
    QCOMPARE(m_sink.messages().size(), 2);
}

void TestMail::send_recipientLanguage_renderedAtSendTime()
{
    // A French-speaking owner: her email is in French though the reviewer's
    // process (this test) wrote the row in English.
    const Id francophone =
        m_fx->addUser(QStringLiteral("chloe@test.example"), QStringLiteral("Chloé Dubois"),
                      MailFixture::reviewerEmail(), QStringLiteral("fr"));
    QVERIFY(francophone);
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(m_fx->configureMail(m_sink.port()));

    CertificateService certificates(m_fx->db());
    ImportRequest r;
    r.name = QStringLiteral("Premiers secours");
    r.delivered = QDate::currentDate().addDays(-1);
    CertificatePdfContent content;
    content.title = r.name;
    content.holder = QStringLiteral("Chloé Dubois");
    content.delivered = r.delivered;
    r.pdf = CertificatePdf::render(content);
    const auto imported = certificates.importCertificate(francophone, r);
    QVERIFY2(imported, qPrintable(imported.message()));
    QVERIFY(m_fx->review(imported->taskId, true, QStringLiteral("Parfait.")));

    // Rendered again at send time in English equals what the service wrote:
    // MailText's strings are Notification's.
    QString sqlError;
    QSqlQuery q = Sql::run(m_fx->db().connection(),
                           QStringLiteral("SELECT subject, body FROM email_outbox WHERE "
                                          "recipient_email = ?"),
                           {MailFixture::reviewerEmail()}, &sqlError);
    QVERIFY(q.next());
    const QString storedSubject = q.value(0).toString();
    const QString storedBody = q.value(1).toString();
    q.finish();

    OutboxSender sender(m_fx->db());
    const auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 2);
    const QJsonObject english = onlyMessageTo(MailFixture::reviewerEmail());
    QCOMPARE(english.value(QStringLiteral("subject")).toString(), storedSubject);
    QCOMPARE(english.value(QStringLiteral("body"))
                 .toString()
                 .replace(QStringLiteral("\r\n"), QStringLiteral("\n")),
             storedBody);
    QVERIFY(english.value(QStringLiteral("content_language")).toString() == QLatin1String("en"));

    const QJsonObject french = onlyMessageTo(QStringLiteral("chloe@test.example"));
    QCOMPARE(french.value(QStringLiteral("subject")).toString(),
             QStringLiteral("Votre certificat « Premiers secours » a été validé"));
    const QString body = french.value(QStringLiteral("body")).toString();
    QVERIFY2(body.contains(QStringLiteral("Marc Reviewer a validé votre certificat externe « "
                                          "Premiers secours ».")),
             qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("Commentaire : Parfait.")), qPrintable(body));
    QCOMPARE(french.value(QStringLiteral("content_language")).toString(), QStringLiteral("fr"));
}

void TestMail::send_withLogin_rightPasswordOnly()
{
    QString error;
    QVERIFY2(m_sink.start(&error, {QStringLiteral("--auth"), QStringLiteral("relay:pa ss wörd")}),
             qPrintable(error));
    QVERIFY(m_fx->configureMail(m_sink.port()));
    QVERIFY(m_fx->set(QStringLiteral("mail.username"), QStringLiteral("relay")));
    QVERIFY(m_fx->set(QStringLiteral("mail.password"), QStringLiteral("wrong")));
    m_fx->queue(QStringLiteral("a@test.example"), QStringLiteral("Hello"), QStringLiteral("Hi"));
    m_fx->queue(QStringLiteral("b@test.example"), QStringLiteral("Hello"), QStringLiteral("Hi"));

    OutboxSender sender(m_fx->db());
    auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 0);
    QVERIFY2(round->serverProblem.contains(QLatin1String("login")),
             qPrintable(round->serverProblem));
    QCOMPARE(round->rescheduled + round->deferred, 2);
    QCOMPARE(m_fx->countState(QStringLiteral("queued")), 2);
    QCOMPARE(m_sink.messages().size(), 0);

    QVERIFY(m_fx->set(QStringLiteral("mail.password"), QStringLiteral("pa ss wörd")));
    sender.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(2 * 3600); });
    round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QCOMPARE(round->sent, 2);
    const auto messages = m_sink.messages();
    QCOMPARE(messages.size(), 2);
    for (const QJsonObject &m : messages)
        QCOMPARE(m.value(QStringLiteral("login")).toString(), QStringLiteral("relay"));
}

void TestMail::send_starttlsAndSmtps_verifiedCertificatesOnly()
{
    const QString certs = m_certDir.path();
    const QString ca = m_certDir.filePath(QStringLiteral("ca.pem"));
    qunsetenv("CERTDESK_MAIL_CA_FILE");
    QString error;
    QDateTime now = QDateTime::currentDateTimeUtc();
    OutboxSender sender(m_fx->db());
    sender.setClock([&now] { return now; });

    // STARTTLS required but not offered: no fallback to clear text.
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(m_fx->configureMail(m_sink.port()));
    QVERIFY(m_fx->set(QStringLiteral("mail.security"), QStringLiteral("starttls")));
    m_fx->queue(QStringLiteral("tls@test.example"), QStringLiteral("TLS"), QStringLiteral("x"));
    now = QDateTime::currentDateTimeUtc();
    auto round = sender.drain();
    QVERIFY2(round, qPrintable(round.message()));
    QVERIFY2(round->serverProblem.contains(QLatin1String("No secure connection")),
             qPrintable(round->serverProblem));
    QCOMPARE(m_sink.messages().size(), 0);

    // STARTTLS offered with a certificate from an unknown CA: refused.
    QVERIFY2(
        m_sink.start(&error, {QStringLiteral("--starttls"), QStringLiteral("--cert-dir"), certs}),
        qPrintable(error));
    now = now.addSecs(3600);
    round = sender.drain();
    QVERIFY2(round->serverProblem.contains(QLatin1String("No secure connection")),
             qPrintable(round->serverProblem));
    QCOMPARE(m_sink.messages().size(), 0);

    // That CA trusted ($CERTDESK_MAIL_CA_FILE): sent over TLS.
    qputenv("CERTDESK_MAIL_CA_FILE", ca.toUtf8());
    now = now.addSecs(3600);
    round = sender.drain();
    QVERIFY2(round && round->sent == 1, qPrintable(round ? round->serverProblem : round.message()));
    QCOMPARE(m_sink.messages().constFirst().value(QStringLiteral("tls")).toBool(), true);

    // SMTPS: TLS from the first byte.
    QVERIFY2(m_sink.start(&error, {QStringLiteral("--smtps"), QStringLiteral("--cert-dir"), certs}),
             qPrintable(error));
    QVERIFY(m_fx->set(QStringLiteral("mail.security"), QStringLiteral("smtps")));
    m_fx->queue(QStringLiteral("smtps@test.example"), QStringLiteral("SMTPS"), QStringLiteral("y"));
    now = QDateTime::currentDateTimeUtc().addSecs(3 * 3600);
    round = sender.drain();
    qunsetenv("CERTDESK_MAIL_CA_FILE");
    QVERIFY2(round && round->sent == 1, qPrintable(round ? round->serverProblem : round.message()));
    QCOMPARE(m_sink.messages().size(), 2);
    QCOMPARE(m_sink.messages().constLast().value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(m_fx->countState(QStringLiteral("sent")), 2);
}

void TestMail::send_notConfigured_refusedAndNothingTouched()
{
    m_fx->import(QStringLiteral("First Aid"));
    QCOMPARE(m_fx->outbox().size(), 1);
    OutboxSender sender(m_fx->db());
    const auto round = sender.drain();
    QVERIFY(!round);
    QCOMPARE(round.kind(), ErrorKind::Refused);
    QVERIFY2(round.message().contains(QLatin1String("mail.host")), qPrintable(round.message()));
    const OutboxTableRow row = m_fx->outbox().constFirst();
    QCOMPARE(row.state, QStringLiteral("queued"));
    QCOMPARE(row.attempts, 0);
    QVERIFY(row.lastError.isEmpty());
}

QTEST_MAIN(TestMail)
#include "tst_mail.moc"
