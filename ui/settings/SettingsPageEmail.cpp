// SettingsPage's Email section: the mail.* settings, who sends, the sender's
// problem and the failed emails. Kept apart so that SettingsPage.cpp stays the
// page and its Certificate section. The page's constructor adds this section
// when the platform has mail.* settings.
#include "settings/SettingsPage.h"

#include "mail/MailOutbox.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/FileDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {
const QString kTransport = QStringLiteral("mail.transport");
const QString kFolder = QStringLiteral("mail.folder");

// The keys only the SMTP transport uses: hidden while the folder one is chosen.
bool isSmtpKey(const QString &key)
{
    static const QStringList smtp{QStringLiteral("mail.host"), QStringLiteral("mail.port"),
                                  QStringLiteral("mail.security"), QStringLiteral("mail.username"),
                                  QStringLiteral("mail.password")};
    return smtp.contains(key);
}
} // namespace

QWidget *SettingsPage::buildEmailSection(QWidget *parent, const QStringList &keys)
{
    QVBoxLayout *layout = nullptr;
    QWidget *frame = section(tr("Email"), QStringLiteral("emailSectionTitle"), parent, &layout);
    m_mailForm = new QFormLayout;
    m_mailForm->setHorizontalSpacing(Theme::SpacingLarge);
    m_mailForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_mailForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (const QString &key : keys) {
        const QString label =
            PlatformSettings::describe(key).isEmpty() ? key : PlatformSettings::describe(key);
        auto *row = new QVBoxLayout;
        row->setSpacing(2);
        QWidget *editor = mailEditor(key, label, frame);
        row->addWidget(key == kFolder ? mailFolderRow(editor, frame) : editor);
        QLabel *status = statusLabel(key, frame);
        status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        row->addWidget(status);
        // The two choices of transport get short labels; what they mean is
        // their tooltip (and their accessible name).
        if (key == kTransport || key == kFolder)
            editor->setToolTip(label);
        m_mailForm->addRow(key == kTransport ? tr("Send email")
                           : key == kFolder  ? tr("Mail folder")
                                             : label,
                           row);
        m_mailRows.insert(key, row);
        m_mailEditors.insert(key, editor);
    }
    layout->addLayout(m_mailForm);
    layout->addWidget(buildMailDelivery(frame));
    return frame;
}

QWidget *SettingsPage::mailEditor(const QString &key, const QString &label, QWidget *parent)
{
    QWidget *editor = nullptr;
    // Switches as check boxes, the transport as a choice, everything else as
    // text (secrets hidden).
    const QString value = PlatformSettings().value(key);
    if (key == kTransport) {
        auto *combo = new QComboBox(parent);
        combo->addItem(tr("Through an SMTP server"), QStringLiteral("smtp"));
        combo->addItem(tr("Into a folder (.eml files)"), QStringLiteral("folder"));
        connect(combo, &QComboBox::activated, this,
                [this, key, combo] { save(key, combo->currentData().toString()); });
        editor = combo;
        editor->setObjectName(QStringLiteral("mailTransportCombo"));
    } else if (value == QLatin1String("on") || value == QLatin1String("off")) {
        auto *box = new QCheckBox(parent);
        connect(box, &QCheckBox::toggled, this, [this, key](bool on) { save(key, onOff(on)); });
        editor = box;
    } else {
        auto *edit = new QLineEdit(parent);
        if (isSecret(key))
            edit->setEchoMode(QLineEdit::Password);
        connect(edit, &QLineEdit::editingFinished, this, [this, key, edit] {
            if (edit->isModified()) {
                edit->setModified(false);
                save(key, edit->text());
            }
        });
        editor = edit;
    }
    if (editor->objectName().isEmpty())
        editor->setObjectName(camelCase(key) + QStringLiteral("Edit"));
    editor->setAccessibleName(label);
    return editor;
}

QWidget *SettingsPage::mailFolderRow(QWidget *edit, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);
    layout->addWidget(edit, 1);
    m_mailBrowse = new QPushButton(tr("&Browse…"), box);
    m_mailBrowse->setObjectName(QStringLiteral("mailFolderBrowseButton"));
    m_mailBrowse->setAccessibleName(tr("Choose the mail folder"));
    m_mailBrowse->setProperty("secondary", true);
    connect(m_mailBrowse, &QPushButton::clicked, this, [this, edit] {
        const QString folder = FileDialog::getExistingDirectory(
            this, tr("Mail folder"), qobject_cast<QLineEdit *>(edit)->text(),
            QStringLiteral("mailFolder"));
        if (!folder.isEmpty())
            save(kFolder, folder);
    });
    layout->addWidget(m_mailBrowse);
    return box;
}

