// The reviewer's signals beside a task's PDF (README "Untrusted PDFs"), in
// the task view offscreen, on the demo database: the real PDF reader
// (certdesk-pdfcheck) reads the stored PDF and the view shows one line per
// signal: a holder's name that is not the owner's, verification links and
// QR codes (a click hands the link on; nothing is fetched), a digital
// signature (tests/support/make_signed_pdf.py) and a scan.
#include "GuiTestSupport.h"
#include "pdf/CertificatePdf.h"
#include "review/TaskView.h"
#include "widgets/PdfPreview.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>

#include <string>

using GuiTest::child;

namespace {
const QString kMaria = QStringLiteral("maria.schmidt@demo.example");
const QString kEmma = QStringLiteral("emma.wilson@demo.example");
constexpr auto TextUrl = "https://verify.example.org/c/ABC123";
constexpr auto QrUrl = "https://verify.example.org/q/XYZ789?k=42";

// The task view with the click on a link observed instead of handed to the
// system's browser.
class RecordingTaskView : public TaskView
{
public:
    using TaskView::TaskView;
    QList<QUrl> opened;

protected:
    void openLink(const QUrl &url) override { opened << url; }
};

// A QR code of text as zxing-cpp writes it: one square a module, quiet zone
// included.
void drawQrCode(QPainter &painter, const QRectF &area, const std::string &text)
{
    const ZXing::BitMatrix matrix =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(4).encode(text, 0, 0);
    const double module = area.width() / matrix.width();
    painter.fillRect(area, Qt::white);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            if (matrix.get(x, y))
                painter.fillRect(QRectF(area.left() + x * module, area.top() + y * module,
                                        module + 0.5, module + 0.5),
                                 Qt::black);
}

// An A4 page drawn by draw on a QPdfWriter at 300 dpi.
template <typename Draw> QByteArray a4Pdf(Draw draw)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("tst_tasksignals"));
    QPainter painter(&writer);
    draw(painter);
    painter.end();
    return pdf;
}

// A certificate naming a verification URL in its text, with a QR code of
// another one in its lower right corner.
QByteArray certificateWithLinks()
{
    return a4Pdf([](QPainter &painter) {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(14);
        painter.setFont(font);
        painter.drawText(QPointF(200, 300), QStringLiteral("Certificate of completion"));
        painter.drawText(QPointF(200, 400),
                         QStringLiteral("Verify it at %1.").arg(QLatin1String(TextUrl)));
        const double cm = 300 / 2.54;
        drawQrCode(painter, QRectF(1500, 2800, 3 * cm, 3 * cm), QrUrl);
    });
}

// A scan: one page that is only an image (specks and bars, no text at all).
QByteArray scannedCertificate()
{
    QImage image(1240, 1754, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter imagePainter(&image);
    imagePainter.setPen(Qt::NoPen);
    QRandomGenerator random(42);
    for (int i = 0; i < 40; ++i)
        imagePainter.fillRect(QRect(100 + random.bounded(800), 150 + random.bounded(1400),
                                    80 + random.bounded(300), 12),
                              QColor(40, 40, 40));
    imagePainter.end();
    return a4Pdf([&image](QPainter &painter) {
        painter.drawImage(QRectF(0, 0, painter.device()->width(), painter.device()->height()),
                          image);
    });
}

QList<QLabel *> signalLabels(QWidget *view)
{
    return view->findChildren<QLabel *>(QStringLiteral("signalLine"));
}

QStringList signalTexts(QWidget *view)
{
    QStringList texts;
    for (QLabel *label : signalLabels(view))
        texts << label->accessibleName();
    return texts;
}

QLabel *labelContaining(QWidget *view, const QString &text)
{
    for (QLabel *label : signalLabels(view))
        if (label->accessibleName().contains(text))
            return label;
    return nullptr;
}
} // namespace

class TestTaskSignals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void wrongName_amberLine();
    void linkAndQrCode_clickHandsOnTheLink();
    void signedPdf_saysWhoSigned();
    void scan_saysNothingCouldBeRead();
    void screenshot();

private:
    Id importForEmma(const QString &title, const QByteArray &pdf);
    // Shows the task in view and waits for the reader's answer.
    bool showAndRead(RecordingTaskView &view, Id task);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Session> m_emma;
    std::unique_ptr<Session> m_maria;
};

void TestTaskSignals::initTestCase()
{
    GuiTest::prepareApplication();
}

