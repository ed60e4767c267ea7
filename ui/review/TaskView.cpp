#include "review/TaskView.h"

#include "certificate/HistoryView.h"
#include "certificate/TemplatePicker.h"
#include "pdf/PdfCheckJob.h"
#include "review/TaskDecision.h"
#include "review/TaskDetailsCard.h"
#include "services/SameFile.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

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

    m_splitter = new QSplitter(Qt::Horizontal, m_stack);
    m_splitter->setObjectName(QStringLiteral("taskSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_detailsColumn = buildDetails();
    m_splitter->addWidget(m_detailsColumn);
    m_splitter->addWidget(buildPdf());
    // A wider window widens the PDF; the details keep their width.
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_arrangedFor = -2; });
    m_stack->addWidget(m_splitter);
    layout->addWidget(m_stack);
    setStyleSheet(Sheets::taskView(palette()));
    createActions();
    reloadTemplates();
    clear(tr("Choose a task to review."));
}

QWidget *TaskView::buildDetails()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("taskDetailsScroll"));
    // The area takes the focus (arrow keys scroll it): a screen reader says what it holds.
    scroll->setAccessibleName(tr("Task details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *column = new QWidget(scroll);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, Theme::Spacing, 0);
    layout->setSpacing(Theme::Spacing);

    m_title = Theme::valueLabel(QStringLiteral("taskTitle"), column);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    layout->addWidget(m_title);
    m_subtitle = Theme::noteLabel(QString(), column);
    m_subtitle->setObjectName(QStringLiteral("taskSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    layout->addWidget(m_subtitle);
    m_notice = Theme::valueLabel(QStringLiteral("taskNotice"), column);
    m_notice->hide();
    layout->addWidget(m_notice);
    m_decided = Theme::valueLabel(QStringLiteral("taskDecided"), column);
    m_decided->hide();
    layout->addWidget(m_decided);
    m_details = new TaskDetailsCard(column);
    layout->addWidget(m_details);
    connect(m_details, &TaskDetailsCard::editToggled, this, &TaskView::setEditing);
    connect(m_details, &TaskDetailsCard::revertClicked, this, &TaskView::revertEdits);
    connect(m_details, &TaskDetailsCard::changed, this, &TaskView::updateState);

    layout->addWidget(Theme::sectionLabel(tr("Internal certificate &equivalence"),
                                          QStringLiteral("equivalenceTitle"), column));
    m_templatePicker = new TemplatePicker(column);
    qobject_cast<QLabel *>(layout->itemAt(layout->count() - 1)->widget())
        ->setBuddy(m_templatePicker->comboBox());
    layout->addWidget(m_templatePicker);
    connect(m_templatePicker, &TemplatePicker::templateChanged, this, &TaskView::updateState);
    connect(m_templatePicker->comboBox(), &QComboBox::editTextChanged, this,
            &TaskView::updateState);

    layout->addWidget(Theme::sectionLabel(tr("History"), QStringLiteral("historyTitle"), column));
    m_history = new HistoryView(column);
    layout->addWidget(m_history);
    layout->addStretch(1);
    scroll->setWidget(column);
    m_detailsContent = column;

    // The decision stays in sight below what scrolls (README "The window").
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("taskDetailsPane"));
    m_paneLayout = new QBoxLayout(QBoxLayout::TopToBottom, pane);
    m_paneLayout->setContentsMargins(0, 0, 0, 0);
    m_paneLayout->setSpacing(Theme::SpacingSmall);
    m_paneLayout->addWidget(scroll, 1);
    m_decision = new TaskDecision(pane);
    m_decision->setContentsMargins(0, 0, Theme::Spacing, 0);
    m_paneLayout->addWidget(m_decision);
    connect(m_decision, &TaskDecision::rejectClicked, this, &TaskView::reject);
    connect(m_decision, &TaskDecision::validateClicked, this, &TaskView::validate);
    return pane;
}

QWidget *TaskView::buildPdf()
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(Theme::Spacing, 0, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);
    m_pdfError = Theme::errorLabel(QStringLiteral("pdfError"), column);
    layout->addWidget(m_pdfError);
    // The signals, one line each, above the PDF; none blocks a decision.
    m_signalsBox = new QWidget(column);
    m_signalsBox->setObjectName(QStringLiteral("taskSignals"));
    m_signalsBox->setAccessibleName(tr("What the PDF says"));
    m_signalsLayout = new QVBoxLayout(m_signalsBox);
    m_signalsLayout->setContentsMargins(0, 0, 0, 0);
    m_signalsLayout->setSpacing(2);
    layout->addWidget(m_signalsBox);
    m_signalsJob = new PdfCheckJob(this);
    connect(m_signalsJob, &PdfCheckJob::finished, this, &TaskView::signalsRead);
    m_preview = new PdfPreview(column);
    m_preview->setMinimumWidth(PdfMinimumWidth);
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
    m_signalsJob->cancel();
    showSignalLines({}, QString());
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
    m_decision->hideCommentError();
    if (!sameTask || !isOpen())
        m_decision->clearComment();
    m_editing = false;
    fillFields();

    QString error;
    const QByteArray bytes = pdfBytes(m_task.certificate, &error);
    readSignals(bytes);
    if (bytes.isEmpty() || !m_preview->setPdf(bytes)) {
        m_preview->clear();
        m_pdfError->setText(error.isEmpty() ? tr("The PDF could not be shown.") : error);
        m_pdfError->show();
    } else {
        m_pdfError->hide();
    }
    m_history->load(m_session, m_task.certificate.id);
    updateState();
    arrange(); // the details' minimum width depends on what they show
    return true;
}

void TaskView::fillFields()
{
    const Certificate &c = m_task.certificate;
    m_title->setText(c.name);
    m_title->setAccessibleName(c.name);
    m_subtitle->setText(tr("%1 · sent for validation on %2")
                            .arg(c.ownerName, Theme::dateTimeText(m_task.createdAt)));
    m_details->fill(c);
    // A renewal shows what it renews, with its dates (README "Rules", Renewal).
    std::optional<Certificate> renewed;
    if (c.renewsId > 0) {
        const auto old = m_session.certificates().certificate(m_session.userId(), c.renewsId);
        if (old)
            renewed = old.value();
    }
    m_details->setRenewalOf(c.renewsId, renewed);
    // A renewal sent without a template suggests the renewed one's (R8: the
    // reviewer decides; it is saved only with the decision).
    m_templatePicker->setTemplateId(c.templateId == 0 && renewed && m_task.state == TaskState::Open
                                        ? renewed->templateId
                                        : c.templateId);
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

bool TaskView::hasEdits() const
{
    if (!hasTask())
        return false;
    const Certificate &c = m_task.certificate;
    return m_details->name().trimmed() != c.name || m_details->delivered() != c.delivered ||
           m_details->expires() != c.expires;
}

QList<FieldProblem> TaskView::problems() const
{
    // The import form's checks (R6), on the values the reviewer would store.
    return m_details->problems();
}

void TaskView::setEditing(bool editing)
{
    if (editing && !isOpen())
        editing = false;
    m_editing = editing;
    updateState();
    if (editing)
        m_details->focusName();
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
    m_decision->focusComment();
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
    if (!validate && !m_decision->checkRejectComment())
        return;
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
    m_task = result.value();
    const QString message = (validate ? tr("Validated “%1” of %2.") : tr("Rejected “%1” of %2."))
                                .arg(m_task.certificate.name, m_task.certificate.ownerName);
    m_editing = false;
    fillFields();
    m_history->load(m_session, m_task.certificate.id);
    updateState();
    emit decided(m_task.id, validate, message);
}

ReviewDecision TaskView::decision(bool validate) const
{
    ReviewDecision d;
    d.taskId = m_task.id;
    d.validate = validate;
    d.comment = m_decision->comment();
    d.expectedVersion = m_task.version;
    // Only what the reviewer changed: the rest stays as the owner sent it.
    const Certificate &c = m_task.certificate;
    const QString name = m_details->name().trimmed();
    if (name != c.name)
        d.name = name;
    if (m_details->delivered() != c.delivered)
        d.delivered = m_details->delivered();
    if (m_details->expires() != c.expires)
        d.expires = m_details->expires();
    const Id templateId = m_templatePicker->templateId();
    if (templateId != c.templateId)
        d.templateId = templateId;
    return d;
}

void TaskView::updateState()
{
    const bool open = isOpen();
    m_details->setState(open, open && m_editing, open && hasEdits());
    m_templatePicker->setReadOnly(!open);
    m_decision->setVisible(open);

    const QList<FieldProblem> found = hasTask() ? problems() : QList<FieldProblem>();
    m_details->showProblems(found);
    const bool templateKnown = m_templatePicker->isKnown();
    m_decision->setCanAct(open && found.isEmpty() && templateKnown && !m_acting);
    for (QAction *action : {m_validateAction, m_rejectAction, m_editAction})
        action->setEnabled(open && !m_acting);
    if (!found.isEmpty())
        m_decision->setHint(tr("Correct the details first: %1").arg(found.constFirst().message));
    else if (!templateKnown)
        m_decision->setHint(tr("Choose an internal certificate from the list, or None."));
    else
        m_decision->setHint(tr("Ctrl+Enter validates · Ctrl+Shift+R rejects (with a comment)"));
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

void TaskView::readSignals(const QByteArray &bytes)
{
    m_signalsJob->cancel();
    if (bytes.isEmpty()) {
        showSignalLines({}, QString());
        return;
    }
    showSignalLines({}, ReviewSignals::readingText());
    m_signalsJob->startBytes(bytes, m_session.policy().settings().storedPdfLimits());
}

bool TaskView::isReadingSignals() const
{
    return m_signalsJob->isRunning();
}

void TaskView::signalsRead(const PdfCheckResult &result)
{
    if (!hasTask() || result.problem == PdfProblem::Cancelled)
        return;
    // Who else holds this file, named only within the reviewer's scope (R5).
    const auto holders = SameFile::holders(m_session, m_task.certificate.id);
    showSignalLines(ReviewSignals::lines(result, m_task.certificate.ownerName,
                                         holders ? holders.value() : QList<SameFileHolder>()),
                    QString());
    emit signalsShown();
}

void TaskView::showSignalLines(const QList<ReviewSignal> &lines, const QString &placeholder)
{
    m_signals = lines;
    while (QLayoutItem *item = m_signalsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!placeholder.isEmpty()) {
        QLabel *note = Theme::noteLabel(placeholder, m_signalsBox);
        note->setObjectName(QStringLiteral("signalsReading"));
        m_signalsLayout->addWidget(note);
    }
    const QColor amber = Theme::statusColor(DisplayStatus::ExpiringSoon, palette());
    for (const ReviewSignal &signal : lines) {
        auto *label = new QLabel(m_signalsBox);
        label->setObjectName(QStringLiteral("signalLine"));
        label->setWordWrap(true);
        label->setAccessibleName(signal.text);
        if (signal.kind == ReviewSignal::Kind::Link) {
            // Opened by the system's browser, only when clicked: the app
            // never fetches a stranger's link itself.
            label->setTextFormat(Qt::RichText);
            label->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                               .arg(QString::fromUtf8(signal.url.toEncoded()).toHtmlEscaped(),
                                    signal.text.toHtmlEscaped()));
            label->setToolTip(signal.url.toDisplayString());
            label->setTextInteractionFlags(Qt::LinksAccessibleByMouse |
                                           Qt::LinksAccessibleByKeyboard);
            const QUrl url = signal.url;
            connect(label, &QLabel::linkActivated, this,
                    [this, url](const QString &) { openLink(url); });
        } else {
            label->setTextFormat(Qt::PlainText);
            label->setText((signal.severity == ReviewSignal::Severity::Amber
                                ? QStringLiteral("⚠ ")
                                : QStringLiteral("• ")) +
                           signal.text);
        }
        if (signal.severity == ReviewSignal::Severity::Amber)
            label->setStyleSheet(QStringLiteral("color: %1;").arg(amber.darker(130).name()));
        m_signalsLayout->addWidget(label);
    }
    m_signalsBox->setVisible(!lines.isEmpty() || !placeholder.isEmpty());
}

void TaskView::openLink(const QUrl &url)
{
    QDesktopServices::openUrl(url);
}

bool TaskView::isStacked() const
{
    return m_splitter->orientation() == Qt::Vertical;
}

void TaskView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

// Beside the PDF, the details take about a third of the width within their
// bounds; above it (a narrow view), at most the height they need and never
// more than 40 % of the view, so the PDF keeps most of the room. A width the
// reviewer chose by dragging the handle is kept until the view goes from one
// arrangement to the other.
void TaskView::arrange()
{
    // The details' own minimum (their buttons side by side, a title beside
    // Edit) and the vertical scroll bar: narrower, they would be cut off.
    const int detailsMinimum = std::max(
        DetailsMinimumWidth, m_detailsContent->minimumSizeHint().width() +
                                 style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this));
    if (m_detailsColumn->minimumWidth() != detailsMinimum)
        m_detailsColumn->setMinimumWidth(detailsMinimum);
    const bool stack = width() < detailsMinimum + StackedPdfWidth;
    const Qt::Orientation orientation = stack ? Qt::Vertical : Qt::Horizontal;
    if (m_splitter->orientation() != orientation) {
        m_splitter->setOrientation(orientation);
        // Above the PDF, the decision goes beside the details.
        m_paneLayout->setDirection(stack ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
        m_arrangedFor = -1;
    }
    if (m_arrangedFor == -2)
        return; // the reviewer's own split
    // The splitter fills the view (no margins), also while another page of
    // the stack is shown and the splitter has not been laid out yet.
    const int room = stack ? height() : width();
    if (room <= 0 ||
        (room == m_arrangedFor && (stack || m_splitter->sizes().value(0) >= detailsMinimum)))
        return;
    m_arrangedFor = room;
    const int handle = m_splitter->handleWidth();
    int details = 0;
    if (stack)
        details = std::min(m_detailsColumn->sizeHint().height(), room * 2 / 5);
    else
        details =
            std::clamp(room / 3, detailsMinimum, std::max(detailsMinimum, DetailsMaximumWidth));
    m_splitter->setSizes({details, std::max(0, room - details - handle)});
}

void TaskView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // Setting a style sheet can change the palette again: only when it differs.
        const QString css = Sheets::taskView(palette());
        if (css != styleSheet())
            setStyleSheet(css);
        showDecidedBanner();
    }
}
