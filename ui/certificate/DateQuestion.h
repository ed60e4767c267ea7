#pragma once

#include <QDate>
#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;

// A one-line question under a date field when the PDF prints a date that
// reads two ways (TextDate): "The PDF says 03/04/2025: 3 April 2025 or
// 4 March 2025?", and a button per reading that fills the field. Nothing is
// filled until the person chooses (README "Rules", the import form).
class DateQuestion : public QFrame
{
    Q_OBJECT

public:
    explicit DateQuestion(const QString &objectName, QWidget *parent = nullptr);

    // Shows the question for printed and its readings (two).
    void ask(const QString &printed, const QList<QDate> &readings);
    void clear();
    bool isAsking() const { return !m_readings.isEmpty(); }
    QPushButton *choiceButton(int index) const { return m_choices.value(index); }

signals:
    void chosen(const QDate &date);

private:
    QLabel *m_text = nullptr;
    QList<QPushButton *> m_choices;
    QList<QDate> m_readings;
};
