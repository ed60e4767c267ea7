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
    org.placePeople(people, random);
    org.allocateCertificates(certificates, random);
    org.allocatePending(pending, random);
    return org;
}

void GeneratedOrganisation::placePeople(int count, GeneratorRandom &random)
{
    groups.append({1, QString(), 0}); // the platform group; its name is the CLI's
    for (int d = 0; d < divisions; ++d) {
        divisionIds.append(Id(groups.size()) + 1);
        groups.append({divisionIds.last(), text(kDivisions.at(size_t(d))), 1});
    }
    for (int p = 0; p < departments; ++p) {
        const int division = p % divisions;
        const int round = p / int(kPlaces.size());
        QString name = groups.at(division + 1).name + QLatin1Char(' ') +
                       text(kPlaces.at(size_t(p % int(kPlaces.size()))));
        if (round > 0 || p >= divisions * int(kPlaces.size()))
            name += QLatin1Char(' ') + QString::number(p + 1);
        departmentIds.append(Id(groups.size()) + 1);
        groups.append({departmentIds.last(), name, divisionIds.at(division)});
    }
    QList<Id> teamIds;
    for (int t = 0; t < teams; ++t) {
        const int department = t % departments;
        teamIds.append(Id(groups.size()) + 1);
        groups.append({teamIds.last(),
                       groups.at(departmentIds.at(department) - 1).name +
                           QStringLiteral(" Team %1").arg(t / departments + 1),
                       departmentIds.at(department)});
    }

    // Platform admins, then each level's admins, leads, coaches: a manager
    // always comes before the people they manage.
    addPerson({0, adminEmail(), {}, 0, false, {}, 1, Role::Admin, 0, 0, {}}, random);
    addPerson({0, {}, {}, 0, false, {}, 1, Role::Admin, 0, 0, {}}, random);
    people[0].reviewers = {2};
    people[1].reviewers = {1};
    for (int d = 0; d < divisions; ++d)
        addPerson({0,
                   d == 0 ? groupAdminEmail() : QString(),
                   {},
                   0,
                   false,
                   {},
                   divisionIds.at(d),
                   Role::Admin,
                   0,
                   0,
                   {1, 2}},
                  random);
    const Id firstDepartmentAdmin = Id(people.size()) + 1;
    for (int p = 0; p < departments; ++p)
        addPerson({0,
                   {},
                   {},
                   0,
                   false,
                   {},
                   departmentIds.at(p),
                   Role::Admin,
                   0,
                   0,
                   {Id(3 + p % divisions)}},
                  random);
    const Id firstLead = Id(people.size()) + 1;
    for (int t = 0; t < teams; ++t) {
        const Id departmentAdmin = firstDepartmentAdmin + t % departments;
        addPerson({0,
                   t == 0 ? busyReviewerEmail() : QString(),
                   {},
                   departmentAdmin,
                   false,
                   {},
                   teamIds.at(t),
                   Role::Learner,
                   0,
                   0,
                   {departmentAdmin}},
                  random);
    }
    busyReviewer = firstLead;
    QList<int> room(teams, 30); // managees a lead may still take
    for (int t = 0; t < teams; t += 4) {
        addPerson({0,
                   t == 0 ? coachEmail() : QString(),
                   {},
                   firstLead + t,
                   false,
                   {},
                   teamIds.at(t),
                   Role::Coach,
                   0,
                   0,
                   {firstLead + t}},
                  random);
        --room[t];
    }
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
    for (int i = 0; i < members; ++i) {
        const int t = teamOf.at(i);
        const Id lead = firstLead + t;
        QString email;
        if (i == 0)
            email = heavyHolderEmail();
        else if (i == 1)
            email = learnerEmail();
        const bool deleted = i >= 2 * teams && random.chance(0.01);
        addPerson({0, email, {}, lead, deleted, {}, teamIds.at(t), Role::Learner, 0, 0, {lead}},
                  random);
    }
    heavyHolder = people.at(firstLead - 1 + teams + (teams + 3) / 4).id;
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
