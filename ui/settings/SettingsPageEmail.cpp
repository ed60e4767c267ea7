// SettingsPage's Email section: the mail.* settings, who sends, the sender's
// problem and the failed emails. Kept apart so that SettingsPage.cpp stays the
// page and its Certificate section. The page's constructor adds this section
// when the platform has mail.* settings.
#include "settings/SettingsPage.h"

#include "mail/MailOutbox.h"
#include "services/Session.h"
#include "style/Theme.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

QWidget *SettingsPage::buildEmailSection(QWidget *parent, const QStringList &keys)
{
    QVBoxLayout *layout = nullptr;
    QWidget *frame = section(tr("Email"), QStringLiteral("emailSectionTitle"), parent, &layout);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(Theme::SpacingLarge);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (const QString &key : keys) {
        const QString label =
            PlatformSettings::describe(key).isEmpty() ? key : PlatformSettings::describe(key);
        const QString objectName = camelCase(key) + QStringLiteral("Edit");
        auto *row = new QVBoxLayout;
        row->setSpacing(2);
        // Switches as check boxes, everything else as text (secrets hidden).
        const QString value = PlatformSettings().value(key);
        QWidget *editor = nullptr;
        if (value == QLatin1String("on") || value == QLatin1String("off")) {
            auto *box = new QCheckBox(frame);
            connect(box, &QCheckBox::toggled, this, [this, key](bool on) { save(key, onOff(on)); });
            editor = box;
        } else {
            auto *edit = new QLineEdit(frame);
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
        editor->setObjectName(objectName);
        editor->setAccessibleName(label);
        row->addWidget(editor);
        QLabel *status = statusLabel(key, frame);
        status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        row->addWidget(status);
        form->addRow(label, row);
        m_mailEditors.insert(key, editor);
    }
    layout->addLayout(form);
    layout->addWidget(buildMailDelivery(frame));
    return frame;
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
    const QString problem = m_senderProblem.isEmpty() ? m_configProblem : m_senderProblem;
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
