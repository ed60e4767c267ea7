// The PDF reader runs apart (README "Untrusted PDFs"): a reader that hangs,
// crashes, says nonsense or says too much is a refusal with a plain message,
// within the time limit, and this process goes on; the waiting check and the
// job without waiting behave alike. The misbehaving readers are small shell
// scripts put in place of certdesk-pdfcheck through $CERTDESK_PDFCHECK.

#include "ReaderOverride.h"
#include "pdf/CertificatePdf.h"
#include "pdf/PdfCheck.h"
#include "pdf/PdfCheckJob.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using Problem = PdfCheckResult::Problem;

namespace {
constexpr qint64 Limit = qint64(20) * 1024 * 1024;

PdfLimits limitsOf(int seconds, int memoryMb = PdfLimits::DefaultMemoryMb)
{
    PdfLimits limits = PdfLimits::withMaxBytes(Limit);
    limits.seconds = seconds;
    limits.memoryMb = memoryMb;
    return limits;
}

constexpr bool builtWithAddressSanitizer()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

} // namespace

class PdfReaderTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void realReader_generatedCertificate_isAcceptedAndRendered();
    void realReader_isFoundNextToThisProgram();
    void misbehavingReader_isRefusedInTime_data();
    void misbehavingReader_isRefusedInTime();
    void missingReader_saysSo();
    void realReader_tinyMemoryLimit_isReadFailed();

    void job_hangingReader_eventLoopRuns_timesOut();
    void job_cancel_endsAtOnce();
    void job_refusedBeforeReading_stillFinishesFromEventLoop();
    void job_sameAsWaitingCheck();
    void crashedReader_runsOnceMoreRepairingFirst();

private:
    QString script(const QString &name, const QByteArray &body);

    QTemporaryDir m_dir;
    QByteArray m_certificate;
};

void PdfReaderTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_certificate =
        CertificatePdf::render({QStringLiteral("Forklift Operation"), QStringLiteral("Kai Müller"),
                                QStringLiteral("Northwind Safety Institute"), QDate(2025, 1, 20),
                                QDate(), QString(), QString()});
    QVERIFY(m_certificate.startsWith("%PDF-"));
}

QString PdfReaderTest::script(const QString &name, const QByteArray &body)
{
    return ReaderOverride::script(m_dir.path(), name, body);
}

void PdfReaderTest::realReader_generatedCertificate_isAcceptedAndRendered()
{
    const int runs = PdfCheck::readerRuns();
    const PdfCheckResult result = PdfCheck::checkBytes(m_certificate, limitsOf(10));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.pageCount, 1);
    QVERIFY(result.checked);
    QCOMPARE(result.checked->bytes(), m_certificate);
    QCOMPARE(PdfCheck::readerRuns(), runs + 1);
    qInfo("the reader took %lld ms on a generated certificate", result.readerMs);
}

void PdfReaderTest::realReader_isFoundNextToThisProgram()
{
    const QString program = PdfCheck::readerProgram();
    QCOMPARE(program,
             QCoreApplication::applicationDirPath() + QStringLiteral("/certdesk-pdfcheck"));
}

void PdfReaderTest::misbehavingReader_isRefusedInTime_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("says");

    QTest::newRow("hangs") << QByteArray("exec sleep 60") << int(Problem::TimedOut)
                           << QStringLiteral("within 2 seconds");
    QTest::newRow("hangs without reading its input")
        << QByteArray("exec 0<&-; exec sleep 60") << int(Problem::TimedOut)
        << QStringLiteral("within 2 seconds");
    QTest::newRow("crashes") << QByteArray("cat >/dev/null; kill -SEGV $$")
                             << int(Problem::ReadFailed) << QStringLiteral("reading it failed");
    QTest::newRow("exits with an error")
        << QByteArray("cat >/dev/null; exit 3") << int(Problem::ReadFailed)
        << QStringLiteral("reading it failed");
    QTest::newRow("says nonsense")
        << QByteArray("cat >/dev/null; echo 'all fine, trust me'") << int(Problem::ReadFailed)
        << QStringLiteral("reading it failed");
    QTest::newRow("says too much")
        << QByteArray("cat >/dev/null; exec yes") << int(Problem::ReadFailed)
        << QStringLiteral("reading it failed");
    QTest::newRow("closes its output, then hangs")
        << QByteArray("cat >/dev/null; exec 1>&-; exec sleep 60") << int(Problem::TimedOut)
        << QStringLiteral("within 2 seconds");
}

