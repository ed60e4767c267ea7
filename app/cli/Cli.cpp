#include "Cli.h"

#include "CliCertificateCommands.h"
#include "CliComplianceCommands.h"
#include "CliDirectoryCommands.h"
#include "CliExportCommands.h"
#include "CliGenerateCommands.h"
#include "CliMailCommands.h"
#include "CliReminderCommands.h"
#include "CliReviewCommands.h"
#include "CliSetupCommands.h"
#include "PasswordPrompt.h"
#include "TextTable.h"
#include "services/DirectoryService.h"
#include "services/Session.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cstdio>

namespace {
const char *const kDbVariable = "CERTDESK_DB";

QString program()
{
    return QStringLiteral("certdesk-cli");
}

// Two aligned columns for the help: "  --name NAME   The certificate's name".
QString columns(const QList<QPair<QString, QString>> &rows)
{
    int width = 0;
    for (const auto &row : rows)
        width = qMax(width, TextTable::displayWidth(row.first));
    QString out;
    for (const auto &row : rows) {
        out += QStringLiteral("  ") + row.first;
        if (!row.second.isEmpty())
            out += QString(width - TextTable::displayWidth(row.first) + 3, QLatin1Char(' ')) +
                   row.second;
        out += QLatin1Char('\n');
    }
    return out;
}

// stderr gets exactly one line per refusal, whatever the message holds.
// Other control characters (escape sequences) are shown as U+FFFD.
QString oneLine(QString text)
{
    static const QRegularExpression breaks(QStringLiteral("\\s*[\\r\\n\\x{2028}\\x{2029}]+\\s*"));
    static const QRegularExpression controls(QStringLiteral("\\p{Cc}"));
    return text.replace(breaks, QStringLiteral(" "))
        .replace(controls, QString(QChar(0xFFFD)))
        .trimmed();
}
} // namespace

Cli::Cli() = default;
Cli::~Cli() = default;

bool Cli::needsGuiApplication(const QStringList &args)
{
    const CommandLine parser(allCommands());
    Invocation invocation;
    QString error;
    return parser.parse(args, &invocation, &error) && !invocation.help && !invocation.version &&
           invocation.command && invocation.command->rendersPdfs;
}

QList<CommandSpec> Cli::allCommands()
{
    return CliSetupCommands::commands() + CliDirectoryCommands::commands() +
           CliCertificateCommands::commands() + CliReviewCommands::commands() +
           CliMailCommands::commands() + CliReminderCommands::commands() +
           CliComplianceCommands::commands() + CliExportCommands::commands() +
           CliGenerateCommands::commands();
}

int Cli::run(const QStringList &args)
{
    m_parser = std::make_unique<CommandLine>(allCommands());
    QString error;
    if (!m_parser->parse(args, &m_invocation, &error))
        return usageError(error);
    if (m_invocation.help)
        return showHelp();
    if (m_invocation.version) {
        print(program() + QLatin1Char(' ') + QStringLiteral(CERTDESK_VERSION));
        return Done;
    }
    // Every date rule reads today from one place (README "Expiry"): a
    // $CERTDESK_TODAY that is not a date would be ignored, so it is refused.
    if (const QString problem = Domain::todayOverrideProblem(); !problem.isEmpty())
        return usageError(problem);
    const CommandSpec &command = *m_invocation.command;
    if (!command.needsDatabase)
        return command.handler(*this, m_invocation);
    const QString dbText =
        m_invocation.dbGiven ? m_invocation.db : qEnvironmentVariable(kDbVariable);
    // On PostgreSQL the acting user may be the connection's login (checked
    // once the database is open); on SQLite --as names them.
    const bool maybeServer = dbText.trimmed().startsWith(QLatin1String("postgres"));
    if (command.needsActor && !m_invocation.actorGiven && !maybeServer)
        return usageError(tr("'%1' acts as a user: add --as EMAIL (the password comes from %2 "
                             "or a prompt).")
                              .arg(command.name, PasswordPrompt::environmentVariable()));

    const QString text = m_invocation.dbGiven ? m_invocation.db : qEnvironmentVariable(kDbVariable);
    if (m_invocation.dbGiven && text.trimmed().isEmpty())
        return refuse(tr("--db is empty: give a SQLite file path or a "
                         "postgresql://user@host:port/dbname URL."));
    QString locationError;
    m_location = DatabaseLocation::parse(text, &locationError);
    if (!locationError.isEmpty())
        return refuse(locationError);

    if (!command.createsDatabase) {
        if (const int rc = openDatabase(); rc != Done)
            return rc;
    }
    if (command.needsActor) {
        if (const int rc = db().isSecured() ? signInAsLogin() : signIn(); rc != Done)
            return rc;
    }
    return command.handler(*this, m_invocation);
}

Database &Cli::db()
{
    return m_session->database();
}

const User &Cli::actor() const
{
    static const User nobody;
    return m_session ? m_session->user() : nobody;
}

QString Cli::locationName() const
{
    return m_location.displayName();
}

