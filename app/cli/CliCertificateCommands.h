#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// import, certificates: importing external certificates and listing them.
class CliCertificateCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliCertificateCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int importCertificate(Cli &cli, const Invocation &args);
    static int certificates(Cli &cli, const Invocation &args);
};
