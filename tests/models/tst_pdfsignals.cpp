// The signals the PDF reader gives a reviewer (README "Untrusted PDFs"): the
// text of every page, its links, the 2D codes of page 1 and the digital
// signatures, computed by the real reader process (certdesk-pdfcheck) on
// PDFs made here, and carried whole by the report (PdfReport::encode /
// decode), or not at all. Signed PDFs come from tests/support/make_signed_pdf.py
// (openssl and, for a trusted signer, certutil); QR codes are drawn with
// QPdfWriter from zxing-cpp's own QR writer.

#include "SmtpSink.h"
#include "pdf/CertificatePdf.h"
#include "pdf/PdfCheck.h"
#include "pdf/PdfReport.h"
#include "pdf/PdfSigner.h"
#include "pdfread/PdfReader.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <string>

Q_DECLARE_METATYPE(PdfSignatureState)

namespace {
constexpr auto TextUrl = "https://verify.example.org/c/ABC123";
constexpr auto QrUrl = "https://verify.example.org/q/XYZ789?k=42";

struct ReaderRun
{
    std::optional<PdfReport> report;
    qint64 ms = 0;
    QString failure;
};

// The real reader process on bytes, as PdfCheck runs it, with env added.
ReaderRun runReader(const QByteArray &pdf, int seconds = 10,
                    const QProcessEnvironment &extra = QProcessEnvironment())
{
    ReaderRun run;
    QProcess reader;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CERTDESK_NSS_DIR"));
    env.insert(extra);
    reader.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    reader.start(PdfCheck::readerProgram(),
                 {QStringLiteral("--seconds"), QString::number(seconds)});
    if (!reader.waitForStarted(10000)) {
        run.failure = QStringLiteral("the reader did not start");
        return run;
    }
    reader.write(pdf);
    reader.closeWriteChannel();
    if (!reader.waitForFinished((seconds + 20) * 1000)) {
        reader.kill();
        reader.waitForFinished();
        run.failure = QStringLiteral("the reader did not finish");
        return run;
    }
    run.ms = clock.elapsed();
    if (reader.exitStatus() != QProcess::NormalExit || reader.exitCode() != 0) {
        run.failure = QStringLiteral("the reader failed (status %1, exit %2): %3")
                          .arg(int(reader.exitStatus()))
                          .arg(reader.exitCode())
                          .arg(QString::fromLocal8Bit(reader.readAllStandardError()));
        return run;
    }
    run.report = PdfReport::decode(reader.readAllStandardOutput());
    if (!run.report)
        run.failure = QStringLiteral("the report does not decode");
    return run;
}

// A QR code of text as zxing-cpp writes it: one square a module, quiet zone
// included.
void drawQrCode(QPainter &painter, const QRectF &area, const std::string &text)
{
    const ZXing::BitMatrix matrix =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(4).encode(text, 0, 0);
    const double module = area.width() / matrix.width();
    painter.fillRect(area, Qt::white);
    for (int y = 0; y < matrix.height(); ++y) {
        // Runs of dark modules as one rectangle: no seams between them.
        for (int x = 0; x < matrix.width();) {
            if (!matrix.get(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < matrix.width() && matrix.get(end, y))
                ++end;
            painter.fillRect(QRectF(area.left() + x * module, area.top() + y * module,
                                    (end - x) * module, module),
                             Qt::black);
            x = end;
        }
    }
}

enum class QrDamage
{
    None,
    PaintedOver,
};

// An A4 certificate with a line of text naming a URL and a QR code 3 cm
// wide in its lower right corner.
QByteArray certificateWithQrCode(const std::string &qrText, QrDamage damage)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("tst_pdfsignals"));
    QPainter painter(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(14);
    painter.setFont(font);
    painter.drawText(QPointF(200, 300), QStringLiteral("Certificate of completion"));
    painter.drawText(QPointF(200, 400),
                     QStringLiteral("Verify it at %1.").arg(QLatin1String(TextUrl)));
    const double cm = 300 / 2.54;
    const QRectF area(1500, 2800, 3 * cm, 3 * cm);
    drawQrCode(painter, area, qrText);
    if (damage == QrDamage::PaintedOver) {
        // A stamp over the middle of the symbol: far more than its error
        // correction can restore, finder patterns left whole.
        painter.fillRect(QRectF(area.left() + area.width() * 0.3, area.top() + area.height() * 0.3,
                                area.width() * 0.4, area.height() * 0.4),
                         QColor(20, 20, 160));
    }
    painter.end();
    return pdf;
}

// A PDF written by hand: pages with the given content streams (Helvetica as
// /F1), or pageCount pages that all share the first stream.
QByteArray handWrittenPdf(const QList<QByteArray> &streams, int pageCount = 0)
{
    const int pages = pageCount > 0 ? pageCount : int(streams.size());
    const int shared = pageCount > 0 ? 1 : 0;
    // 1 catalog, 2 pages, 3 font, 4… contents, then the page objects.
    const int firstContent = 4;
    const int firstPage = firstContent + int(streams.size());
    QList<QByteArray> objects;
    QByteArray kids;
    for (int i = 0; i < pages; ++i)
        kids += QByteArray::number(firstPage + i) + " 0 R ";
    objects << "<< /Type /Catalog /Pages 2 0 R >>"
            << "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages) + " >>"
            << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    for (const QByteArray &stream : streams)
        objects << "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream +
                       "\nendstream";
    for (int i = 0; i < pages; ++i) {
        const int content = firstContent + (shared ? 0 : i);
        objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
                   "/F1 3 0 R >> >> /Contents " +
                       QByteArray::number(content) + " 0 R >>";
    }
    QByteArray out = "%PDF-1.7\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << out.size();
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

// encode() of a report without signals, cut before them: the signals' part
// of a report is then written by hand, to show what decode() refuses.
QByteArray withoutSignals(const PdfReport &report)
{
    PdfReport bare = report;
    bare.signalsRead = 0;
    bare.text.clear();
    bare.textCut = false;
    bare.links.clear();
    bare.qrCodes.clear();
    bare.signatures.clear();
    const QByteArray bytes = bare.encode();
    // signalsRead, an empty text, textCut, and three counts of 0.
    constexpr qsizetype tail = 4 + 4 + 1 + 3 * 4;
    return bytes.left(bytes.size() - tail);
}

PdfReport acceptedReport()
{
    PdfReport report;
    report.pageCount = 2;
    report.title = QStringLiteral("Certificate");
    report.firstPageSize = QSizeF(595, 842);
    report.firstPageRendered = true;
    report.firstPageText = QStringLiteral("Certificate of completion");
    QImage preview(8, 11, QImage::Format_RGB888);
    preview.fill(Qt::white);
    report.previews = {preview};
    return report;
}
} // namespace

class PdfSignalsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void linksInText_data();
    void linksInText();

