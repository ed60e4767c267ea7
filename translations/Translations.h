#pragma once

#include <QString>

// Loads CertDesk's catalogue (built into the binaries from certdesk_fr.ts)
// and Qt's own for the given language ("fr", "en"); empty: the system's.
// Returns the language in use.
QString installTranslations(const QString &language = QString());
