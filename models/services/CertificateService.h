#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "pdf/PdfCheck.h"
#include "policy/Policy.h"
#include "storage/CertificateStore.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QJsonObject>

struct ImportRequest
{
    Id ownerId = 0; // 0: the actor imports for themselves
    // The file as the form checked it (PdfCheck), not opened again; or, when
    // unset, its bytes, which the service checks (once).
    std::optional<CheckedPdf> checkedPdf;
    QByteArray pdf;
    QString originalFilename; // shown to reviewers; may be empty
    QString name;
    QDate delivered;
    QDate expires; // null: does not expire
    Id templateId = 0;
    std::optional<double> credits;
    // Optional client-generated key that makes a retried import idempotent:
    // the same key never creates a second certificate.
    QString importKey;
    // A renewal: the certificate this one renews (0: a plain import). Its
    // owner is the owner of that one (Policy::mayRenew).
    Id renewsId = 0;
};

struct ImportOutcome
{
    Certificate certificate;
    Id taskId = 0;            // 0 when accepted at once (R2 off)
    QList<Id> reviewers;      // R3
    bool alreadyDone = false; // the import key was used before: nothing new written
};

// Correcting a rejected certificate and sending it again. Unset fields keep
// their value; an empty pdf keeps the file.
struct ResubmitRequest
{
    Id certificateId = 0;
    std::optional<CheckedPdf> checkedPdf; // as for ImportRequest
    QByteArray pdf;
    QString originalFilename;
    std::optional<QString> name;
    std::optional<QDate> delivered;
    std::optional<QDate> expires; // a null date removes the expiration
    std::optional<Id> templateId; // 0 removes the association
    std::optional<std::optional<double>> credits;
};

// One line of a certificate's history: who did what (certificate.import,
// certificate.validate, certificate.reject, ...), when, with what comment.
struct HistoryEntry : CertificateStore::HistoryRow
{
    QString comment;
    QString text() const; // "Imported", "Validated", ... in the reader's language
    // What the reader repaired in the file of an import or resubmission, in
    // the reader's language; empty when it was stored as uploaded.
    QString repairs() const;
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

// Keyset position in a certificate list: the last row of a page (its
// delivery date for the newest-first order, its expiration date for the
// soonest-expiry order).
struct CertificateCursor
{
    QDate delivered;
    Id id = 0;
    QDate expires;
    bool isStart() const { return id == 0; }
    static CertificateCursor after(const Certificate &c) { return {c.delivered, c.id, c.expires}; }
};

// What a certificate list shows (README "Rules", Lists): whose, which shown
// status, in which order; expiringWithinDays >= 0: only the valid ones
// (accepted or validated, neither revoked nor renewed) expiring from today
// to that many days on.
struct CertificateListRequest
{
    Id owner = 0;
    StatusFilter status = StatusFilter::All;
    CertificateOrder order = CertificateOrder::NewestDelivery;
    int expiringWithinDays = -1;
    CertificateCursor after;
    int limit = 100;
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

    // The longest reason of a revocation (the schema's check too).
    static constexpr int MaxRevokeReasonLength = 2000;

    Result<ImportOutcome> importCertificate(Id actor, const ImportRequest &request);
    // A rejected certificate, corrected and sent again (validation on: a new
    // task routed per R3; off: accepted). Same rights as importing (R1, R4).
    Result<ImportOutcome> resubmit(Id actor, const ResubmitRequest &request);
    // Revokes a validated or accepted external certificate (README "Rules",
    // Revocation) with a reason; expectedVersion: the version the actor saw
    // (0: whatever it is now). The owner is told in the app and by email. A
    // second revoker is told who revoked it first.
    Result<Certificate> revoke(Id actor, Id certificateId, const QString &reason,
                               int expectedVersion = 0);
    // The import form's starting values for renewing this certificate: its
    // name, template and credits, for its owner (Policy::mayRenew).
    Result<ImportRequest> renewalDraft(Id actor, Id certificateId) const;
    // Everything that happened to a certificate, oldest first (R5 or reviewer).
    Result<QList<HistoryEntry>> history(Id actor, Id certificateId) const;

    // The field rules of R6 (and "what bad input gets"), shared with the forms.
    static QList<FieldProblem> checkFields(const QString &name, const QDate &delivered,
                                           const QDate &expires,
                                           const std::optional<double> &credits,
                                           const QDate &today);

    // R5. Newest delivery first, keyset-paged: pass the last row of a page as
    // the cursor of the next.
    Result<QList<Certificate>> certificatesOf(Id actor, Id owner, const CertificateCursor &after,
                                              int limit) const;
    // R5. One page of a filtered, ordered list; the filter and the order are
    // the database's, so a page is as cheap as the first one.
    Result<QList<Certificate>> list(Id actor, const CertificateListRequest &request) const;
    // R5. How many certificates of owner each status filter shows (one query).
    Result<CertificateCounts> counts(Id actor, Id owner) const;
    Result<Certificate> certificate(Id actor, Id id) const;
    Result<QByteArray> pdf(Id actor, Id certificateId) const;

    // Statement and mapping shared by the lists (column order is fixed).
    static QString selectColumns();
    static Certificate fromQuery(const QSqlQuery &query);

private:
    // The file of a request, checked once: as the caller checked it, or now.
    Result<std::optional<CheckedPdf>> checkedFile(const std::optional<CheckedPdf> &checked,
                                                  const QByteArray &bytes) const;
    // The whole import inside the transaction the caller opened: one
    // snapshot of the actor and the settings decides every rule.
    Result<ImportOutcome> importInTransaction(Id actor, Id owner, const ImportRequest &request,
                                              const CheckedPdf &pdf);
    Result<ImportOutcome> resubmitInTransaction(Id actor, const ResubmitRequest &request,
                                                const std::optional<CheckedPdf> &pdf);
    // What a retried import with this key wrote the first time, if it did.
    std::optional<Result<ImportOutcome>> alreadyImported(Id actor, const QString &importKey) const;
    // The refusals of the fields against the platform's settings (R6, R7).
    struct CertificateFields
    {
        QString name;
        QDate delivered;
        QDate expires;
        std::optional<double> credits;
    };
    Status checkRequest(const PolicySnapshot &actor, const CertificateFields &fields,
                        bool creditsGiven, bool newTemplate,
                        const std::optional<CheckedPdf> &pdf) const;

    Database &m_db;
    Policy m_policy;
};
