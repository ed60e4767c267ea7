#pragma once

#include "core/Result.h"
#include "storage/Database.h"

#include <QCoreApplication>

// Fills an empty database with a believable organisation (see README "Demo
// users"): groups, ~30 users of every role, templates, and certificates in
// every state, each with a generated certificate PDF. Passwords are "demo".
// Its emails go to a folder beside the database (mail.transport folder,
// README "Email"), so that they are delivered, as files, without a server.
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    struct Summary
    {
        int groups = 0;
        int users = 0;
        int templates = 0;
        int certificates = 0;
        int tasks = 0;
    };
    static Result<Summary> fill(Database &db);
    static QString adminEmail() { return QStringLiteral("admin@demo.example"); }
    static QString password() { return QStringLiteral("demo"); }
    static QString mailFrom() { return QStringLiteral("CertDesk <certdesk@demo.example>"); }
    // The demo's mail.folder, absolute: <folder of the file>/<name>-mail for
    // a SQLite file; for a PostgreSQL database, <database name>-mail in this
    // user's CertDesk data folder.
    static QString mailFolder(const DatabaseLocation &location);
};
