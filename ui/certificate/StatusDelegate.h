#pragma once

#include "core/Domain.h"

#include <QStyledItemDelegate>
#include <QWidget>

#include <optional>

// Draws a status as a badge (Theme::paintBadge): a rounded pill in the
// status colour of the palette, light or dark.
//
// On the Results page's status column the status comes from the model's
// DisplayStatusRole (CertificateListModel); on the Users page's count
// columns the delegate is given one status per column and draws the count
// (an empty cell stays empty). The text is always the model's DisplayRole,
// so the badge says what a screen reader reads.
class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // statusRole: the model role that holds a DisplayStatus as int.
    explicit StatusDelegate(int statusRole, QObject *parent = nullptr);
    // Every cell of the column shows this status (count columns).
    StatusDelegate(DisplayStatus fixed, QObject *parent);

    std::optional<DisplayStatus> statusOf(const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_statusRole = -1;
    std::optional<DisplayStatus> m_fixed;
};

// One badge as a widget (a certificate's status in its details, "Deleted" on
// a profile). Its accessible name is its text.
class BadgeLabel : public QWidget
{
    Q_OBJECT

public:
    BadgeLabel(const QString &text, DisplayStatus status, QWidget *parent = nullptr);
    // A badge in the muted text colour (not a certificate status).
    explicit BadgeLabel(const QString &text, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setStatus(const QString &text, DisplayStatus status);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    std::optional<DisplayStatus> m_status;
};
