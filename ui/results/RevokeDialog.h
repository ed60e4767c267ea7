#pragma once

#include "core/Domain.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class Session;

// "Revoke…" (README "Rules", Revocation): the reason, required, which the
// owner reads; Revoke stays disabled until there is one. The service
// decides (CertificateService::revoke, with the version shown): a refusal or
// someone who revoked it first is said in the dialog, which keeps the text.
class RevokeDialog : public QDialog
{
    Q_OBJECT

public:
    RevokeDialog(Session &session, const Certificate &certificate, QWidget *parent = nullptr);

    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QPushButton *revokeButton() const { return m_revoke; }
    QString errorText() const;
    // After the dialog is accepted: the certificate as revoked.
    const Certificate &revoked() const { return m_revoked; }

public slots:
    void revoke();

private:
    void updateState();

    Session &m_session;
    Certificate m_certificate;
    Certificate m_revoked;
    QPlainTextEdit *m_reason = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_revoke = nullptr;
};
