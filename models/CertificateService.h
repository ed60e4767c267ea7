#pragma once

#include "Database.h"
#include "Domain.h"
#include "Policy.h"
#include "Result.h"

#include <QCoreApplication>

struct ImportRequest
{
    Id ownerId = 0;           // 0: the actor imports for themselves
    QByteArray pdf;           // the file's bytes, read once
    QString originalFilename; // shown to reviewers; may be empty
    QString name;
    QDate delivered;
    QDate expires; // null: does not expire
    Id templateId = 0;
    std::optional<double> credits;
    // Optional client-generated key that makes a retried import idempotent:
    // the same key never creates a second certificate.
    QString importKey;
};

struct ImportOutcome
{
    Certificate certificate;
    Id taskId = 0;            // 0 when accepted at once (R2 off)
    QList<Id> reviewers;      // R3
    bool alreadyDone = false; // the import key was used before: nothing new written
};

// One problem with one form field, for live checks next to the field.
struct FieldProblem
{
    enum class Field
    {
        File,
        Name,
        Delivered,
        Expires,
        Template,
        Credits
    };
    Field field;
    QString message;
};

// Keyset position in a certificate list, newest delivery first.
struct CertificateCursor
{
    QDate delivered;
    Id id = 0;
    bool isStart() const { return id == 0; }
};

// Importing and reading certificates. importCertificate() is the whole use
// case in one transaction: blob (deduplicated by SHA-256), certificate,
// validation task routed per R3 or immediate acceptance per R2, a
// notification and an outbox email per reviewer, an audit entry.
class CertificateService
{
    Q_DECLARE_TR_FUNCTIONS(CertificateService)

public:
    explicit CertificateService(Database &db);

    Result<ImportOutcome> importCertificate(Id actor, const ImportRequest &request);

    // The field rules of R6 (and "what bad input gets"), shared with the forms.
    static QList<FieldProblem> checkFields(const QString &name, const QDate &delivered,
                                           const QDate &expires,
                                           const std::optional<double> &credits,
                                           const QDate &today);

    // R5. Newest delivery first, keyset-paged: pass the last row of a page as
    // the cursor of the next.
    Result<QList<Certificate>> certificatesOf(Id actor, Id owner, const CertificateCursor &after,
                                              int limit) const;
    Result<Certificate> certificate(Id actor, Id id) const;
    Result<QByteArray> pdf(Id actor, Id certificateId) const;

    // Statement and mapping shared by the lists (column order is fixed).
    static QString selectColumns();
    static Certificate fromQuery(const QSqlQuery &query);

private:
    Database &m_db;
    Policy m_policy;
};