int Cli::openDatabase()
{
    Database::Options options;
    options.migrate = false;
    options.create = false;
    // A person's own PostgreSQL login: their password may come as for --as.
    if (m_location.isPostgres() && m_location.password().isEmpty() &&
        qEnvironmentVariableIsEmpty("PGPASSWORD") &&
        !qEnvironmentVariableIsEmpty(PasswordPrompt::environmentVariable().toLatin1().constData()))
        m_location.setPassword(
            qEnvironmentVariable(PasswordPrompt::environmentVariable().toLatin1().constData()));
    auto opened = Database::open(m_location, options);
    if (!opened) {
        if (opened.kind() == ErrorKind::NotFound)
            return refuse(tr("There is no database at %1: create one with 'certdesk-cli --db %1 "
                             "init' (or 'demo').")
                              .arg(locationName()));
        return refuse(opened.error());
    }
    m_session = Session::over(std::move(opened.value()));
    const int version = db().schemaVersion();
    if (version == 0)
        return refuse(tr("%1 has no CertDesk data yet: run 'certdesk-cli --db %1 init' (or "
                         "'demo') first.")
                          .arg(locationName()));
    if (version < Database::latestSchemaVersion())
        return refuse(tr("%1 has schema version %2 and this certdesk-cli needs version %3: run "
                         "'certdesk-cli --db %1 init' to upgrade it; nothing was changed.")
                          .arg(locationName())
                          .arg(version)
                          .arg(Database::latestSchemaVersion()));
    return Done;
}

bool Cli::databaseExists() const
{
    return m_location.isPostgres() || QFileInfo::exists(m_location.path());
}

int Cli::openForSetup(bool create)
{
    Database::Options options;
    options.migrate = false;
    options.create = create;
    auto opened = Database::open(m_location, options);
    if (!opened)
        return refuse(opened.error());
    m_session = Session::over(std::move(opened.value()));
    return Done;
}

int Cli::signInAsLogin()
{
    // On a server prepared by setup, who acts is the login of the
    // connection, never a name the client sends.
    if (m_invocation.actorGiven)
        return usageError(tr("On this PostgreSQL server you act as the login of the connection "
                             "(the user in the --db URL); --as is refused."));
    const auto user = session().directory().user(db().serverUserId());
    if (!user)
        return refuse(tr("The login %1 is not an active CertDesk user of %2.")
                          .arg(m_location.user(), locationName()));
    session().actAs(user.value());
    return Done;
}

int Cli::signIn()
{
    if (!m_invocation.actorGiven)
        return usageError(
            tr("'%1' acts as a user: add --as EMAIL (the password comes from %2 "
               "or a prompt).")
                .arg(m_invocation.command->name, PasswordPrompt::environmentVariable()));
    QString error;
    const auto password = PasswordPrompt::read(
        tr("Password for %1 on %2: ").arg(m_invocation.actor, locationName()), false, &error);
    if (!password)
        return refuse(error);
    const auto user = session().directory().signIn(m_invocation.actor, *password);
    if (!user)
        return refuse(user.error());
    session().actAs(user.value());
    return Done;
}

