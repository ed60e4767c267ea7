#include "review/TaskView.h"

#include "certificate/HistoryView.h"
#include "certificate/TemplatePicker.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
using Field = FieldProblem::Field;
const QString kDateFormat = QStringLiteral("d MMM yyyy");

QLabel *sectionLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QDateEdit *dateEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(kDateFormat);
    edit->setMinimumDate(QDate(1900, 1, 1));
    return edit;
}
} // namespace

TaskView::TaskView(Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("taskView"));
    setAccessibleName(tr("Validation task"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("taskPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_placeholder);

    auto *splitter = new QSplitter(Qt::Horizontal, m_stack);
    splitter->setObjectName(QStringLiteral("taskSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildDetails());
    splitter->addWidget(buildPdf());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_stack->addWidget(splitter);
    layout->addWidget(m_stack);
    setStyleSheet(Sheets::taskView(palette()));
    m_validateButton->setIcon(
        Theme::tintedIcon(QStringLiteral("check"), Theme::onAccentColor(palette())));
    createActions();
    reloadTemplates();
    clear(tr("Choose a task to review."));
}

QWidget *TaskView::buildDetails()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("taskDetailsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(320);
    auto *column = new QWidget(scroll);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, Theme::Spacing, 0);
    layout->setSpacing(Theme::Spacing);

    m_title = valueLabel(QStringLiteral("taskTitle"), column);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    layout->addWidget(m_title);
    m_subtitle = Theme::noteLabel(QString(), column);
    m_subtitle->setObjectName(QStringLiteral("taskSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    layout->addWidget(m_subtitle);
    m_notice = valueLabel(QStringLiteral("taskNotice"), column);
    m_notice->hide();
    layout->addWidget(m_notice);
    m_decided = valueLabel(QStringLiteral("taskDecided"), column);
    m_decided->hide();
    layout->addWidget(m_decided);
    layout->addWidget(buildFieldRows(column));

    layout->addWidget(sectionLabel(tr("Internal certificate &equivalence"),
                                   QStringLiteral("equivalenceTitle"), column));
    m_templatePicker = new TemplatePicker(column);
    qobject_cast<QLabel *>(layout->itemAt(layout->count() - 1)->widget())
        ->setBuddy(m_templatePicker->comboBox());
    layout->addWidget(m_templatePicker);
    connect(m_templatePicker, &TemplatePicker::templateChanged, this, &TaskView::updateState);
    connect(m_templatePicker->comboBox(), &QComboBox::editTextChanged, this,
            &TaskView::updateState);

    layout->addWidget(buildDecision(column));
    layout->addWidget(sectionLabel(tr("History"), QStringLiteral("historyTitle"), column));
    m_history = new HistoryView(column);
    layout->addWidget(m_history);
    layout->addStretch(1);
    scroll->setWidget(column);
    return scroll;
}

QStackedWidget *TaskView::fieldStack(QLabel **label, QWidget *editor, QWidget *parent)
{
    auto *stack = new QStackedWidget(parent);
    *label = valueLabel(
        editor->objectName().replace(QStringLiteral("Edit"), QStringLiteral("Label")), stack);
    stack->addWidget(*label);
    stack->addWidget(editor);
    // As tall as what it shows (a label is shorter than an editor).
    stack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    return stack;
}

QWidget *TaskView::buildFieldRows(QWidget *parent)
{
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("detailsCard"));
    auto *grid = new QGridLayout(card);
    grid->setContentsMargins(Theme::SpacingLarge, Theme::Spacing, Theme::SpacingLarge,
                             Theme::SpacingLarge);
    grid->setHorizontalSpacing(Theme::SpacingLarge);
    grid->setVerticalSpacing(Theme::SpacingSmall);
    grid->setColumnStretch(1, 1);

    auto *header = new QHBoxLayout;
    header->addWidget(
        sectionLabel(tr("External certificate details"), QStringLiteral("detailsTitle"), card), 1);
    m_revertButton = new QToolButton(card);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setAccessibleName(tr("Undo my edits"));
    m_revertButton->setText(tr("Undo edits"));
    m_revertButton->setAutoRaise(true);
    connect(m_revertButton, &QToolButton::clicked, this, &TaskView::revertEdits);
    header->addWidget(m_revertButton);
    m_editButton = new QPushButton(Theme::icon(QStringLiteral("pen")), tr("Edit"), card);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editButton->setAccessibleName(tr("Edit the certificate details"));
    m_editButton->setToolTip(tr("Correct the name and dates before deciding (E)"));
    m_editButton->setCheckable(true);
    m_editButton->setAutoDefault(false);
    connect(m_editButton, &QPushButton::toggled, this, &TaskView::setEditing);
    header->addWidget(m_editButton);
    grid->addLayout(header, 0, 0, 1, 2);

    m_nameEdit = new QLineEdit(card);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setAccessibleName(tr("Certificate name"));
    m_nameEdit->setMaxLength(Domain::MaxNameLength + 50);
    m_nameStack = fieldStack(&m_nameLabel, m_nameEdit, card);
    m_deliveredEdit = dateEdit(QStringLiteral("deliveredEdit"), tr("Delivery date"), card);
    m_deliveredStack = fieldStack(&m_deliveredLabel, m_deliveredEdit, card);
    auto *expires = new QWidget(card);
    expires->setObjectName(QStringLiteral("expiresEditor"));
    auto *expiresRow = new QHBoxLayout(expires);
    expiresRow->setContentsMargins(0, 0, 0, 0);
    m_expiresCheck = new QCheckBox(tr("Expires"), expires);
    m_expiresCheck->setObjectName(QStringLiteral("expiresCheck"));
    m_expiresCheck->setAccessibleName(tr("Expires"));
    m_expiresEdit = dateEdit(QStringLiteral("expiresEdit"), tr("Expiration date"), expires);
    expiresRow->addWidget(m_expiresCheck);
    expiresRow->addWidget(m_expiresEdit, 1);
    m_expiresStack = fieldStack(&m_expiresLabel, expires, card);
    m_expiresLabel->setObjectName(QStringLiteral("expiresLabel"));
    m_ownerLabel = valueLabel(QStringLiteral("ownerLabel"), card);
    m_fileLabel = valueLabel(QStringLiteral("fileLabel"), card);
    // Every row as tall as an editor, so that Edit does not make them jump.
    for (QWidget *value :
         {static_cast<QWidget *>(m_ownerLabel), static_cast<QWidget *>(m_fileLabel)})
        value->setMinimumHeight(m_nameEdit->sizeHint().height());

    const struct
    {
        QString label;
        QWidget *value;
        QWidget *buddy;
        int field;
        QString errorName;
    } rows[] = {
        {tr("&Name"), m_nameStack, m_nameEdit, int(Field::Name), QStringLiteral("nameError")},
        {tr("&Delivery date"), m_deliveredStack, m_deliveredEdit, int(Field::Delivered),
         QStringLiteral("deliveredError")},
        {tr("E&xpiration date"), m_expiresStack, m_expiresCheck, int(Field::Expires),
         QStringLiteral("expiresError")},
        {tr("Owner"), m_ownerLabel, nullptr, -1, QString()},
        {tr("Uploaded file"), m_fileLabel, nullptr, -1, QString()},
    };
    int row = 1;
    for (const auto &r : rows) {
        auto *label = new QLabel(r.label, card);
        label->setBuddy(r.buddy);
        QPalette muted = label->palette();
        muted.setColor(QPalette::WindowText, Theme::mutedTextColor(muted));
        label->setPalette(muted);
        grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
        grid->addWidget(r.value, row++, 1);
        if (r.field >= 0) {
            QLabel *error = Theme::errorLabel(r.errorName, card);
            m_fieldErrors.insert(r.field, error);
            grid->addWidget(error, row++, 1);
        }
    }
    m_editedNote = Theme::noteLabel(tr("Your edits are saved with your decision."), card);
    m_editedNote->setObjectName(QStringLiteral("editedNote"));
    m_editedNote->hide();
    grid->addWidget(m_editedNote, row, 0, 1, 2);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &TaskView::updateState);
    connect(m_deliveredEdit, &QDateEdit::dateChanged, this, &TaskView::updateState);
    connect(m_expiresEdit, &QDateEdit::dateChanged, this, &TaskView::updateState);
    connect(m_expiresCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_expiresEdit->setEnabled(on);
        updateState();
    });
    return card;
}

QWidget *TaskView::buildDecision(QWidget *parent)
{
    m_decisionBox = new QWidget(parent);
    m_decisionBox->setObjectName(QStringLiteral("decisionBox"));
    auto *layout = new QVBoxLayout(m_decisionBox);
    layout->setContentsMargins(0, Theme::Spacing, 0, Theme::Spacing);
    layout->setSpacing(Theme::SpacingSmall);
    QLabel *title = sectionLabel(tr("&Comment"), QStringLiteral("commentTitle"), m_decisionBox);
    layout->addWidget(title);
    m_comment = new QPlainTextEdit(m_decisionBox);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setAccessibleName(tr("Comment for the certificate's owner"));
    m_comment->setPlaceholderText(
        tr("Optional when validating; required when rejecting: say what to correct."));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4 + 12);
    title->setBuddy(m_comment);
    layout->addWidget(m_comment);
    m_commentError = Theme::errorLabel(QStringLiteral("commentError"), m_decisionBox);
    layout->addWidget(m_commentError);
    connect(m_comment, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_comment->toPlainText().trimmed().isEmpty())
            m_commentError->hide();
    });

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(Theme::Spacing);
    m_rejectButton = new QPushButton(tr("REJECT"), m_decisionBox);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_rejectButton->setAccessibleName(tr("Reject"));
    m_rejectButton->setToolTip(
        tr("Reject the certificate (Ctrl+Shift+R). A comment saying why is required."));
    m_rejectButton->setAutoDefault(false);
    m_validateButton =
        new QPushButton(Theme::icon(QStringLiteral("check")), tr("VALIDATE"), m_decisionBox);
    m_validateButton->setObjectName(QStringLiteral("validateButton"));
    m_validateButton->setAccessibleName(tr("Validate"));
    m_validateButton->setToolTip(tr("Validate the certificate (Ctrl+Enter)"));
    m_validateButton->setAutoDefault(false);
    buttons->addStretch(1);
    buttons->addWidget(m_rejectButton);
    buttons->addWidget(m_validateButton);
    layout->addLayout(buttons);
    m_actionHint = Theme::noteLabel(QString(), m_decisionBox);
    m_actionHint->setObjectName(QStringLiteral("actionHint"));
    m_actionHint->setAlignment(Qt::AlignRight);
    layout->addWidget(m_actionHint);
    connect(m_rejectButton, &QPushButton::clicked, this, &TaskView::reject);
    connect(m_validateButton, &QPushButton::clicked, this, &TaskView::validate);
    return m_decisionBox;
}

