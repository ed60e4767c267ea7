#include "services/DemoData.h"

#include "pdf/CertificatePdf.h"
#include "pdf/PdfSigner.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/ComplianceService.h"
#include "services/DirectoryService.h"
#include "services/ReviewService.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

namespace {
struct DemoUser
{
    const char *email;
    const char *name;
    const char *manager; // email, or nullptr
    QList<QPair<const char *, Role>> groups;
};

struct DemoCertificate
{
    const char *owner;
    const char *name;
    const char *issuer;
    int deliveredDaysAgo;
    int validDays;            // 0: does not expire; negative: expired that many days ago
    const char *templateName; // or nullptr
    double credits;           // 0: none
    enum Outcome
    {
        Accepted,
        Pending,
        Validated,
        Rejected,
        Internal
    } outcome;
    const char *comment; // reviewer's comment for validated / rejected
    // The name printed on the PDF when it is not the owner's (the reviewer's
    // "name on the PDF" signal); nullptr: the owner's.
    const char *holder = nullptr;
    // What the reviewer's signals find on the PDF besides its text.
    enum Extra
    {
        Plain,
        QrCode, // a QR code linking to the issuer's verification page
        Signed  // digitally signed by the issuer (a self-signed, untrusted signer)
    } extra = Plain;
};

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// The organisation (README "Demo users" describes it).
const QList<DemoUser> kDemoUsers = {
    {"priya.natarajan@demo.example", "Priya Natarajan", nullptr, {{"Platform", Role::Admin}}},
    {"sofia.rossi@demo.example", "Sofia Rossi", nullptr, {{"Sales", Role::Admin}}},
    {"lukas.weber@demo.example",
     "Lukas Weber",
     "sofia.rossi@demo.example",
     {{"Sales EMEA", Role::Admin}}},
    {"hana.kobayashi@demo.example", "Hana Kobayashi", nullptr, {{"Engineering", Role::Admin}}},
    {"omar.haddad@demo.example", "Omar Haddad", nullptr, {{"Operations", Role::Admin}}},
    {"chloe.dubois@demo.example",
     "Chloé Dubois",
     "lukas.weber@demo.example",
     {{"Sales EMEA", Role::Coach}}},
    {"mateo.garcia@demo.example",
     "Mateo García",
     "hana.kobayashi@demo.example",
     {{"Engineering", Role::Coach}}},
    {"maria.schmidt@demo.example",
     "Maria Schmidt",
     "lukas.weber@demo.example",
     {{"Sales EMEA", Role::Learner}}},
    {"david.okafor@demo.example",
     "David Okafor",
     "hana.kobayashi@demo.example",
     {{"Engineering", Role::Learner}}},
    {"jonas.berg@demo.example",
     "Jonas Berg",
     "omar.haddad@demo.example",
     {{"Operations", Role::Learner}}},
    {"emma.wilson@demo.example",
     "Emma Wilson",
     "maria.schmidt@demo.example",
     {{"Sales EMEA", Role::Learner}}},
    {"liam.oconnor@demo.example",
     "Liam O'Connor",
     "maria.schmidt@demo.example",
     {{"Sales EMEA", Role::Learner}}},
    {"yasmin.haddad@demo.example",
     "Yasmin Haddad",
     "maria.schmidt@demo.example",
     {{"Sales Benelux", Role::Learner}}},
    {"noah.fischer@demo.example", "Noah Fischer", nullptr, {{"Sales Benelux", Role::Learner}}},
    {"sanne.devries@demo.example",
     "Sanne de Vries",
     "maria.schmidt@demo.example",
     {{"Sales Benelux", Role::Learner}}},
    {"lucas.martin@demo.example",
     "Lucas Martin",
     "sofia.rossi@demo.example",
     {{"Sales", Role::Learner}}},
    {"aiko.tanaka@demo.example",
     "Aiko Tanaka",
     "david.okafor@demo.example",
     {{"Engineering", Role::Learner}}},
    {"ben.carter@demo.example",
     "Ben Carter",
     "david.okafor@demo.example",
     {{"Engineering", Role::Learner}}},
    {"fatima.zahra@demo.example",
     "Fatima Zahra",
     "david.okafor@demo.example",
     {{"Engineering", Role::Learner}}},
    {"ravi.kumar@demo.example",
     "Ravi Kumar",
     "david.okafor@demo.example",
     {{"Engineering", Role::Learner}}},
    {"olga.petrova@demo.example",
     "Olga Petrova",
     "hana.kobayashi@demo.example",
     {{"Engineering", Role::Learner}}},
    {"kwame.mensah@demo.example",
     "Kwame Mensah",
     "jonas.berg@demo.example",
     {{"Operations", Role::Learner}}},
    {"ines.costa@demo.example",
     "Inês Costa",
     "jonas.berg@demo.example",
     {{"Operations", Role::Learner}}},
    {"tomasz.nowak@demo.example",
     "Tomasz Nowak",
     "jonas.berg@demo.example",
     {{"Operations", Role::Learner}}},
    {"grace.lee@demo.example",
     "Grace Lee",
     "omar.haddad@demo.example",
     {{"Operations", Role::Learner}}},
    {"ahmed.nasser@demo.example",
     "Ahmed Nasser",
     "omar.haddad@demo.example",
     {{"Operations", Role::Learner}}},
    {"julia.novak@demo.example",
     "Julia Novak",
     "sofia.rossi@demo.example",
     {{"Sales", Role::Learner}}},
    {"pierre.lambert@demo.example",
     "Pierre Lambert",
     "lukas.weber@demo.example",
     {{"Sales EMEA", Role::Learner}}},
    {"tom.becker@demo.example",
     "Tom Becker",
     "maria.schmidt@demo.example",
     {{"Sales EMEA", Role::Learner}}},
};

const QList<CertificateTemplate> &demoTemplates()
{
    static const QList<CertificateTemplate> templates = {
        {0, QStringLiteral("First Aid at Work"),
         QStringLiteral("Workplace first aid, three-day course"), 36},
        {0, QStringLiteral("Fire Safety Awareness"), QStringLiteral("Annual fire safety refresher"),
         12},
        {0, QStringLiteral("GDPR Essentials"), QStringLiteral("Data protection for staff"), 24},
        {0, QStringLiteral("Forklift Operator"), QStringLiteral("Counterbalance forklift licence"),
         60},
        {0, QStringLiteral("Project Management Professional"),
         QStringLiteral("PMI's PMP credential"), 36},
        {0, QStringLiteral("Advanced Excel"), QStringLiteral("Spreadsheet modelling"), 0},
    };
    return templates;
}

using O = DemoCertificate;
const QList<DemoCertificate> &demoCertificates()
{
    static const QList<DemoCertificate> list = {
        // Accepted while validation was off.
        {"emma.wilson@demo.example", "Negotiation Skills", "Harvard Online", 400, 0, nullptr, 2,
         O::Accepted, nullptr},
        {"emma.wilson@demo.example", "First Aid at Work", "St John Ambulance", 1070, 1095,
         "First Aid at Work", 3, O::Accepted, nullptr},
        {"emma.wilson@demo.example", "Fire Safety Awareness", "SafeWork Academy", 380, -15,
         "Fire Safety Awareness", 1, O::Accepted, nullptr},
        {"liam.oconnor@demo.example", "Advanced Excel", "LinkedIn Learning", 200, 0,
         "Advanced Excel", 1.5, O::Accepted, nullptr},
        {"aiko.tanaka@demo.example", "AWS Certified Cloud Practitioner", "Amazon Web Services", 500,
         1095, nullptr, 4, O::Accepted, nullptr},
        {"kwame.mensah@demo.example", "Forklift Operator", "RTITB", 1800, 1825, "Forklift Operator",
         5, O::Accepted, nullptr},
        {"grace.lee@demo.example", "GDPR Essentials", "IAPP", 700, 730, "GDPR Essentials", 2,
         O::Accepted, nullptr},
        {"ben.carter@demo.example", "Scrum Master (PSM I)", "Scrum.org", 90, 0, nullptr, 3,
         O::Accepted, nullptr},
        {"julia.novak@demo.example", "Customer Success Fundamentals", "Gainsight", 60, 0, nullptr,
         0, O::Accepted, nullptr},
        // One at each default reminder threshold (README "Reminders"): 90,
        // 30 (several above), 7 days before expiry, and the expiry day.
        {"julia.novak@demo.example", "First Aid at Work", "Red Cross", 1005, 1095,
         "First Aid at Work", 3, O::Accepted, nullptr},
        {"ines.costa@demo.example", "Forklift Operator", "RTITB", 1818, 1825, "Forklift Operator",
         5, O::Accepted, nullptr},
        {"lucas.martin@demo.example", "GDPR Essentials", "IAPP", 730, 730, "GDPR Essentials", 2,
         O::Accepted, nullptr},
        // Internal certificates granted by the platform.
        {"emma.wilson@demo.example", "GDPR Essentials", "Northwind Learning", 150, 730,
         "GDPR Essentials", 2, O::Internal, nullptr},
        {"david.okafor@demo.example", "Project Management Professional", "Northwind Learning", 300,
         1095, "Project Management Professional", 6, O::Internal, nullptr},
        {"ines.costa@demo.example", "Fire Safety Awareness", "Northwind Learning", 340, 365,
         "Fire Safety Awareness", 1, O::Internal, nullptr},
        // Reviewed under validation.
        {"emma.wilson@demo.example", "Project Management Professional", "PMI", 120, 1095,
         "Project Management Professional", 6, O::Validated, "Checked against the PMI registry."},
        {"emma.wilson@demo.example", "Public Speaking Masterclass", "Toastmasters", 30, 0, nullptr,
         1, O::Rejected,
         "The PDF is a receipt, not the certificate: please upload the certificate itself."},
        {"yasmin.haddad@demo.example", "First Aid at Work", "Red Cross", 45, 1095,
         "First Aid at Work", 3, O::Validated, "Valid, thanks."},
        {"ravi.kumar@demo.example", "Kubernetes Administrator (CKA)", "The Linux Foundation", 710,
         730, nullptr, 4, O::Validated, "Looks good."},
        {"olga.petrova@demo.example", "Fire Safety Awareness", "SafeWork Academy", 355, 365,
         "Fire Safety Awareness", 1, O::Validated, "Renewal noted."},
        {"tomasz.nowak@demo.example", "Forklift Operator", "RTITB", 20, 1825, "Forklift Operator",
         5, O::Rejected, "The holder name does not match: please re-upload your own certificate."},
        {"sanne.devries@demo.example", "GDPR Essentials", "IAPP", 740, 730, "GDPR Essentials", 2,
         O::Validated, "OK."},
        // Waiting for a reviewer.
        {"emma.wilson@demo.example", "Google Analytics Certification", "Google", 10, 365, nullptr,
         1, O::Pending, nullptr, nullptr, DemoCertificate::QrCode},
        {"liam.oconnor@demo.example", "Salesforce Administrator", "Salesforce", 14, 0, nullptr, 3,
         O::Pending, nullptr},
        {"noah.fischer@demo.example", "Dutch for Business (B2)", "Goethe-Institut", 25, 0, nullptr,
         2, O::Pending, nullptr},
        {"aiko.tanaka@demo.example", "Certified Kubernetes Application Developer",
         "The Linux Foundation", 5, 1095, nullptr, 4, O::Pending, nullptr, nullptr,
         DemoCertificate::Signed},
        {"fatima.zahra@demo.example", "ISTQB Foundation Level", "ISTQB", 40, 0, nullptr, 2,
         O::Pending, nullptr},
        {"ahmed.nasser@demo.example", "First Aid at Work", "St John Ambulance", 8, 1095,
         "First Aid at Work", 3, O::Pending, nullptr},
        {"maria.schmidt@demo.example", "Leadership Essentials", "INSEAD", 50, 0, nullptr, 3,
         O::Pending, nullptr},
        {"pierre.lambert@demo.example", "Prince2 Foundation", "AXELOS", 18, 0, nullptr, 2,
         O::Pending, nullptr},
        // Someone else's certificate, sent by mistake: the name does not match.
        {"ben.carter@demo.example", "AWS Certified Cloud Practitioner", "Amazon Web Services", 6,
         1095, nullptr, 2, O::Pending, nullptr, "Benjamin Carver"},
        {"tom.becker@demo.example", "Fire Safety Awareness", "SafeWork Academy", 300, 365,
         "Fire Safety Awareness", 1, O::Accepted, nullptr},
    };
    return list;
}
} // namespace

