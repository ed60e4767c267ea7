#include "PasswordPrompt.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace {
const char *const kVariable = "CERTDESK_PASSWORD";
struct termios g_saved;
volatile std::sig_atomic_t g_restoring = 0;

// Ctrl+C while echo is off must not leave the terminal silent.
extern "C" void restoreAndExit(int signal)
{
    if (g_restoring)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void writeToTerminal(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}
} // namespace

std::optional<QString> PasswordPrompt::readLine(bool echoOff)
{
    bool changed = false;
    if (echoOff && tcgetattr(STDIN_FILENO, &g_saved) == 0) {
        struct termios quiet = g_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= tcflag_t(ECHONL);
        g_restoring = 1;
        std::signal(SIGINT, restoreAndExit);
        std::signal(SIGTERM, restoreAndExit);
        changed = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    std::string line;
    const bool got = bool(std::getline(std::cin, line));
    if (changed) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        g_restoring = 0;
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    if (!got && line.empty())
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

std::optional<QString> PasswordPrompt::read(const QString &prompt, bool confirm, QString *error)
{
    if (qEnvironmentVariableIsSet(kVariable))
        return qEnvironmentVariable(kVariable);

    const bool terminal = isatty(STDIN_FILENO) == 1;
    if (terminal)
        writeToTerminal(prompt);
    auto password = readLine(terminal);
    if (!password || password->isEmpty()) {
        *error = tr("No password given: type it when asked, or set %1.").arg(environmentVariable());
        return std::nullopt;
    }
    if (terminal && confirm) {
        writeToTerminal(tr("Type it again: "));
        const auto again = readLine(true);
        if (!again || *again != *password) {
            *error = tr("The two passwords differ; nothing was changed.");
            return std::nullopt;
        }
    }
    return password;
}
