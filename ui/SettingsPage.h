#pragma once

#include "Page.h"

class QLabel;
class QTreeWidget;
class Session;

// Settings (read-only until the Settings issue): the platform settings with
// their descriptions.
class SettingsPage : public Page
{
    Q_OBJECT

public:
    explicit SettingsPage(Session &session, QWidget *parent = nullptr);

    void reload() override;
    // How a setting's value reads on screen ("on" reads "On").
    static QString valueText(const QString &value);

private:
    Session &m_session;
    QLabel *m_error = nullptr;
    QTreeWidget *m_list = nullptr;
};
