#include "services/Generator.h"

#include "pdf/CertificatePdf.h"
#include "services/GeneratorLogins.h"
#include "services/PasswordHasher.h"
#include "storage/BulkInsert.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace {
using T = BulkInsert::Type;

// Certificates per transaction, with their tasks and notifications.
constexpr qint64 kBatchCertificates = 50000;
constexpr int kBatchPeople = 20000;

struct TitleSpec
{
    const char *name;
    const char *issuer;
    int validityMonths;
};

// Templates (R6) first, then courses with no internal template.
const TitleSpec kTemplates[] = {
    {"First Aid at Work", "St John Ambulance", 36},
    {"Fire Safety Awareness", "SafeWork Academy", 12},
    {"GDPR Essentials", "IAPP", 24},
    {"Forklift Operator", "RTITB", 60},
    {"Project Management Professional", "PMI", 36},
    {"Advanced Excel", "LinkedIn Learning", 0},
    {"Working at Height", "SafeWork Academy", 12},
    {"Manual Handling", "Red Cross", 36},
    {"Information Security Awareness", "Northwind Learning", 12},
    {"Food Hygiene Level 2", "Highfield", 36},
    {"Electrical Safety", "City & Guilds", 24},
    {"Anti-Bribery Compliance", "Northwind Learning", 24},
};
const TitleSpec kCourses[] = {
    {"AWS Certified Cloud Practitioner", "Amazon Web Services", 36},
    {"Scrum Master (PSM I)", "Scrum.org", 0},
    {"Kubernetes Administrator (CKA)", "The Linux Foundation", 24},
    {"Google Analytics Certification", "Google", 12},
    {"Salesforce Administrator", "Salesforce", 0},
    {"Prince2 Foundation", "AXELOS", 0},
    {"ISTQB Foundation Level", "ISTQB", 0},
    {"Cisco CCNA", "Cisco", 36},
    {"ITIL 4 Foundation", "AXELOS", 0},
    {"Negotiation Skills", "Harvard Online", 0},
    {"Leadership Essentials", "INSEAD", 0},
    {"Public Speaking Masterclass", "Toastmasters", 0},
    {"Customer Success Fundamentals", "Gainsight", 0},
    {"Dutch for Business (B2)", "Goethe-Institut", 0},
    {"Microsoft Azure Fundamentals", "Microsoft", 0},
    {"Lean Six Sigma Green Belt", "ASQ", 36},
};

// The steps of one run, sharing the connection, the plan and the report.
class GeneratorRun
{
    Q_DECLARE_TR_FUNCTIONS(Generator)

public:
    GeneratorRun(Database &db, const GeneratorOptions &options, Generator::Progress progress)
        : m_db(db), m_options(options), m_progress(std::move(progress)),
          m_now(QDateTime(Domain::today(), QTime(7, 0), Qt::UTC))
    {
        m_clock.start();
    }

    Result<GeneratorReport> run();

private:
    Status checkEmpty();
    Status inTransaction(const std::function<bool(QString *)> &write);
    bool writePlatform(QString *error);
    bool writePeople(int from, int to, QString *error);
    bool writeTitles(QString *error);
    // By the platform admin, once they exist.
    bool writeSettings(QString *error);
    Status writeCertificates();
    bool finishPostgres(QString *error);
    void say(const QString &line, bool always);
    void fillReport();

    Database &m_db;
    GeneratorOptions m_options;
    Generator::Progress m_progress;
    QDateTime m_now;
    QElapsedTimer m_clock;
    qint64 m_lastSaid = 0;
    GeneratedOrganisation m_org;
    GeneratorLogins m_logins;
    QList<GeneratedTitle> m_titles;
    GeneratorReport m_report;
    QString m_passwordHash;
    int m_soonDays = Domain::DefaultExpiringSoonDays;
};

