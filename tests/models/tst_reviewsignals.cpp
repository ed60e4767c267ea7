// ReviewSignals: the reviewer's lines from the reader's result (a table of
// results as PdfCheck gives them), and SameFile on SQLite: names only in
// the reviewer's scope (R5), nothing for a learner.

#include "services/ReviewSignals.h"

#include <QTest>

Q_DECLARE_METATYPE(PdfCheckResult)
Q_DECLARE_METATYPE(QList<SameFileHolder>)

namespace {
PdfCheckResult readText(const QString &text)
{
    PdfCheckResult pdf;
    pdf.pageCount = 1;
    pdf.signalsRead = AllPdfSignals;
    pdf.text = text;
    pdf.firstPageText = text;
    return pdf;
}

QStringList expect(std::initializer_list<const char *> lines)
{
    QStringList list;
    for (const char *line : lines)
        list << QString::fromUtf8(line);
    return list;
}

const QString kCertificate = QStringLiteral(
    "Certificate of Completion\nThis certifies that\nEmma Wilson\nhas completed First Aid\n");

PdfSignature signature(PdfSignatureState state)
{
    PdfSignature s;
    s.state = state;
    s.signerName = QStringLiteral("Training Board");
    s.signingTime = QDateTime(QDate(2025, 3, 4), QTime(10, 0), Qt::UTC);
    s.coversWholeDocument = state != PdfSignatureState::ModifiedAfterSigning;
    return s;
}
} // namespace

class TestReviewSignals : public QObject
{
    Q_OBJECT

private slots:
    void lines_data();
    void lines();
    void facts();
    void notRead();
};

void TestReviewSignals::lines_data()
{
    QTest::addColumn<PdfCheckResult>("pdf");
    QTest::addColumn<QList<SameFileHolder>>("sameFile");
    // Each line as "a|" (amber) or "i|" (info) and its text.
    QTest::addColumn<QStringList>("expected");

    const QList<SameFileHolder> none;
    QTest::newRow("name matches") << readText(kCertificate) << none
                                  << expect({"i|Name on the PDF: Emma Wilson (matches)"});
    QTest::newRow("name in another order, accents")
        << readText(QStringLiteral("This certifies that\nWilson Émma\nhas completed First Aid"))
        << none << expect({"i|Name on the PDF: Wilson Émma (matches)"});
    QTest::newRow("name differs")
        << readText(QStringLiteral("This certifies that\nEmma Watson\nhas completed First Aid"))
        << none << expect({"a|Name on the PDF: Emma Watson — does not match Emma Wilson"});
    QTest::newRow("no name: nothing said")
        << readText(QStringLiteral("Some document\nwith words")) << none << QStringList{};
    QTest::newRow("scan") << readText(QStringLiteral(" \f \n")) << none
                          << expect({"i|A scan: nothing could be read"});

    PdfCheckResult cut = readText(QString());
    cut.signalsRead = PdfSignals(PdfSignal::Links);
    QTest::newRow("text not read to its end: not a scan") << cut << none << QStringList{};

    QTest::newRow("same file in scope")
        << readText(QString()) << QList<SameFileHolder>{{7, QStringLiteral("Bob Stone"), true}}
        << expect({"a|Same file: also submitted by Bob Stone", "i|A scan: nothing could be read"});
    QTest::newRow("same file outside scope")
        << readText(QStringLiteral("x")) << QList<SameFileHolder>{{0, QString(), false}}
        << expect({"a|Same file: submitted by someone else too"});
    QTest::newRow("same file, both")
        << readText(QStringLiteral("x"))
        << QList<SameFileHolder>{{7, QStringLiteral("Bob Stone"), true}, {0, QString(), false}}
        << expect({"a|Same file: also submitted by Bob Stone, and by someone else"});

    PdfCheckResult links = readText(QStringLiteral("x"));
    links.links = QStringList{QStringLiteral("https://verify.example.org/c/123")};
    links.qrCodes = {PdfQrCode{true, QStringLiteral("https://verify.example.org/c/123"), true},
                     PdfQrCode{true, QStringLiteral("https://qr.example.net/v?id=9"), true},
                     PdfQrCode{true, QStringLiteral("ID 12345"), false},
                     PdfQrCode{false, QString(), false}};
    QTest::newRow("links and codes")
        << links << none
        << expect({"i|Open verification page (verify.example.org), also in the QR code",
                   "i|Open verification page from the QR code (qr.example.net)",
                   "i|A QR code reads: ID 12345", "i|A QR code could not be read"});

    // Two links on one host: the same place names them by their paths; the
    // text and the code name their places.
    PdfCheckResult sameHost = readText(QStringLiteral("x"));
    sameHost.links = QStringList{QStringLiteral("https://verify.example.org/c/123"),
                                 QStringLiteral("https://verify.example.org/help"),
                                 QStringLiteral("https://verify.example.org/c/123")};
    sameHost.qrCodes = {PdfQrCode{true, QStringLiteral("https://verify.example.org/q/9"), true}};
    QTest::newRow("links on one host")
        << sameHost << none
        << expect({"i|Open verification page (verify.example.org/c/123)",
                   "i|Open verification page (verify.example.org/help)",
                   "i|Open verification page from the QR code (verify.example.org)"});

    PdfCheckResult signatures = readText(QStringLiteral("x"));
    signatures.signatures = {
        signature(PdfSignatureState::Valid), signature(PdfSignatureState::ModifiedAfterSigning),
        signature(PdfSignatureState::SignerNotTrusted), signature(PdfSignatureState::Unreadable)};
    QTest::newRow("signatures")
        << signatures << none
        << expect({"i|Signed by Training Board on 4 Mar 2025: valid",
                   "a|Signed by Training Board on 4 Mar 2025: modified after signing",
                   "a|Signed by Training Board on 4 Mar 2025: signer not trusted",
                   "a|A digital signature could not be read"});
    QTest::newRow("unsigned") << readText(QStringLiteral("x")) << none << QStringList{};
}

