#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// tasks, review, notifications: the reviewer's side (R3, R8, R9) and the inbox.
class CliReviewCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliReviewCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int tasks(Cli &cli, const Invocation &args);
    static int review(Cli &cli, const Invocation &args);
    static int notifications(Cli &cli, const Invocation &args);
};
