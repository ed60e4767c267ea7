// The import dialog while the PDF reader checks a file (README "Untrusted
// PDFs"): the dialog stays responsive (typing goes on), shows that it is
// checking, and "Stop checking", Cancel and the time limit end the check at
// once with a plain message. Slow and hanging readers are shell scripts put in
// place of certdesk-pdfcheck through $CERTDESK_PDFCHECK.
#include "ImportTestFixture.h"
#include "ReaderOverride.h"

#include <QElapsedTimer>
#include <QProgressBar>

class TestImportChecking : public QObject, private ImportTestFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { resetSettings(); }

    void slowFile_typingGoesOn_whileChecking();
    void stopChecking_endsAtOnce_fieldsKept();
    void stopChecking_keepsTheFileChosenBefore();
    void cancel_whileChecking_closesAtOnce();
    void hangingReader_timeLimit_saysSo();

private:
    QString script(const QString &name, const QByteArray &body);

    QString m_realReader;
};

void TestImportChecking::initTestCase()
{
    setUpDemo();
    m_realReader = PdfCheck::readerProgram();
    QVERIFY(!m_realReader.isEmpty());
}

QString TestImportChecking::script(const QString &name, const QByteArray &body)
{
    return ReaderOverride::script(m_dir.path(), name, body);
}

void TestImportChecking::slowFile_typingGoesOn_whileChecking()
{
    // The real reader, 1.5 s late: a slow file.
    const ReaderOverride reader(script(QStringLiteral("slow-reader"),
                                       "sleep 1.5; exec '" + m_realReader.toUtf8() + "' \"$@\""));
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId());
    dialog.resize(1100, 760);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    auto *save = child<QPushButton>(&dialog, "saveButton");
    auto *checking = child<QWidget>(&dialog, "fileChecking");
    QVERIFY(name && save && checking);
    name->setFocus();

    // While the file is checked, the user types a name a key at a time.
    const QString typed = QStringLiteral("Typed While Checking");
    int keys = 0;
    bool sawBusy = false;
    bool saveWasOff = true;
    QTimer typist;
    connect(&typist, &QTimer::timeout, this, [&] {
        if (!dialog.isCheckingFile())
            return;
        if (keys == 3)
            GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-checking.png"));
        sawBusy = sawBusy || checking->isVisible();
        saveWasOff = saveWasOff && !save->isEnabled();
        if (keys < typed.size())
            QTest::keyClick(name, typed.at(keys++).toLatin1());
    });
    typist.start(40);
    QElapsedTimer clock;
    clock.start();
    const bool accepted = dialog.setFile(makePdf(QStringLiteral("Slow First Aid")));
    typist.stop();
    qInfo("checked in %lld ms; %d keys typed meanwhile", clock.elapsed(), keys);
    QVERIFY(accepted);
    QVERIFY(sawBusy);
    QVERIFY(saveWasOff);
    QCOMPARE(keys, int(typed.size())); // every key landed while the reader worked
    QCOMPARE(name->text(), typed);     // and the file's title did not replace it
    QVERIFY(!checking->isVisible());
    QVERIFY(dialog.hasValidFile());
}

void TestImportChecking::stopChecking_endsAtOnce_fieldsKept()
{
    const ReaderOverride reader(script(QStringLiteral("hanging-reader"), "exec sleep 60"));
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("Kept Name"));
    QTimer::singleShot(300, &dialog, [&dialog] {
        auto *stop = child<QPushButton>(&dialog, "stopCheckingButton");
        QVERIFY(stop && stop->isVisible());
        QTest::mouseClick(stop, Qt::LeftButton);
    });
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!dialog.setFile(makePdf(QStringLiteral("Never Read"))));
    QVERIFY2(clock.elapsed() < 10 * 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasValidFile());
    QVERIFY(!dialog.isCheckingFile());
    auto *error = child<QLabel>(&dialog, "fileError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("was stopped")), qPrintable(error->text()));
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Kept Name"));
}

void TestImportChecking::stopChecking_keepsTheFileChosenBefore()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString first = makePdf(QStringLiteral("Chosen First"));
    QVERIFY(dialog.setFile(first));

    const ReaderOverride reader(script(QStringLiteral("hanging-reader-2"), "exec sleep 60"));
    QTimer::singleShot(300, &dialog, [&dialog] { dialog.stopChecking(); });
    QVERIFY(!dialog.setFile(makePdf(QStringLiteral("Chosen Second"))));
    QVERIFY(dialog.hasValidFile());
    QCOMPARE(dialog.filePath(), first);
    auto *error = child<QLabel>(&dialog, "fileError");
    QVERIFY2(error->text().contains(QFileInfo(first).fileName()), qPrintable(error->text()));
    QVERIFY(!dialog.isCheckingFile());
    QVERIFY(child<QPushButton>(&dialog, "selectFileButton")->isEnabled());
}

void TestImportChecking::cancel_whileChecking_closesAtOnce()
{
    const ReaderOverride reader(script(QStringLiteral("hanging-reader-3"), "exec sleep 60"));
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId());
    dialog.setFileWhenShown(makePdf(QStringLiteral("Cancelled While Read")));
    QTimer::singleShot(500, &dialog, [&dialog] {
        QVERIFY(dialog.isCheckingFile());
        QTest::keyClick(&dialog, Qt::Key_Escape);
    });
    QElapsedTimer clock;
    clock.start();
    const int result = dialog.exec();
    QCOMPARE(result, int(QDialog::Rejected));
    QVERIFY2(clock.elapsed() < 10 * 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!dialog.isCheckingFile());
}

void TestImportChecking::hangingReader_timeLimit_saysSo()
{
    setSetting(QStringLiteral("pdf.check-seconds"), QStringLiteral("2"));
    const ReaderOverride reader(script(QStringLiteral("hanging-reader-4"), "exec sleep 60"));
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!dialog.setFile(makePdf(QStringLiteral("Stalls Readers"))));
    qInfo("refused after %lld ms", clock.elapsed());
    auto *error = child<QLabel>(&dialog, "fileError");
    QVERIFY2(
        error->text().contains(QStringLiteral("could not read this PDF safely within 2 seconds")),
        qPrintable(error->text()));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-dialog-timed-out.png"));
}

QTEST_MAIN(TestImportChecking)
#include "tst_importchecking.moc"
