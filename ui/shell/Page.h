#pragma once

#include <QWidget>

// One page of the main window. Pages load their rows from the services when
// shown (reload()) and say when something the navigation shows may have
// changed (the unread count).
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual void reload() = 0;

signals:
    void countsChanged();
};
