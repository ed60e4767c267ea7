#pragma once

#include <QString>

// Checks of free text that every form and command shares (names, logins,
// passwords): the one place that says what counts as a control character.
namespace TextCheck {
// True when text holds a control character (Unicode category Cc: line
// breaks, tabs, escape, NUL, ...), which no single-line field accepts.
bool hasControlCharacters(const QString &text);
// True when text is one plain mailbox address (local@domain.tld, at most 254
// characters, no spaces, brackets, quotes or control characters): what the
// outgoing mail accepts as a recipient or a sender.
bool isMailAddress(const QString &address);
} // namespace TextCheck
