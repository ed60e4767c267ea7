#include "shell/NavigationDelegate.h"

#include "style/Theme.h"

#include <QPainter>

void NavigationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const int count = index.data(BadgeRole).toInt();
    if (count <= 0)
        return;
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    QFont font = option.font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    const int width = qMax(height, metrics.horizontalAdvance(text) + 12);
    // Inside the item's rounded background (the style sheet's 8 px margin).
    const QRect badge(option.rect.right() - 8 - Theme::Spacing - width,
                      option.rect.center().y() - height / 2 + 1, width, height);
    const QPalette &palette = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::accentColor(palette));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(Theme::onAccentColor(palette));
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize NavigationDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), 40));
    return size;
}
