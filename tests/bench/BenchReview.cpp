// P7 (a task selected to its PDF painted, a 2339×1654 scan) and P8 (the
// VALIDATE key to the next task's PDF painted), in the real review widgets.
#include "BenchContext.h"
#include "notifications/NotificationsPage.h"
#include "review/TaskListView.h"
#include "review/TaskView.h"
#include "services/Generator.h"
#include "storage/DatabaseLocation.h"
#include "widgets/PdfPreview.h"

#include <QApplication>
#include <QDir>
#include <QPainter>
#include <QPdfView>
#include <QPdfWriter>
#include <QSqlQuery>
#include <QTest>

namespace {
// A scanned certificate: one A4 landscape page holding a 2339×1654 image
// (200 dpi) of a grey sheet with dark lettering; seed makes each different.
QByteArray scanPdf(int seed)
{
    QImage scan(2339, 1654, QImage::Format_RGB888);
    scan.fill(QColor(236, 233, 226));
    {
        QPainter painter(&scan);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(90);
        painter.setFont(font);
        painter.setPen(QColor(20, 20, 30));
        painter.drawText(QRect(150, 250, 2040, 300), Qt::AlignCenter,
                         QStringLiteral("Certificate of Completion"));
        font.setPixelSize(60);
        painter.setFont(font);
        painter.drawText(QRect(150, 650, 2040, 500), Qt::AlignCenter | Qt::TextWordWrap,
                         QStringLiteral("Forklift Operator, refresher course\nscan %1").arg(seed));
        painter.fillRect(QRect(300, 1300, 1739, 12), QColor(30, 30, 30));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(200);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF());
    QPainter painter(&writer);
    painter.drawImage(QRect(0, 0, 2339, 1654), scan);
    painter.end();
    return bytes;
}

// Two scans imported by two of the busy reviewer's people: their task ids.
QList<Id> importScans(const BenchContext &ctx, QString *error)
{
    QSqlDatabase raw = Bench::rawConnection(QStringLiteral("bench-review"), ctx.sqlite, error);
    QSqlQuery q(raw);
    q.prepare(QStringLiteral("SELECT email FROM users WHERE manager_id = ? AND deleted = 0 "
                             "ORDER BY id LIMIT 2"));
    q.addBindValue(Bench::userId(raw, Bench::kReviewer));
    QStringList people;
    while (q.exec() && q.next() && people.size() < 2)
        people << q.value(0).toString();
    q = QSqlQuery();
    raw.close();
    QList<Id> tasks;
    const DatabaseLocation where = DatabaseLocation::parse(ctx.sqlite, error);
    for (int i = 0; i < people.size(); ++i) {
        auto session = Session::signIn(where, people.at(i), Generator::password());
        if (!session) {
            *error = session.message();
            return {};
        }
        ImportRequest request;
        request.pdf = scanPdf(i);
        request.name = QStringLiteral("Forklift Operator (scan %1)").arg(i);
        request.delivered = QDate::currentDate().addDays(-2);
        const auto outcome =
            session.value()->certificates().importCertificate(session.value()->userId(), request);
        if (!outcome || outcome->taskId == 0) {
            *error = outcome ? QStringLiteral("no task") : outcome.message();
            return {};
        }
        tasks << outcome->taskId;
    }
    if (tasks.size() < 2)
        *error = QStringLiteral("the busy reviewer has fewer than two people");
    return tasks;
}

bool waitForInk(PdfPreview *preview)
{
    QWidget *viewport = preview->view()->viewport();
    return Bench::waitForPaint(viewport, [viewport] { return Bench::showsInk(viewport); });
}

BenchRow p7(const BenchContext &ctx)
{
    BenchRow row{QStringLiteral("P7"),
                 QStringLiteral("a task selected to its PDF painted (2339x1654 scan)"),
                 QStringLiteral("pdftoppm of the page at the view's resolution")};
    row.goal = 1.0;
    QString error;
    const QList<Id> tasks = importScans(ctx, &error);
    if (tasks.size() < 2) {
        row.reason = QStringLiteral("could not import the scans: ") + error;
        return row;
    }
    const DatabaseLocation where = DatabaseLocation::parse(ctx.sqlite, &error);
    auto session = Session::signIn(where, Bench::kReviewer, Generator::password());
    if (!session) {
        row.reason = session.message();
        return row;
    }
    TaskView view(*session.value());
    view.resize(1280, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        row.reason = QStringLiteral("the task view was never exposed");
        return row;
    }
    int next = 0;
    bool painted = true;
    row.figure = medianMs(ctx.repeats, [&] {
        painted &= view.showTask(tasks.at(next++ % 2)) && waitForInk(view.pdfPreview());
    });
    if (!painted) {
        row.reason = QStringLiteral("the scan was never painted");
        row.figure = NAN;
        return row;
    }
    // pdftoppm renders the page as QPdfView does: zoom × the screen's dpi.
    const int dpi = qRound(view.pdfPreview()->effectiveZoom() * view.logicalDpiX());
    const QString pdf = QDir(ctx.workDir).filePath(QStringLiteral("scan.pdf"));
    QFile file(pdf);
    file.open(QIODevice::WriteOnly);
    file.write(scanPdf(0));
    file.close();
    const QString out = QDir(ctx.workDir).filePath(QStringLiteral("scan-page"));
    row.base = medianMs(ctx.repeats, [&] {
        Bench::runProcess(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                           QStringLiteral("1"), QStringLiteral("-r"), QString::number(dpi),
                           QStringLiteral("-png"), pdf, out},
                          &error);
    });
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    row.note = QStringLiteral("TaskView::showTask() as the list's selection calls it; %1 dpi, "
                              "PDF %2 KB")
                   .arg(dpi)
                   .arg(QFileInfo(pdf).size() / 1024);
    return row;
}

