#include "CliComplianceCommands.h"

#include "Cli.h"
#include "CliFormat.h"
#include "TextTable.h"
#include "core/Csv.h"
#include "services/Session.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace {
QJsonObject requirementJson(const Requirement &r)
{
    return QJsonObject{{QStringLiteral("group_id"), r.groupId},
                       {QStringLiteral("group"), r.groupName},
                       {QStringLiteral("template_id"), r.templateId},
                       {QStringLiteral("template"), r.templateName}};
}

QJsonObject totalJson(const ComplianceTotal &t)
{
    QJsonObject o{{QStringLiteral("template_id"), t.templateId},
                  {QStringLiteral("template"), t.templateName},
                  {QStringLiteral("required"), t.required()},
                  {QStringLiteral("covered"), t.covered()},
                  {QStringLiteral("percent_covered"), t.percentCovered()},
                  {QStringLiteral("valid"), t.valid},
                  {QStringLiteral("expiring"), t.expiring},
                  {QStringLiteral("pending"), t.pending},
                  {QStringLiteral("expired"), t.expired},
                  {QStringLiteral("missing"), t.missing}};
    if (t.groupId > 0) {
        o.insert(QStringLiteral("group_id"), t.groupId);
        o.insert(QStringLiteral("group"), t.groupName);
    }
    return o;
}
} // namespace

QList<CommandSpec> CliComplianceCommands::commands()
{
    const QList<OptionSpec> groupAndTemplate = {
        {QStringLiteral("group"), QStringLiteral("GROUP"), tr("The group")},
        {QStringLiteral("template"), QStringLiteral("TEMPLATE"), tr("The certificate template")},
    };
    CommandSpec add;
    add.name = QStringLiteral("requirement add");
    add.synopsis = QStringLiteral("--group GROUP --template TEMPLATE");
    add.summary = tr("Require a certificate template of a group's members (and its sub-groups')");
    add.description = tr("Every current member of the group, and of the groups below it, must "
                         "hold a certificate associated with the template; the compliance "
                         "command and page show who does. Platform admins change any group's "
                         "requirements, group admins those of their groups.");
    add.options = groupAndTemplate;
    add.required = {QStringLiteral("group"), QStringLiteral("template")};
    add.example = QStringLiteral("certdesk-cli --as admin@demo.example requirement add --group "
                                 "'Sales EMEA' --template 'First Aid at Work'");
    add.handler = &CliComplianceCommands::addRequirement;

    CommandSpec remove = add;
    remove.name = QStringLiteral("requirement remove");
    remove.summary = tr("Stop requiring a template of a group");
    remove.description = tr("The certificates stay; only the requirement goes.");
    remove.example = QStringLiteral("certdesk-cli --as admin@demo.example requirement remove "
                                    "--group 'Sales EMEA' --template 'First Aid at Work'");
    remove.handler = &CliComplianceCommands::removeRequirement;

    CommandSpec list;
    list.name = QStringLiteral("requirement list");
    list.synopsis = QStringLiteral("[--group GROUP]");
    list.summary = tr("List the requirements (of every group, or of one)");
    list.options = {groupAndTemplate.first()};
    list.example = QStringLiteral("certdesk-cli --as admin@demo.example requirement list");
    list.handler = &CliComplianceCommands::listRequirements;

    CommandSpec compliance;
    compliance.name = QStringLiteral("compliance");
    compliance.synopsis = QStringLiteral("[--group GROUP] [--template TEMPLATE] [--state STATE] "
                                         "[--order name|lapse] [--csv] [--excel] [--output FILE]");
    compliance.summary = tr("Who in your scope holds each required certificate, and who lapses "
                            "next");
    compliance.description =
        tr("For each person in your scope a requirement applies to, the state of each required "
           "template: valid, expiring (within expiry.soon-days), pending, expired or missing; then "
           "the totals per template. --group keeps the people of a group and its sub-groups, "
           "--template one template, --state the people with a required template in that state. "
           "--order lapse: soonest lapse first (missing and pending ones have lapsed). --csv "
           "writes one record per person and template (RFC 4180, UTF-8; --excel adds a byte "
           "order mark and the locale's separator) to stdout or --output FILE. Admins, managers "
           "and coaches only.");
    compliance.options = groupAndTemplate;
    compliance.options += {
        {QStringLiteral("state"), QStringLiteral("STATE"),
         tr("valid, expiring, pending, expired or missing")},
        {QStringLiteral("order"), QStringLiteral("name|lapse"), tr("Sort order (default: name)")},
        {QStringLiteral("csv"), QString(), tr("Write CSV instead of a table")},
        {QStringLiteral("excel"), QString(),
         tr("CSV for Excel: byte order mark, locale's separator")},
        {QStringLiteral("output"), QStringLiteral("FILE"), tr("Write the CSV to FILE")},
    };
    compliance.example = QStringLiteral("certdesk-cli --as maria.schmidt@demo.example compliance "
                                        "--state missing --csv --output gaps.csv");
    compliance.handler = &CliComplianceCommands::compliance;
    return {add, remove, list, compliance};
}

