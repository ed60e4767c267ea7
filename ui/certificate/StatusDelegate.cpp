#include "certificate/StatusDelegate.h"

#include "style/Theme.h"

#include <QApplication>
#include <QPainter>

StatusDelegate::StatusDelegate(int statusRole, QObject *parent)
    : QStyledItemDelegate(parent), m_statusRole(statusRole)
{}

StatusDelegate::StatusDelegate(DisplayStatus fixed, QObject *parent)
    : QStyledItemDelegate(parent), m_fixed(fixed)
{}

std::optional<DisplayStatus> StatusDelegate::statusOf(const QModelIndex &index) const
{
    if (m_fixed)
        return m_fixed;
    const QVariant value = index.data(m_statusRole);
    if (!value.isValid())
        return std::nullopt;
    return DisplayStatus(value.toInt());
}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    // The row's background (alternate colour, selection, focus) as usual,
    // without the text: the badge is the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString text = background.text;
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const std::optional<DisplayStatus> status = statusOf(index);
    if (text.isEmpty() || !status)
        return;
    const QSize size = Theme::badgeSize(option.font, text);
    const QRect cell = option.rect.adjusted(Theme::Spacing, 0, -Theme::SpacingSmall, 0);
    const int width = qMin(size.width(), cell.width());
    // At the left, under the (left-aligned) column title.
    const QRectF pill(cell.left(), cell.center().y() - size.height() / 2.0 + 1, width,
                      size.height());
    Theme::paintBadge(painter, pill, text, Theme::statusColor(*status, option.palette),
                      option.palette, option.font);
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return size;
    const QSize badge = Theme::badgeSize(option.font, text);
    return QSize(qMax(size.width(), badge.width() + 2 * Theme::Spacing + Theme::SpacingSmall),
                 qMax(size.height(), badge.height() + Theme::SpacingSmall));
}

BadgeLabel::BadgeLabel(const QString &text, DisplayStatus status, QWidget *parent) : QWidget(parent)
{
    setStatus(text, status);
}

BadgeLabel::BadgeLabel(const QString &text, QWidget *parent) : QWidget(parent), m_text(text)
{
    setAccessibleName(text);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void BadgeLabel::setStatus(const QString &text, DisplayStatus status)
{
    m_text = text;
    m_status = status;
    setAccessibleName(text);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    updateGeometry();
    update();
}

QSize BadgeLabel::sizeHint() const
{
    return Theme::badgeSize(font(), m_text) + QSize(2, 2);
}

void BadgeLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QColor color =
        m_status ? Theme::statusColor(*m_status, palette()) : Theme::mutedTextColor(palette());
    const QSize size = Theme::badgeSize(font(), m_text);
    const QRectF pill(1, (height() - size.height()) / 2.0, size.width(), size.height());
    Theme::paintBadge(&painter, pill, m_text, color, palette(), font());
}
