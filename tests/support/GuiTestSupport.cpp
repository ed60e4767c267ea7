#include "GuiTestSupport.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QScrollBar>
#include <QTextDocument>

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

namespace {

QString describeWidget(const QWidget *widget, const QString &text)
{
    const QString name = widget->objectName().isEmpty()
                             ? QString::fromLatin1(widget->metaObject()->className())
                             : widget->objectName();
    return QStringLiteral("%1 \"%2\" (%3x%4)")
        .arg(name, text.simplified().left(60))
        .arg(widget->width())
        .arg(widget->height());
}

// Whether an ancestor of widget (up to its window) cuts it off: a widget
// may run past a scroll area's viewport only in a direction it scrolls.
bool cutByAncestor(const QWidget *widget)
{
    QRect shown = widget->rect(); // in the coordinates of child
    const QWidget *child = widget;
    for (const QWidget *a = widget->parentWidget(); a && !child->isWindow();
         child = a, a = a->parentWidget()) {
        shown.translate(child->pos());
        const auto *area = a->parentWidget()
                               ? qobject_cast<const QAbstractScrollArea *>(a->parentWidget())
                               : nullptr;
        const bool viewport = area && area->viewport() == a;
        const bool across = viewport && area->horizontalScrollBar()->isVisible();
        const bool down = viewport && area->verticalScrollBar()->isVisible();
        if (!across && (shown.left() < 0 || shown.right() >= a->width()))
            return true;
        if (!down && (shown.top() < 0 || shown.bottom() >= a->height()))
            return true;
        // Scrolled out of sight is not cut: what is left to check is the
        // part the viewport shows.
        shown = shown.intersected(a->rect());
        if (shown.isEmpty())
            return false;
    }
    return false;
}

// What the text needs, or an empty size when the widget shows no text.
QSize neededFor(const QWidget *widget, QString *text)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget)) {
        *text = label->text();
        if (text->trimmed().isEmpty() || label->textFormat() == Qt::RichText ||
            Qt::mightBeRichText(*text))
            return QSize(); // rich text wraps and elides on its own terms
        if (label->wordWrap())
            return QSize(0, label->heightForWidth(label->width()));
        return QSize(label->sizeHint().width(), 0);
    }
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
        *text = button->text();
        if (text->trimmed().isEmpty())
            return QSize();
        return QSize(button->sizeHint().width(), 0);
    }
    return QSize();
}

} // namespace

QStringList clippedTexts(QWidget *root)
{
    QStringList clipped;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(root->window()) || widget->window() != root->window())
            continue;
        QString text;
        const QSize needed = neededFor(widget, &text);
        if (!needed.isValid() || (needed.width() == 0 && needed.height() == 0))
            continue;
        // One pixel of slack: style hints round differently from layouts.
        if (needed.width() > widget->width() + 1 || needed.height() > widget->height() + 1) {
            clipped << describeWidget(widget, text);
            continue;
        }
        if (cutByAncestor(widget))
            clipped << describeWidget(widget, text) + QStringLiteral(" cut off by its container");
    }
    return clipped;
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
