#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

using Id = qint64;

enum class Role
{
    Admin,
    Coach,
    Learner
};

enum class CertificateKind
{
    Internal,
    External
};

// Stored status of a certificate. Accepted: imported while validation was off
// (R2); pending: waiting for a reviewer; validated / rejected: reviewed (R9).
enum class CertificateStatus
{
    Accepted,
    Pending,
    Validated,
    Rejected
};

// What a badge shows: the stored status, or what happened to the
// certificate since (revoked, renewed), or the expiry when it matters more.
enum class DisplayStatus
{
    Accepted,
    Pending,
    Validated,
    Rejected,
    ExpiringSoon,
    Expired,
    Revoked, // withdrawn by a reviewer or a platform admin, with a reason
    Renewed  // replaced by an accepted or validated renewal
};

// Which certificates a list shows (README "Rules", Lists): all, or those
// whose shown status (DisplayStatus) is: Valid (accepted or validated, not
// expiring soon), Expiring (soon), Expired, Pending, Rejected, Revoked.
enum class StatusFilter
{
    All,
    Valid,
    Expiring,
    Expired,
    Pending,
    Rejected,
    Revoked
};

// The order of a certificate list: newest delivery first, or what lapses
// next first (soonest expiration date; those that do not expire last).
enum class CertificateOrder
{
    NewestDelivery,
    ExpirySoonest
};

// R3: who validates external certificates.
enum class ReviewerMode
{
    GroupAdmins,
    Managers
};

enum class TaskState
{
    Open,
    Validated,
    Rejected
};

enum class NotificationCategory
{
    ValidationRequest,
    CertificateValidated,
    CertificateRejected,
    // Before a certificate's expiry (README "Reminders"): to its owner, and
    // to their manager or reviewers with the owner as the notification's actor.
    Reminder,
    // A certificate revoked, told to its owner with the reason as comment.
    CertificateRevoked
};

namespace Domain {
QString roleKey(Role role);
std::optional<Role> roleFromKey(const QString &key);
QString roleLabel(Role role);

QString kindKey(CertificateKind kind);
CertificateKind kindFromKey(const QString &key);
QString kindLabel(CertificateKind kind);

QString statusKey(CertificateStatus status);
CertificateStatus statusFromKey(const QString &key);

QString displayStatusKey(DisplayStatus status);
QString displayStatusLabel(DisplayStatus status);

// "all", "valid", "expiring", "expired", "pending", "rejected", "revoked".
QString statusFilterKey(StatusFilter filter);
std::optional<StatusFilter> statusFilterFromKey(const QString &key);
QString statusFilterLabel(StatusFilter filter);
QList<StatusFilter> statusFilters();
// The shown statuses (displayStatusKey) a filter keeps; empty for All.
QStringList statusFilterShown(StatusFilter filter);

QString reviewerModeKey(ReviewerMode mode);
std::optional<ReviewerMode> reviewerModeFromKey(const QString &key);

QString taskStateKey(TaskState state);
TaskState taskStateFromKey(const QString &key);

QString categoryKey(NotificationCategory category);
NotificationCategory categoryFromKey(const QString &key);

// A certificate expiring within this many days shows "expiring soon", unless
// the platform's setting expiry.soon-days (PlatformSettings) says otherwise.
constexpr int DefaultExpiringSoonDays = 30;

// Today, as every rule and list sees it: $CERTDESK_TODAY (YYYY-MM-DD) when it
// is set to a valid date (README "Expiry and reminders": for tests and
// scripts), else the system's date. A value that is not a date is ignored
// with a warning.
QDate today();
// What $CERTDESK_TODAY says is wrong with it, or empty when it is unset or a
// valid date (the CLI refuses to run with a bad one).
QString todayOverrideProblem();

// Longest certificate, group and user names, in characters.
constexpr int MaxNameLength = 200;

// A moment as lists show it, in local time and the reader's locale
// ("4 Mar 2026, 14:05"); empty for an invalid one.
QString dateTimeText(const QDateTime &dateTime);
} // namespace Domain

struct Group
{
    Id id = 0;
    QString name;
    Id parentId = 0; // 0: the platform group
};

struct Membership
{
    Id groupId = 0;
    QString groupName;
    Role role = Role::Learner;
};

