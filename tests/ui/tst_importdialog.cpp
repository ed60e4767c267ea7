// The import dialog offscreen, on a demo database: import for oneself with
// validation off and on (R2), the fields the Policy shows (R7, credits),
// importing for a managee and for a deleted user (R4), every bad file refused
// in the dialog with nothing written, live field checks, one import per
// dialog however often Save is clicked, the preview, drag-and-drop onto the
// drop zone and onto a page, and screenshots.
#include "GuiTestSupport.h"

#include "import/DropZone.h"
#include "import/ImportDialog.h"
#include "import/PdfDrop.h"
#include "pdf/CertificatePdf.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/FileDialog.h"
#include "widgets/PdfPreview.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QMimeData>
#include <QPdfView>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

using GuiTest::child;

namespace {
const QString kLearner = QStringLiteral("emma.wilson@demo.example");
const QString kManager = QStringLiteral("maria.schmidt@demo.example");
const QString kGroupAdmin = QStringLiteral("sofia.rossi@demo.example");
const QString kDeleted = QStringLiteral("tom.becker@demo.example");
const QDate kDelivered(2024, 3, 12);

QString testData(const char *name)
{
    return QStringLiteral(CERTDESK_TEST_DATA "/") + QLatin1String(name);
}

QMimeData *filesMime(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime->setUrls(urls);
    return mime;
}

// Drags files over a widget (enter + move) as a file manager would: a move is
// proposed, a copy is possible.
bool dragOver(QWidget *target, const QMimeData *mime, Qt::DropAction *action = nullptr)
{
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (action)
        *action = enter.dropAction();
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                        Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    return move.isAccepted();
}

bool dropOn(QWidget *target, const QMimeData *mime)
{
    QDropEvent drop(QPointF(target->rect().center()), Qt::CopyAction | Qt::MoveAction, mime,
                    Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::CopyAction;
}

// True once QPdfView has painted the page: dark pixels (the certificate's
// text) on it, not only the white page it draws first.
bool previewShowsInk(PdfPreview *preview)
{
    const QImage image = preview->view()->viewport()->grab().toImage();
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            dark += qGray(image.pixel(x, y)) < 110 ? 1 : 0;
    return dark > 200;
}
} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void canOpen_followsImportSwitch();
    void importForSelf_validationOff_accepted();
    void importForSelf_validationOn_pendingAndSendForValidation();
    void templateField_perRoleUnderValidation_data();
    void templateField_perRoleUnderValidation();
    void templateField_searchesAndAssociates();
    void creditsField_onlyWithCreditsFeature();
    void importForManagee();
    void importForDeletedUser_byPlatformAdmin();
    void badFile_refusedWithReason_nothingWritten_data();
    void badFile_refusedWithReason_nothingWritten();
    void futureDelivery_keepsSaveDisabledWithReason();
    void expiryBeforeDelivery_keepsSaveDisabledWithReason();
    void deliveryDate_startsUnsetAndStepsFromToday();
    void name_prefilledFromPdfTitleUnlessTyped();
    void suggestedName_data();
    void suggestedName();
    void doubleClickSave_importsOnce();
    void saveError_shownAndDialogKeepsForm();
    void escape_closesWithoutWriting();
    void preview_pagesAndZoom();
    void drop_pdfOnDropZone_loadsIt();
    void drop_pdfOnPreview_loadsIt();
    void ctrlO_asksForAFile();
    void drop_textFileOnDropZone_refused();
    void pdfDrop_separatesPdfsFromOtherFiles();
    void dropOverlay_onPage_emitsWhatWasDropped();
    void importFiles_oneDialogPerFile();
    void screenshots();
    void screenshots_darkPalette();

private:
    std::unique_ptr<Session> signIn(const QString &email);
    void setSetting(const QString &key, const QString &value);
    QString makePdf(const QString &title);
    int rowCount(const QString &table);
    Id userId(const QString &email);
    // Chooses the file through the "Select a file" button (the FileDialog seam).
    static void chooseFile(ImportDialog &dialog, const QString &path);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Session> m_admin;
    QTemporaryDir m_dir;
    int m_pdfCount = 0;
};

void TestImportDialog::initTestCase()
{
    GuiTest::prepareApplication();
    QVERIFY(m_dir.isValid());
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
    m_admin = signIn(DemoData::adminEmail());
    QVERIFY(m_admin);
}

void TestImportDialog::init()
{
    // The demo's settings, restored before every test.
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("credits.enabled"), QStringLiteral("on"));
    setSetting(QStringLiteral("pdf.max-size-mb"), QStringLiteral("20"));
    FileDialog::clearNextFileName();
}

void TestImportDialog::cleanup()
{
    FileDialog::clearNextFileName();
}

std::unique_ptr<Session> TestImportDialog::signIn(const QString &email)
{
    QString error;
    const DatabaseLocation location = DatabaseLocation::parse(m_db->location(), &error);
    auto session = Session::signIn(location, email, DemoData::password());
    if (!session) {
        qWarning("%s", qPrintable(session.message()));
        return nullptr;
    }
    return std::move(session.value());
}

