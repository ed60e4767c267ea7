#include "results/ResultsPage.h"

#include "results/CertificatesSection.h"
#include "services/Session.h"
#include "style/Theme.h"

#include <QVBoxLayout>

ResultsPage::ResultsPage(Session &session, QWidget *parent) : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("resultsPage"));
    setAccessibleName(tr("Results"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);
    m_section = new CertificatesSection(m_session, this);
    layout->addWidget(m_section, 1);
    // A reviewer's unread count may change when they import for a managee.
    connect(m_section, &CertificatesSection::imported, this, &Page::countsChanged);
    m_section->setOwner(m_session.userId());
}

void ResultsPage::reload()
{
    m_section->reload();
}
