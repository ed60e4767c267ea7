#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "policy/PlatformSettings.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>

// A yes or no, and when no, why, in words the user can read.
struct Decision
{
    bool allowed = false;
    QString reason;

    explicit operator bool() const { return allowed; }
    static Decision allow() { return Decision{true, QString()}; }
    static Decision deny(const QString &why) { return Decision{false, why}; }
};

// What the import form shows for this actor and target (R1, R2, R6, R7).
struct ImportForm
{
    bool available = false;          // the Import certificate button shows (R1, R4)
    QString unavailableReason;       // why not, when it does not
    bool showTemplate = false;       // "Associate a certificate" (R7)
    bool showCredits = false;        // "Credits" (R6, credits feature)
    bool sendsForValidation = false; // R2
    QString saveLabel;               // "Save" or "Send for validation" (R2)
};

// Which pages the main window offers this user.
struct Navigation
{
    bool results = true;
    bool users = false;      // admins, managers and coaches
    bool compliance = false; // the same (README "Rules", Requirements and compliance)
    bool notifications = true;
    bool settings = false; // platform admins
};

// What one use case knows of its actor and of the platform, read once at its
// start (inside its transaction) so that every question it asks the policy is
// answered against the same facts: two statements instead of one per question.
struct PolicySnapshot
{
    Id actor = 0;
    QString actorName;
    bool active = false;        // exists and is not deleted
    bool platformAdmin = false; // admin of the root group (and active)
    bool groupAdmin = false;    // admin of some group
    bool manager = false;       // somebody names them as manager
    PlatformSettings settings;
};

// The one place that answers every question of the README's rules R1-R7:
// scope, who may import, view, review, change settings and manage users,
// what the import form shows, and who reviews a new certificate. The UI, the
// CLI and the services all ask it; nothing else re-derives a rule.
class Policy
{
    Q_DECLARE_TR_FUNCTIONS(Policy)

public:
    explicit Policy(const QSqlDatabase &db);

    // Settings as the policy sees them (re-read on every question, so a change
    // made by another window or desktop applies at once).
    PlatformSettings settings() const;

    // The actor and the settings, as PolicySnapshot says; an unknown actor is
    // inactive. The questions below that take a snapshot ask nothing more of
    // the actor or the settings.
    PolicySnapshot snapshot(Id actor) const;

    bool isActive(Id user) const; // exists and is not deleted
    bool isPlatformAdmin(Id user) const;
    bool hasRole(Id user, Role role) const; // in any group
    bool isManager(Id user) const;          // somebody names them as manager

    // Scope: themselves; as admin, every member of the groups they administer,
    // sub-groups included; as manager, their managees; as coach, the learners
    // of the groups they coach (not sub-groups); platform admins, everyone.
    // Deleted targets stay in scope (R4).
    bool inScope(Id actor, Id target) const;
    bool inScope(const PolicySnapshot &actor, Id target) const;
    // A common table expression "scope(user_id)" of the users in an actor's
    // scope, with one positional placeholder for the actor. List queries
    // append their own SELECT to it; inScope() uses it too.
    static QString scopeCte();

    Decision mayImport(Id actor, Id target) const; // R1, R4
    Decision mayImport(const PolicySnapshot &actor, Id target) const;
    Decision mayView(Id actor, Id target) const; // R5
    // R3, R8, four eyes: uploader is who uploaded the certificate (0 or the
    // owner: nobody else); they do not review what they uploaded for someone.
    Decision mayReview(Id actor, Id owner, const QList<Id> &assignedReviewers,
                       Id uploader = 0) const;
    Decision mayReviewTask(Id actor, Id taskId) const;
    Decision mayChangeSettings(Id actor) const;
    Decision mayAddGroup(Id actor, Id parentGroup) const;
    Decision mayAddMember(Id actor, Id group) const;
    Decision mayManageUser(Id actor, Id target) const; // delete, restore
    Decision mayAssociateTemplate(Id actor) const;     // R7
    Decision mayAssociateTemplate(const PolicySnapshot &actor) const;
    Decision mayAddTemplate(Id actor) const;
    // README "Rules", Requirements and compliance: platform admins for any
    // group, group admins for their groups (and the groups below them).
    Decision mayChangeRequirements(Id actor, Id group) const;
    // The same answer for many groups at once (a list of thousands costs
    // one query): those of groups whose requirements actor may change.
    QSet<Id> requirementGroups(Id actor, const QList<Id> &groups) const;
    // The compliance picture and its export: admins, managers and coaches,
    // over their scope (R5).
    Decision mayViewCompliance(Id actor) const;
    // Correcting a rejected external certificate and sending it again
    // (README "Rules", Re-submission): only a rejected external one, with the rights of
    // importing for its owner (R1, R4).
    Decision mayResubmit(Id actor, const Certificate &certificate) const;
    Decision mayResubmit(const PolicySnapshot &actor, const Certificate &certificate) const;

    // Revoking a validated or accepted external certificate (README "Rules",
    // Revocation): platform admins and those R3 routes its owner's
    // certificates to; never its owner; not one revoked already.
    Decision mayRevoke(Id actor, const Certificate &certificate) const;
    Decision mayRevoke(const PolicySnapshot &actor, const Certificate &certificate) const;
    // Renewing (README "Rules", Renewal): a new certificate for the owner of
    // a valid, expiring or expired one (accepted or validated, not revoked,
    // not renewed yet), by whoever may import for its owner (R1, R4).
    Decision mayRenew(Id actor, const Certificate &certificate) const;
    Decision mayRenew(const PolicySnapshot &actor, const Certificate &certificate) const;

    ImportForm importForm(Id actor, Id target) const;
    Navigation navigation(Id actor) const;

    // R3: who reviews a new certificate of owner. Managers mode: the owner's
    // manager; with none (or a deleted one), the group admins. Group admins:
    // for each group of the owner, the admins of the nearest group up the tree
    // that has one other than the owner. No groups: the platform admins.
    // Never the owner; never a deleted user. Empty: nobody can review.
    // Four eyes (README "Rules", R3): whoever uploaded it for the owner is
    // passed over as the owner is (uploader 0 or the owner: nobody else).
    Result<QList<Id>> reviewersFor(Id owner, Id uploader = 0) const;
    Result<QList<Id>> reviewersFor(const PlatformSettings &settings, Id owner,
                                   Id uploader = 0) const;

    // README "Reminders": who is reminded of owner's certificate before its
    // expiry: the owner; with reminders.manager, also their active manager,
    // else (none, or a deleted one) the group admins R3 routes to in
    // group-admins mode. Owner first, then by id; never a deleted user.
    Result<QList<Id>> reminderRecipients(const PlatformSettings &settings, Id owner) const;

private:
    bool adminOfGroupOrAncestor(Id user, Id group) const;
    Result<QList<Id>> groupAdminReviewers(Id owner, Id uploader) const;

    QSqlDatabase m_db;
};
