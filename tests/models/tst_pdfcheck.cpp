#include "PdfProblemName.h"
#include "pdf/CertificatePdf.h"
#include "pdf/PdfCheck.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPdfDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <ctime>
#include <memory>
#include <vector>

using Problem = PdfCheckResult::Problem;

namespace {
constexpr qint64 Limit = 20 * 1024 * 1024;

QString dataDir()
{
    return QStringLiteral(CERTDESK_TEST_DATA);
}

QString dataFile(const QString &name)
{
    return dataDir() + QLatin1Char('/') + name;
}

QByteArray readDataFile(const QString &name)
{
    QFile file(dataFile(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data file %s", qPrintable(file.fileName()));
    return file.readAll();
}

CertificatePdfContent sampleContent()
{
    return {QStringLiteral("Workplace First Aid"),
            QStringLiteral("Amélie Laurent"),
            QStringLiteral("Northwind Safety Institute"),
            QDate(2024, 3, 12),
            QDate(2027, 3, 12),
            QStringLiteral("NSI-2024-00417"),
            QString()};
}

QByteArray pngBytes()
{
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

// All the text on every page, as PDFium extracts it.
QString pdfText(const QByteArray &pdf)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    QString text;
    for (int page = 0; page < document.pageCount(); ++page)
        text += document.getAllText(page).text() + QLatin1Char('\n');
    return text;
}

} // namespace

class PdfCheckTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void checkBytes_generatedCertificate_isAccepted();
    void checkBytes_badBytes_givesProblem_data();
    void checkBytes_badBytes_givesProblem();
    void checkBytes_overLimit_namesSizeAndLimit();
    void checkBytes_exactlyAtLimit_isAccepted();
    void checkBytes_noLimit_acceptsAnySize();

    void checkBytes_leadingBytes_isStoredRepaired();
    void checkBytes_sameUpload_repairsToSameBytes();
    void checkFile_ownerPasswordOnly_isStoredDecrypted();
    void checkFile_previews_areTheFirstPagesRendered();
    void repairCodes_roundTripAndDescribe();

    void checkFile_dataFiles_data();
    void checkFile_dataFiles();
    void checkFile_missingFile_isFileUnreadable();
    void checkFile_folder_isFileUnreadable();
    void checkFile_overLimit_isTooLargeWithoutReading();
    void checkFile_manyThreadsAtOnce_eachGetsItsOwnAnswer();

    void messages_eachProblem_isDistinctAndNonEmpty();

    void formatSize_data();
    void formatSize();

    void render_sameContent_givesSameBytes();
    void render_otherHashSeed_givesSameBytes();
    void render_otherTimeZone_givesSameBytes();
    void render_differentHolder_givesDifferentBytes();
    void render_withoutExpiry_omitsValidUntil();
    void render_veryLongNames_stillValidAndComplete();
    void render_isFast();

private:
    QByteArray m_certificate; // one generated certificate, shared by the tests
};

void PdfCheckTest::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // predictable numbers and dates in messages
    m_certificate = CertificatePdf::render(sampleContent());
    QVERIFY(!m_certificate.isEmpty());
}

void PdfCheckTest::checkBytes_generatedCertificate_isAccepted()
{
    const PdfCheckResult result = PdfCheck::checkBytes(m_certificate, Limit);

    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.problem, Problem::None);
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.pageCount, 1);
    QCOMPARE(result.bytes, m_certificate);
    QCOMPARE(result.sha256Hex,
             QCryptographicHash::hash(m_certificate, QCryptographicHash::Sha256).toHex());
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                .match(QString::fromLatin1(result.sha256Hex))
                .hasMatch());
    QCOMPARE(result.pdfTitle, QStringLiteral("Workplace First Aid"));

    // A real certificate, not a blank page: PDFium finds the words on it.
    const QString text = pdfText(m_certificate);
    QVERIFY2(text.contains(QStringLiteral("Amélie Laurent")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("This certifies that")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("NORTHWIND SAFETY INSTITUTE")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Delivered on 12 March 2024")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Valid until 12 March 2027")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("NSI-2024-00417")), qPrintable(text));
}

