#include "CliDirectoryCommands.h"

#include "Cli.h"
#include "CliFormat.h"
#include "TextTable.h"
#include "services/DirectoryService.h"
#include "services/Session.h"

#include <QJsonArray>
#include <QJsonObject>

QList<CommandSpec> CliDirectoryCommands::commands()
{
    CommandSpec group;
    group.name = QStringLiteral("group add");
    group.synopsis = QStringLiteral("NAME [--parent NAME]");
    group.summary = tr("Add a group (under the platform group, or under --parent)");
    group.description = tr("Platform admins add groups anywhere; a group admin adds sub-groups "
                           "of the groups they administer.");
    group.positionals = {QStringLiteral("NAME")};
    group.requiredPositionals = 1;
    group.options = {{QStringLiteral("parent"), QStringLiteral("NAME"),
                      tr("The parent group (default: the platform group)")}};
    group.example = QStringLiteral("certdesk-cli --as admin@demo.example group add 'Sales "
                                   "Nordics' --parent Sales");
    group.handler = &CliDirectoryCommands::addGroup;

    CommandSpec user;
    user.name = QStringLiteral("user add");
    user.synopsis = QStringLiteral("EMAIL --name NAME [--manager EMAIL] [--member GROUP:ROLE]... "
                                   "[--password PASSWORD] [--language en|fr]");
    user.summary = tr("Add a user, with their groups, roles and manager");
    user.description = tr("ROLE is admin, coach or learner; --member may be repeated, one role "
                          "per group. Without --password the user cannot sign in yet. Platform "
                          "admins add anyone; group admins add members to their groups.");
    user.positionals = {QStringLiteral("EMAIL")};
    user.requiredPositionals = 1;
    user.options = {
        {QStringLiteral("name"), QStringLiteral("NAME"), tr("Full name")},
        {QStringLiteral("manager"), QStringLiteral("EMAIL"), tr("Their manager")},
        {QStringLiteral("member"), QStringLiteral("GROUP:ROLE"),
         tr("A group and the role in it (repeatable)"), true},
        {QStringLiteral("password"), QStringLiteral("PASSWORD"), tr("Their password")},
        {QStringLiteral("language"), QStringLiteral("en|fr"), tr("Their language (default: en)")},
    };
    user.required = {QStringLiteral("name")};
    user.example =
        QStringLiteral("certdesk-cli --as admin@demo.example user add "
                       "jane@example.org --name 'Jane Doe' --member 'Sales EMEA:learner' "
                       "--manager maria.schmidt@demo.example");
    user.handler = &CliDirectoryCommands::addUser;

    CommandSpec remove;
    remove.name = QStringLiteral("user delete");
    remove.synopsis = QStringLiteral("EMAIL");
    remove.summary = tr("Delete a user (kept, listed by 'users --deleted'; cannot sign in)");
    remove.positionals = {QStringLiteral("EMAIL")};
    remove.requiredPositionals = 1;
    remove.example = QStringLiteral("certdesk-cli --as admin@demo.example user delete "
                                    "jane@example.org");
    remove.handler = &CliDirectoryCommands::deleteUser;

    CommandSpec restore = remove;
    restore.name = QStringLiteral("user restore");
    restore.summary = tr("Restore a deleted user");
    restore.example = QStringLiteral("certdesk-cli --as admin@demo.example user restore "
                                     "jane@example.org");
    restore.handler = &CliDirectoryCommands::restoreUser;

    CommandSpec users;
    users.name = QStringLiteral("users");
    users.synopsis = QStringLiteral("[--deleted]");
    users.summary = tr("List the users in your scope (current, or deleted)");
    users.options = {{QStringLiteral("deleted"), QString(), tr("List deleted users instead")}};
    users.example = QStringLiteral("certdesk-cli --as admin@demo.example --json users --deleted");
    users.handler = &CliDirectoryCommands::users;

    CommandSpec me;
    me.name = QStringLiteral("me");
    me.synopsis = QStringLiteral("[set reminder-emails on|off]");
    me.summary = tr("Show who you are and your own choices, or change one");
    me.description = tr("reminder-emails: whether reminders before a certificate expires also "
                        "come by email (on, the default) or only in the app (off). Each person "
                        "sets it for themselves.");
    me.positionals = {QStringLiteral("set"), QStringLiteral("KEY"), QStringLiteral("VALUE")};
    me.example = QStringLiteral("certdesk-cli --as emma.wilson@demo.example me set "
                                "reminder-emails off");
    me.handler = &CliDirectoryCommands::me;

    return {group, user, remove, restore, users, me};
}

