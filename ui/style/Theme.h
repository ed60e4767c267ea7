#pragma once

#include "core/Domain.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QApplication;
class QFont;
class QLabel;
class QPainter;
class QPalette;
class QRectF;
class QSize;
class QWidget;

// The look of CertDesk in one place: spacing, colours (derived from the
// palette, so that light and dark desktops both work), status colours, icons
// and the few text formats every page shares. The style sheets are built from
// these colours by Sheets (style/Sheets.h).
class Theme
{
public:
    // Spacing, in device-independent pixels.
    static constexpr int SpacingSmall = 4;
    static constexpr int Spacing = 8;
    static constexpr int SpacingLarge = 16;
    static constexpr int SpacingXLarge = 24;
    static constexpr int NavigationWidth = 220;

    // Sets the style sheet (Sheets::application) and window icon on the
    // application.
    static void apply(QApplication &app);
    static bool isDark(const QPalette &palette);
    // A dark palette of the desktop's kind, for screenshots and tests of the
    // dark look (the application itself follows the desktop's palette).
    static QPalette darkPalette();

    // A colour for a certificate's display status that reads well on the
    // palette's base colour (light or dark).
    static QColor statusColor(DisplayStatus status, const QPalette &palette);
    // A small filled circle of that colour, for lists.
    static QIcon statusDot(const QColor &color);
    // A colour amount (0..1) of the way from base to tint.
    static QColor mix(const QColor &base, const QColor &tint, qreal amount);

    // Badges (status pills, "Deleted"): a rounded pill filled with a light
    // (or, on a dark palette, deep) tint of color, its text in color. The
    // fill is opaque, so a badge stays readable on a selected row too.
    static QFont badgeFont(const QFont &font);
    static QSize badgeSize(const QFont &font, const QString &text);
    static void paintBadge(QPainter *painter, const QRectF &rect, const QString &text,
                           const QColor &color, const QPalette &palette, const QFont &font);
    // Muted text (notes, secondary lines) and the error colour.
    static QColor mutedTextColor(const QPalette &palette);
    static QColor errorColor(const QPalette &palette);
    static QColor accentColor(const QPalette &palette);
    // The hairline border of cards, fields and lists.
    static QColor borderColor(const QPalette &palette);
    // Text and icons on an accent-coloured fill (buttons, avatars, badges).
    static QColor onAccentColor(const QPalette &palette);
    // "rgba(r, g, b, alpha)" for a style sheet, alpha from 0 to 255.
    static QString rgba(const QColor &color, int alpha);

    // :/icons/NAME.svg, or a null icon when the file is missing.
    static QIcon icon(const QString &name);
    // A one-colour icon redrawn in color (the line icons on a dark palette).
    static QIcon tintedIcon(const QString &name, const QColor &color);

    // A page's title label and a secondary (muted, word-wrapped) note label.
    static QLabel *titleLabel(const QString &text, QWidget *parent);
    static QLabel *noteLabel(const QString &text, QWidget *parent);
    // A section's heading inside a page or card (semi-bold, a little larger;
    // its accessible name without the mnemonic).
    static QLabel *sectionLabel(const QString &text, const QString &objectName, QWidget *parent);
    // A value shown as plain, word-wrapped, selectable text.
    static QLabel *valueLabel(const QString &objectName, QWidget *parent);
    // A hidden, word-wrapped label in the error colour, for a failed load.
    static QLabel *errorLabel(const QString &objectName, QWidget *parent);
    // A centred icon, line and note for an empty list (objectName "emptyState"
    // on the line).
    static QWidget *emptyState(const QString &iconName, const QString &text, const QString &note,
                               QWidget *parent);
    // A round avatar with initials, in the accent colour.
    static QIcon avatar(const QString &name, const QPalette &palette);
    // The icon with a red count in its top right corner (none for 0; 99+
    // above 99), drawn at the tray's usual sizes.
    static QIcon badgedIcon(const QIcon &base, int count);

    // Dates as people read them ("10 Jan 2025", in the current language).
    static QString dateText(const QDate &date);
    static QString dateTimeText(const QDateTime &dateTime);
    // "AM" for "Alex Morgan": the profile button's avatar.
    static QString initials(const QString &name);
};
