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
// pdf.check-seconds, pdf.check-memory-mb, expiry.soon-days, and the mail.* keys of MailSettings
// (outgoing email). A key without a row in the settings table has its default.
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
    MailSettings mail;

    static constexpr int MaxPdfSizeMbLimit = 200;
    static constexpr int MinCheckSeconds = 2;
    static constexpr int MaxCheckSeconds = 300;
    static constexpr int MinCheckMemoryMb = 256;
    static constexpr int MaxCheckMemoryMb = 16384;
    static constexpr int MaxExpirySoonDays = 365;

    qint64 pdfMaxBytes() const { return qint64(pdfMaxSizeMb) * 1024 * 1024; }
    // What PdfCheck may spend on one file: the three pdf.* settings.
    PdfLimits pdfLimits() const;

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
