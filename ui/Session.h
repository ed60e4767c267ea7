#pragma once

#include "CertificateService.h"
#include "ConnectionWatch.h"
#include "Database.h"
#include "DirectoryService.h"
#include "NotificationService.h"
#include "Policy.h"
#include "Result.h"
#include "ReviewService.h"
#include "SettingsService.h"

#include <QCoreApplication>

#include <memory>

// A signed-in person and their open database, with the services the pages
// call. Created by signIn(); the main window owns it, and signing out
// destroys it (closing the connection).
class Session
{
    Q_DECLARE_TR_FUNCTIONS(Session)

public:
    // Opens the database (upgrading an older schema; a missing SQLite file is
    // not created) and checks the email and password.
    static Result<std::unique_ptr<Session>> signIn(const DatabaseLocation &location,
                                                   const QString &email, const QString &password);
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

    // Notices a lost connection to a PostgreSQL server and reconnects (null
    // on SQLite, where there is nothing to lose).
    ConnectionWatch *connectionWatch() const { return m_watch.get(); }
    // A service call failed: the watch looks whether the connection is gone
    // (whatever the error's kind: the Policy reads a failed lookup of the
    // user as "account unknown", a Refused error). Returns whether it is.
    bool noteFailure(const Error &error);
    bool isConnectionLost() const { return m_watch && m_watch->isLost(); }

private:
    Session(std::unique_ptr<Database> db, User user);

    // Declared first, destroyed last: the services hold connections to it.
    std::unique_ptr<Database> m_db;
    User m_user;
    Policy m_policy;
    DirectoryService m_directory;
    CertificateService m_certificates;
    ReviewService m_reviews;
    NotificationService m_notifications;
    SettingsService m_settings;
    // Last: goes before the services and the database.
    std::unique_ptr<ConnectionWatch> m_watch;
};
