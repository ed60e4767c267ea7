// The import dialog while the PDF reader checks a file (README "Untrusted
// PDFs"): the dialog stays responsive (typing goes on), shows that it is
// checking, and "Stop checking", Cancel and the time limit end the check at
// once with a plain message. Slow and hanging readers are shell scripts put in
// place of certdesk-pdfcheck through $CERTDESK_PDFCHECK. The odd and broken
// files of tests/support/make_odd_pdfs.py go through the dialog with the real
// reader, each accepted (repaired where it must be) or refused with its
// reason within the time limit, while keys are typed into the name field.
#include "ImportTestFixture.h"
#include "ReaderOverride.h"

#include "OddPdfs.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
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
    void notChecking_onlyOnceTheAnswerShows();
    void oddFiles_acceptedOrRefusedInTheDialog_data();
    void oddFiles_acceptedOrRefusedInTheDialog();
    void cleanupTestCase();

private:
    QString script(const QString &name, const QByteArray &body);

    QString m_realReader;
    QTemporaryDir m_odd;
    QStringList m_table;
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

void TestImportChecking::notChecking_onlyOnceTheAnswerShows()
{
    // Whoever sees the dialog no longer checking (a user, a test driving it)
    // finds the answer shown: the file ready, or its refusal. A timer that
    // fires between the reader's answer and the answer shown would see
    // neither.
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    const QString good = makePdf(QStringLiteral("Answer Shown"));
    const QString bad = testData("truncated.pdf");
    int ticks = 0;
    int gaps = 0;
    for (int round = 0; round < 6; ++round) {
        ImportDialog dialog(*emma, emma->userId());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *error = child<QLabel>(&dialog, "fileError");
        QVERIFY(error);
        QTimer probe;
        probe.setInterval(0);
        connect(&probe, &QTimer::timeout, &dialog, [&] {
            ++ticks;
            if (!dialog.isCheckingFile() && !dialog.hasValidFile() && !error->isVisible())
                ++gaps;
        });
        probe.start();
        const bool accepted = dialog.setFile(round % 2 == 0 ? good : bad);
        QCOMPARE(accepted, round % 2 == 0);
        probe.stop();
    }
    qInfo("%d looks at the dialog while it checked, %d between answer and answer shown", ticks,
          gaps);
    QVERIFY(ticks > 0);
    QCOMPARE(gaps, 0);
}

void TestImportChecking::oddFiles_acceptedOrRefusedInTheDialog_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expect");
    QVERIFY(m_odd.isValid());
    QString error;
    const QJsonArray entries = OddPdfs::generate(m_odd.path(), &error);
    QVERIFY2(entries.size() >= 20, qPrintable(error));
    for (const QJsonValue entry : entries) {
        const QString file = entry[QLatin1String("file")].toString();
        QTest::newRow(qPrintable(file)) << file << entry[QLatin1String("expect")].toString();
    }
}

void TestImportChecking::oddFiles_acceptedOrRefusedInTheDialog()
{
    QFETCH(QString, file);
    QFETCH(QString, expect);
    // The product's time limit: the files made to be slow meet it here.
    setSetting(QStringLiteral("pdf.check-seconds"),
               QString::number(PlatformSettings().pdfCheckSeconds));
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    name->setFocus();
    int keys = 0;
    QTimer typist;
    connect(&typist, &QTimer::timeout, this, [&] {
        if (dialog.isCheckingFile() && keys < 40) {
            QTest::keyClick(name, 'a');
            ++keys;
        }
    });
    typist.start(25);
    QElapsedTimer clock;
    clock.start();
    const bool accepted = dialog.setFile(m_odd.filePath(file));
    const qint64 ms = clock.elapsed();
    typist.stop();
    auto *error = child<QLabel>(&dialog, "fileError");
    auto *note = child<QLabel>(&dialog, "fileRepairNote");
    m_table << QStringLiteral("%1  %2  %3  %4 ms, %5 keys typed meanwhile")
                   .arg(file, -28)
                   .arg(expect, -16)
                   .arg(accepted ? (note->isVisible() ? QStringLiteral("accepted, repaired")
                                                      : QStringLiteral("accepted"))
                                 : QStringLiteral("refused"),
                        -18)
                   .arg(ms, 6)
                   .arg(keys);

    const int seconds = PlatformSettings().pdfCheckSeconds;
    QVERIFY2(ms < (seconds + 20) * qint64(1000), qPrintable(QString::number(ms)));
    // What was typed while the reader worked is all there; a long check
    // leaves the window answering keys throughout.
    QCOMPARE(name->text().count(QLatin1Char('a')), keys);
    if (ms > 1000)
        QVERIFY2(keys >= 10, qPrintable(QString::number(keys)));
    if (accepted) {
        QVERIFY2(expect != QLatin1String("refuse-damaged") &&
                     !expect.startsWith(QLatin1String("refuse")),
                 qPrintable(file));
        QVERIFY(child<PdfPreview>(&dialog, "pdfPreview")->showsRenderedPages());
        QVERIFY(dialog.hasValidFile());
    } else {
        QVERIFY2(expect.startsWith(QLatin1String("refuse")) || expect == QLatin1String("either"),
                 qPrintable(error->text()));
        QVERIFY(error->isVisible());
    }
    const QString message = error->text();
    if (expect == QLatin1String("refuse-password"))
        QVERIFY2(message.contains(QLatin1String("protected by a password")), qPrintable(message));
    else if (expect == QLatin1String("refuse-damaged"))
        QVERIFY2(message.contains(QLatin1String("damaged")), qPrintable(message));
    else if (expect == QLatin1String("refuse-notpdf"))
        QVERIFY2(message.contains(QLatin1String("not a PDF")), qPrintable(message));
    else if (expect == QLatin1String("either") && !accepted)
        QVERIFY2(message.contains(QLatin1String("within")), qPrintable(message));
    if (file.startsWith(QLatin1String("leading-junk")) ||
        file.startsWith(QLatin1String("empty-password"))) {
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("Repaired on import")),
                 qPrintable(note->text()));
    }
}

void TestImportChecking::cleanupTestCase()
{
    if (!m_table.isEmpty())
        qInfo("%s", qPrintable(QStringLiteral("\nfile                          expect            "
                                              "in the dialog       time\n") +
                               m_table.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestImportChecking)
#include "tst_importchecking.moc"