namespace {
// Fills an empty database step by step through the services, as people would.
class DemoBuilder
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    explicit DemoBuilder(Database &db)
        : m_db(db), m_directory(db), m_settings(db), m_certificates(db), m_reviews(db)
    {}

    Status addPeople();
    Status addTemplatesAndSettings();
    // README "Email": the demo's emails become files beside the database.
    Status configureMail();
    // README "Rules", Requirements and compliance: two groups' requirements,
    // with gaps and lapses to see on the Compliance page.
    Status addRequirements();
    // Validation off: accepted at once (R2); internal ones granted.
    Status importAccepted();
    // Validation on: pending tasks routed to managers (R3), some reviewed.
    Status importReviewed();
    // A renewed chain and a revoked certificate (README "Rules", Renewal,
    // Revocation), validation still on.
    Status renewAndRevoke();
    // Tom Becker left the company: deleted, his results kept (R4).
    Status deleteLeaver()
    {
        return m_directory.deleteUser(m_admin,
                                      m_ids.value(QStringLiteral("tom.becker@demo.example")));
    }
    const DemoData::Summary &summary() const { return m_summary; }

private:
    Result<ImportOutcome> importOne(const DemoCertificate &dc, Id renews = 0);
    // Imported (renewing renews) and validated by its first reviewer.
    Result<ImportOutcome> importValidated(const DemoCertificate &dc, Id renews = 0);

