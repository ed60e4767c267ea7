#pragma once

// What every row of certdesk-bench works on: the generated data (a private
// copy of the SQLite file, so that rows that write leave the cache as it
// was), the prepared server, how many runs make a median, and the helpers
// the rows share.
#include "BenchTable.h"
#include "core/Result.h"
#include "shell/MainWindow.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

struct BenchContext
{
    QString sqlite;   // the work copy of the generated SQLite database
    QString pgAdmin;  // a server prepared by setup and generated: its superuser URL
    QString pgPrefix; // the prefix of the people's logins on it (setup --login-prefix)
    QString pgData;   // "people/certificates/pending" generated on the server
    QString data;     // "people/certificates/pending" generated in the SQLite file
    QString workDir;  // scratch files (PDFs, CSV, a HOME for child processes)
    QString self;     // this program, for the rows measured in a process of their own
    int repeats = 5;
    bool quick = false;
};

namespace Bench {

inline const QString kHeavy = QStringLiteral("heavy.holder@gen.example");
inline const QString kReviewer = QStringLiteral("busy.reviewer@gen.example");
inline const QString kAdmin = QStringLiteral("admin@gen.example");

// A main window signed in as email (password Generator::password()), shown
// at 1280×800 and exposed; null with *error set when the sign-in failed.
std::unique_ptr<MainWindow> openWindow(const QString &location, const QString &email,
                                       QString *error);

// Runs the event loop until widget paints (a paint event after this call)
// while ready() holds; false after timeoutMs.
bool waitForPaint(QWidget *widget, const std::function<bool()> &ready, int timeoutMs = 60000);

// Runs the event loop until ready() holds; false after timeoutMs.
bool waitUntil(const std::function<bool()> &ready, int timeoutMs = 10000);

// Whether the viewport shows a rendered page: enough dark pixels (a PDF
// page that is still white while it renders shows none).
bool showsInk(QWidget *viewport);

// A connection of its own (the baseline's) to the SQLite file or URL.
QSqlDatabase rawConnection(const QString &name, const QString &location, QString *error);
// Runs sql with values and reads every column of every row; the rows read,
// -1 on an error (then *error).
int readAll(const QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error);
// The id of the person with this email, 0 when missing.
qint64 userId(const QSqlDatabase &db, const QString &email);

// Runs program with arguments to its end; the wall-clock time in ms, NaN on
// a failure (then *error says why).
double runProcess(const QString &program, const QStringList &arguments, QString *error,
                  const QString &outputFile = QString());

} // namespace Bench

// The rows, each in its own file: P1, P3, P4 and C1 (BenchLists.cpp), P2
// (BenchServer.cpp), P5 and P10 (BenchWrites.cpp), P6 and P9
// (BenchStartup.cpp), P7 and P8 (BenchReview.cpp).
QList<BenchRow> benchLists(const BenchContext &ctx);
QList<BenchRow> benchServer(const BenchContext &ctx);
QList<BenchRow> benchWrites(const BenchContext &ctx);
QList<BenchRow> benchStartup(const BenchContext &ctx);
QList<BenchRow> benchReview(const BenchContext &ctx);

// The child processes of P6 and P9 (this program run again with a flag).
int bareWindowChild();
int residentChild(const QString &sqlite);
