#include "shell/SignInWindow.h"

#include "shell/LocationDialog.h"
#include "style/Theme.h"
#include "widgets/ElidedLabel.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace {
const QString kLocationKey = QStringLiteral("signIn/location");
const QString kEmailKey = QStringLiteral("signIn/email");
constexpr int kCardWidth = 440;

// A location to keep in the settings: never with a password in it.
QString withoutPassword(const QString &text)
{
    if (!text.contains(QLatin1String("://")))
        return text;
    QUrl url(text);
    url.setPassword(QString());
    return url.toString();
}

QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}
} // namespace

SignInWindow::SignInWindow(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("signInBackground"));
    setAttribute(Qt::WA_StyledBackground);
    setWindowTitle(tr("Sign in — CertDesk"));
    resize(760, 640);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingXLarge, Theme::SpacingXLarge,
                              Theme::SpacingXLarge);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(buildCard());
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(1);

    connect(m_email, &QLineEdit::textChanged, this, &SignInWindow::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &SignInWindow::updateButton);
    connect(m_email, &QLineEdit::returnPressed, this, [this] {
        if (m_password->text().isEmpty())
            m_password->setFocus();
        else
            signIn();
    });
    connect(m_password, &QLineEdit::returnPressed, this, &SignInWindow::signIn);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInWindow::signIn);
    connect(m_changeButton, &QPushButton::clicked, this, &SignInWindow::changeLocation);

    setLocation(DatabaseLocation::defaultSqlitePath());
    updateButton();
}

SignInWindow::~SignInWindow() = default;

