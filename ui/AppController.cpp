#include "AppController.h"

#include "MainWindow.h"
#include "SignInWindow.h"
#include "Theme.h"

#include <QApplication>

AppController::AppController(const QString &locationText, QObject *parent)
    : QObject(parent), m_signIn(std::make_unique<SignInWindow>())
{
    QString location = locationText.trimmed();
    if (location.isEmpty())
        location = SignInWindow::rememberedLocation();
    // An unparsable remembered location shows its error on the sign-in card
    // and keeps the default.
    m_signIn->setLocation(location);
    m_signIn->setEmail(SignInWindow::rememberedEmail());
    connect(m_signIn.get(), &SignInWindow::signedIn, this, &AppController::openMainWindow);
}

AppController::~AppController()
{
    delete m_main.data();
}

void AppController::configureApplication(QApplication &app)
{
    setApplicationNames();
    Theme::apply(app);
}

void AppController::setApplicationNames()
{
    QApplication::setOrganizationDomain(QStringLiteral("certdesk.org"));
    QApplication::setApplicationName(QStringLiteral("CertDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CERTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.certdesk.CertDesk"));
}

MainWindow *AppController::mainWindow() const
{
    return m_main.data();
}

void AppController::start()
{
    m_signIn->reset();
    m_signIn->show();
    m_signIn->raise();
    m_signIn->activateWindow();
}

void AppController::openMainWindow()
{
    std::unique_ptr<Session> session = m_signIn->takeSession();
    if (!session)
        return;
    delete m_main.data();
    m_main = new MainWindow(std::move(session));
    connect(m_main.data(), &MainWindow::signOutRequested, this, &AppController::signOut,
            Qt::QueuedConnection);
    m_main->show();
    m_main->raise();
    m_main->activateWindow();
    m_signIn->hide();
}

void AppController::signOut()
{
    if (!m_main)
        return;
    // Show sign-in first: hiding the last visible window must not quit.
    start();
    m_main->hide();
    // Deleting the window closes its session and the database connection.
    m_main->deleteLater();
    m_main.clear();
}
