#pragma once

#include "shell/Page.h"

#include <QHash>

class QButtonGroup;
class QCheckBox;
class QLineEdit;
class QLabel;
class QLayout;
class QPushButton;
class QScrollArea;
class QRadioButton;
class QFormLayout;
class QSpinBox;
class QTimer;
class QVBoxLayout;
class Session;
struct PlatformSettings;

// Settings (platform admins): the Certificate section (R1 import switch, R2
// validation switch, R3 reviewers, credits, PDF size limit) and, when the
// platform has mail.* settings, an Email section. Each change is saved at once
// through SettingsService::set() (which checks the policy and audits it), with
// a small "Saved" or the error beside the control, and settingsChanged() so
// that every page can show the new rules. Anyone else who reaches the page
// sees the settings read-only, with the policy's reason. The Email section's
// parts are in SettingsPageEmail.cpp.
class SettingsPage : public Page
{
    Q_OBJECT

public:
    explicit SettingsPage(Session &session, QWidget *parent = nullptr);
    ~SettingsPage() override;

    void reload() override;
    bool isReadOnly() const { return m_readOnly; }
    // The confirmation or error shown beside a setting's control, by key.
    QString statusText(const QString &key) const;
    // How a setting's value reads on screen ("on" reads "On").
    static QString valueText(const QString &value);

    // The background sender's problem (MailPump::problemChanged; empty: none
    // or no sender), shown in the Email section before the configuration's.
    void setMailProblem(const QString &problem);
    QString mailProblemText() const;
    // Re-reads the number of failed emails shown in the Email section.
    void refreshMailStatus();
    // Scrolls to the Email section.
    void showEmailSection();

signals:
    void settingsChanged();
    // "Failed emails…" in the Email section (platform admins).
    void failedEmailsRequested();

private:
    static QString onOff(bool on);
    // "pdf.max-size-mb" → "pdfMaxSizeMb", for object names.
    static QString camelCase(const QString &key);
    static bool isSecret(const QString &key);
    QWidget *buildCertificateSection(QWidget *parent);
    QWidget *buildExpirySection(QWidget *parent);
    QWidget *buildEmailSection(QWidget *parent, const QStringList &keys);
    QWidget *section(const QString &title, const QString &objectName, QWidget *parent,
                     QVBoxLayout **content);
    QLabel *statusLabel(const QString &key, QWidget *parent);
    void addSwitch(QVBoxLayout *layout, const QString &key, QCheckBox **box, const QString &text,
                   const QString &objectName, const QString &note);
    // A whole-number setting: a spin box that saves the value the admin stops at.
    struct NumberField
    {
        QString label; // with its mnemonic
        QString objectName;
        int low = 0;
        int high = 0;
        QString suffix;
    };
    // A form layout for spin-box rows, added to layout.
    static QFormLayout *numberColumn(QVBoxLayout *layout);
    void addNumber(QFormLayout *form, const QString &key, const NumberField &field);
    void save(const QString &key, const QString &value);
    void showStatus(const QString &key, const QString &text, bool error);
    void fill(const PlatformSettings &settings);
    QWidget *buildMailDelivery(QWidget *parent);
    // A mail.* setting's control (mail.transport: a choice of two).
    QWidget *mailEditor(const QString &key, const QString &label, QWidget *parent);
    // mail.folder's text and its Browse button.
    QWidget *mailFolderRow(QWidget *edit, QWidget *parent);
    // The SMTP rows for the SMTP transport, the folder row for the folder one.
    void showTransportRows(const PlatformSettings &settings);
    void showMailProblem();

    Session &m_session;
    bool m_readOnly = true;
    QLabel *m_readOnlyNote = nullptr;
    QLabel *m_loadError = nullptr;
    QCheckBox *m_import = nullptr;
    QCheckBox *m_validation = nullptr;
    QButtonGroup *m_reviewers = nullptr;
    QRadioButton *m_groupAdmins = nullptr;
    QRadioButton *m_managers = nullptr;
    QCheckBox *m_credits = nullptr;
    QLineEdit *m_reminderDays = nullptr;
    QCheckBox *m_remindManager = nullptr;
    struct Number
    {
        QSpinBox *spin = nullptr;
        QTimer *delay = nullptr; // saves once the arrows stop
    };
    QHash<QString, Number> m_numbers; // by key: pdf.max-size-mb, pdf.check-*
    QWidget *m_emailSection = nullptr;
    QHash<QString, QWidget *> m_mailEditors;
    QFormLayout *m_mailForm = nullptr;
    QHash<QString, QLayout *> m_mailRows; // by key: each row's field
    QPushButton *m_mailBrowse = nullptr;
    QHash<QString, QLabel *> m_status;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_mailProblem = nullptr;
    QLabel *m_failedSummary = nullptr;
    QPushButton *m_showFailed = nullptr;
    QString m_senderProblem;      // from the background sender
    QString m_configProblem;      // from the mail.* settings
    bool m_mailConfigured = true; // MailSettings::isConfigured()
};
