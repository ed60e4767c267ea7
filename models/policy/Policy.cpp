#include "policy/Policy.h"

#include "storage/TaskStore.h"

#include "storage/Database.h"

#include <algorithm>

namespace {
bool exists(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QString error;
    QSqlQuery q = Sql::run(db, sql, values, &error);
    return error.isEmpty() && q.next();
}

// What a certificate is now, in words ("pending", "expired").
QString shownAs(const Certificate &certificate, int soonDays)
{
    return Domain::displayStatusLabel(certificate.displayStatus(Domain::today(), soonDays))
        .toLower();
}
} // namespace

Policy::Policy(const QSqlDatabase &db) : m_db(db) {}

PlatformSettings Policy::settings() const
{
    const auto loaded = PlatformSettings::load(m_db);
    // Unreadable settings mean the safest defaults: everything off.
    return loaded ? loaded.value() : PlatformSettings();
}

PolicySnapshot Policy::snapshot(Id actor) const
{
    PolicySnapshot snapshot;
    snapshot.actor = actor;
    snapshot.settings = settings();
    QString error;
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral(
            "SELECT u.name, u.deleted, EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id "
            "= m.group_id WHERE m.user_id = u.id AND m.role = 'admin' AND g.parent_id IS NULL), "
            "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role = 'admin'), "
            "EXISTS (SELECT 1 FROM users t WHERE t.manager_id = u.id) FROM users u WHERE u.id = "
            "?"),
        {actor}, &error);
    if (!error.isEmpty() || !q.next())
        return snapshot;
    snapshot.actorName = q.value(0).toString();
    snapshot.active = !q.value(1).toBool();
    snapshot.platformAdmin = snapshot.active && q.value(2).toBool();
    snapshot.groupAdmin = q.value(3).toBool();
    snapshot.manager = q.value(4).toBool();
    return snapshot;
}

bool Policy::isActive(Id user) const
{
    return exists(m_db, QStringLiteral("SELECT 1 FROM users WHERE id = ? AND deleted = FALSE"),
                  {user});
}

bool Policy::isPlatformAdmin(Id user) const
{
    return exists(m_db,
                  QStringLiteral("SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id "
                                 "JOIN users u ON u.id = m.user_id WHERE m.user_id = ? AND "
                                 "m.role = 'admin' AND g.parent_id IS NULL AND u.deleted = FALSE"),
                  {user});
}

bool Policy::hasRole(Id user, Role role) const
{
    return exists(m_db, QStringLiteral("SELECT 1 FROM memberships WHERE user_id = ? AND role = ?"),
                  {user, Domain::roleKey(role)});
}

bool Policy::isManager(Id user) const
{
    return exists(m_db, QStringLiteral("SELECT 1 FROM users WHERE manager_id = ?"), {user});
}

QString Policy::scopeCte()
{
    return QStringLiteral(
        "WITH RECURSIVE actor(id) AS (SELECT CAST(? AS BIGINT)), "
        "admin_groups(id) AS ("
        " SELECT m.group_id FROM memberships m, actor WHERE m.user_id = actor.id AND m.role = "
        "'admin'"
        " UNION SELECT g.id FROM groups g JOIN admin_groups a ON g.parent_id = a.id), "
        "scope(user_id) AS ("
        " SELECT id FROM actor"
        " UNION SELECT m.user_id FROM memberships m JOIN admin_groups a ON m.group_id = a.id"
        " UNION SELECT u.id FROM users u, actor WHERE u.manager_id = actor.id"
        " UNION SELECT l.user_id FROM memberships c JOIN memberships l ON l.group_id = c.group_id"
        " AND l.role = 'learner', actor WHERE c.user_id = actor.id AND c.role = 'coach') ");
}

bool Policy::inScope(Id actor, Id target) const
{
    if (actor <= 0 || target <= 0 || !isActive(actor))
        return false;
    if (actor == target || isPlatformAdmin(actor))
        return exists(m_db, QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {target});
    return exists(m_db, scopeCte() + QStringLiteral("SELECT 1 FROM scope WHERE user_id = ?"),
                  {actor, target});
}