int CliComplianceCommands::addRequirement(Cli &cli, const Invocation &args)
{
    const auto added = cli.session().compliance().addRequirement(
        cli.actorId(), args.value(QStringLiteral("group")), args.value(QStringLiteral("template")));
    if (!added)
        return cli.refuse(added.error());
    if (cli.json())
        cli.printJson(requirementJson(added.value()));
    else
        cli.print(tr("%1 now requires \"%2\" of its members and of the members of the groups "
                     "below it.")
                      .arg(added->groupName, added->templateName));
    return Cli::Done;
}

int CliComplianceCommands::removeRequirement(Cli &cli, const Invocation &args)
{
    const QString group = args.value(QStringLiteral("group")).trimmed();
    const QString templ = args.value(QStringLiteral("template")).trimmed();
    const auto removed = cli.session().compliance().removeRequirement(cli.actorId(), group, templ);
    if (!removed)
        return cli.refuse(removed.error());
    if (cli.json())
        cli.printJson(QJsonObject{{QStringLiteral("group"), group},
                                  {QStringLiteral("template"), templ},
                                  {QStringLiteral("removed"), true}});
    else
        cli.print(tr("%1 no longer requires \"%2\".").arg(group, templ));
    return Cli::Done;
}

int CliComplianceCommands::listRequirements(Cli &cli, const Invocation &args)
{
    ComplianceService &service = cli.session().compliance();
    const auto query = service.resolve(args.value(QStringLiteral("group")), QString());
    if (!query)
        return cli.refuse(query.error());
    const auto list = service.requirements(cli.actorId(), query->groupId);
    if (!list)
        return cli.refuse(list.error());
    if (cli.json()) {
        QJsonArray out;
        for (const Requirement &r : list.value())
            out.append(requirementJson(r));
        cli.printJson(out);
        return Cli::Done;
    }
    TextTable table({tr("GROUP"), tr("TEMPLATE")});
    for (const Requirement &r : list.value())
        table.addRow({r.groupName, r.templateName});
    cli.printTable(table, tr("No group requires a certificate template."));
    return Cli::Done;
}

