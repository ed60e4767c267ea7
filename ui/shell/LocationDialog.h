#pragma once

#include "storage/DatabaseLocation.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// "Which database?": a SQLite file path (typed or picked) or a
// postgresql:// URL, which the "Shared server" fields (server, port,
// database) write for the user; the login and password are asked at sign-in
// (README "Deploying on PostgreSQL"). Accepts only a location DatabaseLocation can parse.
class LocationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LocationDialog(const QString &current, QWidget *parent = nullptr);

    // The text as typed (trimmed); location() is its parsed form.
    QString locationText() const;
    DatabaseLocation location() const { return m_location; }

    void accept() override;

private:
    void browse();
    void composeServerUrl();
    void fillServerFields(const QString &text);

    QLineEdit *m_edit = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    bool m_composing = false;
    DatabaseLocation m_location;
};
