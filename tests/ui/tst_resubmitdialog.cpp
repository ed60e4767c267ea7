// "Correct and send again" offscreen, on a demo database:
// the details dialog of Emma Wilson's rejected certificate offers the action
// with the reviewer's comment (and a pending one does not); the import form
// opens in resubmit mode, prefilled; a corrected name is sent, the details
// show Pending and "Corrected and sent again", and the list refreshes; a bad
// PDF dropped on the form says what PdfCheck says and keeps what was typed;
// a refusal meanwhile is shown in the form; Esc cancels; screenshots.
//
// (Named tst_resubmitdialog: tests/models/tst_resubmit.cpp already makes the target
// tst_resubmit.)
#include "GuiTestSupport.h"

#include "certificate/HistoryView.h"
#include "certificate/StatusDelegate.h"
#include "import/DropZone.h"
#include "import/ImportDialog.h"
#include "itemmodels/CertificateListModel.h"
#include "results/CertificateDetailsDialog.h"
#include "results/CertificatesSection.h"
#include "services/Session.h"
#include "widgets/PdfPreview.h"

#include <QDateEdit>
#include <QPointer>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

using GuiTest::child;

namespace {
const QString kEmma = QStringLiteral("emma.wilson@demo.example");
const QString kRejected = QStringLiteral("Public Speaking Masterclass");
const QString kRejectionComment =
    QStringLiteral("The PDF is a receipt, not the certificate: please upload the certificate "
                   "itself.");
const QString kPending = QStringLiteral("Google Analytics Certification");
} // namespace

class TestResubmitDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rejected_showsActionAndComment_pendingDoesNot();
    void correctName_send_becomesPending_historyAndListUpdated();
    void badPdfDropped_showsPdfCheckMessage_keepsTypedName_escCancels();
    void goodPdfDropped_replacesAndCanBeUndone();
    void changedMeanwhile_errorInForm_nothingTypedLost();
    void altC_opensTheForm();

private:
    std::unique_ptr<MainWindow> open(const QString &email);
    static CertificatesSection *section(MainWindow *window);
    // Opens the details of the certificate named name in the section.
    CertificateDetailsDialog *details(CertificatesSection *section, const QString &name);
    QString statusOf(const QString &name);
    int count(const QString &table);

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
};

void TestResubmitDialog::initTestCase()
{
    GuiTest::prepareApplication();
    QVERIFY(m_dir.isValid());
}

void TestResubmitDialog::init()
{
    QSettings().clear();
    // A fresh demo each time: a test sends the rejected certificate again.
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestResubmitDialog::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        modal->close();
    m_db.reset();
}

std::unique_ptr<MainWindow> TestResubmitDialog::open(const QString &email)
{
    auto window = GuiTest::openMainWindow(m_db->location(), email, QSize(1200, 760));
    if (window && window->currentPageKey() != QLatin1String("results"))
        window->showPage(QStringLiteral("results"));
    return window;
}

CertificatesSection *TestResubmitDialog::section(MainWindow *window)
{
    return child<CertificatesSection>(child<QWidget>(window, "resultsPage"), "certificatesSection");
}

CertificateDetailsDialog *TestResubmitDialog::details(CertificatesSection *section,
                                                      const QString &name)
{
    CertificateListModel *model = section->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->certificateAt(row).name == name) {
            section->openCertificate(model->index(row, 0));
            CertificateDetailsDialog *dialog = section->detailsDialog();
            return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
        }
    }
    return nullptr;
}

