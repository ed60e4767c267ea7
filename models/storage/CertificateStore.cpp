#include "storage/CertificateStore.h"

#include "storage/AuditLog.h"

#include <QJsonDocument>

namespace {
QVariant creditsOrNull(const std::optional<double> &credits)
{
    return credits ? QVariant(*credits) : QVariant(QMetaType::fromType<double>());
}

// The server's API returns the same columns, in the same order, as
// selectColumns() (the view cd_certificate_rows).
const QString kServerRow =
    QStringLiteral("SELECT ") + CertificateStore::serverColumns() + QStringLiteral(" FROM ");

QVariant repairsOrNull(const QStringList &codes)
{
    return Sql::textOrNull(codes.join(QLatin1Char(',')));
}
} // namespace

CertificateStore::CertificateStore(const QSqlDatabase &db)
    : m_db(db), m_server(Database::isSecured(db))
{}

QString CertificateStore::columns(const QString &templateAlias)
{
    return QStringLiteral(
               "c.id, c.kind, c.owner_id, o.name, c.uploader_id, c.name, c.delivered_on, "
               "c.expires_on, c.template_id, %1.name, c.credits, c.status, c.pdf_sha256, "
               "c.original_filename, c.version, c.created_at, c.updated_at, c.uploaded_sha256, "
               "c.pdf_repairs, c.renews_id, c.renewed_by_id, c.revoked_at, c.revoked_by, "
               "c.revoke_reason")
        .arg(templateAlias);
}

QString CertificateStore::serverColumns()
{
    return QStringLiteral(
        "id, kind, owner_id, owner_name, uploader_id, name, delivered_on, expires_on, "
        "template_id, template_name, credits, status, pdf_sha256, original_filename, version, "
        "created_at, updated_at, uploaded_sha256, pdf_repairs, renews_id, renewed_by_id, "
        "revoked_at, revoked_by, revoke_reason");
}

QString CertificateStore::selectColumns()
{
    return QStringLiteral("SELECT ") + columns(QStringLiteral("t")) +
           QStringLiteral(" FROM certificates c JOIN users o ON o.id = c.owner_id "
                          "LEFT JOIN certificate_templates t ON t.id = c.template_id ");
}

Certificate CertificateStore::fromQuery(const QSqlQuery &q, int o)
{
    Certificate c;
    QString kind;
    QVariant credits;
    QString status;
    QString repairs;
    Sql::readColumns(q, o, c.id, kind, c.ownerId, c.ownerName, c.uploaderId, c.name, c.delivered,
                     c.expires, c.templateId, c.templateName, credits, status, c.pdfSha256,
                     c.originalFilename, c.version, c.createdAt, c.updatedAt, c.uploadedSha256,
                     repairs, c.renewsId, c.renewedById, c.revokedAt, c.revokedBy, c.revokeReason);
    c.pdfRepairs = repairs.split(QLatin1Char(','), Qt::SkipEmptyParts);
    c.kind = Domain::kindFromKey(kind);
    if (!credits.isNull())
        c.credits = credits.toDouble();
    c.status = Domain::statusFromKey(status);
    return c;
}

