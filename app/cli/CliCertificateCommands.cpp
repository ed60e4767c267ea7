#include "CliCertificateCommands.h"

#include "Cli.h"
#include "CliFormat.h"
#include "TextTable.h"
#include "pdf/PdfCheck.h"
#include "policy/PlatformSettings.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"
#include "services/Session.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace {
// Reads the file once; the service checks the bytes (type, damage, password,
// size) so that the CLI and the import dialog refuse the same files alike.
std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = CliCertificateCommands::tr("There is no file %1.").arg(path);
        return std::nullopt;
    }
    if (info.isDir()) {
        *error = CliCertificateCommands::tr("%1 is a folder: give a PDF file.").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CliCertificateCommands::tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = CliCertificateCommands::tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return bytes;
}

// The reviewers of an import or a resubmission, as JSON and as text.
void describeReviewers(Cli &cli, const ImportOutcome &outcome, QJsonArray *json, QStringList *text)
{
    DirectoryService &directory = cli.session().directory();
    for (const Id id : outcome.reviewers) {
        const auto reviewer = directory.user(id);
        if (!reviewer)
            continue;
        json->append(QJsonObject{{QStringLiteral("email"), reviewer->email},
                                 {QStringLiteral("name"), reviewer->name}});
        *text << CliFormat::person(reviewer->name, reviewer->email);
    }
}

// "<what>: accepted." or "<what>: pending validation (task N) by ...", and
// what was repaired in a PDF repaired on import.
QString outcomeLine(const QString &what, const ImportOutcome &outcome, const QStringList &reviewers)
{
    const Certificate &c = outcome.certificate;
    if (!c.pdfRepairs.isEmpty()) {
        const QString repairs = PdfCheck::describeRepairs(PdfCheck::repairsFromCodes(c.pdfRepairs));
        ImportOutcome plain = outcome;
        plain.certificate.pdfRepairs.clear();
        return CliCertificateCommands::tr("%1 The PDF was repaired on import (%2).")
            .arg(outcomeLine(what, plain, reviewers), repairs);
    }
    if (c.status != CertificateStatus::Pending)
        return CliCertificateCommands::tr("%1: %2.").arg(what, Domain::statusKey(c.status));
    if (reviewers.isEmpty())
        return CliCertificateCommands::tr("%1: pending validation (task %2), but nobody can "
                                          "review it yet: ask a platform admin.")
            .arg(what)
            .arg(outcome.taskId);
    return CliCertificateCommands::tr("%1: pending validation (task %2) by %3.")
        .arg(what)
        .arg(outcome.taskId)
        .arg(reviewers.join(QStringLiteral(", ")));
}

QJsonObject outcomeJson(Cli &cli, const ImportOutcome &outcome, const QJsonArray &reviewers)
{
    QJsonObject json = CliFormat::certificate(cli, outcome.certificate);
    json.insert(QStringLiteral("task_id"),
                outcome.taskId > 0 ? QJsonValue(outcome.taskId) : QJsonValue());
    json.insert(QStringLiteral("reviewers"), reviewers);
    return json;
}

// An import's or a renewal's outcome, as JSON or as one line.
int printImported(Cli &cli, const ImportOutcome &outcome)
{
    const Certificate &c = outcome.certificate;
    QJsonArray reviewersJson;
    QStringList reviewers;
    describeReviewers(cli, outcome, &reviewersJson, &reviewers);
    if (cli.json()) {
        cli.printJson(outcomeJson(cli, outcome, reviewersJson));
        return Cli::Done;
    }
    const QString person = CliFormat::person(c.ownerName, cli.emailOf(c.ownerId));
    const QString what =
        c.renewsId > 0
            ? CliCertificateCommands::tr("Imported certificate %1 \"%2\" for %3, renewing %4")
                  .arg(QString::number(c.id), TextTable::sanitize(c.name), person,
                       QString::number(c.renewsId))
            : CliCertificateCommands::tr("Imported certificate %1 \"%2\" for %3")
                  .arg(QString::number(c.id), TextTable::sanitize(c.name), person);
    cli.print(outcomeLine(what, outcome, reviewers));
    return Cli::Done;
}

// A certificate number as 'certificates' shows it, or 0 (and a refusal).
Id certificateNumber(const QString &text)
{
    bool ok = false;
    const Id id = text.trimmed().toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QString notACertificate(const QString &text)
{
    return CliCertificateCommands::tr("\"%1\" is not a certificate number: use a number that "
                                      "'certdesk-cli certificates' shows.")
        .arg(text);
}
} // namespace

