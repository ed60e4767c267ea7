// CertificateService: a certificate's life after validation (README
// "Rules", Revocation and Renewal; importing a renewal is an import,
// CertificateService.cpp, that names the certificate it renews), and the
// lists that answer "what lapses next" (filtered, ordered, counted).

#include "services/CertificateService.h"

#include "core/TextCheck.h"
#include "services/DirectoryService.h"
#include "services/NotificationService.h"
#include "storage/CertificateStore.h"
#include "storage/Transaction.h"

#include <QJsonObject>

Result<Certificate> CertificateService::revoke(Id actor, Id certificateId, const QString &reason,
                                               int expectedVersion)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(ErrorKind::Invalid,
                         tr("Say why the certificate is revoked: its owner reads the reason."));
    if (why.size() > MaxRevokeReasonLength)
        return makeError(ErrorKind::Invalid,
                         tr("The reason is too long: %1 characters, at most %2.")
                             .arg(why.size())
                             .arg(MaxRevokeReasonLength));
    if (TextCheck::hasControlCharacters(QString(why).remove(QLatin1Char('\n'))))
        return makeError(ErrorKind::Invalid,
                         tr("The reason contains control characters: remove them."));
    const auto current = certificate(actor, certificateId);
    if (!current)
        return current.error();
    const Certificate &c = current.value();
    // Who was first, in words, for the one who comes second.
    auto revokedAlready = [this](const Certificate &revoked) {
        const auto revoker = DirectoryService(m_db).user(revoked.revokedBy);
        const QString by = revoker ? revoker->name : QString();
        return makeError(ErrorKind::Conflict,
                         tr("%1 revoked \"%2\" first, on %3; it stays revoked with their reason.")
                             .arg(by.isEmpty() ? tr("Someone else") : by, revoked.name,
                                  Domain::dateTimeText(revoked.revokedAt)));
    };
    if (c.revokedAt.isValid())
        return revokedAlready(c);
    if (expectedVersion > 0 && c.version != expectedVersion)
        return makeError(ErrorKind::Conflict,
                         tr("Someone changed this certificate meanwhile; nothing was revoked. Open "
                            "it again to see its current state."));
    const PolicySnapshot facts = m_policy.snapshot(actor);
    if (const Decision d = m_policy.mayRevoke(facts, c); !d)
        return makeError(ErrorKind::Refused, d.reason);
    // Read and decided above; the transaction starts with its write, at the
    // version read (SQLite then waits for another writer instead of failing).
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tr("Could not start writing: %1").arg(tx.error()));
    CertificateStore store(db);
    QString error;
    const int changed = store.revoke(c.id, c.version, actor, why, &error);
    if (!error.isEmpty())
        return makeError(
            ErrorKind::Storage,
            tr("The certificate could not be revoked, nothing was written: %1").arg(error));
    if (changed != 1) {
        tx.rollback();
        const auto now = certificate(actor, certificateId);
        if (now && now->revokedAt.isValid())
            return revokedAlready(now.value());
        return makeError(ErrorKind::Conflict,
                         tr("Someone changed this certificate meanwhile; nothing was revoked. Open "
                            "it again to see its current state."));
    }
    NotificationService::notify(db, c.ownerId, NotificationCategory::CertificateRevoked, c.id, 0,
                                actor, why, &error);
    if (error.isEmpty())
        store.audit(actor, QStringLiteral("certificate.revoke"), c.id,
                    QJsonObject{{QStringLiteral("comment"), why}}, &error);
    if (!error.isEmpty() || !tx.commit())
        return makeError(ErrorKind::Storage,
                         tr("The certificate could not be revoked, nothing was written: %1")
                             .arg(error.isEmpty() ? tx.error() : error));
    return certificate(actor, certificateId);
}

Result<ImportRequest> CertificateService::renewalDraft(Id actor, Id certificateId) const
{
    const auto c = certificate(actor, certificateId);
    if (!c)
        return c.error();
    if (const Decision d = m_policy.mayRenew(actor, c.value()); !d)
        return makeError(ErrorKind::Refused, d.reason);
    const PolicySnapshot facts = m_policy.snapshot(actor);
    ImportRequest draft;
    draft.ownerId = c->ownerId;
    draft.renewsId = c->id;
    draft.name = c->name;
    // Only what the actor could fill in themselves (R7; credits when on).
    if (m_policy.mayAssociateTemplate(facts))
        draft.templateId = c->templateId;
    if (facts.settings.creditsEnabled)
        draft.credits = c->credits;
    return draft;
}

Result<QList<Certificate>> CertificateService::list(Id actor,
                                                    const CertificateListRequest &request) const
{
    if (const Decision d = m_policy.mayView(actor, request.owner); !d)
        return makeError(ErrorKind::Refused, d.reason);
    CertificateStore::ListQuery query;
    query.owner = request.owner;
    query.status = request.status;
    query.order = request.order;
    query.today = Domain::today();
    query.soonDays = m_policy.settings().expirySoonDays;
    if (request.expiringWithinDays >= 0)
        query.expiringUntil = query.today.addDays(request.expiringWithinDays);
    query.afterDelivered = request.after.delivered;
    query.afterExpires = request.after.expires;
    query.afterId = request.after.id;
    query.limit = request.limit;
    QString error;
    const auto rows = CertificateStore(m_db.connection()).list(query, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    return rows;
}

Result<CertificateCounts> CertificateService::counts(Id actor, Id owner) const
{
    if (const Decision d = m_policy.mayView(actor, owner); !d)
        return makeError(ErrorKind::Refused, d.reason);
    QString error;
    const auto rows =
        CertificateStore(m_db.connection())
            .counts({owner}, Domain::today(), m_policy.settings().expirySoonDays, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    CertificateCounts counts;
    for (const auto &row : rows)
        counts.add(row.shown, row.count);
    return counts;
}
