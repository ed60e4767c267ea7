#pragma once

#include "Page.h"

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class Session;

// The in-app inbox: newest first, unread in bold. Opening a notification
// (Enter, double-click, or "Mark as read") marks it read.
class NotificationsPage : public Page
{
    Q_OBJECT

public:
    static constexpr int RowLimit = 200;

    explicit NotificationsPage(Session &session, QWidget *parent = nullptr);

    void reload() override;

public slots:
    void markSelectedRead();

private:
    void showDetails();
    void updateSummary();
    void setUnreadLook(QTreeWidgetItem *item, bool unread);
    void setRead(QTreeWidgetItem *item);

    Session &m_session;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_markRead = nullptr;
};
