#pragma once

#include "core/Result.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

class CsvExport;
class QIODevice;
class QProgressDialog;
class QWidget;

// Export CSV… as every list runs it (README "CSV export"): asks for the file
// (FileDialog, remembered folder), then writes the export a page per turn of
// the event loop under a window-modal progress dialog with Cancel, into a
// QSaveFile, so that the window stays responsive and a cancelled or failed
// export leaves an existing file as it was.
class CsvExportRun
{
    Q_DECLARE_TR_FUNCTIONS(CsvExportRun)

public:
    using Start = std::function<Result<std::unique_ptr<CsvExport>>(QIODevice *out)>;

    // The file to write (empty: the person cancelled).
    static QString askFile(QWidget *parent, const QString &suggestedName);
    // Writes the export start() begins to path. Returns whether the file was
    // written whole; *error says why not (empty when cancelled).
    static bool write(QWidget *parent, const QString &path, const Start &start, QString *error);

    // Tests: called with the progress dialog after each page (a screenshot,
    // a click on Cancel); an empty function: none.
    static void setStepObserver(std::function<void(QProgressDialog *)> observer);

private:
    static std::function<void(QProgressDialog *)> s_observer;
};
