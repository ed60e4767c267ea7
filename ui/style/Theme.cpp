#include "style/Theme.h"

#include "style/Sheets.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QVBoxLayout>

namespace {
// One hue per status, a darker shade for light backgrounds and a lighter one
// for dark backgrounds (both keep a contrast ratio above 4.5:1).
struct StatusShades
{
    const char *light;
    const char *dark;
};

StatusShades shadesFor(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Accepted:
        return {"#2c7a7b", "#81e6d9"}; // teal: valid, no review needed
    case DisplayStatus::Validated:
        return {"#2f7d4f", "#9ae6b4"}; // green: valid and checked
    case DisplayStatus::Pending:
        return {"#2b6cb0", "#90cdf4"}; // blue: waiting for someone
    case DisplayStatus::ExpiringSoon:
        return {"#b45309", "#fbd38d"}; // amber: act soon
    case DisplayStatus::Rejected:
        return {"#b83280", "#fbb6ce"}; // magenta: the owner must act
    case DisplayStatus::Revoked:
        return {"#4a5568", "#cbd5e0"}; // slate: withdrawn, kept for the record
    case DisplayStatus::Renewed:
        return {"#5a67d8", "#c3dafe"}; // indigo: replaced by a newer one
    case DisplayStatus::Expired:
        break;
    }
    return {"#c53030", "#feb2b2"}; // red: no longer valid
}
} // namespace

void Theme::apply(QApplication &app)
{
    app.setStyleSheet(Sheets::application(app.palette()));
    const QIcon logo = icon(QStringLiteral("certdesk"));
    if (!logo.isNull())
        QApplication::setWindowIcon(logo);
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor Theme::accentColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x63, 0xb3, 0xed) : QColor(0x2b, 0x6c, 0xb0);
}

QColor Theme::mutedTextColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // Two thirds of the way from the base colour to the text colour.
    return QColor((base.red() + 2 * text.red()) / 3, (base.green() + 2 * text.green()) / 3,
                  (base.blue() + 2 * text.blue()) / 3);
}

QColor Theme::errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xfe, 0xb2, 0xb2) : QColor(0xc5, 0x30, 0x30);
}

QColor Theme::borderColor(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    return isDark(palette) ? window.lighter(150) : window.darker(118);
}

QColor Theme::onAccentColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x1a, 0x20, 0x2c) : QColor(Qt::white);
}

QString Theme::rgba(const QColor &color, int alpha)
{
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(color.red())
        .arg(color.green())
        .arg(color.blue())
        .arg(alpha);
}

QPalette Theme::darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc4));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    dark.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa0));
    return dark;
}

QColor Theme::statusColor(DisplayStatus status, const QPalette &palette)
{
    const StatusShades shades = shadesFor(status);
    return QColor(QString::fromLatin1(isDark(palette) ? shades.dark : shades.light));
}

QIcon Theme::statusDot(const QColor &color)
{
    // One pixmap per scale a screen may have, so that the dot stays sharp
    // (QIcon picks the one of the device pixels asked for).
    QIcon dot;
    for (const int scale : {1, 2, 3}) {
        QPixmap pixmap(12 * scale, 12 * scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.scale(scale, scale);
        painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
        painter.end();
        dot.addPixmap(pixmap);
    }
    return dot;
}

QColor Theme::mix(const QColor &base, const QColor &tint, qreal amount)
{
    const float a = float(qBound(0.0, amount, 1.0));
    return QColor::fromRgbF(base.redF() * (1 - a) + tint.redF() * a,
                            base.greenF() * (1 - a) + tint.greenF() * a,
                            base.blueF() * (1 - a) + tint.blueF() * a);
}

QFont Theme::badgeFont(const QFont &font)
{
    QFont badge = font;
    badge.setWeight(QFont::DemiBold);
    badge.setPointSizeF(font.pointSizeF() * 0.9);
    return badge;
}

QSize Theme::badgeSize(const QFont &font, const QString &text)
{
    const QFontMetrics metrics(badgeFont(font));
    const int height = metrics.height() + 6;
    return QSize(metrics.horizontalAdvance(text) + 2 * Spacing + 2, height);
}

void Theme::paintBadge(QPainter *painter, const QRectF &rect, const QString &text,
                       const QColor &color, const QPalette &palette, const QFont &font)
{
    const bool dark = isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(mix(base, color, dark ? 0.55 : 0.35), 1.0));
    painter->setBrush(mix(base, color, dark ? 0.2 : 0.12));
    const qreal radius = rect.height() / 2;
    painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->setFont(badgeFont(font));
    painter->setPen(color);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
}

