#pragma once

#include "widgets/Banner.h"

class QPushButton;
class QTimer;

// The main window's infobar for a lost connection to a PostgreSQL server
// (README "Deploying on PostgreSQL"): says that CertDesk reconnects by itself and that what is
// typed is kept, with "Reconnect now". Non-modal; hidden while connected
// (after a short "Connected again."). The main window wires it to the
// session's ConnectionWatch.
class ConnectionBanner : public Banner
{
    Q_OBJECT

public:
    // How long "Connected again." stays before the banner hides.
    static constexpr int RestoredNoticeMs = 2500;

    explicit ConnectionBanner(QWidget *parent = nullptr);

    // The connection is gone; detail: the server's words (may be empty).
    void showLost(const QString &detail);
    // A reconnect attempt failed; the next comes in nextMs.
    void showRetryFailed(const QString &detail, int nextMs);
    // Back: says so briefly, then hides.
    void showRestored();
    bool isLost() const { return m_lost; }

signals:
    void reconnectRequested();

private:
    QPushButton *m_reconnect = nullptr;
    QTimer *m_hideTimer = nullptr;
    bool m_lost = false;
};
