#pragma once

#include "widgets/Banner.h"

class QPushButton;

// The main window's infobar for platform admins: emails that could not be
// sent, or a mail server problem while emails wait (the error tone), with a
// button to the list of failed emails (or to the Email settings); or, when
// email is merely not configured yet and nothing failed, a notice (the info
// tone) with the button to the Email settings. Non-modal; hidden while there
// is nothing to say. Who sees it is the main window's question to the Policy.
class MailBanner : public Banner
{
    Q_OBJECT

public:
    explicit MailBanner(QWidget *parent = nullptr);

    // failed: emails given up; waiting: emails queued or being sent;
    // problem: why the sender cannot send now (empty: none); notConfigured:
    // MailSettings::problem() when !MailSettings::isConfigured(), else empty.
    // Shows or hides.
    void setState(int failed, int waiting, const QString &problem,
                  const QString &notConfigured = QString());
    int failedCount() const { return m_failed; }
    // Whether there is something to say (the banner shows when its window does).
    bool isWanted() const { return m_wanted; }
    // Whether it says "not configured yet" (the info tone), not a failure.
    bool isNotice() const { return m_wanted && tone() == Tone::Info; }

signals:
    void showFailedRequested();
    void settingsRequested();

private:
    static QString waitingText(int waiting);

    QPushButton *m_show = nullptr;
    QPushButton *m_settings = nullptr;
    int m_failed = 0;
    bool m_wanted = false;
};
