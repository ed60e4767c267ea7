// The Results page offscreen, on a demo database: a learner's certificates in
// the lazy table with a status badge per row, the credits column with the
// credits feature, Import certificate with the import switch (R1) and Ctrl+I,
// the details dialog with the PDF (double-click, Enter, Esc), drops of PDFs
// (one dialog per file, the new row selected) and of other files (a banner,
// nothing written), and screenshots.
#include "GuiTestSupport.h"

#include "certificate/StatusDelegate.h"
#include "import/DropZone.h"
#include "import/ImportDialog.h"
#include "itemmodels/CertificateListModel.h"
#include "results/CertificateDetailsDialog.h"
#include "results/CertificatesSection.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/FileDialog.h"
#include "widgets/PdfPreview.h"

#include <QAction>
#include <QDateEdit>
#include <QHeaderView>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>

using GuiTest::child;

namespace {
const QString kLearner = QStringLiteral("emma.wilson@demo.example");
const QString kNoCertificates = QStringLiteral("lukas.weber@demo.example");

QStringList allStatusKeys()
{
    return {QStringLiteral("accepted"),      QStringLiteral("pending"),
            QStringLiteral("validated"),     QStringLiteral("rejected"),
            QStringLiteral("expiring-soon"), QStringLiteral("expired")};
}

// True when the rendered cell holds pixels of the status colour (the badge's
// text), i.e. the delegate drew a badge in that colour.
bool cellShowsColour(QTableView *view, const QModelIndex &index, const QColor &colour)
{
    const QImage image = view->viewport()->grab(view->visualRect(index)).toImage();
    int hits = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            const int distance = qAbs(pixel.red() - colour.red()) +
                                 qAbs(pixel.green() - colour.green()) +
                                 qAbs(pixel.blue() - colour.blue());
            hits += distance < 60 ? 1 : 0;
        }
    }
    return hits >= 8;
}
} // namespace

class TestResultsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void screenshots();
    void screenshots_darkPalette();
    void learner_seesEveryStatusAsBadge();
    void creditsColumn_onlyWithCreditsFeature();
    void emptyState_saysWhatToDo();
    void importButton_followsImportSwitch();
    void ctrlI_opensImportDialog();
    void doubleClick_opensDetailsWithPdf();
    void enter_opensDetails_escapeCloses();
    void drop_pdf_opensDialogWithFile_newRowSelected();
    void drop_severalPdfs_oneDialogPerFile();
    void drop_textFile_showsBanner_nothingWritten();
    void drop_ignoredWhileImportOff();

private:
    void setSetting(const QString &key, const QString &value);
    std::unique_ptr<MainWindow> open(const QString &email, QSize size = QSize(1100, 700));
    static CertificatesSection *section(MainWindow *window);
    int certificateCount();
    QString pdfPath(const QString &title);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Session> m_admin;
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestResultsPage::initTestCase()
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
}

void TestResultsPage::init()
{
    QSettings().clear();
    // The demo's settings before every test.
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("credits.enabled"), QStringLiteral("on"));
    FileDialog::clearNextFileName();
}

void TestResultsPage::cleanup()
{
    // A failed test may leave a dialog open.
    while (QWidget *modal = QApplication::activeModalWidget())
        modal->close();
    FileDialog::clearNextFileName();
}

void TestResultsPage::setSetting(const QString &key, const QString &value)
{
    // As a platform admin, through the service (R1 is the admins' switch).
    const auto set = m_admin->settings().set(m_admin->userId(), key, value);
    QVERIFY2(set, qPrintable(set.message()));
}

std::unique_ptr<MainWindow> TestResultsPage::open(const QString &email, QSize size)
{
    auto window = GuiTest::openMainWindow(m_db->location(), email, size);
    if (window && window->currentPageKey() != QLatin1String("results"))
        window->showPage(QStringLiteral("results"));
    return window;
}

CertificatesSection *TestResultsPage::section(MainWindow *window)
{
    return child<CertificatesSection>(child<QWidget>(window, "resultsPage"), "certificatesSection");
}

