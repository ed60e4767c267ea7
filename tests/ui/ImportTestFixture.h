#pragma once

// The import dialog tests' fixture, shared by tst_importdialog (fields,
// labels, rules), tst_importdrop (drops and batches) and tst_importrefusals
// (bad files): a demo database, the demo's settings restored before every
// test, sessions, generated PDFs, and drag-and-drop events. Header only: each
// test is its own program.
#include "GuiTestSupport.h"

#include "import/DropZone.h"
#include "import/ImportDialog.h"
#include "import/PdfDrop.h"
#include "pdf/CertificatePdf.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/FileDialog.h"
#include "widgets/PdfPreview.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QMimeData>
#include <QPdfView>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

using GuiTest::child;

namespace {
const QString kLearner = QStringLiteral("emma.wilson@demo.example");
const QString kManager = QStringLiteral("maria.schmidt@demo.example");
const QString kGroupAdmin = QStringLiteral("sofia.rossi@demo.example");
const QString kDeleted = QStringLiteral("tom.becker@demo.example");
const QDate kDelivered(2024, 3, 12);

inline QString testData(const char *name)
{
    return QStringLiteral(CERTDESK_TEST_DATA "/") + QLatin1String(name);
}

inline QMimeData *filesMime(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime->setUrls(urls);
    return mime;
}

// Drags files over a widget (enter + move) as a file manager would: a move is
// proposed, a copy is possible.
inline bool dragOver(QWidget *target, const QMimeData *mime, Qt::DropAction *action = nullptr)
{
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (action)
        *action = enter.dropAction();
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                        Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    return move.isAccepted();
}

inline bool dropOn(QWidget *target, const QMimeData *mime)
{
    QDropEvent drop(QPointF(target->rect().center()), Qt::CopyAction | Qt::MoveAction, mime,
                    Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::CopyAction;
}

// True once QPdfView has painted the page: dark pixels (the certificate's
// text) on it, not only the white page it draws first.
inline bool previewShowsInk(PdfPreview *preview)
{
    const QImage image = preview->pageArea()->grab().toImage();
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            dark += qGray(image.pixel(x, y)) < 110 ? 1 : 0;
    return dark > 200;
}
} // namespace

class ImportTestFixture
{
protected:
    // initTestCase(): the demo database and a platform admin's session.
    void setUpDemo();
    // init(): the demo's settings, restored before every test.
    void resetSettings();
    std::unique_ptr<Session> signIn(const QString &email);
    void setSetting(const QString &key, const QString &value);
    // A certificate PDF for Emma Wilson, delivered kDelivered, valid until
    // 12 March 2027: the form fills both dates from its text.
    QString makePdf(const QString &title);
    // The same without dates in its text ("Delivered on" and no date): the
    // form has no date to fill in, the test types them.
    QString makeUndatedPdf(const QString &title);
    QString writePdf(const QString &title, const QDate &delivered, const QDate &expires);
    int rowCount(const QString &table);
    Id userId(const QString &email);
    // Chooses the file through the "Select a file" button (the FileDialog seam).
    static void chooseFile(ImportDialog &dialog, const QString &path);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Session> m_admin;
    QTemporaryDir m_dir;
    int m_pdfCount = 0;
};

inline void ImportTestFixture::setUpDemo()
{
    GuiTest::prepareApplication();
    QVERIFY(m_dir.isValid());
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
    m_admin = signIn(DemoData::adminEmail());
    QVERIFY(m_admin);
}

inline void ImportTestFixture::resetSettings()
{
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    setSetting(QStringLiteral("credits.enabled"), QStringLiteral("on"));
    setSetting(QStringLiteral("pdf.max-size-mb"), QStringLiteral("20"));
    setSetting(QStringLiteral("pdf.check-seconds"), QString::number(GuiTest::kReaderSeconds));
    FileDialog::clearNextFileName();
}

inline std::unique_ptr<Session> ImportTestFixture::signIn(const QString &email)
{
    QString error;
    const DatabaseLocation location = DatabaseLocation::parse(m_db->location(), &error);
    auto session = Session::signIn(location, email, DemoData::password());
    if (!session) {
        qWarning("%s", qPrintable(session.message()));
        return nullptr;
    }
    return std::move(session.value());
}

inline void ImportTestFixture::setSetting(const QString &key, const QString &value)
{
    const auto set = m_admin->settings().set(m_admin->userId(), key, value);
    QVERIFY2(set, qPrintable(set.message()));
}

inline QString ImportTestFixture::makePdf(const QString &title)
{
    return writePdf(title, kDelivered, QDate(2027, 3, 12));
}

inline QString ImportTestFixture::makeUndatedPdf(const QString &title)
{
    return writePdf(title, QDate(), QDate());
}

inline QString ImportTestFixture::writePdf(const QString &title, const QDate &delivered,
                                           const QDate &expires)
{
    // A distinct reference each time: the same PDF twice for one person is a
    // duplicate.
    CertificatePdfContent content{
        title,
        QStringLiteral("Emma Wilson"),
        QStringLiteral("Northwind Training Institute"),
        delivered,
        expires,
        QStringLiteral("NTI-%1").arg(++m_pdfCount, 5, 10, QLatin1Char('0')),
        QString()};
    const QByteArray bytes = CertificatePdf::render(content);
    QString path = m_dir.filePath(QStringLiteral("certificate-%1.pdf").arg(m_pdfCount));
    QFile file(path);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

inline int ImportTestFixture::rowCount(const QString &table)
{
    QSqlQuery query(m_db->db().connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toInt();
}

inline Id ImportTestFixture::userId(const QString &email)
{
    const auto user = m_admin->directory().userByEmail(email);
    return user ? user->id : 0;
}

inline void ImportTestFixture::chooseFile(ImportDialog &dialog, const QString &path)
{
    auto *select = child<QPushButton>(&dialog, "selectFileButton");
    QVERIFY(select);
    const int asked = FileDialog::requestCount();
    FileDialog::setNextFileName(path);
    QTest::mouseClick(select, Qt::LeftButton);
    QCOMPARE(FileDialog::requestCount(), asked + 1);
}
