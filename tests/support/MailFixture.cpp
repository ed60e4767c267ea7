#include "MailFixture.h"

MailFixture::MailFixture(const QString &backend) : m_db(std::make_unique<TestDatabase>(backend)) {}

bool MailFixture::makeOrganisation(const QString &learnerLanguage)
{
    DirectoryService directory(db());
    const auto first = directory.createFirstAdmin(adminEmail(), QStringLiteral("Ada Admin"),
                                                  QStringLiteral("admin-pw"));
    if (!first)
        return fail(first.message());
    admin = first->id;
    if (const auto g = directory.addGroup(admin, QStringLiteral("Team"), QString()); !g)
        return fail(g.message());
    reviewer =
        addUser(reviewerEmail(), QStringLiteral("Marc Reviewer"), QString(), QStringLiteral("en"));
    learner =
        addUser(learnerEmail(), QStringLiteral("Léa Learner"), reviewerEmail(), learnerLanguage);
    return reviewer && learner && set(QStringLiteral("import.enabled"), QStringLiteral("on")) &&
           set(QStringLiteral("validation.required"), QStringLiteral("on")) &&
           set(QStringLiteral("validation.reviewers"), QStringLiteral("managers"));
}

Id MailFixture::addUser(const QString &email, const QString &name, const QString &manager,
                        const QString &language)
{
    DirectoryService directory(db());
    NewUser nu;
    nu.email = email;
    nu.name = name;
    nu.managerEmail = manager;
    nu.memberships = {{QStringLiteral("Team"), Role::Learner}};
    nu.password = QStringLiteral("user-pw");
    nu.language = language;
    const auto u = directory.addUser(admin, nu);
    if (!u)
        fail(u.message());
    return u ? u->id : 0;
}

bool MailFixture::set(const QString &key, const QString &value)
{
    SettingsService settings(db());
    const auto r = settings.set(admin, key, value);
    return r ? true : fail(key + QStringLiteral(": ") + r.message());
}

bool MailFixture::configureMail(int port)
{
    return set(QStringLiteral("mail.host"), QStringLiteral("127.0.0.1")) &&
           set(QStringLiteral("mail.port"), QString::number(port)) &&
           set(QStringLiteral("mail.security"), QStringLiteral("none")) &&
           set(QStringLiteral("mail.from"), sender());
}

ImportOutcome MailFixture::import(const QString &name)
{
    CertificatePdfContent content;
    content.title = name;
    content.holder = QStringLiteral("Léa Learner");
    content.issuer = QStringLiteral("Test Academy");
    content.delivered = QDate::currentDate().addDays(-3);
    content.reference = QStringLiteral("MAIL-%1").arg(++m_pdfCounter);
    ImportRequest r;
    r.name = name;
    r.delivered = content.delivered;
    r.pdf = CertificatePdf::render(content);
    r.originalFilename = QStringLiteral("certificate.pdf");
    CertificateService certificates(db());
    const auto imported = certificates.importCertificate(learner, r);
    if (!imported) {
        fail(imported.message());
        return {};
    }
    return imported.value();
}

bool MailFixture::review(Id taskId, bool validate, const QString &comment)
{
    ReviewService reviews(db());
    ReviewDecision d;
    d.taskId = taskId;
    d.validate = validate;
    d.comment = comment;
    const auto done = reviews.review(reviewer, d);
    return done ? true : fail(done.message());
}

Id MailFixture::queue(const QString &to, const QString &subject, const QString &body,
                      const QDateTime &createdAt)
{
    QString error;
    const Id id = Sql::insert(
        db().connection(),
        QStringLiteral("INSERT INTO email_outbox (recipient_email, subject, body, language, "
                       "state, next_attempt_at, created_at) VALUES (?, ?, ?, 'en', 'queued', "
                       "?, ?)"),
        {to, subject, body, createdAt, createdAt}, &error);
    if (!error.isEmpty())
        fail(error);
    return id;
}

QList<OutboxTableRow> MailFixture::outbox()
{
    QString error;
    QSqlQuery q = Sql::run(db().connection(),
                           QStringLiteral("SELECT id, recipient_email, state, attempts, "
                                          "next_attempt_at, sent_at, last_error, message_id, "
                                          "language FROM email_outbox ORDER BY id"),
                           {}, &error);
    QList<OutboxTableRow> rows;
    while (q.next()) {
        OutboxTableRow r;
        r.id = q.value(0).toLongLong();
        r.recipient = q.value(1).toString();
        r.state = q.value(2).toString();
        r.attempts = q.value(3).toInt();
        r.nextAttemptAt = Sql::toDateTime(q.value(4));
        r.sentAt = Sql::toDateTime(q.value(5));
        r.lastError = q.value(6).toString();
        r.messageId = q.value(7).toString();
        r.language = q.value(8).toString();
        rows.append(r);
    }
    return rows;
}

int MailFixture::countState(const QString &state)
{
    int n = 0;
    const auto rows = outbox();
    for (const OutboxTableRow &r : rows)
        n += r.state == state ? 1 : 0;
    return n;
}

bool MailFixture::fail(const QString &message)
{
    m_error = message;
    return false;
}
