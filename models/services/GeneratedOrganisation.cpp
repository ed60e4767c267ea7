#include "services/GeneratedOrganisation.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace {
const std::array kFirstNames = {
    "Emma",  "Liam",   "Olivia",  "Noah",   "Ava",   "Lucas",   "Mia",   "Mateo",  "Sofia",
    "Leo",   "Amara",  "Hugo",    "Chloé",  "Jonas", "Yasmin",  "Ravi",  "Aiko",   "Kwame",
    "Inês",  "Tomasz", "Grace",   "Ahmed",  "Julia", "Pierre",  "Hana",  "Omar",   "Priya",
    "Lukas", "Maria",  "David",   "Fatima", "Olga",  "Ben",     "Sanne", "Noor",   "Elena",
    "Marco", "Zoe",    "Ibrahim", "Lena",   "Diego", "Camille", "Tariq", "Ingrid", "Kenji",
    "Aisha", "Felix",  "Nadia",   "Oscar",  "Leila"};
const std::array kLastNames = {
    "Wilson",  "Schmidt", "Okafor",  "Berg",     "Rossi",     "Weber",    "Kobayashi", "Haddad",
    "Dubois",  "García",  "Fischer", "de Vries", "Martin",    "Tanaka",   "Carter",    "Zahra",
    "Kumar",   "Petrova", "Mensah",  "Costa",    "Nowak",     "Lee",      "Nasser",    "Novak",
    "Lambert", "Becker",  "Jensen",  "Moreau",   "Silva",     "Khan",     "Müller",    "Ivanova",
    "Osei",    "Larsen",  "Romano",  "Yilmaz",   "Andersson", "Kowalski", "Santos",    "Chen",
    "Nguyen",  "Murphy",  "Hughes",  "Bauer",    "Fontaine",  "Eriksen",  "Mbeki",     "Sato",
    "Ortiz",   "Quinn"};
const std::array kDivisions = {"Sales",     "Engineering", "Operations", "Finance",
                               "Marketing", "Research",    "Support",    "Logistics",
                               "Legal",     "People",      "Quality",    "Manufacturing"};
const std::array kPlaces = {"Amsterdam", "Berlin",  "Lyon",   "Madrid",   "Milan",  "Oslo",
                            "Porto",     "Prague",  "Vienna", "Warsaw",   "Dublin", "Lisbon",
                            "Zurich",    "Munich",  "Paris",  "Brussels", "Ghent",  "Tallinn",
                            "Riga",      "Bristol", "Leeds",  "Glasgow",  "Nantes", "Turin"};

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString emailPart(QString name)
{
    name = name.toLower();
    name.replace(QLatin1Char(' '), QString());
    // Email addresses stay ASCII (a letter without its accent).
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() < 128)
            out += c;
    }
    return out;
}
} // namespace

qint64 GeneratedOrganisation::heavyHolderShare(qint64 certificates)
{
    return qMin<qint64>(25000, certificates / 40);
}

qint64 GeneratedOrganisation::busyReviewerShare(qint64 pending)
{
    return qMin<qint64>(10000, pending - pending / 10);
}

QString GeneratedOrganisation::nextName(GeneratorRandom &random, QString *email)
{
    const QString first = text(kFirstNames.at(size_t(random.below(kFirstNames.size()))));
    const QString last = text(kLastNames.at(size_t(random.below(kLastNames.size()))));
    *email = QStringLiteral("%1.%2.%3@gen.example")
                 .arg(emailPart(first), emailPart(last))
                 .arg(++m_nameCounter);
    return first + QLatin1Char(' ') + last;
}

void GeneratedOrganisation::addPerson(GeneratedPerson p, GeneratorRandom &random)
{
    p.id = Id(people.size()) + 1;
    QString email;
    p.name = nextName(random, &email);
    if (p.email.isEmpty())
        p.email = email;
    p.language = random.chance(0.15) ? QStringLiteral("fr") : QStringLiteral("en");
    people.append(p);
}

GeneratedOrganisation GeneratedOrganisation::plan(int people, qint64 certificates, qint64 pending,
                                                  quint64 seed)
{
    GeneratedOrganisation org;
    GeneratorRandom random(seed);
    // About 13 people per team, six teams per department, six departments per
    // division (at most twelve divisions), every level at least two wide.
    org.teams = qMax(2, (people - 2) / 13);
    org.departments = qMax(2, org.teams / 6);
    org.divisions = qBound(qMin(2, org.departments), org.departments / 6, int(kDivisions.size()));
    org.placeGroups();
    org.placeLeaders(random);
    org.placeMembers(people, random);
    org.allocateCertificates(certificates, random);
    org.allocatePending(pending, random);
    return org;
}

void GeneratedOrganisation::placeGroups()
{
    groups.append({1, QString(), 0}); // the platform group; its name is the CLI's
    for (int d = 0; d < divisions; ++d) {
        divisionIds.append(Id(groups.size()) + 1);
        groups.append({divisionIds.last(), text(kDivisions.at(size_t(d))), 1});
    }
    for (int p = 0; p < departments; ++p) {
        const int division = p % divisions;
        QString name = groups.at(division + 1).name + QLatin1Char(' ') +
                       text(kPlaces.at(size_t(p % int(kPlaces.size()))));
        if (p >= int(kPlaces.size()))
            name += QLatin1Char(' ') + QString::number(p + 1);
        departmentIds.append(Id(groups.size()) + 1);
        groups.append({departmentIds.last(), name, divisionIds.at(division)});
    }
    for (int t = 0; t < teams; ++t) {
        const int department = t % departments;
        m_teamIds.append(Id(groups.size()) + 1);
        groups.append({m_teamIds.last(),
                       groups.at(departmentIds.at(department) - 1).name +
                           QStringLiteral(" Team %1").arg(t / departments + 1),
                       departmentIds.at(department)});
    }
}

