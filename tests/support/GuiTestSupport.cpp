#include "GuiTestSupport.h"

namespace GuiTest {

void prepareApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    AppController::configureApplication(*qApp);
    QSettings().clear();
}

std::unique_ptr<TestDatabase> demoDatabase(QString *error)
{
    auto db = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
    if (!db->isValid()) {
        *error = db->error();
        return nullptr;
    }
    const auto filled = DemoData::fill(db->db());
    if (!filled) {
        *error = filled.message();
        return nullptr;
    }
    return db;
}

void typeAndSignIn(SignInWindow *window, const QString &email, const QString &password)
{
    auto *emailEdit = child<QLineEdit>(window, "emailEdit");
    auto *passwordEdit = child<QLineEdit>(window, "passwordEdit");
    auto *button = child<QPushButton>(window, "signInButton");
    QVERIFY(emailEdit && passwordEdit && button);
    emailEdit->clear();
    passwordEdit->clear();
    QTest::keyClicks(emailEdit, email);
    QTest::keyClicks(passwordEdit, password);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void saveScreenshot(QWidget *widget, const QString &fileName)
{
    const QString dir = qEnvironmentVariable("CERTDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QCoreApplication::processEvents();
    const QString path = QDir(dir).filePath(fileName);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

std::unique_ptr<MainWindow> openMainWindow(const QString &location, const QString &email,
                                           QSize size)
{
    QString error;
    const DatabaseLocation where = DatabaseLocation::parse(location, &error);
    auto session = Session::signIn(where, email, DemoData::password());
    if (!session) {
        qWarning("%s", qPrintable(session.message()));
        return nullptr;
    }
    auto window = std::make_unique<MainWindow>(std::move(session.value()));
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

bool writeCertificatePdf(const QString &path, const QString &title, const QString &holder)
{
    static int count = 0;
    const CertificatePdfContent content{
        title,
        holder,
        QStringLiteral("Northwind Training Institute"),
        QDate(2024, 3, 12),
        QDate(2027, 3, 12),
        QStringLiteral("GUI-%1").arg(++count, 5, 10, QLatin1Char('0'))};
    const QByteArray bytes = CertificatePdf::render(content);
    QFile file(path);
    return !bytes.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QMimeData *filesMime(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime->setUrls(urls);
    return mime;
}

bool dragFilesOver(QWidget *target, const QMimeData *mime)
{
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(centre, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                        Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    return move.isAccepted();
}

bool dropFilesOn(QWidget *target, const QMimeData *mime)
{
    QDropEvent drop(QPointF(target->rect().center()), Qt::CopyAction | Qt::MoveAction, mime,
                    Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::CopyAction;
}

} // namespace GuiTest
