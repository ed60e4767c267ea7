#include "shell/AppController.h"

#include "mail/MailPump.h"
#include "services/ReminderTimer.h"
#include "shell/MainWindow.h"
#include "shell/SignInWindow.h"
#include "style/Theme.h"

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
    // Quitting waits a few seconds at most for the email being sent.
    stopMailPump();
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
    stopMailPump();
    delete m_main.data();
    const DatabaseLocation location = session->database().location();
    const bool local = !session->database().isPostgres();
    m_main = new MainWindow(std::move(session));
    // Email from a local database goes out from here (ARCHITECTURE.md,
    // "Email"); the sender opens its own connection in its own thread.
    if (local) {
        m_pump = std::make_unique<MailPump>(location);
        m_main->setMailPump(m_pump.get());
        m_pump->start();
        // So do the reminders before expiry, at sign-in and each new day
        // (README "Reminders"); what they queue goes out at once.
        m_reminders = std::make_unique<ReminderTimer>(location);
        connect(m_reminders.get(), &ReminderTimer::finished, this,
                [this](int sent, const QString &) {
                    if (sent <= 0)
                        return;
                    if (m_pump)
                        m_pump->sendNow();
                    if (m_main)
                        m_main->refreshUnreadCount();
                });
        m_reminders->start();
    }
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
    stopMailPump();
    // Show sign-in first: hiding the last visible window must not quit.
    start();
    m_main->hide();
    // Deleting the window closes its session and the database connection.
    m_main->deleteLater();
    m_main.clear();
}

void AppController::stopMailPump()
{
    m_reminders.reset();
    if (!m_pump)
        return;
    m_pump->stop();
    m_pump.reset();
}
