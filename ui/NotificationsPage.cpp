#include "NotificationsPage.h"

#include "Session.h"
#include "Theme.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    TitleColumn,
    ReceivedColumn,
    ColumnCount
};
constexpr int IdRole = Qt::UserRole;
constexpr int ReadRole = Qt::UserRole + 1;
constexpr int BodyRole = Qt::UserRole + 2;

} // namespace

// Unread: bold, with a bell in the accent colour; read: plain, muted bell.
void NotificationsPage::setUnreadLook(QTreeWidgetItem *item, bool unread)
{
    for (int column = 0; column < ColumnCount; ++column) {
        QFont font = item->font(column);
        font.setBold(unread);
        item->setFont(column, font);
    }
    const QPalette &colors = m_list->palette();
    item->setIcon(TitleColumn, Theme::tintedIcon(QStringLiteral("bell"),
                                                 unread ? Theme::accentColor(colors)
                                                        : Theme::mutedTextColor(colors)));
}

NotificationsPage::NotificationsPage(Session &session, QWidget *parent)
    : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("notificationsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);

    auto *top = new QHBoxLayout;
    m_summary = Theme::noteLabel(QString(), this);
    m_summary->setObjectName(QStringLiteral("notificationsSummary"));
    top->addWidget(m_summary, 1);
    m_markRead = new QPushButton(tr("Mark as read"), this);
    m_markRead->setObjectName(QStringLiteral("markReadButton"));
    m_markRead->setAccessibleName(tr("Mark the selected notification as read"));
    m_markRead->setIcon(Theme::icon(QStringLiteral("check")));
    m_markRead->setEnabled(false);
    top->addWidget(m_markRead);
    layout->addLayout(top);
    m_error = Theme::errorLabel(QStringLiteral("notificationsError"), this);
    layout->addWidget(m_error);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("notificationsList"));
    m_list->setAccessibleName(tr("Notifications"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Notification"), tr("Received")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(ReceivedColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("notificationDetails"));
    m_details->setAccessibleName(tr("Notification details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 3);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_details);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &NotificationsPage::showDetails);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { setRead(item); });
    connect(m_markRead, &QPushButton::clicked, this, &NotificationsPage::markSelectedRead);
}

void NotificationsPage::reload()
{
    const auto result =
        m_session.notifications().notifications(m_session.userId(), false, 0, RowLimit);
    const Id selected =
        m_list->currentItem() ? m_list->currentItem()->data(0, IdRole).toLongLong() : 0;
    m_list->clear();
    if (!result) {
        m_error->setText(tr("The notifications could not be loaded: %1").arg(result.message()));
        m_error->show();
        m_summary->clear();
        return;
    }
    m_error->hide();
    QTreeWidgetItem *current = nullptr;
    for (const Notification &notification : result.value()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(TitleColumn, notification.title());
        item->setText(ReceivedColumn, Theme::dateTimeText(notification.createdAt));
        item->setToolTip(TitleColumn, notification.body());
        item->setData(0, IdRole, notification.id);
        item->setData(0, ReadRole, notification.read);
        item->setData(0, BodyRole, notification.body());
        setUnreadLook(item, !notification.read);
        if (notification.id == selected)
            current = item;
    }
    updateSummary();
    if (current)
        m_list->setCurrentItem(current);
    showDetails();
}

void NotificationsPage::updateSummary()
{
    const int total = m_list->topLevelItemCount();
    if (total == 0) {
        m_summary->setText(tr("Nothing here yet: validation requests and review outcomes "
                              "appear here."));
        return;
    }
    int unread = 0;
    for (int row = 0; row < total; ++row)
        unread += m_list->topLevelItem(row)->data(0, ReadRole).toBool() ? 0 : 1;
    m_summary->setText(unread == 0 ? tr("All read.") : tr("Unread: %1").arg(unread));
}

void NotificationsPage::showDetails()
{
    QTreeWidgetItem *item = m_list->currentItem();
    m_markRead->setEnabled(item && !item->data(0, ReadRole).toBool());
    m_details->setText(item ? item->data(0, BodyRole).toString()
                            : tr("Select a notification to read it; opening it marks it read."));
    QPalette colors = palette();
    if (!item)
        colors.setColor(QPalette::WindowText, Theme::mutedTextColor(colors));
    m_details->setPalette(colors);
}

void NotificationsPage::markSelectedRead()
{
    setRead(m_list->currentItem());
}

void NotificationsPage::setRead(QTreeWidgetItem *item)
{
    if (!item || item->data(0, ReadRole).toBool())
        return;
    const Status status =
        m_session.notifications().markRead(m_session.userId(), item->data(0, IdRole).toLongLong());
    if (!status) {
        m_error->setText(
            tr("The notification could not be marked as read: %1").arg(status.message()));
        m_error->show();
        return;
    }
    item->setData(0, ReadRole, true);
    setUnreadLook(item, false);
    updateSummary();
    showDetails();
    emit countsChanged();
}