    void qrCodeAndTextUrl_bothLinks();
    void qrCodeWithoutUrl_isNotALink();
    void damagedQrCode_couldNotBeReadOrAbsent();

    void signatures_data();
    void signatures();
    void signature_trustedSigner_isValid();
    void unsigned_hasNoSignatures();

    void certificatePdf_verificationUrl_isAQrLink();
    void certificatePdf_signed_readsAsSignedByIssuer();
    void pdfSigner_pageWithOrWithoutAnnotations_signs_data();
    void pdfSigner_pageWithOrWithoutAnnotations_signs();
    void pdfSigner_refusesWhatItDidNotWrite_data();
    void pdfSigner_refusesWhatItDidNotWrite();

    void manyPagesOfText_isCappedInTime();
    void tenMegabyteLine_staysWithinLimits();
    void whiteSpaceOnly_isNoText();

    void report_roundTripWithSignals();
    void report_truncated_isRefused();
    void report_badSignals_areRefused_data();
    void report_badSignals_areRefused();
    void report_encode_keepsOnlyWhatDecodeAccepts();

private:
    QTemporaryDir m_dir;
    QString m_signed;
    QString m_signer;
    bool m_nssdb = false;
};

void PdfSignalsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!PdfCheck::readerProgram().isEmpty());
    m_signed = m_dir.filePath(QStringLiteral("signed"));
    QProcess generator;
    generator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    generator.start(
        SmtpSink::python(),
        {QStringLiteral(CERTDESK_TEST_DATA "/../support/make_signed_pdf.py"), m_signed});
    QVERIFY(generator.waitForFinished(120 * 1000));
    QCOMPARE(generator.exitCode(), 0);
    QFile manifest(QDir(m_signed).filePath(QStringLiteral("manifest.json")));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(manifest.readAll()).object();
    m_signer = json.value(QStringLiteral("signer")).toString();
    m_nssdb = json.value(QStringLiteral("nssdb")).toBool();
    QVERIFY(!m_signer.isEmpty());
}

void PdfSignalsTest::linksInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("links");

    QTest::newRow("sentence") << QStringLiteral("Verify at https://a.example/x?id=1.")
                              << QStringList{QStringLiteral("https://a.example/x?id=1")};
    QTest::newRow("brackets") << QStringLiteral("(see http://b.example/p) and [https://c.example]")
                              << QStringList{QStringLiteral("http://b.example/p"),
                                             QStringLiteral("https://c.example")};
    QTest::newRow("own parentheses") << QStringLiteral("https://d.example/wiki/A_(b)")
                                     << QStringList{QStringLiteral("https://d.example/wiki/A_(b)")};
    QTest::newRow("upper case, twice")
        << QStringLiteral("HTTPS://E.example/A\nand again HTTPS://E.example/A;")
        << QStringList{QStringLiteral("HTTPS://E.example/A")};
    QTest::newRow("other schemes")
        << QStringLiteral(
               "ftp://f.example mailto:g@example.org javascript:alert(1) file:///etc/passwd")
        << QStringList();
    QTest::newRow("no host") << QStringLiteral("http:// and https:///path") << QStringList();
    const QString longPath(PdfReport::MaxLinkLength, QLatin1Char('a'));
    QTest::newRow("too long") << QStringLiteral("https://h.example/") + longPath +
                                     QStringLiteral(" https://i.example/")
                              << QStringList{QStringLiteral("https://i.example/")};
    QString many;
    QStringList first;
    for (int i = 0; i < 15; ++i) {
        const QString link = QStringLiteral("https://j.example/%1").arg(i);
        many += link + QLatin1Char(' ');
        if (i < PdfReport::MaxLinks)
            first << link;
    }
    QTest::newRow("more than a report carries") << many << first;
}

