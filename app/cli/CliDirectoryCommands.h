#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// group add, user add, user delete, user restore, users: people and groups;
// me: the signed-in person and their own choices.
class CliDirectoryCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliDirectoryCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int addGroup(Cli &cli, const Invocation &args);
    static int addUser(Cli &cli, const Invocation &args);
    static int deleteUser(Cli &cli, const Invocation &args);
    static int restoreUser(Cli &cli, const Invocation &args);
    static int setDeleted(Cli &cli, const Invocation &args, bool deleted);
    static int users(Cli &cli, const Invocation &args);
    static int me(Cli &cli, const Invocation &args);
};
