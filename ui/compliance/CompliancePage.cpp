#include "compliance/CompliancePage.h"

#include "compliance/RequirementsEditor.h"
#include "import/ImportDialog.h"
#include "itemmodels/ComplianceModel.h"
#include "results/CertificateDetailsDialog.h"
#include "services/CsvExport.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/CsvExportRun.h"
#include "widgets/DataTableView.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// The badge colour of a state: the certificate statuses' colours.
DisplayStatus colourOf(ComplianceState state)
{
    switch (state) {
    case ComplianceState::Valid:
        return DisplayStatus::Validated;
    case ComplianceState::Expiring:
        return DisplayStatus::ExpiringSoon;
    case ComplianceState::Pending:
        return DisplayStatus::Pending;
    case ComplianceState::Expired:
        return DisplayStatus::Expired;
    case ComplianceState::Missing:
        break;
    }
    return DisplayStatus::Rejected;
}
} // namespace

void ComplianceDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (index.column() < ComplianceModel::FixedColumns) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QVariant state = index.data(ComplianceModel::StateRole);
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (style)
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    if (!state.isValid())
        return;
    const QString text = index.data(Qt::DisplayRole).toString();
    const QSize size = Theme::badgeSize(option.font, text);
    const QRect cell = option.rect.adjusted(Theme::Spacing, 0, -Theme::SpacingSmall, 0);
    const QRectF pill(cell.left(), cell.center().y() - size.height() / 2.0,
                      qMin(size.width(), cell.width()), size.height());
    Theme::paintBadge(painter, pill, text,
                      Theme::statusColor(colourOf(ComplianceState(state.toInt())), option.palette),
                      option.palette, option.font);
}

QSize ComplianceDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QSize badge = Theme::badgeSize(option.font, index.data(Qt::DisplayRole).toString());
    return QSize(qMax(size.width(), badge.width() + 2 * Theme::Spacing),
                 qMax(size.height(), badge.height() + Theme::SpacingSmall));
}

CompliancePage::CompliancePage(Session &session, QWidget *parent) : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("compliancePage"));
    setAccessibleName(tr("Compliance"));
    m_model = new ComplianceModel(session.database(), session.userId(), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing + Theme::SpacingSmall);
    layout->addWidget(Theme::noteLabel(
        tr("Who holds each certificate their groups require, and who lapses next."), this));
    layout->addWidget(buildFilters());

    m_error = Theme::errorLabel(QStringLiteral("complianceError"), this);
    m_error->setAccessibleName(tr("Loading error"));
    layout->addWidget(m_error);

    m_view = new DataTableView(this);
    m_view->setObjectName(QStringLiteral("complianceTable"));
    m_view->setAccessibleName(tr("Compliance"));
    m_view->setModel(m_model);
    m_view->setRowPadding(18);
    m_view->setItemDelegate(new ComplianceDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);

    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(Theme::Spacing);
    m_summary = Theme::noteLabel(QString(), this);
    m_summary->setObjectName(QStringLiteral("complianceSummary"));
    bottom->addWidget(m_summary);
    m_totals = Theme::noteLabel(QString(), this);
    m_totals->setObjectName(QStringLiteral("complianceTotals"));
    m_totals->setAccessibleName(tr("Totals"));
    bottom->addWidget(m_totals, 1);
    layout->addLayout(bottom);

    connect(m_view, &QTableView::activated, this, &CompliancePage::openCell);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_error->hide();
        // Columns fit their header and badges once per reset.
        m_view->setColumnWidth(0, 190);
        m_view->setColumnWidth(1, 240);
        for (int c = ComplianceModel::FixedColumns; c < m_model->columnCount(); ++c)
            m_view->setColumnWidth(c, qMax(170, m_view->horizontalHeader()->sectionSizeHint(c)));
    });
    connect(m_model, &ComplianceModel::loadFailed, this, [this](const QString &message) {
        m_error->setText(tr("The compliance picture could not be loaded: %1").arg(message));
        m_error->show();
    });
}