void TestTaskSignals::init()
{
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
    for (auto [email, session] : {std::pair{kEmma, &m_emma}, std::pair{kMaria, &m_maria}}) {
        auto in = Session::signIn(DatabaseLocation::sqlite(m_db->location()), email,
                                  DemoData::password());
        QVERIFY2(in, qPrintable(in.message()));
        *session = std::move(in.value());
    }
}

void TestTaskSignals::cleanup()
{
    m_maria.reset();
    m_emma.reset();
    m_db.reset();
}

// A pending certificate of Emma's (imported by her) with pdf as its file,
// routed to her manager Maria (R3); returns its task.
Id TestTaskSignals::importForEmma(const QString &title, const QByteArray &pdf)
{
    ImportRequest request;
    request.ownerId = m_emma->userId();
    request.pdf = pdf;
    request.originalFilename =
        title.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + QStringLiteral(".pdf");
    request.name = title;
    request.delivered = QDate::currentDate().addDays(-10);
    const auto imported =
        CertificateService(m_emma->database()).importCertificate(m_emma->userId(), request);
    if (!imported) {
        qWarning("%s", qPrintable(imported.message()));
        return 0;
    }
    return imported->taskId;
}

bool TestTaskSignals::showAndRead(RecordingTaskView &view, Id task)
{
    QSignalSpy shown(&view, &TaskView::signalsShown);
    if (!view.showTask(task))
        return false;
    // Until the reader answers, one line says it is reading.
    auto *reading = view.findChild<QLabel *>(QStringLiteral("signalsReading"));
    if (!reading || reading->text() != ReviewSignals::readingText() || !view.isReadingSignals()) {
        qWarning("no \"Reading the PDF…\" line while the reader works");
        return false;
    }
    if (!QTest::qWaitFor([&] { return shown.count() == 1; }, 90 * 1000)) {
        qWarning("the reader did not answer");
        return false;
    }
    // The new lines are shown and laid out by posted events.
    const auto settled = [&] {
        const QList<QLabel *> labels = signalLabels(&view);
        return std::all_of(labels.cbegin(), labels.cend(), [](QLabel *label) {
            return label->isVisible() && label->height() >= label->heightForWidth(label->width());
        });
    };
    if (!QTest::qWaitFor(settled, 5000)) {
        qWarning("a signal's line is hidden or cut");
        return false;
    }
    if (view.findChild<QLabel *>(QStringLiteral("signalsReading"))) {
        qWarning("\"Reading the PDF…\" stays after the answer");
        return false;
    }
    qInfo("signals: %s", qPrintable(signalTexts(&view).join(QLatin1String(" | "))));
    return true;
}

void TestTaskSignals::wrongName_amberLine()
{
    CertificatePdfContent content{QStringLiteral("Forklift Safety"),
                                  QStringLiteral("Jonathan Blackwood"),
                                  QStringLiteral("Northwind Training Institute"),
                                  QDate::currentDate().addDays(-10),
                                  QDate(),
                                  QStringLiteral("NTI-S-1"),
                                  QString()};
    const Id task = importForEmma(content.title, CertificatePdf::render(content));
    QVERIFY(task > 0);
    RecordingTaskView view(*m_maria);
    view.resize(1280, 720);
    view.show();
    QVERIFY(showAndRead(view, task));
    QLabel *name = labelContaining(&view, QStringLiteral("Name on the PDF: Jonathan Blackwood"));
    QVERIFY2(name, qPrintable(signalTexts(&view).join(QLatin1Char('\n'))));
    QVERIFY2(name->accessibleName().contains(QStringLiteral("does not match Emma Wilson")),
             qPrintable(name->accessibleName()));
    QVERIFY(name->text().startsWith(QStringLiteral("⚠ ")));
    QVERIFY2(name->styleSheet().contains(QLatin1String("color")), "amber");
    QVERIFY(name->isVisible());
    const auto &shown = view.shownSignals();
    QVERIFY(!shown.isEmpty());
    QCOMPARE(shown.constFirst().kind, ReviewSignal::Kind::NameOnPdf);
    QCOMPARE(shown.constFirst().severity, ReviewSignal::Severity::Amber);
    // The same file nowhere else, no link, no signature, not a scan.
    QCOMPARE(signalLabels(&view).size(), 1);
}

