#pragma once

#include "core/Result.h"
#include "policy/Policy.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/ComplianceService.h"
#include "services/DirectoryService.h"
#include "services/NotificationService.h"
#include "services/ReviewService.h"
#include "storage/BackgroundReads.h"
#include "storage/ConnectionWatch.h"
#include "storage/Database.h"

#include <QCoreApplication>

#include <memory>

// A signed-in person and their open database, with the services the pages
// and the commands call. The GUI creates it with signIn(); the main window
// owns it, and signing out destroys it (closing the connection).
// certdesk-cli creates it with over() and says who acts with actAs().
class Session
{
    Q_DECLARE_TR_FUNCTIONS(Session)

public:
    // Opens the database (upgrading an older schema; a missing SQLite file is
    // not created) and checks the email and password.
    static Result<std::unique_ptr<Session>> signIn(const DatabaseLocation &location,
                                                   const QString &email, const QString &password);
    // The services over a database opened by the caller, for a program that
    // decides itself who acts (certdesk-cli: --as and a password, or the
    // server's login): nobody acts (userId() 0) until actAs(). No connection
    // watch: a command that loses the server fails and exits.
    static std::unique_ptr<Session> over(std::unique_ptr<Database> db);
    void actAs(const User &user) { m_user = user; }
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    const User &user() const { return m_user; }
    Id userId() const { return m_user.id; }
    Database &database() { return *m_db; }

    const Policy &policy() const { return m_policy; }
    DirectoryService &directory() { return m_directory; }
    CertificateService &certificates() { return m_certificates; }
    ReviewService &reviews() { return m_reviews; }
    NotificationService &notifications() { return m_notifications; }
    SettingsService &settings() { return m_settings; }
    ComplianceService &compliance() { return m_compliance; }
    // Reads that may take a while, on a connection of their own (counts and
    // totals the window shows without waiting); made on first use.
    BackgroundReads &background();

    // Notices a lost connection to a PostgreSQL server and reconnects (null
    // on SQLite, where there is nothing to lose).
    ConnectionWatch *connectionWatch() const { return m_watch.get(); }
    // A service call failed: the watch looks whether the connection is gone
    // (whatever the error's kind: the Policy reads a failed lookup of the
    // user as "account unknown", a Refused error). Returns whether it is.
    bool noteFailure(const Error &error);
    bool isConnectionLost() const { return m_watch && m_watch->isLost(); }

private:
    Session(std::unique_ptr<Database> db, User user, bool watchConnection);

    // Declared first, destroyed last: the services hold connections to it.
    std::unique_ptr<Database> m_db;
    User m_user;
    Policy m_policy;
    DirectoryService m_directory;
    CertificateService m_certificates;
    ReviewService m_reviews;
    NotificationService m_notifications;
    SettingsService m_settings;
    ComplianceService m_compliance;
    // Last: goes before the services and the database.
    std::unique_ptr<BackgroundReads> m_background;
    // Goes first: it may have a read waiting on m_background.
    std::unique_ptr<ConnectionWatch> m_watch;
};
