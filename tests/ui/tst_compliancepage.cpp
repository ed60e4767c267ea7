// The Compliance page (README "Rules", Requirements and compliance) on the
// demo organisation with requirements: who sees it, the true number of
// people and the totals, filters and order applied by the database, a cell
// opening its certificate or (missing) the import form with the template
// chosen, Export CSV… writing what the filters show; screenshots at
// 1280×720 and 1920×1080.
#include "GuiTestSupport.h"
#include "compliance/CompliancePage.h"
#include "compliance/RequirementsEditor.h"
#include "import/ImportDialog.h"
#include "itemmodels/CertificateListModel.h"
#include "itemmodels/ComplianceModel.h"
#include "results/CertificateDetailsDialog.h"
#include "results/CertificatesSection.h"
#include "services/Session.h"
#include "settings/SettingsPage.h"
#include "storage/Sql.h"
#include "widgets/CsvExportRun.h"
#include "widgets/DataTableView.h"
#include "widgets/FileDialog.h"

#include <QProgressDialog>
#include <QSignalSpy>

#include <QListWidget>

#include <QComboBox>
#include <QTemporaryDir>

using GuiTest::child;

class TestCompliancePage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void onlyAdminsManagersAndCoaches_seeThePage();
    void truth_totals_filters_order();
    void summary_countedOffTheWindowsThread_lastFiltersWin();
    void cells_openTheCertificate_orTheImportFormWithTheTemplate();
    void exportCsv_writesWhatTheFiltersShow();
    void requirements_groupAdminsForTheirGroups_platformAdminsInSettings();
    void resultsList_exportsAsShown_withProgressAndCancel();
    void screenshots();

private:
    std::unique_ptr<MainWindow> open(const QString &email, QSize size = QSize(1280, 720));
    CompliancePage *page(MainWindow *window)
    {
        return qobject_cast<CompliancePage *>(child<QWidget>(window, "compliancePage"));
    }
    Id templateId(const QString &name);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Session> m_admin;
    QTemporaryDir m_dir;
};

void TestCompliancePage::initTestCase()
{
    GuiTest::prepareApplication();
    QVERIFY(m_dir.isValid());
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
    const DatabaseLocation location = DatabaseLocation::parse(m_db->location(), &error);
    auto admin = Session::signIn(location, DemoData::adminEmail(), DemoData::password());
    QVERIFY2(admin, qPrintable(admin.message()));
    m_admin = std::move(admin.value());
    // The demo may carry requirements already; these two are ours.
    ComplianceService &compliance = m_admin->compliance();
    for (const auto &[group, templ] : QList<QPair<QString, QString>>{
             {QStringLiteral("Sales"), QStringLiteral("First Aid at Work")},
             {QStringLiteral("Engineering"), QStringLiteral("Fire Safety Awareness")}}) {
        const auto added = compliance.addRequirement(m_admin->userId(), group, templ);
        QVERIFY2(added || added.kind() == ErrorKind::Conflict, qPrintable(added.message()));
    }
}

void TestCompliancePage::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        modal->close();
    FileDialog::clearNextFileName();
}

std::unique_ptr<MainWindow> TestCompliancePage::open(const QString &email, QSize size)
{
    auto window = GuiTest::openMainWindow(m_db->location(), email, size);
    if (window && !window->showPage(QStringLiteral("compliance")))
        return nullptr;
    return window;
}

Id TestCompliancePage::templateId(const QString &name)
{
    const auto t = m_admin->directory().templateByName(name);
    return t ? t->id : 0;
}

void TestCompliancePage::onlyAdminsManagersAndCoaches_seeThePage()
{
    for (const QString &email :
         {DemoData::adminEmail(), QStringLiteral("maria.schmidt@demo.example"),
          QStringLiteral("chloe.dubois@demo.example")}) {
        auto window = open(email);
        QVERIFY2(window && page(window.get()), qPrintable(email));
    }
    auto learner =
        GuiTest::openMainWindow(m_db->location(), QStringLiteral("emma.wilson@demo.example"));
    QVERIFY(learner);
    QVERIFY(!learner->showPage(QStringLiteral("compliance")));
    QVERIFY(!page(learner.get()));
}