int CliComplianceCommands::compliance(Cli &cli, const Invocation &args)
{
    ComplianceService &service = cli.session().compliance();
    auto resolved = service.resolve(args.value(QStringLiteral("group")),
                                    args.value(QStringLiteral("template")));
    if (!resolved)
        return cli.refuse(resolved.error());
    ComplianceQuery query = resolved.value();
    if (args.has(QStringLiteral("state"))) {
        const QString key = args.value(QStringLiteral("state")).trimmed().toLower();
        query.state = Compliance::stateFromKey(key);
        if (!query.state)
            return cli.refuse(tr("Unknown state \"%1\": use valid, expiring, pending, expired or "
                                 "missing.")
                                  .arg(args.value(QStringLiteral("state"))));
    }
    if (args.has(QStringLiteral("order"))) {
        const QString order = args.value(QStringLiteral("order")).trimmed().toLower();
        if (order == QLatin1String("lapse"))
            query.order = ComplianceQuery::Order::Lapse;
        else if (order != QLatin1String("name"))
            return cli.refuse(tr("Unknown order \"%1\": use name or lapse.")
                                  .arg(args.value(QStringLiteral("order"))));
    }
    const bool csv = args.has(QStringLiteral("csv")) || args.has(QStringLiteral("excel"));
    if (args.has(QStringLiteral("output")) && !csv)
        return cli.usage(tr("--output writes CSV: add --csv."));
    const auto columns = service.columns(cli.actorId(), query);
    if (!columns)
        return cli.refuse(columns.error());
    QHash<Id, QString> templateNames;
    for (const CertificateTemplate &t : columns.value())
        templateNames.insert(t.id, t.name);

    // Every page, one at a time (keyset): constant memory whatever the size.
    constexpr int kPage = 500;
    const auto eachPage =
        [&](const std::function<bool(const QList<ComplianceRow> &)> &use) -> Status {
        ComplianceCursor after;
        for (;;) {
            const auto page = service.page(cli.actorId(), query, after, kPage);
            if (!page)
                return page.error();
            if (!page->isEmpty() && !use(page.value()))
                return makeError(ErrorKind::Storage, tr("The CSV could not be written."));
            if (page->size() < kPage)
                return Done{};
            after = ComplianceCursor::after(page->constLast());
        }
    };

    if (csv) {
        QFile file;
        if (args.has(QStringLiteral("output"))) {
            file.setFileName(args.value(QStringLiteral("output")));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return cli.refuse(
                    tr("Cannot write %1: %2.").arg(file.fileName(), file.errorString()));
        } else if (!file.open(stdout, QIODevice::WriteOnly)) {
            return cli.refuse(tr("Cannot write to the standard output."));
        }
        CsvWriter writer(&file, args.has(QStringLiteral("excel")) ? CsvWriter::Options::excel()
                                                                  : CsvWriter::Options());
        writer.writeHeader({QStringLiteral("person_id"), QStringLiteral("name"),
                            QStringLiteral("email"), QStringLiteral("template"),
                            QStringLiteral("state"), QStringLiteral("expires"),
                            QStringLiteral("certificate_id")});
        const Status written = eachPage([&](const QList<ComplianceRow> &rows) {
            for (const ComplianceRow &row : rows) {
                for (const ComplianceCell &cell : row.cells) {
                    writer.writeRecord(
                        {row.userId, row.name, row.email, templateNames.value(cell.templateId),
                         Compliance::stateKey(cell.state),
                         cell.expires.isValid() ? QVariant(cell.expires) : QVariant(),
                         cell.certificateId > 0 ? QVariant(cell.certificateId) : QVariant()});
                }
            }
            return writer.ok();
        });
        file.close();
        if (!written) {
            if (args.has(QStringLiteral("output")))
                QFile::remove(file.fileName());
            return cli.refuse(written.error());
        }
        return Cli::Done;
    }

    const auto totals = service.totals(cli.actorId(), query);
    if (!totals)
        return cli.refuse(totals.error());
    if (cli.json()) {
        QJsonArray people;
        const Status read = eachPage([&](const QList<ComplianceRow> &rows) {
            for (const ComplianceRow &row : rows) {
                QJsonArray cells;
                for (const ComplianceCell &cell : row.cells) {
                    cells.append(QJsonObject{
                        {QStringLiteral("template_id"), cell.templateId},
                        {QStringLiteral("template"), templateNames.value(cell.templateId)},
                        {QStringLiteral("state"), Compliance::stateKey(cell.state)},
                        {QStringLiteral("expires"), CliFormat::date(cell.expires)},
                        {QStringLiteral("certificate_id"),
                         cell.certificateId > 0 ? QJsonValue(cell.certificateId) : QJsonValue()},
                    });
                }
                people.append(QJsonObject{{QStringLiteral("id"), row.userId},
                                          {QStringLiteral("name"), row.name},
                                          {QStringLiteral("email"), row.email},
                                          {QStringLiteral("cells"), cells}});
            }
            return true;
        });
        if (!read)
            return cli.refuse(read.error());
        QJsonArray totalsJson;
        for (const ComplianceTotal &t : totals.value())
            totalsJson.append(totalJson(t));
        cli.printJson(QJsonObject{{QStringLiteral("today"), CliFormat::date(query.today)},
                                  {QStringLiteral("count"), int(people.size())},
                                  {QStringLiteral("people"), people},
                                  {QStringLiteral("totals"), totalsJson}});
        return Cli::Done;
    }

    QStringList header{tr("NAME"), tr("EMAIL")};
    for (const CertificateTemplate &t : columns.value())
        header << t.name.toUpper();
    TextTable table(header);
    int count = 0;
    const Status read = eachPage([&](const QList<ComplianceRow> &rows) {
        for (const ComplianceRow &row : rows) {
            QStringList line{row.name, row.email};
            for (const CertificateTemplate &t : columns.value()) {
                const ComplianceCell *cell = row.cell(t.id);
                if (!cell) {
                    line << QStringLiteral("-");
                } else if (cell->expires.isValid() && cell->state != ComplianceState::Pending) {
                    line << tr("%1 (%2)").arg(Compliance::stateKey(cell->state),
                                              CliFormat::dateText(cell->expires));
                } else {
                    line << Compliance::stateKey(cell->state);
                }
            }
            table.addRow(line);
            ++count;
        }
        return true;
    });
    if (!read)
        return cli.refuse(read.error());
    if (count == 0) {
        cli.print(tr("Nobody in your scope matches: no requirement applies, or none in this "
                     "state."));
        return Cli::Done;
    }
    QString text = table.render();
    text += tr("%n person(s).", nullptr, count);
    const int soon = query.soonDays;
    for (const ComplianceTotal &t : totals.value()) {
        text += QLatin1Char('\n') +
                tr("%1: %2 % covered (%3 of %4); %5 expire within %6 days, %7 pending, %8 "
                   "expired, %9 missing.")
                    .arg(t.templateName)
                    .arg(t.percentCovered())
                    .arg(t.covered())
                    .arg(t.required())
                    .arg(t.expiring)
                    .arg(soon)
                    .arg(t.pending)
                    .arg(t.expired)
                    .arg(t.missing);
    }
    cli.print(text);
    return Cli::Done;
}
