// The translation pipeline: strings from every layer (the static libraries
// included) reach the French catalogue built into the binaries.
#include "Translations.h"
#include "core/Domain.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QLocale>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void catalogue_isBuiltIn();
    void french_translatesModelStrings();
};

void TestTranslations::catalogue_isBuiltIn()
{
    QStringList found;
    QDirIterator it(QStringLiteral(":/i18n"), QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    QVERIFY2(found.contains(QStringLiteral(":/i18n/certdesk_fr.qm")),
             qPrintable(found.join(QLatin1Char(' '))));
}

void TestTranslations::french_translatesModelStrings()
{
    QCOMPARE(installTranslations(QStringLiteral("fr")), QStringLiteral("fr"));
    // A string of the policy (models/, a static library) and one of the domain.
    QCOMPARE(QCoreApplication::translate("Policy", "Send for validation"),
             QStringLiteral("Envoyer pour validation"));
    QCOMPARE(QCoreApplication::translate("Policy", "Save"), QStringLiteral("Enregistrer"));
    QCOMPARE(Domain::displayStatusLabel(DisplayStatus::Expired), QStringLiteral("Expiré"));
    // Dates and numbers follow the language asked for (README "Using it").
    QCOMPARE(QLocale().language(), QLocale::French);
    QCOMPARE(QLocale().toString(QDate(2026, 12, 6), QStringLiteral("d MMMM yyyy")),
             QStringLiteral("6 décembre 2026"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
