// The import form filled from the chosen PDF's text (CertificateText, read
// in the import dialog from the reader's check): only empty fields, each
// marked "Read from the PDF" until the person changes it; a date that reads
// two ways asked, not filled; another PDF takes back what the previous one
// said, never what the person typed. Screenshots of the filled form and of
// the question.
#include "ImportTestFixture.h"

#include "certificate/DateQuestion.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace {
QString longDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}
} // namespace

class TestImportPrefill : public QObject, private ImportTestFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpDemo(); }
    void init() { resetSettings(); }
    void cleanup() { FileDialog::clearNextFileName(); }

    void emptyFields_filledFromPdfAndMarked();
    void typedValues_neverOverwritten();
    void personChangesField_markGoes();
    void ambiguousDate_askedNotFilled_choiceFills();
    void newPdf_takesBackWhatThePreviousOneSaid();

private:
    // A plain one-page certificate of these lines (a distinct reference on
    // each, so that no two are the same file).
    QString makeTextPdf(const QStringList &lines);
    static bool marked(ImportDialog &dialog, const char *mark);
};

QString TestImportPrefill::makeTextPdf(const QStringList &lines)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
        QPainter painter(&writer);
        QFont font(QStringLiteral("DejaVu Serif"));
        font.setPointSize(16);
        font.setStyleStrategy(QFont::PreferNoShaping);
        painter.setFont(font);
        qreal y = 60;
        for (const QString &line :
             lines + QStringList{QStringLiteral("Reference: T-%1").arg(++m_pdfCount)}) {
            painter.drawText(QRectF(60, y, 720, 30), Qt::AlignHCenter, line);
            y += 34;
        }
    }
    const QString path = m_dir.filePath(QStringLiteral("text-%1.pdf").arg(m_pdfCount));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.size())
        return QString();
    return path;
}

bool TestImportPrefill::marked(ImportDialog &dialog, const char *mark)
{
    auto *label = child<QLabel>(&dialog, mark);
    return label && label->isVisible();
}

void TestImportPrefill::emptyFields_filledFromPdfAndMarked()
{
    auto maria = signIn(kManager);
    QVERIFY(maria);
    ImportDialog dialog(*maria, userId(kLearner), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!marked(dialog, "nameFromPdf"));
    chooseFile(dialog, makePdf(QStringLiteral("Manual Handling Essentials")));

    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(),
             QStringLiteral("Manual Handling Essentials"));
    QCOMPARE(child<QDateEdit>(&dialog, "deliveredEdit")->date(), kDelivered);
    QVERIFY(child<QCheckBox>(&dialog, "expiresCheck")->isChecked());
    QCOMPARE(child<QDateEdit>(&dialog, "expiresEdit")->date(), QDate(2027, 3, 12));
    for (const char *mark : {"nameFromPdf", "deliveredFromPdf", "expiresFromPdf"})
        QVERIFY2(marked(dialog, mark), mark);
    // There is no issuer field: the name's mark says who issued it.
    QCOMPARE(child<QLabel>(&dialog, "nameFromPdf")->text(),
             QStringLiteral("Read from the PDF, issued by Northwind Training Institute"));
    for (const char *mark : {"deliveredFromPdf", "expiresFromPdf"})
        QCOMPARE(child<QLabel>(&dialog, mark)->text(), QStringLiteral("Read from the PDF"));
    QVERIFY(!child<DateQuestion>(&dialog, "deliveredQuestion")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "saveButton")->isEnabled());

    auto *preview = child<PdfPreview>(&dialog, "pdfPreview");
    QTRY_VERIFY_WITH_TIMEOUT(previewShowsInk(preview), 10000);
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-prefilled.png"));
}

void TestImportPrefill::typedValues_neverOverwritten()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    auto *delivered = child<QDateEdit>(&dialog, "deliveredEdit");
    QTest::keyClicks(name, QStringLiteral("My First Aid"));
    delivered->setDate(QDate(2024, 2, 1));
    chooseFile(dialog, makePdf(QStringLiteral("Workplace First Aid")));

    QCOMPARE(name->text(), QStringLiteral("My First Aid"));
    QCOMPARE(delivered->date(), QDate(2024, 2, 1));
    QVERIFY(!marked(dialog, "nameFromPdf"));
    QVERIFY(!marked(dialog, "deliveredFromPdf"));
    // The one empty field is filled.
    QCOMPARE(child<QDateEdit>(&dialog, "expiresEdit")->date(), QDate(2027, 3, 12));
    QVERIFY(marked(dialog, "expiresFromPdf"));
}

void TestImportPrefill::personChangesField_markGoes()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    chooseFile(dialog, makePdf(QStringLiteral("Fire Marshal")));
    QVERIFY(marked(dialog, "nameFromPdf"));

    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral(" Level 2"));
    QCOMPARE(name->text(), QStringLiteral("Fire Marshal Level 2"));
    QVERIFY(!marked(dialog, "nameFromPdf"));
    QVERIFY(marked(dialog, "deliveredFromPdf"));

    child<QDateEdit>(&dialog, "deliveredEdit")->setDate(QDate(2024, 3, 13));
    QVERIFY(!marked(dialog, "deliveredFromPdf"));
    QVERIFY(marked(dialog, "expiresFromPdf"));

    child<QCheckBox>(&dialog, "expiresCheck")->setChecked(false);
    QVERIFY(!marked(dialog, "expiresFromPdf"));
    // The person's values are what is saved.
    QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(dialog.hasOutcome());
    QCOMPARE(dialog.outcome().certificate.name, QStringLiteral("Fire Marshal Level 2"));
    QCOMPARE(dialog.outcome().certificate.delivered, QDate(2024, 3, 13));
    QVERIFY(!dialog.outcome().certificate.expires.isValid());
}

