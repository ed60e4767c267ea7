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

void MailBanner::setState(int failed, int waiting, const QString &problem)
{
    m_failed = failed;
    // A server problem matters while emails wait for it; failed emails always.
    m_wanted = failed > 0 || (!problem.isEmpty() && waiting > 0);
    QString text;
    if (failed == 1)
        text = tr("1 email could not be sent.");
    else if (failed > 1)
        text = tr("%1 emails could not be sent.").arg(failed);
    else if (waiting == 1)
        text = tr("1 email is waiting to be sent.");
    else
        text = tr("%1 emails are waiting to be sent.").arg(waiting);
    setMessage(text, problem);
    m_show->setVisible(failed > 0);
    m_settings->setVisible(failed == 0);
    setVisible(m_wanted);
}