QList<CommandSpec> CliCertificateCommands::commands()
{
    CommandSpec import;
    import.name = QStringLiteral("import");
    import.synopsis = QStringLiteral("FILE --name NAME --delivered YYYY-MM-DD [--expires "
                                     "YYYY-MM-DD] [--for EMAIL] [--template NAME] [--credits N]");
    import.summary = tr("Import an external certificate (a PDF) for yourself or someone in your "
                        "scope");
    import.description = tr("The file must be a PDF that opens without a password, with at "
                            "least one page, within the size limit (setting pdf.max-size-mb). "
                            "With validation off the certificate is accepted at once; with "
                            "validation on it waits for the reviewers, who are listed. Nothing "
                            "is written when the import is refused.");
    import.positionals = {QStringLiteral("FILE")};
    import.requiredPositionals = 1;
    import.options = {
        {QStringLiteral("name"), QStringLiteral("NAME"), tr("Certificate name")},
        {QStringLiteral("delivered"), QStringLiteral("YYYY-MM-DD"),
         tr("Delivery date (today or earlier)")},
        {QStringLiteral("expires"), QStringLiteral("YYYY-MM-DD"),
         tr("Expiration date (default: does not expire)")},
        {QStringLiteral("for"), QStringLiteral("EMAIL"),
         tr("Import for this user (default: yourself)")},
        {QStringLiteral("template"), QStringLiteral("NAME"),
         tr("Associate an internal certificate template")},
        {QStringLiteral("credits"), QStringLiteral("N"),
         tr("Credits (when the credits feature is on)")},
    };
    import.required = {QStringLiteral("name"), QStringLiteral("delivered")};
    import.example = QStringLiteral("certdesk-cli --as emma.wilson@demo.example import aws.pdf "
                                    "--name 'AWS Cloud Practitioner' --delivered 2025-01-10");
    import.handler = &CliCertificateCommands::importCertificate;

    CommandSpec resubmit;
    resubmit.name = QStringLiteral("resubmit");
    resubmit.synopsis = QStringLiteral("CERT_ID [FILE] [--name NAME] [--delivered YYYY-MM-DD] "
                                       "[--expires YYYY-MM-DD|--no-expiry] "
                                       "[--template NAME|--no-template] [--credits N]");
    resubmit.summary = tr("Correct a rejected certificate and send it again");
    resubmit.description =
        tr("CERT_ID is the number 'certificates' shows; only a rejected external certificate "
           "can be sent again, by whoever may import for its owner. FILE replaces the PDF "
           "(checked as for import); without it the PDF stays. Options not given keep their "
           "value. With validation on the certificate waits for the reviewers again, who are "
           "listed; with validation off it is accepted. If someone changed the certificate "
           "meanwhile, nothing is written.");
    resubmit.positionals = {QStringLiteral("CERT_ID"), QStringLiteral("FILE")};
    resubmit.requiredPositionals = 1;
    resubmit.options = {
        {QStringLiteral("name"), QStringLiteral("NAME"), tr("Correct the certificate name")},
        {QStringLiteral("delivered"), QStringLiteral("YYYY-MM-DD"),
         tr("Correct the delivery date")},
        {QStringLiteral("expires"), QStringLiteral("YYYY-MM-DD"),
         tr("Correct the expiration date")},
        {QStringLiteral("no-expiry"), QString(), tr("Remove the expiration date")},
        {QStringLiteral("template"), QStringLiteral("NAME"),
         tr("Associate an internal certificate template")},
        {QStringLiteral("no-template"), QString(), tr("Remove the associated template")},
        {QStringLiteral("credits"), QStringLiteral("N"),
         tr("Credits (when the credits feature is on)")},
    };
    resubmit.atMostOne = {{QStringLiteral("expires"), QStringLiteral("no-expiry")},
                          {QStringLiteral("template"), QStringLiteral("no-template")}};
    resubmit.example = QStringLiteral("certdesk-cli --as emma.wilson@demo.example resubmit 15 "
                                      "speaking.pdf --name 'Public Speaking Masterclass'");
    resubmit.handler = &CliCertificateCommands::resubmit;

    CommandSpec renew;
    renew.name = QStringLiteral("renew");
    renew.synopsis = QStringLiteral("CERT_ID FILE --delivered YYYY-MM-DD [--expires YYYY-MM-DD] "
                                    "[--name NAME] [--template NAME] [--credits N]");
    renew.summary = tr("Import the renewal of a valid, expiring or expired certificate");
    renew.description =
        tr("CERT_ID is the number 'certificates' shows: an accepted or validated certificate, "
           "neither revoked nor renewed yet. FILE is the new certificate's PDF, imported for the "
           "same person as 'import' would (same checks, rights, JSON and exit status); the "
           "name, template and credits are the renewed certificate's unless given. Once the "
           "renewal is accepted or validated, the renewed certificate shows Renewed and gets no "
           "more reminders; the history of each names the other.");
    renew.positionals = {QStringLiteral("CERT_ID"), QStringLiteral("FILE")};
    renew.requiredPositionals = 2;
    renew.options = {
        {QStringLiteral("delivered"), QStringLiteral("YYYY-MM-DD"),
         tr("Delivery date of the renewal (today or earlier)")},
        {QStringLiteral("expires"), QStringLiteral("YYYY-MM-DD"),
         tr("Expiration date (default: does not expire)")},
        {QStringLiteral("name"), QStringLiteral("NAME"),
         tr("Certificate name (default: the renewed one's)")},
        {QStringLiteral("template"), QStringLiteral("NAME"),
         tr("Associate an internal certificate template (default: the renewed one's)")},
        {QStringLiteral("credits"), QStringLiteral("N"),
         tr("Credits (default: the renewed one's)")},
    };
    renew.required = {QStringLiteral("delivered")};
    renew.example =
        QStringLiteral("certdesk-cli --as emma.wilson@demo.example renew 2 "
                       "first-aid-2027.pdf --delivered 2027-01-10 --expires 2030-01-10");
    renew.handler = &CliCertificateCommands::renew;

    CommandSpec revoke;
    revoke.name = QStringLiteral("revoke");
    revoke.synopsis = QStringLiteral("CERT_ID --reason TEXT");
    revoke.summary = tr("Revoke a validated or accepted certificate, saying why");
    revoke.description =
        tr("For platform admins and the people who review the owner's certificates (R3), never "
           "the owner. The certificate shows Revoked, keeps its history and gets no more "
           "reminders; its owner is told in the app and by email, with the reason. If someone "
           "revoked or changed it meanwhile, nothing is written and you are told who.");
    revoke.positionals = {QStringLiteral("CERT_ID")};
    revoke.requiredPositionals = 1;
    revoke.options = {{QStringLiteral("reason"), QStringLiteral("TEXT"),
                       tr("Why it is revoked (required; its owner reads it)")}};
    revoke.required = {QStringLiteral("reason")};
    revoke.example = QStringLiteral("certdesk-cli --as admin@demo.example revoke 7 --reason "
                                    "'The issuer withdrew this certificate.'");
    revoke.handler = &CliCertificateCommands::revoke;

    CommandSpec list;
    list.name = QStringLiteral("certificates");
    list.synopsis = QStringLiteral("[--user EMAIL] [--status STATUS] [--expiring-within DAYS]");
    list.summary = tr("List your certificates, or those of a user in your scope");
    list.description =
        tr("Newest delivery first. --status shows only those whose status is shown as STATUS: "
           "all, valid (accepted or validated, not expiring soon), expiring (within the "
           "expiry.soon-days setting), expired, pending, rejected or revoked. "
           "--expiring-within DAYS shows only the valid ones (accepted or validated, neither "
           "revoked nor renewed) expiring from today to DAYS days on (0: today), soonest first: "
           "what lapses next.");
    list.options = {
        {QStringLiteral("user"), QStringLiteral("EMAIL"),
         tr("Whose certificates (default: yours)")},
        {QStringLiteral("status"), QStringLiteral("STATUS"),
         tr("all, valid, expiring, expired, pending, rejected or revoked")},
        {QStringLiteral("expiring-within"), QStringLiteral("DAYS"),
         tr("Only valid ones expiring within DAYS days, soonest first (0 to 3650)")},
    };
    list.example = QStringLiteral("certdesk-cli --as maria.schmidt@demo.example certificates "
                                  "--user emma.wilson@demo.example");
    list.handler = &CliCertificateCommands::certificates;

    CommandSpec pdfCheck;
    pdfCheck.name = QStringLiteral("pdf-check");
    pdfCheck.synopsis = QStringLiteral("FILE [--max-size-mb N] [--seconds N] [--memory-mb N]");
    pdfCheck.summary = tr("Check a PDF as an import would, without importing it");
    pdfCheck.description =
        tr("Runs the PDF reader (certdesk-pdfcheck) on FILE within the limits an import uses "
           "(defaults: the settings' defaults, pdf.max-size-mb %1, pdf.check-seconds %2, "
           "pdf.check-memory-mb %3) and says whether an import would accept it, after which "
           "repairs, or why it would be refused. Needs no database and no user. Exit status 0: "
           "it would be accepted; 1: refused.")
            .arg(PlatformSettings().pdfMaxSizeMb)
            .arg(PdfLimits::DefaultSeconds)
            .arg(PdfLimits::DefaultMemoryMb);
    pdfCheck.positionals = {QStringLiteral("FILE")};
    pdfCheck.requiredPositionals = 1;
    pdfCheck.options = {
        {QStringLiteral("max-size-mb"), QStringLiteral("N"), tr("Size limit in MB")},
        {QStringLiteral("seconds"), QStringLiteral("N"), tr("Time limit of the reader")},
        {QStringLiteral("memory-mb"), QStringLiteral("N"), tr("Memory limit of the reader in MB")},
    };
    pdfCheck.example = QStringLiteral("certdesk-cli pdf-check --json downloaded.pdf");
    pdfCheck.needsActor = false;
    pdfCheck.needsDatabase = false;
    pdfCheck.handler = &CliCertificateCommands::pdfCheck;

    return {import, resubmit, renew, revoke, list, pdfCheck};
}

