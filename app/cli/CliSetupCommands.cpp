#include "CliSetupCommands.h"

#include "Cli.h"
#include "CliFormat.h"
#include "PasswordPrompt.h"
#include "TextTable.h"
#include "policy/SettingsService.h"
#include "services/DemoData.h"
#include "services/DirectoryService.h"
#include "services/ServerSetup.h"
#include "services/Session.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

CommandSpec CliSetupCommands::initCommand()
{
    CommandSpec init;
    init.name = QStringLiteral("init");
    init.synopsis = QStringLiteral("[--admin EMAIL --name NAME]");
    init.summary = tr("Create or upgrade the database schema; optionally add the first platform "
                      "admin");
    init.description = tr("Creates the database (a SQLite file is created if missing; a "
                          "PostgreSQL database must exist) or upgrades its schema, and says "
                          "which. With --admin, also adds the first platform admin, only while "
                          "the database has no users; the password comes from $%1 or is asked "
                          "twice.")
                           .arg(PasswordPrompt::environmentVariable());
    init.options = {
        {QStringLiteral("admin"), QStringLiteral("EMAIL"), tr("The first platform admin's email")},
        {QStringLiteral("name"), QStringLiteral("NAME"), tr("The first platform admin's name")},
    };
    init.together = {{QStringLiteral("admin"), QStringLiteral("name")}};
    init.example = QStringLiteral("certdesk-cli --db team.sqlite init --admin ada@example.org "
                                  "--name 'Ada Lovelace'");
    init.needsActor = false;
    init.createsDatabase = true;
    init.handler = &CliSetupCommands::init;
    return init;
}

CommandSpec CliSetupCommands::demoCommand()
{
    CommandSpec demo;
    demo.name = QStringLiteral("demo");
    demo.summary = tr("Fill an empty database with a demo organisation");
    demo.description = tr("Creates the schema if needed, then adds groups, about 30 users of "
                          "every role, templates and certificates in every state. Refused when "
                          "the database already has users. Every demo password is \"%1\"; the "
                          "platform admin is %2. Its emails are written as .eml files into "
                          "a folder beside the database (mail.transport folder).")
                           .arg(DemoData::password(), DemoData::adminEmail());
    demo.example = QStringLiteral("certdesk-cli --db demo.sqlite demo");
    demo.needsActor = false;
    demo.createsDatabase = true;
    demo.rendersPdfs = true;
    demo.handler = &CliSetupCommands::demo;
    return demo;
}

CommandSpec CliSetupCommands::settingsCommand()
{
    CommandSpec settings;
    settings.name = QStringLiteral("settings");
    settings.synopsis = QStringLiteral("[KEY [VALUE]]");
    settings.summary = tr("Show the platform settings, one setting, or change one");
    settings.description =
        tr("Keys: import.enabled (R1), validation.required (R2), validation.reviewers "
           "(group-admins or managers, R3), credits.enabled, pdf.max-size-mb (1 to %1), "
           "pdf.check-seconds (%2 to %3), pdf.check-memory-mb (%4 to %5), expiry.soon-days (1 "
           "to %6), reminders.*, and mail.* (mail.transport smtp or folder, mail.folder an "
           "absolute path). Switches take on or off. Only platform admins change settings.")
            .arg(PlatformSettings::MaxPdfSizeMbLimit)
            .arg(PlatformSettings::MinCheckSeconds)
            .arg(PlatformSettings::MaxCheckSeconds)
            .arg(PlatformSettings::MinCheckMemoryMb)
            .arg(PlatformSettings::MaxCheckMemoryMb)
            .arg(PlatformSettings::MaxExpirySoonDays);
    settings.positionals = {QStringLiteral("KEY"), QStringLiteral("VALUE")};
    settings.example = QStringLiteral("certdesk-cli --as admin@demo.example settings "
                                      "validation.required on");
    settings.handler = &CliSetupCommands::settings;
    return settings;
}

CommandSpec CliSetupCommands::templatesCommand()
{
    CommandSpec templates;
    templates.name = QStringLiteral("templates");
    templates.summary = tr("List the internal certificate templates");
    templates.example = QStringLiteral("certdesk-cli --as admin@demo.example templates");
    templates.handler = &CliSetupCommands::templates;
    return templates;
}

