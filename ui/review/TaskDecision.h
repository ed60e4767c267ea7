#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// The decision part of a TaskView: the comment for the certificate's owner
// (optional when validating, required when rejecting), REJECT and VALIDATE,
// and a hint that says what is missing or which keys act. TaskView decides
// when the buttons are enabled and what the hint says. Its words are
// TaskView's (TaskView::tr, so that translations/certdesk_fr.ts applies).
class TaskDecision : public QWidget
{
    Q_OBJECT

public:
    explicit TaskDecision(QWidget *parent = nullptr);

    QString comment() const;
    void clearComment();
    // Rejecting needs a comment: without one, says so, focuses the comment
    // and returns false.
    bool checkRejectComment();
    void hideCommentError();
    void focusComment();
    void setCanAct(bool canAct);
    void setHint(const QString &text);

signals:
    void validateClicked();
    void rejectClicked();

protected:
    void changeEvent(QEvent *event) override;

private:
    QLayout *buildButtons();
    void updateIcons();

    QPlainTextEdit *m_comment = nullptr;
    QLabel *m_commentError = nullptr;
    QPushButton *m_rejectButton = nullptr;
    QPushButton *m_validateButton = nullptr;
    QLabel *m_actionHint = nullptr;
};
