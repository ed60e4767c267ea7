#pragma once

#include "shell/Page.h"

class CertificatesSection;
class Session;

// Results: the signed-in person's own certificates (CertificatesSection for
// themselves): internal and external, newest first, each with its status
// badge; Import certificate and PDFs dropped on the page while import is on
// (R1).
class ResultsPage : public Page
{
    Q_OBJECT

public:
    explicit ResultsPage(Session &session, QWidget *parent = nullptr);

    void reload() override;
    CertificatesSection *section() const { return m_section; }

private:
    Session &m_session;
    CertificatesSection *m_section = nullptr;
};
