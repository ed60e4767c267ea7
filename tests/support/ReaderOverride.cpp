#include "ReaderOverride.h"

#include <QDir>
#include <QFile>

ReaderOverride::ReaderOverride(const QString &program)
{
    qputenv("CERTDESK_PDFCHECK", program.toUtf8());
}

ReaderOverride::~ReaderOverride()
{
    qunsetenv("CERTDESK_PDFCHECK");
}

QString ReaderOverride::script(const QString &folder, const QString &name, const QByteArray &body)
{
    const QString path = QDir(folder).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("#!/bin/sh\n" + body + "\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}
