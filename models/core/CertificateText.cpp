#include "core/CertificateText.h"

#include <QSet>

#include <algorithm>

// The wordings below are folded (lower case, no accents, "'" for every
// apostrophe): they are searched in folded lines (CertificateText::folded).
namespace {
QStringList list(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *word : words)
        out.append(QString::fromUtf8(word));
    return out;
}

// Words that introduce the holder's name: "This certifies that Emma Wilson".
const QStringList &holderIntros()
{
    static const QStringList l = list({"this is to certify that",
                                       "this certifies that",
                                       "hereby certifies that",
                                       "we certify that",
                                       "certifies that",
                                       "certify that",
                                       "is awarded to",
                                       "awarded to",
                                       "presented to",
                                       "granted to",
                                       "issued to",
                                       "conferred upon",
                                       "conferred on",
                                       "certifie par la presente que",
                                       "certifions que",
                                       "certifie que",
                                       "attestons que",
                                       "atteste que",
                                       "decernee a",
                                       "decerne a",
                                       "delivree a",
                                       "delivre a",
                                       "remise a",
                                       "remis a",
                                       "attribuee a",
                                       "attribue a"});
    return l;
}

// "Name: Emma Wilson" at the start of a line.
const QStringList &holderFields()
{
    static const QStringList l = list(
        {"participant name", "full name", "name", "holder", "participant", "learner", "candidate",
         "trainee", "student", "recipient", "nom et prenom", "nom prenom", "prenom nom",
         "nom du participant", "nom", "titulaire", "stagiaire", "apprenant", "beneficiaire"});
    return l;
}

// What follows the holder and comes before the title: "Emma Wilson has
// successfully completed First Aid".
const QStringList &completions()
{
    static const QStringList l = list({"has successfully completed",
                                       "has completed",
                                       "has successfully passed",
                                       "has passed",
                                       "has attended",
                                       "has participated in",
                                       "has been awarded",
                                       "has earned",
                                       "has achieved",
                                       "for successfully completing",
                                       "for the successful completion of",
                                       "for completing",
                                       "successfully completed",
                                       "a suivi avec succes",
                                       "a suivi",
                                       "a reussi",
                                       "a valide",
                                       "a participe a",
                                       "a obtenu",
                                       "pour avoir suivi",
                                       "pour avoir reussi"});
    return l;
}

// "Course: First Aid at Work" at the start of a line.
const QStringList &titleFields()
{
    static const QStringList l =
        list({"course title", "course name", "course", "training", "certification", "certificate",
              "programme", "program", "qualification", "module", "title",
              "intitule de la formation", "intitule", "formation", "titre", "cursus", "examen"});
    return l;
}

// Words a title may start with that are not the title: "the course …".
const QStringList &titleFillers()
{
    static const QStringList l =
        list({"the course", "the training", "the programme", "the program", "the module",
              "the examination", "the exam", "the", "la formation", "le cours", "le module",
              "l'examen", "le stage", "la", "le", "l'", "course", "training"});
    return l;
}

const QStringList &issuerLabels()
{
    static const QStringList l = list({"issued by",
                                       "delivered by",
                                       "awarded by",
                                       "provided by",
                                       "presented by",
                                       "certified by",
                                       "organised by",
                                       "organized by",
                                       "training provider",
                                       "issuing organisation",
                                       "issuing organization",
                                       "issuing body",
                                       "awarding body",
                                       "issuer",
                                       "provider",
                                       "delivree par",
                                       "delivre par",
                                       "decernee par",
                                       "decerne par",
                                       "emise par",
                                       "emis par",
                                       "organisme de formation",
                                       "organisme",
                                       "dispensee par",
                                       "dispense par",
                                       "organisee par",
                                       "organise par",
                                       "centre de formation"});
    return l;
}