QString TestResubmitDialog::statusOf(const QString &name)
{
    QSqlQuery q(m_db->db().connection());
    q.prepare(QStringLiteral("SELECT status FROM certificates WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

int TestResubmitDialog::count(const QString &table)
{
    QSqlQuery q(m_db->db().connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next() ? q.value(0).toInt()
                                                                               : -1;
}

void TestResubmitDialog::rejected_showsActionAndComment_pendingDoesNot()
{
    auto window = open(kEmma);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    QVERIFY(certificates);
    QPointer<CertificateDetailsDialog> rejected = details(certificates, kRejected);
    QVERIFY(rejected);
    QVERIFY(rejected->canResubmit());
    auto *button = child<QPushButton>(rejected, "resubmitButton");
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("&Correct and send again"));
    QCOMPARE(button->accessibleName(), QStringLiteral("Correct and send again"));
    // The reviewer's comment beside the action (R9).
    auto *note = child<QLabel>(rejected, "rejectionNote");
    QVERIFY(note && note->isVisible());
    QVERIFY2(note->text().contains(kRejectionComment), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QLatin1String("Maria Schmidt")), qPrintable(note->text()));
    QCOMPARE(rejected->rejectionComment(), kRejectionComment);
    QTRY_VERIFY(rejected->pdfPreview()->pageCount() >= 1);
    QTest::qWait(300);
    GuiTest::saveScreenshot(rejected, QStringLiteral("details-rejected.png"));
    rejected->close();
    QTRY_VERIFY(rejected.isNull());

    QPointer<CertificateDetailsDialog> pending = details(certificates, kPending);
    QVERIFY(pending);
    QVERIFY(!pending->canResubmit());
    QVERIFY(!child<QPushButton>(pending, "resubmitButton")->isVisible());
    QVERIFY(child<QFrame>(pending, "resubmitBox")->isHidden());
    pending->close();
}

void TestResubmitDialog::correctName_send_becomesPending_historyAndListUpdated()
{
    auto window = open(kEmma);
    QVERIFY(window);
    CertificatesSection *certificates = section(window.get());
    QPointer<CertificateDetailsDialog> dialog = details(certificates, kRejected);
    QVERIFY(dialog);
    const Id id = dialog->certificate().id;
    const int historyBefore = child<HistoryView>(dialog, "historyView")->entryCount();
    const int tasksBefore = count(QStringLiteral("validation_tasks"));

    QString title;
    QString saveLabel;
    QString prefilled;
    QDate delivered;
    QString comment;
    bool fileReady = false;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *form) {
        title = form->windowTitle();
        QVERIFY(form->isResubmit());
        auto *save = child<QPushButton>(form, "saveButton");
        saveLabel = save->text();
        auto *name = child<QLineEdit>(form, "nameEdit");
        prefilled = name->text();
        delivered = child<QDateEdit>(form, "deliveredEdit")->date();
        if (auto *label = child<QLabel>(form, "rejectionComment"))
            comment = label->text();
        fileReady = save->isEnabled() && form->keepsCurrentPdf();
        QTest::qWait(300); // the preview renders in a worker thread
        GuiTest::saveScreenshot(form, QStringLiteral("resubmit-dialog.png"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Public Speaking Masterclass (certificate)"));
        QTRY_VERIFY(save->isEnabled());
        save->click();
    });
    QTest::mouseClick(child<QPushButton>(dialog, "resubmitButton"), Qt::LeftButton);
    QTRY_VERIFY(!qobject_cast<ImportDialog *>(QApplication::activeModalWidget()));

    QCOMPARE(title, QStringLiteral("Correct and send again"));
    QCOMPARE(saveLabel, QStringLiteral("Send for validation")); // R2 on in the demo
    QCOMPARE(prefilled, kRejected);
    QVERIFY(delivered.isValid() && delivered < QDate::currentDate());
    QVERIFY2(comment.contains(kRejectionComment), qPrintable(comment));
    QVERIFY2(fileReady, "the current PDF is kept: Send works without choosing a file");

    // The details reload: Pending, the action gone, the history says so.
    QVERIFY(dialog);
    QCOMPARE(dialog->certificate().status, CertificateStatus::Pending);
    QCOMPARE(dialog->certificate().name,
             QStringLiteral("Public Speaking Masterclass (certificate)"));
    QCOMPARE(child<BadgeLabel>(dialog, "statusBadge")->text(),
             QStringLiteral("Pending validation"));
    QCOMPARE(child<QLabel>(dialog, "certificateTitle")->text(),
             QStringLiteral("Public Speaking Masterclass (certificate)"));
    QVERIFY(!dialog->canResubmit());
    QVERIFY(child<QFrame>(dialog, "resubmitBox")->isHidden());
    auto *history = child<HistoryView>(dialog, "historyView");
    QCOMPARE(history->entryCount(), historyBefore + 1);
    QVERIFY2(history->entryTexts().constLast().startsWith(
                 QLatin1String("Corrected and sent again by Emma Wilson")),
             qPrintable(history->entryTexts().join(QLatin1Char('|'))));
    QCOMPARE(count(QStringLiteral("validation_tasks")), tasksBefore + 1);
    QCOMPARE(statusOf(QStringLiteral("Public Speaking Masterclass (certificate)")),
             QStringLiteral("pending"));
    QTRY_VERIFY(dialog->pdfPreview()->pageCount() >= 1);
    QTest::qWait(300);
    GuiTest::saveScreenshot(dialog, QStringLiteral("details-resubmitted.png"));

    // The list that opened it shows the new name and status, selected.
    CertificateListModel *model = certificates->model();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->certificateAt(r).id == id)
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(model->certificateAt(row).status, CertificateStatus::Pending);
    QCOMPARE(model->certificateAt(row).name,
             QStringLiteral("Public Speaking Masterclass (certificate)"));
    QCOMPARE(certificates->view()->currentIndex().row(), row);
    QVERIFY(certificates->isBannerVisible());
    QVERIFY2(certificates->bannerText().contains(QLatin1String("sent for validation again")),
             qPrintable(certificates->bannerText()));
    dialog->close();
}

void TestResubmitDialog::badPdfDropped_showsPdfCheckMessage_keepsTypedName_escCancels()
{
    auto window = open(kEmma);
    QVERIFY(window);
    QPointer<CertificateDetailsDialog> dialog = details(section(window.get()), kRejected);
    QVERIFY(dialog);
    const QString fake = m_dir.filePath(QStringLiteral("notes.pdf"));
    {
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Just some notes, not a PDF.\n");
    }
    const int certificatesBefore = count(QStringLiteral("certificates"));
    const int auditBefore = count(QStringLiteral("audit_log"));

    QString typed;
    QString fileError;
    bool errorVisible = false;
    bool saveEnabled = false;
    bool keepsCurrent = false;
    bool closedByEsc = false;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *form) {
        auto *name = child<QLineEdit>(form, "nameEdit");
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Public Speaking (typed)"));
        auto *zone = form->findChild<DropZone *>();
        QVERIFY(zone);
        std::unique_ptr<QMimeData> mime(GuiTest::filesMime({fake}));
        QVERIFY(GuiTest::dragFilesOver(zone, mime.get()));
        GuiTest::dropFilesOn(zone, mime.get());
        auto *error = child<QLabel>(form, "fileError");
        fileError = error->text();
        errorVisible = error->isVisible();
        typed = name->text();
        saveEnabled = child<QPushButton>(form, "saveButton")->isEnabled();
        keepsCurrent = form->keepsCurrentPdf();
        QTest::qWait(300);
        GuiTest::saveScreenshot(form, QStringLiteral("resubmit-bad-pdf.png"));
        QPointer<ImportDialog> guard(form);
        QTest::keyClick(form, Qt::Key_Escape);
        closedByEsc = !guard || !guard->isVisible();
    });
    QTest::mouseClick(child<QPushButton>(dialog, "resubmitButton"), Qt::LeftButton);
    QTRY_VERIFY(!qobject_cast<ImportDialog *>(QApplication::activeModalWidget()));

    const PdfCheckResult check = PdfCheck::checkFile(fake, 0);
    QVERIFY(!check.ok());
    QVERIFY(errorVisible);
    QVERIFY2(fileError.contains(check.message), qPrintable(fileError));
    QVERIFY2(fileError.contains(QLatin1String("notes.pdf")), qPrintable(fileError));
    QVERIFY2(fileError.contains(QLatin1String("The current PDF is kept.")), qPrintable(fileError));
    QCOMPARE(typed, QStringLiteral("Public Speaking (typed)"));
    QVERIFY(keepsCurrent);
    QVERIFY(saveEnabled); // with the current PDF
    QVERIFY(closedByEsc);
    // Esc cancelled: nothing written, still rejected, the action still there.
    QCOMPARE(statusOf(kRejected), QStringLiteral("rejected"));
    QCOMPARE(count(QStringLiteral("certificates")), certificatesBefore);
    QCOMPARE(count(QStringLiteral("audit_log")), auditBefore);
    QVERIFY(dialog);
    QVERIFY(dialog->canResubmit());
    dialog->close();
}