void PdfCheckTest::checkBytes_badBytes_givesProblem_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<Problem>("problem");

    const QByteArray pdf = CertificatePdf::render(sampleContent());
    QByteArray garbage("%PDF-1.7\n");
    QRandomGenerator random(42);
    for (int i = 0; i < 4096; ++i)
        garbage.append(char(random.bounded(256)));

    QTest::newRow("empty") << QByteArray() << Limit << Problem::Empty;
    QTest::newRow("renamed text file")
        << QByteArray("Certificate of completion\nHolder: Jane Doe\n") << Limit << Problem::NotPdf;
    QTest::newRow("png image") << pngBytes() << Limit << Problem::NotPdf;
    QTest::newRow("header only") << QByteArray("%PDF-") << Limit << Problem::Damaged;
    // PDF readers look for the header in the first kilobyte only.
    QTest::newRow("pdf header after the first kilobyte")
        << QByteArray(1025, ' ') + pdf << Limit << Problem::NotPdf;
    QTest::newRow("truncated (first half)")
        << pdf.left(pdf.size() / 2) << Limit << Problem::Damaged;
    QTest::newRow("garbage after %PDF-1.7 header") << garbage << Limit << Problem::Damaged;
    QTest::newRow("too large") << pdf << qint64(pdf.size() - 1) << Problem::TooLarge;
    // The order of the rules: size is checked before the type, so a big
    // non-PDF is "too large", never parsed.
    QTest::newRow("too large text file")
        << QByteArray(2048, 'x') << qint64(1024) << Problem::TooLarge;
}

void PdfCheckTest::checkBytes_badBytes_givesProblem()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, maxBytes);
    QFETCH(Problem, problem);

    const PdfCheckResult result = PdfCheck::checkBytes(bytes, maxBytes);

    QCOMPARE(result.problem, problem);
    QVERIFY(!result.ok());
    QVERIFY(!result.message.isEmpty());
    QCOMPARE(result.bytes, bytes);
    QVERIFY(result.sha256Hex.isEmpty());
    QCOMPARE(result.pageCount, 0);
}

void PdfCheckTest::checkBytes_overLimit_namesSizeAndLimit()
{
    const QByteArray bigText(3 * 1024 * 1024 + 512 * 1024, 'x'); // 3.5 MB, not even a PDF
    const PdfCheckResult result = PdfCheck::checkBytes(bigText, 2 * 1024 * 1024);

    QCOMPARE(result.problem, Problem::TooLarge);
    QVERIFY2(result.message.contains(QStringLiteral("3.5 MB")), qPrintable(result.message));
    QVERIFY2(result.message.contains(QStringLiteral("2 MB")), qPrintable(result.message));
}

void PdfCheckTest::checkBytes_exactlyAtLimit_isAccepted()
{
    const PdfCheckResult result = PdfCheck::checkBytes(m_certificate, m_certificate.size());
    QVERIFY2(result.ok(), qPrintable(result.message));
}

void PdfCheckTest::checkBytes_noLimit_acceptsAnySize()
{
    QVERIFY(PdfCheck::checkBytes(m_certificate, 0).ok());
    QVERIFY(PdfCheck::checkBytes(m_certificate, -1).ok());
}

namespace {
QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// A download saved with its HTTP response header in front.
QByteArray withHttpHeader(const QByteArray &pdf)
{
    return QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
                      "Content-Disposition: attachment; filename=\"certificate.pdf\"\r\n\r\n") +
           pdf;
}
} // namespace