QWidget *TaskView::buildPdf()
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(Theme::Spacing, 0, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);
    m_pdfError = Theme::errorLabel(QStringLiteral("pdfError"), column);
    layout->addWidget(m_pdfError);
    m_preview = new PdfPreview(column);
    m_preview->setMinimumWidth(320);
    layout->addWidget(m_preview, 1);
    return column;
}

void TaskView::createActions()
{
    m_validateAction = new QAction(tr("Validate"), this);
    m_validateAction->setObjectName(QStringLiteral("validateAction"));
    m_validateAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_validateAction, &QAction::triggered, this, &TaskView::validate);
    m_rejectAction = new QAction(tr("Reject"), this);
    m_rejectAction->setObjectName(QStringLiteral("rejectAction"));
    m_rejectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_rejectAction, &QAction::triggered, this, &TaskView::reject);
    m_editAction = new QAction(tr("Edit"), this);
    m_editAction->setObjectName(QStringLiteral("editAction"));
    m_editAction->setShortcut(QKeySequence(Qt::Key_E));
    connect(m_editAction, &QAction::triggered, this, [this] { setEditing(!m_editing); });
    for (QAction *action : {m_validateAction, m_rejectAction, m_editAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
}

void TaskView::reloadTemplates()
{
    const auto templates = m_session.directory().templates();
    m_templates = templates ? templates.value() : QList<CertificateTemplate>();
    m_templatePicker->setTemplates(m_templates);
}

void TaskView::clear(const QString &message)
{
    m_task = ValidationTask();
    m_editing = false;
    m_preview->clear();
    m_history->clear();
    m_placeholder->setText(message);
    m_placeholder->setAccessibleName(message);
    m_stack->setCurrentWidget(m_placeholder);
    updateState();
}

bool TaskView::showTask(Id taskId)
{
    const auto task = m_session.reviews().task(m_session.userId(), taskId);
    if (!task) {
        clear(task.message());
        return false;
    }
    const bool sameTask = m_task.id == taskId;
    m_task = task.value();
    m_stack->setCurrentIndex(1);
    m_notice->hide();
    m_commentError->hide();
    if (!sameTask || !isOpen())
        m_comment->clear();
    m_editing = false;
    fillFields();

    QString error;
    const QByteArray bytes = pdfBytes(m_task.certificate, &error);
    if (bytes.isEmpty() || !m_preview->setPdf(bytes)) {
        m_preview->clear();
        m_pdfError->setText(error.isEmpty() ? tr("The PDF could not be shown.") : error);
        m_pdfError->show();
    } else {
        m_pdfError->hide();
    }
    m_history->load(m_session, m_task.certificate.id);
    updateState();
    return true;
}

void TaskView::fillFields()
{
    const Certificate &c = m_task.certificate;
    m_title->setText(c.name);
    m_title->setAccessibleName(c.name);
    m_subtitle->setText(tr("%1 · sent for validation on %2")
                            .arg(c.ownerName, Theme::dateTimeText(m_task.createdAt)));
    m_nameEdit->setText(c.name);
    m_deliveredEdit->setDate(c.delivered);
    m_expiresCheck->setChecked(c.expires.isValid());
    m_expiresEdit->setDate(c.expires.isValid() ? c.expires : c.delivered.addYears(1));
    m_expiresEdit->setEnabled(c.expires.isValid());
    m_ownerLabel->setText(c.ownerName);
    m_fileLabel->setText(c.originalFilename.isEmpty() ? tr("(no file name)") : c.originalFilename);
    m_templatePicker->setTemplateId(c.templateId);
    showDecidedBanner();
}

void TaskView::showDecidedBanner()
{
    if (!hasTask() || m_task.state == TaskState::Open) {
        m_decided->hide();
        return;
    }
    const bool validated = m_task.state == TaskState::Validated;
    const QString who =
        m_task.decidedByName.isEmpty() ? tr("another reviewer") : m_task.decidedByName;
    const QString when = Theme::dateTimeText(m_task.decidedAt);
    QString text = validated ? tr("Validated by %1 on %2").arg(who, when)
                             : tr("Rejected by %1 on %2").arg(who, when);
    if (!m_task.comment.isEmpty())
        text += QLatin1Char('\n') + tr("Comment: “%1”").arg(m_task.comment);
    const QColor color = Theme::statusColor(
        validated ? DisplayStatus::Validated : DisplayStatus::Rejected, palette());
    m_decided->setStyleSheet(Sheets::decidedBanner(color));
    m_decided->setText(text);
    m_decided->setAccessibleName(text);
    m_decided->show();
}

bool TaskView::isOpen() const
{
    return hasTask() && m_task.state == TaskState::Open;
}

QString TaskView::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

QDate TaskView::expiresValue() const
{
    return m_expiresCheck->isChecked() ? m_expiresEdit->date() : QDate();
}

bool TaskView::hasEdits() const
{
    if (!hasTask())
        return false;
    const Certificate &c = m_task.certificate;
    return m_nameEdit->text().trimmed() != c.name || m_deliveredEdit->date() != c.delivered ||
           expiresValue() != c.expires;
}

QList<FieldProblem> TaskView::problems() const
{
    const Certificate &c = m_task.certificate;
    // The import form's checks (R6), on the values the reviewer would store.
    return CertificateService::checkFields(m_nameEdit->text(), m_deliveredEdit->date(),
                                           expiresValue(), c.credits, QDate::currentDate());
}

void TaskView::setEditing(bool editing)
{
    if (editing && !isOpen())
        editing = false;
    m_editing = editing;
    updateState();
    if (editing) {
        m_nameEdit->setFocus(Qt::ShortcutFocusReason);
        m_nameEdit->selectAll();
    }
}

void TaskView::revertEdits()
{
    if (!hasTask())
        return;
    fillFields();
    m_editing = false;
    updateState();
}

void TaskView::focusComment()
{
    m_comment->setFocus(Qt::ShortcutFocusReason);
}

void TaskView::validate()
{
    act(true);
}

void TaskView::reject()
{
    act(false);
}

void TaskView::act(bool validate)
{
    if (!isOpen() || m_acting)
        return;
    if (!validate && m_comment->toPlainText().trimmed().isEmpty()) {
        m_commentError->setText(tr("Say why you reject this certificate: write a comment for its "
                                   "owner, then reject again."));
        m_commentError->show();
        focusComment();
        return;
    }
    if (!problems().isEmpty()) {
        setEditing(true);
        return;
    }
    if (!m_templatePicker->isKnown()) {
        m_templatePicker->comboBox()->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_acting = true;
    updateState();
    const auto result = m_session.reviews().review(m_session.userId(), decision(validate));
    m_acting = false;
    if (!result) {
        if (result.kind() == ErrorKind::Conflict) {
            // Someone else acted first: show what they decided, and why ours
            // was not applied.
            const Id id = m_task.id;
            showTask(id);
            showNotice(result.message());
            emit taskOutdated(id);
        } else {
            // Everything typed stays as it is: the reviewer can try again
            // (once the connection is back, when the server went away).
            if (m_session.noteFailure(result.error()))
                showNotice(tr("The connection to the database was lost, so your decision was not "
                              "saved. What you typed is kept: try again once CertDesk is "
                              "connected again."));
            else
                showNotice(result.message());
            updateState();
        }
        return;
    }
    const ValidationTask done = result.value();
    const QString message = (validate ? tr("Validated “%1” of %2.") : tr("Rejected “%1” of %2."))
                                .arg(done.certificate.name, done.certificate.ownerName);
    m_task = done;
    m_editing = false;
    fillFields();
    m_history->load(m_session, done.certificate.id);
    updateState();
    emit decided(done.id, validate, message);
}

ReviewDecision TaskView::decision(bool validate) const
{
    ReviewDecision d;
    d.taskId = m_task.id;
    d.validate = validate;
    d.comment = m_comment->toPlainText().trimmed();
    d.expectedVersion = m_task.version;
    // Only what the reviewer changed: the rest stays as the owner sent it.
    const Certificate &c = m_task.certificate;
    const QString name = m_nameEdit->text().trimmed();
    if (name != c.name)
        d.name = name;
    if (m_deliveredEdit->date() != c.delivered)
        d.delivered = m_deliveredEdit->date();
    if (expiresValue() != c.expires)
        d.expires = expiresValue();
    const Id templateId = m_templatePicker->templateId();
    if (templateId != c.templateId)
        d.templateId = templateId;
    return d;
}

void TaskView::updateState()
{
    const bool open = isOpen();
    const bool editing = open && m_editing;
    for (QStackedWidget *stack : {m_nameStack, m_deliveredStack, m_expiresStack})
        stack->setCurrentIndex(editing ? 1 : 0);
    // The labels show what would be stored: edits included.
    m_nameLabel->setText(m_nameEdit->text().trimmed());
    m_deliveredLabel->setText(Theme::dateText(m_deliveredEdit->date()));
    const QDate expires = expiresValue();
    m_expiresLabel->setText(expires.isValid() ? Theme::dateText(expires) : tr("Does not expire"));
    {
        const QSignalBlocker blocker(m_editButton);
        m_editButton->setChecked(editing);
    }
    m_editButton->setVisible(open);
    m_editButton->setText(editing ? tr("Done") : tr("Edit"));
    const bool edited = open && hasEdits();
    m_revertButton->setVisible(edited);
    m_editedNote->setVisible(edited);
    m_templatePicker->setReadOnly(!open);
    m_decisionBox->setVisible(open);

    const QList<FieldProblem> found = hasTask() ? problems() : QList<FieldProblem>();
    for (auto it = m_fieldErrors.cbegin(); it != m_fieldErrors.cend(); ++it) {
        QString message;
        for (const FieldProblem &p : found)
            if (int(p.field) == it.key() && message.isEmpty())
                message = p.message;
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    const bool templateKnown = m_templatePicker->isKnown();
    const bool canAct = open && found.isEmpty() && templateKnown && !m_acting;
    m_validateButton->setEnabled(canAct);
    m_rejectButton->setEnabled(canAct);
    for (QAction *action : {m_validateAction, m_rejectAction, m_editAction})
        action->setEnabled(open && !m_acting);
    if (!found.isEmpty())
        m_actionHint->setText(tr("Correct the details first: %1").arg(found.constFirst().message));
    else if (!templateKnown)
        m_actionHint->setText(tr("Choose an internal certificate from the list, or None."));
    else
        m_actionHint->setText(tr("Ctrl+Enter validates · Ctrl+Shift+R rejects (with a comment)"));
}

void TaskView::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setAccessibleName(text);
    m_notice->setVisible(!text.isEmpty());
}

QByteArray TaskView::pdfBytes(const Certificate &certificate, QString *error)
{
    const QString key = certificate.pdfSha256;
    if (!key.isEmpty() && m_pdfCache.contains(key))
        return m_pdfCache.value(key);
    const auto pdf = m_session.certificates().pdf(m_session.userId(), certificate.id);
    if (!pdf) {
        *error = tr("The PDF could not be read: %1").arg(pdf.message());
        return QByteArray();
    }
    cachePdf(key, pdf.value());
    return pdf.value();
}

void TaskView::cachePdf(const QString &sha, const QByteArray &bytes)
{
    if (sha.isEmpty() || m_pdfCache.contains(sha))
        return;
    m_pdfCache.insert(sha, bytes);
    m_cacheOrder.append(sha);
    while (m_cacheOrder.size() > PdfCacheSize)
        m_pdfCache.remove(m_cacheOrder.takeFirst());
}

void TaskView::preloadPdf(const Certificate &certificate)
{
    if (certificate.pdfSha256.isEmpty() || isPreloaded(certificate))
        return;
    QString error;
    pdfBytes(certificate, &error); // a failure shows when the task is opened
}

bool TaskView::isPreloaded(const Certificate &certificate) const
{
    return m_pdfCache.contains(certificate.pdfSha256);
}

void TaskView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // Setting a style sheet can change the palette again: only when it differs.
        const QString css = Sheets::taskView(palette());
        if (css != styleSheet())
            setStyleSheet(css);
        m_validateButton->setIcon(
            Theme::tintedIcon(QStringLiteral("check"), Theme::onAccentColor(palette())));
        showDecidedBanner();
    }
}
