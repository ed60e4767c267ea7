#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class MailPump;
class ReminderTimer;
class MainWindow;
class QApplication;
class SignInWindow;

// The GUI's wiring: the sign-in window first; after sign-in the main window
// (which owns the session); signing out closes it and shows sign-in again.
// On a local (SQLite) database the email sender (MailPump) runs while someone
// is signed in, and so does the reminder job (ReminderTimer); a shared
// PostgreSQL database has certdesk-cli mail-relay and reminders.
class AppController : public QObject
{
    Q_OBJECT

public:
    // locationText: the --db argument; empty means the last location used,
    // or the default SQLite file.
    explicit AppController(const QString &locationText = QString(), QObject *parent = nullptr);
    ~AppController() override;

    // Names (for QSettings and paths) and version; needs no display.
    static void setApplicationNames();
    // The names, window icon and style.
    static void configureApplication(QApplication &app);

    void start();
    SignInWindow *signInWindow() const { return m_signIn.get(); }
    MainWindow *mainWindow() const;
    // The running email sender, or null (signed out, or PostgreSQL).
    MailPump *mailPump() const { return m_pump.get(); }
    // The reminder job on a local database, or null.
    ReminderTimer *reminderTimer() const { return m_reminders.get(); }

public slots:
    void signOut();

private:
    void openMainWindow();
    void stopMailPump();

    std::unique_ptr<SignInWindow> m_signIn;
    QPointer<MainWindow> m_main;
    std::unique_ptr<MailPump> m_pump;
    std::unique_ptr<ReminderTimer> m_reminders;
};
