#include "policy/PlatformSettings.h"

#include <algorithm>
#include <functional>

namespace {
const QString kImport = QStringLiteral("import.enabled");
const QString kValidation = QStringLiteral("validation.required");
const QString kReviewers = QStringLiteral("validation.reviewers");
const QString kCredits = QStringLiteral("credits.enabled");
const QString kPdfMax = QStringLiteral("pdf.max-size-mb");
const QString kPdfSeconds = QStringLiteral("pdf.check-seconds");
const QString kPdfMemory = QStringLiteral("pdf.check-memory-mb");
const QString kExpirySoon = QStringLiteral("expiry.soon-days");
const QString kReminderDays = QStringLiteral("reminders.days");
const QString kReminderManager = QStringLiteral("reminders.manager");

QString onOff(bool b)
{
    return b ? QStringLiteral("on") : QStringLiteral("off");
}

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("on") || t == QLatin1String("true") || t == QLatin1String("1") ||
        t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("off") || t == QLatin1String("false") || t == QLatin1String("0") ||
        t == QLatin1String("no"))
        return false;
    return std::nullopt;
}
// A whole number from low to high, or nothing.
std::optional<int> parseWhole(const QString &text, int low, int high)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok || n < low || n > high)
        return std::nullopt;
    return n;
}
} // namespace

QStringList PlatformSettings::keys()
{
    return QStringList{kImport,     kValidation, kReviewers,  kCredits,      kPdfMax,
                       kPdfSeconds, kPdfMemory,  kExpirySoon, kReminderDays, kReminderManager} +
           MailSettings::keys();
}

namespace {
// The whole-number settings: their range, where they go, their refusal.
struct WholeSetting
{
    QString key;
    int low = 0;
    int high = 0;
    int PlatformSettings::*field = nullptr;
    const char *refusal = nullptr; // "%1" the value, "%2" to "%3" the range
};

const WholeSetting *wholeSetting(const QString &key)
{
    using S = PlatformSettings;
    static const WholeSetting table[] = {
        {kPdfMax, 1, S::MaxPdfSizeMbLimit, &S::pdfMaxSizeMb,
         QT_TRANSLATE_NOOP("PlatformSettings", "\"%1\" is not a size limit: give a whole number "
                                               "of MB from %2 to %3.")},
        {kPdfSeconds, S::MinCheckSeconds, S::MaxCheckSeconds, &S::pdfCheckSeconds,
         QT_TRANSLATE_NOOP("PlatformSettings", "\"%1\" is not a time limit: give a whole number "
                                               "of seconds from %2 to %3.")},
        {kPdfMemory, S::MinCheckMemoryMb, S::MaxCheckMemoryMb, &S::pdfCheckMemoryMb,
         QT_TRANSLATE_NOOP("PlatformSettings", "\"%1\" is not a memory limit: give a whole "
                                               "number of MB from %2 to %3.")},
        {kExpirySoon, 1, S::MaxExpirySoonDays, &S::expirySoonDays,
         QT_TRANSLATE_NOOP("PlatformSettings", "\"%1\" is not a number of days: give a whole "
                                               "number of days from %2 to %3.")},
    };
    for (const WholeSetting &whole : table) {
        if (whole.key == key)
            return &whole;
    }
    return nullptr;
}
} // namespace

QString PlatformSettings::reminderDaysText(const QList<int> &days)
{
    if (days.isEmpty())
        return QStringLiteral("none");
    QStringList parts;
    for (int d : days)
        parts << QString::number(d);
    return parts.join(QLatin1Char(','));
}

Result<QList<int>> PlatformSettings::parseReminderDays(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return QList<int>{};
    QList<int> days;
    const QStringList parts = trimmed.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const auto n = parseWhole(part, 0, MaxReminderDays);
        if (!n || part.trimmed().isEmpty())
            return makeError(ErrorKind::Invalid,
                             tr("\"%1\" in \"%2\" is not a number of days before expiry: give "
                                "whole numbers from 0 to %3, separated by commas (0: the expiry "
                                "day), or none.")
                                 .arg(part.trimmed(), text)
                                 .arg(MaxReminderDays));
        if (days.contains(*n))
            return makeError(
                ErrorKind::Invalid,
                tr("%1 is given twice in \"%2\": each day before expiry once.").arg(*n).arg(text));
        days << *n;
    }
    if (days.size() > MaxReminderCount)
        return makeError(ErrorKind::Invalid, tr("\"%1\" has %2 reminders: at most %3.")
                                                 .arg(text)
                                                 .arg(days.size())
                                                 .arg(MaxReminderCount));
    std::sort(days.begin(), days.end(), std::greater<int>());
    return days;
}

