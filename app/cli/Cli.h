#pragma once

// certdesk-cli: the scriptable face of CertDesk's services. A PUBLIC
// interface: scripts depend on its commands, options, JSON keys and exit
// codes; change them only by adding. The full reference is app/cli/CLI.md.
//
//   certdesk-cli [--db LOCATION] [--as EMAIL] [--json] COMMAND [ARGS]
//
// Global options may come before or after the command. --db: a SQLite file
// path or postgresql://user@host:port/dbname (else $CERTDESK_DB, else
// DatabaseLocation::defaultSqlitePath()). --as: the acting user; the password
// comes from $CERTDESK_PASSWORD, else a prompt without echo on a terminal,
// else one line read from stdin.
//
// The commands, and what each needs and writes: CLI.md "Commands" (one
// table, kept there only); `certdesk-cli help` prints them from the
// command definitions.
//
// Exit status. The line between 1 and 2: what the parser can tell from the
// shape of the command line alone is a usage error (2); anything that needs
// the value looked at or the database asked is a refusal (1).
//   0  done.
//   1  refused: a rule says no, a value is malformed ("2025-13-40", a task
//      id that is not a number, an unknown role, an empty --name), a file
//      cannot be read or is not an acceptable PDF, the user or group does not
//      exist, the password is wrong, the database cannot be opened or is not
//      initialised, someone else acted first. Exactly one line on stderr,
//      "certdesk-cli: <what and why>", nothing on stdout, nothing written.
//   2  usage: unknown command or option, a missing argument or required
//      option (--name absent), a flag given a value, options that exclude
//      each other, --as missing for a command that needs it. One line
//      "certdesk-cli: <message>" then "Try 'certdesk-cli [COMMAND] --help'.".
//
// Output: lists print an aligned table (header row, two spaces between
// columns) or, with --json, an array of objects with snake_case keys; single
// results print one sentence or, with --json, one object. Keys per object
// are listed in CLI.md ("JSON output") and built in CliFormat.

#include "CommandLine.h"
#include "core/Domain.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonValue>

#include <memory>
#include <optional>

class Session;
class TextTable;

// The certificate field options that resubmit and review share: --name,
// --delivered, --expires, --no-expiry, --template, --no-template. Unset: the
// option was not given (the field stays as it is).
struct FieldEdits
{
    std::optional<QString> name;
    std::optional<QDate> delivered;
    std::optional<QDate> expires; // a null date removes the expiration
    std::optional<Id> templateId; // 0 removes the association

    // Into a request with the same four fields (ResubmitRequest, ReviewDecision).
    template <typename Request> void applyTo(Request &request) const
    {
        request.name = name;
        request.delivered = delivered;
        request.expires = expires;
        request.templateId = templateId;
    }
};

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    enum ExitCode
    {
        Done = 0,
        Refused = 1,
        Usage = 2
    };

    Cli();
    ~Cli();
    Cli(const Cli &) = delete;
    Cli &operator=(const Cli &) = delete;

    // args: without the program name. Returns the exit status.
    int run(const QStringList &args);
    // Whether args name a command that renders PDFs, so that main() creates
    // a QGuiApplication only then (its platform plugin costs time and may
    // print warnings without a session). Callable before any application.
    static bool needsGuiApplication(const QStringList &args);

    // --- for the commands ---------------------------------------------------
    const Invocation &invocation() const { return m_invocation; }
    bool json() const { return m_invocation.json; }
    Database &db();
    // The services over the open database (after the database is open, as
    // for every command that names one); actor() is who acts (after --as or
    // the server's login), an empty User for a command that acts as nobody.
    Session &session() { return *m_session; }
    Id actorId() const { return actor().id; }
    const User &actor() const;
    QString locationName() const;

    // init and demo: opens without migrating (the command decides), creating
    // a missing SQLite file when create is set. Returns an exit status.
    int openForSetup(bool create);
    // False only for a SQLite file that does not exist yet.
    bool databaseExists() const;
    bool isPostgres() const { return m_location.isPostgres(); }

    // Output on stdout (UTF-8, one trailing newline).
    void print(const QString &text);
    void printJson(const QJsonValue &value);
    // The table, or emptyMessage when it has no rows.
    void printTable(const TextTable &table, const QString &emptyMessage);
    // A progress line on stderr, for long runs (generate).
    void progress(const QString &line);

    // A usage error found by a command itself (exit 2, with the hint).
    int usage(const QString &message) { return usageError(message); }
    // One line on stderr, "certdesk-cli: ..."; returns Refused.
    int refuse(const QString &message);
    int refuse(const Error &error) { return refuse(error.message); }

    // Option values; a malformed one is bad input (exit 1), so these set
    // *error to a readable message.
    std::optional<QDate> dateOption(const QString &option, QString *error) const;
    std::optional<double> numberOption(const QString &option, QString *error) const;
    // The FieldEdits options of this invocation; a malformed date or an
    // unknown template name is a readable *error.
    std::optional<FieldEdits> fieldEdits(QString *error);
    // A user by address, as a readable error when there is none.
    Result<User> userByEmail(const QString &email);
    // Email of a user id, looked up once per run; empty for 0.
    QString emailOf(Id user);
    // The platform's expiry.soon-days, read once per run (the default when
    // the settings cannot be read).
    int expirySoonDays();

private:
    static QList<CommandSpec> allCommands();
    int usageError(const QString &message);
    QString globalHelp() const;
    QString commandHelp(const CommandSpec &command) const;
    int showHelp();
    int openDatabase();
    int signIn();
    int signInAsLogin();
    void write(FILE *stream, const QString &text);

    Invocation m_invocation;
    std::unique_ptr<CommandLine> m_parser;
    std::unique_ptr<Session> m_session;
    DatabaseLocation m_location;
    QHash<Id, QString> m_emails;
    std::optional<int> m_soonDays;
};
