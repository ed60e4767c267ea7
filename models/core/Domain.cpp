#include "core/Domain.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Domain)
};
} // namespace

namespace Domain {

QString roleKey(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Coach:
        return QStringLiteral("coach");
    case Role::Learner:
        break;
    }
    return QStringLiteral("learner");
}

std::optional<Role> roleFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("admin"))
        return Role::Admin;
    if (k == QLatin1String("coach"))
        return Role::Coach;
    if (k == QLatin1String("learner"))
        return Role::Learner;
    return std::nullopt;
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Admin:
        return Tr::tr("Admin");
    case Role::Coach:
        return Tr::tr("Coach");
    case Role::Learner:
        break;
    }
    return Tr::tr("Learner");
}

QString kindKey(CertificateKind kind)
{
    return kind == CertificateKind::Internal ? QStringLiteral("internal")
                                             : QStringLiteral("external");
}

CertificateKind kindFromKey(const QString &key)
{
    return key == QLatin1String("internal") ? CertificateKind::Internal : CertificateKind::External;
}

QString kindLabel(CertificateKind kind)
{
    return kind == CertificateKind::Internal ? Tr::tr("Internal") : Tr::tr("External");
}

QString statusKey(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::Accepted:
        return QStringLiteral("accepted");
    case CertificateStatus::Pending:
        return QStringLiteral("pending");
    case CertificateStatus::Validated:
        return QStringLiteral("validated");
    case CertificateStatus::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

CertificateStatus statusFromKey(const QString &key)
{
    if (key == QLatin1String("pending"))
        return CertificateStatus::Pending;
    if (key == QLatin1String("validated"))
        return CertificateStatus::Validated;
    if (key == QLatin1String("rejected"))
        return CertificateStatus::Rejected;
    return CertificateStatus::Accepted;
}

QString displayStatusKey(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Accepted:
        return QStringLiteral("accepted");
    case DisplayStatus::Pending:
        return QStringLiteral("pending");
    case DisplayStatus::Validated:
        return QStringLiteral("validated");
    case DisplayStatus::Rejected:
        return QStringLiteral("rejected");
    case DisplayStatus::ExpiringSoon:
        return QStringLiteral("expiring-soon");
    case DisplayStatus::Revoked:
        return QStringLiteral("revoked");
    case DisplayStatus::Renewed:
        return QStringLiteral("renewed");
    case DisplayStatus::Expired:
        break;
    }
    return QStringLiteral("expired");
}

QString displayStatusLabel(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Accepted:
        return Tr::tr("Accepted");
    case DisplayStatus::Pending:
        return Tr::tr("Pending validation");
    case DisplayStatus::Validated:
        return Tr::tr("Validated");
    case DisplayStatus::Rejected:
        return Tr::tr("Rejected");
    case DisplayStatus::ExpiringSoon:
        return Tr::tr("Expiring soon");
    case DisplayStatus::Revoked:
        return Tr::tr("Revoked");
    case DisplayStatus::Renewed:
        return Tr::tr("Renewed");
    case DisplayStatus::Expired:
        break;
    }
    return Tr::tr("Expired");
}

QList<StatusFilter> statusFilters()
{
    return {StatusFilter::All,     StatusFilter::Valid,   StatusFilter::Expiring,
            StatusFilter::Expired, StatusFilter::Pending, StatusFilter::Rejected,
            StatusFilter::Revoked};
}

QString statusFilterKey(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::All:
        return QStringLiteral("all");
    case StatusFilter::Valid:
        return QStringLiteral("valid");
    case StatusFilter::Expiring:
        return QStringLiteral("expiring");
    case StatusFilter::Expired:
        return QStringLiteral("expired");
    case StatusFilter::Pending:
        return QStringLiteral("pending");
    case StatusFilter::Rejected:
        return QStringLiteral("rejected");
    case StatusFilter::Revoked:
        break;
    }
    return QStringLiteral("revoked");
}

std::optional<StatusFilter> statusFilterFromKey(const QString &key)
{
    for (StatusFilter f : statusFilters()) {
        if (statusFilterKey(f) == key)
            return f;
    }
    return std::nullopt;
}

QString statusFilterLabel(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::All:
        return Tr::tr("All");
    case StatusFilter::Valid:
        return Tr::tr("Valid");
    case StatusFilter::Expiring:
        return Tr::tr("Expiring");
    case StatusFilter::Expired:
        return Tr::tr("Expired");
    case StatusFilter::Pending:
        return Tr::tr("Pending");
    case StatusFilter::Rejected:
        return Tr::tr("Rejected");
    case StatusFilter::Revoked:
        break;
    }
    return Tr::tr("Revoked");
}

