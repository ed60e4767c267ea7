#include "CliGenerateCommands.h"

#include "Cli.h"
#include "services/Generator.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <limits>

namespace {
// A whole number from min to max, or nothing.
std::optional<qint64> wholeNumber(const QString &text, qint64 min, qint64 max)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}$"));
    if (!digits.match(text.trimmed()).hasMatch())
        return std::nullopt;
    const qint64 n = text.trimmed().toLongLong();
    if (n < min || n > max)
        return std::nullopt;
    return n;
}
} // namespace

QList<CommandSpec> CliGenerateCommands::commands()
{
    CommandSpec generate;
    generate.name = QStringLiteral("generate");
    generate.synopsis = QStringLiteral("--people N --certificates M --pending K [--seed S]");
    generate.summary = tr("Fill an empty database with a large generated organisation (for "
                          "benchmarks)");
    generate.description =
        tr("Creates the schema if needed, then writes N people in groups three deep (divisions, "
           "departments, teams) with group admins, managers and coaches, M certificates spread "
           "over ten years (most people a few, some thousands, %1 about 25,000), K of them "
           "waiting for validation (about 10,000 for %2), their notifications, templates, "
           "requirements and a few shared real PDFs. The same seed gives the same data. Refused "
           "when the database is not empty. Every password is \"%3\"; the platform admin is %4. "
           "On a PostgreSQL database prepared by setup, run it as the database administrator: "
           "it also creates every person's login. Progress goes to stderr on long runs.")
            .arg(GeneratedOrganisation::heavyHolderEmail(),
                 GeneratedOrganisation::busyReviewerEmail(), Generator::password(),
                 GeneratedOrganisation::adminEmail());
    generate.options = {
        {QStringLiteral("people"), QStringLiteral("N"),
         tr("People to generate (%1 to %2)")
             .arg(GeneratedOrganisation::MinPeople)
             .arg(GeneratedOrganisation::MaxPeople)},
        {QStringLiteral("certificates"), QStringLiteral("M"),
         tr("Certificates to generate (0 to %1)").arg(Generator::MaxCertificates)},
        {QStringLiteral("pending"), QStringLiteral("K"),
         tr("Of those, certificates waiting for validation (0 to M)")},
        {QStringLiteral("seed"), QStringLiteral("S"),
         tr("Random seed, a whole number (default %1)").arg(Generator::DefaultSeed)},
    };
    generate.required = {QStringLiteral("people"), QStringLiteral("certificates"),
                         QStringLiteral("pending")};
    generate.example = QStringLiteral("certdesk-cli --db /tmp/big.sqlite generate --people "
                                      "100000 --certificates 1000000 --pending 10000");
    generate.needsActor = false;
    generate.createsDatabase = true;
    generate.rendersPdfs = true;
    generate.handler = &CliGenerateCommands::generate;
    return {generate};
}

int CliGenerateCommands::options(Cli &cli, const Invocation &args, GeneratorOptions *options)
{
    const auto people =
        wholeNumber(args.value(QStringLiteral("people")), GeneratedOrganisation::MinPeople,
                    GeneratedOrganisation::MaxPeople);
    if (!people)
        return cli.usage(tr("--people \"%1\" is not a number of people: give a whole number "
                            "from %2 to %3.")
                             .arg(args.value(QStringLiteral("people")))
                             .arg(GeneratedOrganisation::MinPeople)
                             .arg(GeneratedOrganisation::MaxPeople));
    const auto certificates =
        wholeNumber(args.value(QStringLiteral("certificates")), 0, Generator::MaxCertificates);
    if (!certificates)
        return cli.usage(tr("--certificates \"%1\" is not a number of certificates: give a "
                            "whole number from 0 to %2.")
                             .arg(args.value(QStringLiteral("certificates")))
                             .arg(Generator::MaxCertificates));
    const auto pending =
        wholeNumber(args.value(QStringLiteral("pending")), 0, std::numeric_limits<qint64>::max());
    if (!pending || *pending > *certificates)
        return cli.usage(tr("--pending \"%1\" is not a number of pending certificates: give a "
                            "whole number from 0 to --certificates (%2).")
                             .arg(args.value(QStringLiteral("pending")))
                             .arg(*certificates));
    options->people = int(*people);
    options->certificates = *certificates;
    options->pending = *pending;
    options->seed = Generator::DefaultSeed;
    if (args.has(QStringLiteral("seed"))) {
        bool ok = false;
        options->seed = args.value(QStringLiteral("seed")).trimmed().toULongLong(&ok);
        if (!ok)
            return cli.usage(tr("--seed \"%1\" is not a seed: give a whole number from 0 to %2.")
                                 .arg(args.value(QStringLiteral("seed")))
                                 .arg(std::numeric_limits<quint64>::max()));
    }
    return Cli::Done;
}