void PdfSignalsTest::linksInText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, links);
    QCOMPARE(PdfReader::linksInText(text), links);
}

void PdfSignalsTest::qrCodeAndTextUrl_bothLinks()
{
    const ReaderRun run = runReader(certificateWithQrCode(QrUrl, QrDamage::None));
    QVERIFY2(run.report, qPrintable(run.failure));
    const PdfReport &report = *run.report;
    QCOMPARE(report.problem, PdfProblem::None);
    qInfo("the reader took %lld ms (%lld ms in all)", report.elapsedMs, run.ms);
    QCOMPARE(report.signalsRead, AllPdfSignals);
    QVERIFY2(report.text.contains(QStringLiteral("Certificate of completion")),
             qPrintable(report.text));
    QVERIFY(!report.textCut);
    QCOMPARE(report.links, QStringList{QLatin1String(TextUrl)});
    QCOMPARE(report.qrCodes.size(), 1);
    QVERIFY(report.qrCodes.at(0).readable);
    QCOMPARE(report.qrCodes.at(0).text, QLatin1String(QrUrl));
    QVERIFY(report.qrCodes.at(0).isLink);
    QVERIFY(report.signatures.isEmpty());
}

void PdfSignalsTest::qrCodeWithoutUrl_isNotALink()
{
    const ReaderRun run =
        runReader(certificateWithQrCode("Certificate 2025-0042, Ada Example", QrDamage::None));
    QVERIFY2(run.report, qPrintable(run.failure));
    QCOMPARE(run.report->qrCodes.size(), 1);
    QCOMPARE(run.report->qrCodes.at(0).text, QStringLiteral("Certificate 2025-0042, Ada Example"));
    QVERIFY(run.report->qrCodes.at(0).readable);
    QVERIFY(!run.report->qrCodes.at(0).isLink);
}

void PdfSignalsTest::damagedQrCode_couldNotBeReadOrAbsent()
{
    const ReaderRun run = runReader(certificateWithQrCode(QrUrl, QrDamage::PaintedOver));
    QVERIFY2(run.report, qPrintable(run.failure));
    const PdfReport &report = *run.report;
    QCOMPARE(report.problem, PdfProblem::None);
    QVERIFY(report.signalsRead & PdfSignals(PdfSignal::QrCodes));
    qInfo("a painted-over QR code: %lld entries%s", qint64(report.qrCodes.size()),
          report.qrCodes.isEmpty() ? "" : ", could not be read");
    for (const PdfQrCode &code : report.qrCodes) {
        QVERIFY(!code.readable);
        QVERIFY(code.text.isEmpty());
        QVERIFY(!code.isLink);
    }
    // The URL in the text is still found.
    QCOMPARE(report.links, QStringList{QLatin1String(TextUrl)});
}

void PdfSignalsTest::signatures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<PdfSignatureState>("state");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<bool>("named");

    // Intact and covering the file; the self-signed signer is not trusted.
    QTest::newRow("valid") << "valid.pdf" << PdfSignatureState::SignerNotTrusted << true << true;
    // An incremental update after the signature changed the page's text: the
    // signed bytes are intact, the file is more than them.
    QTest::newRow("bytes appended")
        << "appended.pdf" << PdfSignatureState::ModifiedAfterSigning << false << true;
    // One byte of the signed range changed: the digest does not match.
    QTest::newRow("byte flipped") << "flipped.pdf" << PdfSignatureState::ModifiedAfterSigning
                                  << true << true;
    QTest::newRow("contents not hex")
        << "contents-not-hex.pdf" << PdfSignatureState::Unreadable << true << false;
    QTest::newRow("byte range past the end")
        << "byterange-past-end.pdf" << PdfSignatureState::Unreadable << false << false;
    QTest::newRow("garbage DER") << "garbage-der.pdf" << PdfSignatureState::Unreadable << false
                                 << false;
    QTest::newRow("byte range not an array")
        << "byterange-not-array.pdf" << PdfSignatureState::Unreadable << false << false;
}

