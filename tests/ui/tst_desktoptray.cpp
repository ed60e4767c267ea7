// The system tray's side of desktop notifications (README "Desktop
// notifications"), on a real X display that has a tray and no notification
// server: ctest runs this test under dbus-run-session and xvfb-run with the
// xcb platform, and the test starts trayer (an XEmbed tray). The tray icon
// shows, counts what is unread, and a new notification becomes its message
// (Qt's balloon), whose click opens the item.
#include "GuiTestSupport.h"
#include "notifications/NotificationsPage.h"
#include "pdf/CertificatePdf.h"
#include "review/TaskView.h"
#include "services/CertificateService.h"
#include "shell/DesktopNotifier.h"

#include <QDBusConnection>
#include <QGuiApplication>
#include <QLabel>
#include <QProcess>
#include <QSystemTrayIcon>

namespace {
const QString kMaria = QStringLiteral("maria.schmidt@demo.example");
const QString kEmma = QStringLiteral("emma.wilson@demo.example");

// The tray's message: Qt draws it as a top-level widget of its own.
QWidget *balloon()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->inherits("QBalloonTip"))
            return w;
    return nullptr;
}

QString textsOf(QWidget *widget)
{
    QStringList texts;
    for (const QLabel *label : widget->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(u'\n');
}
} // namespace

class TestDesktopTray : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void noServer_trayMessage_clickOpensTask();

private:
    std::unique_ptr<TestDatabase> m_db;
    QProcess m_tray;
};

void TestDesktopTray::initTestCase()
{
    GuiTest::prepareApplication();
    // Not skips: without a display, a tray and a bus this test proves nothing.
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session");
    m_tray.setProgram(QStringLiteral("trayer"));
    m_tray.setArguments({QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
                         QStringLiteral("right"), QStringLiteral("--widthtype"),
                         QStringLiteral("request"), QStringLiteral("--height"),
                         QStringLiteral("24")});
    m_tray.setProcessChannelMode(QProcess::ForwardedChannels);
    m_tray.start();
    QVERIFY2(m_tray.waitForStarted(10000), qPrintable(m_tray.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 20000);
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestDesktopTray::cleanupTestCase()
{
    m_db.reset();
    m_tray.terminate();
    if (!m_tray.waitForFinished(5000))
        m_tray.kill();
}

void TestDesktopTray::noServer_trayMessage_clickOpensTask()
{
    auto window = GuiTest::openMainWindow(m_db->location(), kMaria);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    DesktopNotifier *notifier = window->desktopNotifier();
    QSystemTrayIcon *tray = notifier->trayIcon();
    QVERIFY(tray);
    QTRY_VERIFY(tray->isVisible());
    QCOMPARE(notifier->backend(), DesktopNotifier::Backend::Tray);
    const int unread = window->unreadCount();
    QCOMPARE(tray->toolTip(), QStringLiteral("CertDesk: %1 unread notifications").arg(unread));

    // Emma sends a certificate: Maria's task.
    auto emma =
        Session::signIn(DatabaseLocation::sqlite(m_db->location()), kEmma, DemoData::password());
    QVERIFY2(emma, qPrintable(emma.message()));
    const QDate delivered = QDate::currentDate().addDays(-3);
    ImportRequest request;
    request.pdf = CertificatePdf::render({QStringLiteral("Tray Course"), emma.value()->user().name,
                                          QStringLiteral("Northwind Training Institute"), delivered,
                                          QDate(), QStringLiteral("NTI-TRAY-1"), QString()});
    request.originalFilename = QStringLiteral("tray-course.pdf");
    request.name = QStringLiteral("Tray Course");
    request.delivered = delivered;
    CertificateService certificates(emma.value()->database());
    const auto imported = certificates.importCertificate(emma.value()->userId(), request);
    QVERIFY2(imported, qPrintable(imported.message()));

    QVERIFY(window->showPage(QStringLiteral("results")));
    window->refreshUnreadCount();
    QCOMPARE(tray->toolTip(), QStringLiteral("CertDesk: %1 unread notifications").arg(unread + 1));
    QWidget *message = nullptr;
    QTRY_VERIFY((message = balloon()) != nullptr);
    QVERIFY2(textsOf(message).contains(QStringLiteral("Tray Course")),
             qPrintable(textsOf(message)));
    GuiTest::saveScreenshot(message, QStringLiteral("tray-message.png"));

    QTest::mouseClick(message, Qt::LeftButton, {}, message->rect().center());
    QTRY_COMPARE(window->currentPageKey(), QStringLiteral("notifications"));
    auto *page = window->findChild<NotificationsPage *>();
    QVERIFY(page);
    QTRY_VERIFY(page->isReviewing());
    QTRY_COMPARE(page->taskView()->taskId(), imported->taskId);
}

QTEST_MAIN(TestDesktopTray)
#include "tst_desktoptray.moc"