void TestResubmitDialog::goodPdfDropped_replacesAndCanBeUndone()
{
    auto window = open(kEmma);
    QVERIFY(window);
    QPointer<CertificateDetailsDialog> dialog = details(section(window.get()), kRejected);
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("speaking-certificate.pdf"));
    QVERIFY(GuiTest::writeCertificatePdf(path, QStringLiteral("Public Speaking Masterclass"),
                                         QStringLiteral("Emma Wilson")));
    const QString oldSha = dialog->certificate().pdfSha256;

    bool undoShown = false;
    bool undoHiddenAfter = false;
    QString nameAfterDrop;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *form) {
        QVERIFY(form->setFile(path));
        nameAfterDrop = child<QLineEdit>(form, "nameEdit")->text();
        auto *keep = child<QPushButton>(form, "currentPdfButton");
        undoShown = keep->isVisible();
        keep->click();
        undoHiddenAfter = keep->isHidden() && form->keepsCurrentPdf();
        QVERIFY(form->setFile(path)); // again, and send with it
        child<QPushButton>(form, "saveButton")->click();
    });
    QTest::mouseClick(child<QPushButton>(dialog, "resubmitButton"), Qt::LeftButton);
    QTRY_VERIFY(!qobject_cast<ImportDialog *>(QApplication::activeModalWidget()));
    QCOMPARE(nameAfterDrop, kRejected); // the certificate's name is not replaced
    QVERIFY(undoShown);
    QVERIFY(undoHiddenAfter);
    QVERIFY(dialog);
    QCOMPARE(dialog->certificate().status, CertificateStatus::Pending);
    QVERIFY(dialog->certificate().pdfSha256 != oldSha);
    QCOMPARE(dialog->certificate().originalFilename, QStringLiteral("speaking-certificate.pdf"));
    dialog->close();
}