void TestImportDialog::setSetting(const QString &key, const QString &value)
{
    const auto set = m_admin->settings().set(m_admin->userId(), key, value);
    QVERIFY2(set, qPrintable(set.message()));
}

QString TestImportDialog::makePdf(const QString &title)
{
    // A distinct reference each time: the same PDF twice for one person is a
    // duplicate.
    CertificatePdfContent content{
        title,
        QStringLiteral("Emma Wilson"),
        QStringLiteral("Northwind Training Institute"),
        kDelivered,
        QDate(2027, 3, 12),
        QStringLiteral("NTI-%1").arg(++m_pdfCount, 5, 10, QLatin1Char('0'))};
    const QByteArray bytes = CertificatePdf::render(content);
    const QString path = m_dir.filePath(QStringLiteral("certificate-%1.pdf").arg(m_pdfCount));
    QFile file(path);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

int TestImportDialog::rowCount(const QString &table)
{
    QSqlQuery query(m_db->db().connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toInt();
}

Id TestImportDialog::userId(const QString &email)
{
    const auto user = m_admin->directory().userByEmail(email);
    return user ? user->id : 0;
}

void TestImportDialog::chooseFile(ImportDialog &dialog, const QString &path)
{
    auto *select = child<QPushButton>(&dialog, "selectFileButton");
    QVERIFY(select);
    const int asked = FileDialog::requestCount();
    FileDialog::setNextFileName(path);
    QTest::mouseClick(select, Qt::LeftButton);
    QCOMPARE(FileDialog::requestCount(), asked + 1);
}

void TestImportDialog::canOpen_followsImportSwitch()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    QString why;
    QVERIFY(ImportDialog::canOpen(*emma, emma->userId(), &why));
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("off"));
    QVERIFY(!ImportDialog::canOpen(*emma, emma->userId(), &why));
    QVERIFY(!why.isEmpty());
    // R4: a learner never imports for someone else.
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
    why.clear();
    QVERIFY(!ImportDialog::canOpen(*emma, userId(kManager), &why));
    QVERIFY(!why.isEmpty());
}

void TestImportDialog::importForSelf_validationOff_accepted()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("off"));
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Import certificate"));
    auto *save = child<QPushButton>(&dialog, "saveButton");
    QCOMPARE(save->text(), QStringLiteral("Save"));
    QVERIFY(!save->isEnabled());

    const QString path = makePdf(QStringLiteral("Advanced Negotiation"));
    chooseFile(dialog, path);
    QCOMPARE(dialog.filePath(), path);
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Advanced Negotiation"));
    QVERIFY2(!save->isEnabled(), "the delivery date is still missing");
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.hasOutcome());
    const ImportOutcome outcome = dialog.outcome();
    QCOMPARE(outcome.certificate.status, CertificateStatus::Accepted);
    QCOMPARE(outcome.taskId, Id(0));
    QCOMPARE(outcome.certificate.ownerId, emma->userId());
    QCOMPARE(outcome.certificate.delivered, kDelivered);
    QVERIFY(!outcome.certificate.expires.isValid());
    QCOMPARE(outcome.certificate.originalFilename, QFileInfo(path).fileName());

    const auto stored = emma->certificates().certificate(emma->userId(), outcome.certificate.id);
    QVERIFY(stored);
    QCOMPARE(stored->status, CertificateStatus::Accepted);
    QCOMPARE(stored->name, QStringLiteral("Advanced Negotiation"));
}

void TestImportDialog::importForSelf_validationOn_pendingAndSendForValidation()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    auto *save = child<QPushButton>(&dialog, "saveButton");
    QCOMPARE(save->text(), QStringLiteral("Send for validation"));
    QCOMPARE(save->accessibleName(), QStringLiteral("Send for validation"));
    QVERIFY(child<QLabel>(&dialog, "importSubtitle")->text().contains(QLatin1String("reviewer")));
    chooseFile(dialog, makePdf(QStringLiteral("Conflict Resolution")));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    auto *expiresCheck = child<QCheckBox>(&dialog, "expiresCheck");
    auto *expires = child<QDateEdit>(&dialog, "expiresEdit");
    QVERIFY(!expires->isEnabled());
    expiresCheck->setChecked(true);
    QVERIFY(expires->isEnabled());
    QVERIFY2(!save->isEnabled(), "ticked Expires needs a date");
    expires->setDate(QDate(2028, 3, 12));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog.hasOutcome());
    const ImportOutcome outcome = dialog.outcome();
    QCOMPARE(outcome.certificate.status, CertificateStatus::Pending);
    QVERIFY(outcome.taskId > 0);
    QVERIFY(!outcome.reviewers.isEmpty());
    QCOMPARE(outcome.certificate.expires, QDate(2028, 3, 12));
    const auto stored = emma->certificates().certificate(emma->userId(), outcome.certificate.id);
    QVERIFY(stored);
    QCOMPARE(stored->status, CertificateStatus::Pending);
}

