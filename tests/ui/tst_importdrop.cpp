// The import dialog offscreen, on a demo database: drops and batches. A PDF
// dropped on the drop zone or the preview, Ctrl+O, PDFs told apart from other
// files, the drop overlay on a page, and one dialog per file of a batch.
#include "ImportTestFixture.h"

class TestImportDrop : public QObject, private ImportTestFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpDemo(); }
    void init() { resetSettings(); }
    void cleanup() { FileDialog::clearNextFileName(); }

    void drop_pdfOnDropZone_loadsIt();
    void drop_pdfOnPreview_loadsIt();
    void ctrlO_asksForAFile();
    void pdfDrop_separatesPdfsFromOtherFiles();
    void dropOverlay_onPage_emitsWhatWasDropped();
    void importFiles_oneDialogPerFile();
};

void TestImportDrop::drop_pdfOnDropZone_loadsIt()
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

void TestImportDrop::drop_pdfOnPreview_loadsIt()
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

void TestImportDrop::ctrlO_asksForAFile()
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

void TestImportDrop::pdfDrop_separatesPdfsFromOtherFiles()
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

void TestImportDrop::dropOverlay_onPage_emitsWhatWasDropped()
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

void TestImportDrop::importFiles_oneDialogPerFile()
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
        if (!dialog || dialog->isCheckingFile()) {
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

QTEST_MAIN(TestImportDrop)
#include "tst_importdrop.moc"
