#include "style/Sheets.h"

#include "style/Theme.h"

namespace {
// The colours every style sheet is built from, derived once from a palette.
struct Colors
{
    explicit Colors(const QPalette &palette)
        : dark(Theme::isDark(palette)), window(palette.color(QPalette::Window)),
          base(palette.color(QPalette::Base)), text(palette.color(QPalette::Text)),
          muted(Theme::mutedTextColor(palette)), accent(Theme::accentColor(palette)),
          error(Theme::errorColor(palette)), border(Theme::borderColor(palette)),
          onAccent(Theme::onAccentColor(palette))
    {}
    bool dark;
    QColor window;
    QColor base;
    QColor text;
    QColor muted;
    QColor accent;
    QColor error;
    QColor border;
    QColor onAccent;
};

QString rgba(const QColor &color, int alpha)
{
    return Theme::rgba(color, alpha);
}

// The application style sheet, in parts: sign-in, the shell around the
// pages, item views, push buttons, tabs and inline banners.
QString signInRules(const Colors &c)
{
    QString css;
    css += QStringLiteral("QWidget#signInBackground { background: %1; }\n").arg(c.window.name());
    css += QStringLiteral("QFrame#card { background: %1; border: 1px solid %2; "
                          "border-radius: 12px; }\n")
               .arg(c.base.name(), c.border.name());
    css += QStringLiteral("QFrame#card QLabel { background: transparent; }\n");
    css += QStringLiteral("QLabel#signInHeading { font-size: 18pt; font-weight: 600; }\n");
    css += QStringLiteral("QLabel#signInError { color: %1; background: %2; border: 1px solid %3; "
                          "border-radius: 6px; padding: 8px; }\n")
               .arg(c.error.name(), rgba(c.error, 28), rgba(c.error, 90));
    css += QStringLiteral("QLabel#pageTitle, QLabel#certificateTitle, QLabel#profileName { "
                          "font-size: 16pt; font-weight: 600; }\n");
    css += QStringLiteral("QLabel#emptyState { font-size: 13pt; }\n");
    css += QStringLiteral("QLineEdit { padding: 6px 8px; border: 1px solid %1; border-radius: 6px; "
                          "background: %2; }\n"
                          "QLineEdit:focus { border: 1px solid %3; }\n")
               .arg(c.border.name(), c.base.name(), c.accent.name());
    css += QStringLiteral("QPushButton#signInButton { background: %1; color: %2; border: none; "
                          "border-radius: 6px; padding: 9px 16px; font-weight: 600; }\n"
                          "QPushButton#signInButton:hover { background: %3; }\n"
                          "QPushButton#signInButton:disabled { background: %4; color: %5; }\n")
               .arg(c.accent.name(), c.onAccent.name(), c.accent.lighter(c.dark ? 110 : 115).name(),
                    rgba(c.accent, 80), rgba(c.text, 140));
    return css;
}

QString shellRules(const Colors &c)
{
    const QColor sidebar = c.dark ? c.window.lighter(115) : c.window.darker(104);
    QString css;
    css += QStringLiteral("QWidget#sidebar { background: %1; border-right: 1px solid %2; }\n")
               .arg(sidebar.name(), c.border.name());
    css += QStringLiteral("QLabel#sidebarTitle { font-size: 13pt; font-weight: 600; }\n");
    css += QStringLiteral(
               "QListWidget#navigation { background: transparent; border: none; outline: none; }\n"
               "QListWidget#navigation::item { padding: 8px 10px; margin: 1px 8px; "
               "border-radius: 6px; color: %1; }\n"
               "QListWidget#navigation::item:hover { background: %2; }\n"
               "QListWidget#navigation::item:selected { background: %3; color: %1; }\n")
               .arg(c.text.name(), rgba(c.text, 18), rgba(c.accent, c.dark ? 70 : 40));
    css += QStringLiteral("QWidget#topBar { background: %1; border-bottom: 1px solid %2; }\n")
               .arg(c.base.name(), c.border.name());
    css += QStringLiteral("QToolButton#profileButton { border: 1px solid transparent; "
                          "border-radius: 6px; padding: 4px 8px; }\n"
                          "QToolButton#profileButton:hover { border: 1px solid %1; }\n"
                          "QToolButton#profileButton::menu-indicator { image: none; }\n")
               .arg(c.border.name());
    return css;
}

QString viewRules(const Colors &c)
{
    QString css;
    css += QStringLiteral("QTreeWidget { border: 1px solid %1; border-radius: 6px; }\n"
                          "QTreeWidget::item { padding: 5px 2px; }\n")
               .arg(c.border.name());
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
            .arg(c.border.name(), c.base.name(),
                 Theme::mix(c.base, c.window, c.dark ? 0.5 : 0.6).name(),
                 rgba(c.accent, c.dark ? 90 : 50), c.text.name());
    css += QStringLiteral("QLabel#sectionTitle { font-size: 13pt; font-weight: 600; }\n");
    // Filter chips above a certificate list (CertificateFilterBar).
    css += QStringLiteral("QToolButton[chip=\"true\"] { border: 1px solid %1; border-radius: 10px; "
                          "padding: 3px 11px; background: %2; color: %3; }\n"
                          "QToolButton[chip=\"true\"]:hover { border-color: %4; }\n"
                          "QToolButton[chip=\"true\"]:focus { border: 2px solid %4; "
                          "padding: 2px 10px; }\n"
                          "QToolButton[chip=\"true\"]:checked { background: %5; border-color: %4; "
                          "font-weight: 600; }\n"
                          "QToolButton[chip=\"true\"]:disabled { color: %6; }\n")
               .arg(c.border.name(), c.base.name(), c.text.name(), c.accent.name(),
                    rgba(c.accent, c.dark ? 70 : 40), c.muted.name());
    return css;
}

// Primary (accent) and secondary (outlined) push buttons.
QString buttonRules(const Colors &c)
{
    QString css;
    css +=
        QStringLiteral("QPushButton[primary=\"true\"] { background: %1; color: %2; border: none; "
                       "border-radius: 6px; padding: 7px 14px; font-weight: 600; }\n"
                       "QPushButton[primary=\"true\"]:hover { background: %3; }\n"
                       "QPushButton[primary=\"true\"]:focus { outline: none; border: 2px solid "
                       "%4; padding: 5px 12px; }\n"
                       "QPushButton[primary=\"true\"]:disabled { background: %5; color: %6; }\n")
            .arg(c.accent.name(), c.onAccent.name(), c.accent.lighter(c.dark ? 110 : 115).name(),
                 c.accent.darker(c.dark ? 140 : 160).name(), rgba(c.accent, 80), rgba(c.text, 140));
    css += QStringLiteral("QPushButton[secondary=\"true\"] { background: %1; border: 1px solid %2; "
                          "border-radius: 6px; padding: 6px 12px; }\n"
                          "QPushButton[secondary=\"true\"]:hover, "
                          "QPushButton[secondary=\"true\"]:focus { border: 1px solid %3; }\n"
                          "QPushButton[secondary=\"true\"]:checked { background: %4; "
                          "border: 1px solid %3; }\n"
                          "QPushButton[secondary=\"true\"]:disabled { color: %5; }\n")
               .arg(c.base.name(), c.border.name(), c.accent.name(),
                    rgba(c.accent, c.dark ? 70 : 40), rgba(c.text, 110));
    return css;
}

QString tabRules(const Colors &c)
{
    QString css;
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
               .arg(c.border.name(), c.base.name(), rgba(c.accent, c.dark ? 70 : 40),
                    c.accent.name(), rgba(c.text, 18));
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
               .arg(c.border.name(), c.muted.name(), c.accent.name(), c.text.name());
    return css;
}

// Inline messages (a refused drop, an import done).
QString sectionBannerRules(const Colors &c)
{
    return QStringLiteral("QFrame#sectionBanner { border-radius: 6px; border: 1px solid %1; "
                          "background: %2; }\n"
                          "QFrame#sectionBanner[kind=\"error\"] { border: 1px solid %3; "
                          "background: %4; }\n"
                          "QFrame#sectionBanner QLabel { background: transparent; }\n"
                          "QFrame#sectionBanner[kind=\"error\"] QLabel#sectionBannerText { "
                          "color: %5; }\n"
                          "QToolButton#sectionBannerClose { border: none; padding: 2px; }\n")
        .arg(rgba(c.accent, 110), rgba(c.accent, c.dark ? 40 : 22), rgba(c.error, 110),
             rgba(c.error, c.dark ? 40 : 22), c.error.name());
}

// The import dialog's fields, in parts: buttons, then date, list and number
// fields.
QString importButtonRules(const Colors &c)
{
    QString css;
    css += QStringLiteral("QLabel#fileError, QLabel#saveError { color: %1; background: %2; "
                          "border: 1px solid %3; border-radius: 6px; padding: 8px; }\n")
               .arg(c.error.name(), rgba(c.error, 28), rgba(c.error, 90));
    css += QStringLiteral("QPushButton#saveButton { background: %1; color: %2; border: none; "
                          "border-radius: 6px; padding: 8px 18px; font-weight: 600; }\n"
                          "QPushButton#saveButton:hover { background: %3; }\n"
                          "QPushButton#saveButton:disabled { background: %4; color: %5; }\n")
               .arg(c.accent.name(), c.onAccent.name(), c.accent.lighter(c.dark ? 110 : 115).name(),
                    rgba(c.accent, 80), rgba(c.text, 140));
    css += QStringLiteral("QPushButton#cancelButton, QPushButton#stopButton, "
                          "QPushButton#selectFileButton, QPushButton#currentPdfButton { "
                          "background: %1; border: 1px solid %2; "
                          "border-radius: 6px; padding: 7px 16px; }\n"
                          "QPushButton#cancelButton:hover, QPushButton#stopButton:hover, "
                          "QPushButton#selectFileButton:hover, QPushButton#selectFileButton:focus, "
                          "QPushButton#currentPdfButton:hover, QPushButton#currentPdfButton:focus "
                          "{ border: 1px solid %3; }\n")
               .arg(c.base.name(), c.border.name(), c.accent.name());
    return css;
}

// The date, list and number fields look like the line edits of the
// application style sheet (same border, radius and height).
QString importFieldRules(const Colors &c)
{
    return QStringLiteral("QDateEdit, QComboBox, QDoubleSpinBox { border: 1px solid %1; "
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
        .arg(c.border.name(), c.base.name(), c.accent.name(), c.window.name(), c.muted.name());
}
} // namespace

QString Sheets::application(const QPalette &palette)
{
    const Colors c(palette);
    return signInRules(c) + shellRules(c) + viewRules(c) + buttonRules(c) + tabRules(c) +
           sectionBannerRules(c);
}

QString Sheets::importDialog(const QPalette &palette)
{
    const Colors c(palette);
    QString css = importButtonRules(c) + importFieldRules(c);
    // The reviewer's comment on a rejected certificate (resubmit mode).
    const QColor rejected = Theme::statusColor(DisplayStatus::Rejected, palette);
    css += QStringLiteral("QLabel#rejectionComment { background: %1; border: 1px solid %2; "
                          "border-radius: 6px; padding: 8px; }\n")
               .arg(rgba(rejected, 22), rgba(rejected, 80));
    css += QStringLiteral("QScrollArea#importFieldsArea, QWidget#importFields { background: "
                          "transparent; }\n");
    // The question for a date the PDF prints ambiguously (DateQuestion).
    css += QStringLiteral("DateQuestion { background: %1; border: 1px solid %2; border-radius: "
                          "6px; }\nDateQuestion QLabel { background: transparent; }\n"
                          "DateQuestion QPushButton { padding: 4px 12px; }\n")
               .arg(rgba(c.accent, 22), rgba(c.accent, 90));
    return css;
}

QString Sheets::taskView(const QPalette &palette)
{
    const Colors c(palette);
    return QStringLiteral(
               "QFrame#detailsCard { background: %1; border: 1px solid %2; border-radius: 8px; }\n"
               "QFrame#detailsCard QLabel { background: transparent; }\n"
               "QLabel#taskNotice { color: %3; background: %4; border: 1px solid %5; "
               "border-radius: 6px; padding: 8px; }\n"
               "QPushButton#validateButton { background: %6; color: %7; border: none; "
               "border-radius: 6px; padding: 8px 20px; font-weight: 600; }\n"
               "QPushButton#validateButton:focus { border: 2px solid %8; }\n"
               "QPushButton#validateButton:disabled { background: %9; }\n"
               "QPushButton#rejectButton { color: %3; background: transparent; border: 1px solid "
               "%3; border-radius: 6px; padding: 7px 20px; font-weight: 600; }\n"
               "QPushButton#rejectButton:focus { border: 2px solid %3; }\n"
               "QPushButton#rejectButton:disabled { color: %10; border-color: %10; }\n")
        .arg(c.base.name(), c.border.name(), c.error.name(), rgba(c.error, 24), rgba(c.error, 90),
             c.accent.name(), c.onAccent.name(), c.accent.darker(140).name(), rgba(c.accent, 90))
        .arg(c.muted.name());
}

QString Sheets::decidedBanner(const QColor &color)
{
    return QStringLiteral("QLabel { color: %1; background: %2; border: 1px solid %1; "
                          "border-radius: 6px; padding: 8px; font-weight: 600; }")
        .arg(color.name(), rgba(color, 24));
}

QString Sheets::notifications(const QPalette &palette)
{
    const Colors c(palette);
    return QStringLiteral("QTreeView { border: 1px solid %1; border-radius: 6px; }\n"
                          "QTreeView::item { padding: 5px 2px; }\n"
                          "QListWidget#notificationCategories, QListWidget#taskList { background: "
                          "transparent; outline: none; }\n"
                          "QListWidget#notificationCategories::item, QListWidget#taskList::item { "
                          "padding: 7px 8px; margin: 1px 0; border-radius: 6px; color: %2; }\n"
                          "QListWidget#notificationCategories::item:selected, "
                          "QListWidget#taskList::item:selected { background: %3; color: %2; }\n"
                          "QListWidget#taskList { border: 1px solid %1; border-radius: 6px; }\n"
                          "QFrame#notificationDetailsPane { background: %4; border: 1px solid %1; "
                          "border-radius: 6px; }\n"
                          "QFrame#notificationDetailsPane QLabel { background: transparent; }\n")
        .arg(c.border.name(), c.text.name(), rgba(c.accent, c.dark ? 70 : 40), c.base.name());
}

QString Sheets::settings(const QPalette &palette)
{
    const Colors c(palette);
    return QStringLiteral("QFrame#settingsSection { background: %1; border: 1px solid %2; "
                          "border-radius: 8px; }\n"
                          "QFrame#settingsSection QLabel { background: transparent; }\n")
        .arg(c.base.name(), c.border.name());
}

QString Sheets::resubmitBox(const QPalette &palette)
{
    const QColor rejected = Theme::statusColor(DisplayStatus::Rejected, palette);
    return QStringLiteral("QFrame#resubmitBox { background: %1; border: 1px solid %2; "
                          "border-radius: 8px; } QFrame#resubmitBox QLabel { background: "
                          "transparent; border: none; }")
        .arg(rgba(rejected, 20), rgba(rejected, 80));
}

QString Sheets::banner(const QString &objectName, const QColor &tint, const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor background = Theme::mix(base, tint, dark ? 0.16 : 0.08);
    const QColor border = Theme::mix(base, tint, dark ? 0.55 : 0.45);
    // Only this frame: the buttons keep the application's look.
    return QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; "
                          "border-radius: 6px; }\n"
                          "QFrame#%1 QLabel { background: transparent; }\n")
        .arg(objectName, background.name(), border.name());
}

QString Sheets::previewPlaceholder(const QPalette &palette)
{
    const Colors c(palette);
    return QStringLiteral("QFrame#previewPlaceholder { background: %1; "
                          "border: 1px solid %2; border-radius: 10px; }")
        .arg(c.base.name(), c.border.name());
}