CommandSpec CliSetupCommands::setupCommand()
{
    CommandSpec setup;
    setup.name = QStringLiteral("setup");
    setup.synopsis = QStringLiteral("[--admin EMAIL --name NAME] [--login-prefix PREFIX] "
                                    "[--connection-limit N] [--statement-timeout DURATION] "
                                    "[--harden-server]");
    setup.summary = tr("Prepare a shared PostgreSQL database (run by a database superuser)");
    setup.description =
        tr("Run once by a database administrator connected as a superuser, and again after "
           "each CertDesk upgrade: creates the roles DB_owner (owns the schema, cannot log in), "
           "DB_member (every person's login) and DB_relay (email relays), applies the schema "
           "as the owner, then row-level security and the server's rules on every table. With "
           "--admin, also creates the first platform admin as a login (password from $%1 or "
           "asked twice). Logins are the email addresses, after --login-prefix when several "
           "CertDesk databases share one server. Every login gets a connection limit and a "
           "statement timeout (default %2 and %3; a later setup keeps the last values unless "
           "given again); large objects are taken away from the database's roles; "
           "--harden-server also hides the other sessions' activity (pg_stat_activity, pg_locks, "
           "the statistics views) from every role of this database but superusers and "
           "pg_read_all_stats. One transaction: a failure changes nothing.")
            .arg(PasswordPrompt::environmentVariable())
            .arg(ServerSetup::DefaultConnectionLimit)
            .arg(ServerSetup::defaultStatementTimeout());
    setup.options = {
        {QStringLiteral("admin"), QStringLiteral("EMAIL"), tr("The first platform admin's email")},
        {QStringLiteral("name"), QStringLiteral("NAME"), tr("The first platform admin's name")},
        {QStringLiteral("login-prefix"), QStringLiteral("PREFIX"),
         tr("Put before every login (first setup only)")},
        {QStringLiteral("connection-limit"), QStringLiteral("N"),
         tr("Connections each login may have at once (1 to %1; default %2)")
             .arg(ServerSetup::MaxConnectionLimit)
             .arg(ServerSetup::DefaultConnectionLimit)},
        {QStringLiteral("statement-timeout"), QStringLiteral("DURATION"),
         tr("Cancel each login's statements after this long (1500ms, 60s, 5min, 1h; 100ms to "
            "24h; default %1)")
             .arg(ServerSetup::defaultStatementTimeout())},
        {QStringLiteral("harden-server"), QString(),
         tr("Hide the other sessions' activity from every role of this database (changes "
            "catalogue grants; see CLI.md)")},
    };
    setup.together = {{QStringLiteral("admin"), QStringLiteral("name")}};
    setup.example =
        QStringLiteral("certdesk-cli --db postgresql://postgres@db.example.org/certdesk "
                       "setup --admin ada@example.org --name 'Ada Lovelace'");
    setup.needsActor = false;
    setup.createsDatabase = true;
    setup.handler = &CliSetupCommands::setup;
    return setup;
}

QList<CommandSpec> CliSetupCommands::commands()
{
    return {initCommand(), demoCommand(), settingsCommand(), templatesCommand(), setupCommand()};
}

int CliSetupCommands::setupOptions(Cli &cli, const Invocation &args, ServerSetupOptions *options)
{
    options->adminEmail = args.value(QStringLiteral("admin"));
    options->adminName = args.value(QStringLiteral("name"));
    options->loginPrefix = args.value(QStringLiteral("login-prefix"));
    options->hardenServer = args.has(QStringLiteral("harden-server"));
    // Malformed values are refused before anything is opened (exit 1, as for
    // every value that has to be looked at).
    if (args.has(QStringLiteral("connection-limit"))) {
        bool ok = false;
        const QString text = args.value(QStringLiteral("connection-limit"));
        options->connectionLimit = text.trimmed().toInt(&ok);
        if (!ok || !ServerSetup::checkConnectionLimit(options->connectionLimit).isEmpty())
            return cli.refuse(tr("--connection-limit \"%1\" is not a number of connections: give "
                                 "a whole number from 1 to %2.")
                                  .arg(text)
                                  .arg(ServerSetup::MaxConnectionLimit));
    }
    if (args.has(QStringLiteral("statement-timeout"))) {
        options->statementTimeout = args.value(QStringLiteral("statement-timeout"));
        if (const QString e = ServerSetup::checkStatementTimeout(options->statementTimeout);
            !e.isEmpty())
            return cli.refuse(e);
    }
    return Cli::Done;
}