// README "Untrusted PDFs": a file only lenient readers open is stored as
// the reader repaired it, and the upload keeps its own SHA-256.
void PdfCheckTest::checkBytes_leadingBytes_isStoredRepaired()
{
    const QByteArray upload = withHttpHeader(m_certificate);
    const PdfCheckResult result = PdfCheck::checkBytes(upload, Limit);

    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.repairs, PdfRepairs(PdfRepair::LeadingBytes));
    QVERIFY(result.checked);
    const CheckedPdf &pdf = *result.checked;
    QVERIFY(pdf.repaired());
    QVERIFY(pdf.bytes().startsWith("%PDF-"));
    QVERIFY(pdf.bytes() != upload);
    QCOMPARE(pdf.sha256Hex(), sha256Hex(pdf.bytes()));
    QCOMPARE(pdf.uploadedSha256Hex(), sha256Hex(upload));
    QCOMPARE(result.sha256Hex, pdf.sha256Hex());
    QCOMPARE(result.bytes, upload); // what was checked: the upload
    QCOMPARE(pdf.pageCount(), 1);
    QVERIFY2(pdfText(pdf.bytes()).contains(QStringLiteral("Amélie Laurent")),
             qPrintable(pdfText(pdf.bytes())));

    // The repaired file is clean: the reader stores it as it is.
    const PdfCheckResult again = PdfCheck::checkBytes(pdf.bytes(), Limit);
    QVERIFY2(again.ok(), qPrintable(again.message));
    QCOMPARE(again.repairs, PdfRepairs(0));
    QCOMPARE(again.checked->uploadedSha256Hex(), again.checked->sha256Hex());
    QCOMPARE(again.sha256Hex, pdf.sha256Hex());
}

// The same upload gives the same stored bytes (and SHA-256) every time, so
// that duplicates are found by either hash.
void PdfCheckTest::checkBytes_sameUpload_repairsToSameBytes()
{
    const QByteArray upload = withHttpHeader(m_certificate);
    const PdfCheckResult first = PdfCheck::checkBytes(upload, Limit);
    const PdfCheckResult second = PdfCheck::checkBytes(upload, Limit);
    QVERIFY(first.checked && second.checked);
    QCOMPARE(first.checked->bytes(), second.checked->bytes());
    QCOMPARE(first.sha256Hex, second.sha256Hex);
}

void PdfCheckTest::checkFile_ownerPasswordOnly_isStoredDecrypted()
{
    const QString file = QStringLiteral("encrypted-owner-only.pdf");
    const PdfCheckResult result = PdfCheck::checkFile(dataFile(file), Limit);

    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.repairs, PdfRepairs(PdfRepair::Encryption));
    QVERIFY(readDataFile(file).contains("/Encrypt"));
    QVERIFY(!result.checked->bytes().contains("/Encrypt"));
    QCOMPARE(result.checked->uploadedSha256Hex(), sha256Hex(readDataFile(file)));
    QVERIFY(pdfText(result.checked->bytes()).contains(QStringLiteral("Amélie Laurent")));
}

void PdfCheckTest::checkFile_previews_areTheFirstPagesRendered()
{
    const PdfCheckResult one =
        PdfCheck::checkFile(dataFile(QStringLiteral("certificate.pdf")), Limit);
    QVERIFY2(one.ok(), qPrintable(one.message));
    QCOMPARE(one.previews.size(), 1);
    const QImage page = one.previews.first();
    QCOMPARE(std::max(page.width(), page.height()), PdfReport::MaxPreviewEdge);
    // Ink on paper: a light corner (the certificate's cream), darker text.
    QVERIFY2(qGray(page.pixel(0, 0)) > 200, qPrintable(page.pixelColor(0, 0).name()));
    bool ink = false;
    for (int y = 0; y < page.height() && !ink; y += 4) {
        for (int x = 0; x < page.width() && !ink; x += 4)
            ink = qGray(page.pixel(x, y)) < 128;
    }
    QVERIFY(ink);

    const PdfCheckResult three =
        PdfCheck::checkFile(dataFile(QStringLiteral("multi-page.pdf")), Limit);
    QVERIFY2(three.ok(), qPrintable(three.message));
    QCOMPARE(three.previews.size(), 3);
}

