#pragma once

#include "Page.h"

class QLabel;
class QTreeWidget;
class Session;

// Users (placeholder for the Users issue): the current users in the
// signed-in person's scope (R5), by name.
class UsersPage : public Page
{
    Q_OBJECT

public:
    explicit UsersPage(Session &session, QWidget *parent = nullptr);

    void reload() override;

private:
    Session &m_session;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QTreeWidget *m_list = nullptr;
};