int CliCertificateCommands::pdfCheck(Cli &cli, const Invocation &args)
{
    const PlatformSettings defaults;
    PdfLimits limits = defaults.pdfLimits();
    struct Bound
    {
        const char *option;
        int low;
        int high;
    };
    const Bound bounds[] = {
        {"max-size-mb", 1, PlatformSettings::MaxPdfSizeMbLimit},
        {"seconds", PlatformSettings::MinCheckSeconds, PlatformSettings::MaxCheckSeconds},
        {"memory-mb", PlatformSettings::MinCheckMemoryMb, PlatformSettings::MaxCheckMemoryMb},
    };
    int values[3] = {defaults.pdfMaxSizeMb, limits.seconds, limits.memoryMb};
    for (int i = 0; i < 3; ++i) {
        const QString option = QString::fromLatin1(bounds[i].option);
        if (!args.has(option))
            continue;
        bool ok = false;
        const int value = args.value(option).trimmed().toInt(&ok);
        if (!ok || value < bounds[i].low || value > bounds[i].high)
            return cli.refuse(tr("--%1 takes a whole number from %2 to %3.")
                                  .arg(option)
                                  .arg(bounds[i].low)
                                  .arg(bounds[i].high));
        values[i] = value;
    }
    limits.maxBytes = qint64(values[0]) * 1024 * 1024;
    limits.seconds = values[1];
    limits.memoryMb = values[2];

    const QString path = args.positional(0);
    const PdfCheckResult result = PdfCheck::checkFile(path, limits);
    const QStringList repairs = PdfCheck::repairCodes(result.repairs);
    if (cli.json()) {
        QJsonObject json{
            {QStringLiteral("file"), path},
            {QStringLiteral("accepted"), result.ok()},
            {QStringLiteral("problem"), PdfCheck::problemKey(result.problem)},
            {QStringLiteral("message"), CliFormat::textOrNull(result.message)},
            {QStringLiteral("pages"), result.ok() ? QJsonValue(result.pageCount) : QJsonValue()},
            {QStringLiteral("title"), CliFormat::textOrNull(result.pdfTitle)},
            {QStringLiteral("pdf_repairs"), QJsonArray::fromStringList(repairs)},
            {QStringLiteral("pdf_sha256"),
             CliFormat::textOrNull(
                 QString::fromLatin1(result.checked ? result.checked->sha256Hex() : QByteArray()))},
            {QStringLiteral("uploaded_sha256"),
             CliFormat::textOrNull(QString::fromLatin1(
                 result.checked ? result.checked->uploadedSha256Hex() : QByteArray()))},
            {QStringLiteral("reader_ms"), result.readerMs},
        };
        cli.printJson(json);
        return result.ok() ? Cli::Done : Cli::Refused;
    }
    if (!result.ok())
        return cli.refuse(tr("%1: refused: %2").arg(path, result.message));
    const QString pages =
        result.pageCount == 1 ? tr("1 page") : tr("%1 pages").arg(result.pageCount);
    if (repairs.isEmpty())
        cli.print(tr("%1: accepted, %2 (read in %3 ms).").arg(path, pages).arg(result.readerMs));
    else
        cli.print(tr("%1: accepted after repair (%2), %3 (read in %4 ms).")
                      .arg(path, PdfCheck::describeRepairs(result.repairs), pages)
                      .arg(result.readerMs));
    return Cli::Done;
}

