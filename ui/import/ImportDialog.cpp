#include "import/ImportDialog.h"

#include "certificate/CertificateForm.h"
#include "import/DropZone.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

ImportDialog::ImportDialog(Session &session, Id owner, QWidget *parent)
    : QDialog(parent), m_session(session), m_owner(owner > 0 ? owner : session.userId()),
      m_importKey(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    setup();
}

ImportDialog::ImportDialog(Session &session, const Certificate &rejected,
                           const QString &reviewerComment, QWidget *parent)
    : QDialog(parent), m_session(session), m_owner(rejected.ownerId), m_resubmit(rejected),
      m_reviewerComment(reviewerComment)
{
    setup();
    prefill();
}

ImportDialog::ImportDialog(Session &session, const RenewalOf &renewal, QWidget *parent)
    : QDialog(parent), m_session(session), m_owner(renewal.certificate.ownerId),
      m_importKey(QUuid::createUuid().toString(QUuid::WithoutBraces)), m_renews(renewal.certificate)
{
    setup();
    prefillRenewal();
}

void ImportDialog::setup()
{
    setObjectName(isResubmit()  ? QStringLiteral("resubmitDialog")
                  : isRenewal() ? QStringLiteral("renewDialog")
                                : QStringLiteral("importDialog"));
    setModal(true);
    // A save that failed because the server went away: once it is back, say
    // that Save works again (the import key makes it write once).
    if (ConnectionWatch *watch = m_session.connectionWatch())
        connect(watch, &ConnectionWatch::restored, this, [this] {
            if (!m_connectionFailed || !m_saveError)
                return;
            m_connectionFailed = false;
            const QString text = tr("Connected again. Press Save to save what you typed.");
            m_saveError->setText(text);
            m_saveError->setAccessibleName(text);
        });
    // The same form as an import (R6, R7); Save reads as R2 says.
    m_form = m_session.policy().importForm(m_session.userId(), m_owner);
    const auto ownerUser = m_session.directory().user(m_owner);
    m_ownerName = ownerUser ? ownerUser->name : QString();
    if (isResubmit())
        setWindowTitle(tr("Correct and send again"));
    else if (isRenewal())
        setWindowTitle(tr("Renew “%1”").arg(m_renews.name));
    else
        setWindowTitle(m_owner == m_session.userId() || m_ownerName.isEmpty()
                           ? tr("Import certificate")
                           : tr("Import certificate for %1").arg(m_ownerName));
    setAccessibleName(windowTitle());
    if (m_form.showTemplate) {
        const auto templates = m_session.directory().templates();
        if (templates)
            m_templates = templates.value();
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingLarge, Theme::SpacingXLarge,
                               Theme::SpacingLarge);
    layout->setSpacing(Theme::SpacingLarge);
    layout->addWidget(buildHeader());

    auto *body = new QHBoxLayout;
    body->setSpacing(Theme::SpacingXLarge);
    body->addWidget(buildFileAndFields());
    m_preview = new PdfPreview(this);
    m_preview->setMinimumWidth(360);
    body->addWidget(m_preview, 1);
    // The big preview area takes a dropped PDF too.
    DropOverlay *previewDrop = DropZone::attachTo(m_preview);
    previewDrop->setMessage(tr("Drop to use this PDF"));
    connect(previewDrop, &DropOverlay::pdfsDropped, this, &ImportDialog::onDroppedPdfs);
    connect(previewDrop, &DropOverlay::rejectedDrop, this, &ImportDialog::onRejectedDrop);
    layout->addLayout(body, 1);
    layout->addWidget(buildButtons());

    setStyleSheet(Sheets::importDialog(palette()));
    resize(1040, 680);
    setMinimumSize(820, 560);
    m_selectButton->setFocus();
    if (ownerUser && ownerUser->deleted)
        m_subtitle->setText(m_subtitle->text() + QLatin1Char(' ') +
                            tr("%1's account is deleted; the certificate still goes to their "
                               "results.")
                                .arg(m_ownerName));
    updateState();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // A PDF set before the dialog had its size: fit it to the width the
    // preview has now (and let the zoom label say so).
    if (m_preview->hasDocument())
        QTimer::singleShot(0, m_preview, &PdfPreview::fitToWidth);
}