void PdfCheckTest::repairCodes_roundTripAndDescribe()
{
    for (PdfRepairs repairs = 0; repairs <= AllPdfRepairs; ++repairs) {
        QCOMPARE(PdfCheck::repairsFromCodes(PdfCheck::repairCodes(repairs)), repairs);
        QCOMPARE(PdfCheck::describeRepairs(repairs).isEmpty(), repairs == 0);
    }
    QCOMPARE(PdfCheck::repairCodes(PdfRepairs(PdfRepair::LeadingBytes) |
                                   PdfRepairs(PdfRepair::Encryption)),
             QStringList({QStringLiteral("leading-bytes"), QStringLiteral("encryption")}));
    QCOMPARE(PdfCheck::repairsFromCodes({QStringLiteral("no-such-repair")}), PdfRepairs(0));
}

void PdfCheckTest::checkFile_dataFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<int>("pageCount");
    QTest::addColumn<QString>("title"); // null: not checked
    QTest::addColumn<QString>("text");  // null: not checked; empty: no text at all

    const QString title = QStringLiteral("Workplace First Aid");
    const QString holder = QStringLiteral("Amélie Laurent");
    QTest::newRow("certificate") << "certificate.pdf" << Problem::None << 1 << title << holder;
    QTest::newRow("owner password only: opens without a password")
        << "encrypted-owner-only.pdf" << Problem::None << 1 << title << holder;
    // QtPdf 6.4 reads no document title from a linearized file: not checked.
    QTest::newRow("linearized") << "linearized.pdf" << Problem::None << 1 << QString() << holder;
    QTest::newRow("multi-page") << "multi-page.pdf" << Problem::None << 3 << QString()
                                << QStringLiteral("Priya Raman");
    QTest::newRow("pdf 1.4 image only")
        << "pdf-1.4-image-only.pdf" << Problem::None << 1 << QString() << QStringLiteral("");
    QTest::newRow("user password") << "encrypted-user-password.pdf" << Problem::PasswordProtected
                                   << 0 << QString() << QString();
    QTest::newRow("truncated") << "truncated.pdf" << Problem::Damaged << 0 << QString()
                               << QString();
    QTest::newRow("renamed text file")
        << "not-a-pdf.pdf" << Problem::NotPdf << 0 << QString() << QString();
    QTest::newRow("no pages") << "no-pages.pdf" << Problem::NoPages << 0 << QString() << QString();
}

void PdfCheckTest::checkFile_dataFiles()
{
    QFETCH(QString, file);
    QFETCH(Problem, problem);
    QFETCH(int, pageCount);
    QFETCH(QString, title);
    QFETCH(QString, text);

    const PdfCheckResult result = PdfCheck::checkFile(dataFile(file), Limit);

    QCOMPARE(result.problem, problem);
    QCOMPARE(result.bytes, readDataFile(file));
    QCOMPARE(result.pageCount, pageCount);
    QCOMPARE(result.message.isEmpty(), result.ok());
    if (!title.isNull())
        QCOMPARE(result.pdfTitle, title);
    if (!text.isNull()) {
        const QString found = pdfText(result.bytes);
        if (text.isEmpty())
            QVERIFY2(found.trimmed().isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(text), qPrintable(found));
    }
}

void PdfCheckTest::checkFile_missingFile_isFileUnreadable()
{
    const QString path = dataFile(QStringLiteral("does-not-exist.pdf"));
    const PdfCheckResult result = PdfCheck::checkFile(path, Limit);

    QCOMPARE(result.problem, Problem::FileUnreadable);
    QVERIFY2(result.message.contains(QStringLiteral("does-not-exist.pdf")),
             qPrintable(result.message));
    QVERIFY(result.bytes.isEmpty());
}

void PdfCheckTest::checkFile_folder_isFileUnreadable()
{
    const PdfCheckResult result = PdfCheck::checkFile(dataDir(), Limit);
    QCOMPARE(result.problem, Problem::FileUnreadable);
    QVERIFY(!result.message.isEmpty());
}