Status GeneratorRun::checkEmpty()
{
    QString error;
    QSqlQuery q = Sql::run(m_db.connection(),
                           QStringLiteral("SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) "
                                          "FROM groups) + (SELECT COUNT(*) FROM "
                                          "certificate_templates) + (SELECT COUNT(*) FROM "
                                          "certificates)"),
                           {}, &error);
    if (!error.isEmpty() || !q.next())
        return makeError(ErrorKind::Storage, error);
    if (q.value(0).toLongLong() > 0)
        return makeError(ErrorKind::Refused,
                         tr("This database is not empty (it has users, groups, templates or "
                            "certificates): generate fills only an empty database; nothing was "
                            "written."));
    q = Sql::run(m_db.connection(),
                 QStringLiteral("SELECT value FROM settings WHERE key = 'expiry.soon-days'"), {},
                 &error);
    if (q.next() && q.value(0).toInt() > 0)
        m_soonDays = q.value(0).toInt();
    return Done{};
}

Status GeneratorRun::inTransaction(const std::function<bool(QString *)> &write)
{
    Transaction tx(m_db.connection());
    if (!tx.isActive())
        return makeError(ErrorKind::Storage, tx.error());
    QString error;
    // On a prepared server the per-row triggers of the tables written in bulk
    // are left out of the generator's transactions (inside each: whatever
    // happens, they are back at its end). For the database administrator
    // the check triggers answer "trusted" and check nothing (cd_trusted in
    // resources/pgsql/security.sql), but ask it of every row; the history
    // triggers are left out as the generator writes no history on SQLite
    // either. Constraints and foreign keys still hold every row.
    const auto history = [&](const char *action) {
        if (!m_db.isSecured())
            return true;
        for (const auto &[table, trigger] :
             {std::pair{"groups", "cd_audit"}, std::pair{"users", "cd_audit"},
              std::pair{"users", "cd_check"}, std::pair{"memberships", "cd_audit"},
              std::pair{"memberships", "cd_check"}, std::pair{"certificate_templates", "cd_audit"},
              std::pair{"group_requirements", "cd_audit"}, std::pair{"settings", "cd_audit"},
              std::pair{"certificates", "cd_audit"}, std::pair{"certificates", "cd_check"},
              std::pair{"validation_tasks", "cd_check"}, std::pair{"task_reviewers", "cd_audit"},
              std::pair{"task_reviewers", "cd_check"}})
            Sql::run(m_db.connection(),
                     QStringLiteral("ALTER TABLE %1 %2 TRIGGER %3")
                         .arg(QLatin1String(table), QLatin1String(action), QLatin1String(trigger)),
                     {}, &error);
        return error.isEmpty();
    };
    if (!history("DISABLE") || !write(&error) || !history("ENABLE") || !tx.commit())
        return makeError(ErrorKind::Storage, tr("generate failed after %1 certificates: %2")
                                                 .arg(m_report.counts.certificates)
                                                 .arg(error.isEmpty() ? tx.error() : error));
    return Done{};
}

void GeneratorRun::say(const QString &line, bool always)
{
    const qint64 now = m_clock.elapsed();
    if (!m_progress || (!always && now - m_lastSaid < 1000))
        return;
    m_lastSaid = now;
    m_progress(line);
}

