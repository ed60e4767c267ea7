#pragma once

#include "core/Domain.h"

#include <QDialog>

class BadgeLabel;
class HistoryView;
class PdfPreview;
class QFormLayout;
class QFrame;
class QLabel;
class QPushButton;
class QStackedWidget;
class Session;

// One certificate, opened from a Certificates section (double-click or
// Enter): its details and status badge, its history, and its PDF in a live
// preview (PdfPreview: QPdfView over the bytes of CertificateService::pdf()
// held in a QBuffer that outlives the document). Read as the signed-in user,
// so R5 is the service's; a refusal or a missing PDF is said in the dialog.
// Esc or Close closes it.
//
// A rejected certificate the user may send again (Policy::mayResubmit) shows
// the reviewer's comment and "Correct and send again" (Alt+C), which opens
// the import form in resubmit mode (ImportDialog); after it is sent the
// dialog reloads and emits resubmitted().
//
// Its life after validation (README "Rules", Renewal and Revocation): the
// rows Revoked, Renews and Renewed by; "Renew…" (Alt+R) opens the import
// form in renewal mode, "Revoke…" (Alt+V) asks for the reason
// (RevokeDialog), each shown only when the Policy allows it; after either
// the dialog reloads and emits changed().
class CertificateDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    CertificateDetailsDialog(Session &session, Id certificateId, QWidget *parent = nullptr);
    ~CertificateDetailsDialog() override;

    Id certificateId() const { return m_id; }
    bool isLoaded() const { return m_certificate.id > 0; }
    const Certificate &certificate() const { return m_certificate; }
    bool hasPdf() const { return m_hasPdf; }
    PdfPreview *pdfPreview() const { return m_preview; }
    // Why the certificate or its PDF could not be shown (empty when it was).
    QString errorText() const { return m_errorText; }
    // Whether "Correct and send again" is offered (the Policy's answer).
    bool canResubmit() const { return m_canResubmit; }
    // The last rejection's comment (empty when none).
    QString rejectionComment() const { return m_rejectionComment; }
    // Whether "Renew…" and "Revoke…" are offered (the Policy's answers).
    bool canRenew() const { return m_canRenew; }
    bool canRevoke() const { return m_canRevoke; }

public slots:
    // "Correct and send again": the import form in resubmit mode (modal).
    void resubmit();
    // Reads the certificate, its history and its PDF again.
    void reload();
    // "Renew…": the import form in renewal mode (modal).
    void renew();
    // "Revoke…": the reason, then the revocation (modal).
    void revokeCertificate();

signals:
    // The certificate was corrected and sent again (its status changed).
    void resubmitted(Id certificateId);
    // A renewal of it was imported, or it was revoked: what to tell the user.
    void changed(Id certificateId, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildDetails();
    QWidget *buildPdf();
    QFrame *buildResubmitBox(QWidget *parent);
    QWidget *buildActions(QWidget *parent);
    void updateResubmitBox();
    void updateActions();
    void addLifecycleRows(const Certificate &c);
    void addRow(QFormLayout *form, const QString &label, const QString &value,
                const char *objectName);
    void load();

    Session &m_session;
    Id m_id = 0;
    Certificate m_certificate;
    bool m_hasPdf = false;
    QString m_shownSha; // the PDF in the preview, so that a reload keeps it
    QString m_errorText;
    bool m_canResubmit = false;
    QString m_rejectionComment;
    QString m_rejectedBy;
    bool m_canRenew = false;
    bool m_canRevoke = false;

    QLabel *m_title = nullptr;
    BadgeLabel *m_status = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
    QFrame *m_resubmitBox = nullptr;
    QLabel *m_rejectionNote = nullptr;
    QPushButton *m_resubmitButton = nullptr;
    QWidget *m_actions = nullptr;
    QPushButton *m_renewButton = nullptr;
    QPushButton *m_revokeButton = nullptr;
    HistoryView *m_history = nullptr;
    QStackedWidget *m_pdfStack = nullptr;
    PdfPreview *m_preview = nullptr;
    QLabel *m_noPdf = nullptr;
};