bool Policy::inScope(const PolicySnapshot &actor, Id target) const
{
    if (actor.actor <= 0 || target <= 0 || !actor.active)
        return false;
    if (actor.actor == target)
        return true; // an active actor exists
    if (actor.platformAdmin)
        return exists(m_db, QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {target});
    return exists(m_db, scopeCte() + QStringLiteral("SELECT 1 FROM scope WHERE user_id = ?"),
                  {actor.actor, target});
}

Decision Policy::mayImport(Id actor, Id target) const
{
    return mayImport(snapshot(actor), target);
}

Decision Policy::mayImport(const PolicySnapshot &actor, Id target) const
{
    if (!actor.active)
        return Decision::deny(tr("Your account is deleted or unknown: you cannot import."));
    if (!actor.settings.importEnabled)
        return Decision::deny(tr("Importing certificates is switched off on this platform. A "
                                 "platform admin can switch it on in Settings."));
    if (!inScope(actor, target))
        return Decision::deny(tr("You may import certificates only for yourself and for the "
                                 "people you manage, coach or administer."));
    return Decision::allow();
}

Decision Policy::mayView(Id actor, Id target) const
{
    if (!inScope(actor, target))
        return Decision::deny(tr("You may see only your own certificates and those of the people "
                                 "you manage, coach or administer."));
    return Decision::allow();
}

Decision Policy::mayReview(Id actor, Id owner, const QList<Id> &assignedReviewers,
                           Id uploader) const
{
    if (!isActive(actor))
        return Decision::deny(tr("Your account is deleted or unknown: you cannot review."));
    if (actor == owner)
        return Decision::deny(tr("Nobody validates their own certificate."));
    if (actor == uploader)
        return Decision::deny(tr("You uploaded this certificate for its owner: someone else "
                                 "validates it (four eyes)."));
    if (assignedReviewers.contains(actor) || isPlatformAdmin(actor))
        return Decision::allow();
    return Decision::deny(tr("You are not a reviewer of this certificate."));
}

Decision Policy::mayReviewTask(Id actor, Id taskId) const
{
    QString error;
    const auto routing = TaskStore(m_db).routing(taskId, &error);
    if (!error.isEmpty() || !routing)
        return Decision::deny(tr("There is no validation task %1.").arg(taskId));
    return mayReview(actor, routing->owner, routing->reviewers, routing->uploader);
}

Decision Policy::mayChangeSettings(Id actor) const
{
    if (!isPlatformAdmin(actor))
        return Decision::deny(tr("Only platform admins can change the platform's settings."));
    return Decision::allow();
}

bool Policy::adminOfGroupOrAncestor(Id user, Id group) const
{
    return exists(m_db,
                  QStringLiteral("WITH RECURSIVE up(id) AS (SELECT CAST(? AS BIGINT) UNION "
                                 "SELECT g.parent_id FROM groups g JOIN up ON g.id = up.id WHERE "
                                 "g.parent_id IS NOT NULL) SELECT 1 FROM memberships m JOIN up ON "
                                 "m.group_id = up.id JOIN users u ON u.id = m.user_id WHERE "
                                 "m.user_id = ? AND m.role = 'admin' AND u.deleted = FALSE"),
                  {group, user});
}

Decision Policy::mayAddGroup(Id actor, Id parentGroup) const
{
    if (isPlatformAdmin(actor))
        return Decision::allow();
    if (parentGroup > 0 && adminOfGroupOrAncestor(actor, parentGroup))
        return Decision::allow();
    return Decision::deny(tr("Only platform admins, and admins of the parent group, can add "
                             "groups."));
}

Decision Policy::mayAddMember(Id actor, Id group) const
{
    if (isPlatformAdmin(actor) || adminOfGroupOrAncestor(actor, group))
        return Decision::allow();
    return Decision::deny(tr("Only admins of a group (or of a group above it) can add members "
                             "to it."));
}

