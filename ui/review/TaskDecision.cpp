#include "review/TaskDecision.h"

#include "review/TaskView.h"
#include "style/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

TaskDecision::TaskDecision(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("decisionBox"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, Theme::Spacing, 0, Theme::Spacing);
    layout->setSpacing(Theme::SpacingSmall);
    QLabel *title =
        Theme::sectionLabel(TaskView::tr("&Comment"), QStringLiteral("commentTitle"), this);
    layout->addWidget(title);
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setAccessibleName(TaskView::tr("Comment for the certificate's owner"));
    m_comment->setPlaceholderText(
        TaskView::tr("Optional when validating; required when rejecting: say what to correct."));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4 + 12);
    title->setBuddy(m_comment);
    layout->addWidget(m_comment);
    m_commentError = Theme::errorLabel(QStringLiteral("commentError"), this);
    layout->addWidget(m_commentError);
    connect(m_comment, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_comment->toPlainText().trimmed().isEmpty())
            m_commentError->hide();
    });
    layout->addLayout(buildButtons());
    m_actionHint = Theme::noteLabel(QString(), this);
    m_actionHint->setObjectName(QStringLiteral("actionHint"));
    m_actionHint->setAlignment(Qt::AlignRight);
    layout->addWidget(m_actionHint);
}

QLayout *TaskDecision::buildButtons()
{
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(Theme::Spacing);
    m_rejectButton = new QPushButton(TaskView::tr("REJECT"), this);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_rejectButton->setAccessibleName(TaskView::tr("Reject"));
    m_rejectButton->setToolTip(
        TaskView::tr("Reject the certificate (Ctrl+Shift+R). A comment saying why is required."));
    m_rejectButton->setAutoDefault(false);
    m_validateButton =
        new QPushButton(Theme::icon(QStringLiteral("check")), TaskView::tr("VALIDATE"), this);
    m_validateButton->setObjectName(QStringLiteral("validateButton"));
    m_validateButton->setAccessibleName(TaskView::tr("Validate"));
    m_validateButton->setToolTip(TaskView::tr("Validate the certificate (Ctrl+Enter)"));
    m_validateButton->setAutoDefault(false);
    buttons->addStretch(1);
    buttons->addWidget(m_rejectButton);
    buttons->addWidget(m_validateButton);
    connect(m_rejectButton, &QPushButton::clicked, this, &TaskDecision::rejectClicked);
    connect(m_validateButton, &QPushButton::clicked, this, &TaskDecision::validateClicked);
    updateIcons();
    return buttons;
}

QString TaskDecision::comment() const
{
    return m_comment->toPlainText().trimmed();
}

void TaskDecision::clearComment()
{
    m_comment->clear();
}

bool TaskDecision::checkRejectComment()
{
    if (!comment().isEmpty())
        return true;
    m_commentError->setText(
        TaskView::tr("Say why you reject this certificate: write a comment for its owner, then "
                     "reject again."));
    m_commentError->show();
    focusComment();
    return false;
}

void TaskDecision::hideCommentError()
{
    m_commentError->hide();
}

void TaskDecision::focusComment()
{
    m_comment->setFocus(Qt::ShortcutFocusReason);
}

void TaskDecision::setCanAct(bool canAct)
{
    m_validateButton->setEnabled(canAct);
    m_rejectButton->setEnabled(canAct);
}

void TaskDecision::setHint(const QString &text)
{
    m_actionHint->setText(text);
}

void TaskDecision::updateIcons()
{
    m_validateButton->setIcon(
        Theme::tintedIcon(QStringLiteral("check"), Theme::onAccentColor(palette())));
}

void TaskDecision::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
}
