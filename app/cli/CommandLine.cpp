#include "CommandLine.h"

namespace {
QString dashed(const QString &option)
{
    return QStringLiteral("--") + option;
}

QString dashedList(const QStringList &options)
{
    QStringList list;
    for (const QString &o : options)
        list << dashed(o);
    return list.join(QStringLiteral(", "));
}

bool isOptionLike(const QString &arg)
{
    return arg.size() > 1 && arg.startsWith(QLatin1Char('-'));
}
} // namespace

const OptionSpec *CommandSpec::option(const QString &optionName) const
{
    for (const OptionSpec &o : options) {
        if (o.name == optionName)
            return &o;
    }
    return nullptr;
}

CommandLine::CommandLine(const QList<CommandSpec> &commands) : m_commands(commands) {}

const CommandSpec *CommandLine::find(const QString &name) const
{
    for (const CommandSpec &c : m_commands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

bool CommandLine::parse(const QStringList &args, Invocation *out, QString *error) const
{
    *out = Invocation();
    bool commandSeen = false;
    bool onlyPositionals = false;
    int i = 0;
    while (i < args.size()) {
        const QString &arg = args.at(i);
        if (!onlyPositionals && arg == QLatin1String("--")) {
            onlyPositionals = true;
            ++i;
        } else if (!onlyPositionals && isOptionLike(arg)) {
            if (!readOption(args, &i, out, error))
                return false;
        } else if (!commandSeen) {
            if (!readCommandName(args, &i, out, error))
                return false;
            commandSeen = true;
        } else {
            out->positionals << arg;
            ++i;
        }
    }
    if (out->help || out->version)
        return true;
    if (!out->command) {
        *error = tr("no command given.");
        return false;
    }
    return checkCounts(*out, error);
}

bool CommandLine::readCommandName(const QStringList &args, int *i, Invocation *out,
                                  QString *error) const
{
    QString word = args.at(*i);
    ++*i;
    if (word == QLatin1String("help")) {
        out->help = true;
        if (*i >= args.size() || isOptionLike(args.at(*i)))
            return true;
        word = args.at(*i);
        ++*i;
    }
    if (const CommandSpec *spec = find(word)) {
        out->command = spec;
        return true;
    }
    // A two-word command: "user add", "group add".
    QStringList subcommands;
    for (const CommandSpec &c : m_commands) {
        if (c.name.startsWith(word + QLatin1Char(' ')))
            subcommands << c.name.section(QLatin1Char(' '), 1);
    }
    if (subcommands.isEmpty()) {
        *error = tr("unknown command '%1'.").arg(word);
        return false;
    }
    const QString sub = *i < args.size() ? args.at(*i) : QString();
    const bool helpAsked = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    if (helpAsked || (out->help && sub.isEmpty())) {
        out->help = true;
        out->helpGroup = word;
        *i += helpAsked ? 1 : 0;
        return true;
    }
    if (sub.isEmpty() || isOptionLike(sub)) {
        *error = tr("'%1' needs one of: %2.").arg(word, subcommands.join(QStringLiteral(", ")));
        return false;
    }
    ++*i;
    out->command = find(word + QLatin1Char(' ') + sub);
    if (!out->command) {
        *error = tr("unknown command '%1 %2' (try one of: %3).")
                     .arg(word, sub, subcommands.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

bool CommandLine::readOption(const QStringList &args, int *i, Invocation *out, QString *error) const
{
    QString arg = args.at(*i);
    ++*i;
    // -o FILE: --output FILE, for the commands that write a file.
    if (arg == QLatin1String("-o") && out->command &&
        out->command->option(QStringLiteral("output")))
        arg = QStringLiteral("--output");
    if (arg == QLatin1String("-h")) {
        out->help = true;
        return true;
    }
    if (!arg.startsWith(QLatin1String("--"))) {
        *error = tr("unknown option '%1'.").arg(arg);
        return false;
    }
    const QString body = arg.mid(2);
    const qsizetype eq = body.indexOf(QLatin1Char('='));
    const QString name = eq < 0 ? body : body.left(eq);
    const bool hasInline = eq >= 0;
    const QString inlineValue = hasInline ? body.mid(eq + 1) : QString();

    // Global options are accepted before and after the command.
    OptionSpec global;
    const OptionSpec *spec = out->command ? out->command->option(name) : nullptr;
    if (!spec) {
        if (name == QLatin1String("help") || name == QLatin1String("version") ||
            name == QLatin1String("json")) {
            global.name = name;
        } else if (name == QLatin1String("db")) {
            global = {name, QStringLiteral("LOCATION"), QString()};
        } else if (name == QLatin1String("as")) {
            global = {name, QStringLiteral("EMAIL"), QString()};
        } else {
            *error = out->command
                         ? tr("unknown option '%1' for '%2'.").arg(dashed(name), out->command->name)
                         : tr("unknown option '%1'.").arg(dashed(name));
            return false;
        }
        spec = &global;
    }

    QString value;
    if (spec->valueName.isEmpty()) {
        if (hasInline) {
            *error = tr("option '%1' takes no value.").arg(dashed(name));
            return false;
        }
    } else if (hasInline) {
        value = inlineValue;
    } else if (*i < args.size() && !args.at(*i).startsWith(QLatin1String("--"))) {
        value = args.at(*i);
        ++*i;
    } else {
        *error = tr("option '%1' needs a value (%2).").arg(dashed(name), spec->valueName);
        return false;
    }

    if (spec == &global) {
        if (name == QLatin1String("help")) {
            out->help = true;
        } else if (name == QLatin1String("version")) {
            out->version = true;
        } else if (name == QLatin1String("json")) {
            out->json = true;
        } else {
            const bool isDb = name == QLatin1String("db");
            bool &given = isDb ? out->dbGiven : out->actorGiven;
            if (given) {
                *error = tr("option '%1' is given twice.").arg(dashed(name));
                return false;
            }
            given = true;
            (isDb ? out->db : out->actor) = value;
        }
        return true;
    }
    if (out->values.contains(name) && !spec->repeatable) {
        *error = tr("option '%1' is given twice.").arg(dashed(name));
        return false;
    }
    out->values[name].append(value);
    return true;
}

bool CommandLine::checkCounts(const Invocation &inv, QString *error) const
{
    const CommandSpec &c = *inv.command;
    if (inv.positionals.size() > c.positionals.size()) {
        *error = tr("unexpected argument '%1' for '%2'.")
                     .arg(inv.positionals.at(c.positionals.size()), c.name);
        return false;
    }
    if (inv.positionals.size() < c.requiredPositionals) {
        *error = tr("'%1' needs %2.").arg(c.name, c.positionals.at(inv.positionals.size()));
        return false;
    }
    for (const QString &o : c.required) {
        if (!inv.has(o)) {
            *error =
                tr("'%1' needs the option %2 %3.").arg(c.name, dashed(o), c.option(o)->valueName);
            return false;
        }
    }
    for (const QStringList &group : c.exactlyOne) {
        int n = 0;
        for (const QString &o : group)
            n += inv.has(o) ? 1 : 0;
        if (n != 1) {
            *error = n == 0 ? tr("'%1' needs one of the options %2.").arg(c.name, dashedList(group))
                            : tr("the options %1 cannot be used together.").arg(dashedList(group));
            return false;
        }
    }
    for (const QStringList &group : c.atMostOne) {
        int n = 0;
        for (const QString &o : group)
            n += inv.has(o) ? 1 : 0;
        if (n > 1) {
            *error = tr("the options %1 cannot be used together.").arg(dashedList(group));
            return false;
        }
    }
    for (const QStringList &group : c.together) {
        int n = 0;
        for (const QString &o : group)
            n += inv.has(o) ? 1 : 0;
        if (n > 0 && n < group.size()) {
            *error =
                tr("the options %1 go together: give all of them or none.").arg(dashedList(group));
            return false;
        }
    }
    return true;
}
