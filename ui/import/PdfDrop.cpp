#include "import/PdfDrop.h"

#include <QDropEvent>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QUrl>

QStringList PdfDrop::localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && !url.toLocalFile().isEmpty())
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool PdfDrop::isPdfPath(const QString &path)
{
    return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) && !QFileInfo(path).isDir();
}

QStringList PdfDrop::pdfPaths(const QMimeData *mime)
{
    QStringList pdfs;
    const QStringList paths = localPaths(mime);
    for (const QString &path : paths) {
        if (isPdfPath(path))
            pdfs.append(path);
    }
    return pdfs;
}

QStringList PdfDrop::otherPaths(const QMimeData *mime)
{
    QStringList others;
    const QStringList paths = localPaths(mime);
    for (const QString &path : paths) {
        if (!isPdfPath(path))
            others.append(path);
    }
    return others;
}

PdfDrop::Kind PdfDrop::classify(const QMimeData *mime)
{
    const QStringList paths = localPaths(mime);
    if (paths.isEmpty())
        return Kind::None;
    for (const QString &path : paths) {
        if (isPdfPath(path))
            return Kind::Pdfs;
    }
    return Kind::Refused;
}

void PdfDrop::acceptAsCopy(QDropEvent *event)
{
    if (event->possibleActions() & Qt::CopyAction) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->acceptProposedAction();
    }
}

QString PdfDrop::refusalMessage(const QStringList &nonPdfs)
{
    QStringList names;
    for (const QString &path : nonPdfs)
        names.append(tr("“%1”", "a file name in quotes").arg(QFileInfo(path).fileName()));
    if (names.size() == 1)
        return tr("%1 is not a PDF file. Only PDF documents can be imported: save or scan the "
                  "certificate as a PDF, then drop that file.")
            .arg(names.constFirst());
    return tr("%1 are not PDF files. Only PDF documents can be imported: save or scan each "
              "certificate as a PDF, then drop those files.")
        .arg(QLocale().createSeparatedList(names));
}