QWidget *CompliancePage::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(Theme::Spacing);
    const auto combo = [bar, row](const QString &name, const QString &accessible) {
        auto *box = new QComboBox(bar);
        box->setObjectName(name);
        box->setAccessibleName(accessible);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        row->addWidget(box);
        return box;
    };
    m_group = combo(QStringLiteral("complianceGroup"), tr("Group"));
    m_template = combo(QStringLiteral("complianceTemplate"), tr("Required certificate"));
    m_state = combo(QStringLiteral("complianceState"), tr("State"));
    m_order = combo(QStringLiteral("complianceOrder"), tr("Order"));
    m_state->addItem(tr("Any state"), -1);
    for (ComplianceState state : Compliance::states())
        m_state->addItem(Compliance::stateLabel(state), int(state));
    m_order->addItem(tr("By name"), int(ComplianceQuery::Order::Name));
    m_order->addItem(tr("Soonest lapse first"), int(ComplianceQuery::Order::Lapse));
    row->addStretch(1);
    if (RequirementsEditor::mayEdit(m_session)) {
        auto *requirements = new QPushButton(tr("Requirements…"), bar);
        requirements->setObjectName(QStringLiteral("complianceRequirements"));
        requirements->setAccessibleName(tr("Requirements"));
        requirements->setToolTip(tr("Choose which certificates each group requires"));
        requirements->setProperty("secondary", true);
        row->addWidget(requirements);
        connect(requirements, &QPushButton::clicked, this, &CompliancePage::editRequirements);
    }
    m_export = new QPushButton(tr("Export CSV…"), bar);
    m_export->setObjectName(QStringLiteral("complianceExport"));
    m_export->setAccessibleName(tr("Export CSV"));
    m_export->setToolTip(tr("Write what the filters show to a CSV file"));
    m_export->setProperty("secondary", true);
    row->addWidget(m_export);
    for (QComboBox *box : {m_group, m_template, m_state, m_order})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                applyFilters();
        });
    connect(m_export, &QPushButton::clicked, this, &CompliancePage::exportCsv);
    return bar;
}

void CompliancePage::fillFilters()
{
    m_filling = true;
    const Id group = m_group->currentData().toLongLong();
    const Id templ = m_template->currentData().toLongLong();
    m_group->clear();
    m_group->addItem(tr("All groups"), 0);
    if (const auto groups = m_session.directory().groups()) {
        for (const Group &g : groups.value())
            m_group->addItem(g.name, g.id);
    }
    m_template->clear();
    m_template->addItem(tr("All required certificates"), 0);
    ComplianceQuery every;
    every.today = Domain::today();
    if (const auto columns = m_session.compliance().columns(m_session.userId(), every)) {
        for (const CertificateTemplate &t : columns.value())
            m_template->addItem(t.name, t.id);
    }
    m_group->setCurrentIndex(qMax(0, m_group->findData(group)));
    m_template->setCurrentIndex(qMax(0, m_template->findData(templ)));
    m_filling = false;
}

void CompliancePage::reload()
{
    fillFilters();
    applyFilters();
}

void CompliancePage::applyFilters()
{
    ComplianceQuery query;
    query.groupId = m_group->currentData().toLongLong();
    query.templateId = m_template->currentData().toLongLong();
    const int state = m_state->currentData().toInt();
    if (state >= 0)
        query.state = ComplianceState(state);
    query.order = ComplianceQuery::Order(m_order->currentData().toInt());
    m_model->setQuery(query);
    updateSummary();
}

void CompliancePage::updateSummary()
{
    // Counted by the database (the true number, whatever has been scrolled
    // to) on a connection of its own: over a whole organisation the totals
    // are a pass over every person, and the first screen does not wait.
    const int generation = ++m_summaryGeneration;
    const Id actor = m_session.userId();
    const ComplianceQuery query = m_model->query();
    m_summary->setText(tr("Counting…"));
    m_summary->setAccessibleName(m_summary->text());
    m_export->setEnabled(m_model->rowCount() > 0);
    m_session.background().run<ComplianceService::Summary>(
        this, [actor, query](Database &db) { return ComplianceService::summary(db, actor, query); },
        [this, generation, soonDays = query.soonDays](const ComplianceService::Summary &summary) {
            if (generation == m_summaryGeneration)
                showSummary(summary, soonDays);
        },
        [this, generation](const QString &message) {
            if (generation == m_summaryGeneration)
                showSummary({makeError(ErrorKind::Storage, message),
                             makeError(ErrorKind::Storage, message)},
                            0);
        });
}