// Words that make a line an organisation's name.
const QSet<QString> &organisationWords()
{
    static const QSet<QString> s = [] {
        const QStringList words =
            list({"institute",   "institut",   "academy",    "academie",     "school",
                  "ecole",       "university", "universite", "college",      "association",
                  "society",     "societe",    "council",    "centre",       "center",
                  "ltd",         "limited",    "inc",        "llc",          "gmbh",
                  "sas",         "sarl",       "foundation", "fondation",    "board",
                  "agency",      "agence",     "group",      "groupe",       "federation",
                  "corporation", "company",    "compagnie",  "chamber",      "chambre",
                  "ministry",    "ministere",  "authority",  "organisation", "organization",
                  "cross",       "croix"});
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    return s;
}

// A heading that names no certificate: "Certificate of Completion".
const QSet<QString> &genericWords()
{
    static const QSet<QString> s = [] {
        const QStringList words = list({"certificate",
                                        "certificat",
                                        "certification",
                                        "attestation",
                                        "diploma",
                                        "diplome",
                                        "award",
                                        "of",
                                        "de",
                                        "d",
                                        "du",
                                        "la",
                                        "completion",
                                        "achievement",
                                        "attendance",
                                        "participation",
                                        "training",
                                        "formation",
                                        "reussite",
                                        "suivi",
                                        "stage",
                                        "presence",
                                        "excellence",
                                        "merit",
                                        "achevement",
                                        "competence",
                                        "competences",
                                        "professional",
                                        "professionnelle"});
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    return s;
}

const QSet<QString> &courtesyTitles()
{
    static const QSet<QString> s = [] {
        const QStringList words = list({"mr", "mrs", "ms", "miss", "dr", "m", "mme", "mlle",
                                        "madame", "monsieur", "mademoiselle"});
        return QSet<QString>(words.cbegin(), words.cend());
    }();
    return s;
}

// Dates: which label before a date says what it is. The label nearest the
// date wins ("Issued on 1 May 2024, valid until …").
enum class DateKind
{
    Unknown,
    Delivered,
    Expires,
    Other, // a date of birth, a printing date: neither
};

struct DateLabel
{
    const char *words;
    DateKind kind;
};

const QList<DateLabel> &dateLabels()
{
    using K = DateKind;
    static const QList<DateLabel> l{
        {"valid until", K::Expires},
        {"valid till", K::Expires},
        {"valid through", K::Expires},
        {"valid thru", K::Expires},
        {"valid to", K::Expires},
        {"expires on", K::Expires},
        {"expires", K::Expires},
        {"expiry date", K::Expires},
        {"date of expiry", K::Expires},
        {"expiration date", K::Expires},
        {"date of expiration", K::Expires},
        {"expiration", K::Expires},
        {"expiry", K::Expires},
        {"expiring", K::Expires},
        {"renew by", K::Expires},
        {"until", K::Expires},
        {"valable jusqu'au", K::Expires},
        {"valide jusqu'au", K::Expires},
        {"jusqu'au", K::Expires},
        {"date d'expiration", K::Expires},
        {"expire le", K::Expires},
        {"fin de validite", K::Expires},
        {"date of issue", K::Delivered},
        {"issue date", K::Delivered},
        {"issued on", K::Delivered},
        {"date issued", K::Delivered},
        {"issued", K::Delivered},
        {"delivered on", K::Delivered},
        {"delivered", K::Delivered},
        {"awarded on", K::Delivered},
        {"completed on", K::Delivered},
        {"completion date", K::Delivered},
        {"date of completion", K::Delivered},
        {"valid from", K::Delivered},
        {"date", K::Delivered},
        {"dated", K::Delivered},
        {"on", K::Delivered},
        {"delivre le", K::Delivered},
        {"delivree le", K::Delivered},
        {"date de delivrance", K::Delivered},
        {"date d'emission", K::Delivered},
        {"date d'obtention", K::Delivered},
        {"obtenu le", K::Delivered},
        {"fait le", K::Delivered},
        {"le", K::Delivered},
        {"valable du", K::Delivered},
        {"a partir du", K::Delivered},
        {"du", K::Delivered},
        {"born on", K::Other},
        {"born", K::Other},
        {"date of birth", K::Other},
        {"birth", K::Other},
        {"ne le", K::Other},
        {"nee le", K::Other},
        {"ne(e) le", K::Other},
        {"naissance", K::Other},
        {"printed", K::Other},
        {"imprime le", K::Other},
        {"generated", K::Other},
    };
    return l;
}

// Words between two dates that make the second the end of a range:
// "12/03/2025 – 12/03/2027", "du … au …".
bool isRangeConnector(const QString &between)
{
    static const QStringList connectors = list({"-", "to", "au", "a", "through"});
    QString words = between;
    words.replace(QChar(0x2013), QLatin1Char('-')).replace(QChar(0x2014), QLatin1Char('-'));
    return connectors.contains(words.simplified());
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

struct Hit
{
    qsizetype start = -1;
    qsizetype end = -1;
    int index = -1;
    bool found() const { return start >= 0; }
};

// Where words occur in key as whole words, from position from on.
qsizetype indexOfWords(const QString &key, const QString &words, qsizetype from)
{
    for (qsizetype at = key.indexOf(words, from); at >= 0; at = key.indexOf(words, at + 1)) {
        const qsizetype end = at + words.size();
        const bool before = at == 0 || !isWordChar(key.at(at - 1)) || !isWordChar(words.front());
        const bool after =
            end >= key.size() || !isWordChar(key.at(end)) || !isWordChar(words.back());
        if (before && after)
            return at;
    }
    return -1;
}

// The earliest of labels in key (the longest of those starting there).
Hit firstOf(const QString &key, const QStringList &labels)
{
    Hit best;
    for (int i = 0; i < labels.size(); ++i) {
        const qsizetype at = indexOfWords(key, labels.at(i), 0);
        const qsizetype end = at + labels.at(i).size();
        if (at >= 0 && (!best.found() || at < best.start || (at == best.start && end > best.end)))
            best = {at, end, i};
    }
    return best;
}

// The label that ends nearest the end of context (the longest of those).
DateKind lastDateLabel(const QString &context)
{
    DateKind kind = DateKind::Unknown;
    qsizetype bestEnd = -1;
    qsizetype bestSize = 0;
    for (const DateLabel &label : dateLabels()) {
        const QString words = QString::fromUtf8(label.words);
        qsizetype last = -1;
        for (qsizetype at = indexOfWords(context, words, 0); at >= 0;
             at = indexOfWords(context, words, at + 1))
            last = at;
        const qsizetype end = last + words.size();
        if (last >= 0 && (end > bestEnd || (end == bestEnd && words.size() > bestSize))) {
            kind = label.kind;
            bestEnd = end;
            bestSize = words.size();
        }
    }
    return kind;
}

QStringList wordsOf(const QString &key)
{
    QStringList words;
    QString word;
    for (const QChar c : key) {
        if (c.isLetter()) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

QString trimmedValue(QString value)
{
    static const QString edges = QStringLiteral(" :;,.-\u2013\u2014\"'\u201c\u201d\u00ab\u00bb");
    while (!value.isEmpty() && edges.contains(value.front()))
        value.remove(0, 1);
    while (!value.isEmpty() && edges.contains(value.back()))
        value.chop(1);
    return value;
}
} // namespace

// Reading one text: its lines as printed and folded, the dates found in them.
class CertificateTextReader
{
public:
    explicit CertificateTextReader(const QString &text);
    CertificateText read();

private:
    std::optional<QString> holder() const;
    std::optional<QString> holderFrom(const QString &text) const;
    std::optional<QString> title() const;
    std::optional<QString> titleAt(int line, qsizetype from) const;
    std::optional<QString> heading() const;
    std::optional<QString> issuer() const;
    std::optional<QString> issuerAt(int line, qsizetype from) const;
    std::optional<QString> organisationLine() const;
    void readDates(CertificateText &out) const;
    // The text of line from position from to the first date after it.
    QString untilDate(int line, qsizetype from) const;
    bool hasDate(int line) const;
    bool isGeneric(int line) const;
    bool isOrganisation(int line) const;
    std::optional<int> fieldValueStart(int line, const QStringList &labels) const;

    QStringList m_lines;
    QStringList m_keys;
    QList<DateMention> m_dates;
    std::optional<QString> m_holder;
    std::optional<QString> m_title;
};

CertificateTextReader::CertificateTextReader(const QString &text)
    : m_lines(CertificateText::cleanedLines(text))
{
    for (const QString &line : std::as_const(m_lines))
        m_keys.append(CertificateText::folded(line));
    m_dates = DateFinder::find(m_keys, m_lines, CertificateText::looksFrench(m_keys));
}

CertificateText CertificateTextReader::read()
{
    CertificateText out;
    m_holder = holder();
    m_title = title();
    out.holder = m_holder;
    out.title = m_title;
    out.issuer = issuer();
    readDates(out);
    return out;
}

bool CertificateTextReader::hasDate(int line) const
{
    return std::any_of(m_dates.cbegin(), m_dates.cend(),
                       [line](const DateMention &d) { return d.line == line; });
}

QString CertificateTextReader::untilDate(int line, qsizetype from) const
{
    qsizetype end = m_lines.at(line).size();
    for (const DateMention &d : m_dates) {
        if (d.line == line && d.start >= from) {
            end = d.start;
            break;
        }
    }
    QString text = m_lines.at(line).mid(from, end - from);
    if (end < m_lines.at(line).size()) {
        // "… on 12 March 2025", "… le 12 mars 2025": the date's own label goes too.
        static const QStringList before = list({" on", " le", " du", " dated", " in"});
        const QString key = CertificateText::folded(text).trimmed();
        for (const QString &word : before) {
            if (key.endsWith(word))
                text = text.trimmed().chopped(word.size());
        }
    }
    return trimmedValue(text);
}

std::optional<int> CertificateTextReader::fieldValueStart(int line, const QStringList &labels) const
{
    const QString &key = m_keys.at(line);
    for (const QString &label : labels) {
        if (!key.startsWith(label))
            continue;
        const QString rest = key.mid(label.size()).trimmed();
        if (rest.startsWith(QLatin1Char(':')))
            return int(key.indexOf(QLatin1Char(':'), label.size()) + 1);
    }
    return std::nullopt;
}

std::optional<QString> CertificateTextReader::holderFrom(const QString &text) const
{
    const QString key = CertificateText::folded(text);
    // The name ends where the sentence goes on.
    qsizetype end = text.size();
    for (const char *stop : {",", ";", " has ", " a ", " for ", " pour ", " who ", " qui ", " - ",
                             " (", " born", " ne le", " nee le"}) {
        const qsizetype at = key.indexOf(QString::fromUtf8(stop));
        if (at >= 0 && at < end)
            end = at;
    }
    QStringList words = trimmedValue(text.left(end)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    while (!words.isEmpty() &&
           courtesyTitles().contains(
               CertificateText::folded(words.constFirst()).remove(QLatin1Char('.'))))
        words.removeFirst();
    const QString name = words.join(QLatin1Char(' '));
    const bool plausible =
        !words.isEmpty() && words.size() <= 6 && name.size() <= 80 &&
        std::none_of(name.cbegin(), name.cend(), [](QChar c) { return c.isDigit(); }) &&
        std::all_of(words.cbegin(), words.cend(),
                    [](const QString &w) { return w.front().isLetter() && w.size() <= 30; }) &&
        std::none_of(words.cbegin(), words.cend(), [](const QString &w) {
            const QString f = CertificateText::folded(w);
            return genericWords().contains(f) || organisationWords().contains(f) ||
                   f == QLatin1String("the") || f == QLatin1String("this");
        });
    if (!plausible)
        return std::nullopt;
    return name;
}

std::optional<QString> CertificateTextReader::holder() const
{
    const int count = int(m_lines.size());
    for (int i = 0; i < count; ++i) {
        if (const Hit hit = firstOf(m_keys.at(i), holderIntros()); hit.found()) {
            if (auto name = holderFrom(m_lines.at(i).mid(hit.end)))
                return name;
            if (i + 1 < count)
                if (auto name = holderFrom(m_lines.at(i + 1)))
                    return name;
        }
    }
    for (int i = 0; i < count; ++i) {
        if (const auto start = fieldValueStart(i, holderFields())) {
            const QString rest = m_lines.at(i).mid(*start).trimmed();
            if (auto name = holderFrom(rest.isEmpty() && i + 1 < count ? m_lines.at(i + 1) : rest))
                return name;
        }
    }
    // "Emma Wilson has successfully completed …", or the name on the line before.
    for (int i = 0; i < count; ++i) {
        if (const Hit hit = firstOf(m_keys.at(i), completions()); hit.found()) {
            if (hit.start > 0)
                return holderFrom(m_lines.at(i).left(hit.start));
            if (i > 0)
                return holderFrom(m_lines.at(i - 1));
        }
    }
    return std::nullopt;
}

std::optional<QString> CertificateTextReader::titleAt(int line, qsizetype from) const
{
    QString text = untilDate(line, from);
    const QString key = CertificateText::folded(text);
    for (const QString &filler : titleFillers()) {
        if (key == filler || key.startsWith(filler + QLatin1Char(' ')) ||
            (filler.endsWith(QLatin1Char('\'')) && key.startsWith(filler))) {
            text = trimmedValue(text.mid(filler.size()));
            break;
        }
    }
    const qsizetype letters =
        std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
    if (letters < 3 || text.size() > 150 || text.endsWith(QLatin1Char(':')))
        return std::nullopt;
    return CertificateText::unshouted(text);
}

std::optional<QString> CertificateTextReader::title() const
{
    const int count = int(m_lines.size());
    for (int i = 0; i < count; ++i) {
        if (const Hit hit = firstOf(m_keys.at(i), completions()); hit.found()) {
            if (auto found = titleAt(i, hit.end))
                return found;
            if (i + 1 < count)
                if (auto found = titleAt(i + 1, 0))
                    return found;
        }
    }
    for (int i = 0; i < count; ++i) {
        if (const auto start = fieldValueStart(i, titleFields())) {
            if (auto found = titleAt(i, *start))
                return found;
            if (i + 1 < count)
                if (auto found = titleAt(i + 1, 0))
                    return found;
        }
    }
    return heading();
}

bool CertificateTextReader::isGeneric(int line) const
{
    const QStringList words = wordsOf(m_keys.at(line));
    return !words.isEmpty() && std::all_of(words.cbegin(), words.cend(), [](const QString &w) {
        return genericWords().contains(w);
    });
}

bool CertificateTextReader::isOrganisation(int line) const
{
    const QStringList words = wordsOf(m_keys.at(line));
    return std::any_of(words.cbegin(), words.cend(),
                       [](const QString &w) { return organisationWords().contains(w); });
}

// The first line near the top that is neither a heading like "Certificate
// of Completion", nor the issuer, nor the holder, nor a sentence with a label.
std::optional<QString> CertificateTextReader::heading() const
{
    const int count = std::min(int(m_lines.size()), 8);
    for (int i = 0; i < count; ++i) {
        const QString &key = m_keys.at(i);
        if (isGeneric(i) || isOrganisation(i) || hasDate(i) || key.contains(QLatin1Char(':')) ||
            firstOf(key, holderIntros()).found() || firstOf(key, completions()).found() ||
            firstOf(key, issuerLabels()).found() || wordsOf(key).size() > 12 ||
            (m_holder && m_lines.at(i).contains(*m_holder)))
            continue;
        if (auto found = titleAt(i, 0))
            return found;
    }
    return std::nullopt;
}

std::optional<QString> CertificateTextReader::issuerAt(int line, qsizetype from) const
{
    const QString text = untilDate(line, from);
    const qsizetype letters =
        std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
    if (letters < 2 || text.size() > 120)
        return std::nullopt;
    return text;
}

std::optional<QString> CertificateTextReader::issuer() const
{
    const int count = int(m_lines.size());
    for (int i = 0; i < count; ++i) {
        if (const Hit hit = firstOf(m_keys.at(i), issuerLabels()); hit.found()) {
            if (auto found = issuerAt(i, hit.end))
                return found;
            if (i + 1 < count)
                if (auto found = issuerAt(i + 1, 0))
                    return found;
        }
    }
    return organisationLine();
}

// The first line that names an organisation ("Northwind Training Institute")
// and says nothing else; written in capitals at the top and normally in the
// signature, the normal writing wins.
std::optional<QString> CertificateTextReader::organisationLine() const
{
    const int count = int(m_lines.size());
    for (int i = 0; i < count; ++i) {
        const QString &key = m_keys.at(i);
        if (!isOrganisation(i) || hasDate(i) || key.contains(QLatin1Char(':')) ||
            (m_title && CertificateText::folded(*m_title) == key))
            continue;
        QString name = trimmedValue(m_lines.at(i));
        // "L'Académie du Numérique certifie que …": the organisation speaks.
        if (const Hit intro = firstOf(key, holderIntros()); intro.found())
            name = trimmedValue(m_lines.at(i).left(intro.start));
        else if (firstOf(key, completions()).found())
            continue;
        const QStringList words = wordsOf(CertificateText::folded(name));
        if (words.isEmpty() || words.size() > 8 ||
            std::none_of(words.cbegin(), words.cend(),
                         [](const QString &w) { return organisationWords().contains(w); }))
            continue;
        for (int j = 0; j < count; ++j) {
            const QString other = trimmedValue(m_lines.at(j));
            if (j != i && other.compare(name, Qt::CaseInsensitive) == 0 && other != other.toUpper())
                return other;
        }
        return CertificateText::unshouted(name);
    }
    return std::nullopt;
}

void CertificateTextReader::readDates(CertificateText &out) const
{
    std::optional<TextDate> delivered, expires, unlabelled;
    for (int k = 0; k < m_dates.size(); ++k) {
        const DateMention &date = m_dates.at(k);
        const bool sameLine = k > 0 && m_dates.at(k - 1).line == date.line;
        const qsizetype from = sameLine ? m_dates.at(k - 1).end : 0;
        const QString &key = m_keys.at(date.line);
        QString context = key.mid(from, date.start - from);
        // A label alone on the line above: "Date of issue:" / "12/03/2025".
        if (trimmedValue(context).isEmpty() && !sameLine && date.line > 0 &&
            !hasDate(date.line - 1))
            context = m_keys.at(date.line - 1);
        DateKind kind = lastDateLabel(context);
        if (sameLine && isRangeConnector(context))
            kind = DateKind::Expires;
        if (kind == DateKind::Delivered && !delivered)
            delivered = date.date;
        else if (kind == DateKind::Expires && !expires)
            expires = date.date;
        else if (kind == DateKind::Unknown && !unlabelled)
            unlabelled = date.date;
    }
    // A certificate's one unlabelled date is the day it was delivered.
    out.delivered = delivered.value_or(unlabelled.value_or(TextDate()));
    out.expires = expires.value_or(TextDate());
}

CertificateText CertificateText::read(const QString &text)
{
    return CertificateTextReader(text).read();
}

QStringList CertificateText::cleanedLines(const QString &text)
{
    QString s = text.left(MaxInput);
    s.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x200B && u <= 0x200F) || (u >= 0x202A && u <= 0x202E) ||
               (u >= 0x2066 && u <= 0x2069) || u == 0xFEFF || u == 0x2060 || u == 0x00AD;
    });
    s = s.normalized(QString::NormalizationForm_KC);
    QStringList lines;
    QString line;
    const auto flush = [&] {
        line = line.simplified();
        if (!line.isEmpty())
            lines.append(line);
        line.clear();
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar(0x2028) ||
            c == QChar(0x2029)) {
            flush();
        } else if (c == QChar(0x2019) || c == QChar(0x2018) || c == QChar(0x02BC)) {
            line.append(QLatin1Char('\''));
        } else if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            line.append(c).append(s.at(++i));
        } else if (c.category() == QChar::Other_Control || c.isSurrogate()) {
            line.append(QLatin1Char(' ')); // a lone surrogate is no character
        } else {
            line.append(c);
        }
    }
    flush();
    return lines;
}

