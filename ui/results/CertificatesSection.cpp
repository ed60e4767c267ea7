#include "results/CertificatesSection.h"

#include "certificate/StatusDelegate.h"
#include "import/DropZone.h"
#include "import/ImportDialog.h"
#include "import/PdfDrop.h"
#include "itemmodels/CertificateListModel.h"
#include "results/CertificateDetailsDialog.h"
#include "results/CertificateFilterBar.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/LatestRead.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// How many pages the section reads at most to find and select a certificate
// just imported (an old delivery date sorts far down a long list).
constexpr int kMaxPagesToFind = 50;

// Wide enough for most template names; longer ones are elided (the cell's
// tooltip and the details dialog show them whole).
constexpr int kMaxTemplateWidth = 240;

// Credits aligned under their (left-aligned) header.
class LeftAlignedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    }
};
} // namespace

CertificatesSection::CertificatesSection(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("certificatesSection"));
    setAccessibleName(tr("Certificates"));
    m_model = new CertificateListModel(session.database(), session.userId(), this);
    m_countRead = new LatestRead(session, this);
    connect(m_countRead, &LatestRead::answered, this, &CertificatesSection::countsShown);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);
    layout->addWidget(buildHeader());
    m_filters = new CertificateFilterBar(this);
    layout->addWidget(m_filters);
    connect(m_filters, &CertificateFilterBar::filterChanged, m_model,
            &CertificateListModel::setFilter);
    connect(m_filters, &CertificateFilterBar::orderChanged, m_model,
            &CertificateListModel::setOrder);
    m_banner = buildBanner();
    layout->addWidget(m_banner);
    m_error = Theme::errorLabel(QStringLiteral("certificatesError"), this);
    m_error->setAccessibleName(tr("Loading error"));
    layout->addWidget(m_error);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("certificatesStack"));
    m_view = new DataTableView(m_stack);
    m_view->setObjectName(QStringLiteral("certificatesTable"));
    m_view->setAccessibleName(tr("Certificates"));
    m_view->setModel(m_model);
    m_view->installEventFilter(this);
    m_statusDelegate = new StatusDelegate(CertificateListModel::DisplayStatusRole, this);
    m_creditsDelegate = new LeftAlignedDelegate(this);
    m_stack->addWidget(m_view);
    m_empty = buildEmptyState();
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_view, &QTableView::doubleClicked, this, &CertificatesSection::openCertificate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CertificatesSection::onModelReset);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CertificatesSection::updateSummary);
    connect(m_model, &CertificateListModel::loadFailed, this, [this](const QString &message) {
        m_error->setText(tr("The certificates could not be loaded: %1").arg(message));
        m_error->show();
    });

    // Drops anywhere on the section. The import runs after the drop event has
    // returned: a modal dialog inside a drop handler would block the drag
    // source (the file manager) until the dialog closes.
    m_drop = DropZone::attachTo(this);
    connect(m_drop, &DropOverlay::pdfsDropped, this, [this](const QStringList &paths) {
        QTimer::singleShot(0, this, [this, paths] { importFiles(paths); });
    });
    connect(m_drop, &DropOverlay::rejectedDrop, this, &CertificatesSection::showRefusedFiles);

    updateIcons();
    onModelReset();
}

CertificatesSection::~CertificatesSection() = default;

QWidget *CertificatesSection::buildHeader()
{
    auto *header = new QWidget(this);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);
    m_title = new QLabel(tr("Certificates"), header);
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    m_title->setAccessibleName(tr("Certificates"));
    layout->addWidget(m_title, 0, Qt::AlignVCenter);
    m_summary = Theme::noteLabel(QString(), header);
    m_summary->setObjectName(QStringLiteral("certificatesSummary"));
    m_summary->setWordWrap(false);
    layout->addWidget(m_summary, 1, Qt::AlignVCenter);

    m_importButton = new QPushButton(tr("Import certificate"), header);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setAccessibleName(tr("Import certificate"));
    m_importButton->setToolTip(tr("Import a PDF certificate (Ctrl+I)"));
    m_importButton->setProperty("primary", true);
    m_importButton->setIconSize(QSize(16, 16));
    m_importButton->setAutoDefault(false);
    m_exportButton = new QPushButton(tr("Export CSV…"), header);
    m_exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportButton->setAccessibleName(tr("Export CSV"));
    m_exportButton->setToolTip(tr("Write the certificates shown to a CSV file"));
    m_exportButton->setProperty("secondary", true);
    m_exportButton->setAutoDefault(false);
    layout->addWidget(m_exportButton);
    connect(m_exportButton, &QPushButton::clicked, this, &CertificatesSection::exportCsv);
    layout->addWidget(m_importButton);
    connect(m_importButton, &QPushButton::clicked, this, &CertificatesSection::importCertificate);

    // Ctrl+I wherever the section is visible in the active window.
    m_importAction = new QAction(tr("Import certificate"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_importAction, &QAction::triggered, this, &CertificatesSection::importCertificate);
    addAction(m_importAction);
    return header;
}

