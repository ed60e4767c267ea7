#include "results/RevokeDialog.h"

#include "services/Session.h"
#include "style/Theme.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

RevokeDialog::RevokeDialog(Session &session, const Certificate &certificate, QWidget *parent)
    : QDialog(parent), m_session(session), m_certificate(certificate)
{
    setObjectName(QStringLiteral("revokeDialog"));
    setWindowTitle(tr("Revoke “%1”").arg(certificate.name));
    setAccessibleName(windowTitle());
    setModal(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingLarge, Theme::SpacingXLarge,
                               Theme::SpacingLarge);
    layout->setSpacing(Theme::Spacing);
    layout->addWidget(Theme::titleLabel(windowTitle(), this));
    QLabel *note = Theme::noteLabel(
        tr("%1's certificate will show as revoked and get no more reminders; its history is "
           "kept. %1 is told in CertDesk and by email, with your reason.")
            .arg(certificate.ownerName),
        this);
    note->setObjectName(QStringLiteral("revokeNote"));
    layout->addWidget(note);
    auto *label = new QLabel(tr("&Reason (required)"), this);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("revokeReasonEdit"));
    m_reason->setAccessibleName(tr("Reason for revoking"));
    m_reason->setPlaceholderText(tr("For example: the issuer withdrew this certificate."));
    m_reason->setTabChangesFocus(true);
    label->setBuddy(m_reason);
    layout->addWidget(label);
    layout->addWidget(m_reason, 1);
    m_count = Theme::noteLabel(QString(), this);
    m_count->setObjectName(QStringLiteral("revokeReasonCount"));
    m_count->setAlignment(Qt::AlignRight);
    layout->addWidget(m_count);
    m_error = Theme::errorLabel(QStringLiteral("revokeError"), this);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_revoke = buttons->addButton(tr("Re&voke"), QDialogButtonBox::AcceptRole);
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setProperty("secondary", true);
    // The button box polished it before the property was set.
    cancel->style()->unpolish(cancel);
    cancel->style()->polish(cancel);
    connect(m_revoke, &QPushButton::clicked, this, &RevokeDialog::revoke);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &RevokeDialog::updateState);
    resize(520, 360);
    m_reason->setFocus();
    updateState();
}

QString RevokeDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void RevokeDialog::updateState()
{
    const int length = int(m_reason->toPlainText().trimmed().size());
    const int most = CertificateService::MaxRevokeReasonLength;
    m_count->setText(tr("%1 of %2 characters").arg(length).arg(most));
    m_revoke->setEnabled(length > 0 && length <= most);
}

void RevokeDialog::revoke()
{
    if (!m_revoke->isEnabled())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = m_session.certificates().revoke(
        m_session.userId(), m_certificate.id, m_reason->toPlainText(), m_certificate.version);
    QApplication::restoreOverrideCursor();
    if (!result) {
        m_session.noteFailure(result.error());
        m_error->setText(result.message());
        m_error->setAccessibleName(result.message());
        m_error->show();
        return;
    }
    m_revoked = result.value();
    accept();
}
