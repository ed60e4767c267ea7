#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// Where a password comes from when a command needs one: the CERTDESK_PASSWORD
// environment variable; else, on a terminal, a prompt that does not echo;
// else (a pipe or a file on stdin) one line read from stdin, without a prompt.
class PasswordPrompt
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)

public:
    // For messages; the same name as kVariable in the .cpp.
    static QString environmentVariable() { return QStringLiteral("CERTDESK_PASSWORD"); }

    // prompt: shown on the terminal only. confirm: on a terminal, ask twice
    // (for a new password). nullopt with *error set when there is none.
    static std::optional<QString> read(const QString &prompt, bool confirm, QString *error);

private:
    static std::optional<QString> readLine(bool echoOff);
};
