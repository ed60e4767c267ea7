#pragma once

#include "Domain.h"

#include <QDialog>

class BadgeLabel;
class HistoryView;
class PdfPreview;
class QFormLayout;
class QLabel;
class QStackedWidget;
class Session;

// One certificate, opened from a Certificates section (double-click or
// Enter): its details and status badge, its history, and its PDF in a live
// preview (PdfPreview: QPdfView over the bytes of CertificateService::pdf()
// held in a QBuffer that outlives the document). Read as the signed-in user,
// so R5 is the service's; a refusal or a missing PDF is said in the dialog.
// Esc or Close closes it.
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

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildDetails();
    QWidget *buildPdf();
    void addRow(QFormLayout *form, const QString &label, const QString &value,
                const char *objectName);
    void load();

    Session &m_session;
    Id m_id = 0;
    Certificate m_certificate;
    bool m_hasPdf = false;
    QString m_errorText;

    QLabel *m_title = nullptr;
    BadgeLabel *m_status = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
    HistoryView *m_history = nullptr;
    QStackedWidget *m_pdfStack = nullptr;
    PdfPreview *m_preview = nullptr;
    QLabel *m_noPdf = nullptr;
};