bool GeneratorRun::writeTitles(QString *error)
{
    BulkInsert templates(m_db, QStringLiteral("certificate_templates"),
                         {{QStringLiteral("id"), T::BigInt},
                          {QStringLiteral("name"), T::Text},
                          {QStringLiteral("description"), T::Text},
                          {QStringLiteral("validity_months"), T::Integer},
                          {QStringLiteral("created_at"), T::Timestamp}});
    QSqlQuery blob(m_db.connection());
    blob.prepare(QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, "
                                "created_at) VALUES (?, ?, 1, ?, ?)"));
    const auto add = [&](const TitleSpec &spec, Id templateId) {
        GeneratedTitle title{QString::fromUtf8(spec.name), QString::fromUtf8(spec.issuer),
                             templateId, spec.validityMonths, QString()};
        // One real PDF per title, shared by every certificate of that title
        // (README "Rules", Duplicates: its bytes are stored once).
        CertificatePdfContent content;
        content.title = title.name;
        content.holder = tr("Sample Holder");
        content.issuer = title.issuer;
        content.delivered = QDate(2024, 1, 15);
        content.reference =
            QStringLiteral("GEN-%1").arg(m_titles.size() + 1, 4, 10, QLatin1Char('0'));
        const QByteArray pdf = CertificatePdf::render(content);
        if (pdf.isEmpty()) {
            *error = tr("the sample PDFs could not be rendered (no fonts?).");
            return false;
        }
        title.pdfSha256 =
            QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
        if (!Sql::exec(blob, {title.pdfSha256, qint64(pdf.size()), pdf, m_now}, error))
            return false;
        if (templateId > 0)
            templates.add({templateId, title.name, tr("Generated template (%1)").arg(title.issuer),
                           spec.validityMonths > 0 ? QVariant(spec.validityMonths) : QVariant(),
                           m_now});
        m_titles.append(title);
        return true;
    };
    for (const TitleSpec &spec : kTemplates) {
        if (!add(spec, Id(m_titles.size()) + 1))
            return false;
    }
    for (const TitleSpec &spec : kCourses) {
        if (!add(spec, 0))
            return false;
    }
    m_report.templates = int(std::size(kTemplates));
    m_report.pdfs = int(m_titles.size());
    return templates.flush(error);
}

bool GeneratorRun::writePlatform(QString *error)
{
    BulkInsert groups(m_db, QStringLiteral("groups"),
                      {{QStringLiteral("id"), T::BigInt},
                       {QStringLiteral("name"), T::Text},
                       {QStringLiteral("parent_id"), T::BigInt},
                       {QStringLiteral("created_at"), T::Timestamp}});
    for (const GeneratedGroup &g : std::as_const(m_org.groups))
        groups.add({g.id, g.parentId == 0 && g.id == 1 ? tr("Platform") : g.name,
                    g.parentId > 0 ? QVariant(g.parentId) : QVariant(), m_now});
    return groups.flush(error) && writeTitles(error);
}

bool GeneratorRun::writeSettings(QString *error)
{
    // The platform's switches as a benchmark wants them (as the demo's):
    // import on (R1), validation on (R2), managers review (R3), credits on.
    QSqlQuery setting(m_db.connection());
    setting.prepare(QStringLiteral("UPDATE settings SET value = ?, updated_at = ?, updated_by = ? "
                                   "WHERE key = ?"));
    for (const auto &[key, value] :
         {std::pair{"import.enabled", "on"}, std::pair{"validation.required", "on"},
          std::pair{"validation.reviewers", "managers"}, std::pair{"credits.enabled", "on"}}) {
        if (!Sql::exec(setting,
                       {QString::fromLatin1(value), m_now, Id(1), QString::fromLatin1(key)}, error))
            return false;
    }
    return true;
}

