#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// Every style sheet of CertDesk, built from a palette so that light and dark
// desktops both work; the colours come from Theme. Pages call these instead
// of writing style sheets of their own.
class Sheets
{
public:
    // The application's style sheet (Theme::apply sets it).
    static QString application(const QPalette &palette);
    // The import dialog: error boxes, the accent Save button, secondary
    // buttons, and date, list and number fields that look like line edits.
    static QString importDialog(const QPalette &palette);
    // The validation task view: details card, notice, Validate and Reject.
    static QString taskView(const QPalette &palette);
    // The "Validated by … on …" line of a decided task, in its status colour.
    static QString decidedBanner(const QColor &color);
    // The inbox: categories, task list, notification details.
    static QString notifications(const QPalette &palette);
    // The Settings page's section cards.
    static QString settings(const QPalette &palette);
    // The details dialog's box around a rejected certificate's comment.
    static QString resubmitBox(const QPalette &palette);
    // A Banner frame named objectName, tinted with tint (accent or error).
    static QString banner(const QString &objectName, const QColor &tint, const QPalette &palette);
    // The PDF preview's placeholder card.
    static QString previewPlaceholder(const QPalette &palette);
};
