#include "UsersPage.h"

#include "Session.h"
#include "Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    NameColumn,
    EmailColumn,
    GroupsColumn,
    ManagerColumn,
    ColumnCount
};

QString membershipsText(const User &user)
{
    QStringList parts;
    for (const Membership &membership : user.memberships)
        parts << UsersPage::tr("%1 (%2)").arg(membership.groupName,
                                              Domain::roleLabel(membership.role).toLower());
    return parts.join(QStringLiteral(", "));
}
} // namespace

UsersPage::UsersPage(Session &session, QWidget *parent) : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("usersPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);

    m_summary = Theme::noteLabel(QString(), this);
    m_summary->setObjectName(QStringLiteral("usersSummary"));
    layout->addWidget(m_summary);
    m_error = Theme::errorLabel(QStringLiteral("usersError"), this);
    layout->addWidget(m_error);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("usersList"));
    m_list->setAccessibleName(tr("Users"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Email"), tr("Groups"), tr("Manager")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(EmailColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(GroupsColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(ManagerColumn, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 1);
}

void UsersPage::reload()
{
    const auto result = m_session.directory().users(m_session.userId(), false);
    m_list->clear();
    if (!result) {
        m_error->setText(tr("The users could not be loaded: %1").arg(result.message()));
        m_error->show();
        m_summary->clear();
        return;
    }
    m_error->hide();
    QList<QTreeWidgetItem *> items;
    for (const User &user : result.value()) {
        auto *item = new QTreeWidgetItem;
        item->setText(NameColumn, user.name);
        item->setText(EmailColumn, user.email);
        item->setText(GroupsColumn, membershipsText(user));
        item->setToolTip(GroupsColumn, item->text(GroupsColumn));
        item->setText(ManagerColumn, user.managerName);
        item->setData(NameColumn, Qt::UserRole, user.id);
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    m_summary->setText(items.size() == 1
                           ? tr("Only you: nobody else's results are yours to see.")
                           : tr("%1 people whose results you may see.").arg(items.size()));
}
