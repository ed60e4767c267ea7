#include "results/CertificateDetailsDialog.h"

#include "pdf/PdfCheck.h"

#include "certificate/HistoryView.h"
#include "certificate/StatusDelegate.h"
#include "import/ImportDialog.h"
#include "results/RevokeDialog.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

CertificateDetailsDialog::CertificateDetailsDialog(Session &session, Id certificateId,
                                                   QWidget *parent)
    : QDialog(parent), m_session(session), m_id(certificateId)
{
    setObjectName(QStringLiteral("certificateDetailsDialog"));
    setWindowTitle(tr("Certificate"));
    setAccessibleName(tr("Certificate details"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingLarge, Theme::SpacingXLarge,
                               Theme::SpacingLarge);
    layout->setSpacing(Theme::SpacingLarge);
    auto *body = new QHBoxLayout;
    body->setSpacing(Theme::SpacingXLarge);
    body->addWidget(buildDetails());
    body->addWidget(buildPdf(), 1);
    layout->addLayout(body, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("detailsButtons"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setAccessibleName(tr("Close"));
    close->setProperty("secondary", true);
    // The button box polished it before the property was set.
    close->style()->unpolish(close);
    close->style()->polish(close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    resize(1000, 680);
    setMinimumSize(760, 520);
    load();
}

CertificateDetailsDialog::~CertificateDetailsDialog() = default;

QWidget *CertificateDetailsDialog::buildDetails()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detailsArea"));
    scroll->setAccessibleName(tr("Certificate details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFixedWidth(360);
    auto *panel = new QWidget(scroll);
    panel->setObjectName(QStringLiteral("detailsPanel"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, Theme::Spacing, 0);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);

    m_title = Theme::titleLabel(QString(), panel);
    m_title->setObjectName(QStringLiteral("certificateTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    m_status = new BadgeLabel(QString(), panel);
    m_status->setObjectName(QStringLiteral("statusBadge"));
    layout->addWidget(m_status);
    m_error = Theme::errorLabel(QStringLiteral("detailsError"), panel);
    m_error->setAccessibleName(tr("Error"));
    layout->addWidget(m_error);

    m_form = new QFormLayout;
    m_form->setContentsMargins(0, Theme::Spacing, 0, 0);
    m_form->setHorizontalSpacing(Theme::SpacingLarge);
    m_form->setVerticalSpacing(Theme::Spacing);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    layout->addLayout(m_form);
    layout->addWidget(buildResubmitBox(panel));
    layout->addWidget(buildActions(panel));

    auto *historyTitle = new QLabel(tr("History"), panel);
    historyTitle->setObjectName(QStringLiteral("sectionTitle"));
    historyTitle->setAccessibleName(tr("History"));
    layout->addSpacing(Theme::Spacing);
    layout->addWidget(historyTitle);
    m_history = new HistoryView(panel);
    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setAccessibleName(tr("History of the certificate"));
    layout->addWidget(m_history);
    layout->addStretch(1);
    scroll->setWidget(panel);
    return scroll;
}

QWidget *CertificateDetailsDialog::buildPdf()
{
    m_pdfStack = new QStackedWidget(this);
    m_pdfStack->setObjectName(QStringLiteral("pdfStack"));
    m_preview = new PdfPreview(m_pdfStack);
    m_preview->setMinimumWidth(360);
    m_pdfStack->addWidget(m_preview);
    m_noPdf = Theme::noteLabel(QString(), m_pdfStack);
    m_noPdf->setObjectName(QStringLiteral("noPdfLabel"));
    m_noPdf->setAlignment(Qt::AlignCenter);
    m_pdfStack->addWidget(m_noPdf);
    return m_pdfStack;
}

QFrame *CertificateDetailsDialog::buildResubmitBox(QWidget *parent)
{
    m_resubmitBox = new QFrame(parent);
    m_resubmitBox->setObjectName(QStringLiteral("resubmitBox"));
    m_resubmitBox->setStyleSheet(Sheets::resubmitBox(palette()));
    auto *layout = new QVBoxLayout(m_resubmitBox);
    layout->setContentsMargins(Theme::Spacing + Theme::SpacingSmall, Theme::Spacing,
                               Theme::Spacing + Theme::SpacingSmall, Theme::Spacing);
    layout->setSpacing(Theme::Spacing);
    m_rejectionNote = new QLabel(m_resubmitBox);
    m_rejectionNote->setObjectName(QStringLiteral("rejectionNote"));
    m_rejectionNote->setWordWrap(true);
    m_rejectionNote->setTextFormat(Qt::PlainText);
    m_rejectionNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_rejectionNote);
    m_resubmitButton = new QPushButton(tr("&Correct and send again"), m_resubmitBox);
    m_resubmitButton->setObjectName(QStringLiteral("resubmitButton"));
    m_resubmitButton->setAccessibleName(tr("Correct and send again"));
    m_resubmitButton->setToolTip(
        tr("Correct the details or choose another PDF, and send the certificate again"));
    m_resubmitButton->setProperty("primary", true);
    m_resubmitButton->setAutoDefault(false);
    layout->addWidget(m_resubmitButton, 0, Qt::AlignLeft);
    connect(m_resubmitButton, &QPushButton::clicked, this, &CertificateDetailsDialog::resubmit);
    m_resubmitBox->hide();
    return m_resubmitBox;
}

QWidget *CertificateDetailsDialog::buildActions(QWidget *parent)
{
    m_actions = new QWidget(parent);
    m_actions->setObjectName(QStringLiteral("lifecycleActions"));
    auto *row = new QHBoxLayout(m_actions);
    row->setContentsMargins(0, Theme::SpacingSmall, 0, 0);
    row->setSpacing(Theme::Spacing);
    m_renewButton = new QPushButton(tr("&Renew…"), m_actions);
    m_renewButton->setObjectName(QStringLiteral("renewButton"));
    m_renewButton->setAccessibleName(tr("Renew"));
    m_renewButton->setToolTip(tr("Import the new certificate that replaces this one"));
    m_renewButton->setAutoDefault(false);
    m_revokeButton = new QPushButton(tr("Re&voke…"), m_actions);
    m_revokeButton->setObjectName(QStringLiteral("revokeButton"));
    m_revokeButton->setAccessibleName(tr("Revoke"));
    m_revokeButton->setToolTip(tr("Withdraw this certificate, saying why; its owner is told"));
    m_revokeButton->setProperty("secondary", true);
    m_revokeButton->setAutoDefault(false);
    row->addWidget(m_renewButton);
    row->addWidget(m_revokeButton);
    row->addStretch(1);
    connect(m_renewButton, &QPushButton::clicked, this, &CertificateDetailsDialog::renew);
    connect(m_revokeButton, &QPushButton::clicked, this,
            &CertificateDetailsDialog::revokeCertificate);
    m_actions->hide();
    return m_actions;
}

void CertificateDetailsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // The PDF was loaded before the dialog had its size: fit it to the width
    // the viewer has now (and let the zoom label say so).
    if (m_hasPdf)
        QTimer::singleShot(0, m_preview, &PdfPreview::fitToWidth);
}

void CertificateDetailsDialog::addRow(QFormLayout *form, const QString &label, const QString &value,
                                      const char *objectName)
{
    auto *name = new QLabel(label, this);
    QFont font = name->font();
    font.setWeight(QFont::DemiBold);
    name->setFont(font);
    auto *text = new QLabel(value, this);
    text->setObjectName(QString::fromLatin1(objectName));
    text->setAccessibleName(label);
    text->setAccessibleDescription(value);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    name->setBuddy(text);
    form->addRow(name, text);
}

void CertificateDetailsDialog::reload()
{
    const QString shown = m_shownSha;
    load();
    if (m_hasPdf && m_shownSha != shown && isVisible())
        QTimer::singleShot(0, m_preview, &PdfPreview::fitToWidth);
}

void CertificateDetailsDialog::load()
{
    const Id actor = m_session.userId();
    // Again from scratch (reload()).
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_errorText.clear();
    const bool shownPdf = m_hasPdf;
    m_hasPdf = false;
    m_canResubmit = false;
    m_error->hide();
    m_status->show();
    m_history->show();
    m_pdfStack->setCurrentWidget(m_preview);
    const auto found = m_session.certificates().certificate(actor, m_id);
    if (!found) {
        m_errorText = found.message();
        m_title->setText(tr("Certificate"));
        m_status->hide();
        m_error->setText(tr("This certificate cannot be shown: %1").arg(m_errorText));
        m_error->show();
        m_history->hide();
        m_noPdf->setText(m_errorText);
        m_pdfStack->setCurrentWidget(m_noPdf);
        m_resubmitBox->hide();
        m_actions->hide();
        return;
    }
    m_certificate = found.value();
    const Certificate &c = m_certificate;
    setWindowTitle(tr("Certificate — %1").arg(c.name));
    setAccessibleName(windowTitle());
    m_title->setText(c.name);
    m_title->setAccessibleName(c.name);
    const QDate today = Domain::today();
    const int soonDays = m_session.policy().settings().expirySoonDays;
    const DisplayStatus status = c.displayStatus(today, soonDays);
    m_status->setStatus(c.statusText(today, soonDays), status);

    if (c.ownerId != actor)
        addRow(m_form, tr("Holder"), c.ownerName, "holderValue");
    addRow(m_form, tr("Type"), Domain::kindLabel(c.kind), "typeValue");
    addRow(m_form, tr("Delivered"), Theme::dateText(c.delivered), "deliveredValue");
    QString expires = c.expires.isValid() ? Theme::dateText(c.expires) : tr("Does not expire");
    if (status == DisplayStatus::ExpiringSoon) {
        const qint64 days = today.daysTo(c.expires);
        expires = days == 0   ? tr("%1 (today)").arg(expires)
                  : days == 1 ? tr("%1 (tomorrow)").arg(expires)
                              : tr("%1 (in %2 days)").arg(expires).arg(days);
    }
    addRow(m_form, tr("Expires"), expires, "expiresValue");
    if (!c.templateName.isEmpty())
        addRow(m_form, tr("Associated certificate"), c.templateName, "templateValue");
    if (c.credits)
        addRow(m_form, tr("Credits"), QLocale().toString(*c.credits, 'g', 6), "creditsValue");
    if (!c.originalFilename.isEmpty())
        addRow(m_form, tr("File"), c.originalFilename, "fileValue");
    if (const QString repaired = PdfCheck::repairedOnImport(c.pdfRepairs); !repaired.isEmpty())
        addRow(m_form, tr("PDF"), repaired, "repairValue");
    if (c.createdAt.isValid())
        addRow(m_form, tr("Added"), Theme::dateTimeText(c.createdAt), "addedValue");
    addLifecycleRows(c);

    QString historyError;
    m_history->load(m_session, m_id, &historyError);
    updateResubmitBox();
    updateActions();

    // The same file as shown already (a reload): no new rendering.
    if (shownPdf && !c.pdfSha256.isEmpty() && c.pdfSha256 == m_shownSha) {
        m_hasPdf = true;
        return;
    }
    m_shownSha.clear();
    const auto pdf = m_session.certificates().pdf(actor, m_id);
    if (!pdf) {
        m_errorText = pdf.message();
        m_noPdf->setText(m_errorText);
        m_pdfStack->setCurrentWidget(m_noPdf);
        return;
    }
    m_hasPdf = m_preview->setPdf(pdf.value());
    if (m_hasPdf)
        m_shownSha = c.pdfSha256;
    if (!m_hasPdf) {
        m_errorText = tr("The PDF of this certificate cannot be displayed.");
        m_noPdf->setText(m_errorText);
        m_pdfStack->setCurrentWidget(m_noPdf);
    }
}

void CertificateDetailsDialog::updateResubmitBox()
{
    // The Policy decides; the dialog only shows its answer.
    QString why;
    m_canResubmit = ImportDialog::canResubmit(m_session, m_certificate, &why);
    m_rejectionComment.clear();
    m_rejectedBy.clear();
    if (m_canResubmit) {
        // The last rejection, with the reviewer's comment (R9).
        const auto history = m_session.certificates().history(m_session.userId(), m_id);
        if (history) {
            for (const HistoryEntry &entry : history.value()) {
                if (entry.action == QLatin1String("certificate.reject")) {
                    m_rejectionComment = entry.comment.trimmed();
                    m_rejectedBy = entry.actorName;
                }
            }
        }
        QString note;
        if (!m_rejectedBy.isEmpty() && !m_rejectionComment.isEmpty())
            note = tr("Rejected by %1: “%2”").arg(m_rejectedBy, m_rejectionComment);
        else if (!m_rejectionComment.isEmpty())
            note = tr("Rejected: “%1”").arg(m_rejectionComment);
        else
            note = tr("This certificate was rejected.");
        note += QLatin1Char('\n') + tr("Correct it or choose another PDF, then send it again.");
        m_rejectionNote->setText(note);
        m_rejectionNote->setAccessibleName(note);
    }
    m_resubmitBox->setVisible(m_canResubmit);
}

void CertificateDetailsDialog::resubmit()
{
    if (!m_canResubmit)
        return;
    // On the heap and guarded: this dialog may be closed while the form runs.
    QPointer<CertificateDetailsDialog> self(this);
    QPointer<ImportDialog> form =
        new ImportDialog(m_session, m_certificate, m_rejectionComment, this);
    const int result = form->exec();
    if (!self)
        return;
    const bool sent = form && result == QDialog::Accepted && form->hasOutcome();
    delete form;
    // Sent: the new status and "Corrected and sent again" in the history.
    // Cancelled: what is true now (someone may have acted meanwhile).
    reload();
    if (sent)
        emit resubmitted(m_id);
}

void CertificateDetailsDialog::addLifecycleRows(const Certificate &c)
{
    const Id actor = m_session.userId();
    if (c.revokedAt.isValid()) {
        const auto by = m_session.directory().user(c.revokedBy);
        const QString when = Theme::dateTimeText(c.revokedAt);
        addRow(m_form, tr("Revoked"),
               (by ? tr("%1 by %2").arg(when, by->name) : when) + QLatin1Char('\n') +
                   tr("Reason: %1").arg(c.revokeReason),
               "revokedValue");
    }
    // The certificates of a renewal chain name each other.
    auto describe = [&](Id id) {
        const auto other = m_session.certificates().certificate(actor, id);
        if (!other)
            return tr("Certificate %1").arg(id);
        return other->expires.isValid()
                   ? tr("“%1”, delivered %2, expires %3")
                         .arg(other->name, Theme::dateText(other->delivered),
                              Theme::dateText(other->expires))
                   : tr("“%1”, delivered %2").arg(other->name, Theme::dateText(other->delivered));
    };
    if (c.renewsId > 0)
        addRow(m_form, tr("Renews"), describe(c.renewsId), "renewsValue");
    if (c.renewedById > 0)
        addRow(m_form, tr("Renewed by"), describe(c.renewedById), "renewedByValue");
}

void CertificateDetailsDialog::updateActions()
{
    // The Policy decides; the dialog only shows its answers.
    QString why;
    m_canRenew = ImportDialog::canRenew(m_session, m_certificate, &why);
    m_canRevoke = m_session.policy().mayRevoke(m_session.userId(), m_certificate).allowed;
    m_renewButton->setVisible(m_canRenew);
    m_revokeButton->setVisible(m_canRevoke);
    m_actions->setVisible(m_canRenew || m_canRevoke);
}

void CertificateDetailsDialog::renew()
{
    if (!m_canRenew)
        return;
    QPointer<CertificateDetailsDialog> self(this);
    QPointer<ImportDialog> form =
        new ImportDialog(m_session, ImportDialog::RenewalOf{m_certificate}, this);
    const int result = form->exec();
    if (!self)
        return;
    const std::optional<ImportOutcome> outcome =
        form && result == QDialog::Accepted && form->hasOutcome()
            ? std::optional<ImportOutcome>(form->outcome())
            : std::nullopt;
    delete form;
    reload();
    if (!outcome)
        return;
    const Certificate &renewal = outcome->certificate;
    emit changed(m_id, renewal.status == CertificateStatus::Pending
                           ? tr("The renewal “%1” was imported and sent for validation; “%2” is "
                                "replaced once it is validated.")
                                 .arg(renewal.name, m_certificate.name)
                           : tr("The renewal “%1” was imported and replaces “%2”.")
                                 .arg(renewal.name, m_certificate.name));
}

void CertificateDetailsDialog::revokeCertificate()
{
    if (!m_canRevoke)
        return;
    QPointer<CertificateDetailsDialog> self(this);
    QPointer<RevokeDialog> ask = new RevokeDialog(m_session, m_certificate, this);
    const int result = ask->exec();
    if (!self)
        return;
    const bool revoked = ask && result == QDialog::Accepted;
    delete ask;
    // Revoked, or someone acted meanwhile: show what is true now.
    reload();
    if (revoked)
        emit changed(m_id, tr("“%1” was revoked; %2 is told why.")
                               .arg(m_certificate.name, m_certificate.ownerName));
}
