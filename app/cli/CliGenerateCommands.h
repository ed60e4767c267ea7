#pragma once

#include "CommandLine.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

struct GeneratorOptions;
struct GeneratorReport;

// generate: a large organisation for benchmarks (CLI.md "generate").
class CliGenerateCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliGenerateCommands)

public:
    static QList<CommandSpec> commands();
    static QJsonObject reportJson(const GeneratorReport &report);

private:
    // The numbers, checked before anything is opened: a bad one is a usage
    // error (exit 2; README "Rules", generate).
    static int options(Cli &cli, const Invocation &args, GeneratorOptions *options);
    static void printReport(Cli &cli, const GeneratorOptions &options,
                            const GeneratorReport &report);
    static int generate(Cli &cli, const Invocation &args);
};