Decision Policy::mayManageUser(Id actor, Id target) const
{
    if (actor == target)
        return Decision::deny(tr("You cannot delete or restore your own account."));
    if (isPlatformAdmin(actor))
        return Decision::allow();
    // A platform admin, deleted or not (restoring one gives their login back),
    // is deleted, restored or disabled by another platform admin only, even
    // when they are also a member of a group the actor administers (README
    // "Rules", People; the server's cd_may_manage_user).
    if (exists(m_db,
               QStringLiteral("SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id "
                              "WHERE m.user_id = ? AND m.role = 'admin' AND g.parent_id IS NULL"),
               {target}))
        return Decision::deny(tr("Only platform admins can delete or restore a platform admin."));
    // A group admin manages the members of the groups they administer.
    if (isActive(actor)) {
        QString error;
        QSqlQuery q =
            Sql::run(m_db, QStringLiteral("SELECT group_id FROM memberships WHERE user_id = ?"),
                     {target}, &error);
        while (q.next()) {
            if (adminOfGroupOrAncestor(actor, q.value(0).toLongLong()))
                return Decision::allow();
        }
    }
    return Decision::deny(tr("Only platform admins and the admins of this user's groups can "
                             "delete or restore this user."));
}

Decision Policy::mayAssociateTemplate(Id actor) const
{
    return mayAssociateTemplate(snapshot(actor));
}

Decision Policy::mayAssociateTemplate(const PolicySnapshot &actor) const
{
    if (!actor.active)
        return Decision::deny(tr("Your account is deleted or unknown."));
    // R7: with validation on, only admins and managers see the field.
    if (!actor.settings.validationRequired)
        return Decision::allow();
    if (actor.groupAdmin || actor.manager)
        return Decision::allow();
    return Decision::deny(tr("While validation is required, only admins and managers associate "
                             "a certificate template; the reviewer can do it."));
}

Decision Policy::mayAddTemplate(Id actor) const
{
    if (!isPlatformAdmin(actor))
        return Decision::deny(tr("Only platform admins can add certificate templates."));
    return Decision::allow();
}

Decision Policy::mayChangeRequirements(Id actor, Id group) const
{
    if (!isActive(actor))
        return Decision::deny(tr("Your account is deleted or unknown."));
    if (isPlatformAdmin(actor) || adminOfGroupOrAncestor(actor, group))
        return Decision::allow();
    return Decision::deny(tr("Only platform admins and the admins of a group (or of a group "
                             "above it) can change what it requires."));
}

QSet<Id> Policy::requirementGroups(Id actor, const QList<Id> &groups) const
{
    if (!isActive(actor))
        return {};
    if (isPlatformAdmin(actor))
        return QSet<Id>(groups.cbegin(), groups.cend());
    // mayChangeRequirements: the groups the actor administers and those below.
    QString error;
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("WITH RECURSIVE down(id) AS (SELECT m.group_id FROM "
                                          "memberships m WHERE m.user_id = ? AND m.role = 'admin' "
                                          "UNION SELECT g.id FROM groups g JOIN down ON "
                                          "g.parent_id = down.id) SELECT id FROM down"),
                           {actor}, &error);
    QSet<Id> below;
    while (error.isEmpty() && q.next())
        below.insert(q.value(0).toLongLong());
    QSet<Id> allowed;
    for (Id group : groups)
        if (below.contains(group))
            allowed.insert(group);
    return allowed;
}

Decision Policy::mayViewCompliance(Id actor) const
{
    if (navigation(actor).compliance)
        return Decision::allow();
    return Decision::deny(tr("Only admins, managers and coaches see the compliance of the people "
                             "they look after."));
}

Decision Policy::mayResubmit(Id actor, const Certificate &certificate) const
{
    return mayResubmit(snapshot(actor), certificate);
}

Decision Policy::mayResubmit(const PolicySnapshot &actor, const Certificate &certificate) const
{
    if (certificate.kind != CertificateKind::External)
        return Decision::deny(tr("\"%1\" was granted on the platform: only an imported "
                                 "certificate can be corrected and sent again.")
                                  .arg(certificate.name));
    if (certificate.status != CertificateStatus::Rejected)
        return Decision::deny(
            tr("Only a rejected certificate can be corrected and sent again; \"%1\" is %2.")
                .arg(certificate.name, shownAs(certificate, actor.settings.expirySoonDays)));
    return mayImport(actor, certificate.ownerId); // R1, R4
}