    Database &m_db;
    DirectoryService m_directory;
    SettingsService m_settings;
    CertificateService m_certificates;
    ReviewService m_reviews;
    DemoData::Summary m_summary;
    Id m_admin = 0;
    QHash<QString, Id> m_ids;
    QHash<QString, Id> m_templateIds;
    int m_reference = 1000;
};

Status DemoBuilder::addPeople()
{
    const auto admin = m_directory.createFirstAdmin(
        DemoData::adminEmail(), QStringLiteral("Alex Morgan"), DemoData::password());
    if (!admin)
        return admin.error();
    m_admin = admin->id;
    m_summary.users = 1;
    m_summary.groups = 1;
    for (const auto &[name, parent] : QList<QPair<QString, QString>>{
             {QStringLiteral("Sales"), QString()},
             {QStringLiteral("Sales EMEA"), QStringLiteral("Sales")},
             {QStringLiteral("Sales Benelux"), QStringLiteral("Sales EMEA")},
             {QStringLiteral("Engineering"), QString()},
             {QStringLiteral("Operations"), QString()}}) {
        const auto g = m_directory.addGroup(m_admin, name, parent);
        if (!g)
            return g.error();
        ++m_summary.groups;
    }
    const QString platformGroup = m_directory.user(m_admin)->memberships.constFirst().groupName;
    m_ids.insert(DemoData::adminEmail(), m_admin);
    for (const DemoUser &du : kDemoUsers) {
        NewUser nu;
        nu.email = s(du.email);
        nu.name = s(du.name);
        nu.managerEmail = du.manager ? s(du.manager) : QString();
        nu.password = DemoData::password();
        nu.language = nu.email.startsWith(QLatin1String("chloe")) ||
                              nu.email.startsWith(QLatin1String("pierre"))
                          ? QStringLiteral("fr")
                          : QStringLiteral("en");
        for (const auto &[group, role] : du.groups)
            nu.memberships.append(
                {qstrcmp(group, "Platform") == 0 ? platformGroup : s(group), role});
        const auto u = m_directory.addUser(m_admin, nu);
        if (!u)
            return u.error();
        m_ids.insert(u->email, u->id);
        ++m_summary.users;
    }
    return Done{};
}

