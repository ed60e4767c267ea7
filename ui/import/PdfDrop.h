#pragma once

#include <QCoreApplication>
#include <QStringList>

class QDropEvent;
class QMimeData;

// What a drag carries, for the widgets that accept PDFs dropped from a file
// manager (the import dialog's drop zone, the pages' drop overlay).
class PdfDrop
{
    Q_DECLARE_TR_FUNCTIONS(PdfDrop)

public:
    // What a drag over a drop target shows.
    enum class Kind
    {
        None,    // no local files: not ours (text, a link), the drag is ignored
        Pdfs,    // at least one PDF: accepted
        Refused, // local files, none of them a PDF: shown as refused
    };

    // Local files whose name ends in .pdf (any case), in the drag's order.
    static QStringList pdfPaths(const QMimeData *mime);
    // The other local files (and folders) of the drag.
    static QStringList otherPaths(const QMimeData *mime);
    static bool isPdfPath(const QString &path);
    static Kind classify(const QMimeData *mime);

    // Accepts a drag or a drop as a copy, never a move: a file manager that
    // proposes "move" would otherwise delete the user's file.
    static void acceptAsCopy(QDropEvent *event);

    // Why the files were not taken, naming them ("notes.txt is not a PDF…").
    static QString refusalMessage(const QStringList &nonPdfs);

private:
    static QStringList localPaths(const QMimeData *mime);
};