void TestCompliancePage::truth_totals_filters_order()
{
    auto window = open(DemoData::adminEmail());
    QVERIFY(window);
    CompliancePage *p = page(window.get());
    QVERIFY(p);
    ComplianceModel *model = p->model();
    // The summary tells the database's count, whatever is loaded.
    ComplianceQuery all;
    all.today = Domain::today();
    const int everyone = m_admin->compliance().count(m_admin->userId(), all).value();
    QVERIFY(everyone > 10);
    QTRY_COMPARE(p->summary()->text(),
                 QStringLiteral("%1 people").arg(QLocale().toString(everyone)));
    QVERIFY2(p->totals()->text().contains(QStringLiteral("First Aid at Work: ")),
             qPrintable(p->totals()->text()));
    QVERIFY(p->totals()->text().contains(QStringLiteral("% covered")));
    QCOMPARE(model->columnCount(), ComplianceModel::FixedColumns + 2);

    // Missing only: fewer people, every one with a missing cell.
    p->stateFilter()->setCurrentIndex(p->stateFilter()->findData(int(ComplianceState::Missing)));
    QVERIFY(model->rowCount() < everyone);
    for (int r = 0; r < model->rowCount(); ++r) {
        bool missing = false;
        for (int c = ComplianceModel::FixedColumns; c < model->columnCount(); ++c)
            missing = missing || model->index(r, c).data(ComplianceModel::StateRole).toInt() ==
                                     int(ComplianceState::Missing);
        QVERIFY(missing);
    }
    // A group: Engineering's people only, one column (Fire Safety).
    p->stateFilter()->setCurrentIndex(0);
    p->groupFilter()->setCurrentIndex(p->groupFilter()->findText(QStringLiteral("Engineering")));
    QCOMPARE(model->columnCount(), ComplianceModel::FixedColumns + 1);
    QTRY_VERIFY2(p->totals()->text().startsWith(QStringLiteral("Engineering — Fire Safety")),
                 qPrintable(p->totals()->text()));
    // Soonest lapse: the last row lapses no sooner than the first.
    p->groupFilter()->setCurrentIndex(0);
    p->orderChoice()->setCurrentIndex(1);
    QVERIFY(model->rowCount() > 1);
    QVERIFY(model->rowAt(0).lapse <= model->rowAt(model->rowCount() - 1).lapse);

    // Maria (manager): her scope only.
    auto maria = open(QStringLiteral("maria.schmidt@demo.example"));
    QVERIFY(maria);
    CompliancePage *mp = page(maria.get());
    QVERIFY(mp->model()->rowCount() > 0);
    QVERIFY(mp->model()->rowCount() < everyone);
    for (int r = 0; r < mp->model()->rowCount(); ++r) {
        const Id person = mp->model()->rowAt(r).userId;
        QVERIFY(m_admin->policy().inScope(
            m_admin->directory().userByEmail(QStringLiteral("maria.schmidt@demo.example"))->id,
            person));
    }
}

// The count and the totals come from BackgroundReads' own connection, not
// the window's: the page says "Counting…" until they arrive, and when the
// filters change faster than the answers, only the last filters' answer is
// shown.
void TestCompliancePage::summary_countedOffTheWindowsThread_lastFiltersWin()
{
    auto window = open(DemoData::adminEmail());
    QVERIFY(window);
    CompliancePage *p = page(window.get());
    QSignalSpy shown(p, &CompliancePage::summaryShown);
    QTRY_VERIFY(p->summary()->text().endsWith(QStringLiteral(" people")));
    const int jobs = window->session().background().jobsRun();
    QVERIFY(jobs >= 1);

    shown.clear();
    // Three changes in a row, without the event loop in between: the
    // answers of the first two are dropped.
    p->groupFilter()->setCurrentIndex(p->groupFilter()->findText(QStringLiteral("Sales")));
    QCOMPARE(p->summary()->text(), QStringLiteral("Counting…"));
    p->stateFilter()->setCurrentIndex(p->stateFilter()->findData(int(ComplianceState::Missing)));
    p->groupFilter()->setCurrentIndex(p->groupFilter()->findText(QStringLiteral("Engineering")));
    QCOMPARE(p->summary()->text(), QStringLiteral("Counting…"));
    QTRY_COMPARE(window->session().background().jobsRun(), jobs + 3);
    QTRY_COMPARE(shown.size(), 1);
    QTest::qWait(50);
    QCOMPARE(shown.size(), 1);

    ComplianceQuery engineeringMissing = p->model()->query();
    QCOMPARE(engineeringMissing.groupId,
             m_admin->directory().groupByName(QStringLiteral("Engineering"))->id);
    const int expected = m_admin->compliance().count(m_admin->userId(), engineeringMissing).value();
    const QString text =
        expected == 1 ? QStringLiteral("1 person") : QStringLiteral("%1 people").arg(expected);
    QCOMPARE(p->summary()->text(), text);
    QVERIFY2(p->totals()->text().startsWith(QStringLiteral("Engineering — Fire Safety")),
             qPrintable(p->totals()->text()));
}

