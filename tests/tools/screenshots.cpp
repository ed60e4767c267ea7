// certdesk-screenshots: the README's and the AppStream metainfo's
// screenshots, taken from the real windows on a fresh demo database
// (scripts/screenshots.sh runs it in both palettes and both languages).
//
//   certdesk-screenshots --out DIR [--lang en|fr] [--theme light|dark]
//                        [--size 1280x720] [--suffix TEXT]
//
// Writes DIR/<shot><suffix>.png for the shots results, import, inbox, task,
// users and settings; the suffix defaults to "-<theme>-<lang>". Under
// QT_SCALE_FACTOR the pictures have that many pixels per point. Exits 1 when
// a shot could not be made or shows a label or button cut off
// (GuiTest::clippedTexts), 2 on a usage error.
#include "GuiTestSupport.h"
#include "Translations.h"
#include "import/ImportDialog.h"
#include "notifications/NotificationsPage.h"
#include "review/TaskView.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace {

const QString kEmma = QStringLiteral("emma.wilson@demo.example");
const QString kMaria = QStringLiteral("maria.schmidt@demo.example");

struct Shots
{
    QString dir;
    QString suffix;
    QSize size;
    QStringList problems;

    // Saves the window's picture; what is cut off in it is a problem.
    void take(QWidget *window, const QString &name)
    {
        QApplication::processEvents();
        QTest::qWait(300); // the background counts and the PDF's rendering
        for (const QString &text : GuiTest::clippedTexts(window))
            problems << QStringLiteral("%1: %2").arg(name, text);
        const QPixmap picture = window->grab();
        const QString path = QDir(dir).filePath(name + suffix + QStringLiteral(".png"));
        if (!picture.save(path))
            problems << QStringLiteral("%1: could not write %2").arg(name, path);
        else
            std::fprintf(stdout, "%s (%dx%d)\n", qPrintable(path), picture.width(),
                         picture.height());
    }
};

bool waitForInk(PdfPreview *preview)
{
    return QTest::qWaitFor(
        [preview] {
            const QImage image = preview->grab().toImage();
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    if (qGray(image.pixel(x, y)) < 100)
                        return true;
            return false;
        },
        15000);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Folder to write to."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en or fr."),
                                  QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light or dark."),
                                   QStringLiteral("THEME"), QStringLiteral("light"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption suffix(QStringLiteral("suffix"),
                                    QStringLiteral("File name suffix (default -THEME-LANGUAGE)."),
                                    QStringLiteral("TEXT"));
    parser.addOptions({out, lang, theme, size, suffix});
    parser.process(app);
    const QString language = parser.value(lang);
    const QString look = parser.value(theme);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    Shots shots;
    shots.dir = parser.value(out);
    shots.size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (shots.dir.isEmpty() ||
        (language != QLatin1String("en") && language != QLatin1String("fr")) ||
        (look != QLatin1String("light") && look != QLatin1String("dark")) || shots.size.isEmpty()) {
        std::fprintf(stderr, "%s", qPrintable(parser.helpText()));
        return 2;
    }
    shots.suffix =
        parser.isSet(suffix) ? parser.value(suffix) : QStringLiteral("-%1-%2").arg(look, language);
    QDir().mkpath(shots.dir);

    GuiTest::prepareApplication();
    installTranslations(language);
    if (look == QLatin1String("dark")) {
        QApplication::setPalette(Theme::darkPalette());
        Theme::apply(app);
    }
    QString error;
    auto db = GuiTest::demoDatabase(&error);
    if (!db) {
        std::fprintf(stderr, "demo database: %s\n", qPrintable(error));
        return 1;
    }

    // A learner's Results: every status.
    if (auto window = GuiTest::openMainWindow(db->location(), kEmma, shots.size)) {
        window->showPage(QStringLiteral("results"));
        shots.take(window.get(), QStringLiteral("results"));
        // The import dialog with a PDF, as after a drop.
        auto *dialog =
            new ImportDialog(window->session(), window->session().userId(), window.get());
        dialog->resize(std::min(1100, shots.size.width() - 60),
                       std::min(680, shots.size.height() - 40));
        dialog->show();
        const QString pdf = QDir(QFileInfo(db->location()).absolutePath())
                                .filePath(QStringLiteral("first-aid.pdf"));
        if (!GuiTest::writeCertificatePdf(pdf, QStringLiteral("First Aid at Work"),
                                          QStringLiteral("Emma Wilson")) ||
            !dialog->setFile(pdf))
            shots.problems << QStringLiteral("import: the PDF was not taken");
        auto *preview = dialog->findChild<PdfPreview *>(QStringLiteral("pdfPreview"));
        if (!preview || !waitForInk(preview))
            shots.problems << QStringLiteral("import: the PDF was not shown");
        shots.take(dialog, QStringLiteral("import"));
        dialog->reject();
    } else {
        shots.problems << QStringLiteral("results: could not sign in");
    }

    // A manager's inbox, then a validation task.
    if (auto window = GuiTest::openMainWindow(db->location(), kMaria, shots.size)) {
        window->showPage(QStringLiteral("notifications"));
        shots.take(window.get(), QStringLiteral("inbox"));
        auto *inbox = window->findChild<NotificationsPage *>(QStringLiteral("notificationsPage"));
        if (inbox) {
            inbox->openTask();
            TaskView *view = inbox->taskView();
            if (!QTest::qWaitFor([view] { return view->hasTask(); }) ||
                !waitForInk(view->pdfPreview()))
                shots.problems << QStringLiteral("task: no task shown");
            // The reader's signals above the PDF, as a reviewer sees them.
            if (!QTest::qWaitFor([view] { return !view->isReadingSignals(); }, 30000))
                shots.problems << QStringLiteral("task: the PDF reader did not answer");
            shots.take(window.get(), QStringLiteral("task"));
        }
    } else {
        shots.problems << QStringLiteral("inbox: could not sign in");
    }

    // A platform admin's Users and Settings.
    if (auto window = GuiTest::openMainWindow(db->location(), DemoData::adminEmail(), shots.size)) {
        window->showPage(QStringLiteral("users"));
        shots.take(window.get(), QStringLiteral("users"));
        window->showPage(QStringLiteral("settings"));
        shots.take(window.get(), QStringLiteral("settings"));
    } else {
        shots.problems << QStringLiteral("users: could not sign in");
    }

    for (const QString &problem : std::as_const(shots.problems))
        std::fprintf(stderr, "%s\n", qPrintable(problem));
    return shots.problems.isEmpty() ? 0 : 1;
}