Status DemoBuilder::addTemplatesAndSettings()
{
    for (const CertificateTemplate &t : demoTemplates()) {
        const auto added =
            m_directory.addTemplate(m_admin, t.name, t.description, t.validityMonths);
        if (!added)
            return added.error();
        m_templateIds.insert(t.name, added->id);
        ++m_summary.templates;
    }
    for (const char *key : {"import.enabled", "credits.enabled"}) {
        if (const auto r = m_settings.set(m_admin, QString::fromLatin1(key), QStringLiteral("on"));
            !r)
            return r.error();
    }
    if (const auto r = m_settings.set(m_admin, QStringLiteral("validation.reviewers"),
                                      QStringLiteral("managers"));
        !r)
        return r.error();
    return Done{};
}

Status DemoBuilder::configureMail()
{
    const QList<QPair<QString, QString>> mail = {
        {QStringLiteral("mail.transport"), QStringLiteral("folder")},
        {QStringLiteral("mail.folder"), DemoData::mailFolder(m_db.location())},
        {QStringLiteral("mail.from"), DemoData::mailFrom()},
    };
    for (const auto &[key, value] : mail) {
        if (const auto r = m_settings.set(m_admin, key, value); !r)
            return r.error();
    }
    return Done{};
}

Result<ImportOutcome> DemoBuilder::importOne(const DemoCertificate &dc, Id renews)
{
    const QDate today = Domain::today();
    const Id owner = m_ids.value(s(dc.owner));
    CertificatePdfContent content;
    content.title = s(dc.name);
    content.holder = dc.holder ? s(dc.holder) : m_directory.user(owner)->name;
    content.issuer = s(dc.issuer);
    content.delivered = today.addDays(-dc.deliveredDaysAgo);
    if (dc.validDays != 0)
        content.expires = content.delivered.addDays(
            dc.validDays > 0 ? dc.validDays : dc.deliveredDaysAgo + dc.validDays);
    content.reference = QStringLiteral("NW-%1-%2").arg(today.year()).arg(++m_reference);
    if (dc.extra == DemoCertificate::QrCode)
        content.verificationUrl =
            QStringLiteral("https://verify.demo.example/c/") + content.reference;
    ImportRequest request;
    request.ownerId = owner;
    request.pdf = CertificatePdf::render(content);
    if (dc.extra == DemoCertificate::Signed) {
        const PdfSignerIdentity signer{content.issuer, content.issuer,
                                       content.delivered.startOfDay(Qt::UTC)};
        Result<QByteArray> signedPdf = PdfSigner::sign(request.pdf, signer);
        if (!signedPdf)
            return signedPdf.error();
        request.pdf = signedPdf.value();
    }
    request.originalFilename = content.title.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
                               QStringLiteral(".pdf");
    request.name = content.title;
    request.delivered = content.delivered;
    request.expires = content.expires;
    if (dc.credits > 0)
        request.credits = dc.credits;
    request.renewsId = renews;
    // R7: under validation learners leave the template to the reviewer.
    if (dc.templateName && (dc.outcome == O::Accepted || dc.outcome == O::Internal))
        request.templateId = m_templateIds.value(s(dc.templateName));
    return m_certificates.importCertificate(owner, request);
}