bool ImportDialog::canOpen(Session &session, Id owner, QString *why)
{
    const ImportForm form =
        session.policy().importForm(session.userId(), owner > 0 ? owner : session.userId());
    if (!form.available && why)
        *why = form.unavailableReason;
    return form.available;
}

QList<ImportOutcome> ImportDialog::importFiles(Session &session, Id owner, const QStringList &paths,
                                               QWidget *parent)
{
    QList<ImportOutcome> imported;
    const int count = int(paths.size());
    for (int i = 0; i < count; ++i) {
        // On the heap, guarded: the parent window may go away while the dialog
        // runs, and the dialog with it.
        QPointer<ImportDialog> dialog = new ImportDialog(session, owner, parent);
        dialog->setBatchPosition(i, count);
        // The file is checked once the dialog shows, so that the user sees it
        // being checked and can stop it.
        if (!paths.at(i).isEmpty())
            dialog->setFileWhenShown(paths.at(i));
        const int result = dialog->exec();
        if (!dialog)
            break;
        const bool stop = dialog->stopRequested();
        if (result == QDialog::Accepted && dialog->hasOutcome())
            imported.append(dialog->outcome());
        delete dialog;
        if (stop)
            break;
    }
    return imported;
}

QWidget *ImportDialog::buildHeader()
{
    auto *header = new QWidget(this);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);
    layout->addWidget(Theme::titleLabel(windowTitle(), header));
    QString text = m_form.sendsForValidation
                       ? tr("When you send it, a reviewer checks the certificate; until then it "
                            "shows as pending validation.")
                       : tr("The certificate is added to the results as soon as you save it.");
    if (isResubmit())
        text = (m_owner == m_session.userId() || m_ownerName.isEmpty()
                    ? tr("“%1” was rejected. Correct what the reviewer asks for; the PDF stays "
                         "unless you select or drop another one.")
                          .arg(m_resubmit.name)
                    : tr("“%1” of %2 was rejected. Correct what the reviewer asks for; the PDF "
                         "stays unless you select or drop another one.")
                          .arg(m_resubmit.name, m_ownerName)) +
               QLatin1Char(' ') +
               (m_form.sendsForValidation ? tr("When you send it, a reviewer checks it again.")
                                          : tr("It is accepted as soon as you save it."));
    if (isRenewal())
        text = renewalText() + QLatin1Char(' ') + text;
    m_subtitle = Theme::noteLabel(text, header);
    m_subtitle->setObjectName(QStringLiteral("importSubtitle"));
    layout->addWidget(m_subtitle);
    if (isResubmit() && !m_reviewerComment.trimmed().isEmpty()) {
        auto *comment =
            new QLabel(tr("Reviewer’s comment: “%1”").arg(m_reviewerComment.trimmed()), header);
        comment->setObjectName(QStringLiteral("rejectionComment"));
        comment->setWordWrap(true);
        comment->setTextFormat(Qt::PlainText);
        comment->setTextInteractionFlags(Qt::TextSelectableByMouse);
        comment->setAccessibleName(comment->text());
        layout->addSpacing(Theme::SpacingSmall);
        layout->addWidget(comment);
    }
    return header;
}

QWidget *ImportDialog::buildFileAndFields()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("importFieldsArea"));
    // The area takes the focus (arrow keys scroll it): a screen reader says what it holds.
    scroll->setAccessibleName(tr("Certificate file and details"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFixedWidth(400);
    auto *column = new QWidget(scroll);
    column->setObjectName(QStringLiteral("importFields"));
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, Theme::Spacing, 0);
    layout->setSpacing(Theme::SpacingLarge);

    buildFileZone(layout);

    CertificateForm::Options options;
    options.showTemplate = m_form.showTemplate;
    options.showCredits = m_form.showCredits;
    options.templates = m_templates;
    m_certificateForm = new CertificateForm(options, column);
    layout->addWidget(m_certificateForm);
    connect(m_certificateForm, &CertificateForm::changed, this, &ImportDialog::updateState);
    layout->addStretch(1);
    scroll->setWidget(column);
    return scroll;
}

