#include "widgets/Banner.h"

#include "style/Sheets.h"
#include "style/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// A round mark in the banner's colour: "!" for a problem, a tick when fine,
// "i" for a notice.
QPixmap markPixmap(const QColor &color, const QColor &mark, Banner::Tone tone, qreal ratio)
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
    if (tone == Banner::Tone::Fine) {
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
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter,
                         tone == Banner::Tone::Info ? QStringLiteral("i") : QStringLiteral("!"));
    }
    return pixmap;
}
} // namespace

Banner::Banner(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    setAttribute(Qt::WA_StyledBackground);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(Theme::SpacingLarge, Theme::Spacing, Theme::Spacing,
                                 Theme::Spacing);
    m_layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);

    m_icon = new QLabel(this);
    m_icon->setObjectName(objectName + QStringLiteral("Icon"));
    m_layout->addWidget(m_icon, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    m_text = new QLabel(this);
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    QFont bold = m_text->font();
    bold.setWeight(QFont::DemiBold);
    m_text->setFont(bold);
    texts->addWidget(m_text);
    m_detail = new QLabel(this);
    m_detail->setObjectName(objectName + QStringLiteral("Detail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(m_detail);
    m_layout->addLayout(texts, 1);

    applyColours();
    hide();
}

QPushButton *Banner::addButton(const QString &text, const QString &accessibleName,
                               const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setProperty("secondary", true);
    m_layout->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

QString Banner::text() const
{
    return m_text->text();
}

void Banner::setMessage(const QString &text, const QString &detail)
{
    m_text->setText(text);
    setDetail(detail);
}

void Banner::setDetail(const QString &detail)
{
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleDescription(detail.isEmpty() ? m_text->text()
                                              : m_text->text() + QLatin1Char(' ') + detail);
}

void Banner::setTone(Tone tone)
{
    if (tone == m_tone)
        return;
    m_tone = tone;
    applyColours();
}

void Banner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The style sheet set here must not start another round of this.
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColours();
}

void Banner::applyColours()
{
    m_applying = true;
    const QPalette colors = palette();
    const bool problem = m_tone == Tone::Problem;
    const QColor tint = problem ? Theme::errorColor(colors) : Theme::accentColor(colors);
    setStyleSheet(Sheets::banner(objectName(), tint, colors));
    QPalette muted = m_detail->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor(colors));
    m_detail->setPalette(muted);
    const QColor mark = Theme::onAccentColor(colors);
    m_icon->setPixmap(markPixmap(tint, mark, m_tone, devicePixelRatioF()));
    m_applying = false;
}
