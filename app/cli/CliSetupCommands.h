#pragma once

#include "CommandLine.h"
#include "core/Domain.h"

#include <QCoreApplication>

#include <optional>

struct ServerSetupOptions;
struct ServerSetupReport;

// init, demo, settings, templates, setup: setting up a database and the platform.
class CliSetupCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliSetupCommands)

public:
    static QList<CommandSpec> commands();

private:
    static CommandSpec initCommand();
    static CommandSpec demoCommand();
    static CommandSpec settingsCommand();
    static CommandSpec templatesCommand();
    static CommandSpec setupCommand();

    static int init(Cli &cli, const Invocation &args);
    static void printInit(Cli &cli, int before, int after, const std::optional<User> &admin);
    // setup's options, each value checked before anything is opened (exit 1).
    static int setupOptions(Cli &cli, const Invocation &args, ServerSetupOptions *options);
    static void printSetupReport(Cli &cli, const ServerSetupReport &report);
    static int demo(Cli &cli, const Invocation &args);
    static int settings(Cli &cli, const Invocation &args);
    static int templates(Cli &cli, const Invocation &args);
    static int setup(Cli &cli, const Invocation &args);
};
