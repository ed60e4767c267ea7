#include "mail/FailedEmailsDialog.h"

#include "itemmodels/FailedEmailListModel.h"
#include "mail/MailOutbox.h"
#include "mail/MailPump.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/LatestRead.h"

#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

FailedEmailsDialog::FailedEmailsDialog(Session &session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("failedEmailsDialog"));
    setWindowTitle(tr("Emails that could not be sent"));
    setAccessibleName(windowTitle());
    setModal(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingLarge, Theme::SpacingXLarge,
                               Theme::SpacingLarge);
    layout->setSpacing(Theme::Spacing);

    layout->addWidget(Theme::titleLabel(tr("Emails that could not be sent"), this));
    QLabel *note = Theme::noteLabel(
        tr("These emails were given up: the mail server refused them, or could not be reached "
           "for too long. Put right what the last error says (Settings → Email), then select "
           "them and choose “Send again”."),
        this);
    note->setObjectName(QStringLiteral("failedEmailsNote"));
    layout->addWidget(note);
    m_problem = Theme::errorLabel(QStringLiteral("failedEmailsProblem"), this);
    layout->addWidget(m_problem);
    m_summary = Theme::noteLabel(QString(), this);
    m_summary->setObjectName(QStringLiteral("failedEmailsTotal"));
    layout->addWidget(m_summary);
    m_countRead = new LatestRead(session, this);
    connect(m_countRead, &LatestRead::answered, this, &FailedEmailsDialog::totalShown);

    m_model = new FailedEmailListModel(session.database(), session.userId(), this);
    m_view = new DataTableView(this);
    m_view->setObjectName(QStringLiteral("failedEmailsView"));
    m_view->setAccessibleName(tr("Failed emails"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    using Column = FailedEmailListModel::Column;
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(int(Column::LastError), QHeaderView::Stretch);
    header->resizeSection(int(Column::Recipient), 200);
    header->resizeSection(int(Column::Subject), 200);
    header->setSectionResizeMode(int(Column::Attempts), QHeaderView::ResizeToContents);
    header->setSectionResizeMode(int(Column::LastAttempt), QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);

    buildMessages(layout);
    layout->addWidget(buildButtons());
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FailedEmailsDialog::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FailedEmailsDialog::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FailedEmailsDialog::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FailedEmailsDialog::updateState);

    resize(960, 480);
    reload();
}

