// README "The window": the main window opens at a size that suits the
// screen (at most 90 % of it), remembers its geometry, and every page reads
// in full at 1280×720 (and at 90 % of such a screen) as well as at
// 1920×1080; the validation task view gives the PDF most of its room.
//
// The screens are the offscreen platform's, configured by main() below: a
// 1280×720 primary screen and a 1920×1080 one beside it.
#include "GuiTestSupport.h"
#include "notifications/NotificationsPage.h"
#include "review/TaskView.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QDirIterator>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QTemporaryDir>

using GuiTest::child;

namespace {

const QString kMaria = QStringLiteral("maria.schmidt@demo.example");
const QString kEmma = QStringLiteral("emma.wilson@demo.example");

QString sizeName(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

} // namespace

class TestWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fittedGeometry_data();
    void fittedGeometry();
    void firstOpen_atMostNinetyPercentOfTheScreen();
    void geometry_rememberedForTheNextSignIn();
    void geometry_tooLargeForTheScreen_fitted();
    void pages_readInFull_data();
    void pages_readInFull();
    void taskView_pdfGetsMostOfTheRoom_data();
    void taskView_pdfGetsMostOfTheRoom();
    void drawnIcons_sharpAtEveryScale();

private:
    // Signs in and shows the main window where it opens by itself.
    std::unique_ptr<MainWindow> openAsItOpens(const QString &email);
    // Closes a manager's window at geometry (as its close button does), then
    // opens the next one.
    std::unique_ptr<MainWindow> reopenAfterClosingAt(const QRect &geometry);

    std::unique_ptr<TestDatabase> m_db;
};

void TestWindow::initTestCase()
{
    GuiTest::prepareApplication();
    QCOMPARE(QGuiApplication::screens().size(), 2);
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1280, 720));
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestWindow::init()
{
    QSettings().clear(); // no remembered geometry unless a test makes one
}

std::unique_ptr<MainWindow> TestWindow::openAsItOpens(const QString &email)
{
    auto session =
        Session::signIn(DatabaseLocation::sqlite(m_db->location()), email, DemoData::password());
    if (!session) {
        qWarning("%s", qPrintable(session.message()));
        return nullptr;
    }
    auto window = std::make_unique<MainWindow>(std::move(session.value()));
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

std::unique_ptr<MainWindow> TestWindow::reopenAfterClosingAt(const QRect &geometry)
{
    {
        auto window = GuiTest::openMainWindow(m_db->location(), kMaria, QSize(900, 600));
        if (!window)
            return nullptr;
        window->setGeometry(geometry);
        QTest::qWait(50);
        window->close();
    }
    return openAsItOpens(kMaria);
}

void TestWindow::fittedGeometry_data()
{
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QSize>("expected");
    // At most 90 % of the screen's available area, centred, and no larger
    // than a page needs on a big screen.
    QTest::newRow("1280x720") << QRect(0, 0, 1280, 720) << QSize(1152, 648);
    QTest::newRow("1366x768 with a panel") << QRect(0, 32, 1366, 736) << QSize(1229, 662);
    QTest::newRow("1920x1080") << QRect(0, 0, 1920, 1080) << QSize(1728, 972);
    QTest::newRow("2560x1440") << QRect(1920, 0, 2560, 1440) << QSize(1800, 1100);
    QTest::newRow("1024x600") << QRect(0, 0, 1024, 600) << QSize(921, 540);
}

void TestWindow::fittedGeometry()
{
    QFETCH(QRect, available);
    QFETCH(QSize, expected);
    const QRect fitted = MainWindow::fittedGeometry(available);
    QCOMPARE(fitted.size(), expected);
    QVERIFY(available.contains(fitted));
    QVERIFY(qAbs(fitted.center().x() - available.center().x()) <= 1);
    QVERIFY(qAbs(fitted.center().y() - available.center().y()) <= 1);
}

void TestWindow::firstOpen_atMostNinetyPercentOfTheScreen()
{
    const auto window = openAsItOpens(DemoData::adminEmail());
    QVERIFY(window);
    const QRect available = window->screen()->availableGeometry();
    QVERIFY2(window->width() <= available.width() * 9 / 10 &&
                 window->height() <= available.height() * 9 / 10,
             qPrintable(sizeName(window->size())));
    QCOMPARE(window->size(), MainWindow::fittedGeometry(available).size());
    QVERIFY2(available.contains(window->frameGeometry()), qPrintable(sizeName(window->size())));
    // The window's own minimum lets it open there without growing past it.
    QVERIFY2(window->minimumSizeHint().width() <= window->width() &&
                 window->minimumSizeHint().height() <= window->height(),
             qPrintable(sizeName(window->minimumSizeHint())));
}

void TestWindow::geometry_rememberedForTheNextSignIn()
{
    const QRect chosen(60, 40, 1100, 620);
    const auto again = reopenAfterClosingAt(chosen);
    QVERIFY(again);
    QCOMPARE(again->geometry().size(), chosen.size());
    QCOMPARE(again->geometry().topLeft(), chosen.topLeft());
}

void TestWindow::geometry_tooLargeForTheScreen_fitted()
{
    // Remembered on a bigger screen: it opens within this one.
    const auto again = reopenAfterClosingAt(QRect(0, 0, 2400, 1300));
    QVERIFY(again);
    QVERIFY2(again->screen()->availableGeometry().contains(again->frameGeometry()),
             qPrintable(sizeName(again->frameGeometry().size())));
}

void TestWindow::pages_readInFull_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QSize>("size");
    for (const QSize size : {QSize(1152, 648), QSize(1280, 720), QSize(1920, 1080)}) {
        for (const QString &email : {DemoData::adminEmail(), kMaria, kEmma})
            QTest::newRow(qPrintable(email.section(QLatin1Char('@'), 0, 0) + QLatin1Char(' ') +
                                     sizeName(size)))
                << email << size;
    }
}