int CliDirectoryCommands::addGroup(Cli &cli, const Invocation &args)
{
    DirectoryService &directory = cli.session().directory();
    const QString parentName = args.value(QStringLiteral("parent"));
    if (args.has(QStringLiteral("parent")) && parentName.trimmed().isEmpty())
        return cli.refuse(tr("--parent is empty: name the parent group, or leave --parent out "
                             "for the platform group."));
    const auto group = directory.addGroup(cli.actorId(), args.positional(0), parentName);
    if (!group)
        return cli.refuse(group.error());
    QString parent;
    if (const auto groups = directory.groups()) {
        for (const Group &g : groups.value()) {
            if (g.id == group->parentId)
                parent = g.name;
        }
    }
    if (cli.json())
        cli.printJson(CliFormat::group(group->name, group->id, parent));
    else
        cli.print(tr("Added group \"%1\" under \"%2\".").arg(group->name, parent));
    return Cli::Done;
}

int CliDirectoryCommands::addUser(Cli &cli, const Invocation &args)
{
    NewUser user;
    user.email = args.positional(0);
    user.name = args.value(QStringLiteral("name"));
    user.managerEmail = args.value(QStringLiteral("manager"));
    user.password = args.value(QStringLiteral("password"));
    if (args.has(QStringLiteral("language")))
        user.language = args.value(QStringLiteral("language")).trimmed();
    const QStringList members = args.all(QStringLiteral("member"));
    for (const QString &member : members) {
        const qsizetype colon = member.lastIndexOf(QLatin1Char(':'));
        const auto role = colon > 0 ? Domain::roleFromKey(member.mid(colon + 1).trimmed().toLower())
                                    : std::nullopt;
        if (!role)
            return cli.refuse(tr("--member \"%1\" is not GROUP:ROLE, where ROLE is admin, coach "
                                 "or learner.")
                                  .arg(member));
        user.memberships.append({member.left(colon).trimmed(), *role});
    }
    if (args.has(QStringLiteral("password")) && user.password.isEmpty())
        return cli.refuse(tr("--password is empty: give a password, or leave --password out "
                             "(the user then cannot sign in yet)."));
    if (args.has(QStringLiteral("manager")) && user.managerEmail.trimmed().isEmpty())
        return cli.refuse(tr("--manager is empty: give the manager's email, or leave --manager "
                             "out."));
    DirectoryService &directory = cli.session().directory();
    const auto added = directory.addUser(cli.actorId(), user);
    if (!added)
        return cli.refuse(added.error());
    if (cli.json()) {
        cli.printJson(CliFormat::user(cli, added.value()));
        return Cli::Done;
    }
    QString text = tr("Added user %1, groups: %2")
                       .arg(CliFormat::person(added->name, added->email),
                            CliFormat::membershipsText(added.value()));
    if (added->managerId > 0)
        text += tr("; manager: %1")
                    .arg(CliFormat::person(added->managerName, cli.emailOf(added->managerId)));
    cli.print(text + QLatin1Char('.'));
    return Cli::Done;
}

int CliDirectoryCommands::deleteUser(Cli &cli, const Invocation &args)
{
    return setDeleted(cli, args, true);
}

int CliDirectoryCommands::restoreUser(Cli &cli, const Invocation &args)
{
    return setDeleted(cli, args, false);
}

