#pragma once

#include "DatabaseLocation.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// "Which database?": a SQLite file path (typed or picked) or a
// postgresql:// URL. Accepts only a location DatabaseLocation can parse.
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

    QLineEdit *m_edit = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_browse = nullptr;
    DatabaseLocation m_location;
};
