#pragma once

#include <QPalette>
#include <QString>

// The import dialog's style sheet for a palette (light or dark): error boxes,
// the accent Save button, secondary buttons, and date, list and number fields
// that look like the application's line edits.
class ImportStyle
{
public:
    static QString styleSheet(const QPalette &palette);
};