void TestImportDialog::templateField_perRoleUnderValidation_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("validation");
    QTest::addColumn<bool>("shown");
    QTest::newRow("learner, validation on") << kLearner << true << false;
    QTest::newRow("learner, validation off") << kLearner << false << true;
    QTest::newRow("group admin, validation on") << kGroupAdmin << true << true;
    QTest::newRow("manager, validation on") << kManager << true << true;
}

void TestImportDialog::templateField_perRoleUnderValidation()
{
    QFETCH(QString, email);
    QFETCH(bool, validation);
    QFETCH(bool, shown);
    setSetting(QStringLiteral("validation.required"),
               validation ? QStringLiteral("on") : QStringLiteral("off"));
    auto session = signIn(email);
    QVERIFY(session);
    ImportDialog dialog(*session, session->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The Policy's answer (R7), not ours.
    QCOMPARE(dialog.form().showTemplate, shown);
    auto *combo = child<QComboBox>(&dialog, "templateCombo");
    QCOMPARE(combo != nullptr && combo->isVisible(), shown);
}

void TestImportDialog::templateField_searchesAndAssociates()
{
    auto maria = signIn(kManager);
    QVERIFY(maria);
    ImportDialog dialog(*maria, maria->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *combo = child<QComboBox>(&dialog, "templateCombo");
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("None"));
    QVERIFY(combo->count() > 1);
    chooseFile(dialog, makePdf(QStringLiteral("Forklift Licence")));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    auto *save = child<QPushButton>(&dialog, "saveButton");
    QVERIFY(save->isEnabled());

    // Contains-insensitive search: "lift" finds "Forklift Operator".
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("lift"));
    QCOMPARE(combo->completer()->completionCount(), 1);
    QCOMPARE(combo->completer()->currentCompletion(), QStringLiteral("Forklift Operator"));
    auto *error = child<QLabel>(&dialog, "templateError");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("lift")));
    QVERIFY(!save->isEnabled());

    combo->setEditText(QStringLiteral("forklift operator"));
    QVERIFY(!error->isVisible());
    QVERIFY(save->isEnabled());
    // With a template of known validity, ticking Expires suggests the date.
    child<QCheckBox>(&dialog, "expiresCheck")->setChecked(true);
    QCOMPARE(child<QDateEdit>(&dialog, "expiresEdit")->date(), kDelivered.addMonths(60));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog.hasOutcome());
    QCOMPARE(dialog.outcome().certificate.templateName, QStringLiteral("Forklift Operator"));
}

void TestImportDialog::creditsField_onlyWithCreditsFeature()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    {
        ImportDialog dialog(*emma, emma->userId(), nullptr);
        dialog.show();
        auto *credits = child<QDoubleSpinBox>(&dialog, "creditsSpin");
        QVERIFY(credits && credits->isVisible());
        chooseFile(dialog, makePdf(QStringLiteral("Excel Modelling")));
        child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
        credits->setValue(20000);
        QVERIFY(child<QLabel>(&dialog, "creditsError")->isVisible());
        QVERIFY(!child<QPushButton>(&dialog, "saveButton")->isEnabled());
        credits->setValue(2.5);
        QVERIFY(!child<QLabel>(&dialog, "creditsError")->isVisible());
        QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
        QVERIFY(dialog.hasOutcome());
        QCOMPARE(dialog.outcome().certificate.credits, std::optional<double>(2.5));
    }
    setSetting(QStringLiteral("credits.enabled"), QStringLiteral("off"));
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(!child<QDoubleSpinBox>(&dialog, "creditsSpin"));
}

void TestImportDialog::importForManagee()
{
    auto maria = signIn(kManager);
    QVERIFY(maria);
    const Id emma = userId(kLearner);
    QString why;
    QVERIFY2(ImportDialog::canOpen(*maria, emma, &why), qPrintable(why));
    ImportDialog dialog(*maria, emma, nullptr);
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Import certificate for Emma Wilson"));
    chooseFile(dialog, makePdf(QStringLiteral("Customer Care")));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(dialog.hasOutcome());
    const Certificate imported = dialog.outcome().certificate;
    QCOMPARE(imported.ownerId, emma);
    QCOMPARE(imported.uploaderId, maria->userId());
    QCOMPARE(imported.status, CertificateStatus::Pending);
}

void TestImportDialog::importForDeletedUser_byPlatformAdmin()
{
    const Id tom = userId(kDeleted);
    QVERIFY(tom > 0);
    ImportDialog dialog(*m_admin, tom, nullptr);
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Import certificate for Tom Becker"));
    QVERIFY(child<QLabel>(&dialog, "importSubtitle")->text().contains(QLatin1String("deleted")));
    chooseFile(dialog, makePdf(QStringLiteral("Warehouse Safety")));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
    QVERIFY2(dialog.hasOutcome(), qPrintable(child<QLabel>(&dialog, "saveError")->text()));
    QCOMPARE(dialog.outcome().certificate.ownerId, tom);
    const auto list =
        m_admin->certificates().certificatesOf(m_admin->userId(), tom, CertificateCursor(), 100);
    QVERIFY(list);
    bool found = false;
    for (const Certificate &c : list.value())
        found = found || c.id == dialog.outcome().certificate.id;
    QVERIFY(found);
}