QFrame *CertificatesSection::buildBanner()
{
    auto *banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("sectionBanner"));
    banner->setAccessibleName(tr("Message"));
    auto *layout = new QHBoxLayout(banner);
    layout->setContentsMargins(Theme::Spacing + Theme::SpacingSmall, Theme::Spacing, Theme::Spacing,
                               Theme::Spacing);
    layout->setSpacing(Theme::Spacing);
    m_bannerIcon = new QLabel(banner);
    layout->addWidget(m_bannerIcon, 0, Qt::AlignTop);
    m_bannerText = new QLabel(banner);
    m_bannerText->setObjectName(QStringLiteral("sectionBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_bannerText, 1);
    auto *close = new QToolButton(banner);
    close->setObjectName(QStringLiteral("sectionBannerClose"));
    close->setAccessibleName(tr("Dismiss the message"));
    close->setToolTip(tr("Dismiss"));
    close->setIcon(Theme::icon(QStringLiteral("x")));
    close->setIconSize(QSize(14, 14));
    close->setAutoRaise(true);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &CertificatesSection::hideBanner);
    banner->hide();
    return banner;
}

QWidget *CertificatesSection::buildEmptyState()
{
    auto *widget = new QWidget(m_stack);
    widget->setObjectName(QStringLiteral("certificatesEmpty"));
    auto *layout = new QVBoxLayout(widget);
    layout->setSpacing(Theme::Spacing);
    layout->addStretch(1);
    auto *picture = new QLabel(widget);
    picture->setObjectName(QStringLiteral("emptyStateIcon"));
    picture->setAlignment(Qt::AlignHCenter);
    layout->addWidget(picture);
    m_emptyLine = new QLabel(widget);
    m_emptyLine->setObjectName(QStringLiteral("emptyState"));
    m_emptyLine->setAlignment(Qt::AlignHCenter);
    m_emptyLine->setWordWrap(true);
    layout->addWidget(m_emptyLine);
    m_emptyNote = Theme::noteLabel(QString(), widget);
    m_emptyNote->setObjectName(QStringLiteral("emptyStateNote"));
    m_emptyNote->setAlignment(Qt::AlignHCenter);
    layout->addWidget(m_emptyNote);
    layout->addStretch(2);
    return widget;
}

void CertificatesSection::setOwner(Id owner, const QString &ownerName)
{
    m_owner = owner;
    m_ownerName = ownerName;
    const QString name =
        ownerName.isEmpty() ? tr("My certificates") : tr("Certificates of %1").arg(ownerName);
    setAccessibleName(name);
    m_view->setAccessibleName(name);
    m_drop->setMessage(ownerName.isEmpty() ? tr("Drop to import")
                                           : tr("Drop to import for %1").arg(ownerName));
    hideBanner();
    reload();
}

void CertificatesSection::reload()
{
    m_error->hide();
    updateImportControls();
    // Keep the selected certificate selected across a refresh (F5).
    const QModelIndex current = m_view->currentIndex();
    const Id selected =
        current.isValid()
            ? m_model->data(current, CertificateListModel::CertificateIdRole).toLongLong()
            : 0;
    // The chips' counts (README "Rules", Lists) are read beside the rows:
    // the first screen does not wait for a count over thousands.
    if (m_model->owner() != m_owner) {
        m_counts.reset(); // another person's: unknown until counted
        m_filters->setCounts(m_counts);
    }
    recount();
    if (m_model->owner() != m_owner)
        m_model->setOwner(m_owner);
    else
        m_model->reload();
    if (selected > 0)
        selectCertificate(selected);
}

void CertificatesSection::recount()
{
    const Id actor = m_session.userId();
    const Id owner = m_owner;
    m_countRead->ask<Result<CertificateCounts>>(
        [actor, owner](Database &db) { return CertificateService(db).counts(actor, owner); },
        [this](const Result<CertificateCounts> &counts) {
            showCounts(counts ? std::optional<CertificateCounts>(counts.value()) : std::nullopt);
        },
        [this](const QString &) { showCounts(std::nullopt); });
}

void CertificatesSection::showCounts(const std::optional<CertificateCounts> &counts)
{
    m_counts = counts;
    m_filters->setCounts(m_counts);
    showListOrEmpty();
    updateSummary();
}

bool CertificatesSection::isCounting() const
{
    return m_countRead->isWaiting();
}

