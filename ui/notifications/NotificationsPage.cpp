#include "notifications/NotificationsPage.h"

#include "results/CertificateDetailsDialog.h"
#include "review/TaskListView.h"
#include "review/TaskView.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
QPushButton *button(const QString &text, const QString &objectName, const QString &accessibleName,
                    QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAccessibleName(accessibleName);
    b->setAutoDefault(false);
    return b;
}
} // namespace

NotificationsPage::NotificationsPage(Session &session, QWidget *parent)
    : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("notificationsPage"));
    m_model = new NotificationListModel(session.notifications(), session.userId(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_modes = new QStackedWidget(this);
    m_modes->setObjectName(QStringLiteral("notificationModes"));
    m_modes->addWidget(buildInbox());
    m_review = new TaskListView(session, m_modes);
    m_modes->addWidget(m_review);
    connect(m_review, &TaskListView::backRequested, this, &NotificationsPage::showInbox);
    connect(m_review, &TaskListView::countsChanged, this, &NotificationsPage::countsChanged);
    connect(m_review, &TaskListView::certificatesChanged, this,
            &NotificationsPage::certificatesChanged);
    layout->addWidget(m_modes);
    applyListStyle();
}

QWidget *NotificationsPage::buildCategories(QWidget *parent)
{
    m_categories = new QListWidget(parent);
    m_categories->setObjectName(QStringLiteral("notificationCategories"));
    m_categories->setAccessibleName(tr("Notification categories"));
    m_categories->setFixedWidth(190);
    m_categories->setFrameShape(QFrame::NoFrame);
    m_categories->setIconSize(QSize(18, 18));
    const QColor muted = Theme::mutedTextColor(palette());
    const struct
    {
        QString text;
        QString icon;
    } categories[] = {{tr("All"), QStringLiteral("bell")},
                      {tr("Certificate Validation"), QStringLiteral("check")},
                      {tr("Outcomes"), QStringLiteral("results")},
                      // In the order of InboxFilter: reminders before expiry.
                      {tr("Reminders"), QStringLiteral("clock")}};
    for (const auto &c : categories) {
        auto *item = new QListWidgetItem(Theme::tintedIcon(c.icon, muted), c.text, m_categories);
        item->setData(Qt::AccessibleTextRole, c.text);
    }
    m_categories->setCurrentRow(0);
    connect(m_categories, &QListWidget::currentRowChanged, this, [this](int row) {
        m_model->setFilter(NotificationListModel::Filter(qMax(0, row)));
        if (!m_model->lastError().isEmpty())
            m_error->setText(
                tr("The notifications could not be loaded: %1").arg(m_model->lastError()));
        m_error->setVisible(!m_model->lastError().isEmpty());
        updateInboxState();
        showDetails();
    });
    return m_categories;
}

QWidget *NotificationsPage::buildInbox()
{
    auto *inbox = new QWidget(this);
    inbox->setObjectName(QStringLiteral("inbox"));
    auto *layout = new QHBoxLayout(inbox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingLarge);
    layout->addWidget(buildCategories(inbox));
    auto *right = new QVBoxLayout;
    right->setSpacing(Theme::Spacing);
    layout->addLayout(right, 1);

    right->addLayout(buildInboxBar(inbox));
    m_error = Theme::errorLabel(QStringLiteral("notificationsError"), inbox);
    right->addWidget(m_error);

    m_listStack = new QStackedWidget(inbox);
    m_list = new QTreeView(m_listStack);
    m_list->setObjectName(QStringLiteral("notificationsList"));
    m_list->setAccessibleName(tr("Notifications"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NotificationListModel::TitleColumn,
                                           QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(NotificationListModel::FromColumn,
                                           QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(NotificationListModel::ReceivedColumn,
                                           QHeaderView::ResizeToContents);
    m_listStack->addWidget(m_list);
    auto *empty = new QWidget(m_listStack);
    auto *emptyLayout = new QVBoxLayout(empty);
    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(QStringLiteral("notificationsEmpty"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    emptyLayout->addWidget(m_emptyText);
    m_listStack->addWidget(empty);
    right->addWidget(m_listStack, 1);

    right->addWidget(buildDetailsPane(inbox));

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateInboxState();
    });
    connect(m_list, &QTreeView::activated, this, &NotificationsPage::openCurrent);
    return inbox;
}

QLayout *NotificationsPage::buildInboxBar(QWidget *parent)
{
    auto *top = new QHBoxLayout;
    m_summary = Theme::noteLabel(QString(), parent);
    m_summary->setObjectName(QStringLiteral("notificationsSummary"));
    top->addWidget(m_summary, 1);
    m_reviewButton = button(QString(), QStringLiteral("reviewTasksButton"),
                            tr("Review open validation tasks"), parent);
    m_reviewButton->setIcon(Theme::icon(QStringLiteral("check")));
    connect(m_reviewButton, &QPushButton::clicked, this, [this] { openTask(0); });
    top->addWidget(m_reviewButton);
    m_markRead = button(tr("Mark as read"), QStringLiteral("markReadButton"),
                        tr("Mark the selected notification as read"), parent);
    connect(m_markRead, &QPushButton::clicked, this, &NotificationsPage::markSelectedRead);
    top->addWidget(m_markRead);
    m_markAllRead = button(tr("Mark all as read"), QStringLiteral("markAllReadButton"),
                           tr("Mark all notifications as read"), parent);
    connect(m_markAllRead, &QPushButton::clicked, this, &NotificationsPage::markAllRead);
    top->addWidget(m_markAllRead);
    return top;
}

QWidget *NotificationsPage::buildDetailsPane(QWidget *parent)
{
    auto *details = new QFrame(parent);
    details->setObjectName(QStringLiteral("notificationDetailsPane"));
    auto *detailsLayout = new QHBoxLayout(details);
    detailsLayout->setContentsMargins(Theme::SpacingLarge, Theme::Spacing + Theme::SpacingSmall,
                                      Theme::Spacing + Theme::SpacingSmall,
                                      Theme::Spacing + Theme::SpacingSmall);
    m_details = new QLabel(details);
    m_details->setObjectName(QStringLiteral("notificationDetails"));
    m_details->setAccessibleName(tr("Notification details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 3);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detailsLayout->addWidget(m_details, 1);
    m_openTaskButton = button(tr("Open task"), QStringLiteral("openTaskButton"),
                              tr("Open the validation task"), details);
    m_openTaskButton->setToolTip(tr("Review this certificate (Enter)"));
    connect(m_openTaskButton, &QPushButton::clicked, this, &NotificationsPage::openCurrent);
    detailsLayout->addWidget(m_openTaskButton, 0, Qt::AlignTop);
    m_openCertificateButton =
        button(tr("Open certificate"), QStringLiteral("openCertificateButton"),
               tr("Open the certificate"), details);
    m_openCertificateButton->setToolTip(tr("See the certificate, renew it (Enter)"));
    connect(m_openCertificateButton, &QPushButton::clicked, this, &NotificationsPage::openCurrent);
    detailsLayout->addWidget(m_openCertificateButton, 0, Qt::AlignTop);
    return details;
}

void NotificationsPage::applyListStyle()
{
    const QPalette colors = palette();
    const QColor accent = Theme::accentColor(colors);
    QIcon unread;
    for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Active, QIcon::Selected})
        unread.addPixmap(Theme::statusDot(mode == QIcon::Selected
                                              ? colors.color(QPalette::HighlightedText)
                                              : accent)
                             .pixmap(12, 12),
                         mode);
    // Read rows keep the dot's room, so that titles line up.
    m_model->setDecorations(unread, Theme::statusDot(QColor(Qt::transparent)),
                            Theme::mutedTextColor(colors));
    const QString css = Sheets::notifications(colors);
    if (css != styleSheet())
        setStyleSheet(css);
}

void NotificationsPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyListStyle();
}

bool NotificationsPage::isReviewing() const
{
    return m_modes->currentIndex() == 1;
}

void NotificationsPage::reload()
{
    if (isReviewing())
        m_review->reload();
    else
        reloadInbox();
}

void NotificationsPage::reloadInbox()
{
    const QModelIndex current = m_list->currentIndex();
    const Id selected =
        current.isValid() ? current.data(NotificationListModel::IdRole).toLongLong() : 0;
    const bool loaded = m_model->reload();
    m_error->setText(tr("The notifications could not be loaded: %1").arg(m_model->lastError()));
    m_error->setVisible(!loaded);
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));

    const auto count = m_session.reviews().taskCount(m_session.userId(), true);
    m_openTaskCount = count ? count.value() : 0;
    m_reviewButton->setText(tr("&Review open tasks (%1)").arg(m_openTaskCount));
    m_reviewButton->setToolTip(tr("Review the validation tasks waiting for you, one after the "
                                  "other, from the keyboard (Alt+R)"));
    m_reviewButton->setVisible(m_openTaskCount > 0);
    recountUnread();
    updateInboxState();
    showDetails();
}

void NotificationsPage::recountUnread()
{
    const auto unread = m_session.notifications().unreadCount(m_session.userId());
    // A failed count keeps the last one: the list says what went wrong.
    if (unread)
        m_unreadCount = unread.value();
}

void NotificationsPage::updateInboxState()
{
    const int count = m_unreadCount;
    const int shown = m_model->rowCount();
    m_summary->setText(count > 0 ? tr("%n unread", nullptr, count) : tr("Everything is read."));
    const QModelIndex current = m_list->currentIndex();
    m_markRead->setEnabled(current.isValid() &&
                           !current.data(NotificationListModel::ReadRole).toBool());
    m_markAllRead->setEnabled(count > 0);
    static const char *const empty[] = {
        QT_TR_NOOP("No notifications yet."),
        QT_TR_NOOP("No validation requests: certificates sent to you for validation show here."),
        QT_TR_NOOP("No outcomes yet: when your certificates are validated or rejected, you are "
                   "told here."),
        QT_TR_NOOP("No reminders: before a certificate expires, you are reminded here and by "
                   "email.")};
    m_emptyText->setText(tr(empty[qBound(0, m_categories->currentRow(), 3)]));
    m_emptyText->setAccessibleName(m_emptyText->text());
    m_listStack->setCurrentIndex(shown > 0 ? 0 : 1);
}

void NotificationsPage::showDetails()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        setDetailsText(m_model->rowCount() > 0 ? tr("Choose a notification; Enter opens it.")
                                               : QString());
        m_openTaskButton->hide();
        m_openCertificateButton->hide();
        return;
    }
    const Notification &n = m_model->notification(current.row());
    QString text = n.body();
    const bool task = n.category == NotificationCategory::ValidationRequest && n.taskId > 0;
    const bool certificate = !task && opensCertificate(n);
    if (task)
        text += QLatin1Char('\n') + tr("Press Enter or “Open task” to review it.");
    else if (certificate && n.category == NotificationCategory::Reminder)
        text += QLatin1Char('\n') + tr("Press Enter or “Open certificate” to see it and renew it.");
    setDetailsText(text);
    m_openTaskButton->setVisible(task);
    m_openCertificateButton->setVisible(certificate);
}

