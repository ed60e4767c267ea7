#include "review/TaskDetailsCard.h"

#include "certificate/CertificateForm.h"
#include "pdf/PdfCheck.h"
#include "review/TaskView.h"
#include "style/Theme.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

TaskDetailsCard::TaskDetailsCard(QWidget *parent) : QFrame(parent)
{
    QWidget *card = this;
    setObjectName(QStringLiteral("detailsCard"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingLarge, Theme::Spacing, Theme::SpacingLarge,
                               Theme::SpacingLarge);
    layout->setSpacing(Theme::SpacingSmall);
    layout->addLayout(buildHeader(card));

    m_stack = new QStackedWidget(card);
    m_form = new CertificateForm(CertificateForm::Options(), m_stack);
    m_form->nameEdit()->setMaxLength(Domain::MaxNameLength + 50);
    m_stack->addWidget(buildReadOnlyRows(m_stack));
    m_stack->addWidget(m_form);
    // As tall as what it shows (the rows are shorter than the form).
    m_stack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_stack);

    m_editedNote = Theme::noteLabel(TaskView::tr("Your edits are saved with your decision."), card);
    m_editedNote->setObjectName(QStringLiteral("editedNote"));
    m_editedNote->hide();
    layout->addWidget(m_editedNote);
    connect(m_form, &CertificateForm::changed, this, &TaskDetailsCard::changed);
}

QLayout *TaskDetailsCard::buildHeader(QWidget *card)
{
    auto *header = new QHBoxLayout;
    header->addWidget(Theme::sectionLabel(TaskView::tr("External certificate details"),
                                          QStringLiteral("detailsTitle"), card),
                      1);
    m_revertButton = new QToolButton(card);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setAccessibleName(TaskView::tr("Undo my edits"));
    m_revertButton->setText(TaskView::tr("Undo edits"));
    m_revertButton->setAutoRaise(true);
    connect(m_revertButton, &QToolButton::clicked, this, &TaskDetailsCard::revertClicked);
    header->addWidget(m_revertButton);
    m_editButton = new QPushButton(Theme::icon(QStringLiteral("pen")), TaskView::tr("Edit"), card);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editButton->setAccessibleName(TaskView::tr("Edit the certificate details"));
    m_editButton->setToolTip(TaskView::tr("Correct the name and dates before deciding (E)"));
    m_editButton->setCheckable(true);
    m_editButton->setAutoDefault(false);
    connect(m_editButton, &QPushButton::toggled, this, &TaskDetailsCard::editToggled);
    header->addWidget(m_editButton);
    return header;
}

QGridLayout *TaskDetailsCard::rowGrid()
{
    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(Theme::SpacingLarge);
    grid->setVerticalSpacing(Theme::SpacingSmall);
    grid->setColumnStretch(1, 1);
    return grid;
}

QLabel *TaskDetailsCard::addRow(QGridLayout *grid, const QString &text, QLabel *value,
                                QWidget *buddy)
{
    auto *label = new QLabel(text, value->parentWidget());
    label->setBuddy(buddy);
    QPalette muted = label->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor(muted));
    label->setPalette(muted);
    const int row = grid->rowCount();
    grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
    grid->addWidget(value, row, 1);
    // As tall as an editor, so that the rows read like the form.
    value->setMinimumHeight(m_form->nameEdit()->sizeHint().height());
    return label;
}

void TaskDetailsCard::setRenewalOf(Id renewsId, const std::optional<Certificate> &renewed)
{
    if (renewsId > 0 && !renewed)
        m_renewsLabel->setText(TaskView::tr("Certificate %1").arg(renewsId));
    if (renewed) {
        const Certificate &old = *renewed;
        const QString delivered = Theme::dateText(old.delivered);
        m_renewsLabel->setText(
            old.expires.isValid()
                ? TaskView::tr("“%1”, delivered %2, expires %3")
                      .arg(old.name, delivered, Theme::dateText(old.expires))
                : TaskView::tr("“%1”, delivered %2, does not expire").arg(old.name, delivered));
        m_renewsLabel->setAccessibleName(m_renewsLabel->text());
    }
    m_renewsTitle->setVisible(renewsId > 0);
    m_renewsLabel->setVisible(renewsId > 0);
}