bool GeneratorRun::writePeople(int from, int to, QString *error)
{
    BulkInsert users(m_db, QStringLiteral("users"),
                     {{QStringLiteral("id"), T::BigInt},
                      {QStringLiteral("email"), T::Text},
                      {QStringLiteral("name"), T::Text},
                      {QStringLiteral("manager_id"), T::BigInt},
                      {QStringLiteral("deleted"), T::Boolean},
                      {QStringLiteral("language"), T::Text},
                      {QStringLiteral("db_login"), T::Text},
                      {QStringLiteral("created_at"), T::Timestamp},
                      {QStringLiteral("updated_at"), T::Timestamp}});
    BulkInsert credentials(m_db, QStringLiteral("user_credentials"),
                           {{QStringLiteral("user_id"), T::BigInt},
                            {QStringLiteral("password_hash"), T::Text},
                            {QStringLiteral("updated_at"), T::Timestamp}});
    BulkInsert memberships(m_db, QStringLiteral("memberships"),
                           {{QStringLiteral("user_id"), T::BigInt},
                            {QStringLiteral("group_id"), T::BigInt},
                            {QStringLiteral("role"), T::Text}});
    const bool secured = m_db.isSecured();
    for (int i = from; i < to; ++i) {
        const GeneratedPerson &p = m_org.people.at(i);
        users.add({p.id, p.email, p.name, p.managerId > 0 ? QVariant(p.managerId) : QVariant(),
                   p.deleted, p.language,
                   secured ? QVariant(m_logins.loginFor(p.email)) : QVariant(), m_now, m_now});
        // On a prepared server passwords are the logins' (README "R5 on
        // PostgreSQL"); elsewhere CertDesk checks them, one hash for all.
        if (!secured)
            credentials.add({p.id, m_passwordHash, m_now});
        memberships.add({p.id, p.groupId, Domain::roleKey(p.role)});
    }
    if (!users.flush(error) || !credentials.flush(error) || !memberships.flush(error))
        return false;
    if (secured && !m_logins.create(m_org.people.mid(from, to - from), error))
        return false;
    if (from == 0) {
        // Requirements, by the platform admin (README "Rules", Requirements):
        // each division one of the first three templates, every fifth
        // department the Forklift Operator.
        BulkInsert requirements(m_db, QStringLiteral("group_requirements"),
                                {{QStringLiteral("group_id"), T::BigInt},
                                 {QStringLiteral("template_id"), T::BigInt},
                                 {QStringLiteral("created_at"), T::Timestamp},
                                 {QStringLiteral("created_by"), T::BigInt}});
        for (qsizetype d = 0; d < m_org.divisionIds.size(); ++d)
            requirements.add({m_org.divisionIds.at(d), Id(1 + d % 3), m_now, Id(1)});
        for (qsizetype d = 0; d < m_org.departmentIds.size(); d += 5)
            requirements.add({m_org.departmentIds.at(d), Id(4), m_now, Id(1)});
        m_report.requirements = int(requirements.pending());
        if (!requirements.flush(error) || !writeSettings(error))
            return false;
    }
    return true;
}

Status GeneratorRun::writeCertificates()
{
    GeneratedCertificates certificates(m_db, m_titles, m_options.seed, Domain::today(), m_soonDays);
    const QLocale c = QLocale::c();
    qsizetype next = 0;
    while (next < m_org.people.size()) {
        Status batch = inTransaction([&](QString *error) {
            while (next < m_org.people.size() && certificates.buffered() < kBatchCertificates)
                certificates.addPerson(m_org.people.at(next++));
            return certificates.flush(error);
        });
        m_report.counts = certificates.counts();
        if (!batch)
            return batch;
        const double seconds = double(m_clock.elapsed()) / 1000.0;
        say(tr("generate: %1 of %2 certificates, %3 s")
                .arg(c.toString(m_report.counts.certificates), c.toString(m_options.certificates),
                     QString::number(seconds, 'f', 1)),
            false);
    }
    return Done{};
}

bool GeneratorRun::finishPostgres(QString *error)
{
    // Ids were given by us: the identity sequences go on after them.
    for (const char *table : {"groups", "users", "certificate_templates", "certificates",
                              "validation_tasks", "notifications"}) {
        const QString t = QString::fromLatin1(table);
        Sql::run(m_db.connection(),
                 QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                "GREATEST((SELECT MAX(id) FROM %1), 1))")
                     .arg(t),
                 {}, error);
        if (!error->isEmpty())
            return false;
    }
    return true;
}