void CertificatesSection::updateImportControls()
{
    // R1, R4: the Policy's answer, asked again on every reload (an admin may
    // have switched import off meanwhile).
    const ImportForm form = m_session.policy().importForm(m_session.userId(), m_owner);
    m_importAvailable = m_owner > 0 && form.available;
    m_importUnavailableReason = form.unavailableReason;
    m_importButton->setVisible(m_importAvailable);
    m_importAction->setEnabled(m_importAvailable);
    m_drop->setEnabled(m_importAvailable);
    if (m_importAvailable) {
        m_emptyLine->setText(tr("No certificates yet — drop a PDF here or click Import "
                                "certificate"));
        m_emptyNote->setText(m_ownerName.isEmpty()
                                 ? tr("Each PDF you import becomes one certificate in your "
                                      "results.")
                                 : tr("Each PDF you import becomes one certificate in the "
                                      "results of %1.")
                                       .arg(m_ownerName));
    } else {
        m_emptyLine->setText(tr("No certificates yet"));
        m_emptyNote->setText(m_ownerName.isEmpty()
                                 ? tr("Certificates you earn appear here.")
                                 : tr("Certificates %1 earns appear here.").arg(m_ownerName));
    }
    m_emptyLine->setAccessibleName(m_emptyLine->text());
}

void CertificatesSection::onModelReset()
{
    // The credits column comes and goes with the credits feature: the status
    // column moves with it.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    // Every column the model may show, including one that just went away.
    for (int column = 0; column <= int(CertificateListModel::Column::Status); ++column)
        m_view->setItemDelegateForColumn(column, nullptr);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        switch (m_model->columnAt(column)) {
        case CertificateListModel::Column::Name:
            header->setSectionResizeMode(column, QHeaderView::Stretch);
            break;
        case CertificateListModel::Column::Template:
            header->setSectionResizeMode(column, QHeaderView::Interactive);
            header->resizeSection(
                column,
                qMax(header->sectionSizeHint(column),
                     qMin(static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(column),
                          kMaxTemplateWidth)));
            break;
        case CertificateListModel::Column::Credits:
            m_view->setItemDelegateForColumn(column, m_creditsDelegate);
            header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
            break;
        case CertificateListModel::Column::Status:
            m_view->setItemDelegateForColumn(column, m_statusDelegate);
            header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
            break;
        default:
            header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
            break;
        }
    }
    showListOrEmpty();
    updateSummary();
}

void CertificatesSection::showListOrEmpty()
{
    // "No certificates yet" only when there are none at all; a filter that
    // shows none leaves the (empty) table and its chips. Until the counts
    // come, the rows read say whether there are any.
    const bool none = m_counts ? m_counts->total() == 0
                               : m_model->rowCount() == 0 && m_model->filter() == StatusFilter::All;
    const bool empty = none && m_model->rowCount() == 0 && m_model->loadError().isEmpty();
    m_stack->setCurrentWidget(empty ? m_empty : static_cast<QWidget *>(m_view));
    m_filters->setVisible(!none);
}

void CertificatesSection::updateSummary()
{
    // The true total of what the list shows (counted by the database, in
    // the locale's digits), and its order.
    const int total = m_counts ? m_counts->of(m_model->filter()) : -1;
    const bool newest = m_model->order() == CertificateOrder::NewestDelivery;
    const QString count = QLocale().toString(total);
    // Nothing to say for an empty list, nor for counts that could not be
    // read (the list's own error says why).
    const bool counting = total < 0 && m_countRead->isWaiting();
    QString text;
    if ((m_model->rowCount() == 0 && total <= 0) || (total < 0 && !counting))
        text = QString();
    else if (counting)
        text = tr("Counting…");
    else if (total == 1)
        text = tr("One certificate");
    else
        text = newest ? tr("%1 certificates, newest first").arg(count)
                      : tr("%1 certificates, soonest expiry first").arg(count);
    m_summary->setText(text);
    m_summary->setAccessibleName(text);
}

void CertificatesSection::importCertificate()
{
    if (!m_importAvailable)
        return;
    runImports({QString()});
}

void CertificatesSection::importFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    updateImportControls();
    if (!m_importAvailable) {
        showBanner(m_importUnavailableReason, true);
        return;
    }
    runImports(paths);
}

void CertificatesSection::runImports(const QStringList &paths)
{
    if (m_importing)
        return;
    QPointer<CertificatesSection> self(this);
    m_importing = true;
    hideBanner();
    const QList<ImportOutcome> imported =
        ImportDialog::importFiles(m_session, m_owner, paths, window());
    if (!self)
        return;
    QList<Certificate> done;
    bool sentForValidation = false;
    for (const ImportOutcome &outcome : imported) {
        done.append(outcome.certificate);
        sentForValidation = sentForValidation || outcome.taskId != 0;
    }
    m_importing = false;
    if (!done.isEmpty())
        afterImport(done, sentForValidation);
}