void PdfReaderTest::misbehavingReader_isRefusedInTime()
{
    QFETCH(QByteArray, body);
    QFETCH(int, problem);
    QFETCH(QString, says);
    const ReaderOverride reader(script(
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')),
        body));
    QElapsedTimer clock;
    clock.start();
    const PdfCheckResult result = PdfCheck::checkBytes(m_certificate, limitsOf(2));
    const qint64 ms = clock.elapsed();
    qInfo("%s: %s after %lld ms", QTest::currentDataTag(), qPrintable(result.message), ms);
    QCOMPARE(int(result.problem), problem);
    QVERIFY2(result.message.contains(says), qPrintable(result.message));
    QVERIFY(!result.checked);
    // The limit is 2 s; stopping the reader may take a moment more on a busy
    // machine, never the reader's 60 s.
    QVERIFY2(ms < 30 * 1000, qPrintable(QString::number(ms)));
}

void PdfReaderTest::missingReader_saysSo()
{
    const ReaderOverride reader(m_dir.filePath(QStringLiteral("no-such-reader")));
    const PdfCheckResult result = PdfCheck::checkBytes(m_certificate, limitsOf(2));
    QCOMPARE(result.problem, Problem::ReaderMissing);
    QVERIFY2(result.message.contains(QStringLiteral("certdesk-pdfcheck")),
             qPrintable(result.message));
}

void PdfReaderTest::realReader_tinyMemoryLimit_isReadFailed()
{
    if (builtWithAddressSanitizer()) {
        // QTest::qSkip, not QSKIP: clang's -Wpedantic refuses QSKIP's empty
        // variadic part.
        QTest::qSkip("under AddressSanitizer the reader sets no address-space limit (ASan "
                     "reserves terabytes of it)",
                     __FILE__, __LINE__);
        return;
    }
    // 64 MB of address space is less than Qt and PDFium need to start: the
    // limit is really set, and running out of it is a refusal, not a crash here.
    const PdfCheckResult result = PdfCheck::checkBytes(m_certificate, limitsOf(10, 64));
    QCOMPARE(result.problem, Problem::ReadFailed);
    QVERIFY2(result.message.contains(QStringLiteral("64 MB")), qPrintable(result.message));
}

void PdfReaderTest::job_hangingReader_eventLoopRuns_timesOut()
{
    const ReaderOverride reader(script(QStringLiteral("hang-job"), "exec sleep 60"));
    PdfCheckJob job;
    QSignalSpy finished(&job, &PdfCheckJob::finished);
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
    tick.start(50);
    QElapsedTimer clock;
    clock.start();
    job.startBytes(m_certificate, limitsOf(2));
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(30 * 1000));
    qInfo("timed out after %lld ms; the event loop ran %d times meanwhile", clock.elapsed(), ticks);
    QCOMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<PdfCheckResult>();
    QCOMPARE(result.problem, Problem::TimedOut);
    QVERIFY(!job.isRunning());
    // 2 s at one tick per 50 ms: the loop was never held for long.
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
}

void PdfReaderTest::job_cancel_endsAtOnce()
{
    const ReaderOverride reader(script(QStringLiteral("hang-cancel"), "exec sleep 60"));
    PdfCheckJob job;
    QSignalSpy finished(&job, &PdfCheckJob::finished);
    job.startBytes(m_certificate, limitsOf(30));
    QTest::qWait(200);
    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<PdfCheckResult>().problem, Problem::Cancelled);
    QVERIFY2(clock.elapsed() < 10 * 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!job.isRunning());
    job.cancel(); // nothing to cancel: no second finished()
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

