#pragma once

#include <QString>
#include <QStringList>

// Comparing people's names as certificates print them: "WILSON Emma",
// "Émma Wilsön" and "Emma Wilson" are one name; "Emma Watson" is another.
// Used by the import form (the holder read from a PDF) and meant for the
// reviewer's "name on the PDF" signal.
class PersonName
{
public:
    // The words of a name, compared as: case folded, accents removed (NFKD
    // without combining marks, so ligatures and full-width letters too),
    // punctuation as spaces ("Jean-Pierre" is "jean pierre", but "O'Neil"
    // is "oneil"), courtesy titles before the name dropped (Mr, Mrs, Ms, Dr,
    // M., Mme, Mlle…), sorted (word order ignored).
    static QStringList words(const QString &name);
    // True when both names have the same words (each as often), and some.
    static bool matches(const QString &a, const QString &b);
};