void TestImportDialog::badFile_refusedWithReason_nothingWritten_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QStringLiteral("empty") << QStringLiteral("empty");
    QTest::newRow("text renamed .pdf")
        << testData("not-a-pdf.pdf") << QStringLiteral("not a PDF document");
    QTest::newRow("truncated") << testData("truncated.pdf") << QStringLiteral("damaged");
    QTest::newRow("password-protected")
        << testData("encrypted-user-password.pdf") << QStringLiteral("password");
    QTest::newRow("too large") << QStringLiteral("large") << QStringLiteral("larger than the 1 MB");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("could not be read");
}

void TestImportDialog::badFile_refusedWithReason_nothingWritten()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    if (file == QLatin1String("empty")) {
        file = m_dir.filePath(QStringLiteral("empty.pdf"));
        QFile empty(file);
        QVERIFY(empty.open(QIODevice::WriteOnly));
    } else if (file == QLatin1String("large")) {
        setSetting(QStringLiteral("pdf.max-size-mb"), QStringLiteral("1"));
        file = m_dir.filePath(QStringLiteral("large.pdf"));
        QFile large(file);
        QVERIFY(large.open(QIODevice::WriteOnly));
        large.write("%PDF-1.4\n");
        large.write(QByteArray(1536 * 1024, 'x'));
    } else if (file == QLatin1String("missing")) {
        file = m_dir.filePath(QStringLiteral("gone.pdf"));
    }
    const int certificates = rowCount(QStringLiteral("certificates"));
    const int blobs = rowCount(QStringLiteral("pdf_blobs"));
    QVERIFY(certificates > 0 && blobs > 0);

    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    // What the user typed first is kept whatever the file.
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    QTest::keyClicks(name, QStringLiteral("My certificate"));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);

    QVERIFY(!dialog.setFile(file));
    auto *error = child<QLabel>(&dialog, "fileError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(reason, Qt::CaseInsensitive), qPrintable(error->text()));
    QVERIFY(error->text().contains(QFileInfo(file).fileName()));
    QCOMPARE(error->accessibleName(), error->text());
    QVERIFY(!dialog.hasValidFile());
    QVERIFY(!child<PdfPreview>(&dialog, "pdfPreview")->hasDocument());
    QCOMPARE(name->text(), QStringLiteral("My certificate"));
    auto *save = child<QPushButton>(&dialog, "saveButton");
    QVERIFY(!save->isEnabled());
    dialog.save(); // even when asked directly
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasOutcome());
    QCOMPARE(rowCount(QStringLiteral("certificates")), certificates);
    QCOMPARE(rowCount(QStringLiteral("pdf_blobs")), blobs);

    // A good file afterwards clears the error and keeps the typed name.
    chooseFile(dialog, makePdf(QStringLiteral("Replacement")));
    QVERIFY(!error->isVisible());
    QCOMPARE(name->text(), QStringLiteral("My certificate"));
    QVERIFY(save->isEnabled());
}

void TestImportDialog::futureDelivery_keepsSaveDisabledWithReason()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    chooseFile(dialog, makePdf(QStringLiteral("Time Travel")));
    auto *delivered = child<QDateEdit>(&dialog, "deliveredEdit");
    auto *error = child<QLabel>(&dialog, "deliveredError");
    auto *save = child<QPushButton>(&dialog, "saveButton");
    QVERIFY2(!error->isVisible(), "nothing red before the user touched the date");
    QVERIFY(child<QLabel>(&dialog, "importHint")->text().contains(QLatin1String("delivery date")));
    delivered->setDate(QDate::currentDate().addDays(1));
    QVERIFY(!save->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("in the future")), qPrintable(error->text()));
    QCOMPARE(error->accessibleName(), error->text());
    QCOMPARE(delivered->accessibleDescription(), error->text());
    delivered->setDate(QDate::currentDate());
    QVERIFY(!error->isVisible());
    QVERIFY(save->isEnabled());
}

void TestImportDialog::expiryBeforeDelivery_keepsSaveDisabledWithReason()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    chooseFile(dialog, makePdf(QStringLiteral("Backwards")));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    auto *save = child<QPushButton>(&dialog, "saveButton");
    QVERIFY(save->isEnabled());
    auto *expiresCheck = child<QCheckBox>(&dialog, "expiresCheck");
    QTest::mouseClick(expiresCheck, Qt::LeftButton, {}, QPoint(6, expiresCheck->height() / 2));
    QVERIFY(expiresCheck->isChecked());
    auto *expires = child<QDateEdit>(&dialog, "expiresEdit");
    expires->setDate(kDelivered.addDays(-1));
    auto *error = child<QLabel>(&dialog, "expiresError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("before the delivery date")),
             qPrintable(error->text()));
    QVERIFY(!save->isEnabled());
    // The same day is fine; unticking drops the date altogether.
    expires->setDate(kDelivered);
    QVERIFY(save->isEnabled());
    expires->setDate(kDelivered.addDays(-1));
    QVERIFY(!save->isEnabled());
    expiresCheck->setChecked(false);
    QVERIFY(!error->isVisible());
    QVERIFY(save->isEnabled());
}

