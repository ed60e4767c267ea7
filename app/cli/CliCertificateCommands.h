#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

#include <optional>

struct ImportRequest;

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
    // The options import and renew share (--delivered, --expires, --name,
    // --credits, --template) and the file at path, into request (an option
    // not given leaves it as it is); a refusal's exit code when one is wrong.
    static std::optional<int> readImportOptions(Cli &cli, const Invocation &args,
                                                const QString &path, ImportRequest *request);
    static int certificates(Cli &cli, const Invocation &args);
    static int pdfCheck(Cli &cli, const Invocation &args);
};
