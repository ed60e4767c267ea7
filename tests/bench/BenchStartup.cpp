// P6 (start-up: process start to the sign-in window painted, in a process of
// its own each time; sign-in to the main window painted) and P9 (the
// resident memory of a process showing the Results page and one PDF).
#include "BenchContext.h"
#include "itemmodels/CertificateListModel.h"
#include "results/CertificateDetailsDialog.h"
#include "services/Generator.h"
#include "services/PasswordHasher.h"
#include "storage/DatabaseLocation.h"
#include "widgets/PdfPreview.h"

#include <QApplication>
#include <QDir>
#include <QPdfView>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace {
// Runs program (with its environment) until it exits by itself; its wall-
// clock time in ms, NaN on a failure. *output: what it printed.
double timedChild(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &env, QString *output, QString *error)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed (%2): %3")
                     .arg(QFileInfo(program).fileName(), process.errorString(),
                          QString::fromLocal8Bit(process.readAllStandardError()).left(300));
        process.kill();
        process.waitForFinished();
        return NAN;
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    *output = QString::fromLocal8Bit(process.readAllStandardOutput());
    return ms;
}

QProcessEnvironment childEnvironment(const BenchContext &ctx)
{
    // A home of its own: no remembered location or window state.
    const QString home = QDir(ctx.workDir).filePath(QStringLiteral("home"));
    QDir().mkpath(home);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("CERTDESK_BENCH_EXIT_AFTER_PAINT"), QStringLiteral("1"));
    return env;
}

BenchRow p6Start(const BenchContext &ctx)
{
    BenchRow row{QStringLiteral("P6a"),
                 QStringLiteral("process start to the sign-in window painted (certdesk)"),
                 QStringLiteral("a bare Qt Widgets window, process start to painted")};
    row.goal = 2.0;
    const QString app = QStringLiteral(CERTDESK_BIN_DIR "/certdesk");
    const QProcessEnvironment env = childEnvironment(ctx);
    QString output;
    QString error;
    row.figure = medianMs(ctx.repeats, [&] {
        timedChild(app, {QStringLiteral("--db"), ctx.sqlite}, env, &output, &error);
    });
    if (error.isEmpty() && !output.contains(QLatin1String("first-paint-ms")))
        error = QStringLiteral("certdesk did not say when it painted: ") + output.left(200);
    if (!error.isEmpty()) {
        row.reason = error;
        row.figure = NAN;
        return row;
    }
    row.note = QStringLiteral("certdesk's own count from main(): ") + output.trimmed();
    row.base = medianMs(ctx.repeats, [&] {
        timedChild(ctx.self, {QStringLiteral("--bare-window")}, env, &output, &error);
    });
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    return row;
}

// Shows a window and runs the event loop until it has painted.
double showUntilPainted(QWidget *window)
{
    QElapsedTimer timer;
    timer.start();
    window->show();
    Bench::waitForPaint(window, [] { return true; });
    return double(timer.nsecsElapsed()) / 1e6;
}