void CliSetupCommands::printSetupReport(Cli &cli, const ServerSetupReport &report)
{
    if (cli.json()) {
        cli.printJson(QJsonObject{
            {QStringLiteral("location"), cli.locationName()},
            {QStringLiteral("schema_version"), report.schemaAfter},
            {QStringLiteral("previous_schema_version"), report.schemaBefore},
            {QStringLiteral("roles"), QJsonObject{{QStringLiteral("owner"), report.roles.owner},
                                                  {QStringLiteral("member"), report.roles.member},
                                                  {QStringLiteral("relay"), report.roles.relay}}},
            {QStringLiteral("login_prefix"), report.loginPrefix},
            {QStringLiteral("connection_limit"), report.connectionLimit},
            {QStringLiteral("statement_timeout"), report.statementTimeout},
            {QStringLiteral("hardened"), report.hardened},
            {QStringLiteral("logins_updated"), report.loginsUpdated},
            {QStringLiteral("admin"),
             report.admin ? QJsonValue(QJsonObject{{QStringLiteral("email"), report.admin->email},
                                                   {QStringLiteral("name"), report.admin->name},
                                                   {QStringLiteral("login"), report.adminLogin}})
                          : QJsonValue()},
        });
        return;
    }
    cli.print(tr("%1 is ready for CertDesk (schema version %2, was %3).")
                  .arg(cli.locationName())
                  .arg(report.schemaAfter)
                  .arg(report.schemaBefore));
    cli.print(tr("Roles: %1 owns the schema and cannot log in; every person's login is in %2; "
                 "email relays log in with a role in %3.")
                  .arg(report.roles.owner, report.roles.member, report.roles.relay));
    cli.print(tr("Each login may have %1 connections at once; its statements are cancelled "
                 "after %2 (existing logins changed now: %3).")
                  .arg(report.connectionLimit)
                  .arg(report.statementTimeout)
                  .arg(report.loginsUpdated));
    cli.print(report.hardened
                  ? tr("Large objects and the other sessions' activity (pg_stat_activity, "
                       "pg_locks, the statistics views) are hidden from the database's roles "
                       "(--harden-server).")
                  : tr("Large objects are taken away from the database's roles; the other "
                       "sessions' activity stays visible to them (see --harden-server)."));
    if (report.admin)
        cli.print(tr("Added the first platform admin %1, who signs in with the login %2.")
                      .arg(CliFormat::person(report.admin->name, report.admin->email),
                           report.adminLogin));
}

int CliSetupCommands::setup(Cli &cli, const Invocation &args)
{
    ServerSetupOptions options;
    if (const int rc = setupOptions(cli, args, &options); rc != Cli::Done)
        return rc;
    if (!cli.databaseExists() || !cli.isPostgres())
        return cli.refuse(tr("setup prepares a shared PostgreSQL database (--db "
                             "postgresql://SUPERUSER@HOST/DBNAME); a SQLite file needs only "
                             "'certdesk-cli init'."));
    if (!options.adminEmail.isEmpty()) {
        if (const QString e = DirectoryService::checkEmail(options.adminEmail); !e.isEmpty())
            return cli.refuse(e);
        if (const QString e = DirectoryService::checkName(options.adminName); !e.isEmpty())
            return cli.refuse(e);
    }
    if (const int rc = cli.openForSetup(false); rc != Cli::Done)
        return rc;
    if (!options.adminEmail.isEmpty()) {
        if (cli.db().schemaVersion() > 0 && cli.db().hasUsers())
            return cli.refuse(tr("%1 already has users, so its first platform admin exists: run "
                                 "setup without --admin.")
                                  .arg(cli.locationName()));
        QString error;
        const auto typed =
            PasswordPrompt::read(tr("New password for %1: ").arg(options.adminEmail), true, &error);
        if (!typed)
            return cli.refuse(error);
        options.adminPassword = *typed;
        if (const QString e = DirectoryService::checkPassword(options.adminPassword); !e.isEmpty())
            return cli.refuse(e);
    }
    const auto report = ServerSetup::run(cli.db(), options);
    if (!report)
        return cli.refuse(report.error());
    printSetupReport(cli, report.value());
    return Cli::Done;
}