BenchRow p8(const BenchContext &ctx)
{
    BenchRow row{QStringLiteral("P8"),
                 QStringLiteral("VALIDATE key (Ctrl+Enter) to the next task's PDF painted"),
                 QString()};
    row.goal = 50;
    QString error;
    auto window = Bench::openWindow(ctx.sqlite, Bench::kReviewer, &error);
    if (!window || !window->showPage(QStringLiteral("notifications"))) {
        row.reason = QStringLiteral("could not open the review: ") + error;
        return row;
    }
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get())) {
        row.reason = QStringLiteral("the main window never became active");
        return row;
    }
    auto *page = window->findChild<NotificationsPage *>(QStringLiteral("notificationsPage"));
    page->openTask(0);
    auto *review = page->findChild<TaskListView *>();
    TaskView *view = review ? review->taskView() : nullptr;
    Session &session = window->session();
    QString failed = view ? QString() : QStringLiteral("no task view");
    row.figure = medianTimed(ctx.repeats, [&]() -> double {
        const QList<Id> ids = failed.isEmpty() ? review->taskIds() : QList<Id>();
        if (failed.isEmpty() && ids.size() < 2)
            failed = QStringLiteral("fewer than two open tasks");
        else if (failed.isEmpty() && !waitForInk(view->pdfPreview()))
            failed = QStringLiteral("the first task's PDF was never painted");
        if (!failed.isEmpty())
            return NAN;
        const auto nextTask = session.reviews().task(session.userId(), ids.at(1));
        // What a reviewer who reads the page first gets: the next PDF read ahead.
        if (!nextTask ||
            !Bench::waitUntil([&] { return view->isPreloaded(nextTask->certificate); })) {
            failed = QStringLiteral("the next task's PDF was never read ahead");
            return NAN;
        }
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        if (view->taskId() != ids.at(1))
            failed =
                QStringLiteral("Ctrl+Enter did not open the next task (focus on %1)")
                    .arg(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                     : QStringLiteral("nothing"));
        else if (!waitForInk(view->pdfPreview()))
            failed = QStringLiteral("the next task's PDF was never painted");
        return double(timer.nsecsElapsed()) / 1e6;
    });
    if (!failed.isEmpty()) {
        row.reason = failed;
        row.figure = NAN;
    }
    return row;
}
} // namespace

QList<BenchRow> benchReview(const BenchContext &ctx)
{
    return {p7(ctx), p8(ctx)};
}
