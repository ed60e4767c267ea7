#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

QString installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // A language asked for on the command line also writes dates and numbers
    // that way ("6 déc. 2026" beside French words), unless the system's
    // locale is of that language already (fr_CA stays fr_CA).
    if (!language.isEmpty() && QLocale().language() != locale.language())
        QLocale::setDefault(locale);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(locale, QStringLiteral("certdesk"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    return locale.name().left(2);
}
