#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

struct ComplianceQuery;

// export certificates|compliance (README "CSV export"): the lists as CSV,
// with the filters of the screen, for spreadsheets and scripts.
class CliExportCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliExportCommands)

public:
    static QList<CommandSpec> commands();
    // The compliance options (--group, --template, --state, --order) of an
    // invocation as a query; *error says what is wrong with one.
    static std::optional<ComplianceQuery> complianceQuery(Cli &cli, const Invocation &args,
                                                          QString *error);
    // Writes an export's CSV to --output FILE (removed again when the
    // export fails) or stdout; --excel: Excel's byte order mark and separator.
    static int writeCsv(Cli &cli, const Invocation &args, bool compliance,
                        const ComplianceQuery *query);

private:
    static int exportCertificates(Cli &cli, const Invocation &args);
    static int exportCompliance(Cli &cli, const Invocation &args);
};
