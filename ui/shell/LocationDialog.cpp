#include "shell/LocationDialog.h"

#include "style/Theme.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

LocationDialog::LocationDialog(const QString &current, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("locationDialog"));
    setWindowTitle(tr("Choose the database"));
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(Theme::Spacing);
    layout->setContentsMargins(Theme::SpacingLarge, Theme::SpacingLarge, Theme::SpacingLarge,
                               Theme::SpacingLarge);

    auto *intro = new QLabel(tr("A SQLite file on this computer, or a shared PostgreSQL server "
                                "as postgresql://host:port/dbname (or fill in the server below)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    m_edit = new QLineEdit(current, this);
    m_edit->setObjectName(QStringLiteral("locationEdit"));
    m_edit->setAccessibleName(tr("Database location"));
    m_edit->setPlaceholderText(tr("/path/to/team.sqlite or postgresql://…"));
    m_edit->setClearButtonEnabled(true);
    row->addWidget(m_edit, 1);
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setAccessibleName(tr("Browse for a SQLite file"));
    m_browse->setAutoDefault(false);
    row->addWidget(m_browse);
    layout->addLayout(row);

    // A shared server: its address and database; the login and password are
    // the person's own and are asked on the sign-in screen.
    auto *server = new QGroupBox(tr("Shared PostgreSQL server"), this);
    server->setObjectName(QStringLiteral("serverGroup"));
    auto *form = new QFormLayout(server);
    m_host = new QLineEdit(server);
    m_host->setObjectName(QStringLiteral("serverHostEdit"));
    m_host->setAccessibleName(tr("Server"));
    m_host->setPlaceholderText(tr("db.example.org"));
    form->addRow(tr("&Server:"), m_host);
    m_port = new QSpinBox(server);
    m_port->setObjectName(QStringLiteral("serverPortEdit"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_port->setMaximumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("000000")) * 2);
    form->addRow(tr("&Port:"), m_port);
    m_database = new QLineEdit(server);
    m_database->setObjectName(QStringLiteral("serverDatabaseEdit"));
    m_database->setAccessibleName(tr("Database"));
    m_database->setPlaceholderText(QStringLiteral("certdesk"));
    form->addRow(tr("&Database:"), m_database);
    auto *note =
        Theme::noteLabel(tr("Your login and password are asked when you sign in."), server);
    form->addRow(note);
    layout->addWidget(server);
    fillServerFields(current);
    connect(m_host, &QLineEdit::textEdited, this, &LocationDialog::composeServerUrl);
    connect(m_database, &QLineEdit::textEdited, this, &LocationDialog::composeServerUrl);
    connect(m_port, &QSpinBox::valueChanged, this, &LocationDialog::composeServerUrl);
    connect(m_edit, &QLineEdit::textEdited, this, &LocationDialog::fillServerFields);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("locationError"));
    m_error->setAccessibleName(tr("Location error"));
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, Theme::errorColor(palette));
    m_error->setPalette(palette);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("locationButtons"));
    layout->addWidget(buttons);

    connect(m_browse, &QPushButton::clicked, this, &LocationDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &LocationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LocationDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, m_error, &QLabel::hide);
}

QString LocationDialog::locationText() const
{
    return m_edit->text().trimmed();
}

void LocationDialog::accept()
{
    QString error;
    const DatabaseLocation parsed = DatabaseLocation::parse(locationText(), &error);
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        m_edit->setFocus();
        return;
    }
    m_location = parsed;
    QDialog::accept();
}

void LocationDialog::browse()
{
    QString start = locationText();
    if (start.contains(QLatin1String("://")) || start.isEmpty())
        start = QFileInfo(DatabaseLocation::defaultSqlitePath()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open a CertDesk database"), start,
        tr("CertDesk databases (*.sqlite *.sqlite3 *.db);;All files (*)"));
    if (!file.isEmpty())
        m_edit->setText(file);
}

void LocationDialog::composeServerUrl()
{
    if (m_composing)
        return;
    const QScopedValueRollback<bool> composing(m_composing, true);
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed());
    if (m_port->value() != 5432)
        url.setPort(m_port->value());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    m_edit->setText(url.toString());
}

void LocationDialog::fillServerFields(const QString &text)
{
    if (m_composing)
        return;
    const QScopedValueRollback<bool> composing(m_composing, true);
    QString error;
    const DatabaseLocation parsed = DatabaseLocation::parse(text, &error);
    if (!error.isEmpty() || !parsed.isPostgres())
        return;
    m_host->setText(parsed.host());
    m_port->setValue(parsed.port());
    m_database->setText(parsed.databaseName());
}
