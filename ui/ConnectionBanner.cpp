#include "ConnectionBanner.h"

#include "Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// A round mark in the banner's colour: "!" while lost, a tick when back.
QPixmap markPixmap(const QColor &color, const QColor &mark, bool ok, qreal ratio)
{
    constexpr int size = 22;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    if (ok) {
        QPen pen(mark, 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        const QPointF points[] = {{6.5, 11.5}, {9.8, 14.8}, {15.8, 7.8}};
        painter.drawPolyline(points, 3);
    } else {
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(15);
        painter.setFont(font);
        painter.setPen(mark);
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QStringLiteral("!"));
    }
    return pixmap;
}
} // namespace

ConnectionBanner::ConnectionBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("connectionBanner"));
    setAccessibleName(tr("Database connection"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingLarge, Theme::Spacing, Theme::Spacing, Theme::Spacing);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("connectionBannerIcon"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("connectionBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    QFont bold = m_text->font();
    bold.setWeight(QFont::DemiBold);
    m_text->setFont(bold);
    texts->addWidget(m_text);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("connectionBannerDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(m_detail);
    layout->addLayout(texts, 1);

    m_reconnect = new QPushButton(tr("Reconnect now"), this);
    m_reconnect->setObjectName(QStringLiteral("connectionBannerReconnectButton"));
    m_reconnect->setAccessibleName(tr("Reconnect to the database now"));
    m_reconnect->setProperty("secondary", true);
    connect(m_reconnect, &QPushButton::clicked, this, &ConnectionBanner::reconnectRequested);
    layout->addWidget(m_reconnect, 0, Qt::AlignVCenter);

    m_hideTimer = new QTimer(this);
    m_hideTimer->setSingleShot(true);
    m_hideTimer->setInterval(RestoredNoticeMs);
    connect(m_hideTimer, &QTimer::timeout, this, [this] {
        if (!m_lost)
            hide();
    });

    applyColours();
    hide();
}

void ConnectionBanner::showLost(const QString &detail)
{
    m_hideTimer->stop();
    m_lost = true;
    m_text->setText(tr("The connection to the database was lost. CertDesk reconnects by itself; "
                       "what you type is kept."));
    // libpq's messages run over several lines; the first says it.
    const QString first = detail.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    m_detail->setText(first);
    m_detail->setVisible(!first.isEmpty());
    m_reconnect->show();
    m_reconnect->setEnabled(true);
    setAccessibleDescription(m_text->text());
    applyColours();
    show();
}

void ConnectionBanner::showRetryFailed(const QString &detail, int nextMs)
{
    if (!m_lost)
        showLost(detail);
    const int seconds = qMax(1, (nextMs + 999) / 1000);
    const QString first = detail.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    // English has no plural forms file: one and many are two strings.
    const QString next = seconds == 1
                             ? tr("Still not connected; next try in 1 second.")
                             : tr("Still not connected; next try in %1 seconds.").arg(seconds);
    m_detail->setText(first.isEmpty() ? next : next + QLatin1Char(' ') + first);
    m_detail->show();
}

void ConnectionBanner::showRestored()
{
    m_lost = false;
    m_text->setText(tr("Connected again."));
    m_detail->clear();
    m_detail->hide();
    m_reconnect->hide();
    setAccessibleDescription(m_text->text());
    applyColours();
    if (isVisible())
        m_hideTimer->start();
    else
        hide();
}

QString ConnectionBanner::text() const
{
    return m_text->text();
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The style sheet set here must not start another round of this.
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColours();
}

void ConnectionBanner::applyColours()
{
    m_applying = true;
    const QPalette colors = palette();
    // Lost: the error colour; back: the accent colour, calmer.
    const QColor tint = m_lost ? Theme::errorColor(colors) : Theme::accentColor(colors);
    const bool dark = Theme::isDark(colors);
    const QColor base = colors.color(QPalette::Base);
    const QColor background = Theme::mix(base, tint, dark ? 0.16 : 0.08);
    const QColor border = Theme::mix(base, tint, dark ? 0.55 : 0.45);
    // Only this frame: the button keeps the application's look.
    setStyleSheet(QStringLiteral("QFrame#connectionBanner { background: %1; border: 1px solid %2; "
                                 "border-radius: 6px; }\n"
                                 "QFrame#connectionBanner QLabel { background: transparent; }\n")
                      .arg(background.name(), border.name()));
    QPalette muted = m_detail->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor(colors));
    m_detail->setPalette(muted);
    const QColor mark = dark ? QColor(0x1a, 0x20, 0x2c) : QColor(Qt::white);
    m_icon->setPixmap(markPixmap(tint, mark, !m_lost, devicePixelRatioF()));
    m_applying = false;
}