void TestTaskSignals::linkAndQrCode_clickHandsOnTheLink()
{
    const Id task = importForEmma(QStringLiteral("Verified Course"), certificateWithLinks());
    QVERIFY(task > 0);
    RecordingTaskView view(*m_maria);
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(showAndRead(view, task));
    QList<QUrl> links;
    for (const ReviewSignal &signal : view.shownSignals())
        if (signal.kind == ReviewSignal::Kind::Link)
            links << signal.url;
    QCOMPARE(links, QList<QUrl>({QUrl(QLatin1String(TextUrl)), QUrl(QLatin1String(QrUrl))}));
    QLabel *link = labelContaining(&view, QStringLiteral("Open verification page"));
    QVERIFY(link);
    QVERIFY2(link->accessibleName().contains(QStringLiteral("verify.example.org")),
             qPrintable(link->accessibleName()));
    // The whole address, shown before anyone clicks.
    QCOMPARE(link->toolTip(), QString::fromLatin1(TextUrl));
    QVERIFY(link->text().contains(QStringLiteral("<a href=")));
    // Nothing opened by showing it; a click hands on that one link.
    QVERIFY(view.opened.isEmpty());
    QTest::mouseClick(link, Qt::LeftButton, {}, QPoint(8, link->height() / 2));
    QTRY_COMPARE(view.opened, QList<QUrl>({QUrl(QLatin1String(TextUrl))}));
}

void TestTaskSignals::signedPdf_saysWhoSigned()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess generator;
    generator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    generator.start(
        QStringLiteral("python3"),
        {QStringLiteral(CERTDESK_TEST_DATA "/../support/make_signed_pdf.py"), dir.path()});
    QVERIFY(generator.waitForFinished(120 * 1000));
    QCOMPARE(generator.exitCode(), 0);
    QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QString signer = QJsonDocument::fromJson(manifest.readAll())
                               .object()
                               .value(QStringLiteral("signer"))
                               .toString();
    QVERIFY(!signer.isEmpty());
    QFile signedPdf(dir.filePath(QStringLiteral("valid.pdf")));
    QVERIFY(signedPdf.open(QIODevice::ReadOnly));
    const Id task = importForEmma(QStringLiteral("Signed Course"), signedPdf.readAll());
    QVERIFY(task > 0);
    RecordingTaskView view(*m_maria);
    view.resize(1280, 720);
    view.show();
    QVERIFY(showAndRead(view, task));
    QLabel *line = labelContaining(&view, QStringLiteral("Signed by %1").arg(signer));
    QVERIFY2(line, qPrintable(signalTexts(&view).join(QLatin1Char('\n'))));
    // Without an NSS database that trusts it, the self-made signer is not
    // trusted: worth a second look, not a failure.
    QVERIFY2(line->accessibleName().endsWith(QStringLiteral(": valid")) ||
                 line->accessibleName().endsWith(QStringLiteral(": signer not trusted")),
             qPrintable(line->accessibleName()));
    bool signature = false;
    for (const ReviewSignal &signal : view.shownSignals())
        signature = signature || signal.kind == ReviewSignal::Kind::Signature;
    QVERIFY(signature);
}

void TestTaskSignals::scan_saysNothingCouldBeRead()
{
    const Id task = importForEmma(QStringLiteral("Scanned Course"), scannedCertificate());
    QVERIFY(task > 0);
    RecordingTaskView view(*m_maria);
    view.resize(1280, 720);
    view.show();
    QVERIFY(showAndRead(view, task));
    QCOMPARE(signalTexts(&view), QStringList{QStringLiteral("A scan: nothing could be read")});
    QCOMPARE(view.shownSignals().constFirst().kind, ReviewSignal::Kind::Scan);
    QVERIFY(view.pdfPreview()->hasDocument());
}

// README "Untrusted PDFs": the lines above the PDF at 1280×720, the PDF
// keeping most of the room.
void TestTaskSignals::screenshot()
{
    const Id task = importForEmma(QStringLiteral("Verified Course"), certificateWithLinks());
    QVERIFY(task > 0);
    RecordingTaskView view(*m_maria);
    view.resize(1280, 720);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(showAndRead(view, task));
    auto *box = child<QWidget>(&view, "taskSignals");
    QVERIFY(box->isVisible());
    QVERIFY2(view.pdfPreview()->height() > 2 * box->height(),
             qPrintable(QStringLiteral("PDF %1 px, signals %2 px")
                            .arg(view.pdfPreview()->height())
                            .arg(box->height())));
    for (QLabel *label : signalLabels(&view)) {
        // Each line whole: as tall as its text needs, inside the view.
        QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(label->accessibleName()));
        const QRect inView(label->mapTo(&view, QPoint(0, 0)), label->size());
        QVERIFY2(view.rect().contains(inView), qPrintable(label->accessibleName()));
    }
    QTest::qWait(500); // QPdfView renders in a worker thread
    GuiTest::saveScreenshot(&view, QStringLiteral("task-signals.png"));
}

QTEST_MAIN(TestTaskSignals)
#include "tst_tasksignals.moc"