void NotificationsPage::setDetailsText(const QString &text)
{
    m_details->setText(text);
    // The label's name says what it is ("Notification details"); a screen
    // reader reads what it says from the description.
    m_details->setAccessibleDescription(text);
}

bool NotificationsPage::markRead(int row)
{
    if (row < 0 || row >= m_model->rowCount() || m_model->notification(row).read)
        return true;
    const Status status = m_model->markRead(row);
    if (!status) {
        m_error->setText(
            tr("The notification could not be marked as read: %1").arg(status.message()));
        m_error->show();
        return false;
    }
    recountUnread();
    updateInboxState();
    emit countsChanged();
    return true;
}

void NotificationsPage::markSelectedRead()
{
    markRead(m_list->currentIndex().row());
}

void NotificationsPage::markAllRead()
{
    const Status status = m_model->markAllRead();
    if (!status) {
        m_error->setText(
            tr("The notifications could not be marked as read: %1").arg(status.message()));
        m_error->show();
    }
    recountUnread();
    updateInboxState();
    emit countsChanged();
}

void NotificationsPage::openCurrent()
{
    const int row = m_list->currentIndex().row();
    if (row < 0)
        return;
    markRead(row);
    open(m_model->notification(row));
}

void NotificationsPage::openNotification(const Notification &notification)
{
    showInbox();
    const int row = m_model->rowOf(notification.id);
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row, 0));
        markRead(row);
    } else if (!notification.read) {
        // Not among the rows loaded (the inbox loads lazily): read all the same.
        const Status status =
            m_session.notifications().markRead(m_session.userId(), notification.id);
        if (status) {
            reloadInbox();
            emit countsChanged();
        }
    }
    open(notification);
}

