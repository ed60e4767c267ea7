// Odd but valid PDFs, and broken ones, made at test time by
// tests/support/make_odd_pdfs.py (its manifest says what each file is and
// what a viewer does with it): each goes through PdfCheck, the same check as
// every import path, and is accepted or refused with the right problem
// within the reader's time limit, never a hang or a crash of the reader. The
// table of outcomes and times is printed.
#include "PdfProblemName.h"
#include "SmtpSink.h"

#include "pdf/PdfCheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using Problem = PdfCheckResult::Problem;

class OddPdfsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void file_isAcceptedOrRefusedInTime_data();
    void file_isAcceptedOrRefusedInTime();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QJsonArray m_manifest;
    QStringList m_table;
};

void OddPdfsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess generator;
    generator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    generator.start(
        SmtpSink::python(),
        {QStringLiteral(CERTDESK_TEST_DATA "/../support/make_odd_pdfs.py"), m_dir.path()});
    QVERIFY(generator.waitForFinished(120 * 1000));
    QCOMPARE(generator.exitCode(), 0);
    QFile manifest(m_dir.filePath(QStringLiteral("manifest.json")));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    m_manifest = QJsonDocument::fromJson(manifest.readAll()).array();
    QVERIFY(m_manifest.size() >= 20);
}

void OddPdfsTest::file_isAcceptedOrRefusedInTime_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expect");
    for (const QJsonValue entry : qAsConst(m_manifest)) {
        const QString file = entry[QLatin1String("file")].toString();
        QTest::newRow(qPrintable(file)) << file << entry[QLatin1String("expect")].toString();
    }
}

void OddPdfsTest::file_isAcceptedOrRefusedInTime()
{
    QFETCH(QString, file);
    QFETCH(QString, expect);
    const PdfLimits limits = PdfLimits::withMaxBytes(qint64(20) * 1024 * 1024);
    QElapsedTimer clock;
    clock.start();
    const PdfCheckResult result = PdfCheck::checkFile(m_dir.filePath(file), limits);
    const qint64 ms = clock.elapsed();
    m_table << QStringLiteral("%1  %2  %3  %4 ms (reader %5 ms)")
                   .arg(file, -28)
                   .arg(expect, -16)
                   .arg(QLatin1String(problemName(result.problem)), -12)
                   .arg(ms, 6)
                   .arg(result.readerMs);

    // Never a crash or a memory blow-up of the reader, whatever the file; the
    // check always ends (at the latest at the time limit, a refusal that
    // only an extreme file may get).
    QVERIFY2(result.problem != Problem::ReadFailed && result.problem != Problem::ReaderMissing,
             qPrintable(result.message));
    QVERIFY2(ms < (limits.seconds + 20) * qint64(1000), qPrintable(QString::number(ms)));
    if (result.problem == Problem::TimedOut)
        QCOMPARE(expect, QStringLiteral("either"));
    if (expect == QLatin1String("accept")) {
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(result.pageCount >= 1);
    } else if (expect == QLatin1String("refuse-password")) {
        QCOMPARE(result.problem, Problem::PasswordProtected);
    } else if (expect == QLatin1String("refuse-damaged")) {
        QCOMPARE(result.problem, Problem::Damaged);
    } else if (expect == QLatin1String("refuse-notpdf")) {
        QCOMPARE(result.problem, Problem::NotPdf);
    } else if (expect == QLatin1String("repair")) {
        // Until files are repaired on import, a file that needs it is either
        // opened as it is or refused with its own reason, never more.
        QVERIFY2(result.ok() || result.problem == Problem::Damaged ||
                     result.problem == Problem::NotPdf ||
                     result.problem == Problem::PasswordProtected,
                 qPrintable(result.message));
    } else {
        QCOMPARE(expect, QStringLiteral("either"));
    }
    if (result.ok())
        QVERIFY(result.checked);
    else
        QVERIFY(!result.message.isEmpty());
}

void OddPdfsTest::cleanupTestCase()
{
    qInfo("%s", qPrintable(QStringLiteral(
                               "\nfile                          expect            outcome       "
                               "time\n") +
                           m_table.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(OddPdfsTest)
#include "tst_oddpdfs.moc"
