#include "style/Theme.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontMetrics>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QVBoxLayout>

namespace {
QString rgba(const QColor &color, int alpha)
{
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(color.red())
        .arg(color.green())
        .arg(color.blue())
        .arg(alpha);
}

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
    case DisplayStatus::Expired:
        break;
    }
    return {"#c53030", "#feb2b2"}; // red: no longer valid
}
} // namespace

void Theme::apply(QApplication &app)
{
    app.setStyleSheet(styleSheet(app.palette()));
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

QString Theme::styleSheet(const QPalette &palette)
{
    const bool dark = isDark(palette);
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor accent = accentColor(palette);
    const QColor error = errorColor(palette);
    const QColor sidebar = dark ? window.lighter(115) : window.darker(104);
    const QColor border = dark ? window.lighter(150) : window.darker(118);
    const QColor buttonText = dark ? QColor(0x1a, 0x20, 0x2c) : QColor(Qt::white);

    QString css;
    css += QStringLiteral("QWidget#signInBackground { background: %1; }\n").arg(window.name());
    css += QStringLiteral("QFrame#card { background: %1; border: 1px solid %2; "
                          "border-radius: 12px; }\n")
               .arg(base.name(), border.name());
    css += QStringLiteral("QFrame#card QLabel { background: transparent; }\n");
    css += QStringLiteral("QLabel#signInHeading { font-size: 18pt; font-weight: 600; }\n");
    css += QStringLiteral("QLabel#signInError { color: %1; background: %2; border: 1px solid %3; "
                          "border-radius: 6px; padding: 8px; }\n")
               .arg(error.name(), rgba(error, 28), rgba(error, 90));
    css += QStringLiteral("QLabel#pageTitle, QLabel#certificateTitle, QLabel#profileName { "
                          "font-size: 16pt; font-weight: 600; }\n");
    css += QStringLiteral("QLabel#emptyState { font-size: 13pt; }\n");
    css += QStringLiteral("QLineEdit { padding: 6px 8px; border: 1px solid %1; border-radius: 6px; "
                          "background: %2; }\n"
                          "QLineEdit:focus { border: 1px solid %3; }\n")
               .arg(border.name(), base.name(), accent.name());
    css += QStringLiteral("QPushButton#signInButton { background: %1; color: %2; border: none; "
                          "border-radius: 6px; padding: 9px 16px; font-weight: 600; }\n"
                          "QPushButton#signInButton:hover { background: %3; }\n"
                          "QPushButton#signInButton:disabled { background: %4; color: %5; }\n")
               .arg(accent.name(), buttonText.name(), accent.lighter(dark ? 110 : 115).name(),
                    rgba(accent, 80), rgba(text, 140));
    css += QStringLiteral("QWidget#sidebar { background: %1; border-right: 1px solid %2; }\n")
               .arg(sidebar.name(), border.name());
    css += QStringLiteral("QLabel#sidebarTitle { font-size: 13pt; font-weight: 600; }\n");
    css += QStringLiteral(
               "QListWidget#navigation { background: transparent; border: none; outline: none; }\n"
               "QListWidget#navigation::item { padding: 8px 10px; margin: 1px 8px; "
               "border-radius: 6px; color: %1; }\n"
               "QListWidget#navigation::item:hover { background: %2; }\n"
               "QListWidget#navigation::item:selected { background: %3; color: %1; }\n")
               .arg(text.name(), rgba(text, 18), rgba(accent, dark ? 70 : 40));
    css += QStringLiteral("QWidget#topBar { background: %1; border-bottom: 1px solid %2; }\n")
               .arg(base.name(), border.name());
    css += QStringLiteral("QToolButton#profileButton { border: 1px solid transparent; "
                          "border-radius: 6px; padding: 4px 8px; }\n"
                          "QToolButton#profileButton:hover { border: 1px solid %1; }\n"
                          "QToolButton#profileButton::menu-indicator { image: none; }\n")
               .arg(border.name());
    css += QStringLiteral("QTreeWidget { border: 1px solid %1; border-radius: 6px; }\n"
                          "QTreeWidget::item { padding: 5px 2px; }\n")
               .arg(border.name());
    css += QStringLiteral("QHeaderView::section { padding: 6px 4px; font-weight: 600; }\n");
    // Item views of the Results and Users pages (QTableView over lazy models).
    css +=
        QStringLiteral("QTableView { border: 1px solid %1; border-radius: 6px; "
                       "gridline-color: transparent; background: %2; "
                       "alternate-background-color: %3; }\n"
                       "QTableView::item { padding: 2px 6px; border: none; }\n"
                       "QTableView::item:selected { background: %4; color: %5; }\n"
                       "QTableView QHeaderView::section { padding: 7px 6px 7px 8px; border: none; "
                       "border-bottom: 1px solid %1; background: %2; }\n")
            .arg(border.name(), base.name(), mix(base, window, dark ? 0.5 : 0.6).name(),
                 rgba(accent, dark ? 90 : 50), text.name());
    css += QStringLiteral("QLabel#sectionTitle { font-size: 13pt; font-weight: 600; }\n");
    // Primary (accent) and secondary (outlined) push buttons.
    css +=
        QStringLiteral("QPushButton[primary=\"true\"] { background: %1; color: %2; border: none; "
                       "border-radius: 6px; padding: 7px 14px; font-weight: 600; }\n"
                       "QPushButton[primary=\"true\"]:hover { background: %3; }\n"
                       "QPushButton[primary=\"true\"]:focus { outline: none; border: 2px solid "
                       "%4; padding: 5px 12px; }\n"
                       "QPushButton[primary=\"true\"]:disabled { background: %5; color: %6; }\n")
            .arg(accent.name(), buttonText.name(), accent.lighter(dark ? 110 : 115).name(),
                 accent.darker(dark ? 140 : 160).name(), rgba(accent, 80), rgba(text, 140));
    css += QStringLiteral("QPushButton[secondary=\"true\"] { background: %1; border: 1px solid %2; "
                          "border-radius: 6px; padding: 6px 12px; }\n"
                          "QPushButton[secondary=\"true\"]:hover, "
                          "QPushButton[secondary=\"true\"]:focus { border: 1px solid %3; }\n"
                          "QPushButton[secondary=\"true\"]:checked { background: %4; "
                          "border: 1px solid %3; }\n"
                          "QPushButton[secondary=\"true\"]:disabled { color: %5; }\n")
               .arg(base.name(), border.name(), accent.name(), rgba(accent, dark ? 70 : 40),
                    rgba(text, 110));
    // Segmented tabs (Current / Deleted) and the profile's tabs.
    css += QStringLiteral("QTabBar#usersTabs::tab { padding: 6px 16px; border: 1px solid %1; "
                          "background: %2; margin-right: -1px; }\n"
                          "QTabBar#usersTabs::tab:first { border-top-left-radius: 6px; "
                          "border-bottom-left-radius: 6px; }\n"
                          "QTabBar#usersTabs::tab:last { border-top-right-radius: 6px; "
                          "border-bottom-right-radius: 6px; }\n"
                          "QTabBar#usersTabs::tab:selected { background: %3; border: 1px solid "
                          "%4; }\n"
                          "QTabBar#usersTabs::tab:hover:!selected { background: %5; }\n")
               .arg(border.name(), base.name(), rgba(accent, dark ? 70 : 40), accent.name(),
                    rgba(text, 18));
    // Underlined tabs (a profile's Overview and Results).
    css += QStringLiteral("QTabWidget#profileTabs::pane { border: none; border-top: 1px solid "
                          "%1; top: -1px; }\n"
                          "QTabWidget#profileTabs QTabBar::tab { padding: 8px 14px; margin-right: "
                          "4px; border: none; border-bottom: 2px solid transparent; background: "
                          "transparent; color: %2; }\n"
                          "QTabWidget#profileTabs QTabBar::tab:selected { border-bottom: 2px "
                          "solid %3; color: %4; }\n"
                          "QTabWidget#profileTabs QTabBar::tab:hover:!selected { border-bottom: "
                          "2px solid %1; }\n")
               .arg(border.name(), mutedTextColor(palette).name(), accent.name(), text.name());
    // Inline messages (a refused drop, an import done).
    css += QStringLiteral("QFrame#sectionBanner { border-radius: 6px; border: 1px solid %1; "
                          "background: %2; }\n"
                          "QFrame#sectionBanner[kind=\"error\"] { border: 1px solid %3; "
                          "background: %4; }\n"
                          "QFrame#sectionBanner QLabel { background: transparent; }\n"
                          "QFrame#sectionBanner[kind=\"error\"] QLabel#sectionBannerText { "
                          "color: %5; }\n"
                          "QToolButton#sectionBannerClose { border: none; padding: 2px; }\n")
               .arg(rgba(accent, 110), rgba(accent, dark ? 40 : 22), rgba(error, 110),
                    rgba(error, dark ? 40 : 22), error.name());
    return css;
}

QColor Theme::statusColor(DisplayStatus status, const QPalette &palette)
{
    const StatusShades shades = shadesFor(status);
    return QColor(QString::fromLatin1(isDark(palette) ? shades.dark : shades.light));
}

QIcon Theme::statusDot(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
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
    const QIcon source = icon(name);
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
    painter.setPen(isDark(palette) ? QColor(0x1a, 0x20, 0x2c) : QColor(Qt::white));
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initials(name));
    return QIcon(pixmap);
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