void TestImportDialog::deliveryDate_startsUnsetAndStepsFromToday()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *delivered = child<QDateEdit>(&dialog, "deliveredEdit");
    QCOMPARE(delivered->text(), QStringLiteral("Choose a date"));
    QVERIFY(delivered->calendarPopup());
    delivered->setFocus();
    QTest::keyClick(delivered, Qt::Key_Up);
    QCOMPARE(delivered->date(), QDate::currentDate());
    QTest::keyClick(delivered, Qt::Key_Down);
    QCOMPARE(delivered->date(), QDate::currentDate().addDays(-1));

    // Unset again, the calendar opens on this month, not on the placeholder's.
    auto *expires = child<QDateEdit>(&dialog, "expiresEdit");
    child<QCheckBox>(&dialog, "expiresCheck")->setChecked(true);
    QCOMPARE(expires->text(), QStringLiteral("Choose a date"));
    QTest::mouseClick(expires, Qt::LeftButton, {},
                      QPoint(expires->width() - 10, expires->height() / 2));
    QCalendarWidget *calendar = expires->calendarWidget();
    QTRY_VERIFY(calendar->isVisible());
    QCOMPARE(calendar->yearShown(), QDate::currentDate().year());
    QCOMPARE(calendar->monthShown(), QDate::currentDate().month());
    GuiTest::saveScreenshot(calendar->window(), QStringLiteral("import-dialog-calendar.png"));
    QTest::keyClick(calendar, Qt::Key_Escape);
    QTRY_VERIFY(!calendar->isVisible());
    QCOMPARE(expires->text(), QStringLiteral("Choose a date"));
    // Typing a day starts from this month.
    expires->setFocus();
    QTest::keyClicks(expires, QStringLiteral("15"));
    const QDate today = QDate::currentDate();
    QCOMPARE(expires->date(), QDate(today.year(), today.month(), 15));
}

void TestImportDialog::name_prefilledFromPdfTitleUnlessTyped()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    // The test PDF's title.
    chooseFile(dialog, testData("certificate.pdf"));
    QCOMPARE(name->text(), QStringLiteral("Workplace First Aid"));
    // Another file replaces a suggestion the user did not change.
    chooseFile(dialog, makePdf(QStringLiteral("Second Choice")));
    QCOMPARE(name->text(), QStringLiteral("Second Choice"));
    // A typed name stays.
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("My own name"));
    chooseFile(dialog, testData("certificate.pdf"));
    QCOMPARE(name->text(), QStringLiteral("My own name"));
}

void TestImportDialog::suggestedName_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("title") << QStringLiteral(" Workplace  First Aid ")
                           << QStringLiteral("/x/scan.pdf")
                           << QStringLiteral("Workplace First Aid");
    QTest::newRow("file name") << QString() << QStringLiteral("/x/first-aid_certificate_2024.PDF")
                               << QStringLiteral("First Aid Certificate 2024");
    QTest::newRow("small words and acronyms")
        << QString() << QStringLiteral("/x/certificate-of-ISO-9001.pdf")
        << QStringLiteral("Certificate of ISO 9001");
    QTest::newRow("camel case") << QString() << QStringLiteral("/x/FireSafetyAwareness.pdf")
                                << QStringLiteral("Fire Safety Awareness");
    QTest::newRow("office title") << QStringLiteral("Microsoft Word - cert.docx")
                                  << QStringLiteral("/x/gdpr essentials.pdf")
                                  << QStringLiteral("Gdpr Essentials");
    QTest::newRow("untitled") << QStringLiteral("Untitled") << QStringLiteral("/x/forklift.pdf")
                              << QStringLiteral("Forklift");
}

void TestImportDialog::suggestedName()
{
    QFETCH(QString, title);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(ImportDialog::suggestedName(title, path), expected);
}

void TestImportDialog::doubleClickSave_importsOnce()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    const int before = rowCount(QStringLiteral("certificates"));
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chooseFile(dialog, makePdf(QStringLiteral("Impatient Clicks")));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    auto *save = child<QPushButton>(&dialog, "saveButton");
    QTest::mouseDClick(save, Qt::LeftButton);
    QTest::mouseClick(save, Qt::LeftButton);
    save->click();
    dialog.save();
    QVERIFY(dialog.hasOutcome());
    QCOMPARE(rowCount(QStringLiteral("certificates")), before + 1);
    // The dialog's key is the one stored: a retry would find it.
    QSqlQuery query(m_db->db().connection());
    QVERIFY(query.exec(QStringLiteral("SELECT import_key FROM certificates WHERE id = %1")
                           .arg(dialog.outcome().certificate.id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), dialog.importKey());
}