void CliSetupCommands::printInit(Cli &cli, int before, int after, const std::optional<User> &admin)
{
    const QString action = before == 0      ? QStringLiteral("created")
                           : before < after ? QStringLiteral("upgraded")
                                            : QStringLiteral("unchanged");
    if (cli.json()) {
        cli.printJson(QJsonObject{
            {QStringLiteral("location"), cli.locationName()},
            {QStringLiteral("action"), action},
            {QStringLiteral("schema_version"), after},
            {QStringLiteral("previous_schema_version"), before},
            {QStringLiteral("admin"),
             admin ? QJsonValue(CliFormat::user(cli, *admin)) : QJsonValue()},
        });
        return;
    }
    if (before == 0)
        cli.print(tr("Created the CertDesk schema (version %1) in %2.")
                      .arg(after)
                      .arg(cli.locationName()));
    else if (before < after)
        cli.print(tr("Upgraded %1 from schema version %2 to %3.")
                      .arg(cli.locationName())
                      .arg(before)
                      .arg(after));
    else
        cli.print(tr("%1 is up to date (schema version %2); nothing to do.")
                      .arg(cli.locationName())
                      .arg(after));
    if (admin)
        cli.print(tr("Added the first platform admin %1.")
                      .arg(CliFormat::person(admin->name, admin->email)));
}

int CliSetupCommands::init(Cli &cli, const Invocation &args)
{
    const bool withAdmin = args.has(QStringLiteral("admin"));
    const QString email = args.value(QStringLiteral("admin"));
    const QString name = args.value(QStringLiteral("name"));
    // Bad input is refused before anything is created.
    if (withAdmin) {
        if (const QString e = DirectoryService::checkEmail(email); !e.isEmpty())
            return cli.refuse(e);
        if (const QString e = DirectoryService::checkName(name); !e.isEmpty())
            return cli.refuse(e);
    }
    // A new SQLite file is created only once the password is known.
    const bool exists = cli.databaseExists();
    if (exists) {
        if (const int rc = cli.openForSetup(false); rc != Cli::Done)
            return rc;
        if (withAdmin && cli.db().schemaVersion() > 0 && cli.db().hasUsers())
            return cli.refuse(tr("%1 already has users, so its first platform admin exists: add "
                                 "people with 'certdesk-cli --as ADMIN user add'.")
                                  .arg(cli.locationName()));
    }
    QString password;
    if (withAdmin) {
        QString error;
        const auto typed =
            PasswordPrompt::read(tr("New password for %1: ").arg(email), true, &error);
        if (!typed)
            return cli.refuse(error);
        password = *typed;
        if (const QString e = DirectoryService::checkPassword(password); !e.isEmpty())
            return cli.refuse(e);
    }
    if (!exists) {
        if (const int rc = cli.openForSetup(true); rc != Cli::Done)
            return rc;
    }
    Database &db = cli.db();
    const int before = db.schemaVersion();
    if (before < Database::latestSchemaVersion()) {
        if (const Status migrated = db.migrate(); !migrated)
            return cli.refuse(migrated.error());
    }
    const int after = db.schemaVersion();
    std::optional<User> admin;
    if (withAdmin) {
        const auto created = cli.session().directory().createFirstAdmin(email, name, password);
        if (!created)
            return cli.refuse(created.error());
        admin = created.value();
    }

    printInit(cli, before, after, admin);
    return Cli::Done;
}

