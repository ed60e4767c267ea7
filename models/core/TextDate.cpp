#include "core/TextDate.h"

#include <QRegularExpression>

namespace {
constexpr int MinYear = 1900;
constexpr int MaxYear = 2199;

// Month names and abbreviations, English and French, folded (no accents);
// longer names first so that an alternation takes "mars" before "mar".
const QString &monthPattern()
{
    static const QString pattern = QStringLiteral(
        "(january|february|march|april|may|june|july|august|september|october|november|"
        "december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|"
        "decembre|janv|fevr|juil|sept|jan|feb|fev|mar|apr|avr|jun|jul|aug|sep|oct|nov|dec)");
    return pattern;
}

int monthNumber(const QString &name)
{
    const QString three = name.left(3);
    if (three == QLatin1String("jui"))
        return name.size() > 3 && name.at(3) == QLatin1Char('n') ? 6 : 7;
    static const QStringList starts{
        QStringLiteral("jan"),     QStringLiteral("feb|fev"), QStringLiteral("mar"),
        QStringLiteral("apr|avr"), QStringLiteral("may|mai"), QStringLiteral("jun"),
        QStringLiteral("jul"),     QStringLiteral("aug|aou"), QStringLiteral("sep"),
        QStringLiteral("oct"),     QStringLiteral("nov"),     QStringLiteral("dec")};
    for (int i = 0; i < starts.size(); ++i) {
        if (starts.at(i).split(QLatin1Char('|')).contains(three))
            return i + 1;
    }
    return 0;
}

QDate dateOf(int year, int month, int day)
{
    if (year < MinYear || year > MaxYear)
        return {};
    return QDate(year, month, day);
}

int number(const QRegularExpressionMatch &match, int group)
{
    return match.captured(group).toInt();
}
} // namespace

QList<DateMention> DateFinder::find(const QStringList &folded, const QStringList &printed,
                                    bool dayFirstText)
{
    QList<DateMention> found;
    for (int line = 0; line < folded.size(); ++line) {
        QList<DateMention> onLine;
        findNumeric(line, folded.at(line), printed.at(line), onLine);
        findNamed(line, folded.at(line), printed.at(line), onLine);
        std::sort(onLine.begin(), onLine.end(),
                  [](const DateMention &a, const DateMention &b) { return a.start < b.start; });
        found += onLine;
    }
    settleOrder(found, dayFirstText);
    return found;
}

void DateFinder::findNumeric(int line, const QString &key, const QString &text,
                             QList<DateMention> &found)
{
    // Year first: 2025-03-12, 2025/03/12, 2025.03.12. One reading.
    static const QRegularExpression yearFirst(
        QStringLiteral("(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)"));
    for (auto it = yearFirst.globalMatch(key); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDate date = dateOf(number(m, 1), number(m, 3), number(m, 4));
        if (date.isValid())
            found.append({line,
                          m.capturedStart(),
                          m.capturedEnd(),
                          {text.mid(m.capturedStart(), m.capturedLength()), {date}}});
    }
    // Year last: 12/03/2025, 12-03-2025, 12.03.2025: day or month first.
    static const QRegularExpression yearLast(
        QStringLiteral("(?<![\\d/.-])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?!\\d)"));
    for (auto it = yearLast.globalMatch(key); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int first = number(m, 1);
        const int second = number(m, 3);
        const int year = number(m, 4);
        const QDate dayFirst = dateOf(year, second, first);
        const QDate monthFirst = dateOf(year, first, second);
        DateMention mention{line,
                            m.capturedStart(),
                            m.capturedEnd(),
                            {text.mid(m.capturedStart(), m.capturedLength()), {}}};
        mention.numeric = true;
        if (dayFirst.isValid() && monthFirst.isValid() && dayFirst != monthFirst) {
            mention.date.readings = {dayFirst, monthFirst};
            // No convention writes the month first with dots.
            if (m.captured(2) == QLatin1String("."))
                mention.date.readings = {dayFirst};
        } else if (dayFirst.isValid()) {
            mention.date.readings = {dayFirst};
            mention.dayFirstOnly = dayFirst != monthFirst;
        } else if (monthFirst.isValid()) {
            mention.date.readings = {monthFirst};
            mention.monthFirstOnly = true;
        } else {
            continue;
        }
        found.append(mention);
    }
}

void DateFinder::findNamed(int line, const QString &key, const QString &text,
                           QList<DateMention> &found)
{
    // 12 March 2025, 12th of March 2025, 1er mars 2025, 12 mar. 2025
    static const QRegularExpression dayMonth(
        QStringLiteral("(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er)? (?:of )?") + monthPattern() +
        QStringLiteral("\\.?(?![a-z]),? (\\d{4})(?!\\d)"));
    // March 12, 2025, Mar. 12th 2025
    static const QRegularExpression monthDay(QStringLiteral("(?<![a-z])") + monthPattern() +
                                             QStringLiteral("\\.? (\\d{1,2})(?:st|nd|rd|th)?"
                                                            "(?![a-z\\d]),? (\\d{4})(?!\\d)"));
    for (auto it = dayMonth.globalMatch(key); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDate date = dateOf(number(m, 3), monthNumber(m.captured(2)), number(m, 1));
        if (date.isValid())
            found.append({line,
                          m.capturedStart(),
                          m.capturedEnd(),
                          {text.mid(m.capturedStart(), m.capturedLength()), {date}}});
    }
    for (auto it = monthDay.globalMatch(key); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDate date = dateOf(number(m, 3), monthNumber(m.captured(1)), number(m, 2));
        if (date.isValid())
            found.append({line,
                          m.capturedStart(),
                          m.capturedEnd(),
                          {text.mid(m.capturedStart(), m.capturedLength()), {date}}});
    }
}

// An ambiguous numeric date takes the order the text proves (TextDate):
// every unambiguous numeric date agrees on one order, or the text is French
// and none proves the month first.
void DateFinder::settleOrder(QList<DateMention> &found, bool dayFirstText)
{
    bool dayFirst = dayFirstText;
    bool monthFirst = false;
    for (const DateMention &mention : std::as_const(found)) {
        dayFirst = dayFirst || mention.dayFirstOnly;
        monthFirst = monthFirst || mention.monthFirstOnly;
    }
    if (dayFirst == monthFirst)
        return;
    for (DateMention &mention : found) {
        if (mention.date.isAmbiguous())
            mention.date.readings = {mention.date.readings.at(dayFirst ? 0 : 1)};
    }
}
