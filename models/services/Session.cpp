#include "services/Session.h"

Session::Session(std::unique_ptr<Database> db, User user, bool watchConnection)
    : m_db(std::move(db)), m_user(std::move(user)), m_policy(m_db->connection()),
      m_directory(*m_db), m_certificates(*m_db), m_reviews(*m_db), m_notifications(*m_db),
      m_settings(*m_db), m_compliance(*m_db)
{
    if (watchConnection && m_db->isPostgres()) {
        m_watch = std::make_unique<ConnectionWatch>(*m_db);
        // The timer's pings and the reconnect attempts wait on a connection
        // of their own, never on the window's thread.
        m_watch->setBackground(&background());
    }
}

bool Session::noteFailure(const Error &error)
{
    if (!m_watch || error.kind == ErrorKind::None)
        return false;
    // One SELECT 1 after a failed call costs nothing next to the call.
    return error.kind == ErrorKind::Storage ? m_watch->noteFailure(error) : m_watch->check();
}

Session::~Session() = default;

BackgroundReads &Session::background()
{
    if (!m_background)
        m_background = std::make_unique<BackgroundReads>(m_db->location());
    return *m_background;
}

std::unique_ptr<Session> Session::over(std::unique_ptr<Database> db)
{
    return std::unique_ptr<Session>(new Session(std::move(db), User(), false));
}

Result<std::unique_ptr<Session>> Session::signIn(const DatabaseLocation &location,
                                                 const QString &email, const QString &password)
{
    Database::Options options;
    options.migrate = true;
    // A typing mistake in a path must not leave an empty database behind.
    options.create = false;
    // A shared server named without a login (postgresql://host/dbname): the
    // person signs in with their own PostgreSQL login and password.
    DatabaseLocation target = location;
    const bool ownLogin = location.isPostgres() && location.user().isEmpty();
    if (ownLogin) {
        target.setUser(email.trimmed());
        target.setPassword(password);
    }
    auto opened = Database::open(target, options);
    if (!opened && ownLogin) {
        // Say what the server said, in words a person reads (the details,
        // such as an unreachable host, stay as they are).
        const QString message = opened.message();
        if (message.contains(QLatin1String("password authentication failed")) ||
            message.contains(QLatin1String("no password supplied")))
            return makeError(ErrorKind::Refused,
                             tr("The server refused the login %1: the login or the password is "
                                "wrong.")
                                 .arg(email.trimmed()));
        if (message.contains(QLatin1String("not permitted to log in")))
            return makeError(ErrorKind::Refused,
                             tr("The server refused the login %1: it is disabled (a deleted "
                                "user). Ask an admin to restore it.")
                                 .arg(email.trimmed()));
    }
    if (!opened) {
        if (opened.kind() == ErrorKind::NotFound && !location.isPostgres())
            return makeError(ErrorKind::NotFound,
                             opened.message() + QLatin1Char(' ') +
                                 tr("Choose another database with \"Change…\", or create this "
                                    "one with: certdesk-cli --db \"%1\" init")
                                     .arg(location.displayName()));
        return opened.error();
    }
    std::unique_ptr<Database> db = std::move(opened.value());
    if (!db->hasUsers())
        return makeError(ErrorKind::Refused,
                         tr("This database has no users yet. Add the first platform admin with: "
                            "certdesk-cli --db \"%1\" init --admin EMAIL --name NAME")
                             .arg(location.displayName()));
    DirectoryService directory(*db);
    if (db->isSecured()) {
        // The server knows who this is: the login of the connection.
        const Id id = db->serverUserId();
        const auto user = id > 0 ? directory.user(id) : Result<User>(Error{});
        if (!user)
            return makeError(ErrorKind::Refused,
                             tr("The login %1 is not an active CertDesk user of %2: ask a "
                                "platform admin to add you.")
                                 .arg(target.user(), location.displayName()));
        return std::unique_ptr<Session>(new Session(std::move(db), user.value(), true));
    }
    auto user = directory.signIn(email, password);
    if (!user)
        return user.error();
    return std::unique_ptr<Session>(new Session(std::move(db), user.value(), true));
}