void TestResubmitDialog::changedMeanwhile_errorInForm_nothingTypedLost()
{
    auto window = open(kEmma);
    QVERIFY(window);
    QPointer<CertificateDetailsDialog> dialog = details(section(window.get()), kRejected);
    QVERIFY(dialog);
    const Id id = dialog->certificate().id;

    QString error;
    bool errorVisible = false;
    bool stillOpen = false;
    QString typed;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *form) {
        auto *name = child<QLineEdit>(form, "nameEdit");
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Mine, typed"));
        // Meanwhile, from another desktop, Emma's manager sends it again.
        QString where;
        auto other =
            Session::signIn(DatabaseLocation::parse(m_db->location(), &where),
                            QStringLiteral("maria.schmidt@demo.example"), DemoData::password());
        QVERIFY2(other, qPrintable(other.message()));
        ResubmitRequest request;
        request.certificateId = id;
        request.name = QStringLiteral("Theirs");
        const auto sent = other.value()->certificates().resubmit(other.value()->userId(), request);
        QVERIFY2(sent, qPrintable(sent.message()));

        child<QPushButton>(form, "saveButton")->click();
        auto *label = child<QLabel>(form, "saveError");
        error = label->text();
        errorVisible = label->isVisible();
        stillOpen = form->isVisible();
        typed = name->text();
        GuiTest::saveScreenshot(form, QStringLiteral("resubmit-refused.png"));
        form->reject();
    });
    QTest::mouseClick(child<QPushButton>(dialog, "resubmitButton"), Qt::LeftButton);
    QTRY_VERIFY(!qobject_cast<ImportDialog *>(QApplication::activeModalWidget()));
    QVERIFY(errorVisible);
    QVERIFY(stillOpen);
    QVERIFY2(error.contains(QLatin1String("\"Theirs\" is pending validation")), qPrintable(error));
    QCOMPARE(typed, QStringLiteral("Mine, typed"));
    QCOMPARE(statusOf(QStringLiteral("Theirs")), QStringLiteral("pending"));
    // The details show what is true now.
    QVERIFY(dialog);
    QCOMPARE(dialog->certificate().name, QStringLiteral("Theirs"));
    QVERIFY(!dialog->canResubmit());
    dialog->close();
}

void TestResubmitDialog::altC_opensTheForm()
{
    auto window = open(kEmma);
    QVERIFY(window);
    QPointer<CertificateDetailsDialog> dialog = details(section(window.get()), kRejected);
    QVERIFY(dialog);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    bool seen = false;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *form) {
        seen = true;
        QTest::keyClick(form, Qt::Key_Escape);
    });
    QTest::keyClick(dialog, Qt::Key_C, Qt::AltModifier);
    QTRY_VERIFY(seen);
    QTRY_VERIFY(!qobject_cast<ImportDialog *>(QApplication::activeModalWidget()));
    QCOMPARE(statusOf(kRejected), QStringLiteral("rejected"));
    dialog->close();
}

QTEST_MAIN(TestResubmitDialog)
#include "tst_resubmitdialog.moc"