Status DemoBuilder::addRequirements()
{
    ComplianceService compliance(m_db);
    for (const auto &[group, templ] : {std::pair{"Sales", "First Aid at Work"},
                                       std::pair{"Engineering", "Fire Safety Awareness"}}) {
        if (const auto r = compliance.addRequirement(m_admin, s(group), s(templ)); !r)
            return r.error();
    }
    return Done{};
}

Status DemoBuilder::importAccepted()
{
    for (const DemoCertificate &dc : demoCertificates()) {
        if (dc.outcome != O::Accepted && dc.outcome != O::Internal)
            continue;
        const auto r = importOne(dc);
        if (!r)
            return r.error();
        ++m_summary.certificates;
        if (dc.outcome == O::Internal) {
            // Internal certificates are granted by the platform, not imported.
            QString error;
            Sql::run(m_db.connection(),
                     QStringLiteral("UPDATE certificates SET kind = 'internal', uploader_id = "
                                    "NULL WHERE id = ?"),
                     {r->certificate.id}, &error);
            if (!error.isEmpty())
                return makeError(ErrorKind::Storage, error);
        }
    }
    return Done{};
}

Status DemoBuilder::importReviewed()
{
    if (const auto r =
            m_settings.set(m_admin, QStringLiteral("validation.required"), QStringLiteral("on"));
        !r)
        return r.error();
    for (const DemoCertificate &dc : demoCertificates()) {
        if (dc.outcome == O::Accepted || dc.outcome == O::Internal)
            continue;
        const auto r = importOne(dc);
        if (!r)
            return r.error();
        ++m_summary.certificates;
        ++m_summary.tasks;
        if (dc.outcome == O::Pending)
            continue;
        ReviewDecision decision;
        decision.taskId = r->taskId;
        decision.validate = dc.outcome == O::Validated;
        decision.comment = s(dc.comment);
        if (dc.templateName && decision.validate)
            decision.templateId = m_templateIds.value(s(dc.templateName)); // R8 equivalence
        const auto reviewed = m_reviews.review(r->reviewers.constFirst(), decision);
        if (!reviewed)
            return reviewed.error();
    }
    return Done{};
}
} // namespace

