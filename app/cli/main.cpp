// certdesk-cli: see Cli.h and CLI.md.
#include "Cli.h"
#include "Translations.h"

#include <QGuiApplication>

#include <memory>

namespace {
QtMessageHandler g_defaultHandler = nullptr;

// The offscreen platform plugin warns about the session it does not need
// (XDG_RUNTIME_DIR); stderr belongs to the CLI's own messages.
void quietStartup(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        g_defaultHandler(type, context, message);
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    // The application gets no arguments: Qt would take -platform, -reverse
    // and the like from argv, and all of argv belongs to the CLI.
    int qtArgc = 1;
    std::unique_ptr<QCoreApplication> app;
    if (Cli::needsGuiApplication(args)) {
        // Demo data renders certificate PDFs, which needs fonts; a command-line
        // tool never shows a window and may run without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        g_defaultHandler = qInstallMessageHandler(quietStartup);
        app = std::make_unique<QGuiApplication>(qtArgc, argv);
        qInstallMessageHandler(g_defaultHandler);
    } else {
        app = std::make_unique<QCoreApplication>(qtArgc, argv);
    }
    // The same names as the GUI (AppController), so that both default to the
    // same database (DatabaseLocation::defaultSqlitePath()).
    QCoreApplication::setOrganizationDomain(QStringLiteral("certdesk.org"));
    QCoreApplication::setApplicationName(QStringLiteral("CertDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CERTDESK_VERSION));
    installTranslations();
    return Cli().run(args);
}
