#include "MailBanner.h"

#include "Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// A round "!" in the error colour, readable on the tinted background.
QPixmap warningPixmap(const QColor &color, const QColor &mark, qreal ratio)
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
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(15);
    painter.setFont(font);
    painter.setPen(mark);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QStringLiteral("!"));
    return pixmap;
}
} // namespace

MailBanner::MailBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("mailBanner"));
    setAccessibleName(tr("Email problems"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(Theme::SpacingLarge, Theme::Spacing, Theme::Spacing, Theme::Spacing);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("mailBannerIcon"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("mailBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    QFont bold = m_text->font();
    bold.setWeight(QFont::DemiBold);
    m_text->setFont(bold);
    texts->addWidget(m_text);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("mailBannerDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(m_detail);
    layout->addLayout(texts, 1);

    m_show = new QPushButton(tr("Show failed emails"), this);
    m_show->setObjectName(QStringLiteral("mailBannerShowButton"));
    m_show->setAccessibleName(tr("Show the emails that could not be sent"));
    m_show->setProperty("secondary", true);
    connect(m_show, &QPushButton::clicked, this, &MailBanner::showFailedRequested);
    layout->addWidget(m_show, 0, Qt::AlignVCenter);
    m_settings = new QPushButton(tr("Email settings"), this);
    m_settings->setObjectName(QStringLiteral("mailBannerSettingsButton"));
    m_settings->setAccessibleName(tr("Open the Email settings"));
    m_settings->setProperty("secondary", true);
    connect(m_settings, &QPushButton::clicked, this, &MailBanner::settingsRequested);
    layout->addWidget(m_settings, 0, Qt::AlignVCenter);

    applyColours();
    hide();
}

void MailBanner::setState(int failed, int waiting, const QString &problem)
{
    m_failed = failed;
    // A server problem matters while emails wait for it; failed emails always.
    m_wanted = failed > 0 || (!problem.isEmpty() && waiting > 0);
    if (failed == 1)
        m_text->setText(tr("1 email could not be sent."));
    else if (failed > 1)
        m_text->setText(tr("%1 emails could not be sent.").arg(failed));
    else if (waiting == 1)
        m_text->setText(tr("1 email is waiting to be sent."));
    else
        m_text->setText(tr("%1 emails are waiting to be sent.").arg(waiting));
    m_detail->setText(problem);
    m_detail->setVisible(!problem.isEmpty());
    m_show->setVisible(failed > 0);
    m_settings->setVisible(failed == 0);
    setAccessibleDescription(problem.isEmpty() ? m_text->text()
                                               : m_text->text() + QLatin1Char(' ') + problem);
    setVisible(m_wanted);
}

QString MailBanner::text() const
{
    return m_text->text();
}

void MailBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The style sheet set here must not start another round of this.
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColours();
}

void MailBanner::applyColours()
{
    m_applying = true;
    const QPalette colors = palette();
    const QColor error = Theme::errorColor(colors);
    const bool dark = Theme::isDark(colors);
    const QColor base = colors.color(QPalette::Base);
    const QColor background = Theme::mix(base, error, dark ? 0.16 : 0.08);
    const QColor border = Theme::mix(base, error, dark ? 0.55 : 0.45);
    // Only this frame: the buttons keep the application's look.
    setStyleSheet(QStringLiteral("QFrame#mailBanner { background: %1; border: 1px solid %2; "
                                 "border-radius: 6px; }\n"
                                 "QFrame#mailBanner QLabel { background: transparent; }\n")
                      .arg(background.name(), border.name()));
    QPalette muted = m_detail->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor(colors));
    m_detail->setPalette(muted);
    const QColor mark = dark ? QColor(0x1a, 0x20, 0x2c) : QColor(Qt::white);
    m_icon->setPixmap(warningPixmap(error, mark, devicePixelRatioF()));
    m_applying = false;
}