void PdfSignalsTest::signatures()
{
    QFETCH(QString, file);
    QFETCH(PdfSignatureState, state);
    QFETCH(bool, whole);
    QFETCH(bool, named);
    QFile pdf(QDir(m_signed).filePath(file));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const ReaderRun run = runReader(pdf.readAll());
    QVERIFY2(run.report, qPrintable(run.failure));
    const PdfReport &report = *run.report;
    QCOMPARE(report.problem, PdfProblem::None);
    QVERIFY(report.signalsRead & PdfSignals(PdfSignal::Signatures));
    QCOMPARE(report.signatures.size(), 1);
    const PdfSignature &signature = report.signatures.at(0);
    qInfo("%s: state %d, signer \"%s\", signed %s, whole document %d", qPrintable(file),
          int(signature.state), qPrintable(signature.signerName),
          qPrintable(signature.signingTime.toString(Qt::ISODate)),
          int(signature.coversWholeDocument));
    QCOMPARE(signature.state, state);
    if (state != PdfSignatureState::Unreadable)
        QCOMPARE(signature.coversWholeDocument, whole);
    if (named) {
        QCOMPARE(signature.signerName, m_signer);
        // openssl cms signs with the time of signing: made a moment ago.
        QVERIFY(signature.signingTime.isValid());
        QVERIFY(qAbs(signature.signingTime.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    }
    // The page opens and reads whatever its signature says.
    QVERIFY(report.text.contains(QStringLiteral("Certificate of completion")));
}

void PdfSignalsTest::signature_trustedSigner_isValid()
{
    if (!m_nssdb) {
        QTest::qSkip("certutil (libnss3-tools) is not installed: no NSS database trusts the "
                     "test signer",
                     __FILE__, __LINE__);
        return;
    }
    QFile pdf(QDir(m_signed).filePath(QStringLiteral("valid.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QProcessEnvironment env;
    env.insert(QStringLiteral("CERTDESK_NSS_DIR"),
               QStringLiteral("sql:") + QDir(m_signed).filePath(QStringLiteral("nssdb")));
    const ReaderRun trusted = runReader(bytes, 10, env);
    QVERIFY2(trusted.report, qPrintable(trusted.failure));
    QCOMPARE(trusted.report->signatures.size(), 1);
    QCOMPARE(trusted.report->signatures.at(0).state, PdfSignatureState::Valid);
    QCOMPARE(trusted.report->signatures.at(0).signerName, m_signer);
    QVERIFY(trusted.report->signatures.at(0).coversWholeDocument);

    // Trust does not mend a changed file.
    QFile flipped(QDir(m_signed).filePath(QStringLiteral("flipped.pdf")));
    QVERIFY(flipped.open(QIODevice::ReadOnly));
    const ReaderRun changed = runReader(flipped.readAll(), 10, env);
    QVERIFY2(changed.report, qPrintable(changed.failure));
    QCOMPARE(changed.report->signatures.at(0).state, PdfSignatureState::ModifiedAfterSigning);

    // A database NSS cannot open is no database: nobody trusted, the
    // signature still checked.
    QProcessEnvironment broken;
    broken.insert(QStringLiteral("CERTDESK_NSS_DIR"), m_dir.filePath(QStringLiteral("no-db")));
    const ReaderRun unchecked = runReader(bytes, 10, broken);
    QVERIFY2(unchecked.report, qPrintable(unchecked.failure));
    QCOMPARE(unchecked.report->signatures.at(0).state, PdfSignatureState::SignerNotTrusted);

    // Without CERTDESK_NSS_DIR the user's own databases are not asked: a
    // ~/.pki/nssdb that trusts the signer changes nothing.
    const QString home = m_dir.filePath(QStringLiteral("home"));
    const QString userDb = home + QStringLiteral("/.pki/nssdb");
    QVERIFY(QDir().mkpath(userDb));
    for (const QString &name :
         QDir(QDir(m_signed).filePath(QStringLiteral("nssdb"))).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(m_signed).filePath(QStringLiteral("nssdb/") + name),
                            userDb + QLatin1Char('/') + name));
    QProcessEnvironment user;
    user.insert(QStringLiteral("HOME"), home);
    const ReaderRun userTrust = runReader(bytes, 10, user);
    QVERIFY2(userTrust.report, qPrintable(userTrust.failure));
    QCOMPARE(userTrust.report->signatures.at(0).state, PdfSignatureState::SignerNotTrusted);
}

void PdfSignalsTest::unsigned_hasNoSignatures()
{
    for (const char *name : {"unsigned.pdf", "unsigned-field.pdf"}) {
        QFile pdf(QDir(m_signed).filePath(QLatin1String(name)));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const ReaderRun run = runReader(pdf.readAll());
        QVERIFY2(run.report, qPrintable(run.failure));
        QCOMPARE(run.report->problem, PdfProblem::None);
        QVERIFY(run.report->signalsRead & PdfSignals(PdfSignal::Signatures));
        QVERIFY2(run.report->signatures.isEmpty(), name);
    }
}

void PdfSignalsTest::manyPagesOfText_isCappedInTime()
{
    QByteArray lines;
    for (int line = 0; line < 20; ++line)
        lines += "BT /F1 10 Tf 50 " + QByteArray::number(800 - 30 * line) +
                 " Td (Line of text number " + QByteArray::number(line) +
                 " of a long course transcript) Tj ET\n";
    constexpr int pages = 5000;
    const QByteArray pdf = handWrittenPdf({lines}, pages);
    const ReaderRun run = runReader(pdf, 10);
    QVERIFY2(run.report, qPrintable(run.failure));
    const PdfReport &report = *run.report;
    qInfo("%d pages of text: %lld characters kept, cut %d, text read %d, in %lld ms", pages,
          qint64(report.text.size()), int(report.textCut),
          int((report.signalsRead & PdfSignals(PdfSignal::Text)) != 0), report.elapsedMs);
    QCOMPARE(report.problem, PdfProblem::None);
    QCOMPARE(report.pageCount, pages);
    QVERIFY(report.text.size() <= PdfReport::MaxText);
    QVERIFY(report.text.size() > PdfReport::MaxText - 1000);
    QVERIFY(report.textCut);
    QVERIFY(report.text.contains(QLatin1Char('\f')));
    QVERIFY2(run.ms < 10 * 1000, qPrintable(QString::number(run.ms)));
}

void PdfSignalsTest::tenMegabyteLine_staysWithinLimits()
{
    const QByteArray line = "BT /F1 1 Tf 10 400 Td (" + QByteArray(10 * 1024 * 1024, 'x') +
                            ") Tj ET BT /F1 12 Tf 10 700 Td (https://k.example/z) Tj ET";
    const ReaderRun run = runReader(handWrittenPdf({line}), 10);
    QVERIFY2(run.report, qPrintable(run.failure));
    const PdfReport &report = *run.report;
    qInfo("a 10 MB line: problem %d, %lld characters kept, cut %d, signals %u, in %lld ms",
          int(report.problem), qint64(report.text.size()), int(report.textCut), report.signalsRead,
          run.ms);
    // Read within the limit (with the reader's own stop a second later as
    // the backstop), or refused: never more than a report carries.
    QVERIFY2(run.ms < 12 * 1000, qPrintable(QString::number(run.ms)));
    // (PDFium 6.4 gives about 32,000 characters of such a line.)
    QVERIFY(report.text.size() <= PdfReport::MaxText);
    if (report.problem == PdfProblem::None)
        QCOMPARE(report.links, QStringList{QStringLiteral("https://k.example/z")});
}

void PdfSignalsTest::whiteSpaceOnly_isNoText()
{
    const QByteArray spaces = "BT /F1 12 Tf 50 700 Td (      ) Tj ET\n"
                              "0 0 1 rg 50 50 200 200 re f\n";
    const ReaderRun run = runReader(handWrittenPdf({spaces, "0 0 0 rg 10 10 50 50 re f\n"}));
    QVERIFY2(run.report, qPrintable(run.failure));
    QCOMPARE(run.report->problem, PdfProblem::None);
    QVERIFY(run.report->signalsRead & PdfSignals(PdfSignal::Text));
    QVERIFY2(run.report->text.isEmpty(), qPrintable(run.report->text));
    QVERIFY(!run.report->textCut);
    QVERIFY(run.report->links.isEmpty());
}

void PdfSignalsTest::report_roundTripWithSignals()
{
    PdfReport report = acceptedReport();
    report.signalsRead = AllPdfSignals;
    report.text = QStringLiteral("Am\u00e9lie\f\U0001F389 https://x.example/");
    report.textCut = true;
    report.links = {QStringLiteral("https://x.example/"), QStringLiteral("http://y.example/a?b")};
    report.qrCodes = {{true, QStringLiteral("https://q.example/1"), true},
                      {true, QStringLiteral("plain"), false},
                      {false, QString(), false}};
    PdfSignature signature;
    signature.state = PdfSignatureState::SignerNotTrusted;
    signature.signerName = QStringLiteral("Ada Example");
    signature.signingTime = QDateTime(QDate(2025, 1, 20), QTime(12, 0), Qt::UTC);
    signature.coversWholeDocument = true;
    report.signatures = {signature, PdfSignature()};

    const QByteArray bytes = report.encode();
    QVERIFY(bytes.size() <= PdfReport::maxEncodedSize(0));
    const std::optional<PdfReport> decoded = PdfReport::decode(bytes);
    QVERIFY(decoded);
    QCOMPARE(decoded->signalsRead, report.signalsRead);
    QCOMPARE(decoded->text, report.text);
    QCOMPARE(decoded->textCut, true);
    QCOMPARE(decoded->links, report.links);
    QCOMPARE(decoded->qrCodes, report.qrCodes);
    QCOMPARE(decoded->signatures, report.signatures);
    QCOMPARE(decoded->encode(), bytes);

    // The most a report carries decodes, and stays within its size bound.
    PdfReport full = acceptedReport();
    full.signalsRead = AllPdfSignals;
    full.text = QString(PdfReport::MaxText, QChar(0x4e2d));
    for (int i = 0; i < PdfReport::MaxLinks; ++i)
        full.links << QStringLiteral("https://z.example/%1/").arg(i) +
                          QString(PdfReport::MaxLinkLength - 30, QLatin1Char('p'));
    for (int i = 0; i < PdfReport::MaxQrCodes; ++i)
        full.qrCodes << PdfQrCode{true, QString(PdfReport::MaxQrText, QChar(0x4e2d)), false};
    for (int i = 0; i < PdfReport::MaxSignatures; ++i) {
        PdfSignature named = signature;
        named.signerName = QString(PdfReport::MaxSignerName, QChar(0x4e2d));
        full.signatures << named;
    }
    const QByteArray fullBytes = full.encode();
    QVERIFY(fullBytes.size() <= PdfReport::maxEncodedSize(0));
    const std::optional<PdfReport> fullDecoded = PdfReport::decode(fullBytes);
    QVERIFY(fullDecoded);
    QCOMPARE(fullDecoded->links.size(), PdfReport::MaxLinks);
    QCOMPARE(fullDecoded->encode(), fullBytes);
}

void PdfSignalsTest::report_truncated_isRefused()
{
    PdfReport report = acceptedReport();
    report.signalsRead = PdfSignals(PdfSignal::Text) | PdfSignals(PdfSignal::Signatures);
    report.text = QStringLiteral("text");
    report.links = {QStringLiteral("https://x.example/")};
    report.qrCodes = {{false, QString(), false}};
    report.signatures = {PdfSignature()};
    const QByteArray bytes = report.encode();
    QVERIFY(PdfReport::decode(bytes));
    // Every prefix of the signals' part, and one byte more, is refused.
    const qsizetype bare = withoutSignals(report).size();
    for (qsizetype size = bare; size < bytes.size(); ++size)
        QVERIFY2(!PdfReport::decode(bytes.left(size)), qPrintable(QString::number(size)));
    QVERIFY(!PdfReport::decode(bytes + '\0'));
    // A report of the previous version is not read.
    QByteArray previous = bytes;
    previous[7] = 2;
    QVERIFY(!PdfReport::decode(previous));
}

void PdfSignalsTest::report_badSignals_areRefused_data()
{
    QTest::addColumn<QByteArray>("signalBytes");
    QTest::addColumn<bool>("refusal"); // written after a refused report

    const auto fields = [](auto write) {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        write(out);
        return bytes;
    };
    const QString link = QStringLiteral("https://x.example/");
    // signalsRead, text, textCut, links…, codes…, signatures…
    QTest::newRow("well formed (control)") << fields([&](QDataStream &out) {
        out << quint32(1) << QStringLiteral("t") << false << qint32(1) << link << qint32(0)
            << qint32(0);
    }) << false;
    QTest::newRow("unknown signal bit") << fields([](QDataStream &out) {
        out << quint32(16) << QString() << false << qint32(0) << qint32(0) << qint32(0);
    }) << false;
    QTest::newRow("text over the cap") << fields([](QDataStream &out) {
        out << quint32(0) << QString(PdfReport::MaxText + 1, QLatin1Char('x')) << true << qint32(0)
            << qint32(0) << qint32(0);
    }) << false;
    QTest::newRow("white space only") << fields([](QDataStream &out) {
        out << quint32(0) << QStringLiteral(" \f\n ") << false << qint32(0) << qint32(0)
            << qint32(0);
    }) << false;
    QTest::newRow("too many links") << fields([&](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(PdfReport::MaxLinks + 1);
        for (int i = 0; i <= PdfReport::MaxLinks; ++i)
            out << link + QString::number(i);
        out << qint32(0) << qint32(0);
    }) << false;
    QTest::newRow("huge link count") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0x7fffffff);
    }) << false;
    QTest::newRow("negative link count") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(-1) << qint32(0) << qint32(0);
    }) << false;
    QTest::newRow("link too long") << fields([&](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(1)
            << link + QString(PdfReport::MaxLinkLength, QLatin1Char('a')) << qint32(0) << qint32(0);
    }) << false;
    QTest::newRow("not a web link") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(1) << QStringLiteral("file:///etc/passwd")
            << qint32(0) << qint32(0);
    }) << false;
    QTest::newRow("javascript link") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(1)
            << QStringLiteral("javascript:alert(1)//http://x") << qint32(0) << qint32(0);
    }) << false;
    QTest::newRow("duplicate link") << fields([&](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(2) << link << link << qint32(0)
            << qint32(0);
    }) << false;
    QTest::newRow("too many codes") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(PdfReport::MaxQrCodes + 1);
        for (int i = 0; i <= PdfReport::MaxQrCodes; ++i)
            out << false << QString() << false;
        out << qint32(0);
    }) << false;
    QTest::newRow("code text too long") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(1) << true
            << QString(PdfReport::MaxQrText + 1, QLatin1Char('q')) << false << qint32(0);
    }) << false;
    QTest::newRow("unreadable code with text") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(1) << false
            << QStringLiteral("q") << false << qint32(0);
    }) << false;
    QTest::newRow("code says link, is not") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(1) << true
            << QStringLiteral("plain") << true << qint32(0);
    }) << false;
    QTest::newRow("too many signatures") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(0)
            << qint32(PdfReport::MaxSignatures + 1);
        for (int i = 0; i <= PdfReport::MaxSignatures; ++i)
            out << qint32(0) << QString() << qint64(0) << false;
    }) << false;
    QTest::newRow("unknown signature state") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(0) << qint32(1) << qint32(4)
            << QString() << qint64(0) << false;
    }) << false;
    QTest::newRow("signer name too long") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(0) << qint32(1) << qint32(0)
            << QString(PdfReport::MaxSignerName + 1, QLatin1Char('n')) << qint64(0) << false;
    }) << false;
    QTest::newRow("signing time out of range") << fields([](QDataStream &out) {
        out << quint32(0) << QString() << false << qint32(0) << qint32(0) << qint32(1) << qint32(0)
            << QString() << qint64(-5) << false;
    }) << false;
    QTest::newRow("signals on a refusal") << fields([](QDataStream &out) {
        out << quint32(0) << QStringLiteral("text") << false << qint32(0) << qint32(0) << qint32(0);
    }) << true;
}

