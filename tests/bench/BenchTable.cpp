#include "BenchTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>

#include <algorithm>

bool BenchRow::meets() const
{
    if (!measured())
        return false;
    return baseline.isEmpty() ? figure <= goal : ratio() <= goal;
}

QString BenchRow::goalText() const
{
    if (std::isnan(goal))
        return QStringLiteral("-");
    return baseline.isEmpty() ? QStringLiteral("<= %1 %2").arg(goal).arg(unit)
                              : QStringLiteral("<= %1x").arg(goal);
}

QString BenchRow::verdict() const
{
    if (!measured())
        return QStringLiteral("not measured");
    return meets() ? QStringLiteral("meets") : QStringLiteral("misses");
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return NAN;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

double medianMs(int repeats, const std::function<void()> &action)
{
    action(); // warm-up: caches, prepared statements, fonts
    QList<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        action();
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    return median(times);
}

double medianTimed(int repeats, const std::function<double()> &action)
{
    action();
    QList<double> times;
    for (int i = 0; i < repeats; ++i)
        times << action();
    return median(times);
}

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return NAN;
    const QString text = QString::fromLatin1(status.readAll());
    const auto match = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+) kB")).match(text);
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : NAN;
}

namespace {
QString number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    return QString::number(value, 'f', value >= 100 ? 0 : (value >= 10 ? 1 : 2));
}

QString cell(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '));
}
} // namespace

QString formatTable(const QList<BenchRow> &rows)
{
    QString out = QStringLiteral("| # | measure | figure | baseline | ratio | goal | result |\n"
                                 "|---|---|---|---|---|---|---|\n");
    QString notes;
    for (const BenchRow &r : rows) {
        const QString figure = r.measured() ? number(r.figure) + QLatin1Char(' ') + r.unit
                                            : QStringLiteral("not measured");
        const QString base =
            r.baseline.isEmpty()
                ? QStringLiteral("-")
                : QStringLiteral("%1 %2 (%3)").arg(number(r.base), r.unit, r.baseline);
        const QString ratio =
            std::isnan(r.ratio()) ? QStringLiteral("-") : number(r.ratio()) + QLatin1Char('x');
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(cell(r.id, 3), r.what, figure, base, ratio, r.goalText(), r.verdict());
        if (!r.measured() || !r.note.isEmpty())
            notes += QStringLiteral("- %1: %2\n").arg(r.id, r.measured() ? r.note : r.reason);
    }
    return notes.isEmpty() ? out : out + QLatin1Char('\n') + notes;
}

bool writeJson(const QList<BenchRow> &rows, const QString &path, const QString &machine,
               QString *error)
{
    QJsonArray array;
    for (const BenchRow &r : rows) {
        QJsonObject o{{QStringLiteral("id"), r.id},
                      {QStringLiteral("what"), r.what},
                      {QStringLiteral("unit"), r.unit},
                      {QStringLiteral("result"), r.verdict()},
                      {QStringLiteral("goal"), r.goalText()}};
        if (r.measured()) {
            o.insert(QStringLiteral("figure"), r.figure);
            o.insert(QStringLiteral("note"), r.note);
        } else {
            o.insert(QStringLiteral("reason"), r.reason);
        }
        if (!r.baseline.isEmpty()) {
            o.insert(QStringLiteral("baseline_what"), r.baseline);
            if (!std::isnan(r.base))
                o.insert(QStringLiteral("baseline"), r.base);
            if (!std::isnan(r.ratio()))
                o.insert(QStringLiteral("ratio"), r.ratio());
        }
        array.append(o);
    }
    const QJsonObject root{{QStringLiteral("machine"), machine}, {QStringLiteral("rows"), array}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0 ||
        !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString machineDescription()
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        const auto match = QRegularExpression(QStringLiteral("model name\\s*:\\s*([^\\n]+)"))
                               .match(QString::fromLatin1(info.readAll()));
        cpu = match.hasMatch() ? match.captured(1).trimmed() : QString();
    }
    double ramGb = NAN;
    QFile mem(QStringLiteral("/proc/meminfo"));
    if (mem.open(QIODevice::ReadOnly)) {
        const auto match = QRegularExpression(QStringLiteral("MemTotal:\\s+(\\d+) kB"))
                               .match(QString::fromLatin1(mem.readAll()));
        ramGb = match.hasMatch() ? match.captured(1).toDouble() / 1024.0 / 1024.0 : NAN;
    }
    return QStringLiteral("%1 cores (nproc), %2, %3 GB RAM")
        .arg(QThread::idealThreadCount())
        .arg(cpu.isEmpty() ? QStringLiteral("unknown CPU") : cpu)
        .arg(ramGb, 0, 'f', 1);
}
