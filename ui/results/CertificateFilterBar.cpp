#include "results/CertificateFilterBar.h"

#include "style/Theme.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QToolButton>

CertificateFilterBar::CertificateFilterBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("certificateFilterBar"));
    setAccessibleName(tr("Show certificates"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    for (StatusFilter f : Domain::statusFilters()) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("filterChip_") + Domain::statusFilterKey(f));
        chip->setCheckable(true);
        chip->setAutoRaise(false);
        chip->setProperty("chip", true);
        chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
        chip->setFocusPolicy(Qt::StrongFocus);
        m_group->addButton(chip, int(f));
        m_chips.insert(f, chip);
        layout->addWidget(chip);
    }
    m_chips.value(StatusFilter::All)->setChecked(true);
    connect(m_group, &QButtonGroup::idClicked, this,
            [this](int id) { setFilter(StatusFilter(id)); });
    layout->addStretch(1);

    auto *label = new QLabel(tr("&Order"), this);
    m_order = new QComboBox(this);
    m_order->setObjectName(QStringLiteral("certificateOrderBox"));
    m_order->setAccessibleName(tr("Order of the certificates"));
    m_order->addItem(tr("Newest first"), int(CertificateOrder::NewestDelivery));
    m_order->addItem(tr("Expiring first"), int(CertificateOrder::ExpirySoonest));
    label->setBuddy(m_order);
    layout->addWidget(label);
    layout->addWidget(m_order);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] { emit orderChanged(order()); });
    setCounts(std::nullopt);
}

CertificateOrder CertificateFilterBar::order() const
{
    return CertificateOrder(m_order->currentData().toInt());
}

void CertificateFilterBar::setOrder(CertificateOrder order)
{
    const int index = m_order->findData(int(order));
    if (index >= 0 && index != m_order->currentIndex())
        m_order->setCurrentIndex(index); // emits orderChanged
}

void CertificateFilterBar::setFilter(StatusFilter filter)
{
    if (QToolButton *chip = m_chips.value(filter)) {
        const QSignalBlocker blocker(m_group);
        chip->setEnabled(true);
        chip->setChecked(true);
    }
    if (filter == m_filter)
        return;
    m_filter = filter;
    setCounts(m_counts); // enables what the new choice allows
    emit filterChanged(filter);
}

void CertificateFilterBar::setCounts(const std::optional<CertificateCounts> &counts)
{
    m_counts = counts;
    const QLocale locale;
    for (auto it = m_chips.cbegin(); it != m_chips.cend(); ++it) {
        const QString label = Domain::statusFilterLabel(it.key());
        if (!counts) {
            it.value()->setText(label);
            it.value()->setAccessibleName(tr("%1: counting…").arg(label));
            it.value()->setToolTip(it.value()->accessibleName());
            it.value()->setEnabled(true);
            continue;
        }
        const int n = counts->of(it.key());
        it.value()->setText(tr("%1 %2").arg(label, locale.toString(n)));
        it.value()->setAccessibleName(tr("%1: %Ln certificate(s)", nullptr, n).arg(label));
        it.value()->setToolTip(it.value()->accessibleName());
        it.value()->setEnabled(n > 0 || it.key() == m_filter || it.key() == StatusFilter::All);
    }
}