QWidget *ImportDialog::buildButtons()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);
    auto *messages = new QVBoxLayout;
    messages->setSpacing(Theme::SpacingSmall);
    m_saveError = new QLabel(bar);
    m_saveError->setObjectName(QStringLiteral("saveError"));
    m_saveError->setWordWrap(true);
    m_saveError->setTextFormat(Qt::PlainText);
    m_saveError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveError->hide();
    messages->addWidget(m_saveError);
    m_hint = Theme::noteLabel(QString(), bar);
    m_hint->setObjectName(QStringLiteral("importHint"));
    messages->addWidget(m_hint);
    layout->addLayout(messages, 1);

    m_stopButton = new QPushButton(tr("Stop importing"), bar);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setAccessibleName(tr("Stop importing the remaining files"));
    m_stopButton->setAutoDefault(false);
    m_stopButton->hide();
    layout->addWidget(m_stopButton, 0, Qt::AlignBottom);
    m_cancelButton = new QPushButton(tr("Cancel"), bar);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel"));
    m_cancelButton->setAutoDefault(false);
    layout->addWidget(m_cancelButton, 0, Qt::AlignBottom);
    m_saveButton = new QPushButton(m_form.saveLabel, bar);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setAccessibleName(m_form.saveLabel);
    m_saveButton->setDefault(true);
    layout->addWidget(m_saveButton, 0, Qt::AlignBottom);

    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        m_stopRequested = true;
        reject();
    });
    connect(m_saveButton, &QPushButton::clicked, this, &ImportDialog::save);
    return bar;
}

void ImportDialog::setBatchPosition(int index, int count)
{
    if (count <= 1)
        return;
    m_subtitle->setText(tr("File %1 of %2.").arg(index + 1).arg(count) + QLatin1Char(' ') +
                        m_subtitle->text());
    // The Results page's words (and translation), where batches began.
    setWindowTitle(QCoreApplication::translate("CertificatesSection", "%1 — file %2 of %3")
                       .arg(windowTitle())
                       .arg(index + 1)
                       .arg(count));
    m_cancelButton->setText(tr("Skip this file"));
    m_cancelButton->setAccessibleName(m_cancelButton->text());
    m_stopButton->setVisible(index + 1 < count);
}

void ImportDialog::updateState()
{
    const QList<FieldProblem> problems = m_certificateForm->problems();
    QStringList hidden;
    if (isCheckingFile())
        hidden.append(tr("Wait until the PDF is checked."));
    else if (!fileReady() && !m_fileError->isVisible())
        hidden.append(tr("Choose the certificate PDF."));
    hidden += m_certificateForm->showProblems(problems);
    // What is still missing, in the order of the form, before anything is red.
    m_hint->setText(hidden.join(QLatin1Char(' ')));
    m_hint->setVisible(!hidden.isEmpty());
    m_saveButton->setEnabled(fileReady() && problems.isEmpty() && !m_saving && !m_outcome &&
                             !isCheckingFile());
}

void ImportDialog::save()
{
    if (m_saving || m_outcome || !fileReady() || isCheckingFile() ||
        !m_certificateForm->problems().isEmpty())
        return;
    if (isResubmit()) {
        saveResubmit();
        return;
    }
    m_saving = true;
    updateState();
    ImportRequest request;
    request.ownerId = m_owner;
    request.checkedPdf = m_file.checked;
    request.originalFilename = QFileInfo(m_filePath).fileName();
    request.name = m_certificateForm->name().trimmed();
    request.delivered = m_certificateForm->delivered();
    request.expires = m_certificateForm->expires();
    request.templateId = m_certificateForm->templateId();
    request.credits = m_certificateForm->credits();
    request.importKey = m_importKey; // a retry after an error never imports twice
    request.renewsId = m_renews.id;

    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto result = m_session.certificates().importCertificate(m_session.userId(), request);
    QApplication::restoreOverrideCursor();
    finishSave(result);
}

void ImportDialog::finishSave(const Result<ImportOutcome> &result)
{
    m_saving = false;
    if (!result) {
        // Everything typed stays; the user can correct it and try again.
        QString message = result.message();
        // The server went away: nothing was lost, Save again writes once.
        m_connectionFailed = m_session.noteFailure(result.error());
        if (m_connectionFailed)
            message = tr("The connection to the database was lost, so this was not saved. What "
                         "you typed is kept: press Save again once CertDesk is connected again.");
        m_saveError->setText(message);
        m_saveError->setAccessibleName(message);
        m_saveError->show();
        updateState();
        return;
    }
    m_outcome = result.value();
    updateState();
    accept();
}

void ImportDialog::preselectTemplate(Id templateId)
{
    if (m_certificateForm->showsTemplate())
        m_certificateForm->setTemplateId(templateId);
}