int TestResultsPage::certificateCount()
{
    QSqlQuery query(m_db->db().connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM certificates")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString TestResultsPage::pdfPath(const QString &title)
{
    const QString path = m_dir.filePath(QStringLiteral("dropped-%1.pdf").arg(++m_files));
    return GuiTest::writeCertificatePdf(path, title, QStringLiteral("Emma Wilson")) ? path
                                                                                    : QString();
}

void TestResultsPage::learner_seesEveryStatusAsBadge()
{
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    QVERIFY(certificates);
    QTableView *view = certificates->view();
    QCOMPARE(view->objectName(), QStringLiteral("certificatesTable"));
    QTRY_VERIFY(view->isVisible());
    CertificateListModel *model = certificates->model();
    QCOMPARE(view->model(), model);

    const Session &session = window->session();
    const auto expected = window->session().certificates().certificatesOf(
        session.userId(), session.userId(), CertificateCursor(), 1000);
    QVERIFY(expected);
    QCOMPARE(model->rowCount(), int(expected->size()));
    QCOMPARE(model->owner(), session.userId());

    const int nameColumn = model->indexOf(CertificateListModel::Column::Name);
    const int statusColumn = model->indexOf(CertificateListModel::Column::Status);
    QVERIFY(statusColumn >= 0);
    auto *delegate = qobject_cast<StatusDelegate *>(view->itemDelegateForColumn(statusColumn));
    QVERIFY2(delegate, "the status column is drawn as a badge");
    QVERIFY(!view->itemDelegateForColumn(nameColumn));

    // Emma's demo holds every display status, each drawn in its own colour
    // with its label as the badge's text; expiring and expired ones say how
    // long is left or since when.
    QSet<QString> keys;
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, statusColumn);
        const auto status =
            DisplayStatus(index.data(CertificateListModel::DisplayStatusRole).toInt());
        keys.insert(index.data(CertificateListModel::StatusKeyRole).toString());
        const Certificate c = model->certificateAt(row);
        QCOMPARE(index.data().toString(),
                 c.statusText(Domain::today(), Domain::DefaultExpiringSoonDays));
        if (status == DisplayStatus::ExpiringSoon || status == DisplayStatus::Expired) {
            const qint64 days = Domain::today().daysTo(c.expires);
            QVERIFY2(index.data().toString().contains(QString::number(qAbs(days))) ||
                         qAbs(days) <= 1 || days < -30,
                     qPrintable(index.data().toString()));
        } else {
            QCOMPARE(index.data().toString(), Domain::displayStatusLabel(status));
        }
        QCOMPARE(delegate->statusOf(index), std::optional<DisplayStatus>(status));
        QVERIFY2(cellShowsColour(view, index, Theme::statusColor(status, view->palette())),
                 qPrintable(index.data().toString()));
        names << model->index(row, nameColumn).data().toString();
    }
    for (const QString &key : allStatusKeys())
        QVERIFY2(keys.contains(key), qPrintable(key));
    QVERIFY(names.contains(QStringLiteral("Google Analytics Certification")));
    QVERIFY2(!names.contains(QStringLiteral("Salesforce Administrator")), "Liam's, not Emma's");
    // Import is on in the demo: the button shows.
    QVERIFY(child<QPushButton>(certificates, "importButton")->isVisible());
    QTRY_VERIFY(!certificates->isCounting());
    QVERIFY(!child<QLabel>(certificates, "certificatesSummary")->text().isEmpty());
}

void TestResultsPage::creditsColumn_onlyWithCreditsFeature()
{
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    CertificateListModel *model = certificates->model();
    QVERIFY(model->indexOf(CertificateListModel::Column::Credits) >= 0);
    const int withCredits = model->columnCount();

    setSetting(QStringLiteral("credits.enabled"), QStringLiteral("off"));
    QTest::keyClick(window.get(), Qt::Key_F5);
    QTRY_COMPARE(model->columnCount(), withCredits - 1);
    QCOMPARE(model->indexOf(CertificateListModel::Column::Credits), -1);
    // The badge follows the status column where it moved.
    const int statusColumn = model->indexOf(CertificateListModel::Column::Status);
    QVERIFY(
        qobject_cast<StatusDelegate *>(certificates->view()->itemDelegateForColumn(statusColumn)));
    QVERIFY(!certificates->view()->itemDelegateForColumn(statusColumn + 1));
    QCOMPARE(certificates->view()->horizontalHeader()->count(), withCredits - 1);
}

void TestResultsPage::emptyState_saysWhatToDo()
{
    auto window = open(kNoCertificates);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    auto *empty = child<QLabel>(certificates, "emptyState");
    QVERIFY(empty);
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(empty->text(),
             QStringLiteral("No certificates yet — drop a PDF here or click Import certificate"));
    QVERIFY(!certificates->view()->isVisible());

    // Import off: the empty state does not mention it (R1).
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("off"));
    certificates->reload();
    QCOMPARE(empty->text(), QStringLiteral("No certificates yet"));
    QVERIFY(child<QPushButton>(certificates, "importButton")->isHidden());
}

