#pragma once

#include "pdf/PdfCheck.h"
#include "pdf/PdfCheckJob.h"
#include "policy/Policy.h"
#include "services/CertificateService.h"

#include <QDialog>

#include <optional>

class CertificateForm;
class DropZone;
class PdfPreview;
class QLabel;
class QPushButton;
class Session;

// "Import certificate" (R6): choose or drop a PDF, check it once (PdfCheck),
// preview it, fill the fields the Policy's import form shows (R7, credits:
// CertificateForm, certificate/),
// and save with CertificateService::importCertificate() (R2: "Save" or "Send
// for validation"). Field problems are the service's own checkFields(), shown
// under their field as the user types; Save stays disabled until the PDF is
// good and nothing is wrong. A refused file or a failed save is explained in
// the dialog, which keeps everything typed. One import key per dialog: a
// repeated click never imports twice.
//
// Resubmit mode, "Correct and send again": the same form,
// filled with a rejected certificate's details and the reviewer's comment;
// its PDF is kept unless another one is selected or dropped (checked alike);
// save() calls CertificateService::resubmit(). Open it only when
// Policy::mayResubmit() allows (canResubmit()). That mode's own parts are in
// ImportDialogResubmit.cpp.
//
// Renewal mode, "Renew…": an import for the owner of a valid, expiring or
// expired certificate, its name, template and credits filled in from it
// (CertificateService::renewalDraft), that names the certificate it renews
// (README "Rules", Renewal). Open it when canRenew() allows.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(Session &session, Id owner, QWidget *parent = nullptr);
    // Resubmit mode for a rejected certificate.
    ImportDialog(Session &session, const Certificate &rejected, const QString &reviewerComment,
                 QWidget *parent = nullptr);
    // Renewal mode for a valid, expiring or expired certificate.
    struct RenewalOf
    {
        Certificate certificate;
    };
    ImportDialog(Session &session, const RenewalOf &renewal, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Whether the signed-in user may import for owner now (R1, R4); when not,
    // why. Ask before opening the dialog.
    static bool canOpen(Session &session, Id owner, QString *why);
    // Whether the signed-in user may correct and send again this certificate
    // now (Policy::mayResubmit); when not, why.
    static bool canResubmit(Session &session, const Certificate &certificate, QString *why);
    // Whether the signed-in user may renew this certificate now
    // (Policy::mayRenew); when not, why.
    static bool canRenew(Session &session, const Certificate &certificate, QString *why);
    // Several PDFs (a drop of many): one dialog per file, one after another
    // (the one batch loop: the Results page's drops and Import button use it;
    // an empty path opens a dialog without a file). Cancel skips a file,
    // "Stop importing" skips the rest; the parent going away ends the batch.
    // Returns what was imported.
    static QList<ImportOutcome> importFiles(Session &session, Id owner, const QStringList &paths,
                                            QWidget *parent);
    // The name the form suggests for a file: the PDF's title when it has a
    // usable one, else the file name without extension, capitalised.
    static QString suggestedName(const QString &pdfTitle, const QString &filePath);

    // Reads and checks the file once, within the platform's limits (size,
    // time, memory), in the PDF reader process. The dialog stays responsive
    // meanwhile: it shows that it is checking, the fields take typing, "Stop
    // checking" and Cancel end the check at once; this returns when the check
    // is over (an event loop runs until then). false when the file is refused
    // or the check was stopped or overtaken by another file: the reason shows
    // under the drop zone, the fields keep what was typed, and no new file is
    // selected.
    bool setFile(const QString &path);
    // Checks path as setFile() does, once the event loop runs (in exec()):
    // the dialog shows first, then the check.
    void setFileWhenShown(const QString &path);
    // A check running or about to start (setFileWhenShown()).
    bool isCheckingFile() const
    {
        return !m_pendingFile.isEmpty() || m_checksWaiting > 0 || (m_check && m_check->isRunning());
    }
    // Stops a running check (the "Stop checking" button).
    void stopChecking();
    QString filePath() const { return m_filePath; }
    bool hasValidFile() const { return m_file.ok() && !m_file.bytes.isEmpty(); }
    bool isResubmit() const { return m_resubmit.id > 0; }
    bool isRenewal() const { return m_renews.id > 0; }
    // Renewal mode: the certificate the new one renews.
    const Certificate &renewedCertificate() const { return m_renews; }
    // Resubmit mode: no new file chosen, the certificate keeps its PDF.
    bool keepsCurrentPdf() const { return isResubmit() && !hasValidFile(); }
    // "File 2 of 5" in a batch (importFiles()), in the subtitle and the
    // window title.
    void setBatchPosition(int index, int count);
    bool stopRequested() const { return m_stopRequested; }

    const ImportForm &form() const { return m_form; }
    QString importKey() const { return m_importKey; }
    // After the dialog is accepted: what was imported.
    bool hasOutcome() const { return m_outcome.has_value(); }
    ImportOutcome outcome() const { return m_outcome.value_or(ImportOutcome()); }

public slots:
    void chooseFile();
    void save();
    // Resubmit mode: forget a newly chosen file, keep the certificate's PDF.
    void useCurrentPdf();

    void done(int result) override;

signals:
    // A later setFile() overtook the check an earlier one waits for.
    void fileCheckOvertaken();

protected:
    void showEvent(QShowEvent *event) override;

private:
    using Field = FieldProblem::Field;

    void setup();
    void prefill();
    void prefillRenewal();
    // Renewal mode: what the new certificate does to the renewed one.
    QString renewalText() const;
    void showCurrentPdf();
    void saveResubmit();
    void finishSave(const Result<ImportOutcome> &result);
    bool fileReady() const { return hasValidFile() || isResubmit(); }
    QWidget *buildHeader();
    QWidget *buildFileAndFields();
    void buildFileZone(QLayout *layout);
    QWidget *buildButtons();

    void onDroppedPdfs(const QStringList &paths);
    void onRejectedDrop(const QStringList &nonPdfs);
    void showFileError(const QString &message);
    void showChecking(const QString &fileName);
    void hideChecking();
    void showSelectedFileTexts();
    void useFile(PdfCheckResult checked, const QString &path);
    // Fills the empty fields with what the chosen PDF's text says
    // (CertificateText), marked as read from the PDF; an ambiguous date is
    // asked, not filled. ImportDialogPrefill.cpp.
    void fillFromPdf(const QString &path);
    void refuseFile(const PdfCheckResult &checked, const QString &fileName);
    void updateState();

    Session &m_session;
    Id m_owner = 0;
    ImportForm m_form;
    QString m_ownerName;
    QString m_importKey;
    // The last save failed because the connection to the server was lost.
    bool m_connectionFailed = false;
    PdfCheckResult m_file;
    QString m_filePath;
    PdfCheckJob *m_check = nullptr;
    QString m_pendingFile;         // setFileWhenShown() before the check starts
    quint64 m_checkGeneration = 0; // one per setFile(): a check overtaken is dropped
    // setFile() calls waiting for their check's answer: the reader may have
    // answered while its answer is not yet shown (still checking until then).
    int m_checksWaiting = 0;
    QString m_suggestedName; // what the name field was filled with from the file or its PDF
    QList<CertificateTemplate> m_templates;
    std::optional<ImportOutcome> m_outcome;
    Certificate m_resubmit; // resubmit mode: the rejected certificate (id 0: import)
    Certificate m_renews;   // renewal mode: the certificate renewed (id 0: import)
    QString m_reviewerComment;
    QByteArray m_currentPdf; // resubmit mode: the certificate's PDF, for the preview
    bool m_previewShowsCurrent = false;
    bool m_saving = false;
    bool m_stopRequested = false;

    QLabel *m_subtitle = nullptr;
    DropZone *m_dropZone = nullptr;
    QPushButton *m_selectButton = nullptr;
    QPushButton *m_currentPdfButton = nullptr; // resubmit mode
    QLabel *m_fileError = nullptr;
    QLabel *m_repairNote = nullptr; // the chosen PDF was repaired by the reader
    QWidget *m_checking = nullptr;  // "Checking…": a busy bar and Stop checking
    PdfPreview *m_preview = nullptr;
    CertificateForm *m_certificateForm = nullptr; // name, dates, template, credits
    QLabel *m_hint = nullptr;
    QLabel *m_saveError = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_saveButton = nullptr;
};