int CliCertificateCommands::importCertificate(Cli &cli, const Invocation &args)
{
    ImportRequest request;
    if (args.has(QStringLiteral("for"))) {
        const auto owner = cli.userByEmail(args.value(QStringLiteral("for")));
        if (!owner)
            return cli.refuse(owner.error());
        request.ownerId = owner->id;
    }
    if (const auto refused = readImportOptions(cli, args, args.positional(0), &request))
        return *refused;
    const auto outcome = cli.session().certificates().importCertificate(cli.actorId(), request);
    if (!outcome)
        return cli.refuse(outcome.error());
    return printImported(cli, outcome.value());
}

int CliCertificateCommands::renew(Cli &cli, const Invocation &args)
{
    const Id renewed = certificateNumber(args.positional(0));
    if (renewed == 0)
        return cli.refuse(notACertificate(args.positional(0)));
    CertificateService &service = cli.session().certificates();
    // The renewed certificate's name, template and credits unless given.
    const auto draft = service.renewalDraft(cli.actorId(), renewed);
    if (!draft)
        return cli.refuse(draft.error());
    ImportRequest request = draft.value();
    if (const auto refused = readImportOptions(cli, args, args.positional(1), &request))
        return *refused;
    const auto outcome = service.importCertificate(cli.actorId(), request);
    if (!outcome)
        return cli.refuse(outcome.error());
    return printImported(cli, outcome.value());
}

