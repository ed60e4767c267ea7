#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class Cli;
struct Invocation;

// One option of a command: a flag (--deleted) or an option with a value
// (--name NAME, also --name=NAME).
struct OptionSpec
{
    QString name;      // without the leading "--"
    QString valueName; // empty: a flag
    QString help;
    bool repeatable = false;
};

// What a command accepts, how it is described, and who runs it.
struct CommandSpec
{
    using Handler = int (*)(Cli &cli, const Invocation &args);

    QString name;            // "import", "user add"
    QString synopsis;        // arguments after the name, as in the help
    QString summary;         // one line, for the global help
    QString description;     // a paragraph, for the command's help
    QStringList positionals; // names of the positional arguments, in order
    int requiredPositionals = 0;
    QList<OptionSpec> options;
    QStringList required;          // options that must be given
    QList<QStringList> exactlyOne; // e.g. {"validate", "reject"}
    QList<QStringList> atMostOne;  // e.g. {"expires", "no-expiry"}
    QList<QStringList> together;   // all or none, e.g. {"admin", "name"}
    QString example;
    bool needsActor = true;       // --as EMAIL required
    bool needsDatabase = true;    // false: runs without opening --db (pdf-check)
    bool createsDatabase = false; // init, demo: may create or upgrade the schema
    bool rendersPdfs = false;     // demo: needs a QGuiApplication (fonts)
    Handler handler = nullptr;

    const OptionSpec *option(const QString &optionName) const;
};

// The parsed command line of one run.
struct Invocation
{
    const CommandSpec *command = nullptr; // null: no command (help, version)
    QString db;                           // --db
    QString actor;                        // --as
    bool dbGiven = false;
    bool actorGiven = false;
    bool json = false;
    bool help = false;    // --help, -h or "help [COMMAND]"
    QString helpGroup;    // "user" for "help user" or "user --help"
    bool version = false; // --version
    QStringList positionals;
    QHash<QString, QStringList> values; // option name -> values (flags: one empty value)

    bool has(const QString &option) const { return values.contains(option); }
    QString value(const QString &option) const { return values.value(option).value(0); }
    QStringList all(const QString &option) const { return values.value(option); }
    QString positional(int i) const { return positionals.value(i); }
};

// A small hand-written parser: QCommandLineParser does not do sub-commands
// with their own options. It accepts the global options (--db, --as, --json)
// before or after the command, rejects unknown options, and checks the counts
// and combinations a command's spec declares. Errors are usage errors (exit 2).
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    explicit CommandLine(const QList<CommandSpec> &commands);

    // args: without the program name. On failure returns false and sets
    // *error to a one-line message; *command to the command it got to, if any.
    bool parse(const QStringList &args, Invocation *out, QString *error) const;

    const CommandSpec *find(const QString &name) const;
    const QList<CommandSpec> &commands() const { return m_commands; }

private:
    bool readCommandName(const QStringList &args, int *i, Invocation *out, QString *error) const;
    bool readOption(const QStringList &args, int *i, Invocation *out, QString *error) const;
    bool checkCounts(const Invocation &inv, QString *error) const;

    QList<CommandSpec> m_commands;
};
