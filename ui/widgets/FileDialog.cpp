#include "widgets/FileDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

std::optional<QString> FileDialog::s_nextFileName;
int FileDialog::s_requestCount = 0;

namespace {
QString folderKey(const QString &purpose)
{
    return QStringLiteral("fileDialog/%1Folder").arg(purpose);
}

QString startFolder(const QString &purpose)
{
    QString remembered = QSettings().value(folderKey(purpose)).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}
} // namespace

QString FileDialog::answer(const std::function<QString()> &dialog)
{
    ++s_requestCount;
    if (!s_nextFileName)
        return dialog();
    QString path = *s_nextFileName;
    s_nextFileName.reset();
    return path;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &filter,
                                    const QString &purpose)
{
    QString path = answer([&] {
        return QFileDialog::getOpenFileName(parent, caption, startFolder(purpose), filter);
    });
    if (!path.isEmpty())
        QSettings().setValue(folderKey(purpose), QFileInfo(path).absolutePath());
    return path;
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption,
                                    const QString &suggestedName, const QString &filter,
                                    const QString &purpose)
{
    QString path = answer([&] {
        return QFileDialog::getSaveFileName(
            parent, caption, QDir(startFolder(purpose)).filePath(suggestedName), filter);
    });
    if (!path.isEmpty())
        QSettings().setValue(folderKey(purpose), QFileInfo(path).absolutePath());
    return path;
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption,
                                         const QString &current, const QString &purpose)
{
    QString path = answer([&] {
        return QFileDialog::getExistingDirectory(
            parent, caption, QFileInfo(current).isDir() ? current : startFolder(purpose));
    });
    if (!path.isEmpty())
        QSettings().setValue(folderKey(purpose), path);
    return path;
}

void FileDialog::setNextFileName(const QString &path)
{
    s_nextFileName = path;
}

void FileDialog::clearNextFileName()
{
    s_nextFileName.reset();
}

int FileDialog::requestCount()
{
    return s_requestCount;
}
