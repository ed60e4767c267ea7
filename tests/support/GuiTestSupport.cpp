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
    // The PDF reader's time limit is wall-clock time (README "Untrusted
    // PDFs"), and the test machines are loaded: two test programs at once on
    // two cores, each starting readers, under ASan too. Outside the tests of
    // the limit itself (they set their own), a reader gets a minute.
    QString sqlError;
    Sql::run(db->db().connection(),
             QStringLiteral("INSERT INTO settings (key, value) VALUES ('pdf.check-seconds', ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
             {QString::number(kReaderSeconds)}, &sqlError);
    if (!sqlError.isEmpty()) {
        *error = sqlError;
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

QString describeDialog(QWidget *dialog)
{
    QStringList shown{QStringLiteral("\"%1\"").arg(dialog->windowTitle())};
    const auto labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->isVisibleTo(dialog) && !label->text().trimmed().isEmpty())
            shown << label->text().simplified();
    }
    return shown.join(QStringLiteral(" | "));
}

void closeLater(QWidget *dialog, int closeMs)
{
    QTimer::singleShot(closeMs, qApp, [guarded = QPointer<QWidget>(dialog), closeMs] {
        if (!guarded || !guarded->isVisible())
            return;
        qWarning("onNextModal: %s still open %d ms after the test's action, closed: %s",
                 guarded->metaObject()->className(), closeMs, qPrintable(describeDialog(guarded)));
        if (auto *asDialog = qobject_cast<QDialog *>(guarded.data()))
            asDialog->reject();
        else
            guarded->close();
    });
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
                                           QSize size, const QString &password)
{
    QString error;
    const DatabaseLocation where = DatabaseLocation::parse(location, &error);
    auto session =
        Session::signIn(where, email, password.isNull() ? DemoData::password() : password);
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
        QStringLiteral("GUI-%1").arg(++count, 5, 10, QLatin1Char('0')),
        QString()};
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