int CliSetupCommands::demo(Cli &cli, const Invocation &)
{
    if (const int rc = cli.openForSetup(true); rc != Cli::Done)
        return rc;
    Database &db = cli.db();
    const int before = db.schemaVersion();
    if (before > 0 && db.hasUsers())
        return cli.refuse(tr("%1 already has users: 'demo' fills only an empty database (give "
                             "a new file with --db).")
                              .arg(cli.locationName()));
    if (before < Database::latestSchemaVersion()) {
        if (const Status migrated = db.migrate(); !migrated)
            return cli.refuse(migrated.error());
    }
    const auto summary = DemoData::fill(db);
    if (!summary)
        return cli.refuse(summary.error());
    const DemoData::Summary &s = summary.value();
    if (cli.json()) {
        cli.printJson(QJsonObject{
            {QStringLiteral("location"), cli.locationName()},
            {QStringLiteral("groups"), s.groups},
            {QStringLiteral("users"), s.users},
            {QStringLiteral("templates"), s.templates},
            {QStringLiteral("certificates"), s.certificates},
            {QStringLiteral("tasks"), s.tasks},
            {QStringLiteral("admin_email"), DemoData::adminEmail()},
            {QStringLiteral("password"), DemoData::password()},
            {QStringLiteral("mail_folder"), DemoData::mailFolder(db.location())},
        });
        return Cli::Done;
    }
    cli.print(tr("Filled %1 with demo data: %2 groups, %3 users, %4 templates, %5 certificates "
                 "(%6 validation tasks).")
                  .arg(cli.locationName())
                  .arg(s.groups)
                  .arg(s.users)
                  .arg(s.templates)
                  .arg(s.certificates)
                  .arg(s.tasks));
    cli.print(tr("Sign in as %1 with the password \"%2\" (every demo user has it).")
                  .arg(DemoData::adminEmail(), DemoData::password()));
    cli.print(tr("Its emails are written into %1 as .eml files (mail.transport folder).")
                  .arg(QDir::toNativeSeparators(DemoData::mailFolder(db.location()))));
    return Cli::Done;
}

int CliSetupCommands::settings(Cli &cli, const Invocation &args)
{
    SettingsService &service = cli.session().settings();
    const QString key = args.positional(0);
    if (args.positionals.size() == 2) {
        const auto updated = service.set(cli.actorId(), key, args.positional(1));
        if (!updated)
            return cli.refuse(updated.error());
        if (cli.json())
            cli.printJson(CliFormat::setting(updated.value(), key));
        else
            cli.print(tr("%1 is now %2.").arg(key, updated->value(key)));
        return Cli::Done;
    }
    const auto current = service.settings();
    if (!current)
        return cli.refuse(current.error());
    if (!key.isEmpty()) {
        if (!PlatformSettings::keys().contains(key))
            return cli.refuse(tr("Unknown setting \"%1\". Known settings: %2.")
                                  .arg(key, PlatformSettings::keys().join(QStringLiteral(", "))));
        if (cli.json())
            cli.printJson(CliFormat::setting(current.value(), key));
        else
            cli.print(current->value(key));
        return Cli::Done;
    }
    QJsonArray list;
    TextTable table({tr("KEY"), tr("VALUE"), tr("DESCRIPTION")});
    for (const QString &k : PlatformSettings::keys()) {
        list.append(CliFormat::setting(current.value(), k));
        table.addRow({k, current->value(k), PlatformSettings::describe(k)});
    }
    if (cli.json())
        cli.printJson(list);
    else
        cli.printTable(table, QString());
    return Cli::Done;
}

int CliSetupCommands::templates(Cli &cli, const Invocation &)
{
    DirectoryService &directory = cli.session().directory();
    const auto templates = directory.templates();
    if (!templates)
        return cli.refuse(templates.error());
    QJsonArray list;
    TextTable table({tr("ID"), tr("NAME"), tr("VALIDITY"), tr("DESCRIPTION")});
    for (const CertificateTemplate &t : templates.value()) {
        list.append(CliFormat::certificateTemplate(t));
        table.addRow({QString::number(t.id), t.name,
                      t.validityMonths == 1  ? tr("1 month")
                      : t.validityMonths > 1 ? tr("%1 months").arg(t.validityMonths)
                                             : tr("does not expire"),
                      CliFormat::orDash(t.description)});
    }
    if (cli.json())
        cli.printJson(list);
    else
        cli.printTable(table, tr("No certificate templates."));
    return Cli::Done;
}