struct User
{
    Id id = 0;
    QString email;
    QString name;
    Id managerId = 0;
    QString managerName;
    bool deleted = false;
    QString language = QStringLiteral("en");
    QList<Membership> memberships;
};

struct CertificateTemplate
{
    Id id = 0;
    QString name;
    QString description;
    int validityMonths = 0; // 0: does not expire
};

struct Certificate
{
    Id id = 0;
    CertificateKind kind = CertificateKind::External;
    Id ownerId = 0;
    QString ownerName;
    Id uploaderId = 0;
    QString name;
    QDate delivered;
    QDate expires; // null: does not expire
    Id templateId = 0;
    QString templateName;
    std::optional<double> credits;
    CertificateStatus status = CertificateStatus::Accepted;
    QString pdfSha256;
    QString originalFilename;
    int version = 1;
    // Set when the PDF was repaired on import (README "Untrusted PDFs"): the
    // SHA-256 of the file as uploaded, and what was repaired
    // (PdfCheck::repairCodes). Empty: pdfSha256 is the file as uploaded.
    QString uploadedSha256;
    QStringList pdfRepairs;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Its life after validation (README "Expiry, reminders, renewal,
    // revocation"): the certificate this one renews, the renewal that
    // replaced it (0: none), and its revocation (revokedAt null: not revoked).
    Id renewsId = 0;
    Id renewedById = 0;
    QDateTime revokedAt;
    Id revokedBy = 0;
    QString revokeReason;

    // soonDays: the platform's expiry.soon-days.
    DisplayStatus displayStatus(const QDate &today, int soonDays) const;
    // What the status badge says: the status, and for an expiring or expired
    // certificate how long is left or since when ("Expires in 12 days",
    // "Expires today", "Expired 3 days ago", "Expired on 4 Mar 2025").
    QString statusText(const QDate &today, int soonDays) const;
    // The same rule as displayStatus(), as SQL over the certificates table
    // aliased c (for counts computed by the database). Two placeholders:
    // bind today, then soonLimit(today, soonDays).
    static QString displayStatusSql();
    static QDate soonLimit(const QDate &today, int soonDays) { return today.addDays(soonDays); }
};

// How many certificates of one person show each status (Users page).
struct CertificateCounts
{
    int valid = 0; // accepted or validated, not expiring soon, not expired
    int pending = 0;
    int rejected = 0;
    int expiringSoon = 0;
    int expired = 0;
    int revoked = 0;
    int renewed = 0;

    int total() const
    {
        return valid + pending + rejected + expiringSoon + expired + revoked + renewed;
    }
    // Counts n certificates shown as shown (Domain::displayStatusKey).
    void add(const QString &shown, int n);
    // How many a list filtered so shows (All: total()).
    int of(StatusFilter filter) const;
};

struct ValidationTask
{
    Id id = 0;
    TaskState state = TaskState::Open;
    int version = 1;
    QDateTime createdAt;
    QDateTime decidedAt;
    Id decidedBy = 0;
    QString decidedByName;
    QString comment;
    Certificate certificate;
};

// What the email about a notification is composed from (MailText): the
// notification's category key, the names it shows and the reviewer's comment.
struct MailEvent
{
    QString category; // empty: the email is about no notification
    QString certificateName;
    QString actorName;
    QString comment;
    int daysLeft = -1; // a reminder's days before expiry, else -1
};

struct Notification
{
    Id id = 0;
    NotificationCategory category = NotificationCategory::ValidationRequest;
    Id certificateId = 0;
    QString certificateName;
    Id taskId = 0;
    Id actorId = 0;
    QString actorName;
    QString comment;
    QDateTime createdAt;
    bool read = false;
    // A reminder: the days that were left before expiry when it was sent
    // (0: the expiry day); -1 for the other categories.
    int daysLeft = -1;

    // The words of a notification and of its email, through a translation
    // function: the application's language (the overloads without one), or
    // the recipient's (MailText). Every string of these is marked for lupdate
    // in Domain.cpp, so the inbox and the email say the same.
    using Translate = std::function<QString(const char *context, const char *source, int n)>;
    QString title() const;
    QString body() const;
    QString title(const Translate &translate) const;
    QString body(const Translate &translate) const;
    // The email's last line: where in CertDesk to act on it.
    QString emailFooter(const Translate &translate) const;
    QString emailFooter() const;
    // For MailText: a notification from what its email is composed of.
    static Notification fromMailEvent(const MailEvent &event);
};
