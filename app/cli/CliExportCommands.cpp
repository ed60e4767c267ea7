#include "CliExportCommands.h"

#include "Cli.h"
#include "services/CsvExport.h"
#include "services/Session.h"

#include <QFile>
#include <QSaveFile>

namespace {
const QString kOutput = QStringLiteral("output");
const QString kExcel = QStringLiteral("excel");
} // namespace

QList<CommandSpec> CliExportCommands::commands()
{
    const OptionSpec output{kOutput, QStringLiteral("FILE"),
                            tr("Write the CSV to FILE (also -o FILE); else to stdout")};
    const OptionSpec excel{kExcel, QString(),
                           tr("For Excel: a UTF-8 byte order mark and the locale's separator")};

    CommandSpec certificates;
    certificates.name = QStringLiteral("export certificates");
    certificates.synopsis = QStringLiteral("[--user EMAIL] [--status STATUS] "
                                           "[--expiring-within DAYS] [--excel] [-o FILE]");
    certificates.summary = tr("Export certificates as CSV: one person's, or all in your scope");
    certificates.description =
        tr("With --user, that person's certificates as their list shows them (newest delivery "
           "first; --expiring-within: soonest expiry first); without, every certificate of the "
           "people in your scope (R5), by id. --status and --expiring-within filter as for "
           "'certificates'. RFC 4180 CSV, UTF-8, ISO dates; text that a spreadsheet would run as "
           "a formula is written with a leading apostrophe. Written a page at a time: memory "
           "stays flat for a million rows.");
    certificates.options = {
        {QStringLiteral("user"), QStringLiteral("EMAIL"), tr("Whose certificates")},
        {QStringLiteral("status"), QStringLiteral("STATUS"),
         tr("all, valid, expiring, expired, pending, rejected or revoked")},
        {QStringLiteral("expiring-within"), QStringLiteral("DAYS"),
         tr("Only the valid ones expiring within DAYS days")},
        excel,
        output,
    };
    certificates.example = QStringLiteral("certdesk-cli --as admin@demo.example export "
                                          "certificates --status expired -o expired.csv");
    certificates.handler = &CliExportCommands::exportCertificates;

    CommandSpec compliance;
    compliance.name = QStringLiteral("export compliance");
    compliance.synopsis = QStringLiteral("[--group GROUP] [--template TEMPLATE] [--state STATE] "
                                         "[--order name|lapse] [--excel] [-o FILE]");
    compliance.summary = tr("Export the compliance picture as CSV");
    compliance.description =
        tr("What 'compliance --csv' writes: one record per person of your scope and required "
           "template, with the same filters.");
    compliance.options = {
        {QStringLiteral("group"), QStringLiteral("GROUP"), tr("The group")},
        {QStringLiteral("template"), QStringLiteral("TEMPLATE"), tr("The certificate template")},
        {QStringLiteral("state"), QStringLiteral("STATE"),
         tr("valid, expiring, pending, expired or missing")},
        {QStringLiteral("order"), QStringLiteral("name|lapse"), tr("Sort order (default: name)")},
        excel,
        output,
    };
    compliance.example = QStringLiteral("certdesk-cli --as maria.schmidt@demo.example export "
                                        "compliance --state missing -o gaps.csv");
    compliance.handler = &CliExportCommands::exportCompliance;
    return {certificates, compliance};
}

