#include "BenchContext.h"
#include "services/Generator.h"
#include "storage/DatabaseLocation.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEvent>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrl>

namespace {
// Notes a paint event of the widget it watches.
class PaintFlag : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

namespace Bench {

std::unique_ptr<MainWindow> openWindow(const QString &location, const QString &email,
                                       QString *error)
{
    const DatabaseLocation where = DatabaseLocation::parse(location, error);
    if (!error->isEmpty())
        return nullptr;
    QSettings().clear(); // no page or geometry remembered from an earlier row
    auto session = Session::signIn(where, email, Generator::password());
    if (!session) {
        *error = session.message();
        return nullptr;
    }
    auto window = std::make_unique<MainWindow>(std::move(session.value()));
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        *error = QStringLiteral("the main window was never exposed");
        return nullptr;
    }
    return window;
}

bool waitForPaint(QWidget *widget, const std::function<bool()> &ready, int timeoutMs)
{
    PaintFlag flag;
    widget->installEventFilter(&flag);
    const QDeadlineTimer deadline(timeoutMs);
    // The paint happens inside processEvents(): when it returns with the
    // flag set, the frame is drawn.
    while (!(flag.painted && ready()) && !deadline.hasExpired()) {
        if (flag.painted)
            flag.painted = false; // painted before ready: wait for the next frame
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    widget->removeEventFilter(&flag);
    return !deadline.hasExpired();
}

bool waitUntil(const std::function<bool()> &ready, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!ready() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return !deadline.hasExpired();
}

bool showsInk(QWidget *viewport)
{
    const QImage image = viewport->grab().toImage();
    // A page QPdfView has not rendered yet is drawn white on a light grey
    // background: neither has a pixel this dark; a certificate at 33 % has
    // hundreds (its border and lettering).
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 160 ? 1 : 0;
    return dark > 150;
}

QSqlDatabase rawConnection(const QString &name, const QString &location, QString *error)
{
    const bool server = location.startsWith(QLatin1String("postgresql://"));
    QSqlDatabase db = QSqlDatabase::addDatabase(
        server ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (server) {
        const QUrl url(location);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db.setDatabaseName(location);
    }
    if (!db.open())
        *error = db.lastError().text();
    return db;
}

int readAll(const QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return -1;
    }
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        *error = q.lastError().text();
        return -1;
    }
    int rows = 0;
    while (q.next()) {
        for (int column = 0; column < q.record().count(); ++column)
            q.value(column);
        ++rows;
    }
    return rows;
}

qint64 userId(const QSqlDatabase &db, const QString &email)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM users WHERE email = ?"));
    q.addBindValue(email);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

double runProcess(const QString &program, const QStringList &arguments, QString *error,
                  const QString &outputFile)
{
    QProcess process;
    if (!outputFile.isEmpty())
        process.setStandardOutputFile(outputFile);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2 %3")
                     .arg(program, process.errorString(),
                          QString::fromLocal8Bit(process.readAllStandardError()).left(300));
        return NAN;
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace Bench