QWidget *TaskDetailsCard::buildReadOnlyRows(QWidget *parent)
{
    auto *rows = new QWidget(parent);
    QGridLayout *grid = rowGrid();
    rows->setLayout(grid);
    m_nameLabel = Theme::valueLabel(QStringLiteral("nameLabel"), rows);
    m_deliveredLabel = Theme::valueLabel(QStringLiteral("deliveredLabel"), rows);
    m_expiresLabel = Theme::valueLabel(QStringLiteral("expiresLabel"), rows);
    m_ownerLabel = Theme::valueLabel(QStringLiteral("ownerLabel"), rows);
    m_fileLabel = Theme::valueLabel(QStringLiteral("fileLabel"), rows);
    // The editors are the buddies: their shortcuts work while editing.
    addRow(grid, TaskView::tr("&Name"), m_nameLabel, m_form->nameEdit());
    addRow(grid, TaskView::tr("&Delivery date"), m_deliveredLabel, m_form->deliveredEdit());
    addRow(grid, TaskView::tr("E&xpiration date"), m_expiresLabel, m_form->expiresCheck());
    addRow(grid, TaskView::tr("Owner"), m_ownerLabel, nullptr);
    addRow(grid, TaskView::tr("Uploaded file"), m_fileLabel, nullptr);
    m_renewsLabel = Theme::valueLabel(QStringLiteral("renewsLabel"), rows);
    m_renewsLabel->setWordWrap(true);
    m_renewsTitle = addRow(grid, TaskView::tr("Renewal of"), m_renewsLabel, nullptr);
    setRenewalOf(0, std::nullopt);
    return rows;
}

void TaskDetailsCard::fill(const Certificate &certificate)
{
    const Certificate &c = certificate;
    // Ticking Expires on a certificate without one suggests a year's validity.
    m_form->setExpiresSuggestion(c.delivered.addYears(1));
    m_form->setCredits(c.credits);
    m_form->setValues(c.name, c.delivered, c.expires);
    m_ownerLabel->setText(c.ownerName);
    const QString file =
        c.originalFilename.isEmpty() ? TaskView::tr("(no file name)") : c.originalFilename;
    // A reviewer sees that the PDF was repaired on import, and the upload's
    // SHA-256 (README "Untrusted PDFs").
    const QString repaired = PdfCheck::repairedOnImport(c.pdfRepairs);
    m_fileLabel->setText(repaired.isEmpty() ? file : TaskView::tr("%1 · %2").arg(file, repaired));
    m_fileLabel->setToolTip(
        repaired.isEmpty()
            ? QString()
            : TaskView::tr("SHA-256 of the file as uploaded: %1").arg(c.uploadedSha256));
}

void TaskDetailsCard::setState(bool open, bool editing, bool edited)
{
    m_stack->setCurrentIndex(editing ? 1 : 0);
    // The rows show what would be stored: edits included.
    m_nameLabel->setText(name().trimmed());
    m_deliveredLabel->setText(Theme::dateText(delivered()));
    const QDate expiry = expires();
    m_expiresLabel->setText(expiry.isValid() ? Theme::dateText(expiry)
                                             : TaskView::tr("Does not expire"));
    {
        const QSignalBlocker blocker(m_editButton);
        m_editButton->setChecked(editing);
    }
    m_editButton->setVisible(open);
    m_editButton->setText(editing ? TaskView::tr("Done") : TaskView::tr("Edit"));
    m_revertButton->setVisible(edited);
    m_editedNote->setVisible(edited);
}

QString TaskDetailsCard::name() const
{
    return m_form->name();
}

QDate TaskDetailsCard::delivered() const
{
    return m_form->delivered();
}

QDate TaskDetailsCard::expires() const
{
    return m_form->expires();
}

QList<FieldProblem> TaskDetailsCard::problems() const
{
    return m_form->problems();
}

void TaskDetailsCard::showProblems(const QList<FieldProblem> &problems)
{
    // A reviewer sees every problem at once (unticking Expires untouches it).
    m_form->touchAll();
    m_form->showProblems(problems);
}

void TaskDetailsCard::focusName()
{
    m_form->nameEdit()->setFocus(Qt::ShortcutFocusReason);
    m_form->nameEdit()->selectAll();
}