QStringList statusFilterShown(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::All:
        return {};
    case StatusFilter::Valid:
        return {displayStatusKey(DisplayStatus::Accepted),
                displayStatusKey(DisplayStatus::Validated)};
    case StatusFilter::Expiring:
        return {displayStatusKey(DisplayStatus::ExpiringSoon)};
    case StatusFilter::Expired:
        return {displayStatusKey(DisplayStatus::Expired)};
    case StatusFilter::Pending:
        return {displayStatusKey(DisplayStatus::Pending)};
    case StatusFilter::Rejected:
        return {displayStatusKey(DisplayStatus::Rejected)};
    case StatusFilter::Revoked:
        break;
    }
    return {displayStatusKey(DisplayStatus::Revoked)};
}

QString reviewerModeKey(ReviewerMode mode)
{
    return mode == ReviewerMode::Managers ? QStringLiteral("managers")
                                          : QStringLiteral("group-admins");
}

std::optional<ReviewerMode> reviewerModeFromKey(const QString &key)
{
    if (key == QLatin1String("managers"))
        return ReviewerMode::Managers;
    if (key == QLatin1String("group-admins"))
        return ReviewerMode::GroupAdmins;
    return std::nullopt;
}

QString taskStateKey(TaskState state)
{
    switch (state) {
    case TaskState::Open:
        return QStringLiteral("open");
    case TaskState::Validated:
        return QStringLiteral("validated");
    case TaskState::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

TaskState taskStateFromKey(const QString &key)
{
    if (key == QLatin1String("validated"))
        return TaskState::Validated;
    if (key == QLatin1String("rejected"))
        return TaskState::Rejected;
    return TaskState::Open;
}

QString dateTimeText(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QString();
    return QLocale().toString(dateTime.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"));
}

QString categoryKey(NotificationCategory category)
{
    switch (category) {
    case NotificationCategory::ValidationRequest:
        return QStringLiteral("validation-request");
    case NotificationCategory::CertificateValidated:
        return QStringLiteral("certificate-validated");
    case NotificationCategory::Reminder:
        return QStringLiteral("reminder");
    case NotificationCategory::CertificateRevoked:
        return QStringLiteral("certificate-revoked");
    case NotificationCategory::CertificateRejected:
        break;
    }
    return QStringLiteral("certificate-rejected");
}

NotificationCategory categoryFromKey(const QString &key)
{
    if (key == QLatin1String("certificate-validated"))
        return NotificationCategory::CertificateValidated;
    if (key == QLatin1String("certificate-rejected"))
        return NotificationCategory::CertificateRejected;
    if (key == QLatin1String("reminder"))
        return NotificationCategory::Reminder;
    if (key == QLatin1String("certificate-revoked"))
        return NotificationCategory::CertificateRevoked;
    return NotificationCategory::ValidationRequest;
}

QDate today()
{
    static const QDate override = [] {
        const QString problem = todayOverrideProblem();
        if (!problem.isEmpty())
            qWarning("%s", qPrintable(problem));
        const QString value = qEnvironmentVariable("CERTDESK_TODAY");
        return problem.isEmpty() && !value.isEmpty() ? QDate::fromString(value, Qt::ISODate)
                                                     : QDate();
    }();
    return override.isValid() ? override : QDate::currentDate();
}

QString todayOverrideProblem()
{
    const QString value = qEnvironmentVariable("CERTDESK_TODAY").trimmed();
    if (value.isEmpty())
        return QString();
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (shape.match(value).hasMatch() && QDate::fromString(value, Qt::ISODate).isValid())
        return QString();
    return Tr::tr("CERTDESK_TODAY=\"%1\" is not a date: give it as YYYY-MM-DD, or unset it.")
        .arg(value);
}

} // namespace Domain

DisplayStatus Certificate::displayStatus(const QDate &today, int soonDays) const
{
    // A pending or rejected certificate shows its review state first: the
    // owner has something to do about it whatever its dates say.
    if (status == CertificateStatus::Pending)
        return DisplayStatus::Pending;
    if (status == CertificateStatus::Rejected)
        return DisplayStatus::Rejected;
    // Withdrawn or replaced: its dates no longer matter.
    if (revokedAt.isValid())
        return DisplayStatus::Revoked;
    if (renewedById > 0)
        return DisplayStatus::Renewed;
    if (expires.isValid()) {
        if (expires < today)
            return DisplayStatus::Expired;
        if (today.daysTo(expires) <= soonDays)
            return DisplayStatus::ExpiringSoon;
    }
    return status == CertificateStatus::Validated ? DisplayStatus::Validated
                                                  : DisplayStatus::Accepted;
}

QString Certificate::statusText(const QDate &today, int soonDays) const
{
    const DisplayStatus shown = displayStatus(today, soonDays);
    const qint64 days = today.daysTo(expires);
    if (shown == DisplayStatus::ExpiringSoon) {
        if (days == 0)
            return Tr::tr("Expires today");
        if (days == 1)
            return Tr::tr("Expires tomorrow");
        return Tr::tr("Expires in %n days", nullptr, int(days));
    }
    if (shown == DisplayStatus::Expired) {
        if (days == -1)
            return Tr::tr("Expired yesterday");
        if (days >= -Domain::DefaultExpiringSoonDays)
            return Tr::tr("Expired %n days ago", nullptr, int(-days));
        return Tr::tr("Expired on %1")
            .arg(QLocale().toString(expires, QStringLiteral("d MMM yyyy")));
    }
    return Domain::displayStatusLabel(shown);
}

void CertificateCounts::add(const QString &shown, int n)
{
    if (shown == QLatin1String("pending"))
        pending += n;
    else if (shown == QLatin1String("rejected"))
        rejected += n;
    else if (shown == QLatin1String("expired"))
        expired += n;
    else if (shown == QLatin1String("expiring-soon"))
        expiringSoon += n;
    else if (shown == QLatin1String("revoked"))
        revoked += n;
    else if (shown == QLatin1String("renewed"))
        renewed += n;
    else
        valid += n;
}

int CertificateCounts::of(StatusFilter filter) const
{
    switch (filter) {
    case StatusFilter::All:
        return total();
    case StatusFilter::Valid:
        return valid;
    case StatusFilter::Expiring:
        return expiringSoon;
    case StatusFilter::Expired:
        return expired;
    case StatusFilter::Pending:
        return pending;
    case StatusFilter::Rejected:
        return rejected;
    case StatusFilter::Revoked:
        break;
    }
    return revoked;
}

QString Certificate::displayStatusSql()
{
    // Keep in step with displayStatus(): tst_listmodels checks they agree.
    return QStringLiteral(
        "CASE WHEN c.status = 'pending' THEN 'pending' "
        "WHEN c.status = 'rejected' THEN 'rejected' "
        "WHEN c.revoked_at IS NOT NULL THEN 'revoked' "
        "WHEN c.renewed_by_id IS NOT NULL THEN 'renewed' "
        "WHEN c.expires_on IS NOT NULL AND c.expires_on < ? THEN 'expired' "
        "WHEN c.expires_on IS NOT NULL AND c.expires_on <= ? THEN 'expiring-soon' "
        "WHEN c.status = 'validated' THEN 'validated' ELSE 'accepted' END");
}

namespace {
// The words of notifications and their emails (Notification::title, body,
// emailFooter), marked here for lupdate; %n: a reminder's days left.
const char *const kTitleRequest = QT_TRANSLATE_NOOP("Domain", "Certificate validation: %1");
const char *const kTitleValidated =
    QT_TRANSLATE_NOOP("Domain", "Your certificate \"%1\" was validated");
const char *const kTitleRejected =
    QT_TRANSLATE_NOOP("Domain", "Your certificate \"%1\" was rejected");
const char *const kTitleRevoked =
    QT_TRANSLATE_NOOP("Domain", "Your certificate \"%1\" was revoked");
// A reminder's words, by days left: the expiry day, the day before, more.
struct DaysWords
{
    const char *today;
    const char *tomorrow;
    const char *days; // %n: the days left (2 or more)
};
const DaysWords kTitleReminder{QT_TRANSLATE_NOOP("Domain", "\"%1\" expires today"),
                               QT_TRANSLATE_NOOP("Domain", "\"%1\" expires tomorrow"),
                               QT_TRANSLATE_N_NOOP("Domain", "\"%1\" expires in %n days")};
const DaysWords kTitleReminderOf{QT_TRANSLATE_NOOP("Domain", "\"%1\" of %2 expires today"),
                                 QT_TRANSLATE_NOOP("Domain", "\"%1\" of %2 expires tomorrow"),
                                 QT_TRANSLATE_N_NOOP("Domain", "\"%1\" of %2 expires in %n days")};
const char *const kBodyRequest =
    QT_TRANSLATE_NOOP("Domain", "%1 sent the external certificate \"%2\" for validation.");
const char *const kBodyValidated =
    QT_TRANSLATE_NOOP("Domain", "%1 validated your external certificate \"%2\".");
const char *const kBodyRejected =
    QT_TRANSLATE_NOOP("Domain", "%1 rejected your external certificate \"%2\".");
const char *const kBodyRevoked =
    QT_TRANSLATE_NOOP("Domain", "%1 revoked your external certificate \"%2\".");
const DaysWords kBodyReminder{
    QT_TRANSLATE_NOOP("Domain", "Your external certificate \"%1\" expires today: renew it."),
    QT_TRANSLATE_NOOP("Domain",
                      "Your external certificate \"%1\" expires tomorrow: renew it in time."),
    QT_TRANSLATE_N_NOOP("Domain",
                        "Your external certificate \"%1\" expires in %n days: renew it in time.")};
const DaysWords kBodyReminderOf{
    QT_TRANSLATE_NOOP("Domain", "The external certificate \"%1\" of %2 expires today."),
    QT_TRANSLATE_NOOP("Domain", "The external certificate \"%1\" of %2 expires tomorrow."),
    QT_TRANSLATE_N_NOOP("Domain", "The external certificate \"%1\" of %2 expires in %n days.")};
const char *const kComment = QT_TRANSLATE_NOOP("Domain", "Comment: %1");
const char *const kReason = QT_TRANSLATE_NOOP("Domain", "Reason: %1");
const char *const kFooterRequest =
    QT_TRANSLATE_NOOP("NotificationService",
                      "Open CertDesk, then Notifications > Certificate Validation, to review it.");
const char *const kFooterOutcome =
    QT_TRANSLATE_NOOP("NotificationService", "Open CertDesk, then Results, to see it.");
const char *const kFooterRenew =
    QT_TRANSLATE_NOOP("NotificationService", "Open CertDesk, then Results, to renew it.");

QString appTranslate(const char *context, const char *source, int n)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

// A reminder about someone else's certificate names its owner (the actor).
bool aboutOwnCertificate(const Notification &n)
{
    return n.actorId == 0 && n.actorName.isEmpty();
}

// The reminder's sentence of words for its days left, with its names.
QString reminderText(const Notification &n, const Notification::Translate &t, const DaysWords &own,
                     const DaysWords &of)
{
    const bool mine = aboutOwnCertificate(n);
    const DaysWords &words = mine ? own : of;
    const int days = qMax(0, n.daysLeft);
    const QString text = days == 0   ? t("Domain", words.today, -1)
                         : days == 1 ? t("Domain", words.tomorrow, -1)
                                     : t("Domain", words.days, days);
    return mine ? text.arg(n.certificateName) : text.arg(n.certificateName, n.actorName);
}
} // namespace

QString Notification::title() const
{
    return title(appTranslate);
}

QString Notification::body() const
{
    return body(appTranslate);
}

QString Notification::emailFooter() const
{
    return emailFooter(appTranslate);
}

QString Notification::title(const Translate &t) const
{
    switch (category) {
    case NotificationCategory::ValidationRequest:
        return t("Domain", kTitleRequest, -1).arg(certificateName);
    case NotificationCategory::CertificateValidated:
        return t("Domain", kTitleValidated, -1).arg(certificateName);
    case NotificationCategory::CertificateRevoked:
        return t("Domain", kTitleRevoked, -1).arg(certificateName);
    case NotificationCategory::Reminder:
        return reminderText(*this, t, kTitleReminder, kTitleReminderOf);
    case NotificationCategory::CertificateRejected:
        break;
    }
    return t("Domain", kTitleRejected, -1).arg(certificateName);
}

QString Notification::body(const Translate &t) const
{
    QString text;
    switch (category) {
    case NotificationCategory::ValidationRequest:
        text = t("Domain", kBodyRequest, -1).arg(actorName, certificateName);
        break;
    case NotificationCategory::CertificateValidated:
        text = t("Domain", kBodyValidated, -1).arg(actorName, certificateName);
        break;
    case NotificationCategory::CertificateRejected:
        text = t("Domain", kBodyRejected, -1).arg(actorName, certificateName);
        break;
    case NotificationCategory::CertificateRevoked:
        text = t("Domain", kBodyRevoked, -1).arg(actorName, certificateName);
        break;
    case NotificationCategory::Reminder:
        text = reminderText(*this, t, kBodyReminder, kBodyReminderOf);
        break;
    }
    if (!comment.isEmpty())
        text += QLatin1Char('\n') +
                t("Domain",
                  category == NotificationCategory::CertificateRevoked ? kReason : kComment, -1)
                    .arg(comment);
    return text;
}

QString Notification::emailFooter(const Translate &t) const
{
    if (category == NotificationCategory::ValidationRequest)
        return t("NotificationService", kFooterRequest, -1);
    if (category == NotificationCategory::Reminder && aboutOwnCertificate(*this))
        return t("NotificationService", kFooterRenew, -1);
    return t("NotificationService", kFooterOutcome, -1);
}

Notification Notification::fromMailEvent(const MailEvent &event)
{
    Notification n;
    n.category = Domain::categoryFromKey(event.category);
    n.certificateName = event.certificateName;
    n.actorName = event.actorName;
    n.comment = event.comment;
    n.daysLeft = event.daysLeft;
    return n;
}