std::optional<int> CliCertificateCommands::readImportOptions(Cli &cli, const Invocation &args,
                                                             const QString &path,
                                                             ImportRequest *request)
{
    QString error;
    const auto delivered = cli.dateOption(QStringLiteral("delivered"), &error);
    if (!delivered)
        return cli.refuse(error);
    const auto expires = cli.dateOption(QStringLiteral("expires"), &error);
    if (!expires)
        return cli.refuse(error);
    request->delivered = *delivered;
    request->expires = *expires;
    if (args.has(QStringLiteral("name")))
        request->name = args.value(QStringLiteral("name"));
    if (args.has(QStringLiteral("credits"))) {
        const auto credits = cli.numberOption(QStringLiteral("credits"), &error);
        if (!credits)
            return cli.refuse(error);
        request->credits = *credits;
    }
    if (args.has(QStringLiteral("template"))) {
        const auto found =
            cli.session().directory().templateByName(args.value(QStringLiteral("template")));
        if (!found)
            return cli.refuse(found.error());
        request->templateId = found->id;
    }
    const auto bytes = readFile(path, &error);
    if (!bytes)
        return cli.refuse(error);
    request->pdf = *bytes;
    request->originalFilename = QFileInfo(path).fileName();
    return std::nullopt;
}

int CliCertificateCommands::revoke(Cli &cli, const Invocation &args)
{
    const Id id = certificateNumber(args.positional(0));
    if (id == 0)
        return cli.refuse(notACertificate(args.positional(0)));
    const auto revoked = cli.session().certificates().revoke(cli.actorId(), id,
                                                             args.value(QStringLiteral("reason")));
    if (!revoked)
        return cli.refuse(revoked.error());
    if (cli.json()) {
        cli.printJson(CliFormat::certificate(cli, revoked.value()));
        return Cli::Done;
    }
    cli.print(tr("Revoked certificate %1 \"%2\" of %3; they are told why.")
                  .arg(QString::number(revoked->id), TextTable::sanitize(revoked->name),
                       CliFormat::person(revoked->ownerName, cli.emailOf(revoked->ownerId))));
    return Cli::Done;
}

