#include "import/ImportDialog.h"

#include "certificate/ImportDateEdit.h"
#include "import/DropZone.h"
#include "import/PdfDrop.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"
#include "widgets/FileDialog.h"
#include "widgets/PdfPreview.h"

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

namespace {
QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

// "first-aid_certificate" → "First Aid Certificate"; words with capitals
// ("ISO", "McKinsey") stay as they are.
QString capitalised(const QString &text)
{
    static const QStringList small{
        QStringLiteral("a"),   QStringLiteral("an"),  QStringLiteral("and"), QStringLiteral("at"),
        QStringLiteral("for"), QStringLiteral("in"),  QStringLiteral("of"),  QStringLiteral("on"),
        QStringLiteral("or"),  QStringLiteral("the"), QStringLiteral("to")};
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < words.size(); ++i) {
        QString &word = words[i];
        if (word != word.toLower() || (i > 0 && small.contains(word)))
            continue;
        word[0] = word.at(0).toUpper();
    }
    return words.join(QLatin1Char(' '));
}
} // namespace

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

void ImportDialog::setup()
{
    setObjectName(isResubmit() ? QStringLiteral("resubmitDialog") : QStringLiteral("importDialog"));
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
    for (int i = 0; i < paths.size(); ++i) {
        ImportDialog dialog(session, owner, parent);
        dialog.setBatchPosition(i, int(paths.size()));
        dialog.setFile(paths.at(i));
        if (dialog.exec() == QDialog::Accepted)
            imported.append(dialog.outcome());
        else if (dialog.stopRequested())
            break;
    }
    return imported;
}

QString ImportDialog::suggestedName(const QString &pdfTitle, const QString &filePath)
{
    QString title = pdfTitle.simplified();
    // Office programs often put their own name or the source file in the title.
    static const QRegularExpression producer(
        QStringLiteral("^Microsoft (Word|PowerPoint|Excel) - "));
    static const QRegularExpression fileName(
        QStringLiteral("\\.(docx?|odt|pdf|pptx?|rtf|txt|png|jpe?g)$"),
        QRegularExpression::CaseInsensitiveOption);
    title.remove(producer);
    if (title.contains(fileName) ||
        title.compare(QLatin1String("untitled"), Qt::CaseInsensitive) == 0)
        title.clear();
    if (!title.isEmpty())
        return title;

    QString base = QFileInfo(filePath).completeBaseName();
    static const QRegularExpression separators(QStringLiteral("[_\\-.+]+"));
    static const QRegularExpression camel(QStringLiteral("(?<=[a-z])(?=[A-Z])"));
    base.replace(separators, QStringLiteral(" "));
    base.replace(camel, QStringLiteral(" "));
    return capitalised(base.simplified());
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

    auto *nameGroup = new QVBoxLayout;
    nameGroup->setSpacing(Theme::SpacingSmall);
    m_name = new QLineEdit(column);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setAccessibleName(tr("Certificate name"));
    m_name->setPlaceholderText(tr("As printed on the certificate"));
    m_name->setClearButtonEnabled(true);
    nameGroup->addWidget(fieldLabel(tr("Certificate &name"), m_name, column));
    nameGroup->addWidget(m_name);
    m_errors.insert(int(Field::Name), Theme::errorLabel(QStringLiteral("nameError"), column));
    nameGroup->addWidget(m_errors.value(int(Field::Name)));
    layout->addLayout(nameGroup);
    m_fields.insert(int(Field::Name), m_name);
    connect(m_name, &QLineEdit::textEdited, this, [this] { touch(Field::Name); });
    connect(m_name, &QLineEdit::textChanged, this, &ImportDialog::updateState);

    buildDates(layout);
    if (m_form.showTemplate)
        buildTemplate(layout);
    if (m_form.showCredits)
        buildCredits(layout);
    layout->addStretch(1);
    scroll->setWidget(column);
    return scroll;
}

