#include "users/ProfileDialog.h"

#include "certificate/StatusDelegate.h"
#include "results/CertificatesSection.h"
#include "services/Session.h"
#include "style/Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
QLabel *valueLabel(const QString &text, const QString &accessibleName, const char *objectName,
                   QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setAccessibleName(accessibleName);
    label->setAccessibleDescription(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *fieldName(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}
} // namespace

ProfileDialog::ProfileDialog(Session &session, Id userId, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("profileDialog"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingLarge, Theme::SpacingXLarge,
                               Theme::SpacingLarge);
    layout->setSpacing(Theme::SpacingLarge);

    const auto found = m_session.directory().user(userId);
    // R5: the Policy says whose profile and results this person may see.
    const Decision may = m_session.policy().mayView(m_session.userId(), userId);
    m_allowed = found && may.allowed;
    if (!m_allowed) {
        setWindowTitle(tr("Profile"));
        setAccessibleName(windowTitle());
        QLabel *error = Theme::errorLabel(QStringLiteral("profileError"), this);
        error->setText(found ? may.reason : found.message());
        error->setAccessibleName(error->text());
        error->show();
        layout->addWidget(error);
        layout->addStretch(1);
    } else {
        m_user = found.value();
        setWindowTitle(tr("Profile — %1").arg(m_user.name));
        setAccessibleName(windowTitle());
        layout->addWidget(buildHeader());
        m_tabs = new QTabWidget(this);
        m_tabs->setObjectName(QStringLiteral("profileTabs"));
        m_tabs->setAccessibleName(tr("Profile sections"));
        m_tabs->addTab(buildOverview(), Theme::icon(QStringLiteral("profile")), tr("Overview"));
        auto *results = new QWidget(m_tabs);
        results->setObjectName(QStringLiteral("resultsTab"));
        auto *resultsLayout = new QVBoxLayout(results);
        resultsLayout->setContentsMargins(0, Theme::SpacingLarge, 0, 0);
        m_certificates = new CertificatesSection(m_session, results);
        m_certificates->setOwner(m_user.id, m_user.name);
        resultsLayout->addWidget(m_certificates);
        m_tabs->addTab(results, Theme::icon(QStringLiteral("results")), tr("Results"));
        layout->addWidget(m_tabs, 1);
        connect(m_certificates, &CertificatesSection::imported, this, &ProfileDialog::imported);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("profileButtons"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setAccessibleName(tr("Close the profile"));
    close->setProperty("secondary", true);
    // The button box polished it before the property was set.
    close->style()->unpolish(close);
    close->style()->polish(close);
    close->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1000, 660);
    setMinimumSize(720, 480);
}

QWidget *ProfileDialog::buildHeader()
{
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("profileHeader"));
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingLarge);
    auto *avatar = new QLabel(header);
    avatar->setObjectName(QStringLiteral("profileAvatar"));
    avatar->setAccessibleName(tr("Avatar of %1").arg(m_user.name));
    avatar->setPixmap(
        Theme::avatar(m_user.name, palette()).pixmap(QSize(56, 56), devicePixelRatioF()));
    layout->addWidget(avatar, 0, Qt::AlignTop);

    auto *who = new QVBoxLayout;
    who->setSpacing(Theme::SpacingSmall);
    auto *nameRow = new QHBoxLayout;
    nameRow->setSpacing(Theme::Spacing + Theme::SpacingSmall);
    QLabel *name = Theme::titleLabel(m_user.name, header);
    name->setObjectName(QStringLiteral("profileName"));
    name->setTextFormat(Qt::PlainText);
    nameRow->addWidget(name);
    if (m_user.deleted) {
        auto *badge = new BadgeLabel(tr("Deleted"), DisplayStatus::Expired, header);
        badge->setObjectName(QStringLiteral("deletedBadge"));
        badge->setToolTip(tr("This account is deleted: it cannot sign in; its results are kept."));
        nameRow->addWidget(badge, 0, Qt::AlignVCenter);
    }
    nameRow->addStretch(1);
    who->addLayout(nameRow);
    QLabel *email = Theme::noteLabel(m_user.email, header);
    email->setObjectName(QStringLiteral("profileEmail"));
    email->setAccessibleName(tr("Email"));
    email->setAccessibleDescription(m_user.email);
    email->setTextInteractionFlags(Qt::TextSelectableByMouse);
    who->addWidget(email);
    layout->addLayout(who, 1);
    return header;
}

QWidget *ProfileDialog::buildOverview()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("overviewTab"));
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, Theme::SpacingLarge, 0, 0);
    form->setHorizontalSpacing(Theme::SpacingXLarge);
    form->setVerticalSpacing(Theme::Spacing + Theme::SpacingSmall);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);

    form->addRow(fieldName(tr("Name"), page),
                 valueLabel(m_user.name, tr("Name"), "profileNameValue", page));
    form->addRow(fieldName(tr("Email"), page),
                 valueLabel(m_user.email, tr("Email"), "profileEmailValue", page));
    QStringList groups;
    for (const Membership &membership : std::as_const(m_user.memberships))
        groups << tr("%1 — %2").arg(membership.groupName, Domain::roleLabel(membership.role));
    form->addRow(fieldName(tr("Groups"), page),
                 valueLabel(groups.isEmpty() ? tr("In no group") : groups.join(QLatin1Char('\n')),
                            tr("Groups"), "profileGroupsValue", page));
    form->addRow(fieldName(tr("Manager"), page),
                 valueLabel(m_user.managerName.isEmpty() ? tr("No manager") : m_user.managerName,
                            tr("Manager"), "profileManagerValue", page));
    form->addRow(fieldName(tr("Account"), page),
                 valueLabel(m_user.deleted
                                ? tr("Deleted: cannot sign in and gets no notifications. "
                                     "Their results are kept.")
                                : tr("Active"),
                            tr("Account"), "profileAccountValue", page));
    return page;
}

void ProfileDialog::showTab(Tab tab)
{
    if (m_tabs)
        m_tabs->setCurrentIndex(tab == Tab::Results ? 1 : 0);
}
