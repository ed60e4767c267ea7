// certdesk-bench: CertDesk measured at organisation scale (README
// "Performance"). Each row is a figure, its baseline measured in the same
// run on the same data, their ratio and the goal; a row that cannot be
// measured says why. scripts/bench.sh generates the data once and runs it;
// --quick generates a small organisation itself and only checks that every
// row still produces a figure (the test suite runs it; no time is asserted).
#include "BenchContext.h"
#include "services/Generator.h"
#include "shell/AppController.h"
#include "storage/DatabaseLocation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

namespace {
// --quick's organisation, generated into the work directory.
bool generateQuick(BenchContext &ctx)
{
    ctx.sqlite = QDir(ctx.workDir).filePath(QStringLiteral("quick.sqlite"));
    QString error;
    const DatabaseLocation where = DatabaseLocation::parse(ctx.sqlite, &error);
    auto db = Database::open(where);
    if (!db) {
        std::fprintf(stderr, "certdesk-bench: %s\n", qPrintable(db.message()));
        return false;
    }
    GeneratorOptions generate{300, 5000, 300, Generator::DefaultSeed};
    const auto report = Generator::run(*db.value(), generate, {});
    if (!report) {
        std::fprintf(stderr, "certdesk-bench: generate: %s\n", qPrintable(report.message()));
        return false;
    }
    ctx.data = QStringLiteral("300/5000/300");
    return true;
}

// The generated file, copied: the rows that write (P5, P7, P8) leave the
// cache as it was.
bool copyDatabase(BenchContext &ctx, const QString &cached)
{
    ctx.sqlite = QDir(ctx.workDir).filePath(QStringLiteral("work.sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (QFile::exists(cached + suffix) && !QFile::copy(cached + suffix, ctx.sqlite + suffix)) {
            std::fprintf(stderr, "certdesk-bench: cannot copy %s\n", qPrintable(cached + suffix));
            return false;
        }
    }
    return true;
}

QList<BenchRow> runRows(const BenchContext &ctx, const QRegularExpression &only)
{
    const QList<std::pair<QString, std::function<QList<BenchRow>(const BenchContext &)>>> groups{
        {QStringLiteral("P2"), benchServer},
        {QStringLiteral("P1 P3 P4 C1"), benchLists},
        {QStringLiteral("P5 P10"), benchWrites},
        {QStringLiteral("P6 P9"), benchStartup},
        {QStringLiteral("P7 P8"), benchReview}};
    QList<BenchRow> rows;
    for (const auto &[ids, run] : groups) {
        if (!only.match(ids).hasMatch())
            continue;
        std::fprintf(stderr, "certdesk-bench: measuring %s\n", qPrintable(ids));
        QElapsedTimer timer;
        timer.start();
        rows += run(ctx);
        std::fprintf(stderr, "certdesk-bench: %s took %.1f s\n", qPrintable(ids),
                     double(timer.elapsed()) / 1000.0);
    }
    return rows;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never the user's settings
    AppController::configureApplication(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CertDesk measured at scale (README "
                                                    "\"Performance\")."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("Small generated data, one run per row: checks "
                                                  "that every row works, times mean nothing."));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The generated SQLite file."),
                                QStringLiteral("FILE"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("What --db holds: people/certificates/pending."),
                                  QStringLiteral("P/C/K"));
    const QCommandLineOption pg(QStringLiteral("pg"),
                                QStringLiteral("A generated server prepared by setup: its "
                                               "superuser's postgresql:// URL."),
                                QStringLiteral("URL"));
    const QCommandLineOption pgPrefix(QStringLiteral("pg-prefix"),
                                      QStringLiteral("The login prefix given to setup."),
                                      QStringLiteral("PREFIX"));
    const QCommandLineOption pgData(QStringLiteral("pg-data"),
                                    QStringLiteral("What --pg holds: people/certificates/pending."),
                                    QStringLiteral("P/C/K"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Where to write the table as JSON (default: "
                                                 "bench.json next to --db, else here)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption repeats(QStringLiteral("repeats"),
                                     QStringLiteral("Runs per figure after the warm-up (default "
                                                    "5; --quick 1)."),
                                     QStringLiteral("N"));
    const QCommandLineOption rows(QStringLiteral("rows"),
                                  QStringLiteral("Only the groups of rows matching REGEX."),
                                  QStringLiteral("REGEX"));
    QCommandLineOption bare(QStringLiteral("bare-window"));
    QCommandLineOption resident(QStringLiteral("resident"), QString(), QStringLiteral("FILE"));
    bare.setFlags(QCommandLineOption::HiddenFromHelp);
    resident.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({quick, db, data, pg, pgPrefix, pgData, json, repeats, rows, bare, resident});
    parser.process(app);
    // The child processes of P6 and P9.
    if (parser.isSet(bare))
        return bareWindowChild();
    if (parser.isSet(resident))
        return residentChild(parser.value(resident));

    QTemporaryDir work;
    BenchContext ctx;
    ctx.workDir = work.path();
    ctx.self = QCoreApplication::applicationFilePath();
    ctx.quick = parser.isSet(quick);
    ctx.repeats =
        parser.isSet(repeats) ? qMax(1, parser.value(repeats).toInt()) : (ctx.quick ? 1 : 5);
    ctx.pgAdmin = parser.value(pg);
    ctx.pgPrefix = parser.value(pgPrefix);
    ctx.pgData = parser.value(pgData);
    if (parser.isSet(db)) {
        ctx.data = parser.value(data);
        if (!copyDatabase(ctx, parser.value(db)))
            return 1;
    } else if (!ctx.quick) {
        std::fprintf(stderr, "certdesk-bench: --db FILE or --quick (see --help)\n");
        return 2;
    } else if (!generateQuick(ctx)) {
        return 1;
    }
    const QRegularExpression only(parser.isSet(rows) ? parser.value(rows) : QStringLiteral("."));
    const QList<BenchRow> table = runRows(ctx, only);

    const QString machine = machineDescription();
    std::printf("certdesk-bench on %s; data %s (SQLite)%s; median of %d runs after a warm-up\n\n%s",
                qPrintable(machine), qPrintable(ctx.data),
                qPrintable(ctx.pgData.isEmpty()
                               ? QString()
                               : QStringLiteral(", %1 (PostgreSQL)").arg(ctx.pgData)),
                ctx.repeats, qPrintable(formatTable(table)));
    const QString jsonPath =
        parser.isSet(json) ? parser.value(json)
        : parser.isSet(db)
            ? QFileInfo(parser.value(db)).dir().filePath(QStringLiteral("bench.json"))
            : QStringLiteral("bench.json");
    QString error;
    if (!writeJson(table, jsonPath, machine, &error)) {
        std::fprintf(stderr, "certdesk-bench: %s: %s\n", qPrintable(jsonPath), qPrintable(error));
        return 1;
    }
    std::printf("\nWritten to %s\n", qPrintable(jsonPath));
    // Every row a figure or a reason; --quick: a figure for every row that
    // does not need a server it was not given (the rows keep working).
    int broken = 0;
    for (const BenchRow &row : table) {
        const bool needsServer = row.id.startsWith(QLatin1String("P2")) && ctx.pgAdmin.isEmpty();
        if ((!row.measured() && row.reason.isEmpty()) ||
            (ctx.quick && !row.measured() && !needsServer)) {
            std::fprintf(stderr, "certdesk-bench: %s produced no figure: %s\n", qPrintable(row.id),
                         qPrintable(row.reason));
            ++broken;
        }
    }
    return broken ? 1 : 0;
}
