#pragma once

#include "core/Domain.h"
#include "core/PdfLimits.h"
#include "core/Result.h"
#include "policy/MailSettings.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QStringList>

// The platform's settings, typed. Keys (as the CLI and the settings table
// spell them): import.enabled (R1), validation.required (R2),
// validation.reviewers (R3), credits.enabled, pdf.max-size-mb,
// pdf.check-seconds, pdf.check-memory-mb, expiry.soon-days, reminders.days,
// reminders.manager, and the mail.* keys of MailSettings (outgoing email). A
// key without a row in the settings table has its default.
struct PlatformSettings
{
    Q_DECLARE_TR_FUNCTIONS(PlatformSettings)

public:
    bool importEnabled = false;
    bool validationRequired = false;
    ReviewerMode reviewers = ReviewerMode::GroupAdmins;
    bool creditsEnabled = false;
    int pdfMaxSizeMb = 20;
    int pdfCheckSeconds = PdfLimits::DefaultSeconds;
    int pdfCheckMemoryMb = PdfLimits::DefaultMemoryMb;
    // How many days before its expiry a certificate shows "expiring soon".
    int expirySoonDays = Domain::DefaultExpiringSoonDays;
    // Days before expiry a reminder goes out (README "Reminders"), largest
    // first, no two alike; 0 is the expiry day; empty: no reminders.
    QList<int> reminderDays{90, 30, 7, 0};
    // Whether the owner's manager (else the reviewers R3 routes to in
    // group-admins mode) is reminded too.
    bool remindManager = true;
    MailSettings mail;

    static constexpr int MaxPdfSizeMbLimit = 200;
    static constexpr int MinCheckSeconds = 2;
    static constexpr int MaxCheckSeconds = 300;
    static constexpr int MinCheckMemoryMb = 256;
    static constexpr int MaxCheckMemoryMb = 16384;
    static constexpr int MaxExpirySoonDays = 365;
    static constexpr int MaxReminderDays = 3650;
    static constexpr int MaxReminderCount = 10;

    qint64 pdfMaxBytes() const { return qint64(pdfMaxSizeMb) * 1024 * 1024; }
    // What PdfCheck may spend on one file: the three pdf.* settings.
    PdfLimits pdfLimits() const;
    // The same for reading a stored file again (the reviewer's signals in the
    // task view and in certdesk-cli tasks --json): its size was accepted
    // when it was stored, so no size limit; the time and memory ones hold.
    PdfLimits storedPdfLimits() const;

    // reminders.days as the CLI prints and the table stores it ("90,30,7,0",
    // "none"), and read from a person's text (refused: not a number, below 0,
    // over 3650, given twice, more than 10).
    static QString reminderDaysText(const QList<int> &days);
    static Result<QList<int>> parseReminderDays(const QString &text);
    // The reminder due for a certificate with daysLeft days before expiry:
    // the smallest threshold not below daysLeft; none when no threshold is
    // reached yet, or after the expiry day.
    std::optional<int> reminderThreshold(int daysLeft) const;

    static QStringList keys();
    static QString describe(const QString &key);
    // The value of key as the CLI prints it ("on"/"off", "managers", "20";
    // mail.password: "set" or "not set", never the password).
    QString value(const QString &key) const;
    // The value as the settings table stores it (mail.password sealed).
    QString storedValue(const QString &key) const;
    // Parses and applies one value; a readable error for an unknown key or bad value.
    Status set(const QString &key, const QString &value);

    static Result<PlatformSettings> load(const QSqlDatabase &db);
};