void TestReviewSignals::lines()
{
    QFETCH(PdfCheckResult, pdf);
    QFETCH(QList<SameFileHolder>, sameFile);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const ReviewSignal &line :
         ReviewSignals::lines(pdf, QStringLiteral("Emma Wilson"), sameFile)) {
        got << (line.severity == ReviewSignal::Severity::Amber ? QStringLiteral("a|")
                                                               : QStringLiteral("i|")) +
                   line.text;
        QCOMPARE(line.url.isValid(), line.kind == ReviewSignal::Kind::Link);
    }
    QCOMPARE(got, expected);
}

void TestReviewSignals::facts()
{
    PdfCheckResult pdf = readText(kCertificate);
    pdf.qrCodes = {PdfQrCode{true, QStringLiteral("https://v.example.org/1"), true}};
    const ReviewSignals::Facts facts = ReviewSignals::facts(pdf, QStringLiteral("Emma Wilson"), {});
    QCOMPARE(facts.nameOnPdf.value_or(QString()), QStringLiteral("Emma Wilson"));
    QCOMPARE(facts.nameMatches, std::optional<bool>(true));
    QCOMPARE(facts.links, QStringList{QStringLiteral("https://v.example.org/1")});
    QVERIFY(!facts.scan);
    QCOMPARE(ReviewSignals::stateKey(PdfSignatureState::SignerNotTrusted),
             QStringLiteral("signer-not-trusted"));
}

void TestReviewSignals::notRead()
{
    PdfCheckResult pdf;
    pdf.problem = PdfProblem::TimedOut;
    const QList<ReviewSignal> lines = ReviewSignals::lines(
        pdf, QStringLiteral("Emma Wilson"), QList<SameFileHolder>{{0, QString(), false}});
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).kind, ReviewSignal::Kind::NotRead);
    QCOMPARE(lines.at(1).kind, ReviewSignal::Kind::SameFile);
}

QTEST_GUILESS_MAIN(TestReviewSignals)
#include "tst_reviewsignals.moc"
