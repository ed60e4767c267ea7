#pragma once

// Shared by the GUI tests (tests/ui), in certdesk_testsupport_gui: the only
// test helpers that need QtWidgets and certdesk_ui.
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "services/DemoData.h"
#include "shell/AppController.h"
#include "shell/MainWindow.h"
#include "shell/SignInWindow.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
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
void prepareApplication();

// The PDF reader's time limit in the GUI tests' demo databases, in seconds
// (pdf.check-seconds; see demoDatabase()).
constexpr int kReaderSeconds = 60;

// A SQLite file filled with the demo organisation (README "Demo users"), the
// reader's time limit at kReaderSeconds.
std::unique_ptr<TestDatabase> demoDatabase(QString *error);

template <typename T> T *child(QWidget *parent, const char *objectName)
{
    return parent ? parent->findChild<T *>(QString::fromLatin1(objectName)) : nullptr;
}

// Types the credentials into the sign-in window and clicks "Sign in".
void typeAndSignIn(SignInWindow *window, const QString &email, const QString &password);

// The texts a person cannot read in full under root as it is laid out now:
// a visible label or button narrower (or, wrapped, lower) than its text
// needs, or one that a container cuts off (past a scroll area's viewport in
// a direction it does not scroll, or past the window's edge).
// Each entry names the widget (objectName or class) and the text.
QStringList clippedTexts(QWidget *root);

// Saves a PNG of the widget into $CERTDESK_SCREENSHOT_DIR (when set).
void saveScreenshot(QWidget *widget, const QString &fileName);

// Signs in without the sign-in window and opens the main window on it
// (password: null for the demo's).
std::unique_ptr<MainWindow> openMainWindow(const QString &location, const QString &email,
                                           QSize size = QSize(1100, 700),
                                           const QString &password = QString());

// A real, one-page certificate PDF at path (a distinct reference each time:
// the same PDF twice for one person is a duplicate).
bool writeCertificatePdf(const QString &path, const QString &title, const QString &holder);

// What a file manager's drag carries.
QMimeData *filesMime(const QStringList &paths);

// Drags files over target (enter + move), proposing a move as file managers
// do; true when the target takes them.
bool dragFilesOver(QWidget *target, const QMimeData *mime);

// Drops files on target; true when taken as a copy (never a move).
bool dropFilesOn(QWidget *target, const QMimeData *mime);

// Whether a dialog is still busy before a user would act on it: an import
// dialog still checking its file (any dialog with isCheckingFile()).
template <typename T> auto isBusy(T *dialog, int) -> decltype(dialog->isCheckingFile())
{
    return dialog->isCheckingFile();
}
template <typename T> bool isBusy(T *, long)
{
    return false;
}

// What a dialog shows (its title and visible labels), for a test's warning.
QString describeDialog(QWidget *dialog);

// Closes dialog (reject) when it is still open closeMs from now, with a
// warning that says what it showed: a test whose action could not close it
// (a file refused, a button still off) then fails on its own checks at once
// instead of hanging in the code's exec() until ctest's time-out.
void closeLater(QWidget *dialog, int closeMs);

// Runs action on the next modal dialog of type T as soon as it is the active
// modal widget (the code under test is then blocked in its exec()) and no
// longer busy (isBusy). Gives up after timeoutMs without a dialog (some tests
// arm it for a dialog that may not come; the others' checks then fail); a
// busy dialog gets a minute more. A dialog the action leaves open is closed a
// minute later (closeLater).
template <typename T, typename Action> void onNextModal(Action action, int timeoutMs = 10000)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QDeadlineTimer deadline(timeoutMs);
    // A busy dialog (its file still being checked, slowly on a loaded
    // machine or under a sanitizer) gets a minute more.
    QDeadlineTimer busyDeadline(timeoutMs + 60 * 1000);
    QObject::connect(timer, &QTimer::timeout, timer,
                     [timer, action, deadline, busyDeadline]() mutable {
                         auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
                         if (!dialog && !deadline.hasExpired())
                             return;
                         if (dialog && isBusy(dialog, 0) && !busyDeadline.hasExpired())
                             return;
                         timer->stop();
                         timer->deleteLater();
                         if (!dialog)
                             return;
                         action(dialog);
                         closeLater(dialog, 60 * 1000);
                     });
    timer->start();
}

} // namespace GuiTest