QWidget *SignInWindow::buildCard()
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setFixedWidth(kCardWidth);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(36, 32, 36, 28);
    layout->setSpacing(Theme::Spacing);

    m_logo = new QLabel(card);
    m_logo->setObjectName(QStringLiteral("logo"));
    m_logo->setAccessibleName(tr("CertDesk logo"));
    m_logo->setAlignment(Qt::AlignHCenter);
    const QIcon logo = Theme::icon(QStringLiteral("certdesk"));
    if (logo.isNull())
        m_logo->hide();
    else
        m_logo->setPixmap(logo.pixmap(QSize(72, 72), devicePixelRatioF()));
    layout->addWidget(m_logo);

    auto *heading = new QLabel(tr("Sign in to CertDesk"), card);
    heading->setObjectName(QStringLiteral("signInHeading"));
    heading->setAlignment(Qt::AlignHCenter);
    layout->addWidget(heading);
    layout->addSpacing(Theme::SpacingSmall);

    layout->addLayout(buildDatabaseRow(card));
    layout->addSpacing(Theme::Spacing);

    addCredentials(card, layout);

    m_error = new QLabel(card);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setAccessibleName(tr("Sign-in error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addSpacing(Theme::SpacingSmall);
    layout->addWidget(m_error);
    layout->addSpacing(Theme::SpacingSmall);

    m_signInButton = new QPushButton(tr("Sign in"), card);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setAccessibleName(tr("Sign in"));
    m_signInButton->setDefault(true);
    m_signInButton->setCursor(Qt::PointingHandCursor);
    layout->addWidget(m_signInButton);

    addNotes(card, layout);
    return card;
}

QLayout *SignInWindow::buildDatabaseRow(QWidget *parent)
{
    // Which database: icon, location (elided), Change….
    auto *databaseRow = new QHBoxLayout;
    databaseRow->setSpacing(Theme::Spacing);
    auto *databaseIcon = new QLabel(parent);
    const QIcon database = Theme::icon(QStringLiteral("database"));
    if (!database.isNull())
        databaseIcon->setPixmap(database.pixmap(QSize(18, 18), devicePixelRatioF()));
    databaseRow->addWidget(databaseIcon);
    auto *databaseCaption = Theme::noteLabel(tr("Database:"), parent);
    databaseRow->addWidget(databaseCaption);
    m_locationLabel = new ElidedLabel(parent);
    m_locationLabel->setObjectName(QStringLiteral("locationLabel"));
    databaseRow->addWidget(m_locationLabel, 1);
    m_changeButton = new QPushButton(tr("Change…"), parent);
    m_changeButton->setObjectName(QStringLiteral("changeLocationButton"));
    m_changeButton->setAccessibleName(tr("Change the database"));
    m_changeButton->setAutoDefault(false);
    databaseRow->addWidget(m_changeButton);
    return databaseRow;
}

void SignInWindow::addCredentials(QWidget *parent, QVBoxLayout *layout)
{
    m_email = new QLineEdit(parent);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("name@example.org"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_emailLabel = fieldLabel(tr("&Email"), m_email, parent);
    layout->addWidget(m_emailLabel);
    layout->addWidget(m_email);
    layout->addSpacing(Theme::SpacingSmall);

    m_password = new QLineEdit(parent);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    const QIcon eye = Theme::icon(QStringLiteral("eye"));
    if (!eye.isNull()) {
        QAction *reveal = m_password->addAction(eye, QLineEdit::TrailingPosition);
        reveal->setObjectName(QStringLiteral("showPasswordAction"));
        reveal->setCheckable(true);
        reveal->setText(tr("Show the password"));
        connect(reveal, &QAction::toggled, this, [this, reveal](bool shown) {
            m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
            reveal->setText(shown ? tr("Hide the password") : tr("Show the password"));
        });
    }
    layout->addWidget(fieldLabel(tr("&Password"), m_password, parent));
    layout->addWidget(m_password);
}

void SignInWindow::addNotes(QWidget *parent, QVBoxLayout *layout)
{
    m_trustNote = Theme::noteLabel(tr("This file is the trust boundary: anyone who can read it can "
                                      "read everything in it."),
                                   parent);
    m_trustNote->setObjectName(QStringLiteral("trustNote"));
    m_trustNote->setAccessibleName(m_trustNote->text());
    m_trustNote->setAlignment(Qt::AlignHCenter);
    QFont small = m_trustNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_trustNote->setFont(small);
    layout->addSpacing(Theme::SpacingSmall);
    layout->addWidget(m_trustNote);
    m_serverNote = Theme::noteLabel(QString(), parent);
    m_serverNote->setObjectName(QStringLiteral("serverNote"));
    m_serverNote->setAlignment(Qt::AlignHCenter);
    m_serverNote->setWordWrap(true);
    m_serverNote->setFont(small);
    m_serverNote->hide();
    layout->addWidget(m_serverNote);
}

bool SignInWindow::setLocation(const QString &text)
{
    QString error;
    const DatabaseLocation parsed = DatabaseLocation::parse(text, &error);
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    m_locationText = text.trimmed().isEmpty() ? parsed.displayName() : text.trimmed();
    m_location = parsed;
    m_locationLabel->setFullText(m_location.displayName());
    m_trustNote->setVisible(!m_location.isPostgres());
    // A shared server named without a login: the email and password are the
    // person's own login on it (README "Deploying on PostgreSQL").
    const bool ownLogin = m_location.isPostgres() && m_location.user().isEmpty();
    m_emailLabel->setText(ownLogin ? tr("&Login (your email)") : tr("&Email"));
    m_email->setAccessibleName(ownLogin ? tr("Login") : tr("Email"));
    if (m_serverNote) {
        m_serverNote->setText(
            tr("Server %1, database %2: sign in with your own login; the server checks it.")
                .arg(m_location.host(), m_location.databaseName()));
        m_serverNote->setVisible(ownLogin);
    }
    m_error->hide();
    return true;
}

void SignInWindow::setEmail(const QString &email)
{
    m_email->setText(email);
}

std::unique_ptr<Session> SignInWindow::takeSession()
{
    return std::move(m_session);
}

void SignInWindow::reset()
{
    m_password->clear();
    m_error->hide();
    (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
}

QString SignInWindow::rememberedLocation()
{
    return QSettings().value(kLocationKey).toString();
}

QString SignInWindow::rememberedEmail()
{
    return QSettings().value(kEmailKey).toString();
}

void SignInWindow::updateButton()
{
    m_signInButton->setEnabled(!m_email->text().trimmed().isEmpty() &&
                               !m_password->text().isEmpty());
}

void SignInWindow::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void SignInWindow::remember() const
{
    QSettings settings;
    settings.setValue(kLocationKey, withoutPassword(m_locationText));
    settings.setValue(kEmailKey, m_email->text().trimmed());
}

void SignInWindow::signIn()
{
    if (!m_signInButton->isEnabled())
        return;
    m_error->hide();
    m_signInButton->setEnabled(false);
    m_signInButton->setText(tr("Signing in…"));
    // Argon2id takes a moment: show that something happens.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_signInButton->repaint();
    auto result = Session::signIn(m_location, m_email->text().trimmed(), m_password->text());
    QApplication::restoreOverrideCursor();
    m_signInButton->setText(tr("Sign in"));
    updateButton();
    if (!result) {
        showError(result.message());
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    remember();
    m_session = std::move(result.value());
    m_password->clear();
    emit signedIn();
}

void SignInWindow::changeLocation()
{
    LocationDialog dialog(m_locationText, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setLocation(dialog.locationText());
}