BenchRow p6SignIn(const BenchContext &ctx)
{
    BenchRow row{
        QStringLiteral("P6b"),
        QStringLiteral("sign-in to the main window painted, %1, Argon2id apart").arg(Bench::kAdmin),
        QStringLiteral("a bare Qt Widgets window shown to painted")};
    row.goal = 2.0;
    QString error;
    const DatabaseLocation where = DatabaseLocation::parse(ctx.sqlite, &error);
    QSqlDatabase raw = Bench::rawConnection(QStringLiteral("bench-startup"), ctx.sqlite, &error);
    QSqlQuery q(raw);
    q.prepare(QStringLiteral("SELECT c.password_hash FROM user_credentials c JOIN users u ON "
                             "u.id = c.user_id WHERE u.email = ?"));
    q.addBindValue(Bench::kAdmin);
    const QString hash = q.exec() && q.next() ? q.value(0).toString() : QString();
    q = QSqlQuery();
    raw.close();
    const double argon = medianMs(ctx.repeats, [&] {
        if (!PasswordHasher::verify(hash, Generator::password()))
            error = QStringLiteral("the stored hash did not verify");
    });
    QString firstPage;
    QList<double> built;
    QList<double> shown;
    const double total = medianMs(ctx.repeats, [&] {
        QSettings().clear(); // no page or geometry remembered
        auto session = Session::signIn(where, Bench::kAdmin, Generator::password());
        if (!session) {
            error = session.message();
            return;
        }
        QElapsedTimer building;
        building.start();
        MainWindow window(std::move(session.value()));
        window.resize(1280, 800);
        built << double(building.nsecsElapsed()) / 1e6;
        shown << showUntilPainted(&window);
        firstPage = window.currentPageKey();
    });
    if (!error.isEmpty()) {
        row.reason = error;
        return row;
    }
    row.figure = total - argon;
    row.base = medianMs(ctx.repeats, [] {
        QWidget window;
        window.resize(1280, 800);
        showUntilPainted(&window);
    });
    row.note = QStringLiteral("sign-in and window %1 ms, of which Argon2id (verifying the "
                              "stored hash) %2 ms; MainWindow's constructor %3 ms, shown to "
                              "painted %4 ms; it opens on its %5 page")
                   .arg(total, 0, 'f', 0)
                   .arg(argon, 0, 'f', 0)
                   .arg(median(built), 0, 'f', 0)
                   .arg(median(shown), 0, 'f', 0)
                   .arg(firstPage);
    return row;
}

BenchRow p9(const BenchContext &ctx)
{
    BenchRow row{
        QStringLiteral("P9"),
        QStringLiteral("RSS with the Results page and one PDF open, %1").arg(Bench::kHeavy),
        QString()};
    row.unit = QStringLiteral("MB");
    row.goal = 150;
    QString output;
    QString error;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    timedChild(ctx.self, {QStringLiteral("--resident"), ctx.sqlite}, env, &output, &error);
    bool ok = false;
    const double mb = output.trimmed().section(QLatin1Char(' '), -1).toDouble(&ok);
    if (!error.isEmpty() || !ok) {
        row.reason =
            error.isEmpty() ? QStringLiteral("no RSS printed: ") + output.left(200) : error;
        return row;
    }
    row.figure = mb;
    row.note = QStringLiteral("a process of its own: ") + output.trimmed();
    return row;
}
} // namespace

int bareWindowChild()
{
    QWidget window;
    window.resize(400, 300);
    window.show();
    Bench::waitForPaint(&window, [] { return true; });
    std::printf("painted\n");
    return 0;
}

int residentChild(const QString &sqlite)
{
    QString error;
    auto window = Bench::openWindow(sqlite, Bench::kHeavy, &error);
    if (!window || !window->showPage(QStringLiteral("results"))) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    auto *view = window->findChild<QTableView *>(QStringLiteral("certificatesTable"));
    if (!Bench::waitUntil([view] { return view->model()->rowCount() > 0; })) {
        std::fprintf(stderr, "the Results page shows no certificate\n");
        return 1;
    }
    const double withList = residentMb();
    const Id first =
        view->model()->index(0, 0).data(CertificateListModel::CertificateIdRole).toLongLong();
    CertificateDetailsDialog details(window->session(), first, window.get());
    details.show();
    QWidget *viewport = details.pdfPreview()->view()->viewport();
    const bool ink =
        Bench::waitForPaint(viewport, [viewport] { return Bench::showsInk(viewport); });
    if (!ink) {
        std::fprintf(stderr, "the PDF was never painted\n");
        return 1;
    }
    std::printf("Results page %.0f MB, with a certificate's PDF %.0f\n", withList, residentMb());
    return 0;
}

QList<BenchRow> benchStartup(const BenchContext &ctx)
{
    return {p6Start(ctx), p6SignIn(ctx), p9(ctx)};
}
