// ImportDialog in resubmit mode, "Correct and send again", and in renewal
// mode, "Renew…": the parts that only these modes have, kept apart so that
// ImportDialog.cpp stays the import form. The constructors are in
// ImportDialog.cpp.
#include "import/ImportDialog.h"

#include "certificate/CertificateForm.h"
#include "import/DropZone.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

bool ImportDialog::canResubmit(Session &session, const Certificate &certificate, QString *why)
{
    const Decision may = session.policy().mayResubmit(session.userId(), certificate);
    if (!may && why)
        *why = may.reason;
    return may.allowed;
}

bool ImportDialog::canRenew(Session &session, const Certificate &certificate, QString *why)
{
    const Decision may = session.policy().mayRenew(session.userId(), certificate);
    if (!may && why)
        *why = may.reason;
    return may.allowed;
}

QString ImportDialog::renewalText() const
{
    const Certificate &c = m_renews;
    const QString expiry = c.expires.isValid() ? Theme::dateText(c.expires) : QString();
    if (m_owner == m_session.userId() || m_ownerName.isEmpty())
        return expiry.isEmpty()
                   ? tr("The new certificate replaces “%1” once it is accepted.").arg(c.name)
                   : tr("The new certificate replaces “%1” (expires %2) once it is accepted.")
                         .arg(c.name, expiry);
    return expiry.isEmpty()
               ? tr("The new certificate of %1 replaces “%2” once it is accepted.")
                     .arg(m_ownerName, c.name)
               : tr("The new certificate of %1 replaces “%2” (expires %3) once it is accepted.")
                     .arg(m_ownerName, c.name, expiry);
}

void ImportDialog::prefillRenewal()
{
    // The renewed certificate's name, template and credits, as far as this
    // person may fill them in (the service decides); the dates are new.
    const auto draft = m_session.certificates().renewalDraft(m_session.userId(), m_renews.id);
    if (!draft) {
        m_saveError->setText(draft.message());
        m_saveError->show();
        return;
    }
    m_certificateForm->setValues(draft->name, QDate(), QDate());
    m_certificateForm->setTemplateId(draft->templateId);
    if (m_certificateForm->showsCredits() && draft->credits)
        m_certificateForm->setCredits(draft->credits);
    m_selectButton->setFocus();
    updateState();
}

void ImportDialog::prefill()
{
    const Certificate &c = m_resubmit;
    m_certificateForm->setValues(c.name, c.delivered, c.expires);
    m_certificateForm->setTemplateId(c.templateId);
    if (m_certificateForm->showsCredits() && c.credits)
        m_certificateForm->setCredits(c.credits);
    showCurrentPdf();
    // What is filled in counts as typed: its problems show at once.
    m_certificateForm->touchAll();
    m_certificateForm->nameEdit()->setFocus();
    m_certificateForm->nameEdit()->selectAll();
    updateState();
}

void ImportDialog::showCurrentPdf()
{
    if (m_currentPdf.isEmpty()) {
        const auto pdf = m_session.certificates().pdf(m_session.userId(), m_resubmit.id);
        if (pdf)
            m_currentPdf = pdf.value();
    }
    // Shown already (a refused file changes nothing): no new rendering.
    if (!m_previewShowsCurrent) {
        m_previewShowsCurrent = !m_currentPdf.isEmpty() && m_preview->setPdf(m_currentPdf);
        if (!m_previewShowsCurrent)
            m_preview->clear();
        else if (isVisible())
            QTimer::singleShot(0, m_preview, &PdfPreview::fitToWidth);
    }
    const QString name =
        m_resubmit.originalFilename.isEmpty() ? tr("The current PDF") : m_resubmit.originalFilename;
    m_dropZone->setTexts(name, tr("Kept as it is — select or drop another PDF to replace it"));
    if (m_currentPdfButton)
        m_currentPdfButton->hide();
}

void ImportDialog::useCurrentPdf()
{
    if (!isResubmit())
        return;
    m_file = PdfCheckResult();
    m_filePath.clear();
    m_fileError->hide();
    // Back to the certificate's own PDF: nothing read from the other one stays.
    m_certificateForm->clearReadFromPdf();
    showCurrentPdf();
    m_selectButton->setFocus();
    updateState();
}

void ImportDialog::saveResubmit()
{
    m_saving = true;
    updateState();
    ResubmitRequest request;
    request.certificateId = m_resubmit.id;
    if (hasValidFile()) {
        request.checkedPdf = m_file.checked;
        request.originalFilename = QFileInfo(m_filePath).fileName();
    }
    request.name = m_certificateForm->name().trimmed();
    request.delivered = m_certificateForm->delivered();
    request.expires = m_certificateForm->expires();
    // Fields the form does not show (R7, credits off) keep their value.
    if (m_certificateForm->showsTemplate())
        request.templateId = m_certificateForm->templateId();
    if (m_certificateForm->showsCredits())
        request.credits.emplace(m_certificateForm->credits());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto result = m_session.certificates().resubmit(m_session.userId(), request);
    QApplication::restoreOverrideCursor();
    finishSave(result);
}
