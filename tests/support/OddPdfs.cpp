#include "OddPdfs.h"

#include "SmtpSink.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

QJsonArray OddPdfs::generate(const QString &folder, QString *error)
{
    QProcess generator;
    generator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    generator.start(SmtpSink::python(),
                    {QStringLiteral(CERTDESK_TEST_DATA "/../support/make_odd_pdfs.py"), folder});
    if (!generator.waitForFinished(120 * 1000) || generator.exitStatus() != QProcess::NormalExit ||
        generator.exitCode() != 0) {
        *error = QStringLiteral("make_odd_pdfs.py failed (exit %1)").arg(generator.exitCode());
        return {};
    }
    QFile manifest(QDir(folder).filePath(QStringLiteral("manifest.json")));
    if (!manifest.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no manifest.json: %1").arg(manifest.errorString());
        return {};
    }
    const QJsonArray entries = QJsonDocument::fromJson(manifest.readAll()).array();
    if (entries.isEmpty())
        *error = QStringLiteral("manifest.json lists no file");
    return entries;
}