void SettingsPage::showTransportRows(const PlatformSettings &settings)
{
    if (!m_mailForm)
        return;
    const bool folder = settings.mail.transport == MailSettings::Transport::Folder;
    for (auto it = m_mailRows.cbegin(); it != m_mailRows.cend(); ++it) {
        if (isSmtpKey(it.key()))
            m_mailForm->setRowVisible(it.value(), !folder);
        else if (it.key() == kFolder)
            m_mailForm->setRowVisible(it.value(), folder);
    }
    if (m_mailBrowse)
        m_mailBrowse->setEnabled(!m_readOnly);
}

QWidget *SettingsPage::buildMailDelivery(QWidget *parent)
{
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("mailDelivery"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, Theme::Spacing, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);
    // Who sends: this desktop for a local file, a relay service for a shared server.
    QLabel *who = Theme::noteLabel(
        m_session.database().isPostgres()
            ? tr("On a shared PostgreSQL database CertDesk does not send email itself: run "
                 "“certdesk-cli mail-relay” as a service (on one machine or more) with the mail "
                 "key that encrypted the SMTP password.")
            : tr("CertDesk sends these emails in the background while someone is signed in on "
                 "this database, with retries when the server cannot be reached."),
        box);
    who->setObjectName(QStringLiteral("mailDeliveryNote"));
    who->setTextFormat(Qt::PlainText);
    layout->addWidget(who);
    m_mailProblem = Theme::errorLabel(QStringLiteral("mailProblemLabel"), box);
    layout->addWidget(m_mailProblem);

    auto *row = new QHBoxLayout;
    m_failedSummary = new QLabel(box);
    m_failedSummary->setObjectName(QStringLiteral("failedEmailsSummary"));
    m_failedSummary->setTextFormat(Qt::PlainText);
    m_failedSummary->setWordWrap(true);
    row->addWidget(m_failedSummary, 1);
    m_showFailed = new QPushButton(tr("&Failed emails…"), box);
    m_showFailed->setObjectName(QStringLiteral("showFailedEmailsButton"));
    m_showFailed->setAccessibleName(tr("Show the emails that could not be sent"));
    m_showFailed->setProperty("secondary", true);
    connect(m_showFailed, &QPushButton::clicked, this, &SettingsPage::failedEmailsRequested);
    row->addWidget(m_showFailed);
    layout->addLayout(row);
    return box;
}

void SettingsPage::setMailProblem(const QString &problem)
{
    m_senderProblem = problem;
    showMailProblem();
}

void SettingsPage::showMailProblem()
{
    if (!m_mailProblem)
        return;
    // Not configured yet is a note; what stops configured email, an error.
    const bool notice = !m_mailConfigured;
    const QString problem = notice || m_senderProblem.isEmpty() ? m_configProblem : m_senderProblem;
    QPalette colors = m_mailProblem->palette();
    colors.setColor(QPalette::WindowText,
                    notice ? Theme::mutedTextColor(palette()) : Theme::errorColor(palette()));
    m_mailProblem->setPalette(colors);
    m_mailProblem->setProperty("notice", notice);
    m_mailProblem->setText(problem);
    m_mailProblem->setAccessibleName(problem);
    m_mailProblem->setVisible(!problem.isEmpty() && !m_readOnly);
}

QString SettingsPage::mailProblemText() const
{
    return m_mailProblem && m_mailProblem->isVisibleTo(this) ? m_mailProblem->text() : QString();
}

void SettingsPage::refreshMailStatus()
{
    if (!m_failedSummary)
        return;
    // Recipients and subjects of the outbox are for platform admins only.
    m_failedSummary->setVisible(!m_readOnly);
    m_showFailed->setVisible(!m_readOnly);
    if (m_readOnly)
        return;
    const auto counts = MailOutbox(m_session.database()).counts(m_session.userId());
    if (!counts) {
        m_failedSummary->setText(tr("The outbox could not be read: %1").arg(counts.message()));
        return;
    }
    const int failed = counts->failed;
    m_failedSummary->setText(failed == 0   ? tr("No failed emails.")
                             : failed == 1 ? tr("1 email could not be sent.")
                                           : tr("%1 emails could not be sent.").arg(failed));
    m_failedSummary->setAccessibleName(m_failedSummary->text());
}

void SettingsPage::showEmailSection()
{
    if (m_emailSection)
        m_scroll->ensureWidgetVisible(m_emailSection);
}
