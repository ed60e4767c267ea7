// The import dialog offscreen, on a demo database: fields, labels and rules.
// Import for oneself with validation off and on (R2), the fields the Policy
// shows (R7, credits), importing for a managee and for a deleted user (R4),
// live field checks, the name a PDF suggests, one import per dialog however
// often Save is clicked, the preview, and screenshots. Drops and batches are
// in tst_importdrop, bad files in tst_importrefusals.
#include "ImportTestFixture.h"

#include <QPdfDocument>

class TestImportDialog : public QObject, private ImportTestFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpDemo(); }
    void init() { resetSettings(); }
    void cleanup() { FileDialog::clearNextFileName(); }

    void canOpen_followsImportSwitch();
    void importForSelf_validationOff_accepted();
    void importForSelf_validationOn_pendingAndSendForValidation();
    void templateField_perRoleUnderValidation_data();
    void templateField_perRoleUnderValidation();
    void templateField_searchesAndAssociates();
    void creditsField_onlyWithCreditsFeature();
    void importForManagee();
    void importForDeletedUser_byPlatformAdmin();
    void futureDelivery_keepsSaveDisabledWithReason();
    void expiryBeforeDelivery_keepsSaveDisabledWithReason();
    void deliveryDate_startsUnsetAndStepsFromToday();
    void deliveryDate_unsetLetsTabGoOn();
    void name_prefilledFromPdfTitleUnlessTyped();
    void suggestedName_data();
    void suggestedName();
    void doubleClickSave_importsOnce();
    void saveError_shownAndDialogKeepsForm();
    void escape_closesWithoutWriting();
    void preview_pagesAndZoom();
    void repairedPdf_saidInDialogAndToReviewer();
    void screenshots();
    void screenshots_darkPalette();
};

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

    const QString path = makeUndatedPdf(QStringLiteral("Advanced Negotiation"));
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
    chooseFile(dialog, makeUndatedPdf(QStringLiteral("Conflict Resolution")));
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
    chooseFile(dialog, makeUndatedPdf(QStringLiteral("Forklift Licence")));
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

void TestImportDialog::futureDelivery_keepsSaveDisabledWithReason()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    chooseFile(dialog, makeUndatedPdf(QStringLiteral("Time Travel")));
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
    chooseFile(dialog, makeUndatedPdf(QStringLiteral("Backwards")));
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

void TestImportDialog::deliveryDate_unsetLetsTabGoOn()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *delivered = child<QDateEdit>(&dialog, "deliveredEdit");
    auto *expiresCheck = child<QCheckBox>(&dialog, "expiresCheck");
    // "Choose a date" has no parts to step through: Tab goes on, Shift+Tab back.
    delivered->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), delivered);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), expiresCheck);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_COMPARE(QApplication::focusWidget(), delivered);
    // Set, Tab steps from the day to the month first, as a QDateEdit does.
    QTest::keyClick(delivered, Qt::Key_Up);
    QCOMPARE(delivered->date(), QDate::currentDate());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), delivered);
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

// README "Untrusted PDFs": the preview shows the pages the reader rendered
// (QtPdf in this process never opens the file), and a file the reader
// repaired says so; the reviewer's task says so too.
void TestImportDialog::repairedPdf_saidInDialogAndToReviewer()
{
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QFile plain(makePdf(QStringLiteral("Downloaded With Its Header")));
    QVERIFY(plain.open(QIODevice::ReadOnly));
    const QString path = m_dir.filePath(QStringLiteral("downloaded.pdf"));
    QFile download(path);
    QVERIFY(download.open(QIODevice::WriteOnly));
    download.write("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n" + plain.readAll());
    download.close();

    auto *note = child<QLabel>(&dialog, "fileRepairNote");
    chooseFile(dialog, makePdf(QStringLiteral("Clean")));
    QVERIFY(note->isHidden());
    chooseFile(dialog, path);
    auto *preview = child<PdfPreview>(&dialog, "pdfPreview");
    QVERIFY(preview->hasDocument());
    QVERIFY(preview->showsRenderedPages());
    QCOMPARE(preview->document()->status(), QPdfDocument::Status::Null);
    QTRY_VERIFY(previewShowsInk(preview));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("Repaired on import")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QLatin1String("bytes before the PDF header removed")),
             qPrintable(note->text()));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-repaired.png"));

    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(kDelivered);
    QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Certificate saved = dialog.outcome().certificate;
    QCOMPARE(saved.pdfRepairs, QStringList{QStringLiteral("leading-bytes")});
    const auto stored = emma->certificates().pdf(emma->userId(), saved.id);
    QVERIFY(stored && stored->startsWith("%PDF-"));
    QVERIFY(!saved.uploadedSha256.isEmpty() && saved.uploadedSha256 != saved.pdfSha256);
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
    // The owner-password file: opened, and repaired (its encryption removed).
    dialog.setFile(testData("encrypted-owner-only.pdf"));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-repaired-encryption.png"));

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
    QApplication::setPalette(Theme::darkPalette());
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