void PdfSignalsTest::report_badSignals_areRefused()
{
    QFETCH(QByteArray, signalBytes);
    QFETCH(bool, refusal);
    PdfReport report = acceptedReport();
    if (refusal) {
        report = PdfReport();
        report.problem = PdfProblem::Damaged;
    }
    const QByteArray bytes = withoutSignals(report) + signalBytes;
    const bool control = QByteArray(QTest::currentDataTag()).contains("control");
    QCOMPARE(PdfReport::decode(bytes).has_value(), control);
}

void PdfSignalsTest::report_encode_keepsOnlyWhatDecodeAccepts()
{
    PdfReport report = acceptedReport();
    report.signalsRead = 0xff;
    report.text = QStringLiteral(" \n\f ");
    for (int i = 0; i < 12; ++i)
        report.links << QStringLiteral("https://x.example/%1").arg(i % 11);
    report.links.prepend(QStringLiteral("mailto:a@example.org"));
    report.qrCodes = {{false, QStringLiteral("leftover"), true},
                      {true, QStringLiteral("https://q.example/"), false}};
    const std::optional<PdfReport> decoded = PdfReport::decode(report.encode());
    QVERIFY(decoded);
    QCOMPARE(decoded->signalsRead, AllPdfSignals);
    QVERIFY(decoded->text.isEmpty());
    QCOMPARE(decoded->links.size(), PdfReport::MaxLinks);
    QCOMPARE(decoded->links.first(), QStringLiteral("https://x.example/0"));
    QCOMPARE(decoded->qrCodes.at(0), (PdfQrCode{false, QString(), false}));
    QCOMPARE(decoded->qrCodes.at(1), (PdfQrCode{true, QStringLiteral("https://q.example/"), true}));

    // A refusal carries no signals, whatever the reader put in.
    PdfReport refused;
    refused.problem = PdfProblem::NoPages;
    refused.text = QStringLiteral("text");
    refused.signalsRead = AllPdfSignals;
    refused.signatures = {PdfSignature()};
    const std::optional<PdfReport> decodedRefusal = PdfReport::decode(refused.encode());
    QVERIFY(decodedRefusal);
    QVERIFY(decodedRefusal->text.isEmpty());
    QCOMPARE(decodedRefusal->signalsRead, PdfSignals(0));
    QVERIFY(decodedRefusal->signatures.isEmpty());
}

