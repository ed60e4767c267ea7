#include "core/PersonName.h"

#include <QSet>

#include <algorithm>

QStringList PersonName::words(const QString &name)
{
    static const QSet<QString> courtesy{
        QStringLiteral("mr"),       QStringLiteral("mrs"),         QStringLiteral("ms"),
        QStringLiteral("miss"),     QStringLiteral("dr"),          QStringLiteral("m"),
        QStringLiteral("mme"),      QStringLiteral("mlle"),        QStringLiteral("madame"),
        QStringLiteral("monsieur"), QStringLiteral("mademoiselle")};
    // A name is short; a long text is no name (and stays cheap).
    const QString decomposed =
        name.left(512).normalized(QString::NormalizationForm_KD).toCaseFolded();
    QStringList words;
    QString word;
    const auto flush = [&] {
        // A courtesy title before the name only: "Emma M Wilson" keeps her initial.
        if (!word.isEmpty() && !(words.isEmpty() && courtesy.contains(word)))
            words.append(word);
        word.clear();
    };
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing ||
            c.category() == QChar::Mark_SpacingCombining)
            continue;
        if (c.isLetterOrNumber())
            word.append(c);
        else if (c != QLatin1Char('\'') && c != QChar(0x2019))
            flush(); // O'Neil is "oneil"; any other punctuation separates words
    }
    flush();
    std::sort(words.begin(), words.end());
    return words;
}

bool PersonName::matches(const QString &a, const QString &b)
{
    const QStringList left = words(a);
    return !left.isEmpty() && left == words(b);
}
