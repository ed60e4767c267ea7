#pragma once

#include "services/Session.h"
#include "storage/DatabaseLocation.h"

#include <QWidget>

#include <memory>

class ElidedLabel;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

// The first screen: which database, email and password. Signing in opens the
// database and checks the password (Session::signIn); on success signedIn()
// is emitted and takeSession() hands the session over. Remembers the last
// location and email (never the password).
class SignInWindow : public QWidget
{
    Q_OBJECT

public:
    explicit SignInWindow(QWidget *parent = nullptr);
    ~SignInWindow() override;

    // The location to sign in to, as typed (a path or a postgresql:// URL).
    // Returns false and shows why when it cannot be parsed.
    bool setLocation(const QString &text);
    DatabaseLocation location() const { return m_location; }
    void setEmail(const QString &email);

    // After signedIn(): the new session (once).
    std::unique_ptr<Session> takeSession();
    // Back to a blank password and no error (after sign out).
    void reset();

    // What QSettings remembers between runs.
    static QString rememberedLocation();
    static QString rememberedEmail();

signals:
    void signedIn();

public slots:
    void signIn();
    void changeLocation();

private:
    QWidget *buildCard();
    QLayout *buildDatabaseRow(QWidget *parent);
    void addCredentials(QWidget *parent, QVBoxLayout *layout);
    void addNotes(QWidget *parent, QVBoxLayout *layout);
    void updateButton();
    void showError(const QString &message);
    void remember() const;

    QLabel *m_logo = nullptr;
    ElidedLabel *m_locationLabel = nullptr;
    QPushButton *m_changeButton = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_signInButton = nullptr;
    QLabel *m_trustNote = nullptr;
    QLabel *m_emailLabel = nullptr;
    QLabel *m_serverNote = nullptr; // a shared server: the login is the person's own

    QString m_locationText;
    DatabaseLocation m_location;
    std::unique_ptr<Session> m_session;
};
