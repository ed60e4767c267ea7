#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class Session;

// The requirements (README "Rules", Requirements and compliance): each
// group's required certificate templates, one per line, with Remove; and
// a group and a template to require. Only the groups the Policy lets the
// signed-in person change are offered (platform admins: all; group admins:
// theirs and the groups below them); the service says no to anything else,
// with the reason shown under the list. In the Settings page's
// Requirements section and in the Compliance page's Requirements… dialog.
class RequirementsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RequirementsEditor(Session &session, QWidget *parent = nullptr);

    void reload();
    // Whether the signed-in person may change some group's requirements.
    static bool mayEdit(Session &session);

    QListWidget *list() const { return m_list; }
    QComboBox *groupChoice() const { return m_group; }
    QComboBox *templateChoice() const { return m_template; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *message() const { return m_message; }

public slots:
    void addRequirement();
    void removeSelected();

signals:
    void changed();

private:
    void showMessage(const QString &text, bool error);
    void updateButtons();

    Session &m_session;
    QListWidget *m_list = nullptr;
    QComboBox *m_group = nullptr;
    QComboBox *m_template = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
};