Decision Policy::mayRevoke(Id actor, const Certificate &certificate) const
{
    return mayRevoke(snapshot(actor), certificate);
}

Decision Policy::mayRevoke(const PolicySnapshot &actor, const Certificate &certificate) const
{
    if (!actor.active)
        return Decision::deny(tr("Your account is deleted or unknown."));
    if (certificate.ownerId == actor.actor)
        return Decision::deny(tr("Nobody revokes their own certificate."));
    if (certificate.kind != CertificateKind::External)
        return Decision::deny(tr("\"%1\" was granted on the platform: only an imported "
                                 "certificate can be revoked.")
                                  .arg(certificate.name));
    if (certificate.revokedAt.isValid())
        return Decision::deny(tr("\"%1\" is revoked already.").arg(certificate.name));
    if (certificate.status != CertificateStatus::Validated &&
        certificate.status != CertificateStatus::Accepted)
        return Decision::deny(
            tr("Only a validated or accepted certificate can be revoked; \"%1\" "
               "is %2.")
                .arg(certificate.name, shownAs(certificate, actor.settings.expirySoonDays)));
    if (actor.platformAdmin)
        return Decision::allow();
    const auto reviewers = reviewersFor(actor.settings, certificate.ownerId);
    if (reviewers && reviewers->contains(actor.actor))
        return Decision::allow();
    return Decision::deny(tr("Only platform admins and the reviewers of %1's certificates can "
                             "revoke this certificate.")
                              .arg(certificate.ownerName));
}

Decision Policy::mayRenew(Id actor, const Certificate &certificate) const
{
    return mayRenew(snapshot(actor), certificate);
}

Decision Policy::mayRenew(const PolicySnapshot &actor, const Certificate &certificate) const
{
    if (certificate.revokedAt.isValid())
        return Decision::deny(tr("\"%1\" was revoked: it is not renewed; import a new "
                                 "certificate instead.")
                                  .arg(certificate.name));
    if (certificate.renewedById > 0)
        return Decision::deny(tr("\"%1\" was renewed already.").arg(certificate.name));
    if (certificate.status == CertificateStatus::Rejected)
        return Decision::deny(tr("\"%1\" was rejected: correct it and send it again instead "
                                 "of renewing it.")
                                  .arg(certificate.name));
    if (certificate.status == CertificateStatus::Pending)
        return Decision::deny(tr("\"%1\" is waiting for its review: it can be renewed once it "
                                 "is validated.")
                                  .arg(certificate.name));
    return mayImport(actor, certificate.ownerId); // R1, R4
}

ImportForm Policy::importForm(Id actor, Id target) const
{
    const PolicySnapshot facts = snapshot(actor);
    const PlatformSettings &s = facts.settings;
    ImportForm form;
    const Decision may = mayImport(facts, target);
    form.available = may.allowed;
    form.unavailableReason = may.reason;
    form.sendsForValidation = s.validationRequired;
    form.saveLabel = s.validationRequired ? tr("Send for validation") : tr("Save");
    form.showTemplate = mayAssociateTemplate(facts).allowed;
    form.showCredits = s.creditsEnabled;
    return form;
}

Navigation Policy::navigation(Id actor) const
{
    Navigation nav;
    nav.users = isActive(actor) &&
                (hasRole(actor, Role::Admin) || hasRole(actor, Role::Coach) || isManager(actor));
    nav.compliance = nav.users;
    nav.settings = isPlatformAdmin(actor);
    return nav;
}

