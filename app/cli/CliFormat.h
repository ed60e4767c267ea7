#pragma once

#include "services/ReviewSignals.h"

#include "core/Domain.h"
#include "policy/PlatformSettings.h"

#include <QJsonObject>
#include <QJsonValue>

class Cli;

// The JSON objects certdesk-cli prints (keys are public: see CLI.md, "JSON
// output") and the text forms of the same values for tables. Dates are
// YYYY-MM-DD, times ISO 8601 in UTC ("2025-01-10T09:30:00Z"), absent values
// null in JSON and "-" in tables.
class CliFormat
{
public:
    static QJsonValue date(const QDate &date);
    static QJsonValue dateTime(const QDateTime &dateTime);
    static QJsonValue textOrNull(const QString &text);
    static QString dateText(const QDate &date);
    static QString dateTimeText(const QDateTime &dateTime); // local time, minutes
    static QString creditsText(const std::optional<double> &credits);
    static QString orDash(const QString &text);

    // id, kind, owner_email, owner_name, name, delivered, expires, template,
    // credits, status, display_status, pdf_sha256
    static QJsonObject certificate(Cli &cli, const Certificate &certificate);
    // id, email, name, manager_email, manager_name, deleted, language,
    // memberships: [{group, role}]
    static QJsonObject user(Cli &cli, const User &user);
    // id, name, parent
    static QJsonObject group(const QString &name, Id id, const QString &parent);
    // id, name, description, validity_months
    static QJsonObject certificateTemplate(const CertificateTemplate &t);
    // key, value, description
    static QJsonObject setting(const PlatformSettings &settings, const QString &key);
    // id, state, created_at, decided_at, decided_by_email, decided_by_name,
    // comment, certificate: {certificate}
    static QJsonObject task(Cli &cli, const ValidationTask &task);
    // A task's "signals" (CLI.md, JSON output): what the PDF reader found in
    // its stored PDF (ReviewSignals::Facts), or why it could not read it.
    static QJsonObject reviewSignals(const PdfCheckResult &pdf, const ReviewSignals::Facts &facts);
    // id, category, title, body, certificate_id, certificate_name, task_id,
    // actor_name, comment, created_at, read
    static QJsonObject notification(const Notification &notification);

    // "Sales EMEA:learner, Platform:admin"
    static QString membershipsText(const User &user);
    // "Jane Doe <jane@example.org>"
    static QString person(const QString &name, const QString &email);
};
