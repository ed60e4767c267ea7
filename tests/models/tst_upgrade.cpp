// Schema upgrades with data, on both backends: a database of the previous
// schema with a row in every table is upgraded to this program's schema, and
// every row of every table is still there, column for column; the new columns
// have their defaults and the new constraints hold.

#include "TestDatabase.h"

#include <QSqlField>
#include <QSqlRecord>
#include <QTest>

namespace {
// The schema before the certificate's life after validation (005_lifecycle).
constexpr int kPrevious = 4;

const QString kTs = QStringLiteral("2025-02-03T04:05:06Z");
const QString kSha = QString(64, QLatin1Char('a'));
const QString kUploaded = QString(64, QLatin1Char('b'));

// Every table of schema 4, in the order their keys let rows go in.
const QStringList kTables{QStringLiteral("schema_version"), QStringLiteral("groups"),
                          QStringLiteral("users"),          QStringLiteral("user_credentials"),
                          QStringLiteral("memberships"),    QStringLiteral("certificate_templates"),
                          QStringLiteral("settings"),       QStringLiteral("pdf_blobs"),
                          QStringLiteral("certificates"),   QStringLiteral("validation_tasks"),
                          QStringLiteral("task_reviewers"), QStringLiteral("notifications"),
                          QStringLiteral("email_outbox"),   QStringLiteral("audit_log")};

struct TableRows
{
    QStringList columns;
    QList<QStringList> rows;
};

QString text(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("<null>");
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toHex());
    return value.toString();
}

TableRows readTable(Database &db, const QString &table, const QStringList &columns = {})
{
    TableRows out;
    QString error;
    const QString select = columns.isEmpty() ? QStringLiteral("*") : columns.join(u", ");
    QSqlQuery q =
        Sql::run(db.connection(),
                 QStringLiteral("SELECT %1 FROM %2 ORDER BY 1%3")
                     .arg(select, table, columns.size() == 1 ? QString() : QStringLiteral(", 2")),
                 {}, &error);
    if (!error.isEmpty()) {
        qWarning("%s: %s", qPrintable(table), qPrintable(error));
        return out;
    }
    const QSqlRecord record = q.record();
    for (int i = 0; i < record.count(); ++i)
        out.columns << record.fieldName(i);
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < record.count(); ++i)
            row << text(q.value(i));
        out.rows << row;
    }
    return out;
}
} // namespace

class TestUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void previousSchemaWithData_upgraded_noRowLostOrChanged();
    void newerSchema_refusedAndLeftAsItIs();

private:
    bool fillPrevious(Database &db);
};

