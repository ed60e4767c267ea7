// The sign-in screen, offscreen: which database, the button's state, the
// errors people meet (wrong password, deleted account, missing or newer
// database), what is remembered, and a good sign-in opening the main window.
#include "GuiTestSupport.h"
#include "services/ServerSetup.h"
#include "shell/LocationDialog.h"

#include "storage/Database.h"

#include <QDialog>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>

using GuiTest::child;

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyFields_keepButtonDisabled();
    void wrongPassword_showsErrorAndStays();
    void deletedUser_refused();
    void missingDatabase_saysSoAndCreatesNothing();
    void newerDatabase_refusedUntouched();
    void trustNote_onlyForSqlite();
    void changeButton_opensLocationDialog();
    void enterInPassword_signsIn();
    void goodSignIn_opensMainWindow();
    void remembersLocationAndEmail_neverPassword();
    void screenshot();
    void sharedServer_ownLogin();
    void locationDialog_serverFieldsWriteTheUrl();

private:
    QLabel *errorLabel() { return child<QLabel>(m_window.get(), "signInError"); }
    QPushButton *button() { return child<QPushButton>(m_window.get(), "signInButton"); }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<SignInWindow> m_window;
};

void TestSignIn::initTestCase()
{
    GuiTest::prepareApplication();
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestSignIn::init()
{
    QSettings().clear();
    m_window = std::make_unique<SignInWindow>();
    QVERIFY(m_window->setLocation(m_db->location()));
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSignIn::cleanup()
{
    m_window.reset();
}

void TestSignIn::emptyFields_keepButtonDisabled()
{
    auto *email = child<QLineEdit>(m_window.get(), "emailEdit");
    auto *password = child<QLineEdit>(m_window.get(), "passwordEdit");
    QVERIFY(email && password && button());
    QVERIFY(!button()->isEnabled());
    QTest::keyClicks(email, DemoData::adminEmail());
    QVERIFY(!button()->isEnabled());
    QTest::keyClicks(password, QStringLiteral("x"));
    QVERIFY(button()->isEnabled());
    email->clear();
    QVERIFY(!button()->isEnabled());
    QTest::keyClicks(email, QStringLiteral("   "));
    QVERIFY2(!button()->isEnabled(), "blanks are no email address");
    // Return with the button disabled does nothing (no error, no session).
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(errorLabel()->isHidden());
    QVERIFY(!m_window->takeSession());
}

void TestSignIn::wrongPassword_showsErrorAndStays()
{
    QSignalSpy signedIn(m_window.get(), &SignInWindow::signedIn);
    GuiTest::typeAndSignIn(m_window.get(), DemoData::adminEmail(), QStringLiteral("wrong"));
    QTRY_VERIFY(errorLabel()->isVisible());
    QVERIFY2(errorLabel()->text().contains(QLatin1String("wrong")),
             qPrintable(errorLabel()->text()));
    QCOMPARE(signedIn.count(), 0);
    QVERIFY(m_window->isVisible());
    QVERIFY(!m_window->takeSession());
    // The password stays selected for retyping; the button works again.
    auto *password = child<QLineEdit>(m_window.get(), "passwordEdit");
    QCOMPARE(password->selectedText(), QStringLiteral("wrong"));
    QVERIFY(button()->isEnabled());
    QCOMPARE(button()->text(), QStringLiteral("Sign in"));
    // An unknown address reads the same (no probing for accounts).
    const QString wrongPasswordMessage = errorLabel()->text();
    GuiTest::typeAndSignIn(m_window.get(), QStringLiteral("nobody@demo.example"),
                           QStringLiteral("demo"));
    QTRY_COMPARE(errorLabel()->text(), wrongPasswordMessage);
}

void TestSignIn::deletedUser_refused()
{
    QSignalSpy signedIn(m_window.get(), &SignInWindow::signedIn);
    GuiTest::typeAndSignIn(m_window.get(), QStringLiteral("tom.becker@demo.example"),
                           DemoData::password());
    QTRY_VERIFY(errorLabel()->isVisible());
    QVERIFY2(errorLabel()->text().contains(QLatin1String("deleted")),
             qPrintable(errorLabel()->text()));
    QCOMPARE(signedIn.count(), 0);
    QVERIFY(!m_window->takeSession());
}

void TestSignIn::missingDatabase_saysSoAndCreatesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typo.sqlite"));
    QVERIFY(m_window->setLocation(path));
    GuiTest::typeAndSignIn(m_window.get(), DemoData::adminEmail(), DemoData::password());
    QTRY_VERIFY(errorLabel()->isVisible());
    QVERIFY2(errorLabel()->text().contains(QLatin1String("no database")),
             qPrintable(errorLabel()->text()));
    QVERIFY2(errorLabel()->text().contains(QLatin1String("certdesk-cli")),
             "the message says how to create one");
    QVERIFY2(!QFile::exists(path), "signing in must not create a database");
}

void TestSignIn::newerDatabase_refusedUntouched()
{
    TestDatabase future(QStringLiteral("sqlite"));
    QVERIFY2(future.isValid(), qPrintable(future.error()));
    QString error;
    Sql::run(future->connection(),
             QStringLiteral("INSERT INTO schema_version (version, name, applied_at) "
                            "VALUES (?, 'from_the_future', ?)"),
             {Database::latestSchemaVersion() + 1, Sql::now()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_window->setLocation(future.location()));
    GuiTest::typeAndSignIn(m_window.get(), DemoData::adminEmail(), DemoData::password());
    QTRY_VERIFY(errorLabel()->isVisible());
    QVERIFY2(errorLabel()->text().contains(QLatin1String("newer")),
             qPrintable(errorLabel()->text()));
    QCOMPARE(future->schemaVersion(), Database::latestSchemaVersion() + 1);
}

void TestSignIn::trustNote_onlyForSqlite()
{
    auto *note = child<QLabel>(m_window.get(), "trustNote");
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("trust boundary")));
    auto *location = child<QLabel>(m_window.get(), "locationLabel");
    QVERIFY(location);
    QCOMPARE(location->toolTip(), DatabaseLocation::sqlite(m_db->location()).displayName());

    QVERIFY(m_window->setLocation(QStringLiteral("postgresql://ada@db.example.org/certdesk")));
    QVERIFY(note->isHidden());
    QCOMPARE(location->toolTip(), QStringLiteral("postgresql://ada@db.example.org/certdesk"));

    // Not a location at all: said on the card, the previous location kept.
    QVERIFY(!m_window->setLocation(QStringLiteral("ftp://example.org/x")));
    QTRY_VERIFY(errorLabel()->isVisible());
    QVERIFY(m_window->location().isPostgres());
}