namespace {
CertificatePdfContent demoLikeContent()
{
    CertificatePdfContent content;
    content.title = QStringLiteral("Certified Kubernetes Application Developer");
    content.holder = QStringLiteral("Aiko Tanaka");
    content.issuer = QStringLiteral("The Linux Foundation");
    content.delivered = QDate(2026, 11, 30);
    content.expires = QDate(2029, 11, 29);
    content.reference = QStringLiteral("NW-2026-7");
    return content;
}
} // namespace

// The demo's QR code (CertificatePdf, libqrencode) reads back through the
// reader's zxing-cpp as the link it encodes, and is not printed as text.
void PdfSignalsTest::certificatePdf_verificationUrl_isAQrLink()
{
    CertificatePdfContent content = demoLikeContent();
    content.verificationUrl = QStringLiteral("https://verify.demo.example/c/NW-2026-7");
    const ReaderRun run = runReader(CertificatePdf::render(content));
    QVERIFY2(run.report, qPrintable(run.failure));
    QCOMPARE(run.report->problem, PdfProblem::None);
    QCOMPARE(run.report->qrCodes.size(), 1);
    QVERIFY(run.report->qrCodes.at(0).readable);
    QCOMPARE(run.report->qrCodes.at(0).text, content.verificationUrl);
    QVERIFY(run.report->qrCodes.at(0).isLink);
    QVERIFY(!run.report->text.contains(QStringLiteral("verify.demo.example")));
    QVERIFY(run.report->text.contains(QStringLiteral("Aiko Tanaka")));

    // Without a URL: no code.
    const ReaderRun plain = runReader(CertificatePdf::render(demoLikeContent()));
    QVERIFY2(plain.report, qPrintable(plain.failure));
    QVERIFY(plain.report->qrCodes.isEmpty());
}

