// certdesk: the desktop application. Parses the command line, loads the
// translations and hands over to the AppController (ui/), which does the rest.
#include "Translations.h"
#include "shell/AppController.h"
#include "storage/DatabaseLocation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWidget>

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

// CERTDESK_BENCH_EXIT_AFTER_PAINT=1 (README "Performance"): once the first
// window has painted, prints "first-paint-ms N" (N: milliseconds since main()
// began) and quits, for certdesk-bench's start-up figure.
class ExitAfterFirstPaint : public QObject
{
public:
    explicit ExitAfterFirstPaint(const QElapsedTimer &sinceStart) : m_sinceStart(sinceStart) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget *>(watched)->isWindow()) {
            m_seen = true;
            // After this paint event has been handled and the frame flushed.
            QTimer::singleShot(0, this, [this] {
                std::printf("first-paint-ms %lld\n",
                            static_cast<long long>(m_sinceStart.elapsed()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_sinceStart;
    bool m_seen = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        AppController::setApplicationNames();
        parseCommandLine(app);
        return 0;
    }
    QApplication app(argc, argv);
    AppController::configureApplication(app);
    ExitAfterFirstPaint exitAfterPaint(sinceStart);
    if (qEnvironmentVariableIntValue("CERTDESK_BENCH_EXIT_AFTER_PAINT") == 1)
        app.installEventFilter(&exitAfterPaint);
    AppController controller(parseCommandLine(app));
    controller.start();
    return app.exec();
}