bool TestUpgrade::fillPrevious(Database &db)
{
    const QByteArray pdf("%PDF-1.4 tiny");
    const QList<QPair<QString, QVariantList>> rows{
        {QStringLiteral("INSERT INTO groups (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)"),
         {1, QStringLiteral("Platform"), QVariant(), kTs}},
        {QStringLiteral("INSERT INTO groups (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)"),
         {2, QStringLiteral("Sales «EMEA»"), 1, kTs}},
        {QStringLiteral("INSERT INTO users (id, email, name, manager_id, deleted, language, "
                        "db_login, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         {1, QStringLiteral("ada@example.org"), QStringLiteral("Ada"), QVariant(), false,
          QStringLiteral("en"), QVariant(), kTs, kTs}},
        {QStringLiteral("INSERT INTO users (id, email, name, manager_id, deleted, language, "
                        "db_login, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         {2, QStringLiteral("zoe@example.org"), QStringLiteral("Zoé O'Neil"), 1, true,
          QStringLiteral("fr"), QStringLiteral("zoe_login"), kTs, kTs}},
        {QStringLiteral("INSERT INTO user_credentials (user_id, password_hash, updated_at) VALUES "
                        "(?, ?, ?)"),
         {1, QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"), kTs}},
        {QStringLiteral("INSERT INTO memberships (user_id, group_id, role) VALUES (?, ?, ?)"),
         {1, 1, QStringLiteral("admin")}},
        {QStringLiteral("INSERT INTO memberships (user_id, group_id, role) VALUES (?, ?, ?)"),
         {2, 2, QStringLiteral("learner")}},
        {QStringLiteral("INSERT INTO certificate_templates (id, name, description, "
                        "validity_months, created_at) VALUES (?, ?, ?, ?, ?)"),
         {1, QStringLiteral("First Aid"), QStringLiteral("Two days"), 24, kTs}},
        {QStringLiteral("UPDATE settings SET value = ?, updated_at = ?, updated_by = ? WHERE key "
                        "= 'import.enabled'"),
         {QStringLiteral("on"), kTs, 1}},
        {QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
         {QStringLiteral("pdf.check-seconds"), QStringLiteral("12")}},
        {QStringLiteral("INSERT INTO pdf_blobs (sha256, size_bytes, page_count, data, created_at) "
                        "VALUES (?, ?, ?, ?, ?)"),
         {kSha, pdf.size(), 1, pdf, kTs}},
        {QStringLiteral("INSERT INTO certificates (id, kind, owner_id, uploader_id, name, "
                        "delivered_on, expires_on, template_id, credits, status, pdf_sha256, "
                        "original_filename, import_key, version, created_at, updated_at, "
                        "uploaded_sha256, pdf_repairs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?, ?)"),
         {1, QStringLiteral("external"), 2, 2, QStringLiteral("First Aid — level 2"),
          QStringLiteral("2025-01-01"), QStringLiteral("2027-01-01"), 1, 2.5,
          QStringLiteral("validated"), kSha, QStringLiteral("first aid.pdf"),
          QStringLiteral("key-1"), 3, kTs, kTs, kUploaded, QStringLiteral("leading-bytes")}},
        {QStringLiteral("INSERT INTO certificates (id, kind, owner_id, uploader_id, name, "
                        "delivered_on, expires_on, template_id, credits, status, pdf_sha256, "
                        "original_filename, import_key, version, created_at, updated_at) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         {2, QStringLiteral("internal"), 2, QVariant(), QStringLiteral("Onboarding"),
          QStringLiteral("2024-05-06"), QVariant(), QVariant(), QVariant(),
          QStringLiteral("accepted"), QVariant(), QVariant(), QVariant(), 1, kTs, kTs}},
        {QStringLiteral("INSERT INTO validation_tasks (id, certificate_id, state, version, "
                        "created_at, decided_at, decided_by, comment) VALUES (?, ?, ?, ?, ?, ?, "
                        "?, ?)"),
         {1, 1, QStringLiteral("validated"), 2, kTs, kTs, 1, QStringLiteral("Fine")}},
        {QStringLiteral("INSERT INTO task_reviewers (task_id, reviewer_id) VALUES (?, ?)"), {1, 1}},
        {QStringLiteral("INSERT INTO notifications (id, recipient_id, category, certificate_id, "
                        "task_id, actor_id, comment, created_at, read_at) VALUES (?, ?, ?, ?, ?, "
                        "?, ?, ?, ?)"),
         {1, 1, QStringLiteral("validation-request"), 1, 1, 2, QVariant(), kTs, kTs}},
        {QStringLiteral("INSERT INTO notifications (id, recipient_id, category, certificate_id, "
                        "task_id, actor_id, comment, created_at, read_at) VALUES (?, ?, ?, ?, ?, "
                        "?, ?, ?, ?)"),
         {2, 2, QStringLiteral("certificate-validated"), 1, 1, 1, QStringLiteral("Well done"), kTs,
          QVariant()}},
        {QStringLiteral("INSERT INTO email_outbox (id, notification_id, recipient_email, subject, "
                        "body, language, state, attempts, next_attempt_at, claimed_by, "
                        "claimed_until, sent_at, last_error, created_at, message_id, queued_at, "
                        "last_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "?)"),
         {1, 2, QStringLiteral("zoe@example.org"), QStringLiteral("Validé"),
          QStringLiteral("Bravo\nAda"), QStringLiteral("fr"), QStringLiteral("sent"), 1, kTs,
          QVariant(), QVariant(), kTs, QVariant(), kTs, QStringLiteral("<1@certdesk>"), kTs, kTs}},
        {QStringLiteral("INSERT INTO audit_log (id, at, actor_id, action, subject_type, "
                        "subject_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)"),
         {1, kTs, 1, QStringLiteral("validated"), QStringLiteral("certificate"), 1,
          QStringLiteral("{\"comment\":\"Fine\"}")}},
    };
    for (const auto &[sql, values] : rows) {
        QString error;
        Sql::run(db.connection(), sql, values, &error);
        if (!error.isEmpty()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(error));
            return false;
        }
    }
    return true;
}

void TestUpgrade::previousSchemaWithData_upgraded_noRowLostOrChanged()
{
    QFETCH_GLOBAL(QString, backend);
    TestDatabase db(backend, kPrevious);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QCOMPARE(db->schemaVersion(), kPrevious);
    QVERIFY(fillPrevious(db.db()));

    QHash<QString, TableRows> before;
    for (const QString &table : kTables) {
        before.insert(table, readTable(db.db(), table));
        QVERIFY2(!before.value(table).rows.isEmpty(),
                 qPrintable(table + QStringLiteral(" is empty")));
    }
    // A second desktop that had the file open on the old schema (SQLite:
    // the schema cookie must make it read the new definitions).
    QString error;
    Database::Options old;
    old.upTo = kPrevious;
    auto other = Database::open(DatabaseLocation::parse(db.location(), &error), old);
    QVERIFY2(other, qPrintable(other.message()));

    QVERIFY2(db.reopen(), qPrintable(db.error()));
    QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() > kPrevious);

    int compared = 0;
    for (const QString &table : kTables) {
        const TableRows &was = before.value(table);
        const TableRows now = readTable(db.db(), table, was.columns);
        QCOMPARE(now.columns, was.columns);
        if (table == QLatin1String("schema_version")) {
            // The old rows, then one per migration since.
            QCOMPARE(now.rows.mid(0, was.rows.size()), was.rows);
            QCOMPARE(now.rows.size(), Database::latestSchemaVersion());
            continue;
        }
        QCOMPARE(now.rows, was.rows);
        compared += int(now.rows.size());
    }
    qInfo("%d rows in %lld tables unchanged", compared, qint64(kTables.size()));

    // The new columns have their defaults.
    const TableRows users =
        readTable(db.db(), QStringLiteral("users"), {QStringLiteral("reminder_emails")});
    QCOMPARE(users.rows.size(), 2);
    for (const QStringList &row : users.rows)
        QVERIFY2(row.constFirst() == QLatin1String("true") ||
                     row.constFirst() == QLatin1String("1"),
                 qPrintable(row.constFirst()));
    const TableRows certificates =
        readTable(db.db(), QStringLiteral("certificates"),
                  {QStringLiteral("id"), QStringLiteral("renews_id"),
                   QStringLiteral("renewed_by_id"), QStringLiteral("revoked_at"),
                   QStringLiteral("revoked_by"), QStringLiteral("revoke_reason")});
    for (const QStringList &row : certificates.rows)
        QCOMPARE(row.mid(1), QStringList(5, QStringLiteral("<null>")));

    // The widened category check: the new kinds go in, nonsense still not,
    // through this connection and through the one opened before the upgrade.
    const QString notify =
        QStringLiteral("INSERT INTO notifications (id, recipient_id, category, certificate_id, "
                       "threshold_days, created_at) VALUES (?, 2, ?, 1, ?, ?)");
    Sql::run(db->connection(), notify, {10, QStringLiteral("reminder"), 30, kTs}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Sql::run(other.value()->connection(), notify,
             {11, QStringLiteral("certificate-revoked"), QVariant(), kTs}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Sql::run(db->connection(), notify, {12, QStringLiteral("spam"), QVariant(), kTs}, &error);
    QVERIFY2(!error.isEmpty(), "a notification of an unknown category was written");
    error.clear();
    Sql::run(other.value()->connection(), notify, {13, QStringLiteral("spam"), QVariant(), kTs},
             &error);
    QVERIFY2(!error.isEmpty(), "the old connection wrote an unknown category");
    error.clear();

    // One reminder per certificate, expiration date and threshold.
    const QString remind = QStringLiteral("INSERT INTO reminders_sent (certificate_id, expires_on, "
                                          "threshold_days, sent_at) VALUES (1, ?, ?, ?)");
    Sql::run(db->connection(), remind, {QStringLiteral("2027-01-01"), 30, kTs}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Sql::run(db->connection(), remind, {QStringLiteral("2027-01-01"), 30, kTs}, &error);
    QVERIFY2(!error.isEmpty(), "the same reminder was recorded twice");
    error.clear();
    Sql::run(db->connection(), remind, {QStringLiteral("2027-01-01"), 7, kTs}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    if (backend == QLatin1String("sqlite")) {
        QSqlQuery check =
            Sql::run(db->connection(), QStringLiteral("PRAGMA integrity_check"), {}, &error);
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
}

void TestUpgrade::newerSchema_refusedAndLeftAsItIs()
{
    QFETCH_GLOBAL(QString, backend);
    TestDatabase db(backend);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const int newer = Database::latestSchemaVersion() + 1;
    QString error;
    Sql::run(db->connection(),
             QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, "
                            "'from_the_future', ?)"),
             {newer, kTs}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!db.reopen());
    QVERIFY2(db.error().contains(QLatin1String("newer CertDesk")), qPrintable(db.error()));
}

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