void TestImportPrefill::ambiguousDate_askedNotFilled_choiceFills()
{
    auto maria = signIn(kManager);
    QVERIFY(maria);
    ImportDialog dialog(*maria, userId(kLearner), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chooseFile(
        dialog,
        makeTextPdf({QStringLiteral("Harbour Skills Centre"), QStringLiteral("This certifies that"),
                     QStringLiteral("Emma Wilson"), QStringLiteral("has successfully completed"),
                     QStringLiteral("Working at Height"),
                     QStringLiteral("Date of issue: 03/04/2024")}));
    auto *delivered = child<QDateEdit>(&dialog, "deliveredEdit");
    auto *question = child<DateQuestion>(&dialog, "deliveredQuestion");
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Working at Height"));
    // Not filled: asked.
    QCOMPARE(delivered->date(), delivered->minimumDate());
    QVERIFY(!marked(dialog, "deliveredFromPdf"));
    QVERIFY(question->isVisible());
    const QString asked = QStringLiteral("The PDF says 03/04/2024: %1 or %2?")
                              .arg(longDate(QDate(2024, 4, 3)), longDate(QDate(2024, 3, 4)));
    QCOMPARE(child<QLabel>(&dialog, "deliveredQuestionText")->text(), asked);
    QCOMPARE(question->accessibleName(), asked);
    auto *monthFirst = child<QPushButton>(&dialog, "deliveredQuestionChoice2");
    QCOMPARE(monthFirst->text(), longDate(QDate(2024, 3, 4)));
    QVERIFY(!child<QPushButton>(&dialog, "saveButton")->isEnabled());
    QVERIFY(!child<DateQuestion>(&dialog, "expiresQuestion")->isVisible());

    auto *preview = child<PdfPreview>(&dialog, "pdfPreview");
    QTRY_VERIFY_WITH_TIMEOUT(previewShowsInk(preview), 10000);
    GuiTest::saveScreenshot(&dialog, QStringLiteral("import-ambiguous-date.png"));

    QTest::mouseClick(monthFirst, Qt::LeftButton);
    QCOMPARE(delivered->date(), QDate(2024, 3, 4));
    QVERIFY(marked(dialog, "deliveredFromPdf"));
    QVERIFY(!question->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "saveButton")->isEnabled());

    // A date the person types answers the question too.
    chooseFile(dialog, makeTextPdf({QStringLiteral("Working at Height"),
                                    QStringLiteral("Date: 05/06/2024")}));
    QVERIFY(question->isVisible());
    delivered->setDate(QDate(2024, 6, 5));
    QVERIFY(!question->isVisible());
    QVERIFY(!marked(dialog, "deliveredFromPdf"));
}

void TestImportPrefill::newPdf_takesBackWhatThePreviousOneSaid()
{
    auto emma = signIn(kLearner);
    QVERIFY(emma);
    ImportDialog dialog(*emma, emma->userId(), nullptr);
    dialog.show();
    chooseFile(dialog, makePdf(QStringLiteral("Food Hygiene")));
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    auto *delivered = child<QDateEdit>(&dialog, "deliveredEdit");
    auto *expiresCheck = child<QCheckBox>(&dialog, "expiresCheck");
    QCOMPARE(delivered->date(), kDelivered);
    QVERIFY(expiresCheck->isChecked());

    // An ambiguous date and no expiry: the previous PDF's dates go, the
    // question comes; the name is this PDF's.
    chooseFile(dialog, makeTextPdf({QStringLiteral("Allergen Awareness"),
                                    QStringLiteral("Issued 02/01/2024")}));
    QCOMPARE(name->text(), QStringLiteral("Allergen Awareness"));
    QVERIFY(marked(dialog, "nameFromPdf"));
    QCOMPARE(delivered->date(), delivered->minimumDate());
    QVERIFY(!marked(dialog, "deliveredFromPdf"));
    QVERIFY(child<DateQuestion>(&dialog, "deliveredQuestion")->isVisible());
    QVERIFY(!expiresCheck->isChecked());
    QVERIFY(!marked(dialog, "expiresFromPdf"));
    QVERIFY2(!child<QLabel>(&dialog, "deliveredError")->isVisible(),
             "a date emptied by the form is no mistake of the person's");

    // The person's own name stays; a PDF without dates asks nothing.
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Allergens"));
    chooseFile(dialog, makeUndatedPdf(QStringLiteral("Something Else")));
    QCOMPARE(name->text(), QStringLiteral("Allergens"));
    QVERIFY(!child<DateQuestion>(&dialog, "deliveredQuestion")->isVisible());
    QCOMPARE(delivered->date(), delivered->minimumDate());
    QVERIFY(!marked(dialog, "nameFromPdf"));
}

QTEST_MAIN(TestImportPrefill)
#include "tst_importprefill.moc"
