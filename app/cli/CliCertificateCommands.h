#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// import, resubmit, renew, revoke, certificates, pdf-check: importing
// external certificates, sending a rejected one again corrected, renewing and
// revoking one, listing them, and checking a PDF as an import would without
// importing it.
class CliCertificateCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliCertificateCommands)

public:
    static QList<CommandSpec> commands();

private:
    static int importCertificate(Cli &cli, const Invocation &args);
    static int resubmit(Cli &cli, const Invocation &args);
    static int renew(Cli &cli, const Invocation &args);
    static int revoke(Cli &cli, const Invocation &args);
    static int certificates(Cli &cli, const Invocation &args);
    static int pdfCheck(Cli &cli, const Invocation &args);
};
