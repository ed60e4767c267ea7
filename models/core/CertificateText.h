#pragma once

#include "core/TextDate.h"

#include <QString>
#include <QStringList>

#include <optional>

// What a certificate's text says about it, as far as it can be read: the
// title, the holder's name, the issuer and the two dates, each optional.
// The import form offers these values in empty fields (marked as read from
// the PDF); nothing here decides for the person. English and French
// wordings ("Date of issue", "Délivré le", "Valid until", "Valable
// jusqu'au", "This certifies that", "Certifie que", "Issued by", "Délivré
// par", …) and dates (TextDate: an ambiguous numeric date has two readings).
//
// The text is a stranger's (the PDF reader's PdfReport::firstPageText), so
// read() stays cheap whatever it gets: it looks at the first MaxInput
// characters only, drops zero-width and bidi control characters before any
// matching (they hide or reorder text without being seen), and uses plain
// string searches and linear patterns, no backtracking on long lines.
struct CertificateText
{
    std::optional<QString> title;
    std::optional<QString> holder;
    std::optional<QString> issuer;
    TextDate delivered;
    TextDate expires;

    static constexpr qsizetype MaxInput = 20000;

    static CertificateText read(const QString &text);

    // The text read() works on: at most MaxInput characters, without
    // zero-width (U+200B–U+200F, U+FEFF, U+2060, soft hyphen) and bidi
    // control characters (U+202A–U+202E, U+2066–U+2069), compatibility forms
    // folded (NFKC: ligatures, non-breaking spaces), other control characters
    // as spaces, one non-empty line per line with single spaces.
    static QStringList cleanedLines(const QString &text);
    // text in lower case without accents, character for character (same
    // length, so positions found in it hold in text).
    static QString folded(const QString &text);
    // Whether folded lines read as French rather than English (their common
    // words), which settles numeric dates day first (TextDate).
    static bool looksFrench(const QStringList &foldedLines);
    // An all-capitals text in capitalised words ("FIRST AID AT WORK" → "First
    // Aid at Work"); any other text as it is.
    static QString unshouted(const QString &text);
};