Result<QList<Id>> Policy::groupAdminReviewers(Id owner, Id uploader) const
{
    // For each group of the owner (none: the platform group), walk up to the
    // nearest group with an active admin who is not the owner (R3: nobody
    // validates their own certificate, it goes one level up) nor its uploader
    // (four eyes); the reviewers are those admins, over all the owner's groups.
    QString error;
    QSqlQuery q = Sql::run(
        m_db,
        QStringLiteral(
            "WITH RECURSIVE start(group_id) AS ("
            " SELECT group_id FROM memberships WHERE user_id = ?"
            " UNION SELECT MIN(id) FROM groups WHERE parent_id IS NULL AND NOT EXISTS (SELECT 1 "
            "FROM memberships WHERE user_id = ?)), "
            "up(start_id, group_id, depth) AS ("
            " SELECT group_id, group_id, 0 FROM start WHERE group_id IS NOT NULL"
            " UNION ALL SELECT up.start_id, g.parent_id, up.depth + 1 FROM up JOIN groups g ON "
            "g.id = up.group_id WHERE g.parent_id IS NOT NULL), "
            "admins(start_id, depth, user_id) AS ("
            " SELECT up.start_id, up.depth, m.user_id FROM up JOIN memberships m ON m.group_id = "
            "up.group_id AND m.role = 'admin' JOIN users u ON u.id = m.user_id AND u.deleted = "
            "FALSE WHERE m.user_id <> ? AND m.user_id <> ?), "
            "nearest(start_id, depth) AS (SELECT start_id, MIN(depth) FROM admins GROUP BY "
            "start_id) "
            "SELECT DISTINCT a.user_id FROM admins a JOIN nearest n ON n.start_id = a.start_id "
            "AND n.depth = a.depth ORDER BY a.user_id"),
        {owner, owner, owner, uploader}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<Id> reviewers;
    while (q.next())
        reviewers << q.value(0).toLongLong();
    return reviewers;
}

Result<QList<Id>> Policy::reminderRecipients(const PlatformSettings &settings, Id owner) const
{
    QString error;
    QSqlQuery q = Sql::run(m_db,
                           QStringLiteral("SELECT o.deleted, m.id, m.deleted FROM users o LEFT "
                                          "JOIN users m ON m.id = o.manager_id WHERE o.id = ?"),
                           {owner}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    QList<Id> recipients;
    if (!q.next() || q.value(0).toBool())
        return recipients;
    recipients << owner;
    if (!settings.remindManager)
        return recipients;
    const Id manager = q.value(1).isNull() || q.value(2).toBool() ? 0 : q.value(1).toLongLong();
    q.finish();
    if (manager > 0 && manager != owner) {
        recipients << manager;
        return recipients;
    }
    const auto admins = groupAdminReviewers(owner, owner);
    if (!admins)
        return admins.error();
    QList<Id> sorted = admins.value();
    std::sort(sorted.begin(), sorted.end());
    for (Id admin : std::as_const(sorted)) {
        if (admin != owner)
            recipients << admin;
    }
    return recipients;
}

Result<QList<Id>> Policy::reviewersFor(Id owner, Id uploader) const
{
    return reviewersFor(settings(), owner, uploader);
}

Result<QList<Id>> Policy::reviewersFor(const PlatformSettings &settings, Id owner,
                                       Id uploader) const
{
    QList<Id> except{owner};
    if (uploader > 0 && uploader != owner)
        except << uploader;
    if (settings.reviewers == ReviewerMode::Managers) {
        QString error;
        QSqlQuery q = Sql::run(m_db,
                               QStringLiteral("SELECT m.id FROM users o JOIN users m ON m.id = "
                                              "o.manager_id WHERE o.id = ? AND m.deleted = FALSE"),
                               {owner}, &error);
        if (!error.isEmpty())
            return makeError(ErrorKind::Storage, error);
        if (q.next() && !except.contains(q.value(0).toLongLong()))
            return QList<Id>{q.value(0).toLongLong()};
    }
    auto reviewers = groupAdminReviewers(owner, except.size() > 1 ? uploader : owner);
    if (!reviewers)
        return reviewers.error();
    if (reviewers->isEmpty())
        return makeError(ErrorKind::Refused,
                         except.size() > 1
                             ? tr("Nobody can validate this certificate: no admin other than its "
                                  "owner and you, who uploaded it, is found in the owner's groups "
                                  "or above. Ask a platform admin to add another admin.")
                             : tr("Nobody can validate this certificate: no admin other than its "
                                  "owner is found in the owner's groups or above. Ask a platform "
                                  "admin to add another admin."));
    return reviewers;
}