void ImportDialog::buildFileZone(QLayout *layout)
{
    QWidget *parent = layout->parentWidget();
    m_dropZone = new DropZone(parent);
    m_selectButton = new QPushButton(Theme::icon(QStringLiteral("file-open")),
                                     tr("&Select a file…"), m_dropZone);
    m_selectButton->setObjectName(QStringLiteral("selectFileButton"));
    m_selectButton->setAccessibleName(tr("Select a PDF file"));
    m_selectButton->setAutoDefault(false);
    m_dropZone->addWidget(m_selectButton);
    if (isResubmit()) {
        // Back to the certificate's own PDF after choosing another one.
        m_currentPdfButton = new QPushButton(tr("&Keep the current PDF"), m_dropZone);
        m_currentPdfButton->setObjectName(QStringLiteral("currentPdfButton"));
        m_currentPdfButton->setAccessibleName(tr("Keep the current PDF"));
        m_currentPdfButton->setAutoDefault(false);
        m_currentPdfButton->hide();
        m_dropZone->addWidget(m_currentPdfButton);
        connect(m_currentPdfButton, &QPushButton::clicked, this, &ImportDialog::useCurrentPdf);
    }
    layout->addWidget(m_dropZone);
    m_fileError = new QLabel(parent);
    m_fileError->setObjectName(QStringLiteral("fileError"));
    m_fileError->setWordWrap(true);
    m_fileError->setTextFormat(Qt::PlainText);
    m_fileError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileError->hide();
    layout->addWidget(m_fileError);
    connect(m_selectButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    auto *open = new QAction(this);
    open->setObjectName(QStringLiteral("selectFileAction"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &ImportDialog::chooseFile);
    addAction(open);
    m_selectButton->setToolTip(
        tr("Choose the certificate PDF (%1)")
            .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    connect(m_dropZone, &DropZone::pdfsDropped, this, &ImportDialog::onDroppedPdfs);
    connect(m_dropZone, &DropZone::rejectedDrop, this, &ImportDialog::onRejectedDrop);
}

void ImportDialog::buildDates(QLayout *layout)
{
    QWidget *parent = layout->parentWidget();
    m_delivered = new ImportDateEdit(parent);
    m_delivered->setObjectName(QStringLiteral("deliveredEdit"));
    m_delivered->setAccessibleName(tr("Delivery date"));
    m_delivered->setToolTip(tr("The date printed on the certificate"));
    m_expiresCheck = new QCheckBox(tr("&Expires"), parent);
    m_expiresCheck->setObjectName(QStringLiteral("expiresCheck"));
    m_expiresCheck->setAccessibleName(tr("Expires"));
    m_expiresCheck->setToolTip(tr("Tick when the certificate has an expiration date"));
    m_expires = new ImportDateEdit(parent);
    m_expires->setObjectName(QStringLiteral("expiresEdit"));
    m_expires->setAccessibleName(tr("Expiration date"));
    m_expires->setSpecialValueText(tr("Does not expire"));
    m_expires->setEnabled(false);

    auto *row = new QGridLayout;
    row->setHorizontalSpacing(Theme::SpacingLarge);
    row->setVerticalSpacing(Theme::SpacingSmall);
    row->addWidget(fieldLabel(tr("&Delivery date"), m_delivered, parent), 0, 0);
    QFont bold = m_expiresCheck->font();
    bold.setWeight(QFont::DemiBold);
    m_expiresCheck->setFont(bold);
    row->addWidget(m_expiresCheck, 0, 1);
    row->addWidget(m_delivered, 1, 0);
    row->addWidget(m_expires, 1, 1);
    row->setColumnStretch(0, 1);
    row->setColumnStretch(1, 1);
    for (const Field field : {Field::Delivered, Field::Expires}) {
        const QString name = field == Field::Delivered ? QStringLiteral("deliveredError")
                                                       : QStringLiteral("expiresError");
        m_errors.insert(int(field), Theme::errorLabel(name, parent));
        row->addWidget(m_errors.value(int(field)), field == Field::Delivered ? 2 : 3, 0, 1, 2);
    }
    m_fields.insert(int(Field::Delivered), m_delivered);
    m_fields.insert(int(Field::Expires), m_expires);
    qobject_cast<QVBoxLayout *>(layout)->addLayout(row);

    connect(m_delivered, &QDateEdit::dateChanged, this, [this] {
        touch(Field::Delivered);
        if (m_expiresCheck->isChecked() && m_expires->isSet())
            touch(Field::Expires);
        updateState();
    });
    connect(m_expires, &QDateEdit::dateChanged, this, [this] {
        touch(Field::Expires);
        updateState();
    });
    connect(m_expiresCheck, &QCheckBox::toggled, this, &ImportDialog::onExpiresToggled);
}

void ImportDialog::buildTemplate(QLayout *layout)
{
    QWidget *parent = layout->parentWidget();
    m_template = new QComboBox(parent);
    m_template->setObjectName(QStringLiteral("templateCombo"));
    m_template->setAccessibleName(tr("Associate a certificate"));
    m_template->setEditable(true);
    m_template->setInsertPolicy(QComboBox::NoInsert);
    m_template->addItem(tr("None"), Id(0));
    for (const CertificateTemplate &t : std::as_const(m_templates)) {
        m_template->addItem(t.name, t.id);
        if (!t.description.isEmpty())
            m_template->setItemData(m_template->count() - 1, t.description, Qt::ToolTipRole);
    }
    m_template->lineEdit()->setPlaceholderText(tr("None — type to search"));
    m_template->completer()->setFilterMode(Qt::MatchContains);
    m_template->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_template->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_template->setToolTip(tr("The internal certificate this one is equivalent to, if any"));

    auto *group = new QVBoxLayout;
    group->setSpacing(Theme::SpacingSmall);
    group->addWidget(fieldLabel(tr("&Associate a certificate"), m_template, parent));
    group->addWidget(m_template);
    m_errors.insert(int(Field::Template),
                    Theme::errorLabel(QStringLiteral("templateError"), parent));
    group->addWidget(m_errors.value(int(Field::Template)));
    qobject_cast<QVBoxLayout *>(layout)->addLayout(group);
    m_fields.insert(int(Field::Template), m_template);
    connect(m_template, &QComboBox::editTextChanged, this, [this] {
        touch(Field::Template);
        updateState();
    });
}

void ImportDialog::buildCredits(QLayout *layout)
{
    QWidget *parent = layout->parentWidget();
    m_credits = new QDoubleSpinBox(parent);
    m_credits->setObjectName(QStringLiteral("creditsSpin"));
    m_credits->setAccessibleName(tr("Credits"));
    // Wider than the rule's range, so that the rule's message says what is wrong.
    m_credits->setRange(0, 1000000);
    m_credits->setDecimals(2);
    m_credits->setSpecialValueText(tr("None"));
    m_credits->setMaximumWidth(180);
    // Typed (or stepped with the arrow keys): no tiny spin buttons.
    m_credits->setButtonSymbols(QAbstractSpinBox::NoButtons);
    auto *group = new QVBoxLayout;
    group->setSpacing(Theme::SpacingSmall);
    group->addWidget(fieldLabel(tr("&Credits"), m_credits, parent));
    group->addWidget(m_credits);
    m_errors.insert(int(Field::Credits), Theme::errorLabel(QStringLiteral("creditsError"), parent));
    group->addWidget(m_errors.value(int(Field::Credits)));
    qobject_cast<QVBoxLayout *>(layout)->addLayout(group);
    m_fields.insert(int(Field::Credits), m_credits);
    connect(m_credits, &QDoubleSpinBox::valueChanged, this, [this] {
        touch(Field::Credits);
        updateState();
    });
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

bool ImportDialog::setFile(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // Read and checked once; the preview and the import use these bytes.
    PdfCheckResult checked = PdfCheck::checkFile(path, m_session.policy().settings().pdfMaxBytes());
    QApplication::restoreOverrideCursor();
    m_saveError->hide();
    const QString fileName = QFileInfo(path).fileName();
    if (!checked.ok()) {
        m_file = PdfCheckResult();
        m_filePath.clear();
        if (isResubmit()) {
            // The certificate keeps the PDF it has; say so.
            showCurrentPdf();
            showFileError(tr("“%1” cannot be used. %2").arg(fileName, checked.message) +
                          QLatin1Char(' ') + tr("The current PDF is kept."));
        } else {
            m_preview->clear();
            m_dropZone->setTexts(tr("Drop a PDF here"), tr("or"));
            showFileError(tr("“%1” cannot be imported. %2").arg(fileName, checked.message));
        }
        updateState();
        return false;
    }
    m_file = std::move(checked);
    m_filePath = path;
    m_fileError->hide();
    m_preview->setPdf(m_file.bytes);
    m_previewShowsCurrent = false;
    if (isVisible())
        QTimer::singleShot(0, m_preview, &PdfPreview::fitToWidth);
    const QString pages =
        m_file.pageCount == 1 ? tr("1 page") : tr("%1 pages").arg(m_file.pageCount);
    m_dropZone->setTexts(fileName, tr("%1 · %2 — drop another PDF to replace it")
                                       .arg(pages, PdfCheck::formatSize(m_file.bytes.size())));
    if (m_currentPdfButton)
        m_currentPdfButton->show();
    // Only a name the user has not typed is replaced.
    if (m_name->text().trimmed().isEmpty() || m_name->text() == m_suggestedName) {
        m_suggestedName = suggestedName(m_file.pdfTitle, path);
        m_name->setText(m_suggestedName);
        touch(Field::Name);
    }
    updateState();
    return true;
}

void ImportDialog::setBatchPosition(int index, int count)
{
    if (count <= 1)
        return;
    m_subtitle->setText(tr("File %1 of %2.").arg(index + 1).arg(count) + QLatin1Char(' ') +
                        m_subtitle->text());
    m_cancelButton->setText(tr("Skip this file"));
    m_cancelButton->setAccessibleName(m_cancelButton->text());
    m_stopButton->setVisible(index + 1 < count);
}

void ImportDialog::chooseFile()
{
    const QString path =
        FileDialog::getOpenFileName(this, tr("Select the certificate PDF"),
                                    tr("PDF documents (*.pdf)"), QStringLiteral("import"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportDialog::onDroppedPdfs(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (setFile(paths.constFirst()) && paths.size() > 1)
        showFileError(tr("One certificate per import: only “%1” was taken. Import the other "
                         "files one at a time.")
                          .arg(QFileInfo(paths.constFirst()).fileName()));
}

void ImportDialog::onRejectedDrop(const QStringList &nonPdfs)
{
    // A PDF dropped together with other files is taken; the others are named.
    showFileError(PdfDrop::refusalMessage(nonPdfs));
}

void ImportDialog::showFileError(const QString &message)
{
    m_fileError->setText(message);
    m_fileError->setAccessibleName(message);
    m_fileError->show();
}

void ImportDialog::touch(Field field)
{
    m_touched.insert(int(field));
}

void ImportDialog::onExpiresToggled(bool on)
{
    m_expires->setEnabled(on);
    if (on) {
        m_expires->setSpecialValueText(tr("Choose a date"));
        // A template with a validity suggests the date; the user can change it.
        bool known = false;
        const Id templateId = selectedTemplateId(&known);
        const QDate delivered = m_delivered->value();
        for (const CertificateTemplate &t : std::as_const(m_templates)) {
            if (t.id == templateId && t.validityMonths > 0 && delivered.isValid() &&
                !m_expires->isSet())
                m_expires->setDate(delivered.addMonths(t.validityMonths));
        }
        m_expires->setFocus();
    } else {
        m_expires->setSpecialValueText(tr("Does not expire"));
        m_expires->unset();
        m_touched.remove(int(Field::Expires));
    }
    updateState();
}

Id ImportDialog::selectedTemplateId(bool *known) const
{
    *known = true;
    if (!m_template)
        return 0;
    const QString text = m_template->currentText().trimmed();
    if (text.isEmpty())
        return 0;
    const int index = m_template->findText(text, Qt::MatchFixedString);
    if (index < 0) {
        *known = false;
        return 0;
    }
    return m_template->itemData(index).value<Id>();
}

QList<FieldProblem> ImportDialog::currentProblems() const
{
    std::optional<double> credits;
    if (m_credits && m_credits->value() > 0)
        credits = m_credits->value();
    const QDate expires = m_expiresCheck->isChecked() ? m_expires->value() : QDate();
    QList<FieldProblem> problems = CertificateService::checkFields(
        m_name->text(), m_delivered->value(), expires, credits, QDate::currentDate());
    // What the form itself needs before the service can say anything.
    if (m_expiresCheck->isChecked() && !expires.isValid())
        problems.append({Field::Expires, tr("Give the expiration date, or untick Expires.")});
    bool known = true;
    selectedTemplateId(&known);
    if (!known)
        problems.append({Field::Template, tr("No certificate is named “%1”: choose one from the "
                                             "list, or None.")
                                              .arg(m_template->currentText().trimmed())});
    return problems;
}

void ImportDialog::updateState()
{
    const QList<FieldProblem> problems = currentProblems();
    QStringList hidden;
    if (!fileReady() && !m_fileError->isVisible())
        hidden.append(tr("Choose the certificate PDF."));
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        QString message;
        for (const FieldProblem &problem : problems) {
            if (int(problem.field) == it.key()) {
                message = problem.message;
                break;
            }
        }
        const bool show = !message.isEmpty() && m_touched.contains(it.key());
        if (!message.isEmpty() && !show)
            hidden.append(message);
        QLabel *label = it.value();
        label->setText(show ? message : QString());
        label->setAccessibleName(show ? message : QString());
        label->setVisible(show);
        if (QWidget *field = m_fields.value(it.key()))
            field->setAccessibleDescription(show ? message : QString());
    }
    // What is still missing, in the order of the form, before anything is red.
    m_hint->setText(hidden.join(QLatin1Char(' ')));
    m_hint->setVisible(!hidden.isEmpty());
    m_saveButton->setEnabled(fileReady() && problems.isEmpty() && !m_saving && !m_outcome);
}

void ImportDialog::save()
{
    if (m_saving || m_outcome || !fileReady() || !currentProblems().isEmpty())
        return;
    if (isResubmit()) {
        saveResubmit();
        return;
    }
    m_saving = true;
    updateState();
    ImportRequest request;
    request.ownerId = m_owner;
    request.pdf = m_file.bytes;
    request.originalFilename = QFileInfo(m_filePath).fileName();
    request.name = m_name->text().trimmed();
    request.delivered = m_delivered->value();
    if (m_expiresCheck->isChecked())
        request.expires = m_expires->value();
    bool known = true;
    request.templateId = selectedTemplateId(&known);
    if (m_credits && m_credits->value() > 0)
        request.credits = m_credits->value();
    request.importKey = m_importKey; // a retry after an error never imports twice

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
