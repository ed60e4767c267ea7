#pragma once

#include "core/Domain.h"
#include "widgets/DataTableView.h"

#include <QDialog>
#include <QPointer>

class FailedEmailListModel;
class LatestRead;
class MailPump;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QVBoxLayout;
class Session;

// The emails that could not be sent, for platform admins:
// recipient, subject, attempts, last error and last attempt, newest first
// (FailedEmailListModel, paged as the list scrolls), the mail server problem
// of the moment, and "Send again" for the selected ones (MailOutbox::retry,
// audited; then the background sender is asked to send at once). Non-modal:
// opened from the main window's banner and from the Email settings.
class FailedEmailsDialog : public QDialog
{
    Q_OBJECT

public:
    FailedEmailsDialog(Session &session, QWidget *parent = nullptr);
    ~FailedEmailsDialog() override;

    // The desktop's sender (local database), or null: a relay service sends.
    void setMailPump(MailPump *pump);
    void setProblem(const QString &problem);
    FailedEmailListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString errorText() const;
    QString statusText() const;
    // Whether the number of failed emails is still being counted (tests).
    bool isCounting() const;

public slots:
    void reload();
    // Queues the selected emails again; false when one could not be (the
    // error says which and why; the others are queued all the same).
    bool sendSelectedAgain();

signals:
    // Some emails were queued again (the banner's count changed).
    void emailsRetried(int count);
    // The number of failed emails arrived (or could not be counted).
    void totalShown();

private:
    void buildMessages(QVBoxLayout *layout);
    QDialogButtonBox *buildButtons();
    void updateState();
    void recount();

    Session &m_session;
    QPointer<MailPump> m_pump;
    FailedEmailListModel *m_model = nullptr;
    DataTableView *m_view = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_summary = nullptr; // how many failed emails in all
    LatestRead *m_countRead = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_sendAgain = nullptr;
};