void TestImportDialog::saveError_shownAndDialogKeepsForm()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    const QString path = makePdf(QStringLiteral("Imported Twice"));
    {
        ImportDialog first(*emma, emma->userId(), nullptr);
        first.setFile(path);
        child<QDateEdit>(&first, "deliveredEdit")->setDate(kDelivered);
        first.save();
        QVERIFY(first.hasOutcome());
    }
    const int before = rowCount(QStringLiteral("certificates"));
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chooseFile(dialog, path);
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Second attempt"));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
    // The service refuses the duplicate: said in the dialog, which stays open.
    auto *error = child<QLabel>(&dialog, "saveError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("already imported")), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasOutcome());
    QCOMPARE(name->text(), QStringLiteral("Second attempt"));
    QCOMPARE(child<QDateEdit>(&dialog, "deliveredEdit")->date(), kDelivered);
    QCOMPARE(rowCount(QStringLiteral("certificates")), before);
}

void TestImportDialog::escape_closesWithoutWriting()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    const int before = rowCount(QStringLiteral("certificates"));
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chooseFile(dialog, makePdf(QStringLiteral("Never Mind")));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    QTest::keyClick(child<QLineEdit>(&dialog, "nameEdit"), Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(rowCount(QStringLiteral("certificates")), before);
}

void TestImportDialog::preview_pagesAndZoom()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *preview = child<PdfPreview>(&dialog, "pdfPreview");
    QVERIFY(preview && !preview->hasDocument());
    QVERIFY(child<QLabel>(&dialog, "previewPlaceholderText")->isVisible());
    chooseFile(dialog, testData("multi-page.pdf"));
    QVERIFY(preview->hasDocument());
    QCOMPARE(preview->pageCount(), 3);
    auto *page = child<QLabel>(&dialog, "pageLabel");
    auto *previous = child<QToolButton>(&dialog, "previousPageButton");
    auto *next = child<QToolButton>(&dialog, "nextPageButton");
    QCOMPARE(page->text(), QStringLiteral("Page 1 of 3"));
    QVERIFY(!previous->isEnabled());
    QVERIFY(preview->isFitToWidth());
    QTRY_VERIFY(previewShowsInk(preview));
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE(page->text(), QStringLiteral("Page 2 of 3"));
    QCOMPARE(preview->currentPage(), 1);
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE(page->text(), QStringLiteral("Page 3 of 3"));
    QVERIFY(!next->isEnabled());
    QTest::mouseClick(previous, Qt::LeftButton);
    QTRY_COMPARE(preview->currentPage(), 1);

    const qreal fitted = preview->effectiveZoom();
    QVERIFY(fitted > 0.1);
    QTest::mouseClick(child<QToolButton>(&dialog, "zoomInButton"), Qt::LeftButton);
    QVERIFY(!preview->isFitToWidth());
    QVERIFY(qAbs(preview->effectiveZoom() - fitted * 1.25) < 0.01);
    QTest::mouseClick(child<QToolButton>(&dialog, "zoomOutButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(&dialog, "zoomOutButton"), Qt::LeftButton);
    QVERIFY(preview->effectiveZoom() < fitted);
    QTest::mouseClick(child<QToolButton>(&dialog, "fitWidthButton"), Qt::LeftButton);
    QVERIFY(preview->isFitToWidth());
    QVERIFY(child<QToolButton>(&dialog, "fitWidthButton")->isChecked());

    // A new file starts on its first page, fitted.
    chooseFile(dialog, testData("certificate.pdf"));
    QCOMPARE(page->text(), QStringLiteral("Page 1 of 1"));
}

void TestImportDialog::drop_pdfOnDropZone_loadsIt()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *zone = child<DropZone>(&dialog, "dropZone");
    QVERIFY(zone && zone->acceptDrops());
    const QString path = makePdf(QStringLiteral("Dropped Certificate"));
    std::unique_ptr<QMimeData> mime(filesMime({path}));
    Qt::DropAction action = Qt::IgnoreAction;
    QVERIFY(dragOver(zone, mime.get(), &action));
    QCOMPARE(action, Qt::CopyAction); // never a move: the user keeps the file
    QCOMPARE(zone->state(), DropZone::State::Accepting);
    QCOMPARE(zone->title(), QStringLiteral("Release to use this PDF"));
    QVERIFY(dropOn(zone, mime.get()));
    QCOMPARE(zone->state(), DropZone::State::Idle);
    QCOMPARE(dialog.filePath(), path);
    QVERIFY(dialog.hasValidFile());
    QVERIFY(child<PdfPreview>(&dialog, "pdfPreview")->hasDocument());
    QCOMPARE(zone->title(), QFileInfo(path).fileName());
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Dropped Certificate"));

    // Leaving without dropping restores the zone.
    QVERIFY(dragOver(zone, mime.get()));
    QDragLeaveEvent leave;
    QApplication::sendEvent(zone, &leave);
    QCOMPARE(zone->state(), DropZone::State::Idle);
}