// PdfSigner's signature (the demo's signed certificate) is what poppler
// checks: one signature over the whole file, by the issuer, intact, from a
// signer nobody trusts; the page still reads as before.
void PdfSignalsTest::certificatePdf_signed_readsAsSignedByIssuer()
{
    const CertificatePdfContent content = demoLikeContent();
    const QByteArray pdf = CertificatePdf::render(content);
    const QDateTime signedAt(QDate(2026, 11, 30), QTime(9, 30), Qt::UTC);
    const Result<QByteArray> signedPdf =
        PdfSigner::sign(pdf, {content.issuer, QStringLiteral("Demo"), signedAt});
    QVERIFY2(signedPdf, qPrintable(signedPdf.message()));
    QVERIFY(signedPdf.value().startsWith(pdf)); // an incremental update after the file

    const ReaderRun run = runReader(signedPdf.value());
    QVERIFY2(run.report, qPrintable(run.failure));
    QCOMPARE(run.report->problem, PdfProblem::None);
    QCOMPARE(run.report->signatures.size(), 1);
    const PdfSignature &signature = run.report->signatures.at(0);
    QCOMPARE(signature.state, PdfSignatureState::SignerNotTrusted);
    QCOMPARE(signature.signerName, content.issuer);
    QVERIFY(signature.coversWholeDocument);
    QVERIFY(run.report->text.contains(content.holder));

    // One byte of the page changed: no longer the signed file.
    QByteArray changed = signedPdf.value();
    const qsizetype at = changed.indexOf("/Creator");
    QVERIFY(at > 0);
    changed[at + 1] = 'c';
    const ReaderRun tampered = runReader(changed);
    QVERIFY2(tampered.report, qPrintable(tampered.failure));
    QCOMPARE(tampered.report->signatures.size(), 1);
    QCOMPARE(tampered.report->signatures.at(0).state, PdfSignatureState::ModifiedAfterSigning);
}

