// Odd but valid PDFs, and broken ones, made at test time by
// tests/support/make_odd_pdfs.py (its manifest says what each file is and
// what a viewer does with it): each goes through PdfCheck, the same check as
// every import path, and is accepted or refused with the right problem
// within the reader's time limit, never a hang or a crash of the reader; a
// file that needs repairing is accepted repaired, as the README's "Untrusted
// PDFs" says. The table of outcomes, repairs and times is printed.
#include "OddPdfs.h"
#include "PdfProblemName.h"

#include "pdf/PdfCheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
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
    // A repaired file is a clean PDF for qpdf too, and starts with its header.
    void verifyRepairedFile(const QByteArray &bytes);

    QTemporaryDir m_dir;
    QJsonArray m_manifest;
    QStringList m_table;
};

void OddPdfsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_manifest = OddPdfs::generate(m_dir.path(), &error);
    QVERIFY2(m_manifest.size() >= 20, qPrintable(error));
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
    const QString repairs = PdfCheck::repairCodes(result.repairs).join(QLatin1Char(','));
    m_table << QStringLiteral("%1  %2  %3  %4  %5 ms (reader %6 ms)")
                   .arg(file, -28)
                   .arg(expect, -16)
                   .arg(QLatin1String(problemName(result.problem)), -17)
                   .arg(repairs.isEmpty() ? QStringLiteral("-") : repairs, -15)
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
        // Accepted: as it is when PDFium opens it cleanly (it rebuilds a
        // broken cross-reference table itself), else repaired; bytes before
        // the header and encryption without a password are always removed.
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(result.pageCount >= 1);
        if (file.startsWith(QLatin1String("leading-junk")))
            QCOMPARE(result.repairs, PdfRepairs(PdfRepair::LeadingBytes));
        if (file.startsWith(QLatin1String("empty-password")))
            QCOMPARE(result.repairs, PdfRepairs(PdfRepair::Encryption));
        // PDFium stops the reader with a trap on it: the second run, which
        // repairs first, reads it.
        if (file.startsWith(QLatin1String("negative-xref")))
            QVERIFY((result.repairs & PdfRepairs(PdfRepair::CrossReference)) != 0);
    } else {
        QCOMPARE(expect, QStringLiteral("either"));
    }
    // The deep page tree, which PDFium cannot descend, is read flattened.
    if (file.startsWith(QLatin1String("page-tree")))
        QCOMPARE(result.repairs, PdfRepairs(PdfRepair::PageTree));
    if (result.ok()) {
        QVERIFY(result.checked);
        QVERIFY(!result.previews.isEmpty());
        if (result.checked->repaired())
            verifyRepairedFile(result.checked->bytes());
    } else {
        QVERIFY(!result.message.isEmpty());
    }
}

void OddPdfsTest::verifyRepairedFile(const QByteArray &bytes)
{
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(!bytes.contains("/Encrypt"));
    QFile out(m_dir.filePath(QStringLiteral("repaired.pdf")));
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(bytes);
    out.close();
    QProcess qpdf;
    qpdf.start(QStringLiteral("qpdf"), {QStringLiteral("--check"), out.fileName()});
    QVERIFY(qpdf.waitForFinished(60 * 1000));
    QVERIFY2(qpdf.exitCode() == 0, qpdf.readAllStandardOutput().constData());
}

void OddPdfsTest::cleanupTestCase()
{
    qInfo("%s",
          qPrintable(
              QStringLiteral("\nfile                          expect            outcome            "
                             "repairs          time\n") +
              m_table.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(OddPdfsTest)
#include "tst_oddpdfs.moc"