int CliCertificateCommands::resubmit(Cli &cli, const Invocation &args)
{
    ResubmitRequest request;
    request.certificateId = certificateNumber(args.positional(0));
    if (request.certificateId == 0)
        return cli.refuse(notACertificate(args.positional(0)));
    QString error;
    const auto edits = cli.fieldEdits(&error);
    if (!edits)
        return cli.refuse(error);
    edits->applyTo(request);
    if (args.has(QStringLiteral("credits"))) {
        const auto credits = cli.numberOption(QStringLiteral("credits"), &error);
        if (!credits)
            return cli.refuse(error);
        request.credits.emplace(*credits);
    }
    if (args.positionals.size() > 1) {
        const QString path = args.positional(1);
        const auto bytes = readFile(path, &error);
        if (!bytes)
            return cli.refuse(error);
        // An empty file would mean "keep the PDF" to the service: refuse it
        // as an import would.
        if (bytes->isEmpty())
            return cli.refuse(PdfCheck::checkBytes(*bytes, 0).message);
        request.pdf = *bytes;
        request.originalFilename = QFileInfo(path).fileName();
    }

    CertificateService &service = cli.session().certificates();
    const auto outcome = service.resubmit(cli.actorId(), request);
    if (!outcome)
        return cli.refuse(outcome.error());
    QJsonArray reviewersJson;
    QStringList reviewers;
    describeReviewers(cli, outcome.value(), &reviewersJson, &reviewers);
    if (cli.json()) {
        cli.printJson(outcomeJson(cli, outcome.value(), reviewersJson));
        return Cli::Done;
    }
    const Certificate &c = outcome->certificate;
    const QString what = tr("Sent certificate %1 \"%2\" of %3 again")
                             .arg(QString::number(c.id), TextTable::sanitize(c.name),
                                  CliFormat::person(c.ownerName, cli.emailOf(c.ownerId)));
    cli.print(outcomeLine(what, outcome.value(), reviewers));
    return Cli::Done;
}

int CliCertificateCommands::certificates(Cli &cli, const Invocation &args)
{
    Id owner = cli.actorId();
    if (args.has(QStringLiteral("user"))) {
        const auto user = cli.userByEmail(args.value(QStringLiteral("user")));
        if (!user)
            return cli.refuse(user.error());
        owner = user->id;
    }
    CertificateListRequest request;
    request.owner = owner;
    if (args.has(QStringLiteral("status"))) {
        const QString key = args.value(QStringLiteral("status")).trimmed().toLower();
        const auto status = Domain::statusFilterFromKey(key);
        if (!status) {
            QStringList keys;
            for (StatusFilter f : Domain::statusFilters())
                keys << Domain::statusFilterKey(f);
            return cli.refuse(
                tr("\"%1\" is not a status: use %2.")
                    .arg(args.value(QStringLiteral("status")), keys.join(QStringLiteral(", "))));
        }
        request.status = *status;
    }
    if (args.has(QStringLiteral("expiring-within"))) {
        bool ok = false;
        const int days = args.value(QStringLiteral("expiring-within")).trimmed().toInt(&ok);
        if (!ok || days < 0 || days > 3650)
            return cli.refuse(tr("--expiring-within \"%1\" is not a number of days: give a whole "
                                 "number from 0 to 3650.")
                                  .arg(args.value(QStringLiteral("expiring-within"))));
        request.expiringWithinDays = days;
        request.order = CertificateOrder::ExpirySoonest;
    }
    CertificateService &service = cli.session().certificates();
    QList<Certificate> all;
    request.limit = 500;
    for (;;) {
        const auto rows = service.list(cli.actorId(), request);
        if (!rows)
            return cli.refuse(rows.error());
        all += rows.value();
        if (rows->size() < request.limit)
            break;
        request.after = CertificateCursor::after(rows->constLast());
    }

    const QDate today = Domain::today();
    const int soonDays = cli.expirySoonDays();
    QJsonArray list;
    TextTable table({tr("ID"), tr("NAME"), tr("OWNER"), tr("DELIVERED"), tr("EXPIRES"),
                     tr("STATUS"), tr("TEMPLATE"), tr("CREDITS")});
    for (const Certificate &c : std::as_const(all)) {
        list.append(CliFormat::certificate(cli, c));
        table.addRow({QString::number(c.id), c.name, c.ownerName, CliFormat::dateText(c.delivered),
                      CliFormat::dateText(c.expires), c.statusText(today, soonDays),
                      CliFormat::orDash(c.templateName), CliFormat::creditsText(c.credits)});
    }
    if (cli.json())
        cli.printJson(list);
    else
        cli.printTable(table, tr("No certificates."));
    return Cli::Done;
}
