#include "certificate/DateQuestion.h"

#include "import/ImportDialog.h"
#include "style/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QString longDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}
} // namespace

DateQuestion::DateQuestion(const QString &objectName, QWidget *parent) : QFrame(parent)
{
    setObjectName(objectName);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::Spacing, Theme::SpacingSmall, Theme::Spacing,
                               Theme::SpacingSmall);
    layout->setSpacing(Theme::SpacingSmall);
    m_text = new QLabel(this);
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(Theme::Spacing);
    for (int i = 0; i < 2; ++i) {
        auto *choice = new QPushButton(this);
        choice->setObjectName(objectName + QStringLiteral("Choice%1").arg(i + 1));
        choice->setAutoDefault(false);
        choice->setCursor(Qt::PointingHandCursor);
        buttons->addWidget(choice);
        m_choices.append(choice);
        connect(choice, &QPushButton::clicked, this, [this, i] {
            if (i < m_readings.size())
                emit chosen(m_readings.at(i));
        });
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    hide();
}

void DateQuestion::ask(const QString &printed, const QList<QDate> &readings)
{
    if (readings.size() != 2) {
        clear();
        return;
    }
    m_readings = readings;
    // The import dialog's words (and translation), as the form's.
    m_text->setText(ImportDialog::tr("The PDF says %1: %2 or %3?")
                        .arg(printed, longDate(readings.at(0)), longDate(readings.at(1))));
    setAccessibleName(m_text->text());
    for (int i = 0; i < 2; ++i) {
        m_choices.at(i)->setText(longDate(readings.at(i)));
        m_choices.at(i)->setAccessibleName(
            ImportDialog::tr("Use %1").arg(longDate(readings.at(i))));
    }
    show();
}

void DateQuestion::clear()
{
    m_readings.clear();
    hide();
}