void TestSignIn::changeButton_opensLocationDialog()
{
    const QString other = QDir::temp().filePath(QStringLiteral("other-team.sqlite"));
    bool sawBadInput = false;
    // The dialog is modal: answer it from the event loop.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        auto *edit = child<QLineEdit>(dialog, "locationEdit");
        auto *error = child<QLabel>(dialog, "locationError");
        if (!edit || !error || edit->text() != m_db->location()) {
            if (dialog)
                dialog->reject(); // fails below instead of hanging
            return;
        }
        // Not a location: the dialog says why and stays open.
        edit->setText(QStringLiteral("http://example.org/db"));
        dialog->accept();
        sawBadInput = dialog->isVisible() && error->isVisible();
        edit->setText(other);
        dialog->accept();
    });
    QTest::mouseClick(child<QPushButton>(m_window.get(), "changeLocationButton"), Qt::LeftButton);
    QVERIFY(sawBadInput);
    QCOMPARE(m_window->location().path(), other);
    QCOMPARE(child<QLabel>(m_window.get(), "locationLabel")->toolTip(), other);
}

void TestSignIn::enterInPassword_signsIn()
{
    QSignalSpy signedIn(m_window.get(), &SignInWindow::signedIn);
    auto *email = child<QLineEdit>(m_window.get(), "emailEdit");
    auto *password = child<QLineEdit>(m_window.get(), "passwordEdit");
    QTest::keyClicks(email, QStringLiteral("emma.wilson@demo.example"));
    QTest::keyClick(email, Qt::Key_Return); // no password yet: moves on, no error
    QVERIFY(errorLabel()->isHidden());
    QTest::keyClicks(password, DemoData::password());
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE(signedIn.count(), 1);
    const auto session = m_window->takeSession();
    QVERIFY(session);
    QCOMPARE(session->user().email, QStringLiteral("emma.wilson@demo.example"));
    QVERIFY2(password->text().isEmpty(), "the password does not linger in the field");
}

void TestSignIn::goodSignIn_opensMainWindow()
{
    m_window.reset();
    AppController controller(m_db->location());
    controller.start();
    QVERIFY(QTest::qWaitForWindowExposed(controller.signInWindow()));
    GuiTest::typeAndSignIn(controller.signInWindow(), DemoData::adminEmail(), DemoData::password());
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    QVERIFY(!controller.signInWindow()->isVisible());
    QCOMPARE(controller.mainWindow()->windowTitle(), QStringLiteral("CertDesk — Alex Morgan"));
    QCOMPARE(controller.mainWindow()->session().user().email, DemoData::adminEmail());
}

void TestSignIn::remembersLocationAndEmail_neverPassword()
{
    QSignalSpy signedIn(m_window.get(), &SignInWindow::signedIn);
    GuiTest::typeAndSignIn(m_window.get(), QStringLiteral("Emma.Wilson@demo.example"),
                           DemoData::password());
    QTRY_COMPARE(signedIn.count(), 1);
    QVERIFY(m_window->takeSession());
    QCOMPARE(SignInWindow::rememberedLocation(), m_db->location());
    QCOMPARE(SignInWindow::rememberedEmail(), QStringLiteral("Emma.Wilson@demo.example"));
    QSettings settings;
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys)
        QVERIFY2(settings.value(key).toString() != DemoData::password(), qPrintable(key));

    // The next start offers the same database and address.
    AppController controller;
    QCOMPARE(controller.signInWindow()->location().path(), m_db->location());
    QCOMPARE(child<QLineEdit>(controller.signInWindow(), "emailEdit")->text(),
             QStringLiteral("Emma.Wilson@demo.example"));
}

