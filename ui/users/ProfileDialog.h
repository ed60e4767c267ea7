#pragma once

#include "core/Domain.h"

#include <QDialog>

class CertificatesSection;
class QTabWidget;
class Session;

// A person's profile, opened from the Users page: who they are (name, email,
// groups with roles, manager, a "Deleted" badge when deleted) and a Results
// tab with their Certificates section, where Import certificate imports for
// them when the Policy's import form allows it (R4, deleted users included).
// Shown only when the signed-in user may view them (R5).
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Tab
    {
        Overview,
        Results
    };

    ProfileDialog(Session &session, Id userId, QWidget *parent = nullptr);

    Id userId() const { return m_user.id; }
    const User &user() const { return m_user; }
    bool isAllowed() const { return m_allowed; }
    void showTab(Tab tab);
    QTabWidget *tabs() const { return m_tabs; }
    CertificatesSection *certificates() const { return m_certificates; }

signals:
    // Certificates were imported for this person.
    void imported(int count);

private:
    QWidget *buildHeader();
    QWidget *buildOverview();

    Session &m_session;
    User m_user;
    bool m_allowed = false;
    QTabWidget *m_tabs = nullptr;
    CertificatesSection *m_certificates = nullptr;
};
