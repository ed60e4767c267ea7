// certdesk: the desktop application. Parses the command line, loads the
// translations and hands over to the AppController (ui/), which does the rest.
#include "Translations.h"
#include "shell/AppController.h"
#include "storage/DatabaseLocation.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
// --help and --version print and exit: they must work without a display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "-?", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

// Parses the command line (exiting for --help, --version and usage errors)
// and loads the translations. Returns the --db value.
QString parseCommandLine(QCoreApplication &app)
{
    QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("LOCATION"));
    QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("LANGUAGE"));
    // First pass: only the language, so that --help is in that language.
    {
        QCommandLineParser early;
        early.addOptions({db, lang});
        early.parse(app.arguments());
        const QString language = early.value(lang);
        if (!language.isEmpty() && language != QLatin1String("en") &&
            language != QLatin1String("fr")) {
            std::fprintf(stderr, "certdesk: %s\n",
                         qPrintable(QCoreApplication::translate(
                                        "main", "unknown language \"%1\": use en or fr.")
                                        .arg(language)));
            std::exit(2);
        }
        installTranslations(language);
    }
    db.setDescription(
        QCoreApplication::translate("main", "The database: a SQLite file path or a "
                                            "postgresql://user@host:port/dbname URL (default: %1).")
            .arg(DatabaseLocation::defaultSqlitePath()));
    lang.setDescription(
        QCoreApplication::translate("main", "The language of the interface: en or fr."));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Import, review and browse external certificates."));
    parser.addOptions({db, lang});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    QString error;
    DatabaseLocation::parse(parser.value(db), &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "certdesk: %s\n", qPrintable(error));
        std::exit(2);
    }
    return parser.value(db);
}
} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        AppController::setApplicationNames();
        parseCommandLine(app);
        return 0;
    }
    QApplication app(argc, argv);
    AppController::configureApplication(app);
    AppController controller(parseCommandLine(app));
    controller.start();
    return app.exec();
}