void TestWindow::pages_readInFull()
{
    QFETCH(QString, email);
    QFETCH(QSize, size);
    auto window = GuiTest::openMainWindow(m_db->location(), email, size);
    QVERIFY(window);
    QCOMPARE(window->size(), size);
    const QString who = email.section(QLatin1Char('@'), 0, 0).section(QLatin1Char('.'), 0, 0);
    QStringList clipped;
    for (const QString &key : window->pageKeys()) {
        QVERIFY(window->showPage(key));
        QTest::qWait(100); // the page's counts arrive from the background
        QCOMPARE(window->size(), size);
        for (const QString &text : GuiTest::clippedTexts(window.get()))
            clipped << key + QStringLiteral(": ") + text;
        if (size != QSize(1152, 648))
            GuiTest::saveScreenshot(
                window.get(), QStringLiteral("window-%1-%2-%3.png").arg(key, who, sizeName(size)));
    }
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

void TestWindow::taskView_pdfGetsMostOfTheRoom_data()
{
    QTest::addColumn<QSize>("size");
    for (const QSize size : {QSize(1152, 648), QSize(1280, 720), QSize(1920, 1080)})
        QTest::newRow(qPrintable(sizeName(size))) << size;
}

void TestWindow::taskView_pdfGetsMostOfTheRoom()
{
    QFETCH(QSize, size);
    auto window = GuiTest::openMainWindow(m_db->location(), kMaria, size);
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("notifications")));
    auto *inbox = child<NotificationsPage>(window.get(), "notificationsPage");
    QVERIFY(inbox);
    inbox->openTask();
    QTRY_VERIFY(inbox->isReviewing());
    TaskView *view = inbox->taskView();
    QTRY_VERIFY(view->hasTask());
    QTest::qWait(200);
    const QRect pdf(view->pdfPreview()->mapTo(view, QPoint(0, 0)), view->pdfPreview()->size());
    const qreal share = qreal(pdf.width()) * pdf.height() / (qreal(view->width()) * view->height());
    QVERIFY2(share >= 0.55,
             qPrintable(QStringLiteral("the PDF has %1 % of the task view (%2 in %3)")
                            .arg(qRound(share * 100))
                            .arg(sizeName(pdf.size()), sizeName(view->size()))));
    // Fitted to its width, a landscape certificate is read at a useful size
    // (it was 25 % when the details had as much room as the PDF).
    QVERIFY2(view->pdfPreview()->effectiveZoom() >= 0.33,
             qPrintable(QString::number(view->pdfPreview()->effectiveZoom())));
    const QStringList clipped = GuiTest::clippedTexts(window.get());
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
    // The decision is in sight without scrolling, beside the PDF or above it.
    auto *validate = child<QPushButton>(view, "validateButton");
    QVERIFY(validate && validate->isVisible());
    QVERIFY2(view->rect().contains(QRect(validate->mapTo(view, QPoint(0, 0)), validate->size())),
             "VALIDATE is out of sight");
    GuiTest::saveScreenshot(window.get(), QStringLiteral("window-task-%1.png").arg(sizeName(size)));
}

// README "High DPI": what the code draws has the pixels of the screen's
// scale, not a 1x picture stretched; the icons are SVG.
void TestWindow::drawnIcons_sharpAtEveryScale()
{
    const QIcon dot = Theme::statusDot(Qt::red);
    for (const qreal scale : {1.0, 2.0, 3.0}) {
        const QPixmap pixmap = dot.pixmap(QSize(12, 12), scale);
        QCOMPARE(pixmap.width(), qRound(12 * scale));
    }
    const QIcon bell = Theme::icon(QStringLiteral("bell"));
    QVERIFY(!bell.isNull());
    QCOMPARE(bell.pixmap(QSize(20, 20), 2.0).width(), 40);
    QDirIterator icons(QStringLiteral(":/icons"));
    while (icons.hasNext()) {
        const QString path = icons.next();
        QVERIFY2(path.endsWith(QLatin1String(".svg")), qPrintable(path));
    }
}

// Two screens (README "The window"), before the application exists: the
// offscreen platform reads them from a configuration file.
int main(int argc, char **argv)
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(R"({"synchronousWindowSystemEvents": false, "windowFrameMargins": true,
      "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "monitor", "x": 1280, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window.moc"