void TestCompliancePage::cells_openTheCertificate_orTheImportFormWithTheTemplate()
{
    auto window = open(DemoData::adminEmail());
    QVERIFY(window);
    CompliancePage *p = page(window.get());
    ComplianceModel *model = p->model();
    QModelIndex held;
    QModelIndex missing;
    for (int r = 0; r < model->rowCount() && (!held.isValid() || !missing.isValid()); ++r) {
        for (int c = ComplianceModel::FixedColumns; c < model->columnCount(); ++c) {
            const QModelIndex i = model->index(r, c);
            if (!i.data(ComplianceModel::StateRole).isValid())
                continue;
            if (i.data(ComplianceModel::CertificateIdRole).toLongLong() > 0)
                held = i;
            else
                missing = i;
        }
    }
    QVERIFY(held.isValid() && missing.isValid());
    QWidget *opened = nullptr;
    connect(p, &CompliancePage::cellDialogOpened, this, [&opened](QWidget *d) { opened = d; });
    p->openCell(held);
    auto *details = qobject_cast<CertificateDetailsDialog *>(opened);
    QVERIFY(details);
    details->close();
    opened = nullptr;
    p->openCell(missing);
    auto *form = qobject_cast<ImportDialog *>(opened);
    QVERIFY(form);
    // R4: for that person; the template of the column chosen.
    QVERIFY2(form->windowTitle().contains(model->rowAt(missing.row()).name) ||
                 GuiTest::describeDialog(form).contains(model->rowAt(missing.row()).name),
             qPrintable(GuiTest::describeDialog(form)));
    auto *templates = form->findChild<QComboBox *>(QStringLiteral("templateCombo"));
    if (templates)
        QCOMPARE(templates->currentData().toLongLong(),
                 missing.data(ComplianceModel::TemplateIdRole).toLongLong());
    form->close();
}

void TestCompliancePage::exportCsv_writesWhatTheFiltersShow()
{
    auto window = open(DemoData::adminEmail());
    QVERIFY(window);
    CompliancePage *p = page(window.get());
    p->stateFilter()->setCurrentIndex(p->stateFilter()->findData(int(ComplianceState::Missing)));
    const QString path = m_dir.filePath(QStringLiteral("missing.csv"));
    FileDialog::setNextFileName(path);
    p->exportCsv();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(),
             QByteArrayLiteral("person_id,name,email,template,state,expires,certificate_id"));
    int rows = 0;
    QSet<QByteArray> people;
    for (const QByteArray &line : lines.mid(1)) {
        if (line.trimmed().isEmpty())
            continue;
        ++rows;
        people.insert(line.left(line.indexOf(',')));
    }
    QVERIFY(rows >= people.size());
    file.close();
    ComplianceQuery missing;
    missing.today = Domain::today();
    missing.state = ComplianceState::Missing;
    QCOMPARE(int(people.size()), m_admin->compliance().count(m_admin->userId(), missing).value());
    // Cancelled by the person: the file that was there stays as it was.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("keep");
    file.close();
    FileDialog::setNextFileName(QString());
    p->exportCsv();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArrayLiteral("keep"));
}

void TestCompliancePage::requirements_groupAdminsForTheirGroups_platformAdminsInSettings()
{
    // Lukas administers Sales EMEA: he is offered it and Sales Benelux below
    // it, nothing else; what he adds shows at once and can be removed.
    auto window = open(QStringLiteral("lukas.weber@demo.example"));
    QVERIFY(window);
    CompliancePage *p = page(window.get());
    auto *button = child<QPushButton>(p, "complianceRequirements");
    QVERIFY(button);
    QWidget *opened = nullptr;
    connect(p, &CompliancePage::cellDialogOpened, this, [&opened](QWidget *d) { opened = d; });
    button->click();
    QVERIFY(opened);
    auto *editor = opened->findChild<RequirementsEditor *>();
    QVERIFY(editor);
    QStringList groups;
    for (int i = 0; i < editor->groupChoice()->count(); ++i)
        groups << editor->groupChoice()->itemText(i);
    QCOMPARE(groups, (QStringList{QStringLiteral("Sales Benelux"), QStringLiteral("Sales EMEA")}));
    const int before = editor->list()->count();
    editor->groupChoice()->setCurrentIndex(
        editor->groupChoice()->findText(QStringLiteral("Sales EMEA")));
    editor->templateChoice()->setCurrentIndex(
        editor->templateChoice()->findText(QStringLiteral("GDPR Essentials")));
    editor->addButton()->click();
    QVERIFY2(editor->message()->text().contains(QStringLiteral("now requires")),
             qPrintable(editor->message()->text()));
    QCOMPARE(editor->list()->count(), before + 1);
    GuiTest::saveScreenshot(opened, QStringLiteral("requirements-dialog.png"));
    // Twice: refused with the reason, nothing added.
    editor->addButton()->click();
    QVERIFY(editor->message()->text().contains(QStringLiteral("already requires")));
    QCOMPARE(editor->list()->count(), before + 1);
    // He cannot remove Sales' requirement (a group above his).
    for (int i = 0; i < editor->list()->count(); ++i) {
        QListWidgetItem *item = editor->list()->item(i);
        if (item->text().startsWith(QStringLiteral("Sales requires")))
            QVERIFY(!(item->flags() & Qt::ItemIsSelectable));
    }
    for (int i = 0; i < editor->list()->count(); ++i) {
        if (editor->list()->item(i)->text() ==
            QStringLiteral("Sales EMEA requires GDPR Essentials"))
            editor->list()->setCurrentRow(i);
    }
    QVERIFY(editor->removeButton()->isEnabled());
    editor->removeButton()->click();
    QCOMPARE(editor->list()->count(), before);
    opened->close();

    // A manager who administers nothing sees no Requirements… button; the
    // platform admin edits them in Settings too.
    auto maria = open(QStringLiteral("maria.schmidt@demo.example"));
    QVERIFY(!child<QPushButton>(page(maria.get()), "complianceRequirements"));
    auto admin = GuiTest::openMainWindow(m_db->location(), DemoData::adminEmail());
    QVERIFY(admin->showPage(QStringLiteral("settings")));
    QVERIFY(child<QWidget>(admin.get(), "settingsPage")->findChild<RequirementsEditor *>());
}