void TestResultsPage::importButton_followsImportSwitch()
{
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("off"));
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    auto *button = child<QPushButton>(certificates, "importButton");
    QVERIFY(button);
    QVERIFY(button->isHidden());
    QVERIFY(!certificates->importAction()->isEnabled());
    QVERIFY(!certificates->dropOverlay()->isEnabled());
    // Certificates already imported stay visible (R1).
    QVERIFY(certificates->model()->rowCount() > 0);

    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
    QTest::keyClick(window.get(), Qt::Key_F5);
    QTRY_VERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Import certificate"));
    QCOMPARE(button->accessibleName(), QStringLiteral("Import certificate"));
    QVERIFY(!button->icon().isNull());
    QVERIFY(certificates->importAction()->isEnabled());
    QCOMPARE(certificates->importAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+I")));
}

void TestResultsPage::ctrlI_opensImportDialog()
{
    auto window = open(kLearner);
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QString title;
    bool available = false;
    bool seen = false;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *dialog) {
        seen = true;
        title = dialog->windowTitle();
        available = dialog->form().available;
        QTest::keyClick(dialog, Qt::Key_Escape); // Esc closes, nothing written
    });
    const int before = certificateCount();
    QTest::keyClick(window.get(), Qt::Key_I, Qt::ControlModifier);
    QTRY_VERIFY(seen);
    QCOMPARE(title, QStringLiteral("Import certificate"));
    QVERIFY(available);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(certificateCount(), before);
}

void TestResultsPage::doubleClick_opensDetailsWithPdf()
{
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    QTableView *view = certificates->view();
    CertificateListModel *model = certificates->model();
    QTRY_VERIFY(model->rowCount() > 0);
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->certificateAt(r).name == QLatin1String("Google Analytics Certification"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex index = model->index(row, 0);
    const QPoint centre = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTRY_VERIFY(certificates->detailsDialog());
    CertificateDetailsDialog *details = certificates->detailsDialog();
    QVERIFY(QTest::qWaitForWindowExposed(details));
    QVERIFY(details->isLoaded());
    QCOMPARE(details->certificate().id, model->certificateAt(row).id);
    QCOMPARE(details->windowTitle(),
             QStringLiteral("Certificate — Google Analytics Certification"));
    QCOMPARE(child<QLabel>(details, "certificateTitle")->text(),
             QStringLiteral("Google Analytics Certification"));
    QCOMPARE(child<BadgeLabel>(details, "statusBadge")->text(),
             QStringLiteral("Pending validation"));
    QTRY_VERIFY(details->pdfPreview()->pageCount() >= 1);
    QVERIFY(details->hasPdf());
    QVERIFY(details->errorText().isEmpty());
    QVERIFY(details->pdfPreview()->isVisible());
    details->close();
    QTRY_VERIFY(!certificates->detailsDialog());
}

void TestResultsPage::enter_opensDetails_escapeCloses()
{
    auto window = open(kLearner);
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    CertificatesSection *certificates = section(window.get());
    QTableView *view = certificates->view();
    view->setFocus();
    view->setCurrentIndex(certificates->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(certificates->detailsDialog());
    QPointer<CertificateDetailsDialog> details = certificates->detailsDialog();
    QCOMPARE(details->certificate().id, certificates->model()->certificateAt(0).id);
    QTRY_VERIFY(details->pdfPreview()->pageCount() >= 1);
    QVERIFY(QTest::qWaitForWindowExposed(details));
    QTest::keyClick(details, Qt::Key_Escape);
    QTRY_VERIFY(details.isNull()); // closed and deleted
}

void TestResultsPage::drop_pdf_opensDialogWithFile_newRowSelected()
{
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    // Drags over the table reach the section (the view takes no drops).
    QVERIFY(!certificates->view()->acceptDrops());
    QVERIFY(!certificates->view()->viewport()->acceptDrops());
    const QString path = pdfPath(QStringLiteral("Dropped First Aid"));
    QVERIFY(!path.isEmpty());
    const int before = certificates->model()->rowCount();

    QString filePath;
    QString saveLabel;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *dialog) {
        filePath = dialog->filePath();
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
        saveLabel = save->text();
        dialog->findChild<QDateEdit *>(QStringLiteral("deliveredEdit"))
            ->setDate(QDate(2024, 3, 12));
        save->click();
    });
    std::unique_ptr<QMimeData> mime(GuiTest::filesMime({path}));
    QVERIFY(GuiTest::dragFilesOver(certificates, mime.get()));
    QCOMPARE(certificates->dropOverlay()->state(), DropZone::State::Accepting);
    QVERIFY(certificates->dropOverlay()->isVisible());
    QVERIFY(GuiTest::dropFilesOn(certificates, mime.get()));
    QCOMPARE(certificates->dropOverlay()->state(), DropZone::State::Idle);

    QTRY_COMPARE(certificates->model()->rowCount(), before + 1);
    QCOMPARE(filePath, path);
    QCOMPARE(saveLabel, QStringLiteral("Send for validation")); // R2 on in the demo
    // The new row is selected, and the banner says what happened.
    const QModelIndex current = certificates->view()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(certificates->model()->certificateAt(current.row()).name,
             QStringLiteral("Dropped First Aid"));
    QCOMPARE(
        current
            .siblingAtColumn(certificates->model()->indexOf(CertificateListModel::Column::Status))
            .data(CertificateListModel::StatusKeyRole)
            .toString(),
        QStringLiteral("pending"));
    QVERIFY(certificates->view()->selectionModel()->isRowSelected(current.row(), QModelIndex()));
    QVERIFY(certificates->isBannerVisible());
    QVERIFY2(certificates->bannerText().contains(QLatin1String("Dropped First Aid")),
             qPrintable(certificates->bannerText()));
}