QIcon Theme::icon(const QString &name)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

QIcon Theme::tintedIcon(const QString &name, const QColor &color)
{
    QIcon source = icon(name);
    if (source.isNull())
        return source;
    QIcon tinted;
    for (const int size : {16, 20, 24, 32, 48}) {
        QPixmap pixmap = source.pixmap(QSize(size, size));
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), color);
        painter.end();
        tinted.addPixmap(pixmap);
    }
    return tinted;
}

QLabel *Theme::titleLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("pageTitle"));
    label->setAccessibleName(text);
    return label;
}

QLabel *Theme::noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, mutedTextColor(palette));
    label->setPalette(palette);
    return label;
}

QLabel *Theme::sectionLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

QLabel *Theme::valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *Theme::errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, errorColor(palette));
    label->setPalette(palette);
    label->hide();
    return label;
}

QWidget *Theme::emptyState(const QString &iconName, const QString &text, const QString &note,
                           QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setSpacing(Spacing);
    layout->addStretch(1);
    const QIcon symbol = icon(iconName);
    if (!symbol.isNull()) {
        auto *picture = new QLabel(widget);
        picture->setPixmap(symbol.pixmap(QSize(48, 48), widget->devicePixelRatioF()));
        picture->setAlignment(Qt::AlignHCenter);
        layout->addWidget(picture);
    }
    auto *line = new QLabel(text, widget);
    line->setObjectName(QStringLiteral("emptyState"));
    line->setAccessibleName(text);
    line->setAlignment(Qt::AlignHCenter);
    layout->addWidget(line);
    if (!note.isEmpty()) {
        QLabel *below = noteLabel(note, widget);
        below->setAlignment(Qt::AlignHCenter);
        layout->addWidget(below);
    }
    layout->addStretch(2);
    return widget;
}

QIcon Theme::avatar(const QString &name, const QPalette &palette)
{
    constexpr int size = 64;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(accentColor(palette));
    painter.drawEllipse(QRectF(0, 0, size, size));
    QFont font = painter.font();
    font.setPixelSize(size * 2 / 5);
    font.setWeight(QFont::DemiBold);
    painter.setFont(font);
    painter.setPen(onAccentColor(palette));
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initials(name));
    return QIcon(pixmap);
}

QIcon Theme::badgedIcon(const QIcon &base, int count)
{
    if (count <= 0)
        return base;
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    QIcon badged;
    for (const int size : {16, 22, 24, 32, 48, 64, 128}) {
        QPixmap pixmap = base.pixmap(QSize(size, size));
        if (pixmap.isNull()) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Qt::transparent);
        }
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QFont font = painter.font();
        font.setPixelSize(std::max(7, size * 9 / 20));
        font.setBold(true);
        painter.setFont(font);
        const qreal height = size * 0.55;
        const qreal width =
            std::max(height, QFontMetricsF(font).horizontalAdvance(text) + height * 0.4);
        const QRectF badge(size - std::min<qreal>(width, size), 0, std::min<qreal>(width, size),
                           height);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawRoundedRect(badge, height / 2, height / 2);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
        painter.end();
        badged.addPixmap(pixmap);
    }
    return badged;
}

QString Theme::dateText(const QDate &date)
{
    if (!date.isValid())
        return QString();
    return QLocale().toString(date, QStringLiteral("d MMM yyyy"));
}

QString Theme::dateTimeText(const QDateTime &dateTime)
{
    return Domain::dateTimeText(dateTime);
}

QString Theme::initials(const QString &name)
{
    QString result;
    const auto parts = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        result += part.at(0).toUpper();
        if (result.size() == 2)
            break;
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}
