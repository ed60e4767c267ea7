#pragma once

#include <QDateEdit>

// A date of the import form the user must choose (R6): it starts "not set"
// (the minimum date, shown as a placeholder) instead of pretending that today
// is the answer. The calendar opens on today's month; a key or a step starts
// from today.
class ImportDateEdit : public QDateEdit
{
    Q_OBJECT

public:
    explicit ImportDateEdit(QWidget *parent = nullptr);

    bool isSet() const { return date() != minimumDate(); }
    QDate value() const { return isSet() ? date() : QDate(); }
    void unset() { setDate(minimumDate()); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void stepBy(int steps) override;
    StepEnabled stepEnabled() const override;
};