void TestResultsPage::drop_severalPdfs_oneDialogPerFile()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("off"));
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    const QStringList paths{pdfPath(QStringLiteral("Batch Alpha")),
                            pdfPath(QStringLiteral("Batch Beta")),
                            pdfPath(QStringLiteral("Batch Gamma"))};
    const int before = certificates->model()->rowCount();
    QStringList titles;
    QStringList files;
    // First: skipped; second: saved; third: saved.
    std::function<void(ImportDialog *)> act = [&](ImportDialog *dialog) {
        titles << dialog->windowTitle();
        files << dialog->filePath();
        if (titles.size() == 1) {
            dialog->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        } else {
            dialog->findChild<QDateEdit *>(QStringLiteral("deliveredEdit"))
                ->setDate(QDate(2024, 3, 12));
            dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        }
        if (titles.size() < 3)
            QTimer::singleShot(0, [&act] { GuiTest::onNextModal<ImportDialog>(act); });
    };
    GuiTest::onNextModal<ImportDialog>(act);
    std::unique_ptr<QMimeData> mime(GuiTest::filesMime(paths));
    QVERIFY(GuiTest::dragFilesOver(certificates, mime.get()));
    QVERIFY(GuiTest::dropFilesOn(certificates, mime.get()));
    QTRY_COMPARE(titles.size(), 3);
    QTRY_COMPARE(certificates->model()->rowCount(), before + 2);
    QCOMPARE(files, paths);
    QVERIFY2(titles.at(0).endsWith(QLatin1String("file 1 of 3")), qPrintable(titles.at(0)));
    QVERIFY2(titles.at(1).endsWith(QLatin1String("file 2 of 3")), qPrintable(titles.at(1)));
    QVERIFY2(titles.at(2).endsWith(QLatin1String("file 3 of 3")), qPrintable(titles.at(2)));
    QCOMPARE(certificates->bannerText(), QStringLiteral("2 certificates imported."));
    const QModelIndex current = certificates->view()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(certificates->model()->certificateAt(current.row()).name,
             QStringLiteral("Batch Gamma"));
}

void TestResultsPage::drop_textFile_showsBanner_nothingWritten()
{
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    const int before = certificateCount();
    const int rows = certificates->model()->rowCount();

    std::unique_ptr<QMimeData> mime(GuiTest::filesMime({text}));
    QVERIFY(GuiTest::dragFilesOver(certificates, mime.get()));
    QCOMPARE(certificates->dropOverlay()->state(), DropZone::State::Refusing);
    QVERIFY(GuiTest::dropFilesOn(certificates, mime.get()));
    QVERIFY(certificates->isBannerVisible());
    auto *banner = child<QLabel>(certificates, "sectionBannerText");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("notes.txt")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QLatin1String("not a PDF")), qPrintable(banner->text()));
    QCOMPARE(banner->accessibleName(), banner->text());
    // No dialog, nothing written.
    QTest::qWait(200);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(certificateCount(), before);
    QCOMPARE(certificates->model()->rowCount(), rows);
    // The banner goes away when dismissed.
    QTest::mouseClick(child<QToolButton>(certificates, "sectionBannerClose"), Qt::LeftButton);
    QVERIFY(!certificates->isBannerVisible());
}