void PdfCheckTest::checkFile_overLimit_isTooLargeWithoutReading()
{
    const PdfCheckResult result =
        PdfCheck::checkFile(dataFile(QStringLiteral("multi-page.pdf")), 1024);

    QCOMPARE(result.problem, Problem::TooLarge);
    QVERIFY(result.bytes.isEmpty()); // not read
    QVERIFY2(result.message.contains(QStringLiteral("1 KB")), qPrintable(result.message));
}

void PdfCheckTest::checkFile_manyThreadsAtOnce_eachGetsItsOwnAnswer()
{
    // PDFium's load error is process-wide: when files were read in this
    // process, a password-protected file checked at the same time as a
    // damaged one came back "damaged". Each check now has its own reader
    // process; checks from several threads at once still each get their own
    // answer.
    const QList<QPair<QString, Problem>> cases = {
        {QStringLiteral("certificate.pdf"), Problem::None},
        {QStringLiteral("encrypted-user-password.pdf"), Problem::PasswordProtected},
        {QStringLiteral("truncated.pdf"), Problem::Damaged},
        {QStringLiteral("no-pages.pdf"), Problem::NoPages},
    };
    std::atomic<int> wrong{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (const auto &c : cases) {
        threads.emplace_back(QThread::create([c, &wrong] {
            // Each check is a reader process: a dozen each is four dozen
            // readers, two at a time per core (slow under ASan).
            for (int i = 0; i < 12; ++i) {
                if (PdfCheck::checkFile(dataFile(c.first), Limit).problem != c.second)
                    ++wrong;
            }
        }));
        threads.back()->start();
    }
    // Until they end (they use wrong): a hang is the test function's time-out.
    for (const auto &thread : threads)
        QVERIFY(thread->wait());
    QCOMPARE(wrong.load(), 0);
}

void PdfCheckTest::messages_eachProblem_isDistinctAndNonEmpty()
{
    const QList<PdfCheckResult> results = {
        PdfCheck::checkFile(dataFile(QStringLiteral("does-not-exist.pdf")), Limit),
        PdfCheck::checkBytes(QByteArray(), Limit),
        PdfCheck::checkBytes(m_certificate, 1024),
        PdfCheck::checkBytes(pngBytes(), Limit),
        PdfCheck::checkBytes(m_certificate.left(m_certificate.size() / 2), Limit),
        PdfCheck::checkBytes(readDataFile(QStringLiteral("encrypted-user-password.pdf")), Limit),
        PdfCheck::checkBytes(readDataFile(QStringLiteral("no-pages.pdf")), Limit),
    };
    const QList<Problem> expected = {Problem::FileUnreadable, Problem::Empty,
                                     Problem::TooLarge,       Problem::NotPdf,
                                     Problem::Damaged,        Problem::PasswordProtected,
                                     Problem::NoPages};
    QCOMPARE(results.size(), expected.size());

    for (qsizetype i = 0; i < results.size(); ++i) {
        QCOMPARE(results.at(i).problem, expected.at(i));
        QVERIFY2(results.at(i).message.size() > 20, problemName(expected.at(i)));
        for (qsizetype j = i + 1; j < results.size(); ++j) {
            QVERIFY2(results.at(i).message != results.at(j).message,
                     qPrintable(QStringLiteral("%1 and %2 share a message")
                                    .arg(QLatin1String(problemName(expected.at(i))),
                                         QLatin1String(problemName(expected.at(j))))));
        }
    }
}

void PdfCheckTest::formatSize_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 bytes");
    QTest::newRow("one") << qint64(1) << QStringLiteral("1 byte");
    QTest::newRow("bytes") << qint64(1023) << QStringLiteral("1023 bytes");
    QTest::newRow("1 KB") << qint64(1024) << QStringLiteral("1 KB");
    QTest::newRow("KB rounded up") << qint64(1025) << QStringLiteral("2 KB");
    QTest::newRow("20 MB exactly") << qint64(20) * 1024 * 1024 << QStringLiteral("20 MB");
    QTest::newRow("3.5 MB") << qint64(3584) * 1024 << QStringLiteral("3.5 MB");
    QTest::newRow("GB") << qint64(3) * 1024 * 1024 * 1024 / 2 << QStringLiteral("1.5 GB");
}