std::optional<Certificate> CertificateStore::byId(Id id, QString *error) const
{
    QSqlQuery q =
        m_server ? Sql::run(m_db, kServerRow + QStringLiteral("cd_api.certificate(?)"), {id}, error)
                 : Sql::run(m_db, selectColumns() + QStringLiteral("WHERE c.id = ?"), {id}, error);
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

QList<Certificate> CertificateStore::scopePage(const ScopeSql &scope, const ListQuery &query,
                                               Id afterId, int limit, QString *error) const
{
    const QDate soon = Certificate::soonLimit(query.today, query.soonDays);
    const QStringList shown = Domain::statusFilterShown(query.status);
    QSqlQuery q;
    if (m_server) {
        q = Sql::run(
            m_db, kServerRow + QStringLiteral("cd_api.certificate_export(?, ?, ?, ?, ?, ?)"),
            {QString(QStringLiteral("{") + shown.join(QLatin1Char(',')) + QStringLiteral("}")),
             Sql::dateOrNull(query.today), Sql::dateOrNull(soon),
             Sql::dateOrNull(query.expiringUntil), afterId, qMax(1, limit)},
            error);
    } else {
        // The twin of cd_api.certificate_export.
        QString sql;
        QVariantList values;
        if (scope.actor > 0) {
            sql = scope.cte;
            values << scope.actor;
        }
        sql += selectColumns();
        if (scope.actor > 0)
            sql += QStringLiteral("JOIN scope s ON s.user_id = c.owner_id ");
        sql += QStringLiteral("WHERE c.id > ? ");
        values << afterId;
        if (!shown.isEmpty()) {
            QStringList marks;
            for (int i = 0; i < shown.size(); ++i)
                marks << QStringLiteral("?");
            sql += QStringLiteral("AND ") + Certificate::displayStatusSql() +
                   QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QStringLiteral(") ");
            values << Sql::dateOrNull(query.today) << Sql::dateOrNull(soon);
            for (const QString &key : shown)
                values << key;
        }
        if (query.expiringUntil.isValid()) {
            sql += QStringLiteral("AND c.status IN ('accepted', 'validated') AND c.revoked_at IS "
                                  "NULL AND c.renewed_by_id IS NULL AND c.expires_on >= ? AND "
                                  "c.expires_on <= ? ");
            values << Sql::dateOrNull(query.today) << Sql::dateOrNull(query.expiringUntil);
        }
        sql += QStringLiteral("ORDER BY c.id LIMIT ?");
        values << qMax(1, limit);
        q = Sql::run(m_db, sql, values, error);
    }
    QList<Certificate> list;
    while (error->isEmpty() && q.next())
        list.append(fromQuery(q));
    return list;
}

QList<Certificate> CertificateStore::list(const ListQuery &query, QString *error) const
{
    const QDate soon = Certificate::soonLimit(query.today, query.soonDays);
    const QStringList shown = Domain::statusFilterShown(query.status);
    const bool byExpiry = query.order == CertificateOrder::ExpirySoonest;
    QSqlQuery q;
    if (m_server) {
        q = Sql::run(
            m_db,
            kServerRow + QStringLiteral("cd_api.certificate_list(?, ?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?)"),
            {query.owner,
             QString(QStringLiteral("{") + shown.join(QLatin1Char(',')) + QStringLiteral("}")),
             Sql::dateOrNull(query.today), Sql::dateOrNull(soon),
             Sql::dateOrNull(query.expiringUntil),
             byExpiry ? QStringLiteral("expiry") : QStringLiteral("delivered"),
             Sql::dateOrNull(query.afterDelivered), Sql::dateOrNull(query.afterExpires),
             query.afterId, qMax(1, query.limit)},
            error);
    } else {
        // The twin of cd_api.certificate_list; a certificate that does not
        // expire sorts after every date (COALESCE to the last day).
        const QString expiry = QStringLiteral("COALESCE(c.expires_on, '9999-12-31')");
        QString sql = selectColumns() + QStringLiteral("WHERE c.owner_id = ? ");
        QVariantList values{query.owner};
        if (!shown.isEmpty()) {
            QStringList marks;
            for (int i = 0; i < shown.size(); ++i)
                marks << QStringLiteral("?");
            sql += QStringLiteral("AND ") + Certificate::displayStatusSql() +
                   QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QStringLiteral(") ");
            values << Sql::dateOrNull(query.today) << Sql::dateOrNull(soon);
            for (const QString &key : shown)
                values << key;
        }
        if (query.expiringUntil.isValid()) {
            sql += QStringLiteral("AND c.status IN ('accepted', 'validated') AND c.revoked_at IS "
                                  "NULL AND c.renewed_by_id IS NULL AND c.expires_on >= ? AND "
                                  "c.expires_on <= ? ");
            values << Sql::dateOrNull(query.today) << Sql::dateOrNull(query.expiringUntil);
        }
        if (query.afterId > 0 && byExpiry) {
            const QVariant after = query.afterExpires.isValid()
                                       ? Sql::dateOrNull(query.afterExpires)
                                       : QVariant(QStringLiteral("9999-12-31"));
            sql += QStringLiteral("AND (") + expiry + QStringLiteral(" > ? OR (") + expiry +
                   QStringLiteral(" = ? AND c.id > ?)) ");
            values << after << after << query.afterId;
        } else if (query.afterId > 0) {
            sql += QStringLiteral("AND (c.delivered_on < ? OR (c.delivered_on = ? AND c.id < ?)) ");
            values << Sql::dateOrNull(query.afterDelivered) << Sql::dateOrNull(query.afterDelivered)
                   << query.afterId;
        }
        sql += byExpiry ? QStringLiteral("ORDER BY ") + expiry + QStringLiteral(", c.id LIMIT ?")
                        : QStringLiteral("ORDER BY c.delivered_on DESC, c.id DESC LIMIT ?");
        values << qMax(1, query.limit);
        q = Sql::run(m_db, sql, values, error);
    }
    QList<Certificate> list;
    while (error->isEmpty() && q.next())
        list.append(fromQuery(q));
    return list;
}

std::optional<Id> CertificateStore::byImportKey(const QString &key, QString *error) const
{
    QSqlQuery q =
        Sql::run(m_db,
                 m_server ? QStringLiteral("SELECT cd_api.certificate_by_import_key(?)")
                          : QStringLiteral("SELECT id FROM certificates WHERE import_key = ?"),
                 {key}, error);
    if (!error->isEmpty() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    const Id id = q.value(0).toLongLong();
    q.finish();
    return id;
}

std::optional<CertificateStore::Row> CertificateStore::duplicate(Id owner, const QString &sha256,
                                                                 const QString &uploadedSha256,
                                                                 QString *error) const
{
    // The same file as stored or as uploaded, on either side: a repaired
    // upload is a duplicate of its earlier upload, and of the repaired file.
    QSqlQuery q = Sql::run(
        m_db,
        m_server ? QStringLiteral("SELECT name, delivered_on FROM cd_api.duplicate_of(?, ?, ?)")
                 : QStringLiteral("SELECT name, delivered_on FROM certificates WHERE owner_id = ? "
                                  "AND (pdf_sha256 IN (?, ?) OR uploaded_sha256 IN (?, ?)) "
                                  "AND status <> 'rejected' ORDER BY id LIMIT 1"),
        m_server ? QVariantList{owner, sha256, uploadedSha256}
                 : QVariantList{owner, sha256, uploadedSha256, sha256, uploadedSha256},
        error);
    if (!error->isEmpty() || !q.next())
        return std::nullopt;
    Row row{q.value(0).toString(), Sql::toDate(q.value(1))};
    q.finish();
    return row;
}

bool CertificateStore::templateExists(Id templateId, QString *error) const
{
    QSqlQuery q = Sql::run(m_db, QStringLiteral("SELECT 1 FROM certificate_templates WHERE id = ?"),
                           {templateId}, error);
    return error->isEmpty() && q.next();
}

bool CertificateStore::isReviewerOf(Id certificate, Id reviewer, QString *error) const
{
    if (m_server)
        return false;
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("SELECT 1 FROM validation_tasks t JOIN task_reviewers r "
                                          "ON r.task_id = t.id WHERE t.certificate_id = ? AND "
                                          "r.reviewer_id = ?"),
                           {certificate, reviewer}, error);
    return error->isEmpty() && q.next();
}

std::optional<QByteArray> CertificateStore::pdf(Id certificate, const QString &sha256,
                                                QString *error) const
{
    QSqlQuery q =
        m_server ? Sql::run(m_db, QStringLiteral("SELECT cd_api.pdf(?)"), {certificate}, error)
                 : Sql::run(m_db, QStringLiteral("SELECT data FROM pdf_blobs WHERE sha256 = ?"),
                            {sha256}, error);
    if (!error->isEmpty() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toByteArray();
}

QList<CertificateStore::HistoryRow> CertificateStore::history(Id certificate, QString *error) const
{
    QSqlQuery q = Sql::run(
        m_db,
        m_server ? QStringLiteral("SELECT at, actor_id, actor_name, action, details FROM "
                                  "cd_api.history(?)")
                 : QStringLiteral("SELECT a.at, a.actor_id, u.name, a.action, a.details FROM "
                                  "audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE "
                                  "a.subject_type = 'certificate' AND a.subject_id = ? ORDER BY "
                                  "a.id"),
        {certificate}, error);
    QList<HistoryRow> rows;
    while (error->isEmpty() && q.next()) {
        HistoryRow row;
        row.at = Sql::toDateTime(q.value(0));
        row.actorId = q.value(1).toLongLong();
        row.actorName = q.value(2).toString();
        row.action = q.value(3).toString();
        row.details = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        rows.append(row);
    }
    return rows;
}

QList<CertificateStore::CountRow> CertificateStore::counts(const QList<Id> &owners,
                                                           const QDate &today, int soonDays,
                                                           QString *error) const
{
    QList<CountRow> rows;
    if (owners.isEmpty())
        return rows;
    QSqlQuery q;
    const QVariant from = Sql::dateOrNull(today);
    const QVariant soon = Sql::dateOrNull(Certificate::soonLimit(today, soonDays));
    if (m_server) {
        QStringList ids;
        for (Id id : owners)
            ids << QString::number(id);
        q = Sql::run(m_db,
                     QStringLiteral("SELECT owner_id, shown, n FROM "
                                    "cd_api.certificate_counts(CAST(? AS BIGINT[]), ?, ?)"),
                     {QStringLiteral("{%1}").arg(ids.join(QLatin1Char(','))), from, soon}, error);
    } else {
        QStringList marks;
        QVariantList values{from, soon};
        for (Id id : owners) {
            marks << QStringLiteral("?");
            values << id;
        }
        q = Sql::run(m_db,
                     QStringLiteral("SELECT c.owner_id, ") + Certificate::displayStatusSql() +
                         QStringLiteral(" AS shown, COUNT(*) FROM certificates c WHERE "
                                        "c.owner_id IN (") +
                         marks.join(QLatin1Char(',')) +
                         QStringLiteral(") GROUP BY c.owner_id, shown"),
                     values, error);
    }
    while (error->isEmpty() && q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()});
    return rows;
}

void CertificateStore::storePdf(const QString &sha256, const QByteArray &bytes, int pageCount,
                                QString *error)
{
    Sql::run(m_db,
             m_server ? QStringLiteral("SELECT cd_api.store_pdf(?, ?, ?, ?)")
                      : QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, "
                                       "data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                                       "(sha256) DO NOTHING"),
             m_server ? QVariantList{sha256, qint64(bytes.size()), pageCount, bytes}
                      : QVariantList{sha256, qint64(bytes.size()), pageCount, bytes, Sql::now()},
             error);
}

Id CertificateStore::insert(const NewCertificate &c, QString *error)
{
    if (m_server) {
        // The uploader is the caller: the server takes it from the login.
        QSqlQuery q =
            Sql::run(m_db,
                     QStringLiteral(
                         "SELECT cd_api.import_certificate(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {c.owner, c.name, Sql::dateOrNull(c.delivered), Sql::dateOrNull(c.expires),
                      Sql::idOrNull(c.templateId), creditsOrNull(c.credits), c.status, c.sha256,
                      Sql::textOrNull(c.originalFilename), Sql::textOrNull(c.importKey),
                      Sql::textOrNull(c.uploadedSha256), repairsOrNull(c.pdfRepairs),
                      Sql::idOrNull(c.renews)},
                     error);
        if (!error->isEmpty() || !q.next())
            return 0;
        return q.value(0).toLongLong();
    }
    const QDateTime now = Sql::now();
    return Sql::insert(
        m_db,
        QStringLiteral("INSERT INTO certificates (kind, owner_id, uploader_id, name, delivered_on, "
                       "expires_on, template_id, credits, status, pdf_sha256, original_filename, "
                       "import_key, created_at, updated_at, uploaded_sha256, pdf_repairs, "
                       "renews_id) VALUES ('external', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?)"),
        {c.owner, c.uploader, c.name, Sql::dateOrNull(c.delivered), Sql::dateOrNull(c.expires),
         Sql::idOrNull(c.templateId), creditsOrNull(c.credits), c.status, c.sha256,
         Sql::textOrNull(c.originalFilename), Sql::textOrNull(c.importKey), now, now,
         Sql::textOrNull(c.uploadedSha256), repairsOrNull(c.pdfRepairs), Sql::idOrNull(c.renews)},
        error);
}

int CertificateStore::resubmit(const Change &c, QString *error)
{
    if (m_server) {
        QSqlQuery q = Sql::run(
            m_db,
            QStringLiteral(
                "SELECT cd_api.resubmit_certificate(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {c.id, c.version, c.name, Sql::dateOrNull(c.delivered), Sql::dateOrNull(c.expires),
             Sql::idOrNull(c.templateId), creditsOrNull(c.credits), c.status, c.sha256,
             Sql::textOrNull(c.originalFilename), Sql::textOrNull(c.uploadedSha256),
             repairsOrNull(c.pdfRepairs)},
            error);
        return error->isEmpty() && q.next() ? q.value(0).toInt() : 0;
    }
    // Only the version the service read: a concurrent change makes this a no-op.
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral("UPDATE certificates SET name = ?, delivered_on = ?, expires_on = ?, "
                       "template_id = ?, credits = ?, status = ?, pdf_sha256 = ?, "
                       "original_filename = COALESCE(?, original_filename), uploader_id = ?, "
                       "version = version + 1, updated_at = ?, uploaded_sha256 = ?, "
                       "pdf_repairs = ? WHERE id = ? AND version = ? AND status = 'rejected'"),
        {c.name, Sql::dateOrNull(c.delivered), Sql::dateOrNull(c.expires),
         Sql::idOrNull(c.templateId), creditsOrNull(c.credits), c.status, c.sha256,
         Sql::textOrNull(c.originalFilename), c.uploader, Sql::now(),
         Sql::textOrNull(c.uploadedSha256), repairsOrNull(c.pdfRepairs), c.id, c.version},
        error);
    return error->isEmpty() ? q.numRowsAffected() : 0;
}

