#pragma once

#include "core/Domain.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QComboBox;
class QToolButton;

// Above a certificate list (README "Rules", Lists): one chip per status
// filter (All, Valid, Expiring, Expired, Pending, Rejected, Revoked), each
// with how many certificates it shows, and the order (newest first, or
// soonest expiry first). The chips are exclusive; a chip that would show
// nothing is disabled unless it is the one chosen. Arrow keys move between
// the chips as in a tab bar. The section applies the choice to its model.
class CertificateFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit CertificateFilterBar(QWidget *parent = nullptr);

    StatusFilter filter() const { return m_filter; }
    CertificateOrder order() const;
    // The counts the chips show (CertificateService::counts), in the
    // locale's digits; unknown (still being counted): the chips show their
    // labels alone, every one enabled.
    void setCounts(const std::optional<CertificateCounts> &counts);
    QToolButton *chip(StatusFilter filter) const { return m_chips.value(filter); }
    QComboBox *orderBox() const { return m_order; }

public slots:
    void setFilter(StatusFilter filter);
    void setOrder(CertificateOrder order);

signals:
    void filterChanged(StatusFilter filter);
    void orderChanged(CertificateOrder order);

private:
    QButtonGroup *m_group = nullptr;
    QHash<StatusFilter, QToolButton *> m_chips;
    QComboBox *m_order = nullptr;
    StatusFilter m_filter = StatusFilter::All;
    std::optional<CertificateCounts> m_counts;
};
