#pragma once

// Shared by the GUI tests (header only: each tst_*.cpp is its own program).
#include "AppController.h"
#include "DemoData.h"
#include "MainWindow.h"
#include "SignInWindow.h"
#include "TestDatabase.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

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

} // namespace GuiTest
