#include "CliFormat.h"

#include "Cli.h"
#include "pdf/PdfCheck.h"

#include <QJsonArray>
#include <QLocale>

QJsonValue CliFormat::date(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue CliFormat::dateTime(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(dateTime.toUTC().toString(Qt::ISODate))
                              : QJsonValue(QJsonValue::Null);
}

QJsonValue CliFormat::textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString CliFormat::dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("-");
}

QString CliFormat::dateTimeText(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                              : QStringLiteral("-");
}

QString CliFormat::creditsText(const std::optional<double> &credits)
{
    return credits ? QLocale::c().toString(*credits, 'g', 10) : QStringLiteral("-");
}

QString CliFormat::orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString CliFormat::person(const QString &name, const QString &email)
{
    if (email.isEmpty())
        return name;
    return name + QStringLiteral(" <") + email + QLatin1Char('>');
}

QJsonObject CliFormat::certificate(Cli &cli, const Certificate &c)
{
    return QJsonObject{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("kind"), Domain::kindKey(c.kind)},
        {QStringLiteral("owner_email"), cli.emailOf(c.ownerId)},
        {QStringLiteral("owner_name"), c.ownerName},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("delivered"), date(c.delivered)},
        {QStringLiteral("expires"), date(c.expires)},
        {QStringLiteral("template"), textOrNull(c.templateName)},
        {QStringLiteral("credits"), c.credits ? QJsonValue(*c.credits) : QJsonValue()},
        {QStringLiteral("status"), Domain::statusKey(c.status)},
        {QStringLiteral("display_status"),
         Domain::displayStatusKey(c.displayStatus(Domain::today(), cli.expirySoonDays()))},
        {QStringLiteral("pdf_sha256"), textOrNull(c.pdfSha256)},
        // A PDF repaired on import: the file as uploaded, and what was
        // repaired (README "Untrusted PDFs"); the same as pdf_sha256 and []
        // for a file stored as uploaded.
        {QStringLiteral("uploaded_sha256"),
         textOrNull(c.uploadedSha256.isEmpty() ? c.pdfSha256 : c.uploadedSha256)},
        {QStringLiteral("pdf_repairs"), QJsonArray::fromStringList(c.pdfRepairs)},
    };
}

QJsonObject CliFormat::user(Cli &cli, const User &u)
{
    QJsonArray memberships;
    for (const Membership &m : u.memberships)
        memberships.append(QJsonObject{{QStringLiteral("group"), m.groupName},
                                       {QStringLiteral("role"), Domain::roleKey(m.role)}});
    return QJsonObject{
        {QStringLiteral("id"), u.id},
        {QStringLiteral("email"), u.email},
        {QStringLiteral("name"), u.name},
        {QStringLiteral("manager_email"), textOrNull(cli.emailOf(u.managerId))},
        {QStringLiteral("manager_name"), textOrNull(u.managerName)},
        {QStringLiteral("deleted"), u.deleted},
        {QStringLiteral("language"), u.language},
        {QStringLiteral("memberships"), memberships},
    };
}

QJsonObject CliFormat::group(const QString &name, Id id, const QString &parent)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("parent"), textOrNull(parent)}};
}

QJsonObject CliFormat::certificateTemplate(const CertificateTemplate &t)
{
    return QJsonObject{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("description"), textOrNull(t.description)},
        {QStringLiteral("validity_months"),
         t.validityMonths > 0 ? QJsonValue(t.validityMonths) : QJsonValue()},
    };
}

QJsonObject CliFormat::setting(const PlatformSettings &settings, const QString &key)
{
    return QJsonObject{{QStringLiteral("key"), key},
                       {QStringLiteral("value"), settings.value(key)},
                       {QStringLiteral("description"), PlatformSettings::describe(key)}};
}

QJsonObject CliFormat::task(Cli &cli, const ValidationTask &t)
{
    return QJsonObject{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("state"), Domain::taskStateKey(t.state)},
        {QStringLiteral("created_at"), dateTime(t.createdAt)},
        {QStringLiteral("decided_at"), dateTime(t.decidedAt)},
        {QStringLiteral("decided_by_email"), textOrNull(cli.emailOf(t.decidedBy))},
        {QStringLiteral("decided_by_name"), textOrNull(t.decidedByName)},
        {QStringLiteral("comment"), textOrNull(t.comment)},
        {QStringLiteral("certificate"), certificate(cli, t.certificate)},
    };
}

QJsonObject CliFormat::reviewSignals(const PdfCheckResult &pdf, const ReviewSignals::Facts &facts)
{
    QJsonArray sameFile;
    for (const SameFileHolder &holder : facts.sameFile) {
        // Names only of people in the caller's scope (R5).
        sameFile.append(QJsonObject{{QStringLiteral("name"), textOrNull(holder.ownerName)},
                                    {QStringLiteral("in_scope"), holder.inScope}});
    }
    QJsonArray codes;
    for (const PdfQrCode &code : facts.qrCodes) {
        codes.append(QJsonObject{{QStringLiteral("readable"), code.readable},
                                 {QStringLiteral("text"), textOrNull(code.text)},
                                 {QStringLiteral("link"), code.isLink}});
    }
    QJsonArray signatures;
    for (const PdfSignature &signature : facts.signatures) {
        signatures.append(
            QJsonObject{{QStringLiteral("signer"), textOrNull(signature.signerName)},
                        {QStringLiteral("signed_at"), dateTime(signature.signingTime)},
                        {QStringLiteral("state"), ReviewSignals::stateKey(signature.state)},
                        {QStringLiteral("covers_whole_document"), signature.coversWholeDocument}});
    }
    return QJsonObject{
        {QStringLiteral("read"), PdfCheck::problemKey(pdf.problem)},
        {QStringLiteral("name_on_pdf"),
         facts.nameOnPdf ? QJsonValue(*facts.nameOnPdf) : QJsonValue()},
        {QStringLiteral("name_matches"),
         facts.nameMatches ? QJsonValue(*facts.nameMatches) : QJsonValue()},
        {QStringLiteral("same_file_elsewhere"), sameFile},
        {QStringLiteral("links"), QJsonArray::fromStringList(facts.links)},
        {QStringLiteral("qr_codes"), codes},
        {QStringLiteral("signatures"), signatures},
        {QStringLiteral("scan"), facts.scan},
    };
}

QJsonObject CliFormat::notification(const Notification &n)
{
    return QJsonObject{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("category"), Domain::categoryKey(n.category)},
        {QStringLiteral("title"), n.title()},
        {QStringLiteral("body"), n.body()},
        {QStringLiteral("certificate_id"),
         n.certificateId > 0 ? QJsonValue(n.certificateId) : QJsonValue()},
        {QStringLiteral("certificate_name"), textOrNull(n.certificateName)},
        {QStringLiteral("task_id"), n.taskId > 0 ? QJsonValue(n.taskId) : QJsonValue()},
        {QStringLiteral("actor_name"), textOrNull(n.actorName)},
        {QStringLiteral("comment"), textOrNull(n.comment)},
        {QStringLiteral("created_at"), dateTime(n.createdAt)},
        {QStringLiteral("read"), n.read},
        {QStringLiteral("days_left"), n.daysLeft >= 0 ? QJsonValue(n.daysLeft) : QJsonValue()},
    };
}

QString CliFormat::membershipsText(const User &u)
{
    QStringList parts;
    for (const Membership &m : u.memberships)
        parts << m.groupName + QLatin1Char(':') + Domain::roleKey(m.role);
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}