void Cli::write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void Cli::print(const QString &text)
{
    write(stdout, text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'));
}

void Cli::printJson(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    print(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
}

void Cli::progress(const QString &line)
{
    write(stderr, oneLine(line) + QLatin1Char('\n'));
}

void Cli::printTable(const TextTable &table, const QString &emptyMessage)
{
    print(table.rowCount() == 0 ? emptyMessage : table.render());
}

int Cli::refuse(const QString &message)
{
    write(stderr, program() + QStringLiteral(": ") + oneLine(message) + QLatin1Char('\n'));
    return Refused;
}

int Cli::usageError(const QString &message)
{
    const QString hint = m_invocation.command
                             ? tr("Try '%1 %2 --help'.").arg(program(), m_invocation.command->name)
                             : tr("Try '%1 --help'.").arg(program());
    write(stderr, program() + QStringLiteral(": ") + oneLine(message) + QLatin1Char('\n') + hint +
                      QLatin1Char('\n'));
    return Usage;
}

std::optional<QDate> Cli::dateOption(const QString &option, QString *error) const
{
    if (!m_invocation.has(option))
        return QDate();
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString value = m_invocation.value(option).trimmed();
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (!shape.match(value).hasMatch() || !date.isValid()) {
        *error =
            tr("--%1 \"%2\" is not a date: write it as YYYY-MM-DD, for example %3.")
                .arg(option, m_invocation.value(option), Domain::today().toString(Qt::ISODate));
        return std::nullopt;
    }
    return date;
}

std::optional<FieldEdits> Cli::fieldEdits(QString *error)
{
    FieldEdits edits;
    if (m_invocation.has(QStringLiteral("name")))
        edits.name = m_invocation.value(QStringLiteral("name"));
    const auto delivered = dateOption(QStringLiteral("delivered"), error);
    if (!delivered)
        return std::nullopt;
    if (delivered->isValid())
        edits.delivered = *delivered;
    const auto expires = dateOption(QStringLiteral("expires"), error);
    if (!expires)
        return std::nullopt;
    if (expires->isValid())
        edits.expires = *expires;
    if (m_invocation.has(QStringLiteral("no-expiry")))
        edits.expires = QDate();
    if (m_invocation.has(QStringLiteral("template"))) {
        const auto found =
            session().directory().templateByName(m_invocation.value(QStringLiteral("template")));
        if (!found) {
            *error = found.error().message;
            return std::nullopt;
        }
        edits.templateId = found->id;
    }
    if (m_invocation.has(QStringLiteral("no-template")))
        edits.templateId = Id(0);
    return edits;
}

std::optional<double> Cli::numberOption(const QString &option, QString *error) const
{
    bool ok = false;
    const QString value = m_invocation.value(option);
    const double number = QLocale::c().toDouble(value.trimmed(), &ok);
    if (!ok) {
        *error = tr("--%1 \"%2\" is not a number: write it like 2 or 1.5.").arg(option, value);
        return std::nullopt;
    }
    return number;
}

Result<User> Cli::userByEmail(const QString &email)
{
    auto user = session().directory().userByEmail(email);
    if (user)
        m_emails.insert(user->id, user->email);
    return user;
}

QString Cli::emailOf(Id user)
{
    if (user <= 0)
        return {};
    if (!m_emails.contains(user)) {
        const auto found = session().directory().user(user);
        m_emails.insert(user, found ? found->email : QString());
    }
    return m_emails.value(user);
}

int Cli::expirySoonDays()
{
    if (!m_soonDays) {
        const auto settings = session().settings().settings();
        m_soonDays = settings ? settings->expirySoonDays : Domain::DefaultExpiringSoonDays;
    }
    return *m_soonDays;
}

int Cli::showHelp()
{
    const QString &group = m_invocation.helpGroup;
    if (m_invocation.command) {
        print(commandHelp(*m_invocation.command));
    } else if (!group.isEmpty()) {
        QStringList parts;
        for (const CommandSpec &c : m_parser->commands()) {
            if (c.name.startsWith(group + QLatin1Char(' ')))
                parts << commandHelp(c);
        }
        print(parts.join(QLatin1Char('\n')));
    } else {
        print(globalHelp());
    }
    return Done;
}

QString Cli::globalHelp() const
{
    QList<QPair<QString, QString>> commandRows;
    for (const CommandSpec &c : m_parser->commands())
        commandRows.append({c.name, c.summary});
    const QList<QPair<QString, QString>> optionRows = {
        {QStringLiteral("--db LOCATION"),
         tr("SQLite file or postgresql://user@host:port/dbname (default: $%1, else %2)")
             .arg(QLatin1String(kDbVariable), DatabaseLocation::defaultSqlitePath())},
        {QStringLiteral("--as EMAIL"), tr("Act as this user; password from $%1, else asked")
                                           .arg(PasswordPrompt::environmentVariable())},
        {QStringLiteral("--json"), tr("Print JSON instead of text")},
        {QStringLiteral("-h, --help"),
         tr("Show this help ('certdesk-cli help COMMAND' for one command)")},
        {QStringLiteral("--version"), tr("Show the version")},
    };
    return tr("Usage: %1 [--db LOCATION] [--as EMAIL] [--json] COMMAND [ARGS]").arg(program()) +
           QStringLiteral("\n\n") +
           tr("CertDesk from the command line: the same rules and services as the desktop "
              "application, for scripts and administrators.") +
           QStringLiteral("\n\n") + tr("Commands:") + QLatin1Char('\n') + columns(commandRows) +
           QLatin1Char('\n') + tr("Global options (before or after the command):") +
           QLatin1Char('\n') + columns(optionRows) + QLatin1Char('\n') +
           tr("Exit status: 0 done; 1 refused (one line on stderr says why; nothing was "
              "written); 2 usage error.") +
           QLatin1Char('\n');
}

QString Cli::commandHelp(const CommandSpec &c) const
{
    QString text =
        tr("Usage: %1 [GLOBAL OPTIONS] %2 %3").arg(program(), c.name, c.synopsis).trimmed() +
        QStringLiteral("\n\n") + c.summary + QLatin1Char('\n');
    if (!c.description.isEmpty())
        text += QLatin1Char('\n') + c.description + QLatin1Char('\n');
    if (!c.options.isEmpty()) {
        QList<QPair<QString, QString>> rows;
        for (const OptionSpec &o : c.options)
            rows.append(
                {QString(QStringLiteral("--") + o.name + QLatin1Char(' ') + o.valueName).trimmed(),
                 o.help});
        text += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n') + columns(rows);
    }
    if (c.needsActor)
        text += QLatin1Char('\n') + tr("Needs --as EMAIL (the acting user).") + QLatin1Char('\n');
    if (!c.example.isEmpty())
        text += QLatin1Char('\n') + tr("Example:") + QLatin1Char('\n') + QStringLiteral("  ") +
                c.example + QLatin1Char('\n');
    return text;
}
