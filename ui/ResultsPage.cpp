#include "ResultsPage.h"

#include "Session.h"
#include "Theme.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column
{
    NameColumn,
    TypeColumn,
    DeliveredColumn,
    ExpiresColumn,
    StatusColumn,
    ColumnCount
};
}

ResultsPage::ResultsPage(Session &session, QWidget *parent) : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("resultsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);

    m_summary = Theme::noteLabel(QString(), this);
    m_summary->setObjectName(QStringLiteral("resultsSummary"));
    layout->addWidget(m_summary);
    m_error = Theme::errorLabel(QStringLiteral("resultsError"), this);
    layout->addWidget(m_error);

    m_stack = new QStackedWidget(this);
    m_list = new QTreeWidget(m_stack);
    m_list->setObjectName(QStringLiteral("resultsList"));
    m_list->setAccessibleName(tr("My certificates"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels(
        {tr("Certificate"), tr("Type"), tr("Delivered"), tr("Expires"), tr("Status")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = TypeColumn; column < ColumnCount; ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_stack->addWidget(m_list);

    m_empty = Theme::emptyState(
        QStringLiteral("results"), tr("No certificates yet."),
        tr("Certificates you earn or import appear here. Importing a PDF certificate arrives in "
           "the next version of CertDesk."),
        m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
}

void ResultsPage::reload()
{
    const auto result = m_session.certificates().certificatesOf(
        m_session.userId(), m_session.userId(), CertificateCursor(), RowLimit);
    m_list->clear();
    if (!result) {
        m_error->setText(tr("Your certificates could not be loaded: %1").arg(result.message()));
        m_error->show();
        m_summary->clear();
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_error->hide();
    const QDate today = QDate::currentDate();
    const QList<Certificate> &certificates = result.value();
    QList<QTreeWidgetItem *> items;
    items.reserve(certificates.size());
    for (const Certificate &certificate : certificates) {
        const DisplayStatus status = certificate.displayStatus(today);
        auto *item = new QTreeWidgetItem;
        item->setText(NameColumn, certificate.name);
        item->setToolTip(
            NameColumn,
            certificate.templateName.isEmpty()
                ? certificate.name
                : tr("%1 (equivalent to %2)").arg(certificate.name, certificate.templateName));
        item->setText(TypeColumn, Domain::kindLabel(certificate.kind));
        item->setText(DeliveredColumn, Theme::dateText(certificate.delivered));
        item->setText(ExpiresColumn, certificate.expires.isValid()
                                         ? Theme::dateText(certificate.expires)
                                         : tr("Does not expire"));
        const QColor color = Theme::statusColor(status, palette());
        item->setText(StatusColumn, Domain::displayStatusLabel(status));
        item->setForeground(StatusColumn, color);
        item->setIcon(StatusColumn, Theme::statusDot(color));
        item->setData(StatusColumn, Qt::UserRole, Domain::displayStatusKey(status));
        item->setData(NameColumn, Qt::UserRole, certificate.id);
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    if (certificates.isEmpty()) {
        m_summary->setText(tr("Your external and internal certificates."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        const int count = int(certificates.size());
        if (count >= RowLimit)
            m_summary->setText(tr("Your %1 most recent certificates, newest first.").arg(count));
        else if (count == 1)
            m_summary->setText(tr("One certificate."));
        else
            m_summary->setText(tr("%1 certificates, newest first.").arg(count));
        m_stack->setCurrentWidget(m_list);
    }
}

void ResultsPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    // Status colours depend on a light or dark palette.
    if (event->type() == QEvent::PaletteChange && m_list->topLevelItemCount() > 0)
        reload();
}
