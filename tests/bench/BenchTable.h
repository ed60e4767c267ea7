#pragma once

// certdesk-bench's rows and how they are measured and reported (README
// "Performance"): a figure, its baseline measured in the same run on the
// same data, their ratio and the goal, or the reason a row was not measured.
#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <cmath>
#include <functional>
#include <utility>

struct BenchRow
{
    BenchRow(QString rowId, QString rowWhat, QString rowBaseline = QString())
        : id(std::move(rowId)), what(std::move(rowWhat)), baseline(std::move(rowBaseline))
    {}
    QString id;       // "P1"
    QString what;     // what the figure measures
    QString baseline; // what the baseline measures (empty: an absolute goal)
    QString unit = QStringLiteral("ms");
    double figure = NAN;
    double base = NAN;
    double goal = NAN; // a ratio (baseline non-empty) or a figure in unit
    QString reason;    // why not measured (figure NaN)
    QString note;      // what the figure is made of, what the data was
    bool measured() const
    {
        return !std::isnan(figure) && (baseline.isEmpty() || !std::isnan(base));
    }
    double ratio() const { return baseline.isEmpty() || base <= 0 ? NAN : figure / base; }
    bool meets() const;
    QString goalText() const;
    QString verdict() const; // "meets", "misses", "not measured"
};

// Times an action: one warm-up run, then repeats runs; the median in ms
// (shared, noisy machines: never one run, never the mean).
double medianMs(int repeats, const std::function<void()> &action);
double median(QList<double> values);
// The same for an action that times itself (returns ms; NaN: failed).
double medianTimed(int repeats, const std::function<double()> &action);

// The resident set size of this process (VmRSS), in MB.
double residentMb();

// The table as text (one line a row, notes below) and as JSON.
QString formatTable(const QList<BenchRow> &rows);
bool writeJson(const QList<BenchRow> &rows, const QString &path, const QString &machine,
               QString *error);
// nproc, the CPU model and the RAM of this machine, in one line.
QString machineDescription();