void CertificatesSection::afterImport(const QList<Certificate> &certificates,
                                      bool sentForValidation)
{
    recount();
    m_model->reload();
    selectCertificate(certificates.constLast().id);
    const int count = int(certificates.size());
    QString text;
    if (count == 1 && sentForValidation)
        text = tr("“%1” was imported and sent for validation.").arg(certificates.constFirst().name);
    else if (count == 1)
        text = tr("“%1” was imported.").arg(certificates.constFirst().name);
    else if (sentForValidation)
        text = tr("%1 certificates imported and sent for validation.").arg(count);
    else
        text = tr("%1 certificates imported.").arg(count);
    showBanner(text, false);
    emit imported(count);
}

void CertificatesSection::selectCertificate(Id id)
{
    for (int pages = 0, row = 0; pages <= kMaxPagesToFind; ++pages) {
        for (; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (m_model->data(index, CertificateListModel::CertificateIdRole).toLongLong() != id)
                continue;
            m_view->setCurrentIndex(index);
            m_view->selectRow(row);
            m_view->scrollTo(index);
            return;
        }
        if (!m_model->canFetchMore(QModelIndex()))
            return;
        m_model->fetchMore(QModelIndex());
    }
}

void CertificatesSection::openCertificate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const Id id = m_model->data(index, CertificateListModel::CertificateIdRole).toLongLong();
    if (m_details)
        m_details->close();
    m_details = new CertificateDetailsDialog(m_session, id, this);
    m_details->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_details, &CertificateDetailsDialog::resubmitted, this,
            &CertificatesSection::afterResubmit);
    connect(m_details, &CertificateDetailsDialog::changed, this,
            [this](Id changedId, const QString &message) {
                reload();
                selectCertificate(changedId);
                showBanner(message, false);
                emit imported(0);
            });
    m_details->open();
}

void CertificatesSection::afterResubmit(Id id)
{
    reload();
    selectCertificate(id);
    const Certificate c = m_details ? m_details->certificate() : Certificate();
    if (c.id == id)
        showBanner(c.status == CertificateStatus::Pending
                       ? tr("“%1” was corrected and sent for validation again.").arg(c.name)
                       : tr("“%1” was corrected and saved.").arg(c.name),
                   false);
    emit imported(0);
}

void CertificatesSection::showRefusedFiles(const QStringList &paths)
{
    if (!paths.isEmpty())
        showBanner(PdfDrop::refusalMessage(paths), true);
}

CertificateDetailsDialog *CertificatesSection::detailsDialog() const
{
    return m_details.data();
}

QString CertificatesSection::bannerText() const
{
    return m_bannerText->text();
}

bool CertificatesSection::isBannerVisible() const
{
    return !m_banner->isHidden();
}

void CertificatesSection::showBanner(const QString &text, bool error)
{
    m_banner->setProperty("kind", error ? QStringLiteral("error") : QStringLiteral("info"));
    // The style sheet's property selector needs a re-polish.
    m_banner->style()->unpolish(m_banner);
    m_banner->style()->polish(m_banner);
    m_bannerText->style()->unpolish(m_bannerText);
    m_bannerText->style()->polish(m_bannerText);
    m_bannerText->setText(text);
    m_bannerText->setAccessibleName(text);
    m_banner->setAccessibleDescription(text);
    const QColor color = error ? Theme::errorColor(palette()) : Theme::accentColor(palette());
    m_bannerIcon->setPixmap(
        Theme::tintedIcon(error ? QStringLiteral("pdf") : QStringLiteral("check"), color)
            .pixmap(QSize(18, 18), devicePixelRatioF()));
    m_banner->show();
}

void CertificatesSection::hideBanner()
{
    m_banner->hide();
    m_bannerText->clear();
}

bool CertificatesSection::eventFilter(QObject *watched, QEvent *event)
{
    // Enter opens the current certificate. Handled here (not through
    // activated()) so that the key does not also reach a dialog's default
    // button when the section sits in a profile.
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_view->currentIndex().isValid()) {
            openCertificate(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CertificatesSection::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
}

void CertificatesSection::updateIcons()
{
    m_importButton->setIcon(
        Theme::tintedIcon(QStringLiteral("import"), Theme::onAccentColor(palette())));
    if (auto *picture = m_empty->findChild<QLabel *>(QStringLiteral("emptyStateIcon")))
        picture->setPixmap(
            Theme::tintedIcon(QStringLiteral("results"), Theme::mutedTextColor(palette()))
                .pixmap(QSize(48, 48), devicePixelRatioF()));
}