void FailedEmailsDialog::buildMessages(QVBoxLayout *layout)
{
    // The whole last error of the current row (the column elides it).
    m_detail = Theme::noteLabel(QString(), this);
    m_detail->setObjectName(QStringLiteral("failedEmailDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->hide();
    layout->addWidget(m_detail);
    m_empty =
        Theme::noteLabel(tr("No failed emails: every email was sent or is on its way."), this);
    m_empty->setObjectName(QStringLiteral("failedEmailsEmpty"));
    m_empty->hide();
    layout->addWidget(m_empty);
    m_error = Theme::errorLabel(QStringLiteral("failedEmailsError"), this);
    layout->addWidget(m_error);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("failedEmailsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    QPalette good = m_status->palette();
    good.setColor(QPalette::WindowText, Theme::statusColor(DisplayStatus::Validated, good));
    m_status->setPalette(good);
    m_status->hide();
    layout->addWidget(m_status);
}

QDialogButtonBox *FailedEmailsDialog::buildButtons()
{
    // The style sheet's property selectors apply at polish: set them before
    // the button box lays the buttons out.
    auto *buttons = new QDialogButtonBox(this);
    auto *refresh = new QPushButton(tr("&Refresh"), buttons);
    refresh->setObjectName(QStringLiteral("failedEmailsRefreshButton"));
    refresh->setAccessibleName(tr("Read the failed emails again"));
    refresh->setProperty("secondary", true);
    refresh->setAutoDefault(false);
    buttons->addButton(refresh, QDialogButtonBox::ResetRole);
    m_sendAgain = new QPushButton(tr("&Send again"), buttons);
    m_sendAgain->setObjectName(QStringLiteral("sendAgainButton"));
    m_sendAgain->setAccessibleName(tr("Send the selected emails again"));
    m_sendAgain->setProperty("primary", true);
    m_sendAgain->setAutoDefault(false);
    buttons->addButton(m_sendAgain, QDialogButtonBox::ApplyRole);
    auto *close = new QPushButton(tr("Close"), buttons);
    close->setObjectName(QStringLiteral("failedEmailsCloseButton"));
    close->setProperty("secondary", true);
    close->setAutoDefault(false);
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    connect(refresh, &QPushButton::clicked, this, &FailedEmailsDialog::reload);
    connect(m_sendAgain, &QPushButton::clicked, this, &FailedEmailsDialog::sendSelectedAgain);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    return buttons;
}

// The model holds a connection of the session: it goes with this dialog,
// which its owner deletes before the session.
FailedEmailsDialog::~FailedEmailsDialog() = default;

void FailedEmailsDialog::setMailPump(MailPump *pump)
{
    m_pump = pump;
}

void FailedEmailsDialog::setProblem(const QString &problem)
{
    m_problem->setText(problem.isEmpty() ? QString() : tr("Mail server: %1").arg(problem));
    m_problem->setAccessibleName(m_problem->text());
    m_problem->setVisible(!problem.isEmpty());
}

void FailedEmailsDialog::reload()
{
    recount();
    m_model->reload();
    m_error->setVisible(!m_model->loadError().isEmpty());
    if (!m_model->loadError().isEmpty())
        m_error->setText(tr("The failed emails could not be read: %1").arg(m_model->loadError()));
    updateState();
}

void FailedEmailsDialog::recount()
{
    // How many in all (the list reads a page at a time), counted off the
    // window's thread.
    m_summary->setText(tr("Counting…"));
    const Id actor = m_session.userId();
    m_countRead->ask<Result<OutboxCounts>>(
        [actor](Database &db) { return MailOutbox(db).counts(actor); },
        [this](const Result<OutboxCounts> &counts) {
            const int failed = counts ? counts->failed : -1;
            m_summary->setText(
                failed < 0    ? QString()
                : failed == 1 ? tr("1 email could not be sent.")
                              : tr("%1 emails could not be sent.").arg(QLocale().toString(failed)));
            m_summary->setAccessibleName(m_summary->text());
            m_summary->setVisible(failed > 0);
        },
        [this](const QString &) { m_summary->clear(); });
}

void FailedEmailsDialog::updateState()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    m_sendAgain->setEnabled(selected > 0);
    m_empty->setVisible(m_model->rowCount() == 0 && m_model->loadError().isEmpty());
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        const OutboxEntry &e = m_model->entryAt(current.row());
        m_detail->setText(tr("To %1, “%2”: %3").arg(e.recipient, e.subject, e.lastError));
    }
    m_detail->setAccessibleName(m_detail->text());
    m_detail->setVisible(current.isValid());
}

bool FailedEmailsDialog::isCounting() const
{
    return m_countRead->isWaiting();
}

bool FailedEmailsDialog::sendSelectedAgain()
{
    QList<Id> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    QHash<Id, QString> recipients;
    for (const QModelIndex &index : rows) {
        ids << m_model->emailIdAt(index.row());
        recipients.insert(ids.constLast(), m_model->entryAt(index.row()).recipient);
    }
    if (ids.isEmpty())
        return false;
    MailOutbox outbox(m_session.database());
    QStringList errors;
    int queued = 0;
    for (const Id id : std::as_const(ids)) {
        const auto retried = outbox.retry(m_session.userId(), id);
        if (retried)
            ++queued;
        else
            errors << tr("To %1: %2").arg(recipients.value(id), retried.message());
    }
    m_status->hide();
    m_error->setVisible(!errors.isEmpty());
    if (!errors.isEmpty())
        m_error->setText(errors.size() == 1
                             ? tr("An email could not be queued again. %1").arg(errors.constFirst())
                             : tr("%1 emails could not be queued again. %2")
                                   .arg(errors.size())
                                   .arg(errors.join(QLatin1Char(' '))));
    if (queued > 0) {
        QString text = queued == 1 ? tr("1 email is queued again.")
                                   : tr("%1 emails are queued again.").arg(queued);
        text += QLatin1Char(' ');
        text += m_pump ? tr("CertDesk is sending now.")
                       : tr("The mail relay sends them on its next round.");
        m_status->setText(text);
        m_status->setAccessibleName(text);
        m_status->show();
        if (m_pump)
            m_pump->sendNow();
        emit emailsRetried(queued);
    }
    // The retried rows leave the list (and the error keeps what went wrong).
    recount();
    m_model->reload();
    updateState();
    return errors.isEmpty();
}

QString FailedEmailsDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QString FailedEmailsDialog::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}
