// P2: the Results list's first screen on a server prepared by setup, as the
// heavy holder's own login (through cd_api and the server's rules), against
// the same rows by raw SQL as the database's owner role; and what opening it
// adds to the resident memory.
#include "BenchContext.h"
#include "itemmodels/CertificateListModel.h"
#include "services/ServerSetup.h"
#include "shell/Page.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QUrl>

namespace {
BenchRow notMeasured(const BenchRow &measuring, const QString &reason)
{
    BenchRow row = measuring;
    row.figure = NAN;
    row.reason = reason;
    return row;
}
} // namespace

QList<BenchRow> benchServer(const BenchContext &ctx)
{
    const QString what = QStringLiteral("Results first screen, %1's own login, prepared PostgreSQL")
                             .arg(Bench::kHeavy);
    const QString growth = QStringLiteral("RSS growth opening that Results page");
    BenchRow row{QStringLiteral("P2"), what, QStringLiteral("raw keyset SQL as the owner role")};
    row.goal = 1.5;
    row.note = QStringLiteral("server data: %1 people/certificates/pending").arg(ctx.pgData);
    BenchRow memory{QStringLiteral("P2m"), growth};
    memory.unit = QStringLiteral("MB");
    memory.goal = 20;
    if (ctx.pgAdmin.isEmpty()) {
        const QString reason = QStringLiteral("no prepared server (--pg not given; "
                                              "scripts/bench.sh prepares one)");
        return {notMeasured(row, reason), notMeasured(memory, reason)};
    }
    QString error;
    QUrl people(ctx.pgAdmin);
    people.setUserName(QString());
    people.setPassword(QString());
    const double before = residentMb();
    auto window = Bench::openWindow(people.toString(), ctx.pgPrefix + Bench::kHeavy, &error);
    if (!window || !window->showPage(QStringLiteral("results"))) {
        const QString reason = QStringLiteral("could not open the Results page: ") + error;
        return {notMeasured(row, reason), notMeasured(memory, reason)};
    }
    auto *page = window->findChild<Page *>(QStringLiteral("resultsPage"));
    auto *view = window->findChild<QTableView *>(QStringLiteral("certificatesTable"));
    const int expected = 50;
    Bench::waitUntil([&] { return view->model()->rowCount() >= expected; });
    QCoreApplication::processEvents(); // the rows painted
    memory.figure = residentMb() - before;
    memory.note = QStringLiteral("sign-in, main window and the first page, after %1 MB")
                      .arg(before, 0, 'f', 0);
    bool painted = true;
    row.figure = medianMs(ctx.repeats, [&] {
        page->reload();
        painted &= Bench::waitForPaint(view->viewport(),
                                       [&] { return view->model()->rowCount() >= expected; });
    });
    if (!painted) {
        row.reason = QStringLiteral("the first screen was never painted");
        row.figure = NAN;
    }
    if (auto *model = qobject_cast<CertificateListModel *>(view->model())) {
        const double modelMs = medianMs(ctx.repeats, [model] { model->reload(); });
        Session &session = window->session();
        const Id owner = session.userId();
        const double countsMs = medianMs(
            ctx.repeats, [&session, owner] { session.certificates().counts(owner, owner); });
        row.note += QStringLiteral("; the model's reload() alone: %1 ms; the status chips' "
                                   "counts (read off the window's thread, after the rows): %2 ms")
                        .arg(modelMs, 0, 'f', 2)
                        .arg(countsMs, 0, 'f', 2);
    }
    QSqlDatabase raw = Bench::rawConnection(QStringLiteral("bench-server"), ctx.pgAdmin, &error);
    const QString owner = ServerSetup::rolesFor(raw.databaseName()).owner;
    const qint64 heavy = Bench::userId(raw, Bench::kHeavy);
    QSqlQuery setRole(raw);
    if (!setRole.exec(QStringLiteral("SET ROLE ") + owner)) {
        row.reason = QStringLiteral("SET ROLE %1: %2").arg(owner, setRole.lastError().text());
        row.figure = NAN;
        return {row, memory};
    }
    row.base = medianMs(ctx.repeats, [&] {
        Bench::readAll(raw,
                       QStringLiteral("SELECT c.id, c.kind, c.name, c.delivered_on, c.expires_on, "
                                      "c.credits, c.status, t.name FROM certificates c LEFT JOIN "
                                      "certificate_templates t ON t.id = c.template_id WHERE "
                                      "c.owner_id = ? ORDER BY c.delivered_on DESC, c.id DESC "
                                      "LIMIT 50"),
                       {heavy}, &error);
    });
    if (!error.isEmpty()) {
        row.reason = error;
        row.base = NAN;
    }
    raw.close();
    return {row, memory};
}