std::optional<ComplianceQuery> CliExportCommands::complianceQuery(Cli &cli, const Invocation &args,
                                                                  QString *error)
{
    auto resolved = cli.session().compliance().resolve(args.value(QStringLiteral("group")),
                                                       args.value(QStringLiteral("template")));
    if (!resolved) {
        *error = resolved.message();
        return std::nullopt;
    }
    ComplianceQuery query = resolved.value();
    if (args.has(QStringLiteral("state"))) {
        const QString key = args.value(QStringLiteral("state")).trimmed().toLower();
        query.state = Compliance::stateFromKey(key);
        if (!query.state) {
            *error = tr("Unknown state \"%1\": use valid, expiring, pending, expired or missing.")
                         .arg(args.value(QStringLiteral("state")));
            return std::nullopt;
        }
    }
    if (args.has(QStringLiteral("order"))) {
        const QString order = args.value(QStringLiteral("order")).trimmed().toLower();
        if (order == QLatin1String("lapse")) {
            query.order = ComplianceQuery::Order::Lapse;
        } else if (order != QLatin1String("name")) {
            *error = tr("Unknown order \"%1\": use name or lapse.")
                         .arg(args.value(QStringLiteral("order")));
            return std::nullopt;
        }
    }
    return query;
}

int CliExportCommands::writeCsv(Cli &cli, const Invocation &args, bool compliance,
                                const ComplianceQuery *query)
{
    const CsvWriter::Options options =
        args.has(kExcel) ? CsvWriter::Options::excel() : CsvWriter::Options();
    // A file is replaced only by a whole export (QSaveFile commits at the end).
    QSaveFile file;
    QFile console;
    QIODevice *out = &console;
    if (args.has(kOutput)) {
        file.setFileName(args.value(kOutput));
        if (!file.open(QIODevice::WriteOnly))
            return cli.refuse(tr("Cannot write %1: %2.").arg(file.fileName(), file.errorString()));
        out = &file;
    } else if (!console.open(stdout, QIODevice::WriteOnly)) {
        return cli.refuse(tr("Cannot write to the standard output."));
    }
    Result<std::unique_ptr<CsvExport>> job = makeError(ErrorKind::Invalid, QString());
    if (compliance) {
        job = CsvExport::compliance(cli.db(), cli.actorId(), *query, out, options);
    } else {
        CertificateExportRequest request;
        if (args.has(QStringLiteral("user"))) {
            const auto user = cli.userByEmail(args.value(QStringLiteral("user")));
            if (!user)
                return cli.refuse(user.error());
            request.owner = user->id;
        }
        if (args.has(QStringLiteral("status"))) {
            const auto status = Domain::statusFilterFromKey(
                args.value(QStringLiteral("status")).trimmed().toLower());
            if (!status) {
                QStringList keys;
                for (StatusFilter f : Domain::statusFilters())
                    keys << Domain::statusFilterKey(f);
                return cli.refuse(tr("\"%1\" is not a status: use %2.")
                                      .arg(args.value(QStringLiteral("status")),
                                           keys.join(QStringLiteral(", "))));
            }
            request.status = *status;
        }
        if (args.has(QStringLiteral("expiring-within"))) {
            bool ok = false;
            const int days = args.value(QStringLiteral("expiring-within")).trimmed().toInt(&ok);
            if (!ok || days < 0 || days > 3650)
                return cli.refuse(tr("--expiring-within \"%1\" is not a number of days: give a "
                                     "whole number from 0 to 3650.")
                                      .arg(args.value(QStringLiteral("expiring-within"))));
            request.expiringWithinDays = days;
            request.order = CertificateOrder::ExpirySoonest;
        }
        job = CsvExport::certificates(cli.db(), cli.actorId(), request, out, options);
    }
    if (!job)
        return cli.refuse(job.error());
    if (const Status done = job.value()->run(); !done)
        return cli.refuse(done.error());
    if (args.has(kOutput) && !file.commit())
        return cli.refuse(tr("Cannot write %1: %2.").arg(file.fileName(), file.errorString()));
    return Cli::Done;
}

int CliExportCommands::exportCertificates(Cli &cli, const Invocation &args)
{
    return writeCsv(cli, args, false, nullptr);
}

int CliExportCommands::exportCompliance(Cli &cli, const Invocation &args)
{
    QString error;
    const auto query = complianceQuery(cli, args, &error);
    if (!query)
        return cli.refuse(error);
    return writeCsv(cli, args, true, &*query);
}
