#pragma once

// Shared by the certdesk-cli tests (tests/cli/tst_*.cpp). Runs the real
// binary against a TestDatabase and gives the helpers those tests need: a
// small organisation made through the services, generated PDFs, and row
// counts to prove that a refusal wrote nothing.

#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/DirectoryService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;

    QStringList errLines() const { return err.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    // For QVERIFY2 messages.
    QByteArray describe() const;
};

// Keys of the JSON objects, as CLI.md documents them.
QStringList sortedKeys(const QJsonObject &object);
QStringList sorted(QStringList list);

class CliFixture
{
public:
    static QString adminEmail() { return QStringLiteral("admin@test.example"); }
    static QString leadEmail() { return QStringLiteral("lead@test.example"); }
    static QString learnerEmail() { return QStringLiteral("learner@test.example"); }
    static QString outsiderEmail() { return QStringLiteral("outsider@test.example"); }
    static QString password() { return QStringLiteral("secret-pw"); }

    explicit CliFixture(const QString &backend);

    bool isValid() const { return m_db->isValid() && m_files.isValid(); }
    QString error() const { return m_db->error(); }
    TestDatabase &database() { return *m_db; }
    QString location() const { return m_db->location(); }
    QString filePath(const QString &name) const { return m_files.filePath(name); }

    // Runs certdesk-cli --db <this database> args. password: the value of
    // CERTDESK_PASSWORD (null: unset). input: what stdin receives.
    CliRun run(const QStringList &args, const QString &password = QString(),
               const QByteArray &input = QByteArray(), bool withDb = true) const;
    CliRun as(const QString &email, const QStringList &args) const;

    // A platform admin, groups Team and Other; Lee Lead administers Team;
    // Lin Learner (Team learner, managed by Lee); Oz Outsider (Other).
    // Import switched on, validation off, reviewers = group admins.
    bool makeOrganisation();

    // A real one-page certificate PDF; the title makes its bytes unique.
    QByteArray certificatePdf(const QString &title) const;
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    QString pdfFile(const QString &title) const;

    // Rows in every table an import or a review writes to.
    QMap<QString, qint64> counts() const;
    QString setting(const QString &key) const;

private:
    bool fail(const QString &message);

    std::unique_ptr<TestDatabase> m_db;
    QTemporaryDir m_files;
    Id m_adminId = 0;
};