void PdfCheckTest::formatSize()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(PdfCheck::formatSize(bytes), expected);
}

void PdfCheckTest::render_sameContent_givesSameBytes()
{
    // Byte-identical: a certificate can be content-addressed (SHA-256).
    QCOMPARE(CertificatePdf::render(sampleContent()), m_certificate);
    // The creation date is the delivery date, not the time of rendering.
    QVERIFY(m_certificate.contains("/CreationDate (D:20240312000000Z)"));
}

void PdfCheckTest::render_otherHashSeed_givesSameBytes()
{
    // Each process has its own random QHash seed, and QPdfWriter writes its
    // fonts in QHash order: re-seeding here stands in for another process.
    for (int i = 0; i < 5; ++i) {
        QHashSeed::resetRandomGlobalSeed();
        QCOMPARE(CertificatePdf::render(sampleContent()), m_certificate);
    }
    QHashSeed::setDeterministicGlobalSeed();
    const QByteArray deterministic = CertificatePdf::render(sampleContent());
    QHashSeed::resetRandomGlobalSeed();
    QCOMPARE(deterministic, m_certificate);
}

void PdfCheckTest::render_otherTimeZone_givesSameBytes()
{
    // QPdfWriter stamps the local time: "…Z" in UTC, "…+05'30'" in India.
    const QByteArray oldTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    QByteArrayList stamped;
    for (const char *zone : {"UTC", "Asia/Kolkata", "America/New_York"}) {
        qputenv("TZ", zone);
        tzset();
        stamped << CertificatePdf::render(sampleContent());
    }
    if (hadTz)
        qputenv("TZ", oldTz);
    else
        qunsetenv("TZ");
    tzset();

    for (const QByteArray &pdf : std::as_const(stamped))
        QCOMPARE(pdf, m_certificate);
}

void PdfCheckTest::render_differentHolder_givesDifferentBytes()
{
    CertificatePdfContent other = sampleContent();
    other.holder = QStringLiteral("Jonas Becker");
    const QByteArray pdf = CertificatePdf::render(other);

    QVERIFY(pdf != m_certificate);
    QVERIFY(pdfText(pdf).contains(QStringLiteral("Jonas Becker")));
}

void PdfCheckTest::render_withoutExpiry_omitsValidUntil()
{
    CertificatePdfContent content = sampleContent();
    content.expires = QDate();
    content.reference.clear();
    const QByteArray pdf = CertificatePdf::render(content);

    QVERIFY(PdfCheck::checkBytes(pdf, Limit).ok());
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("Delivered on 12 March 2024")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Valid until")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Reference")), qPrintable(text));
}

void PdfCheckTest::render_veryLongNames_stillValidAndComplete()
{
    CertificatePdfContent content = sampleContent();
    content.holder = QStringLiteral("Maximiliana Wilhelmina Theodora von Hohenstein-Eichenau");
    content.title = QString(QStringLiteral("Advanced Occupational Health and Safety ")).repeated(4);
    const QByteArray pdf = CertificatePdf::render(content);

    const PdfCheckResult result = PdfCheck::checkBytes(pdf, Limit);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.pageCount, 1);
    // Shrunk to fit, not cut: every word of the name is on the page.
    const QString text = pdfText(pdf).simplified();
    QVERIFY2(text.contains(QStringLiteral("Hohenstein-Eichenau")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Maximiliana")), qPrintable(text));
}

void PdfCheckTest::render_isFast()
{
    // The time is printed, never asserted (a shared machine is noisy); what
    // is asserted is that rendering again and again gives a PDF each time.
    constexpr int Runs = 10;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Runs; ++i)
        QVERIFY(PdfCheck::checkBytes(CertificatePdf::render(sampleContent()), Limit).ok());
    qInfo("CertificatePdf::render and PdfCheck: %lld ms per certificate", timer.elapsed() / Runs);
}

QTEST_MAIN(PdfCheckTest)
#include "tst_pdfcheck.moc"
