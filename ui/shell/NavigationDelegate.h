#pragma once

#include <QStyledItemDelegate>

// Draws a navigation row as the style does, plus a count badge on the right
// (the unread notifications) when the row's BadgeRole holds a number > 0.
class NavigationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int BadgeRole = Qt::UserRole + 10;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