int CliDirectoryCommands::setDeleted(Cli &cli, const Invocation &args, bool deleted)
{
    const auto target = cli.userByEmail(args.positional(0));
    if (!target)
        return cli.refuse(target.error());
    DirectoryService &directory = cli.session().directory();
    const Status done = deleted ? directory.deleteUser(cli.actorId(), target->id)
                                : directory.restoreUser(cli.actorId(), target->id);
    if (!done)
        return cli.refuse(done.error());
    const auto now = directory.user(target->id);
    if (!now)
        return cli.refuse(now.error());
    if (cli.json())
        cli.printJson(CliFormat::user(cli, now.value()));
    else if (deleted)
        cli.print(tr("Deleted user %1: kept with their results, can no longer sign in.")
                      .arg(CliFormat::person(now->name, now->email)));
    else
        cli.print(tr("Restored user %1.").arg(CliFormat::person(now->name, now->email)));
    return Cli::Done;
}

int CliDirectoryCommands::me(Cli &cli, const Invocation &args)
{
    DirectoryService &directory = cli.session().directory();
    if (!args.positionals.isEmpty()) {
        if (args.positionals.size() != 3 || args.positional(0) != QLatin1String("set"))
            return cli.usage(tr("'me' takes nothing, or: set reminder-emails on|off."));
        if (args.positional(1) != QLatin1String("reminder-emails"))
            return cli.refuse(tr("Unknown choice \"%1\": the one you set yourself is "
                                 "reminder-emails.")
                                  .arg(args.positional(1)));
        const QString value = args.positional(2).trimmed().toLower();
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            return cli.refuse(
                tr("\"%1\" is not a switch value: use on or off.").arg(args.positional(2)));
        if (const Status set =
                directory.setReminderEmails(cli.actorId(), value == QLatin1String("on"));
            !set)
            return cli.refuse(set.error());
    }
    const auto emails = directory.reminderEmails(cli.actorId());
    if (!emails)
        return cli.refuse(emails.error());
    const User &actor = cli.actor();
    if (cli.json()) {
        cli.printJson(QJsonObject{{QStringLiteral("id"), actor.id},
                                  {QStringLiteral("email"), actor.email},
                                  {QStringLiteral("name"), actor.name},
                                  {QStringLiteral("reminder_emails"), emails.value()}});
    } else if (!args.positionals.isEmpty()) {
        cli.print(emails.value() ? tr("Reminder emails are on.")
                                 : tr("Reminder emails are off; reminders still show in the "
                                      "app."));
    } else {
        cli.print(tr("%1 <%2>\nReminder emails: %3")
                      .arg(actor.name, actor.email,
                           emails.value() ? QStringLiteral("on") : QStringLiteral("off")));
    }
    return Cli::Done;
}

int CliDirectoryCommands::users(Cli &cli, const Invocation &args)
{
    DirectoryService &directory = cli.session().directory();
    const bool deleted = args.has(QStringLiteral("deleted"));
    // A page at a time (keyset on name and id): no query reads every user.
    QList<User> users;
    for (UserCursor after;;) {
        const auto page = directory.users(cli.actorId(), deleted, after, 500);
        if (!page)
            return cli.refuse(page.error());
        users += page.value();
        if (page->size() < 500)
            break;
        after = UserCursor{page->constLast().name, page->constLast().id};
    }
    QJsonArray list;
    TextTable table({tr("EMAIL"), tr("NAME"), tr("MANAGER"), tr("GROUPS")});
    for (const User &u : std::as_const(users)) {
        list.append(CliFormat::user(cli, u));
        table.addRow(
            {u.email, u.name, CliFormat::orDash(u.managerName), CliFormat::membershipsText(u)});
    }
    if (cli.json())
        cli.printJson(list);
    else
        cli.printTable(table, deleted ? tr("No deleted users.") : tr("No users."));
    return Cli::Done;
}
