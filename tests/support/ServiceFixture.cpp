#include "ServiceFixture.h"

#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/DirectoryService.h"

#include <QSqlQuery>
#include <QStringList>
#include <QTest>

void ServiceFixture::setUp(const QString &backend)
{
    m_db = std::make_unique<TestDatabase>(backend);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    DirectoryService directory(m_db->db());
    const auto admin = directory.createFirstAdmin(
        QStringLiteral("root@example.org"), QStringLiteral("Root Admin"), QStringLiteral("secret"));
    QVERIFY2(admin, qPrintable(admin.message()));
    m_admin = admin->id;
    // Platform > Sales > EMEA > Benelux, and Engineering.
    for (const auto &[name, parent] :
         QList<QPair<QString, QString>>{{QStringLiteral("Sales"), QString()},
                                        {QStringLiteral("EMEA"), QStringLiteral("Sales")},
                                        {QStringLiteral("Benelux"), QStringLiteral("EMEA")},
                                        {QStringLiteral("Engineering"), QString()}}) {
        const auto g = directory.addGroup(m_admin, name, parent);
        QVERIFY2(g, qPrintable(g.message()));
    }
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
}

Id ServiceFixture::addUser(const QString &email, const QString &manager,
                           const QList<QPair<QString, Role>> &groups)
{
    DirectoryService directory(m_db->db());
    NewUser nu;
    nu.email = email;
    nu.name = email.section(QLatin1Char('@'), 0, 0);
    nu.managerEmail = manager;
    nu.memberships = groups;
    nu.password = QStringLiteral("pw-") + nu.name;
    const auto u = directory.addUser(m_admin, nu);
    if (!u)
        qWarning("addUser %s: %s", qPrintable(email), qPrintable(u.message()));
    return u ? u->id : 0;
}

QByteArray ServiceFixture::pdfFor(const QString &holder, const QString &title)
{
    CertificatePdfContent content;
    content.title = title;
    content.holder = holder;
    content.issuer = QStringLiteral("Test Academy");
    content.delivered = QDate::currentDate().addDays(-10);
    content.reference = QStringLiteral("T-%1").arg(++m_pdfCounter);
    return CertificatePdf::render(content);
}

ImportRequest ServiceFixture::request(Id owner, const QString &name)
{
    ImportRequest r;
    r.ownerId = owner;
    r.name = name;
    r.delivered = QDate::currentDate().addDays(-10);
    r.pdf = pdfFor(QStringLiteral("Holder %1").arg(owner), name);
    r.originalFilename = QStringLiteral("certificate.pdf");
    return r;
}

void ServiceFixture::setSetting(const QString &key, const QString &value)
{
    SettingsService settings(m_db->db());
    const auto r = settings.set(m_admin, key, value);
    QVERIFY2(r, qPrintable(r.message()));
}

int ServiceFixture::count(const QString &table)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(), QStringLiteral("SELECT COUNT(*) FROM ") + table,
                           {}, &error);
    return q.next() ? q.value(0).toInt() : -1;
}

QString ServiceFixture::rowCounts()
{
    QStringList parts;
    for (const char *table : {"certificates", "pdf_blobs", "validation_tasks", "task_reviewers",
                              "notifications", "email_outbox", "audit_log"})
        parts << QString::number(count(QString::fromLatin1(table)));
    return parts.join(QLatin1Char('/'));
}