void TestCompliancePage::resultsList_exportsAsShown_withProgressAndCancel()
{
    // Emma gets 1,200 more certificates (copies of one of hers), so that the
    // export takes several pages.
    const Id emma =
        m_admin->directory().userByEmail(QStringLiteral("emma.wilson@demo.example"))->id;
    QString error;
    Sql::run(
        m_admin->database().connection(),
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
                       "< 1200) INSERT INTO certificates (kind, owner_id, uploader_id, name, "
                       "delivered_on, expires_on, status, pdf_sha256, original_filename, "
                       "created_at, updated_at) SELECT 'external', c.owner_id, c.owner_id, "
                       "'Copy ' || n.i, c.delivered_on, NULL, 'accepted', c.pdf_sha256, "
                       "c.original_filename, c.created_at, c.updated_at FROM n, (SELECT * "
                       "FROM certificates WHERE owner_id = ? AND pdf_sha256 IS NOT NULL "
                       "LIMIT 1) c"),
        {emma}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto window = GuiTest::openMainWindow(
        m_db->location(), QStringLiteral("emma.wilson@demo.example"), QSize(1280, 720));
    QVERIFY(window);
    window->show();
    auto *section = window->findChild<CertificatesSection *>();
    QVERIFY(section);
    auto *button = child<QPushButton>(section, "exportCsvButton");
    QVERIFY(button && button->isVisible());
    const int shown = section->model()->rowCount();

    // The whole list as shown: every certificate of hers, one record each;
    // the progress dialog after the first page, photographed.
    const QString path = m_dir.filePath(QStringLiteral("emma.csv"));
    FileDialog::setNextFileName(path);
    int steps = 0;
    CsvExportRun::setStepObserver([&steps](QProgressDialog *progress) {
        if (++steps == 1) {
            progress->show();
            QTest::qWait(20);
            GuiTest::saveScreenshot(progress, QStringLiteral("export-progress.png"));
        }
    });
    button->click();
    QVERIFY(steps >= 3);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const int records = int(file.readAll().count("\r\n")) - 1;
    file.close();
    const auto counts = m_admin->certificates().counts(m_admin->userId(), emma);
    QCOMPARE(records, counts->of(StatusFilter::All));
    QVERIFY(records > shown); // more than the rows the view had loaded

    // Cancel after the first page: the file stays as it was.
    FileDialog::setNextFileName(path);
    CsvExportRun::setStepObserver([](QProgressDialog *progress) { progress->cancel(); });
    button->click();
    CsvExportRun::setStepObserver({});
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(int(file.readAll().count("\r\n")) - 1, records);
}

void TestCompliancePage::screenshots()
{
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        auto window = open(DemoData::adminEmail(), size);
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        CompliancePage *p = page(window.get());
        p->orderChoice()->setCurrentIndex(1);
        QTRY_VERIFY(p->summary()->text().endsWith(QStringLiteral(" people")));
        QTest::qWait(50);
        GuiTest::saveScreenshot(
            window.get(),
            QStringLiteral("compliance-%1x%2.png").arg(size.width()).arg(size.height()));
    }
}

QTEST_MAIN(TestCompliancePage)
#include "tst_compliancepage.moc"