void GeneratedOrganisation::add(GeneratorRandom &random, const QString &email, Id manager, Id group,
                                Role role, const QList<Id> &reviewers, bool deleted)
{
    addPerson({0, email, {}, manager, deleted, {}, group, role, 0, 0, reviewers}, random);
}

void GeneratedOrganisation::placeLeaders(GeneratorRandom &random)
{
    // Platform admins, then each level's admins, leads, coaches: a manager
    // always comes before the people they manage.
    add(random, adminEmail(), 0, 1, Role::Admin, {2});
    add(random, QString(), 0, 1, Role::Admin, {1});
    for (int d = 0; d < divisions; ++d)
        add(random, d == 0 ? groupAdminEmail() : QString(), 0, divisionIds.at(d), Role::Admin,
            {1, 2});
    const Id firstDepartmentAdmin = Id(people.size()) + 1;
    for (int p = 0; p < departments; ++p)
        add(random, QString(), 0, departmentIds.at(p), Role::Admin, {Id(3 + p % divisions)});
    m_firstLead = Id(people.size()) + 1;
    for (int t = 0; t < teams; ++t) {
        const Id departmentAdmin = firstDepartmentAdmin + t % departments;
        add(random, t == 0 ? busyReviewerEmail() : QString(), departmentAdmin, m_teamIds.at(t),
            Role::Learner, {departmentAdmin});
    }
    busyReviewer = m_firstLead;
    for (int t = 0; t < teams; t += 4)
        add(random, t == 0 ? coachEmail() : QString(), m_firstLead + t, m_teamIds.at(t),
            Role::Coach, {m_firstLead + t});
}

void GeneratedOrganisation::placeMembers(int count, GeneratorRandom &random)
{
    QList<int> room(teams, 30); // managees a lead may still take
    for (int t = 0; t < teams; t += 4)
        --room[t]; // the coach
    // Every team gets five members, then the rest go to teams with room.
    const int members = count - int(people.size());
    QList<int> teamOf;
    teamOf.reserve(members);
    for (int i = 0; i < members; ++i) {
        int t = i < 5 * teams ? i % teams : int(random.below(teams));
        while (room.at(t) == 0)
            t = (t + 1) % teams;
        --room[t];
        teamOf.append(t);
    }
    heavyHolder = Id(people.size()) + 1;
    for (int i = 0; i < members; ++i) {
        const int t = teamOf.at(i);
        const Id lead = m_firstLead + t;
        const QString email = i == 0 ? heavyHolderEmail() : i == 1 ? learnerEmail() : QString();
        const bool deleted = i >= 2 * teams && random.chance(0.01);
        add(random, email, lead, m_teamIds.at(t), Role::Learner, {lead}, deleted);
    }
}

void GeneratedOrganisation::allocateCertificates(qint64 certificates, GeneratorRandom &random)
{
    // Log-normal weights (sigma 1.6): most people a few certificates, some
    // hundreds, a handful thousands once there are many.
    const qint64 heavy = heavyHolderShare(certificates);
    const qint64 rest = certificates - heavy;
    QList<double> weights(people.size(), 0.0);
    double sum = 0;
    for (qsizetype i = 0; i < people.size(); ++i) {
        if (people.at(i).id == heavyHolder)
            continue;
        weights[i] = std::exp(1.6 * random.normal());
        sum += weights.at(i);
    }
    qint64 given = heavy;
    for (qsizetype i = 0; i < people.size(); ++i) {
        people[i].certificates = qint64(double(rest) * weights.at(i) / sum);
        given += people.at(i).certificates;
    }
    people[heavyHolder - 1].certificates = heavy;
    while (given < certificates) {
        const qsizetype i = random.below(people.size());
        if (people.at(i).id == heavyHolder)
            continue;
        ++people[i].certificates;
        ++given;
    }
}

void GeneratedOrganisation::allocatePending(qint64 pending, GeneratorRandom &random)
{
    // The busy reviewer's people first, then everyone else: each picks its
    // share of pending certificates by selection sampling over its slots.
    const auto isBusy = [&](const GeneratedPerson &p) {
        return p.reviewers == QList<Id>{busyReviewer};
    };
    qint64 busySlots = 0;
    qint64 otherSlots = 0;
    for (const GeneratedPerson &p : std::as_const(people))
        (isBusy(p) ? busySlots : otherSlots) += p.certificates;
    const qint64 busy = qMin(busyReviewerShare(pending), busySlots);
    qint64 needBusy = busy;
    qint64 needOther = pending - busy;
    for (GeneratedPerson &p : people) {
        qint64 &need = isBusy(p) ? needBusy : needOther;
        qint64 &left = isBusy(p) ? busySlots : otherSlots;
        for (qint64 c = 0; c < p.certificates && need > 0; ++c) {
            if (random.below(left) < need) {
                ++p.pending;
                --need;
            }
            --left;
        }
    }
}
