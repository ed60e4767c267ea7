#include "certificate/ImportDateEdit.h"

#include "import/ImportDialog.h"

#include <QCalendarWidget>
#include <QKeyEvent>

ImportDateEdit::ImportDateEdit(QWidget *parent) : QDateEdit(parent)
{
    setCalendarPopup(true);
    setDisplayFormat(QStringLiteral("d MMM yyyy"));
    setMinimumDate(QDate(1899, 12, 31));
    // The import dialog's words (and translations).
    setSpecialValueText(ImportDialog::tr("Choose a date"));
    setDate(minimumDate());
    calendarWidget()->installEventFilter(this);
}

bool ImportDateEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == calendarWidget() && event->type() == QEvent::Show && !isSet()) {
        const QDate today = Domain::today();
        calendarWidget()->setCurrentPage(today.year(), today.month());
    }
    return QDateEdit::eventFilter(watched, event);
}

void ImportDateEdit::keyPressEvent(QKeyEvent *event)
{
    if (!isSet()) {
        const bool digit = !event->text().isEmpty() && event->text().at(0).isDigit();
        const bool step = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down ||
                          event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown;
        if (digit || step) {
            setDate(Domain::today());
            setSelectedSection(QDateTimeEdit::DaySection);
            if (step)
                return;
        }
    }
    QDateEdit::keyPressEvent(event);
}

bool ImportDateEdit::focusNextPrevChild(bool next)
{
    // Not set, the field shows "Choose a date": it has no day, month and year
    // for Tab to step through, and QDateEdit kept the focus on every Tab. Tab
    // goes on to the next field instead: QWidget's move, past QDateTimeEdit's
    // steps through the sections.
    if (!isSet())
        return QWidget::focusNextPrevChild(next); // NOLINT(bugprone-parent-virtual-call)
    return QDateEdit::focusNextPrevChild(next);
}

void ImportDateEdit::stepBy(int steps)
{
    if (isSet())
        QDateEdit::stepBy(steps);
    else
        setDate(Domain::today());
}

QAbstractSpinBox::StepEnabled ImportDateEdit::stepEnabled() const
{
    return isSet() ? QDateEdit::stepEnabled() : (StepUpEnabled | StepDownEnabled);
}
