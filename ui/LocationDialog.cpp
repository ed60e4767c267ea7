#include "LocationDialog.h"

#include "Theme.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
                                "as postgresql://user@host:port/dbname."),
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