void NotificationsPage::open(const Notification &n)
{
    if (n.category == NotificationCategory::ValidationRequest && n.taskId > 0)
        openTask(n.taskId);
    else if (opensCertificate(n))
        openCertificate(n.certificateId);
    else
        showDetails();
}

bool NotificationsPage::opensCertificate(const Notification &n) const
{
    // An outcome or a reminder about a certificate the reader may open: theirs,
    // or one in their scope (R5; the dialog asks the service again).
    return n.certificateId > 0 && n.category != NotificationCategory::ValidationRequest;
}

void NotificationsPage::openCertificate(Id certificateId)
{
    if (m_certificate)
        m_certificate->close();
    m_certificate = new CertificateDetailsDialog(m_session, certificateId, this);
    m_certificate->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_certificate, &CertificateDetailsDialog::changed, this,
            &NotificationsPage::certificatesChanged);
    connect(m_certificate, &CertificateDetailsDialog::resubmitted, this,
            &NotificationsPage::certificatesChanged);
    m_certificate->open();
}

TaskView *NotificationsPage::taskView() const
{
    return m_review->taskView();
}

QList<Id> NotificationsPage::taskIds() const
{
    return m_review->taskIds();
}

void NotificationsPage::openTask(Id taskId)
{
    m_modes->setCurrentIndex(1);
    m_review->start(taskId);
}

void NotificationsPage::showInbox()
{
    m_modes->setCurrentIndex(0);
    reloadInbox();
    m_list->setFocus(Qt::OtherFocusReason);
}

void NotificationsPage::nextTask()
{
    m_review->nextTask();
}

void NotificationsPage::previousTask()
{
    m_review->previousTask();
}
