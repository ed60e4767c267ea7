#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "storage/CertificateStore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

class CheckedPdf;

// The writes an import and a resubmission share, inside the caller's
// transaction: the PDF blob (stored once per SHA-256), the certificate row,
// the validation task with its reviewers and their notifications, the audit
// entry. Services' own helper; the UI and the CLI never see it.
class CertificateWriter
{
    Q_DECLARE_TR_FUNCTIONS(CertificateWriter)

public:
    explicit CertificateWriter(const QSqlDatabase &db);

    Status storePdf(const CheckedPdf &pdf);
    Result<Id> insert(const CertificateStore::NewCertificate &row);
    // Rows changed: 0 when the certificate changed meanwhile.
    Result<int> resubmit(const CertificateStore::Change &change);
    // A new open task for certificate, its reviewers, and a notification and
    // an email to each; returns the task's id.
    Result<Id> openTask(Id certificate, const QList<Id> &reviewers, Id actor);
    Status audit(Id actor, const QString &action, Id certificate, const QJsonObject &details);
    // Once renewal (which renews certificate renewed) is accepted or
    // validated: the old one shows it was renewed, and its history says by
    // which (README "Rules", Renewal). Nothing when renewed is 0.
    Status markRenewed(Id renewal, Id renewed, Id actor);
    // The certificate as just written, read back in the same transaction.
    Result<Certificate> readBack(Id certificate) const;

private:
    static Error failed(const QString &error);

    QSqlDatabase m_db;
    CertificateStore m_store;
};