void CompliancePage::showSummary(const ComplianceService::Summary &summary, int soonDays)
{
    const QLocale locale;
    QString text;
    if (summary.count) {
        text = summary.count.value() == 1
                   ? tr("1 person")
                   : tr("%1 people").arg(locale.toString(summary.count.value()));
    }
    m_summary->setText(text);
    m_summary->setAccessibleName(text);
    QStringList lines;
    const QString group = m_group->currentIndex() > 0 ? m_group->currentText() : QString();
    const QList<ComplianceTotal> totals =
        summary.totals ? summary.totals.value() : QList<ComplianceTotal>();
    for (const ComplianceTotal &t : totals) {
        QString line = tr("%1: %2 % covered (%3 of %4)")
                           .arg(t.templateName)
                           .arg(t.percentCovered())
                           .arg(locale.toString(t.covered()), locale.toString(t.required()));
        if (t.expiring > 0)
            line +=
                tr(", %1 expiring within %2 days").arg(locale.toString(t.expiring)).arg(soonDays);
        if (t.missing > 0)
            line += tr(", %1 missing").arg(locale.toString(t.missing));
        lines << (group.isEmpty() ? line : tr("%1 — %2").arg(group, line));
    }
    m_totals->setText(lines.join(QLatin1Char('\n')));
    m_export->setEnabled(summary.count && summary.count.value() > 0);
    if (!summary.count || !summary.totals) {
        m_error->setText(
            tr("The compliance picture could not be loaded: %1")
                .arg(!summary.count ? summary.count.message() : summary.totals.message()));
        m_error->show();
    }
    emit summaryShown();
}

void CompliancePage::openCell(const QModelIndex &index)
{
    if (!index.isValid() || index.column() < ComplianceModel::FixedColumns)
        return;
    const QVariant state = index.data(ComplianceModel::StateRole);
    if (!state.isValid())
        return;
    const Id certificate = index.data(ComplianceModel::CertificateIdRole).toLongLong();
    if (certificate > 0) {
        auto *details = new CertificateDetailsDialog(m_session, certificate, this);
        details->setAttribute(Qt::WA_DeleteOnClose);
        connect(details, &QDialog::finished, this, [this] {
            m_model->reload();
            updateSummary();
        });
        emit cellDialogOpened(details);
        details->open();
        return;
    }
    // Missing: the import form for that person, the template chosen (R4).
    const Id person = index.data(ComplianceModel::UserIdRole).toLongLong();
    QString why;
    if (!ImportDialog::canOpen(m_session, person, &why)) {
        m_error->setText(why);
        m_error->show();
        return;
    }
    auto *form = new ImportDialog(m_session, person, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->preselectTemplate(index.data(ComplianceModel::TemplateIdRole).toLongLong());
    connect(form, &QDialog::finished, this, [this] {
        m_model->reload();
        updateSummary();
    });
    emit cellDialogOpened(form);
    form->open();
}

void CompliancePage::editRequirements()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("requirementsDialog"));
    dialog->setWindowTitle(tr("Requirements"));
    dialog->resize(640, 420);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new RequirementsEditor(m_session, dialog), 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    connect(dialog, &QDialog::finished, this, &CompliancePage::reload);
    emit cellDialogOpened(dialog);
    dialog->open();
}

void CompliancePage::exportCsv()
{
    const QString path = CsvExportRun::askFile(
        this, tr("compliance-%1.csv").arg(Domain::today().toString(Qt::ISODate)));
    if (!path.isEmpty())
        exportTo(path, false);
}

bool CompliancePage::exportTo(const QString &path, bool excel)
{
    const ComplianceQuery query = m_model->query();
    QString error;
    const bool written = CsvExportRun::write(
        this, path,
        [this, query, excel](QIODevice *out) {
            return CsvExport::compliance(m_session.database(), m_session.userId(), query, out,
                                         excel ? CsvWriter::Options::excel()
                                               : CsvWriter::Options());
        },
        &error);
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
    }
    return written;
}