QJsonObject CliGenerateCommands::reportJson(const GeneratorReport &r)
{
    QJsonArray wellKnown;
    for (const GeneratedWellKnown &w : r.wellKnown)
        wellKnown.append(QJsonObject{{QStringLiteral("role"), w.role},
                                     {QStringLiteral("email"), w.email},
                                     {QStringLiteral("id"), w.id},
                                     {QStringLiteral("certificates"), w.certificates},
                                     {QStringLiteral("open_tasks"), w.openTasks}});
    const GeneratedCounts &c = r.counts;
    return QJsonObject{
        {QStringLiteral("groups"), r.groups},
        {QStringLiteral("people"), r.people},
        {QStringLiteral("deleted_people"), r.deletedPeople},
        {QStringLiteral("managers"), r.managers},
        {QStringLiteral("coaches"), r.coaches},
        {QStringLiteral("group_admins"), r.groupAdmins},
        {QStringLiteral("templates"), r.templates},
        {QStringLiteral("requirements"), r.requirements},
        {QStringLiteral("pdfs"), r.pdfs},
        {QStringLiteral("logins"), r.logins},
        {QStringLiteral("certificates"), c.certificates},
        {QStringLiteral("accepted"), c.accepted},
        {QStringLiteral("validated"), c.validated},
        {QStringLiteral("rejected"), c.rejected},
        {QStringLiteral("pending"), c.pending},
        {QStringLiteral("internal"), c.internal},
        {QStringLiteral("revoked"), c.revoked},
        {QStringLiteral("expiring_soon"), c.expiringSoon},
        {QStringLiteral("expired"), c.expired},
        {QStringLiteral("open_tasks"), c.openTasks},
        {QStringLiteral("decided_tasks"), c.decidedTasks},
        {QStringLiteral("task_reviewers"), c.taskReviewers},
        {QStringLiteral("notifications"), c.notifications},
        {QStringLiteral("max_certificates_per_person"), r.maxCertificatesPerPerson},
        {QStringLiteral("median_certificates_per_person"), r.medianCertificatesPerPerson},
        {QStringLiteral("well_known"), wellKnown},
        {QStringLiteral("password"), Generator::password()},
        {QStringLiteral("rows"), r.rows},
        {QStringLiteral("seconds"), r.seconds},
        {QStringLiteral("rows_per_second"),
         r.seconds > 0 ? qRound64(double(r.rows) / r.seconds) : r.rows},
    };
}

void CliGenerateCommands::printReport(Cli &cli, const GeneratorOptions &options,
                                      const GeneratorReport &r)
{
    if (cli.json()) {
        QJsonObject json = reportJson(r);
        json.insert(QStringLiteral("location"), cli.locationName());
        json.insert(QStringLiteral("seed"), QString::number(options.seed));
        cli.printJson(json);
        return;
    }
    const QLocale c = QLocale::c();
    cli.print(tr("Generated in %1: %2 people (%3 deleted) in %4 groups, %5 managers, %6 coaches; "
                 "%7 certificates (%8 pending, %9 validated, %10 rejected, %11 revoked, %12 "
                 "expiring soon, %13 expired), %14 open tasks, %15 notifications.")
                  .arg(cli.locationName(), c.toString(r.people), c.toString(r.deletedPeople),
                       c.toString(r.groups), c.toString(r.managers), c.toString(r.coaches),
                       c.toString(r.counts.certificates), c.toString(r.counts.pending),
                       c.toString(r.counts.validated))
                  .arg(c.toString(r.counts.rejected), c.toString(r.counts.revoked),
                       c.toString(r.counts.expiringSoon), c.toString(r.counts.expired),
                       c.toString(r.counts.openTasks), c.toString(r.counts.notifications)));
    for (const GeneratedWellKnown &w : r.wellKnown)
        cli.print(tr("  %1: %2 (%3 certificates, %4 open tasks to review)")
                      .arg(w.role, w.email, c.toString(w.certificates), c.toString(w.openTasks)));
    if (r.logins > 0)
        cli.print(tr("Created %1 logins on the server.").arg(c.toString(r.logins)));
    cli.print(tr("Every password is \"%1\". %2 rows in %3 s (%4 rows/s).")
                  .arg(Generator::password(), c.toString(r.rows),
                       QString::number(r.seconds, 'f', 1),
                       c.toString(r.seconds > 0 ? qRound64(double(r.rows) / r.seconds) : r.rows)));
}

int CliGenerateCommands::generate(Cli &cli, const Invocation &args)
{
    GeneratorOptions generatorOptions;
    if (const int rc = options(cli, args, &generatorOptions); rc != Cli::Done)
        return rc;
    if (const int rc = cli.openForSetup(true); rc != Cli::Done)
        return rc;
    Database &db = cli.db();
    const int before = db.schemaVersion();
    if (before > 0 && db.hasUsers())
        return cli.refuse(tr("%1 already has users: 'generate' fills only an empty database "
                             "(give a new file with --db); nothing was written.")
                              .arg(cli.locationName()));
    if (before < Database::latestSchemaVersion()) {
        if (const Status migrated = db.migrate(); !migrated)
            return cli.refuse(migrated.error());
    }
    const auto report =
        Generator::run(db, generatorOptions, [&cli](const QString &line) { cli.progress(line); });
    if (!report)
        return cli.refuse(report.error());
    printReport(cli, generatorOptions, report.value());
    return Cli::Done;
}