QString CertificateText::folded(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        QChar f = c.toLower();
        while (f.decompositionTag() == QChar::Canonical) {
            const QString parts = f.decomposition();
            if (parts.isEmpty() || parts.front() == f)
                break;
            f = parts.front();
        }
        c = f;
    }
    return out;
}

bool CertificateText::looksFrench(const QStringList &foldedLines)
{
    static const QSet<QString> french = [] {
        const QStringList w =
            list({"le",       "la",       "les",        "du",          "des",       "que",
                  "et",       "certifie", "atteste",    "delivre",     "delivree",  "decerne",
                  "decernee", "valable",  "jusqu",      "attestation", "formation", "suivi",
                  "obtenu",   "reussi",   "avec",       "succes",      "par",       "pour",
                  "au",       "aux",      "janvier",    "fevrier",     "mars",      "avril",
                  "mai",      "juin",     "juillet",    "aout",        "septembre", "octobre",
                  "novembre", "decembre", "expiration", "organisme",   "stagiaire", "titulaire",
                  "fait"});
        return QSet<QString>(w.cbegin(), w.cend());
    }();
    static const QSet<QString> english = [] {
        const QStringList w = list(
            {"the",          "this",     "that",     "of",      "and",       "has",     "to",
             "by",           "on",       "for",      "with",    "certifies", "certify", "completed",
             "successfully", "issued",   "valid",    "until",   "awarded",   "january", "february",
             "march",        "april",    "may",      "june",    "july",      "august",  "september",
             "october",      "november", "december", "expires", "expiry",    "issue"});
        return QSet<QString>(w.cbegin(), w.cend());
    }();
    int fr = 0;
    int en = 0;
    for (const QString &line : foldedLines) {
        for (const QString &word : wordsOf(line)) {
            fr += french.contains(word) ? 1 : 0;
            en += english.contains(word) ? 1 : 0;
        }
    }
    return fr >= 3 && fr > 2 * en;
}

QString CertificateText::unshouted(const QString &text)
{
    const bool letters =
        std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); }) >= 3;
    if (!letters || text != text.toUpper())
        return text;
    static const QSet<QString> small = [] {
        const QStringList w =
            list({"a",    "an", "and", "at",  "for", "in", "of",  "on", "or", "the", "to",
                  "with", "de", "du",  "des", "la",  "le", "les", "et", "en", "au",  "aux"});
        return QSet<QString>(w.cbegin(), w.cend());
    }();
    QStringList words = text.toLower().split(QLatin1Char(' '));
    for (int i = 0; i < words.size(); ++i) {
        QString &word = words[i];
        if (word.isEmpty() || (i > 0 && small.contains(word)))
            continue;
        word[0] = word.at(0).toUpper();
        // "SANTÉ-SÉCURITÉ" → "Santé-Sécurité"
        for (qsizetype k = 1; k + 1 < word.size(); ++k) {
            if (word.at(k) == QLatin1Char('-'))
                word[k + 1] = word.at(k + 1).toUpper();
        }
    }
    return words.join(QLatin1Char(' '));
}
