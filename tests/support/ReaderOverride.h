#pragma once

#include <QByteArray>
#include <QString>

// Stand-ins for the PDF reader certdesk-pdfcheck (README "Untrusted PDFs"):
// a shell script written at test time, and $CERTDESK_PDFCHECK pointing at it
// for the life of a ReaderOverride, so that PdfCheck runs it instead.
class ReaderOverride
{
public:
    explicit ReaderOverride(const QString &program);
    ~ReaderOverride();
    ReaderOverride(const ReaderOverride &) = delete;
    ReaderOverride &operator=(const ReaderOverride &) = delete;

    // Writes an executable "#!/bin/sh" script with body in folder; its path.
    static QString script(const QString &folder, const QString &name, const QByteArray &body);
};