void TestResultsPage::drop_ignoredWhileImportOff()
{
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("off"));
    auto window = open(kLearner);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    const QString path = pdfPath(QStringLiteral("Not Now"));
    std::unique_ptr<QMimeData> mime(GuiTest::filesMime({path}));
    QVERIFY2(!GuiTest::dragFilesOver(certificates, mime.get()), "R1: no drop target while off");
    QCOMPARE(certificates->dropOverlay()->state(), DropZone::State::Idle);
    // Even if a drop slips through (import switched off meanwhile), the
    // reason is shown and nothing opens.
    certificates->importFiles({path});
    QVERIFY(certificates->isBannerVisible());
    QVERIFY(certificates->bannerText().contains(QLatin1String("switched off")));
    QVERIFY(!QApplication::activeModalWidget());
}

// First, on the demo as it is (the other tests import more).
void TestResultsPage::screenshots()
{
    auto window = open(kLearner, QSize(1280, 760));
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    QTRY_VERIFY(certificates->model()->rowCount() >= 6);
    certificates->view()->setCurrentIndex(certificates->model()->index(1, 0));
    GuiTest::saveScreenshot(window.get(), QStringLiteral("results-learner.png"));

    // While a PDF is dragged over the page.
    const QString path = pdfPath(QStringLiteral("Highlight"));
    std::unique_ptr<QMimeData> mime(GuiTest::filesMime({path}));
    QVERIFY(GuiTest::dragFilesOver(certificates, mime.get()));
    QVERIFY(certificates->dropOverlay()->isVisible());
    GuiTest::saveScreenshot(window.get(), QStringLiteral("drop-over-results.png"));
    QDragLeaveEvent leave;
    QApplication::sendEvent(certificates, &leave);
    QVERIFY(!certificates->dropOverlay()->isVisible());

    // The details of a certificate with its PDF.
    certificates->openCertificate(certificates->model()->index(0, 0));
    QTRY_VERIFY(certificates->detailsDialog());
    CertificateDetailsDialog *details = certificates->detailsDialog();
    QVERIFY(QTest::qWaitForWindowExposed(details));
    QTRY_VERIFY(details->pdfPreview()->pageCount() >= 1);
    QTest::qWait(300); // QPdfView renders in a worker thread
    GuiTest::saveScreenshot(details, QStringLiteral("certificate-details.png"));
    details->close();

    // A refused drop: the banner names the file and says why.
    const QString text = m_dir.filePath(QStringLiteral("scan-of-certificate.docx"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a PDF");
    file.close();
    std::unique_ptr<QMimeData> refused(GuiTest::filesMime({text}));
    QVERIFY(GuiTest::dragFilesOver(certificates, refused.get()));
    QVERIFY(GuiTest::dropFilesOn(certificates, refused.get()));
    QVERIFY(certificates->isBannerVisible());
    GuiTest::saveScreenshot(window.get(), QStringLiteral("results-drop-refused.png"));
}

void TestResultsPage::screenshots_darkPalette()
{
    const QPalette light = QApplication::palette();
    QApplication::setPalette(Theme::darkPalette());
    Theme::apply(*qApp);
    {
        auto window = open(kLearner, QSize(1280, 760));
        QVERIFY(window);
        CertificatesSection *certificates = section(window.get());
        QTableView *view = certificates->view();
        CertificateListModel *model = certificates->model();
        QTRY_VERIFY(model->rowCount() > 0);
        // Light shades of the status colours on the dark base, drawn as badges.
        const int statusColumn = model->indexOf(CertificateListModel::Column::Status);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, statusColumn);
            const auto status =
                DisplayStatus(index.data(CertificateListModel::DisplayStatusRole).toInt());
            const QColor colour = Theme::statusColor(status, view->palette());
            QVERIFY(colour.lightness() > 128);
            QVERIFY2(cellShowsColour(view, index, colour), qPrintable(index.data().toString()));
        }
        view->setCurrentIndex(model->index(1, 0));
        GuiTest::saveScreenshot(window.get(), QStringLiteral("results-learner-dark.png"));
    }
    QApplication::setPalette(light);
    Theme::apply(*qApp);
}

QTEST_MAIN(TestResultsPage)
#include "tst_resultspage.moc"
