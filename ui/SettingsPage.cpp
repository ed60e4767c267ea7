#include "SettingsPage.h"

#include "Session.h"
#include "Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    SettingColumn,
    ValueColumn,
    KeyColumn,
    ColumnCount
};
}

SettingsPage::SettingsPage(Session &session, QWidget *parent) : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);

    QLabel *note = Theme::noteLabel(
        tr("The platform's settings, as every desktop sharing this database sees them. Changing "
           "them here arrives in the next version; until then a platform admin can use "
           "certdesk-cli settings KEY VALUE."),
        this);
    note->setObjectName(QStringLiteral("settingsNote"));
    layout->addWidget(note);
    m_error = Theme::errorLabel(QStringLiteral("settingsError"), this);
    layout->addWidget(m_error);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("settingsList"));
    m_list->setAccessibleName(tr("Platform settings"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Setting"), tr("Value"), tr("Key")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(SettingColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(ValueColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);
}

QString SettingsPage::valueText(const QString &value)
{
    if (value == QLatin1String("on"))
        return tr("On");
    if (value == QLatin1String("off"))
        return tr("Off");
    if (value == Domain::reviewerModeKey(ReviewerMode::Managers))
        return tr("Managers");
    if (value == Domain::reviewerModeKey(ReviewerMode::GroupAdmins))
        return tr("Group admins");
    return value;
}

void SettingsPage::reload()
{
    const auto result = m_session.settings().settings();
    m_list->clear();
    if (!result) {
        m_error->setText(tr("The settings could not be loaded: %1").arg(result.message()));
        m_error->show();
        return;
    }
    m_error->hide();
    const QStringList keys = PlatformSettings::keys();
    for (const QString &key : keys) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(SettingColumn, PlatformSettings::describe(key));
        item->setText(KeyColumn, key);
        item->setForeground(KeyColumn, Theme::mutedTextColor(m_list->palette()));
        item->setText(ValueColumn, valueText(result->value(key)));
        item->setData(SettingColumn, Qt::UserRole, key);
    }
}