void TestImportDialog::drop_pdfOnPreview_loadsIt()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *preview = child<PdfPreview>(&dialog, "pdfPreview");
    auto *overlay = preview->findChild<DropOverlay *>(QStringLiteral("dropOverlay"));
    QVERIFY(overlay);
    const QString path = makePdf(QStringLiteral("Dropped On The Preview"));
    std::unique_ptr<QMimeData> mime(filesMime({path}));
    QVERIFY(dragOver(preview, mime.get()));
    QVERIFY(overlay->isVisible());
    QCOMPARE(overlay->message(), QStringLiteral("Drop to use this PDF"));
    QVERIFY(dropOn(preview, mime.get()));
    QVERIFY(!overlay->isVisible());
    QCOMPARE(dialog.filePath(), path);
    QVERIFY(preview->hasDocument());
}

void TestImportDialog::ctrlO_asksForAFile()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QString path = makePdf(QStringLiteral("Keyboard Only"));
    FileDialog::setNextFileName(path);
    QTest::keyClick(&dialog, Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(dialog.filePath(), path);
    // Cancelling the file dialog changes nothing.
    FileDialog::setNextFileName(QString());
    QTest::keyClick(&dialog, Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(dialog.filePath(), path);
    QVERIFY(dialog.hasValidFile());
}

void TestImportDialog::drop_textFileOnDropZone_refused()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const int before = rowCount(QStringLiteral("certificates"));
    auto *zone = child<DropZone>(&dialog, "dropZone");
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Just some notes\n");
    file.close();
    std::unique_ptr<QMimeData> mime(filesMime({text}));
    QVERIFY2(dragOver(zone, mime.get()), "accepted, so that the drop can say why not");
    QCOMPARE(zone->state(), DropZone::State::Refusing);
    QCOMPARE(zone->title(), QStringLiteral("Only PDF files can be imported"));
    QVERIFY(dropOn(zone, mime.get()));
    auto *error = child<QLabel>(&dialog, "fileError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("“notes.txt” is not a PDF")),
             qPrintable(error->text()));
    QVERIFY(!dialog.hasValidFile());
    QVERIFY(!child<QPushButton>(&dialog, "saveButton")->isEnabled());
    QCOMPARE(rowCount(QStringLiteral("certificates")), before);

    // Text that is not a file is not ours at all.
    QMimeData plain;
    plain.setText(QStringLiteral("hello"));
    QVERIFY(!dragOver(zone, &plain));
    QCOMPARE(zone->state(), DropZone::State::Idle);
}

void TestImportDialog::pdfDrop_separatesPdfsFromOtherFiles()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/a.pdf")),
                  QUrl::fromLocalFile(QStringLiteral("/tmp/B.PDF")),
                  QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt")),
                  QUrl(QStringLiteral("https://example.org/remote.pdf")),
                  QUrl::fromLocalFile(QStringLiteral("/tmp/pdf"))});
    QCOMPARE(PdfDrop::pdfPaths(&mime),
             QStringList({QStringLiteral("/tmp/a.pdf"), QStringLiteral("/tmp/B.PDF")}));
    QCOMPARE(PdfDrop::otherPaths(&mime),
             QStringList({QStringLiteral("/tmp/notes.txt"), QStringLiteral("/tmp/pdf")}));
    QCOMPARE(PdfDrop::classify(&mime), PdfDrop::Kind::Pdfs);
    QMimeData none;
    QCOMPARE(PdfDrop::classify(&none), PdfDrop::Kind::None);
    QVERIFY(PdfDrop::pdfPaths(nullptr).isEmpty());
    const QString message =
        PdfDrop::refusalMessage({QStringLiteral("/a/x.txt"), QStringLiteral("/a/y.png")});
    QVERIFY2(message.contains(QStringLiteral("“x.txt”")) &&
                 message.contains(QStringLiteral("“y.png”")) &&
                 message.contains(QLatin1String("are not PDF files")),
             qPrintable(message));
}

