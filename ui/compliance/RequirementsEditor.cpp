#include "compliance/RequirementsEditor.h"

#include "services/Session.h"
#include "style/Theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int kGroupRole = Qt::UserRole + 1;
constexpr int kTemplateRole = Qt::UserRole + 2;
} // namespace

RequirementsEditor::RequirementsEditor(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("requirementsEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);
    layout->addWidget(Theme::noteLabel(
        tr("Every current member of a group, and of the groups below it, must hold a "
           "certificate associated with each template the group requires. The Compliance "
           "page shows who does."),
        this));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("requirementsList"));
    m_list->setAccessibleName(tr("Requirements"));
    m_list->setMinimumHeight(120);
    layout->addWidget(m_list);

    auto *row = new QHBoxLayout;
    row->setSpacing(Theme::Spacing);
    auto *groupLabel = new QLabel(tr("&Group"), this);
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("requirementGroup"));
    m_group->setAccessibleName(tr("Group"));
    groupLabel->setBuddy(m_group);
    auto *templateLabel = new QLabel(tr("re&quires"), this);
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("requirementTemplate"));
    m_template->setAccessibleName(tr("Required certificate template"));
    templateLabel->setBuddy(m_template);
    m_add = new QPushButton(tr("&Require"), this);
    m_add->setObjectName(QStringLiteral("requirementAdd"));
    m_add->setAccessibleName(tr("Require the template of the group"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("requirementRemove"));
    m_remove->setAccessibleName(tr("Remove the selected requirement"));
    m_remove->setProperty("secondary", true);
    row->addWidget(groupLabel);
    row->addWidget(m_group, 1);
    row->addWidget(templateLabel);
    row->addWidget(m_template, 1);
    row->addWidget(m_add);
    row->addWidget(m_remove);
    layout->addLayout(row);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("requirementsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &RequirementsEditor::addRequirement);
    connect(m_remove, &QPushButton::clicked, this, &RequirementsEditor::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &RequirementsEditor::updateButtons);
    reload();
}

bool RequirementsEditor::mayEdit(Session &session)
{
    const Id me = session.userId();
    return session.policy().isPlatformAdmin(me) || session.policy().hasRole(me, Role::Admin);
}

void RequirementsEditor::reload()
{
    const Id me = m_session.userId();
    // Which groups this person may change, asked of the Policy once for all
    // of them (an organisation has thousands).
    const auto groups = m_session.directory().groups();
    QList<Id> groupIds;
    if (groups)
        for (const Group &g : groups.value())
            groupIds << g.id;
    const auto list = m_session.compliance().requirements(me);
    if (list)
        for (const Requirement &r : list.value())
            groupIds << r.groupId;
    const QSet<Id> mayChange = m_session.policy().requirementGroups(me, groupIds);

    m_list->clear();
    if (list) {
        for (const Requirement &r : list.value()) {
            auto *item =
                new QListWidgetItem(tr("%1 requires %2").arg(r.groupName, r.templateName), m_list);
            item->setData(kGroupRole, r.groupId);
            item->setData(kTemplateRole, r.templateId);
            // Only what this person may change can be selected for removal.
            if (!mayChange.contains(r.groupId))
                item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
        }
    } else {
        showMessage(list.message(), true);
    }
    if (m_list->count() == 0)
        new QListWidgetItem(tr("No group requires a certificate yet."), m_list);

    const Id group = m_group->currentData().toLongLong();
    const Id templ = m_template->currentData().toLongLong();
    m_group->clear();
    if (groups) {
        for (const Group &g : groups.value()) {
            if (mayChange.contains(g.id))
                m_group->addItem(g.name, g.id);
        }
    }
    m_template->clear();
    if (const auto templates = m_session.directory().templates()) {
        for (const CertificateTemplate &t : templates.value())
            m_template->addItem(t.name, t.id);
    }
    m_group->setCurrentIndex(qMax(0, m_group->findData(group)));
    m_template->setCurrentIndex(qMax(0, m_template->findData(templ)));
    updateButtons();
}

void RequirementsEditor::updateButtons()
{
    m_add->setEnabled(m_group->count() > 0 && m_template->count() > 0);
    const QListWidgetItem *item = m_list->currentItem();
    m_remove->setEnabled(item && item->data(kGroupRole).isValid() &&
                         (item->flags() & Qt::ItemIsSelectable));
}

void RequirementsEditor::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, error ? Theme::errorColor(this->palette())
                                                 : Theme::mutedTextColor(this->palette()));
    m_message->setPalette(palette);
    m_message->setAccessibleName(text);
    m_message->setVisible(!text.isEmpty());
}

void RequirementsEditor::addRequirement()
{
    const auto added = m_session.compliance().addRequirement(
        m_session.userId(), m_group->currentData().toLongLong(),
        m_template->currentData().toLongLong());
    if (!added) {
        showMessage(added.message(), true);
        return;
    }
    reload();
    showMessage(tr("%1 now requires %2.").arg(added->groupName, added->templateName), false);
    emit changed();
}

void RequirementsEditor::removeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !item->data(kGroupRole).isValid())
        return;
    const QString text = item->text();
    const auto removed = m_session.compliance().removeRequirement(
        m_session.userId(), item->data(kGroupRole).toLongLong(),
        item->data(kTemplateRole).toLongLong());
    if (!removed) {
        showMessage(removed.message(), true);
        return;
    }
    reload();
    showMessage(tr("Removed: %1.").arg(text), false);
    emit changed();
}
