#pragma once

// Shared by the service tests of tests/models (tst_accounts, tst_import,
// tst_reviewservice, tst_notifications): a fresh database per test with a
// platform admin and a tree of groups, made through the services, and the
// helpers those tests write with. A test class derives from QObject and
// from ServiceFixture, calls setUp() in init() and tearDown() in cleanup().

#include "TestDatabase.h"
#include "core/Domain.h"
#include "services/CertificateService.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

class ServiceFixture
{
protected:
    // A fresh database of that backend (TestDatabase), its first platform
    // admin root@example.org, the groups Platform > Sales > EMEA > Benelux
    // and Engineering, and import switched on (R1). A failure fails the
    // current test, which then does not run (QVERIFY in init()).
    void setUp(const QString &backend);
    void tearDown() { m_db.reset(); }

    // A user added by the platform admin, named after the email's local part,
    // password "pw-" + that name; 0 (and a warning) when refused.
    Id addUser(const QString &email, const QString &manager,
               const QList<QPair<QString, Role>> &groups);
    // A real one-page certificate PDF (CertificatePdf); a distinct reference
    // each time, so two calls never give the same bytes.
    QByteArray pdfFor(const QString &holder, const QString &title);
    // An import of a fresh PDF for owner (0: for oneself), delivered ten days ago.
    ImportRequest request(Id owner, const QString &name);
    // Sets a platform setting as the platform admin; a refusal fails the test.
    void setSetting(const QString &key, const QString &value);
    int count(const QString &table);
    // The row counts of every table an import or a review writes to, as
    // "certificates/pdf_blobs/validation_tasks/task_reviewers/notifications/
    // email_outbox/audit_log": "nothing written" is the same string before and after.
    QString rowCounts();

    std::unique_ptr<TestDatabase> m_db;
    Id m_admin = 0;

private:
    int m_pdfCounter = 0;
};
