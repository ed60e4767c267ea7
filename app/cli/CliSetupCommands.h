#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// init, demo, settings, templates, setup: setting up a database and the platform.
class CliSetupCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliSetupCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int init(Cli &cli, const Invocation &args);
    static int demo(Cli &cli, const Invocation &args);
    static int settings(Cli &cli, const Invocation &args);
    static int templates(Cli &cli, const Invocation &args);
    static int setup(Cli &cli, const Invocation &args);
};
