#include "widgets/CsvExportRun.h"

#include "services/CsvExport.h"
#include "widgets/FileDialog.h"

#include <QLocale>
#include <QPointer>
#include <QProgressDialog>
#include <QSaveFile>

std::function<void(QProgressDialog *)> CsvExportRun::s_observer;

void CsvExportRun::setStepObserver(std::function<void(QProgressDialog *)> observer)
{
    s_observer = std::move(observer);
}

QString CsvExportRun::askFile(QWidget *parent, const QString &suggestedName)
{
    return FileDialog::getSaveFileName(parent, tr("Export CSV"), suggestedName,
                                       tr("CSV files (*.csv)"), QStringLiteral("export"));
}

bool CsvExportRun::write(QWidget *parent, const QString &path, const Start &start, QString *error)
{
    error->clear();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2.").arg(path, file.errorString());
        return false;
    }
    auto job = start(&file);
    if (!job) {
        *error = job.message();
        return false;
    }
    const qint64 total = job.value()->total();
    QPointer<QWidget> owner(parent);
    QPointer<QProgressDialog> progress = new QProgressDialog(
        tr("Exporting…"), tr("Cancel"), 0, int(qBound(qint64(0), total, qint64(INT_MAX))), parent);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export CSV"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    const auto close = [&progress] {
        if (progress)
            progress->close();
    };
    // One page per turn of the event loop: the window repaints and Cancel
    // answers between pages.
    while (!job.value()->finished()) {
        if (!owner || !progress || progress->wasCanceled()) {
            close();
            return false; // QSaveFile: nothing was written over the file
        }
        if (Status step = job.value()->step(); !step) {
            *error = step.message();
            close();
            return false;
        }
        const QLocale locale;
        if (total >= 0) {
            progress->setValue(int(qMin<qint64>(job.value()->done(), progress->maximum())));
            progress->setLabelText(
                tr("Exported %1 of %2…")
                    .arg(locale.toString(job.value()->done()), locale.toString(total)));
        } else {
            progress->setLabelText(tr("Exported %1…").arg(locale.toString(job.value()->done())));
        }
        if (s_observer)
            s_observer(progress);
        QCoreApplication::processEvents();
    }
    close();
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}