void TestImportDialog::dropOverlay_onPage_emitsWhatWasDropped()
{
    QWidget page;
    page.resize(600, 400);
    auto *search = new QLineEdit(&page);
    search->setGeometry(10, 10, 200, 30);
    DropOverlay *overlay = DropZone::attachTo(&page);
    QVERIFY(overlay);
    QCOMPARE(overlay->parentWidget(), &page);
    QVERIFY(page.acceptDrops());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!overlay->isVisible());
    QSignalSpy pdfs(overlay, &DropOverlay::pdfsDropped);
    QSignalSpy rejected(overlay, &DropOverlay::rejectedDrop);

    const QString path = m_dir.filePath(QStringLiteral("x.pdf"));
    std::unique_ptr<QMimeData> mime(filesMime({path, m_dir.filePath(QStringLiteral("y.doc"))}));
    Qt::DropAction action = Qt::IgnoreAction;
    QVERIFY(dragOver(&page, mime.get(), &action));
    QCOMPARE(action, Qt::CopyAction);
    QVERIFY(overlay->isVisible());
    QCOMPARE(overlay->geometry(), page.rect());
    QCOMPARE(overlay->state(), DropZone::State::Accepting);
    QVERIFY(overlay->testAttribute(Qt::WA_TransparentForMouseEvents));
    GuiTest::saveScreenshot(&page, QStringLiteral("drop-overlay.png"));
    QVERIFY(dropOn(&page, mime.get()));
    QVERIFY(!overlay->isVisible());
    QCOMPARE(pdfs.count(), 1);
    QCOMPARE(pdfs.at(0).at(0).toStringList(), QStringList{path});
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(rejected.at(0).at(0).toStringList(),
             QStringList{m_dir.filePath(QStringLiteral("y.doc"))});

    std::unique_ptr<QMimeData> text(filesMime({m_dir.filePath(QStringLiteral("z.txt"))}));
    QVERIFY(dragOver(&page, text.get()));
    QCOMPARE(overlay->state(), DropZone::State::Refusing);
    QDragLeaveEvent leave;
    QApplication::sendEvent(&page, &leave);
    QVERIFY(!overlay->isVisible());
    QCOMPARE(pdfs.count(), 1);

    // Switched off (R1): drags pass by.
    overlay->setEnabled(false);
    QVERIFY(!dragOver(&page, mime.get()));
    QVERIFY(!overlay->isVisible());
    QVERIFY(!dropOn(&page, mime.get()));
    QCOMPARE(pdfs.count(), 1);
}

void TestImportDialog::importFiles_oneDialogPerFile()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    const QStringList paths{makePdf(QStringLiteral("Batch One")),
                            makePdf(QStringLiteral("Batch Two")),
                            makePdf(QStringLiteral("Batch Three"))};
    int seen = 0;
    QStringList titles;
    // Each modal dialog in turn: save the first, stop at the second.
    std::function<void()> act = [&] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(20, act);
            return;
        }
        ++seen;
        titles << dialog->findChild<QLabel *>(QStringLiteral("importSubtitle"))->text();
        if (seen == 1) {
            dialog->findChild<QDateEdit *>(QStringLiteral("deliveredEdit"))->setDate(kDelivered);
            dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
            QTimer::singleShot(20, act);
        } else {
            dialog->findChild<QPushButton *>(QStringLiteral("stopButton"))->click();
        }
    };
    QTimer::singleShot(0, act);
    const QList<ImportOutcome> imported =
        ImportDialog::importFiles(*emma, emma->userId(), paths, nullptr);
    QCOMPARE(seen, 2);
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.at(0).certificate.name, QStringLiteral("Batch One"));
    QVERIFY(titles.at(0).startsWith(QLatin1String("File 1 of 3.")));
    QVERIFY(titles.at(1).startsWith(QLatin1String("File 2 of 3.")));
}

void TestImportDialog::screenshots()
{
    auto maria = signIn(kManager);
    QVERIFY(maria);
    ImportDialog dialog(*maria, userId(kLearner), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-empty.png"));

    chooseFile(dialog, testData("certificate.pdf"));
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(QDate(2024, 3, 12));
    child<QCheckBox>(&dialog, "expiresCheck")->setChecked(true);
    child<QDateEdit>(&dialog, "expiresEdit")->setDate(QDate(2027, 3, 12));
    child<QComboBox>(&dialog, "templateCombo")->setEditText(QStringLiteral("First Aid at Work"));
    child<QDoubleSpinBox>(&dialog, "creditsSpin")->setValue(3);
    QVERIFY(child<QPushButton>(&dialog, "saveButton")->isEnabled());
    auto *preview = child<PdfPreview>(&dialog, "pdfPreview");
    // QPdfView renders in a worker thread: wait for the page's text.
    QTRY_VERIFY_WITH_TIMEOUT(previewShowsInk(preview), 10000);
    child<QPushButton>(&dialog, "saveButton")->setFocus();
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog.png"));

    // A bad file and a future date: the reasons where they belong.
    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(QDate::currentDate().addDays(3));
    dialog.setFile(testData("encrypted-user-password.pdf"));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-errors.png"));

    auto *zone = child<DropZone>(&dialog, "dropZone");
    std::unique_ptr<QMimeData> mime(filesMime({testData("certificate.pdf")}));
    QVERIFY(dragOver(zone, mime.get()));
    GuiTest::saveScreenshot(zone, QStringLiteral("drop-highlight.png"));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-drag.png"));
    QDragLeaveEvent leave;
    QApplication::sendEvent(zone, &leave);
}

void TestImportDialog::screenshots_darkPalette()
{
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc4));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    QApplication::setPalette(dark);
    Theme::apply(*qApp);
    {
        auto emma = signIn(kLearner);
        QVERIFY(emma);
        ImportDialog dialog(*emma, emma->userId(), nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        chooseFile(dialog, testData("certificate.pdf"));
        child<QDateEdit>(&dialog, "deliveredEdit")->setDate(QDate::currentDate().addDays(2));
        QTRY_VERIFY_WITH_TIMEOUT(previewShowsInk(child<PdfPreview>(&dialog, "pdfPreview")), 10000);
        GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-dark.png"));
    }
    QApplication::setPalette(light);
    Theme::apply(*qApp);
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