int CertificateStore::review(const Change &c, QString *error)
{
    if (m_server) {
        QSqlQuery q =
            Sql::run(m_db, QStringLiteral("SELECT cd_api.review_certificate(?, ?, ?, ?, ?, ?)"),
                     {c.id, c.status, c.name, Sql::dateOrNull(c.delivered),
                      Sql::dateOrNull(c.expires), Sql::idOrNull(c.templateId)},
                     error);
        return error->isEmpty() && q.next() ? q.value(0).toInt() : 0;
    }
    QSqlQuery q =
        Sql::run(m_db,
                 QStringLiteral("UPDATE certificates SET status = ?, name = ?, "
                                "delivered_on = ?, expires_on = ?, template_id = ?, "
                                "version = version + 1, updated_at = ? WHERE id = ?"),
                 {c.status, c.name, Sql::dateOrNull(c.delivered), Sql::dateOrNull(c.expires),
                  Sql::idOrNull(c.templateId), Sql::now(), c.id},
                 error);
    return error->isEmpty() ? q.numRowsAffected() : 0;
}

int CertificateStore::revoke(Id certificate, int version, Id actor, const QString &reason,
                             QString *error)
{
    if (m_server) {
        // The revoker is the login; the server checks who may.
        QSqlQuery q = Sql::run(m_db, QStringLiteral("SELECT cd_api.revoke_certificate(?, ?, ?)"),
                               {certificate, version, reason}, error);
        return error->isEmpty() && q.next() ? q.value(0).toInt() : 0;
    }
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral("UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = "
                       "?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? "
                       "AND revoked_at IS NULL AND status IN ('accepted', 'validated')"),
        {Sql::now(), actor, reason, Sql::now(), certificate, version}, error);
    return error->isEmpty() ? q.numRowsAffected() : 0;
}

int CertificateStore::markRenewed(Id renewal, QString *error)
{
    if (m_server) {
        QSqlQuery q =
            Sql::run(m_db, QStringLiteral("SELECT cd_api.mark_renewed(?)"), {renewal}, error);
        return error->isEmpty() && q.next() ? q.value(0).toInt() : 0;
    }
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral("UPDATE certificates SET renewed_by_id = ?, version = version + 1, "
                       "updated_at = ? WHERE renewed_by_id IS NULL AND id = (SELECT r.renews_id "
                       "FROM certificates r WHERE r.id = ? AND r.status IN ('accepted', "
                       "'validated'))"),
        {renewal, Sql::now(), renewal}, error);
    return error->isEmpty() ? q.numRowsAffected() : 0;
}

void CertificateStore::audit(Id actor, const QString &action, Id certificate,
                             const QJsonObject &details, QString *error)
{
    AuditLog::record(m_db, actor, action, QStringLiteral("certificate"), certificate, details,
                     error);
}