Result<GeneratorReport> GeneratorRun::run()
{
    if (const Status empty = checkEmpty(); !empty)
        return empty.error();
    if (m_db.isSecured()) {
        if (const Status ok = m_logins.prepare(m_db); !ok)
            return ok.error();
    }
    m_org = GeneratedOrganisation::plan(m_options.people, m_options.certificates, m_options.pending,
                                        m_options.seed);
    if (m_db.isSecured()) {
        if (const Status free = m_logins.checkFree(m_org.people); !free)
            return free.error();
    } else {
        m_passwordHash = PasswordHasher::hash(Generator::password());
    }
    say(tr("generate: %1 people in %2 groups planned")
            .arg(m_org.people.size())
            .arg(m_org.groups.size()),
        false);
    if (const Status ok = inTransaction([&](QString *error) { return writePlatform(error); }); !ok)
        return ok.error();
    for (int from = 0; from < m_org.people.size(); from += kBatchPeople) {
        const int to = qMin(int(m_org.people.size()), from + kBatchPeople);
        if (const Status ok =
                inTransaction([&](QString *error) { return writePeople(from, to, error); });
            !ok)
            return ok.error();
        say(tr("generate: %1 of %2 people").arg(to).arg(m_org.people.size()), false);
    }
    if (const Status ok = writeCertificates(); !ok)
        return ok.error();
    if (m_db.isPostgres()) {
        if (const Status ok = inTransaction([&](QString *error) { return finishPostgres(error); });
            !ok)
            return ok.error();
    }
    fillReport();
    return m_report;
}

void GeneratorRun::fillReport()
{
    m_report.groups = int(m_org.groups.size());
    m_report.people = int(m_org.people.size());
    m_report.logins = m_logins.created();
    QHash<Id, qint64> openTasks;
    QSet<Id> managers;
    QList<qint64> perPerson;
    perPerson.reserve(m_org.people.size());
    for (const GeneratedPerson &p : std::as_const(m_org.people)) {
        m_report.deletedPeople += p.deleted ? 1 : 0;
        m_report.coaches += p.role == Role::Coach ? 1 : 0;
        m_report.groupAdmins += p.role == Role::Admin && p.groupId != 1 ? 1 : 0;
        if (p.managerId > 0)
            managers.insert(p.managerId);
        for (const Id r : p.reviewers)
            openTasks[r] += p.pending;
        perPerson.append(p.certificates);
    }
    m_report.managers = int(managers.size());
    std::sort(perPerson.begin(), perPerson.end());
    m_report.maxCertificatesPerPerson = perPerson.isEmpty() ? 0 : perPerson.last();
    m_report.medianCertificatesPerPerson =
        perPerson.isEmpty() ? 0 : perPerson.at(perPerson.size() / 2);
    for (const auto &[role, email] :
         {std::pair{"platform-admin", GeneratedOrganisation::adminEmail()},
          std::pair{"heavy-holder", GeneratedOrganisation::heavyHolderEmail()},
          std::pair{"busy-reviewer", GeneratedOrganisation::busyReviewerEmail()},
          std::pair{"group-admin", GeneratedOrganisation::groupAdminEmail()},
          std::pair{"coach", GeneratedOrganisation::coachEmail()},
          std::pair{"learner", GeneratedOrganisation::learnerEmail()}}) {
        const QString wanted = email;
        const auto found =
            std::find_if(m_org.people.cbegin(), m_org.people.cend(),
                         [&wanted](const GeneratedPerson &p) { return p.email == wanted; });
        if (found != m_org.people.cend())
            m_report.wellKnown.append({QString::fromLatin1(role), email, found->id,
                                       found->certificates, openTasks.value(found->id)});
    }
    m_report.rows = m_report.counts.rows() + m_report.groups + 2LL * m_report.people +
                    (m_db.isSecured() ? 0 : m_report.people) + m_report.templates +
                    m_report.requirements + m_report.pdfs;
    m_report.seconds = double(m_clock.elapsed()) / 1000.0;
}
} // namespace

Result<GeneratorReport> Generator::run(Database &db, const GeneratorOptions &options,
                                       const Progress &progress)
{
    GeneratorRun run(db, options, progress);
    return run.run();
}
