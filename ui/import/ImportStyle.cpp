#include "import/ImportStyle.h"

#include "style/Theme.h"

namespace {
QString rgba(const QColor &color, int alpha)
{
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(color.red())
        .arg(color.green())
        .arg(color.blue())
        .arg(alpha);
}
} // namespace

QString ImportStyle::styleSheet(const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    const QColor error = Theme::errorColor(palette);
    const QColor accent = Theme::accentColor(palette);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor border = dark ? window.lighter(150) : window.darker(118);
    const QColor onAccent = dark ? QColor(0x1a, 0x20, 0x2c) : QColor(Qt::white);
    QString css;
    css += QStringLiteral("QLabel#fileError, QLabel#saveError { color: %1; background: %2; "
                          "border: 1px solid %3; border-radius: 6px; padding: 8px; }\n")
               .arg(error.name(), rgba(error, 28), rgba(error, 90));
    css += QStringLiteral("QPushButton#saveButton { background: %1; color: %2; border: none; "
                          "border-radius: 6px; padding: 8px 18px; font-weight: 600; }\n"
                          "QPushButton#saveButton:hover { background: %3; }\n"
                          "QPushButton#saveButton:disabled { background: %4; color: %5; }\n")
               .arg(accent.name(), onAccent.name(), accent.lighter(dark ? 110 : 115).name(),
                    rgba(accent, 80), rgba(text, 140));
    css += QStringLiteral("QPushButton#cancelButton, QPushButton#stopButton, "
                          "QPushButton#selectFileButton, QPushButton#currentPdfButton { "
                          "background: %1; border: 1px solid %2; "
                          "border-radius: 6px; padding: 7px 16px; }\n"
                          "QPushButton#cancelButton:hover, QPushButton#stopButton:hover, "
                          "QPushButton#selectFileButton:hover, QPushButton#selectFileButton:focus, "
                          "QPushButton#currentPdfButton:hover, QPushButton#currentPdfButton:focus "
                          "{ border: 1px solid %3; }\n")
               .arg(base.name(), border.name(), accent.name());
    // The date, list and number fields look like the line edits of the
    // application style sheet (same border, radius and height).
    css += QStringLiteral("QDateEdit, QComboBox, QDoubleSpinBox { border: 1px solid %1; "
                          "border-radius: 6px; padding: 5px 8px; background: %2; "
                          "min-height: 20px; }\n"
                          "QDateEdit:focus, QComboBox:focus, QDoubleSpinBox:focus { border: 1px "
                          "solid %3; }\n"
                          "QDateEdit:disabled, QComboBox:disabled, QDoubleSpinBox:disabled { "
                          "background: %4; color: %5; }\n"
                          "QDateEdit::drop-down, QComboBox::drop-down { subcontrol-origin: "
                          "padding; subcontrol-position: center right; width: 22px; border: "
                          "none; }\n"
                          "QDateEdit::down-arrow, QComboBox::down-arrow { image: "
                          "url(:/icons/chevron-down.svg); width: 14px; height: 14px; }\n"
                          "QComboBox QLineEdit { border: none; padding: 0; background: "
                          "transparent; }\n")
               .arg(border.name(), base.name(), accent.name(), window.name(),
                    Theme::mutedTextColor(palette).name());
    // The reviewer's comment on a rejected certificate (resubmit mode).
    const QColor rejected = Theme::statusColor(DisplayStatus::Rejected, palette);
    css += QStringLiteral("QLabel#rejectionComment { background: %1; border: 1px solid %2; "
                          "border-radius: 6px; padding: 8px; }\n")
               .arg(rgba(rejected, 22), rgba(rejected, 80));
    css += QStringLiteral("QScrollArea#importFieldsArea, QWidget#importFields { background: "
                          "transparent; }\n");
    return css;
}
