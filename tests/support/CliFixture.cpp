#include "CliFixture.h"

#include <QSqlQuery>

QByteArray CliRun::describe() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err).toUtf8();
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

CliFixture::CliFixture(const QString &backend) : m_db(std::make_unique<TestDatabase>(backend)) {}

CliRun CliFixture::run(const QStringList &args, const QString &password, const QByteArray &input,
                       bool withDb) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CERTDESK_DB"));
    env.remove(QStringLiteral("CERTDESK_PASSWORD"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    if (!password.isNull())
        env.insert(QStringLiteral("CERTDESK_PASSWORD"), password);
    process.setProcessEnvironment(env);
    const QStringList all = withDb ? QStringList{QStringLiteral("--db"), location()} + args : args;
    process.start(QStringLiteral(CERTDESK_BIN_DIR "/certdesk-cli"), all);
    CliRun result;
    if (!process.waitForStarted(30000)) {
        result.err = QStringLiteral("could not start certdesk-cli: ") + process.errorString();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("certdesk-cli did not finish");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CliRun CliFixture::as(const QString &email, const QStringList &args) const
{
    return run(QStringList{QStringLiteral("--as"), email} + args, password());
}

bool CliFixture::makeOrganisation()
{
    DirectoryService directory(m_db->db());
    const auto admin =
        directory.createFirstAdmin(adminEmail(), QStringLiteral("Ada Admin"), password());
    if (!admin)
        return fail(admin.message());
    m_adminId = admin->id;
    for (const QString &group : {QStringLiteral("Team"), QStringLiteral("Other")}) {
        if (const auto g = directory.addGroup(m_adminId, group, QString()); !g)
            return fail(g.message());
    }
    const struct
    {
        QString email, name, manager, group;
        Role role;
    } people[] = {
        {leadEmail(), QStringLiteral("Lee Lead"), QString(), QStringLiteral("Team"), Role::Admin},
        {learnerEmail(), QStringLiteral("Lin Learner"), leadEmail(), QStringLiteral("Team"),
         Role::Learner},
        {outsiderEmail(), QStringLiteral("Oz Outsider"), QString(), QStringLiteral("Other"),
         Role::Learner},
    };
    for (const auto &p : people) {
        NewUser user;
        user.email = p.email;
        user.name = p.name;
        user.managerEmail = p.manager;
        user.memberships = {{p.group, p.role}};
        user.password = password();
        if (const auto u = directory.addUser(m_adminId, user); !u)
            return fail(u.message());
    }
    SettingsService settings(m_db->db());
    if (const auto s =
            settings.set(m_adminId, QStringLiteral("import.enabled"), QStringLiteral("on"));
        !s)
        return fail(s.message());
    return true;
}

QByteArray CliFixture::certificatePdf(const QString &title) const
{
    CertificatePdfContent content;
    content.title = title;
    content.holder = QStringLiteral("Lin Learner");
    content.issuer = QStringLiteral("Test Institute");
    content.delivered = QDate(2025, 1, 10);
    content.reference = QString::fromLatin1(title.toUtf8().toHex().left(12));
    return CertificatePdf::render(content);
}

QString CliFixture::writeFile(const QString &name, const QByteArray &bytes) const
{
    QFile file(m_files.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return file.fileName();
}

QString CliFixture::pdfFile(const QString &title) const
{
    return writeFile(QString::fromLatin1(title.toUtf8().toHex().left(24)) + QStringLiteral(".pdf"),
                     certificatePdf(title));
}

QMap<QString, qint64> CliFixture::counts() const
{
    QMap<QString, qint64> map;
    for (const char *table :
         {"certificates", "pdf_blobs", "validation_tasks", "task_reviewers", "notifications",
          "email_outbox", "audit_log", "users", "groups", "memberships", "reminders_sent"}) {
        QSqlQuery q(m_db->db().connection());
        const QString name = QString::fromLatin1(table);
        map.insert(name, q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + name) && q.next()
                             ? q.value(0).toLongLong()
                             : -1);
    }
    return map;
}

QString CliFixture::setting(const QString &key) const
{
    const auto s = PlatformSettings::load(m_db->db().connection());
    return s ? s->value(key) : QString();
}

bool CliFixture::fail(const QString &message)
{
    qWarning("organisation setup failed: %s", qUtf8Printable(message));
    return false;
}
