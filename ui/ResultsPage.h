#pragma once

#include "Page.h"

class QLabel;
class QStackedWidget;
class QTreeWidget;
class Session;

// Results (placeholder for the Results issue, but honest): the signed-in
// person's own certificates, newest delivery first, with a coloured status.
class ResultsPage : public Page
{
    Q_OBJECT

public:
    // Rows shown at most until the lazy model of the Results issue arrives.
    static constexpr int RowLimit = 200;

    explicit ResultsPage(Session &session, QWidget *parent = nullptr);

    void reload() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    Session &m_session;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeWidget *m_list = nullptr;
    QWidget *m_empty = nullptr;
};
