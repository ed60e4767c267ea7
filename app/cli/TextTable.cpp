#include "TextTable.h"

#include <string>

namespace {
// East Asian Wide / Fullwidth blocks and the emoji planes: two cells.
bool isWide(char32_t c)
{
    struct Range
    {
        char32_t first;
        char32_t last;
    };
    static constexpr Range wide[] = {
        {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
        {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
        {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
        {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
        {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
        {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
        {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
        {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
        {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
        {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
        {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
        {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
        {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
        {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
        {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
        {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    for (const Range &r : wide) {
        if (c >= r.first && c <= r.last)
            return true;
    }
    return false;
}

int charWidth(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format: // ZWJ, directional marks and isolates
        return 0;
    default:
        break;
    }
    if (c >= 0xFE00 && c <= 0xFE0F) // variation selectors
        return 0;
    if (c >= 0x1F3FB && c <= 0x1F3FF) // skin tone modifiers join the emoji before
        return 0;
    return isWide(c) ? 2 : 1;
}

bool isRightToLeft(char32_t c)
{
    const QChar::Direction d = QChar::direction(c);
    return d == QChar::DirR || d == QChar::DirAL;
}
} // namespace

TextTable::TextTable(const QStringList &headers) : m_headers(headers) {}

void TextTable::addRow(const QStringList &cells)
{
    m_rows.append(cells);
}

QString TextTable::sanitize(const QString &text)
{
    const QList<uint> codePoints = text.toUcs4(); // a lone surrogate becomes U+FFFD
    std::u32string clean;
    clean.reserve(size_t(codePoints.size()));
    bool rtl = false;
    for (const uint c : codePoints) {
        const bool control =
            QChar::category(c) == QChar::Other_Control || c == 0x2028 || c == 0x2029;
        clean.push_back(control ? char32_t(0xFFFD) : char32_t(c));
        rtl = rtl || isRightToLeft(c);
    }
    QString out = QString::fromUcs4(clean.data(), qsizetype(clean.size()));
    if (rtl) // FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE
        return QChar(0x2068) + out + QChar(0x2069);
    return out;
}

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints)
        width += charWidth(c);
    return width;
}

QString TextTable::render() const
{
    QList<QStringList> lines;
    lines.reserve(m_rows.size() + 1);
    lines.append(m_headers);
    for (const QStringList &row : m_rows)
        lines.append(row);

    const qsizetype columns = m_headers.size();
    QList<int> widths(columns, 0);
    for (QStringList &line : lines) {
        line.resize(columns);
        for (qsizetype c = 0; c < columns; ++c) {
            line[c] = sanitize(line.at(c));
            widths[c] = qMax(widths.at(c), displayWidth(line.at(c)));
        }
    }

    QString out;
    for (const QStringList &line : std::as_const(lines)) {
        QString text;
        for (qsizetype c = 0; c < columns; ++c) {
            text += line.at(c);
            if (c + 1 < columns)
                text += QString(widths.at(c) - displayWidth(line.at(c)) + 2, QLatin1Char(' '));
        }
        // Trailing empty cells leave no trailing spaces.
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        out += text + QLatin1Char('\n');
    }
    return out;
}
