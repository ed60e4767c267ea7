#pragma once

#include "core/Result.h"
#include "services/GeneratedCertificates.h"
#include "storage/Database.h"

#include <QCoreApplication>

#include <functional>

struct GeneratorOptions
{
    int people = 0;
    qint64 certificates = 0;
    qint64 pending = 0; // open validation tasks, at most certificates
    quint64 seed = 0;
};

// A person `generate` names in its report, for benchmarks and tests.
struct GeneratedWellKnown
{
    QString role; // "platform-admin", "heavy-holder", …
    QString email;
    Id id = 0;
    qint64 certificates = 0;
    qint64 openTasks = 0; // routed to them
};

struct GeneratorReport
{
    int groups = 0;
    int people = 0;
    int deletedPeople = 0;
    int managers = 0;
    int coaches = 0;
    int groupAdmins = 0;
    int templates = 0;
    int requirements = 0;
    int pdfs = 0;
    int logins = 0; // on a server prepared by setup
    GeneratedCounts counts;
    qint64 maxCertificatesPerPerson = 0;
    qint64 medianCertificatesPerPerson = 0;
    QList<GeneratedWellKnown> wellKnown;
    double seconds = 0;
    qint64 rows = 0; // every row written, logins not counted
};

// `certdesk-cli generate` (CLI.md "generate"): fills an empty database with a
// large, believable organisation for benchmarks — GeneratedOrganisation's
// people and groups, GeneratedCertificates' certificates, tasks and
// notifications, templates, requirements and the platform's switches, and a
// small set of real PDFs (CertificatePdf) that the certificates share by
// title, stored once each by their SHA-256 as every PDF is. Written in
// batches, one transaction each, with BulkInsert. Every person's password is
// password(), hashed once (SQLite) or set once and its verifier reused for
// every login (a server prepared by setup, where the generator runs as the
// database administrator, as setup does).
class Generator
{
    Q_DECLARE_TR_FUNCTIONS(Generator)

public:
    static constexpr quint64 DefaultSeed = 20261202;
    static constexpr qint64 MaxCertificates = 20000000;
    static QString password() { return QStringLiteral("generated"); }

    // A line for stderr now and then (at most about once a second).
    using Progress = std::function<void(const QString &line)>;

    // Needs a QGuiApplication (the PDFs are rendered with fonts).
    static Result<GeneratorReport> run(Database &db, const GeneratorOptions &options,
                                       const Progress &progress);
};
