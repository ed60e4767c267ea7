#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// requirement add|remove|list and compliance (README "Rules", Requirements
// and compliance).
class CliComplianceCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliComplianceCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int addRequirement(Cli &cli, const Invocation &args);
    static int removeRequirement(Cli &cli, const Invocation &args);
    static int listRequirements(Cli &cli, const Invocation &args);
    static int compliance(Cli &cli, const Invocation &args);
};
