#pragma once

#include "core/Domain.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

// The certificates aggregate in the storage layer: certificates, their PDFs
// and their history. The one place that knows the two ways to reach them:
// plain statements (SQLite, and a PostgreSQL database never prepared by
// setup), or the server's API on a secured PostgreSQL database, where
// members hold no privilege on these tables and the server decides what the
// caller sees (resources/pgsql/api.sql). Services call this and never branch
// on the dialect. On a secured database the reads return only what the
// signed-in person may see, and the history is written by the server.
class CertificateStore
{
public:
    explicit CertificateStore(const QSqlDatabase &db);

    bool isServer() const { return m_server; }

    struct Row
    {
        QString name;
        QDate delivered;
    };
    // What an import, a resubmission and a review write of a certificate.
    struct Fields
    {
        QString name;
        QDate delivered;
        QDate expires;
        Id templateId = 0;
        std::optional<double> credits;
        QString status;
        QString sha256;
        QString originalFilename;
        Id uploader = 0; // who uploads or sends it again (the server: the login)
        // A PDF repaired on import: the upload's SHA-256 and the repair codes
        // (Certificate::uploadedSha256, pdfRepairs); empty otherwise.
        QString uploadedSha256;
        QStringList pdfRepairs;
    };
    struct NewCertificate : Fields
    {
        Id owner = 0;
        QString importKey;
        Id renews = 0; // the certificate this one renews (0: none)
    };
    struct Change : Fields // a resubmission or a review's edit
    {
        Id id = 0;
        int version = 0; // resubmission: the version read
    };
    struct HistoryRow
    {
        QDateTime at;
        Id actorId = 0;
        QString actorName;
        QString action;
        QJsonObject details;
    };

    // Reads (nullopt / empty with *error empty: nothing there, or hidden).
    std::optional<Certificate> byId(Id id, QString *error) const;
    // One page of one person's certificates, filtered and ordered by the
    // database (README "Rules", Lists).
    struct ListQuery
    {
        Id owner = 0;
        StatusFilter status = StatusFilter::All;
        CertificateOrder order = CertificateOrder::NewestDelivery;
        // Set: only accepted or validated ones, neither revoked nor renewed,
        // expiring from today to this date.
        QDate expiringUntil;
        QDate today;
        int soonDays = Domain::DefaultExpiringSoonDays;
        // Keyset: the last row of the previous page (afterId 0: the first).
        QDate afterDelivered;
        QDate afterExpires; // null: it does not expire
        Id afterId = 0;
        int limit = 100;
    };
    QList<Certificate> list(const ListQuery &query, QString *error) const;
    // One page of every certificate of a scope (README "CSV export"), by id,
    // filtered as list() filters (its owner, order and keyset unused): the
    // export of a whole organisation, read a page at a time.
    QList<Certificate> scopePage(const ScopeSql &scope, const ListQuery &query, Id afterId,
                                 int limit, QString *error) const;
    std::optional<Id> byImportKey(const QString &key, QString *error) const;
    // sha256: the file to store; uploadedSha256: the file as uploaded (the
    // same unless it was repaired).
    std::optional<Row> duplicate(Id owner, const QString &sha256, const QString &uploadedSha256,
                                 QString *error) const;
    bool templateExists(Id templateId, QString *error) const;
    // Plain statements only: whether reviewer was asked to review it (the
    // server's byId() answers this itself).
    bool isReviewerOf(Id certificate, Id reviewer, QString *error) const;
    std::optional<QByteArray> pdf(Id certificate, const QString &sha256, QString *error) const;
    QList<HistoryRow> history(Id certificate, QString *error) const;
    // Counts by status shown (Certificate::displayStatusSql) of these owners:
    // owner, shown status, count.
    struct CountRow
    {
        Id owner = 0;
        QString shown;
        int count = 0;
    };
    QList<CountRow> counts(const QList<Id> &owners, const QDate &today, int soonDays,
                           QString *error) const;

    // Writes, inside the caller's transaction.
    void storePdf(const QString &sha256, const QByteArray &bytes, int pageCount, QString *error);
    Id insert(const NewCertificate &c, QString *error);
    // Rows changed: 0 when it changed meanwhile (or is hidden).
    int resubmit(const Change &c, QString *error);
    int review(const Change &c, QString *error);
    // Revocation of the version read (rows changed: 0 when it changed
    // meanwhile, was revoked already or is hidden).
    int revoke(Id certificate, int version, Id actor, const QString &reason, QString *error);
    // The certificate renewal renews shows it was renewed by it, once the
    // renewal is accepted or validated (rows changed: 0 when there is
    // nothing to mark, or it was renewed already).
    int markRenewed(Id renewal, QString *error);
    // The history entry of a change (plain statements; on a secured database
    // the server's triggers write it with the change, and this does nothing).
    void audit(Id actor, const QString &action, Id certificate, const QJsonObject &details,
               QString *error);

    static QString selectColumns();
    // The columns fromQuery() reads, for the queries that join more: over
    // certificates c, users o (the owner) and the templates aliased
    // templateAlias; and as the server's API names them (cd_certificate_rows).
    static QString columns(const QString &templateAlias);
    static QString serverColumns();
    static Certificate fromQuery(const QSqlQuery &query, int offset = 0);

private:
    QSqlDatabase m_db;
    bool m_server = false;
};