void PdfReaderTest::job_refusedBeforeReading_stillFinishesFromEventLoop()
{
    PdfCheckJob job;
    QSignalSpy finished(&job, &PdfCheckJob::finished);
    const int runs = PdfCheck::readerRuns();
    job.startBytes(QByteArray("GIF89a not a pdf"), limitsOf(2));
    QCOMPARE(finished.count(), 0); // not from inside startBytes()
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).value<PdfCheckResult>().problem, Problem::NotPdf);
    QCOMPARE(PdfCheck::readerRuns(), runs); // nothing to read: no reader started

    // A new start drops what the previous one had not yet said.
    job.startFile(m_dir.filePath(QStringLiteral("missing.pdf")), limitsOf(2));
    job.startBytes(QByteArray(), limitsOf(2));
    QVERIFY(finished.wait(5000));
    QTest::qWait(50);
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.at(1).at(0).value<PdfCheckResult>().problem, Problem::Empty);
}

void PdfReaderTest::job_sameAsWaitingCheck()
{
    const QString path = m_dir.filePath(QStringLiteral("certificate.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_certificate);
    file.close();

    PdfCheckJob job;
    QSignalSpy finished(&job, &PdfCheckJob::finished);
    job.startFile(path, limitsOf(10));
    QVERIFY(finished.wait(30 * 1000));
    const auto fromJob = finished.at(0).at(0).value<PdfCheckResult>();
    const PdfCheckResult waited = PdfCheck::checkFile(path, limitsOf(10));
    QVERIFY2(fromJob.ok(), qPrintable(fromJob.message));
    QCOMPARE(fromJob.problem, waited.problem);
    QCOMPARE(fromJob.pageCount, waited.pageCount);
    QCOMPARE(fromJob.sha256Hex, waited.sha256Hex);
    QCOMPARE(fromJob.checked->bytes(), waited.checked->bytes());
}

// PDFium stops the reader with a trap on some files (tests/fuzz): the file is
// read once more with --repair-first, in the same time limit, waiting or not.
// The stand-in reader crashes unless asked to repair first, then hands over
// to the real one.
void PdfReaderTest::crashedReader_runsOnceMoreRepairingFirst()
{
    const QString real = PdfCheck::readerProgram();
    QVERIFY(!real.isEmpty());
    const ReaderOverride reader(script(QStringLiteral("crashes-unless-repairing"),
                                       "case \" $* \" in *' --repair-first '*) exec '" +
                                           real.toUtf8() +
                                           "' \"$@\" ;; esac\ncat >/dev/null; kill -SEGV $$"));
    const QByteArray upload = "HTTP/1.1 200 OK\r\n\r\n" + m_certificate;

    int runs = PdfCheck::readerRuns();
    const PdfCheckResult waited = PdfCheck::checkBytes(upload, limitsOf(10));
    QVERIFY2(waited.ok(), qPrintable(waited.message));
    QCOMPARE(PdfCheck::readerRuns(), runs + 2);
    QVERIFY(waited.checked->repaired());
    QVERIFY(waited.checked->bytes().startsWith("%PDF-"));

    runs = PdfCheck::readerRuns();
    PdfCheckJob job;
    QSignalSpy finished(&job, &PdfCheckJob::finished);
    job.startBytes(upload, limitsOf(10));
    QVERIFY(finished.wait(30 * 1000));
    const auto fromJob = finished.at(0).at(0).value<PdfCheckResult>();
    QVERIFY2(fromJob.ok(), qPrintable(fromJob.message));
    QCOMPARE(PdfCheck::readerRuns(), runs + 2);
    QCOMPARE(fromJob.sha256Hex, waited.sha256Hex);

    // A reader that crashes either way: one second run, then the refusal.
    const ReaderOverride always(
        script(QStringLiteral("always-crashes"), "cat >/dev/null; kill -SEGV $$"));
    runs = PdfCheck::readerRuns();
    const PdfCheckResult refused = PdfCheck::checkBytes(m_certificate, limitsOf(10));
    QCOMPARE(refused.problem, Problem::ReadFailed);
    QCOMPARE(PdfCheck::readerRuns(), runs + 2);
}

QTEST_MAIN(PdfReaderTest)
#include "tst_pdfreader.moc"
