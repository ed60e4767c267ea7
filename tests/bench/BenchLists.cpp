// P1, P3, P4 and C1: the first screen of a list in the real window (the
// page's reload() until its view has painted the rows) against the same
// rows read by raw keyset SQL on a connection of its own.
#include "BenchContext.h"
#include "itemmodels/CertificateListModel.h"
#include "itemmodels/UserListModel.h"
#include "notifications/NotificationsPage.h"
#include "review/TaskListView.h"
#include "shell/Page.h"

#include <QAbstractItemView>
#include <QListWidget>
#include <QTableView>

namespace {
constexpr int kScreen = 50; // rows on a first screen

// A page's first screen: reload() until view has painted at least
// min(kScreen, rows there are) rows. NaN when it never painted.
double firstScreen(const BenchContext &ctx, const std::function<void()> &reload,
                   QAbstractItemView *view, int expected)
{
    bool painted = true;
    const double ms = medianMs(ctx.repeats, [&] {
        reload();
        painted &= Bench::waitForPaint(view->viewport(),
                                       [&] { return view->model()->rowCount() >= expected; });
    });
    return painted ? ms : NAN;
}

// What a repaint of the same view costs without reading anything: the part
// of a first screen that no query can make shorter.
double repaintMs(const BenchContext &ctx, QAbstractItemView *view)
{
    return medianMs(ctx.repeats, [view] {
        view->viewport()->update();
        Bench::waitForPaint(view->viewport(), [] { return true; });
    });
}

double rawMs(const BenchContext &ctx, const QSqlDatabase &db, const QStringList &statements,
             const QVariantList &values, QString *error)
{
    return medianMs(ctx.repeats, [&] {
        for (const QString &sql : statements)
            Bench::readAll(db, sql, values, error);
    });
}

BenchRow p1(const BenchContext &ctx, const QSqlDatabase &raw)
{
    BenchRow row{QStringLiteral("P1"),
                 QStringLiteral("Results first screen, %1, SQLite").arg(Bench::kHeavy),
                 QStringLiteral("raw keyset SQL")};
    row.goal = 1.5;
    QString error;
    auto window = Bench::openWindow(ctx.sqlite, Bench::kHeavy, &error);
    if (!window || !window->showPage(QStringLiteral("results"))) {
        row.reason = QStringLiteral("could not open the Results page: ") + error;
        return row;
    }
    auto *page = window->findChild<Page *>(QStringLiteral("resultsPage"));
    auto *view = window->findChild<QTableView *>(QStringLiteral("certificatesTable"));
    auto *model = view ? qobject_cast<CertificateListModel *>(view->model()) : nullptr;
    if (!page || !model) {
        row.reason = QStringLiteral("the Results page has no certificatesTable");
        return row;
    }
    const qint64 owner = Bench::userId(raw, Bench::kHeavy);
    row.figure = firstScreen(
        ctx, [page] { page->reload(); }, view, kScreen);
    const double modelMs = medianMs(ctx.repeats, [model] { model->reload(); });
    row.base = rawMs(ctx, raw,
                     {QStringLiteral("SELECT c.id, c.kind, c.name, c.delivered_on, c.expires_on, "
                                     "c.credits, c.status, t.name FROM certificates c LEFT JOIN "
                                     "certificate_templates t ON t.id = c.template_id WHERE "
                                     "c.owner_id = ? ORDER BY c.delivered_on DESC, c.id DESC "
                                     "LIMIT 50")},
                     {owner}, &error);
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    Session &session = window->session();
    const double countsMs = medianMs(
        ctx.repeats, [&session, owner] { session.certificates().counts(session.userId(), owner); });
    row.note = QStringLiteral("the model's reload() alone: %1 ms (page size %2); a repaint of "
                              "the same view without reading: %3 ms; the status chips' counts "
                              "(%4 ms) are read off the window's thread, after the rows")
                   .arg(modelMs, 0, 'f', 2)
                   .arg(model->pageSize())
                   .arg(repaintMs(ctx, view), 0, 'f', 2)
                   .arg(countsMs, 0, 'f', 2);
    return row;
}

BenchRow p3(const BenchContext &ctx, const QSqlDatabase &raw)
{
    BenchRow row{QStringLiteral("P3"),
                 QStringLiteral("review list first screen, %1").arg(Bench::kReviewer),
                 QStringLiteral("raw keyset SQL")};
    row.goal = 1.5;
    QString error;
    auto window = Bench::openWindow(ctx.sqlite, Bench::kReviewer, &error);
    if (!window || !window->showPage(QStringLiteral("notifications"))) {
        row.reason = QStringLiteral("could not open the Notifications page: ") + error;
        return row;
    }
    auto *page = window->findChild<NotificationsPage *>(QStringLiteral("notificationsPage"));
    page->openTask(0);
    auto *review = page->findChild<TaskListView *>();
    auto *list = review ? review->findChild<QListWidget *>(QStringLiteral("taskList")) : nullptr;
    if (!list) {
        row.reason = QStringLiteral("the review has no taskList");
        return row;
    }
    const qint64 reviewer = Bench::userId(raw, Bench::kReviewer);
    row.figure = firstScreen(
        ctx, [review] { review->reload(); }, list, 1);
    row.base = rawMs(
        ctx, raw,
        {QStringLiteral("SELECT t.id, t.created_at, c.id, c.name, u.name FROM validation_tasks t "
                        "JOIN certificates c ON c.id = t.certificate_id JOIN users u ON u.id = "
                        "c.owner_id WHERE t.state = 'open' AND EXISTS (SELECT 1 FROM "
                        "task_reviewers r WHERE r.task_id = t.id AND r.reviewer_id = ?) "
                        "ORDER BY t.id LIMIT 50")},
        {reviewer}, &error);
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    row.note = QStringLiteral("%1 tasks listed by the page (the first page; the number of all "
                              "open tasks is counted off the window's thread); a repaint of "
                              "the same list without reading: %2 ms")
                   .arg(list->count())
                   .arg(repaintMs(ctx, list), 0, 'f', 2);
    return row;
}

// The Users page of the platform admin; also the reference of C1.
BenchRow p4(const BenchContext &ctx, const QSqlDatabase &raw, MainWindow *window)
{
    BenchRow row{
        QStringLiteral("P4"),
        QStringLiteral("Users page first screen with status counts, %1").arg(Bench::kAdmin),
        QStringLiteral("raw keyset SQL")};
    row.goal = 1.5;
    if (!window->showPage(QStringLiteral("users"))) {
        row.reason = QStringLiteral("no Users page");
        return row;
    }
    auto *page = window->findChild<Page *>(QStringLiteral("usersPage"));
    auto *view = window->findChild<QTableView *>(QStringLiteral("usersTable"));
    if (!page || !view) {
        row.reason = QStringLiteral("the Users page has no usersTable");
        return row;
    }
    row.figure = firstScreen(
        ctx, [page] { page->reload(); }, view, kScreen);
    if (auto *model = qobject_cast<UserListModel *>(view->model())) {
        const double modelMs = medianMs(ctx.repeats, [model] { model->reload(); });
        row.note = QStringLiteral("the model's reload() alone: %1 ms (page size %2)")
                       .arg(modelMs, 0, 'f', 2)
                       .arg(model->pageSize());
    }
    // The page's rows: the people by name, their groups, their certificates
    // counted by status, 50 at a time.
    const QString first = QStringLiteral(
        "SELECT u.id, u.email, u.name, u.manager_id, u.deleted, u.language, mg.name, "
        "lower(u.name) FROM users u LEFT JOIN users mg ON mg.id = u.manager_id WHERE u.deleted = "
        "0 ORDER BY lower(u.name), u.id LIMIT 50");
    const QString ids =
        QStringLiteral("(SELECT u.id FROM users u WHERE u.deleted = 0 ORDER BY lower(u.name), "
                       "u.id LIMIT 50)");
    QString error;
    row.base = rawMs(ctx, raw,
                     {first,
                      QStringLiteral("SELECT m.user_id, g.id, g.name, m.role FROM memberships m "
                                     "JOIN groups g ON g.id = m.group_id WHERE m.user_id IN ") +
                          ids,
                      QStringLiteral("SELECT owner_id, status, count(*) FROM certificates WHERE "
                                     "owner_id IN ") +
                          ids + QStringLiteral(" GROUP BY owner_id, status")},
                     {}, &error);
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    return row;
}

BenchRow c1(const BenchContext &ctx, MainWindow *window, const BenchRow &users)
{
    BenchRow row{QStringLiteral("C1"),
                 QStringLiteral("Compliance page first screen, %1").arg(Bench::kAdmin),
                 QStringLiteral("P4, the Users page first screen")};
    row.goal = 1.5;
    row.base = users.figure;
    if (!window->showPage(QStringLiteral("compliance"))) {
        row.reason = QStringLiteral("no Compliance page");
        return row;
    }
    auto *page = window->findChild<Page *>(QStringLiteral("compliancePage"));
    auto *view = window->findChild<QTableView *>(QStringLiteral("complianceTable"));
    if (!page || !view) {
        row.reason = QStringLiteral("the Compliance page has no complianceTable");
        return row;
    }
    row.figure = firstScreen(
        ctx, [page] { page->reload(); }, view, kScreen);
    return row;
}
} // namespace

QList<BenchRow> benchLists(const BenchContext &ctx)
{
    QString error;
    QSqlDatabase raw = Bench::rawConnection(QStringLiteral("bench-lists"), ctx.sqlite, &error);
    QList<BenchRow> rows;
    rows << p1(ctx, raw) << p3(ctx, raw);
    auto admin = Bench::openWindow(ctx.sqlite, Bench::kAdmin, &error);
    if (admin) {
        rows << p4(ctx, raw, admin.get());
        rows << c1(ctx, admin.get(), rows.constLast());
    } else {
        for (const char *id : {"P4", "C1"}) {
            BenchRow row{QString::fromLatin1(id), QStringLiteral("first screen of the admin")};
            row.reason = QStringLiteral("the platform admin could not sign in: ") + error;
            rows << row;
        }
    }
    raw.close();
    return rows;
}