std::optional<int> PlatformSettings::reminderThreshold(int daysLeft) const
{
    // README "Reminders": the latest threshold that is due, i.e. the
    // smallest not below the days left; none before the first or after expiry.
    std::optional<int> due;
    if (daysLeft < 0)
        return due;
    for (int d : reminderDays) {
        if (d >= daysLeft)
            due = d;
    }
    return due;
}

PdfLimits PlatformSettings::pdfLimits() const
{
    PdfLimits limits;
    limits.maxBytes = pdfMaxBytes();
    limits.seconds = pdfCheckSeconds;
    limits.memoryMb = pdfCheckMemoryMb;
    return limits;
}

PdfLimits PlatformSettings::storedPdfLimits() const
{
    PdfLimits limits = pdfLimits();
    limits.maxBytes = 0;
    return limits;
}

QString PlatformSettings::describe(const QString &key)
{
    if (key == kImport)
        return tr("Learners can import certificates themselves");
    if (key == kValidation)
        return tr("Validation of external certificates required");
    if (key == kReviewers)
        return tr("Reviewers: group-admins or managers");
    if (key == kCredits)
        return tr("Credits feature");
    if (key == kPdfMax)
        return tr("Largest PDF accepted, in MB");
    if (key == kPdfSeconds)
        return tr("Longest time reading one PDF may take, in seconds");
    if (key == kPdfMemory)
        return tr("Most memory reading one PDF may use, in MB");
    if (key == kExpirySoon)
        return tr("Days before expiry a certificate shows as expiring soon");
    if (key == kReminderDays)
        return tr("Days before expiry reminders go out, e.g. 90,30,7,0 (0: the expiry day; "
                  "none: no reminders)");
    if (key == kReminderManager)
        return tr("Remind the manager (else the group admins) too");
    return MailSettings::describe(key);
}

QString PlatformSettings::value(const QString &key) const
{
    if (key == kImport)
        return onOff(importEnabled);
    if (key == kValidation)
        return onOff(validationRequired);
    if (key == kReviewers)
        return Domain::reviewerModeKey(reviewers);
    if (key == kCredits)
        return onOff(creditsEnabled);
    if (key == kReminderDays)
        return reminderDaysText(reminderDays);
    if (key == kReminderManager)
        return onOff(remindManager);
    if (const WholeSetting *whole = wholeSetting(key))
        return QString::number(this->*whole->field);
    return mail.value(key);
}

QString PlatformSettings::storedValue(const QString &key) const
{
    const QString stored = MailSettings::isKey(key) ? mail.storedValue(key) : value(key);
    // Never NULL in the table: an empty value is an empty text.
    return stored.isNull() ? QStringLiteral("") : stored;
}

Status PlatformSettings::set(const QString &key, const QString &value)
{
    if (!keys().contains(key))
        return makeError(ErrorKind::Invalid, tr("Unknown setting \"%1\". Known settings: %2.")
                                                 .arg(key, keys().join(QStringLiteral(", "))));
    if (MailSettings::isKey(key))
        return mail.set(key, value);
    if (key == kReviewers) {
        const auto mode = Domain::reviewerModeFromKey(value.trimmed().toLower());
        if (!mode)
            return makeError(
                ErrorKind::Invalid,
                tr("\"%1\" is not a reviewer choice: use group-admins or managers.").arg(value));
        reviewers = *mode;
        return Done{};
    }
    if (key == kReminderDays) {
        auto days = parseReminderDays(value);
        if (!days)
            return days.error();
        reminderDays = days.value();
        return Done{};
    }
    if (const WholeSetting *whole = wholeSetting(key)) {
        const auto n = parseWhole(value, whole->low, whole->high);
        if (!n)
            return makeError(ErrorKind::Invalid,
                             tr(whole->refusal).arg(value).arg(whole->low).arg(whole->high));
        this->*whole->field = *n;
        return Done{};
    }
    const auto b = parseBool(value);
    if (!b)
        return makeError(ErrorKind::Invalid,
                         tr("\"%1\" is not a switch value: use on or off.").arg(value));
    if (key == kImport)
        importEnabled = *b;
    else if (key == kValidation)
        validationRequired = *b;
    else if (key == kReminderManager)
        remindManager = *b;
    else
        creditsEnabled = *b;
    return Done{};
}

Result<PlatformSettings> PlatformSettings::load(const QSqlDatabase &db)
{
    QString error;
    QSqlQuery q = Sql::run(db, QStringLiteral("SELECT key, value FROM settings"), {}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, tr("Could not read the settings: %1").arg(error));
    PlatformSettings s;
    while (q.next()) {
        // A value this program cannot read keeps its default (a newer
        // program may know more values); it is not fatal.
        const QString key = q.value(0).toString();
        if (MailSettings::isKey(key))
            s.mail.setStored(key, q.value(1).toString());
        else
            s.set(key, q.value(1).toString());
    }
    return s;
}