// The page's annotations as other writers lay them out: none yet, or an
// array in the page dictionary (QPdfWriter's own, an array object, above).
void PdfSignalsTest::pdfSigner_pageWithOrWithoutAnnotations_signs_data()
{
    QTest::addColumn<QByteArray>("pdf");
    const QByteArray page = handWrittenPdf({"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n"});
    QTest::newRow("no annotations") << page;
    QByteArray inline_ = page;
    inline_.replace("/Type /Page /Parent", "/Annots [] /Type /Page /Parent");
    QTest::newRow("an empty array in the page") << inline_;
}

void PdfSignalsTest::pdfSigner_pageWithOrWithoutAnnotations_signs()
{
    QFETCH(QByteArray, pdf);
    const Result<QByteArray> signedPdf = PdfSigner::sign(
        pdf, {QStringLiteral("Hand Signer"), QString(), QDateTime::currentDateTimeUtc()});
    QVERIFY2(signedPdf, qPrintable(signedPdf.message()));
    const ReaderRun run = runReader(signedPdf.value());
    QVERIFY2(run.report, qPrintable(run.failure));
    QCOMPARE(run.report->signatures.size(), 1);
    QCOMPARE(run.report->signatures.at(0).state, PdfSignatureState::SignerNotTrusted);
    QCOMPARE(run.report->signatures.at(0).signerName, QStringLiteral("Hand Signer"));
    QVERIFY(run.report->signatures.at(0).coversWholeDocument);
}

void PdfSignalsTest::pdfSigner_refusesWhatItDidNotWrite_data()
{
    QTest::addColumn<QByteArray>("pdf");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not a PDF") << QByteArray("Hello, world\n");
    QTest::newRow("no trailer") << QByteArray("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    const QByteArray page = handWrittenPdf({"BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n"});
    QByteArray signedAlready = page;
    signedAlready.replace("<< /Type /Catalog", "<< /AcroForm << /Fields [] >> /Type /Catalog");
    QTest::newRow("already has a form") << signedAlready;
    QByteArray noPage = page;
    noPage.replace("/Kids [", "/Kids [ 99");
    QTest::newRow("page 1 missing") << noPage;
}

void PdfSignalsTest::pdfSigner_refusesWhatItDidNotWrite()
{
    QFETCH(QByteArray, pdf);
    const Result<QByteArray> result = PdfSigner::sign(
        pdf, {QStringLiteral("Signer"), QString(), QDateTime::currentDateTimeUtc()});
    QVERIFY(!result);
    QCOMPARE(result.kind(), ErrorKind::Invalid);
    QVERIFY(!result.message().isEmpty());
}

QTEST_MAIN(PdfSignalsTest)
#include "tst_pdfsignals.moc"