void TestSignIn::screenshot()
{
    child<QLineEdit>(m_window.get(), "emailEdit")->setText(DemoData::adminEmail());
    child<QLineEdit>(m_window.get(), "passwordEdit")->setFocus();
    GuiTest::saveScreenshot(m_window.get(), QStringLiteral("signin.png"));
    // And how an error reads.
    GuiTest::typeAndSignIn(m_window.get(), DemoData::adminEmail(), QStringLiteral("wrong"));
    QTRY_VERIFY(errorLabel()->isVisible());
    GuiTest::saveScreenshot(m_window.get(), QStringLiteral("signin-error.png"));
}

void TestSignIn::sharedServer_ownLogin()
{
    // On a server prepared by setup, the sign-in's login and password
    // are the person's own PostgreSQL login; the server says who they are.
    CERTDESK_REQUIRE_SERVER();
    TestDatabase server(QStringLiteral("postgresql"));
    QVERIFY2(server.isValid(), qPrintable(server.error()));
    // A login unique on the shared test server: the database's name is in it.
    const QString email = QStringLiteral("ada@%1.example")
                              .arg(server.pgName().replace(QLatin1Char('_'), QLatin1Char('-')));
    ServerSetupOptions options;
    options.adminEmail = email;
    options.adminName = QStringLiteral("Ada Lovelace");
    options.adminPassword = QStringLiteral("ada-pw-123");
    const auto report = ServerSetup::run(server.db(), options);
    QVERIFY2(report, qPrintable(report.message()));
    server.close();
    QUrl url(server.location());
    url.setUserName(QString());
    url.setPassword(QString());
    QVERIFY(m_window->setLocation(url.toString()));
    QVERIFY(child<QLabel>(m_window.get(), "trustNote")->isHidden());
    // The sign-in screen says it is the person's own login on that server.
    QVERIFY(child<QLabel>(m_window.get(), "serverNote")->isVisible());
    QVERIFY(child<QLabel>(m_window.get(), "serverNote")->text().contains(server.pgName()));
    QCOMPARE(child<QLineEdit>(m_window.get(), "emailEdit")->accessibleName(),
             QStringLiteral("Login"));

    child<QLineEdit>(m_window.get(), "emailEdit")->setText(email);
    GuiTest::saveScreenshot(m_window.get(), QStringLiteral("signin-postgresql.png"));
    GuiTest::typeAndSignIn(m_window.get(), email, QStringLiteral("wrong-pw"));
    QTRY_VERIFY(errorLabel()->isVisible());
    QVERIFY2(errorLabel()->text().contains(QLatin1String("refused the login")),
             qPrintable(errorLabel()->text()));
    QVERIFY(!m_window->takeSession());
    GuiTest::saveScreenshot(m_window.get(), QStringLiteral("signin-postgresql-refused.png"));

    QSignalSpy signedIn(m_window.get(), &SignInWindow::signedIn);
    GuiTest::typeAndSignIn(m_window.get(), email, QStringLiteral("ada-pw-123"));
    QTRY_COMPARE(signedIn.count(), 1);
    auto session = m_window->takeSession();
    QVERIFY(session);
    QCOMPARE(session->user().email, email);
    QVERIFY(session->database().isSecured());
    QCOMPARE(session->userId(), report->admin->id);
}

void TestSignIn::locationDialog_serverFieldsWriteTheUrl()
{
    LocationDialog dialog(m_db->location());
    dialog.resize(560, 360);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = child<QLineEdit>(&dialog, "locationEdit");
    auto *host = child<QLineEdit>(&dialog, "serverHostEdit");
    auto *port = child<QSpinBox>(&dialog, "serverPortEdit");
    auto *database = child<QLineEdit>(&dialog, "serverDatabaseEdit");
    QVERIFY(edit && host && port && database);
    QVERIFY(host->text().isEmpty()); // a SQLite file: no server
    QTest::keyClicks(host, QStringLiteral("db.example.org"));
    QTest::keyClicks(database, QStringLiteral("certdesk"));
    QCOMPARE(edit->text(), QStringLiteral("postgresql://db.example.org/certdesk"));
    port->setValue(6543);
    QCOMPARE(edit->text(), QStringLiteral("postgresql://db.example.org:6543/certdesk"));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("location-server.png"));
    dialog.accept();
    QVERIFY(dialog.location().isPostgres());
    QCOMPARE(dialog.location().host(), QStringLiteral("db.example.org"));
    QCOMPARE(dialog.location().port(), 6543);
    QVERIFY(dialog.location().user().isEmpty());
    // Typing a URL fills the fields.
    LocationDialog again(QStringLiteral("postgresql://other.example.org:7000/team"));
    QCOMPARE(child<QLineEdit>(&again, "serverHostEdit")->text(),
             QStringLiteral("other.example.org"));
    QCOMPARE(child<QSpinBox>(&again, "serverPortEdit")->value(), 7000);
    QCOMPARE(child<QLineEdit>(&again, "serverDatabaseEdit")->text(), QStringLiteral("team"));
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