Result<ImportOutcome> DemoBuilder::importValidated(const DemoCertificate &dc, Id renews)
{
    auto imported = importOne(dc, renews);
    if (!imported)
        return imported.error();
    ++m_summary.certificates;
    ++m_summary.tasks;
    ReviewDecision decision;
    decision.taskId = imported->taskId;
    decision.comment = s(dc.comment);
    const auto reviewed = m_reviews.review(imported->reviewers.constFirst(), decision);
    if (!reviewed)
        return reviewed.error();
    return imported;
}

Status DemoBuilder::renewAndRevoke()
{
    // Kwame's Working at Height lapsed last month; its renewal replaced it.
    const DemoCertificate old{"kwame.mensah@demo.example",
                              "Working at Height",
                              "SafeWork Academy",
                              400,
                              365,
                              nullptr,
                              1,
                              O::Validated,
                              "Checked."};
    const DemoCertificate renewal{"kwame.mensah@demo.example",
                                  "Working at Height",
                                  "SafeWork Academy",
                                  30,
                                  365,
                                  nullptr,
                                  1,
                                  O::Validated,
                                  "Renewal checked."};
    const auto first = importValidated(old);
    if (!first)
        return first.error();
    if (const auto renewed = importValidated(renewal, first->certificate.id); !renewed)
        return renewed.error();
    // Ben's CCNA, validated, then revoked by his manager.
    const DemoCertificate ccna{"ben.carter@demo.example",
                               "Cisco CCNA",
                               "Cisco",
                               200,
                               1095,
                               nullptr,
                               4,
                               O::Validated,
                               "Looks right."};
    const auto validated = importValidated(ccna);
    if (!validated)
        return validated.error();
    const auto revoked = m_certificates.revoke(
        validated->reviewers.constFirst(), validated->certificate.id,
        QStringLiteral("The certificate number is not in Cisco's verification tool."));
    if (!revoked)
        return revoked.error();
    return Done{};
}

QString DemoData::mailFolder(const DatabaseLocation &location)
{
    if (location.isPostgres())
        return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .absoluteFilePath(location.databaseName() + QStringLiteral("-mail"));
    const QFileInfo file(location.path());
    return QDir::cleanPath(
        file.absoluteDir().absoluteFilePath(file.completeBaseName() + QStringLiteral("-mail")));
}

Result<DemoData::Summary> DemoData::fill(Database &db)
{
    if (db.hasUsers())
        return makeError(ErrorKind::Refused,
                         tr("This database already has users: the demo fills only an empty "
                            "database."));
    DemoBuilder builder(db);
    for (Status (DemoBuilder::*step)() :
         {&DemoBuilder::addPeople, &DemoBuilder::addTemplatesAndSettings,
          &DemoBuilder::configureMail, &DemoBuilder::importAccepted, &DemoBuilder::importReviewed,
          &DemoBuilder::renewAndRevoke, &DemoBuilder::deleteLeaver,
          &DemoBuilder::addRequirements}) {
        if (const Status done = (builder.*step)(); !done)
            return done.error();
    }
    return builder.summary();
}
