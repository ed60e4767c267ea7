// The import dialog offscreen, on a demo database: bad files. Each one
// (damaged, renamed text, password-protected, empty, over the limit…) refused
// in the dialog with its reason and nothing written, and a dropped text file
// refused.
#include "ImportTestFixture.h"

class TestImportRefusals : public QObject, private ImportTestFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpDemo(); }
    void init() { resetSettings(); }
    void cleanup() { FileDialog::clearNextFileName(); }

    void badFile_refusedWithReason_nothingWritten_data();
    void badFile_refusedWithReason_nothingWritten();
    void drop_textFileOnDropZone_refused();
};

void TestImportRefusals::badFile_refusedWithReason_nothingWritten_data()
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

void TestImportRefusals::badFile_refusedWithReason_nothingWritten()
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

void TestImportRefusals::drop_textFileOnDropZone_refused()
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

QTEST_MAIN(TestImportRefusals)
#include "tst_importrefusals.moc"
