#pragma once

// Shared by the GUI tests (header only: each tst_*.cpp is its own program).
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "services/DemoData.h"
#include "shell/AppController.h"
#include "shell/MainWindow.h"
#include "shell/SignInWindow.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace GuiTest {

// Keeps QSettings and standard paths away from the user's own, and gives the
// application the names and look it has in certdesk.
inline void prepareApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    AppController::configureApplication(*qApp);
    QSettings().clear();
}

// A SQLite file filled with the demo organisation (README "Demo users").
inline std::unique_ptr<TestDatabase> demoDatabase(QString *error)
{
    auto db = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
    if (!db->isValid()) {
        *error = db->error();
        return nullptr;
    }
    const auto filled = DemoData::fill(db->db());
    if (!filled) {
        *error = filled.message();
        return nullptr;
    }
    return db;
}

template <typename T> T *child(QWidget *parent, const char *objectName)
{
    return parent ? parent->findChild<T *>(QString::fromLatin1(objectName)) : nullptr;
}

// Types the credentials into the sign-in window and clicks "Sign in".
inline void typeAndSignIn(SignInWindow *window, const QString &email, const QString &password)
{
    auto *emailEdit = child<QLineEdit>(window, "emailEdit");
    auto *passwordEdit = child<QLineEdit>(window, "passwordEdit");
    auto *button = child<QPushButton>(window, "signInButton");
    QVERIFY(emailEdit && passwordEdit && button);
    emailEdit->clear();
    passwordEdit->clear();
    QTest::keyClicks(emailEdit, email);
    QTest::keyClicks(passwordEdit, password);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

// Saves a PNG of the widget into $CERTDESK_SCREENSHOT_DIR (when set).
inline void saveScreenshot(QWidget *widget, const QString &fileName)
{
    const QString dir = qEnvironmentVariable("CERTDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QCoreApplication::processEvents();
    const QString path = QDir(dir).filePath(fileName);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

// Signs in without the sign-in window and opens the main window on it.
inline std::unique_ptr<MainWindow> openMainWindow(const QString &location, const QString &email,
                                                  QSize size = QSize(1100, 700))
{
    QString error;
    const DatabaseLocation where = DatabaseLocation::parse(location, &error);
    auto session = Session::signIn(where, email, DemoData::password());
    if (!session) {
        qWarning("%s", qPrintable(session.message()));
        return nullptr;
    }
    auto window = std::make_unique<MainWindow>(std::move(session.value()));
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// A real, one-page certificate PDF at path (a distinct reference each time:
// the same PDF twice for one person is a duplicate).
inline bool writeCertificatePdf(const QString &path, const QString &title, const QString &holder)
{
    static int count = 0;
    const CertificatePdfContent content{
        title,
        holder,
        QStringLiteral("Northwind Training Institute"),
        QDate(2024, 3, 12),
        QDate(2027, 3, 12),
        QStringLiteral("GUI-%1").arg(++count, 5, 10, QLatin1Char('0'))};
    const QByteArray bytes = CertificatePdf::render(content);
    QFile file(path);
    return !bytes.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// What a file manager's drag carries.
inline QMimeData *filesMime(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime->setUrls(urls);
    return mime;
}

// Drags files over target (enter + move), proposing a move as file managers
// do; true when the target takes them.
inline bool dragFilesOver(QWidget *target, const QMimeData *mime)
{
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                        Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    return move.isAccepted();
}

// Drops files on target; true when taken as a copy (never a move).
inline bool dropFilesOn(QWidget *target, const QMimeData *mime)
{
    QDropEvent drop(QPointF(target->rect().center()), Qt::CopyAction | Qt::MoveAction, mime,
                    Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::CopyAction;
}

// Runs action on the next modal dialog of type T as soon as it is the active
// modal widget (the code under test is then blocked in its exec()). Gives up
// silently after timeoutMs; the test's own checks then fail.
template <typename T, typename Action> void onNextModal(Action action, int timeoutMs = 10000)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QDeadlineTimer deadline(timeoutMs);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, action, deadline]() mutable {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog && !deadline.hasExpired())
            return;
        timer->stop();
        timer->deleteLater();
        if (dialog)
            action(dialog);
    });
    timer->start();
}

} // namespace GuiTest
