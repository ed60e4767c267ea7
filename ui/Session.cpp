#include "Session.h"

Session::Session(std::unique_ptr<Database> db, User user)
    : m_db(std::move(db)), m_user(std::move(user)), m_policy(m_db->connection()),
      m_directory(*m_db), m_certificates(*m_db), m_reviews(*m_db), m_notifications(*m_db),
      m_settings(*m_db)
{}

Session::~Session() = default;

Result<std::unique_ptr<Session>> Session::signIn(const DatabaseLocation &location,
                                                 const QString &email, const QString &password)
{
    Database::Options options;
    options.migrate = true;
    // A typing mistake in a path must not leave an empty database behind.
    options.create = false;
    auto opened = Database::open(location, options);
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
    auto user = directory.signIn(email, password);
    if (!user)
        return user.error();
    return std::unique_ptr<Session>(new Session(std::move(db), user.value()));
}
