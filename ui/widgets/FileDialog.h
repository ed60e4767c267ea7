#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

// The native "open file" dialog behind a seam (as KeePassXC's FileDialog):
// a test says what the next dialog answers with setNextFileName(), so that no
// test ever blocks on a window nobody can click. Remembers the last folder per
// purpose (QSettings), so that the next import starts where the last one was.
class FileDialog
{
    Q_DECLARE_TR_FUNCTIONS(FileDialog)

public:
    // The chosen file, or an empty string when the user cancelled. purpose
    // names the remembered folder ("import").
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &filter,
                                   const QString &purpose);

    // The file to write, or an empty string when the user cancelled; the
    // dialog starts in the remembered folder with suggestedName.
    static QString getSaveFileName(QWidget *parent, const QString &caption,
                                   const QString &suggestedName, const QString &filter,
                                   const QString &purpose);

    // A folder, or an empty string when the user cancelled; the dialog starts
    // at current when it is a folder, else in the remembered one.
    static QString getExistingDirectory(QWidget *parent, const QString &caption,
                                        const QString &current, const QString &purpose);

    // Tests: the next getOpenFileName(), getSaveFileName() or
    // getExistingDirectory() returns path at once, without showing
    // a dialog (an empty path: as if the user cancelled). One answer, used once.
    static void setNextFileName(const QString &path);
    static void clearNextFileName();
    // How many times getOpenFileName() was asked (tests check the button asks).
    static int requestCount();

private:
    // The test's next answer when one is set, else the dialog's; counted.
    static QString answer(const std::function<QString()> &dialog);

    static std::optional<QString> s_nextFileName;
    static int s_requestCount;
};
