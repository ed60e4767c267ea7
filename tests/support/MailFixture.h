#pragma once

// Shared by the email tests: a small organisation made through the services,
// the mail settings pointed at an SmtpSink, and the outbox rows as the
// database holds them.

#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/ReviewService.h"

#include <QSqlQuery>

#include <memory>

// One row of email_outbox as the table holds it (not mail/OutboxStore.h's
// OutboxRow, which is what the sender reads).
struct OutboxTableRow
{
    Id id = 0;
    QString recipient;
    QString state;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QDateTime sentAt;
    QString lastError;
    QString messageId;
    QString language;
};

class MailFixture
{
public:
    static QString adminEmail() { return QStringLiteral("admin@test.example"); }
    static QString reviewerEmail() { return QStringLiteral("marc.reviewer@test.example"); }
    static QString learnerEmail() { return QStringLiteral("lea.learner@test.example"); }
    static QString sender() { return QStringLiteral("CertDesk Équipe <certdesk@test.example>"); }

    explicit MailFixture(const QString &backend);

    bool isValid() const { return m_db->isValid(); }
    QString error() const { return m_error.isEmpty() ? m_db->error() : m_error; }
    TestDatabase &test() { return *m_db; }
    Database &db() { return m_db->db(); }

    Id admin = 0;
    Id reviewer = 0;
    Id learner = 0;

    // Platform admin; Léa (learner of Team, language given) whose manager is
    // Marc; import on, validation on, reviewers = managers (R3).
    bool makeOrganisation(const QString &learnerLanguage = QStringLiteral("en"));
    Id addUser(const QString &email, const QString &name, const QString &manager,
               const QString &language);
    bool set(const QString &key, const QString &value);
    // Plain SMTP to the sink on loopback.
    bool configureMail(int port);
    // The learner imports a real PDF (CertificatePdf): the reviewer's email is queued.
    ImportOutcome import(const QString &name);
    // The reviewer decides: the owner's email is queued.
    bool review(Id taskId, bool validate, const QString &comment);
    // An email straight into the outbox (not about a notification).
    Id queue(const QString &to, const QString &subject, const QString &body,
             const QDateTime &createdAt = QDateTime::currentDateTimeUtc());
    QList<OutboxTableRow> outbox();
    int countState(const QString &state);

private:
    bool fail(const QString &message);

    std::unique_ptr<TestDatabase> m_db;
    QString m_error;
    int m_pdfCounter = 0;
};
