#include "mail/MailBanner.h"

#include <QPushButton>

MailBanner::MailBanner(QWidget *parent)
    : Banner(QStringLiteral("mailBanner"), tr("Email problems"), parent)
{
    m_show = addButton(tr("Show failed emails"), tr("Show the emails that could not be sent"),
                       QStringLiteral("mailBannerShowButton"));
    connect(m_show, &QPushButton::clicked, this, &MailBanner::showFailedRequested);
    m_settings = addButton(tr("Email settings"), tr("Open the Email settings"),
                           QStringLiteral("mailBannerSettingsButton"));
    connect(m_settings, &QPushButton::clicked, this, &MailBanner::settingsRequested);
}

QString MailBanner::waitingText(int waiting)
{
    return waiting == 1 ? tr("1 email is waiting to be sent.")
                        : tr("%1 emails are waiting to be sent.").arg(waiting);
}

void MailBanner::setState(int failed, int waiting, const QString &problem,
                          const QString &notConfigured)
{
    m_failed = failed;
    // Not configured yet is a notice (nothing is lost: emails wait); failed
    // emails, and a server problem while emails wait for it, are errors.
    const bool notice = failed == 0 && !notConfigured.isEmpty();
    m_wanted = failed > 0 || notice || (!problem.isEmpty() && waiting > 0);
    QString text;
    if (failed == 1)
        text = tr("1 email could not be sent.");
    else if (failed > 1)
        text = tr("%1 emails could not be sent.").arg(failed);
    else if (notice && waiting == 0)
        text = tr("Email is not set up yet.");
    else
        text = waitingText(waiting);
    setTone(notice ? Tone::Info : Tone::Problem);
    setAccessibleName(notice ? tr("Email notice") : tr("Email problems"));
    setMessage(text, notice ? notConfigured : problem);
    m_show->setVisible(failed > 0);
    m_settings->setVisible(failed == 0);
    setVisible(m_wanted);
}
