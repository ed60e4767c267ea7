// What one use case costs in SQL: every statement SQLite runs is counted
// through its trace hook (sqlite3_trace_v2) while a learner imports one
// certificate with validation on (R2), and printed with the count. The
// import takes one snapshot of the actor and the settings and asks the
// policy against it; it opens the PDF with PDFium once.
#include "TestDatabase.h"
#include "pdf/CertificatePdf.h"
#include "pdf/PdfCheck.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/DirectoryService.h"

#include <QGuiApplication>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

namespace {
// Records the statements of one SQLite connection while it lives.
class StatementTrace
{
public:
    explicit StatementTrace(const QSqlDatabase &db)
    {
        const QVariant handle = db.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_sqlite = *static_cast<sqlite3 *const *>(handle.data());
        if (m_sqlite)
            sqlite3_trace_v2(m_sqlite, SQLITE_TRACE_STMT, &StatementTrace::onStatement, this);
    }
    ~StatementTrace()
    {
        if (m_sqlite)
            sqlite3_trace_v2(m_sqlite, 0, nullptr, nullptr);
    }
    StatementTrace(const StatementTrace &) = delete;
    StatementTrace &operator=(const StatementTrace &) = delete;

    bool isValid() const { return m_sqlite != nullptr; }
    const QStringList &statements() const { return m_statements; }

private:
    static int onStatement(unsigned, void *context, void *statement, void *text)
    {
        auto *self = static_cast<StatementTrace *>(context);
        const QString sql = QString::fromUtf8(static_cast<const char *>(text)).simplified();
        // A trigger's body is reported as "-- TRIGGER name": part of the
        // statement that fired it, not a statement of its own.
        if (!sql.startsWith(QLatin1String("--"))) {
            // The statement with its values bound; SQLite's memory, freed here.
            char *expanded = sqlite3_expanded_sql(static_cast<sqlite3_stmt *>(statement));
            self->m_statements << QString::fromUtf8(expanded ? expanded : "");
            sqlite3_free(expanded);
        }
        return 0;
    }

    sqlite3 *m_sqlite = nullptr;
    QStringList m_statements;
};
} // namespace

class TestStatements : public QObject
{
    Q_OBJECT

private slots:
    void import_byLearner_validationOn_atMost15Statements();
    void usersPage_firstAndNextPage_noSortOfEveryone_data();
    void usersPage_firstAndNextPage_noSortOfEveryone();
};

void TestStatements::import_byLearner_validationOn_atMost15Statements()
{
    TestDatabase test(QStringLiteral("sqlite"));
    QVERIFY2(test.isValid(), qPrintable(test.error()));
    DirectoryService directory(test.db());
    const auto admin = directory.createFirstAdmin(
        QStringLiteral("root@example.org"), QStringLiteral("Root Admin"), QStringLiteral("secret"));
    QVERIFY2(admin, qPrintable(admin.message()));
    QVERIFY(directory.addGroup(admin->id, QStringLiteral("Sales"), QString()));
    for (const auto &[email, role] :
         {QPair<QString, Role>{QStringLiteral("ga@example.org"), Role::Admin},
          {QStringLiteral("learner@example.org"), Role::Learner}}) {
        NewUser user;
        user.email = email;
        user.name = email.section(QLatin1Char('@'), 0, 0);
        user.password = QStringLiteral("pw-secret");
        user.memberships = {{QStringLiteral("Sales"), role}};
        const auto added = directory.addUser(admin->id, user);
        QVERIFY2(added, qPrintable(added.message()));
    }
    SettingsService settings(test.db());
    QVERIFY(settings.set(admin->id, QStringLiteral("import.enabled"), QStringLiteral("on")));
    QVERIFY(settings.set(admin->id, QStringLiteral("validation.required"), QStringLiteral("on")));
    const auto learner = directory.userByEmail(QStringLiteral("learner@example.org"));
    QVERIFY(learner);

    CertificatePdfContent content;
    content.title = QStringLiteral("Safety training");
    content.holder = learner->name;
    content.issuer = QStringLiteral("Test Academy");
    content.delivered = QDate::currentDate().addDays(-3);
    const QByteArray bytes = CertificatePdf::render(content);

    // As the import dialog does: the file is checked when it is chosen, the
    // checked PDF goes to the service with an import key; the trace counts
    // the service's statements.
    CertificateService service(test.db());
    const int opensBefore = PdfCheck::readerRuns();
    const PdfCheckResult checked =
        PdfCheck::checkBytes(bytes, Policy(test->connection()).settings().pdfMaxBytes());
    QVERIFY2(checked.ok(), qPrintable(checked.message));
    ImportRequest request;
    request.checkedPdf = checked.checked;
    request.originalFilename = QStringLiteral("safety.pdf");
    request.name = content.title;
    request.delivered = content.delivered;
    request.importKey = QStringLiteral("one-dialog-one-key");
    StatementTrace trace(test->connection());
    QVERIFY(trace.isValid());
    const auto imported = service.importCertificate(learner->id, request);
    QVERIFY2(imported, qPrintable(imported.message()));
    QCOMPARE(imported->certificate.status, CertificateStatus::Pending);
    QVERIFY(imported->taskId > 0);

    const QStringList &statements = trace.statements();
    qInfo("One learner's import with validation on ran %d SQL statements, opened PDFium %d "
          "time(s):",
          int(statements.size()), PdfCheck::readerRuns() - opensBefore);
    for (int i = 0; i < statements.size(); ++i)
        qInfo("  %2d. %s", i + 1, qPrintable(statements.at(i).left(160)));
    QVERIFY2(statements.size() <= 15, qPrintable(QString::number(statements.size())));
    QCOMPARE(PdfCheck::readerRuns() - opensBefore, 1);
}

void TestStatements::usersPage_firstAndNextPage_noSortOfEveryone_data()
{
    QTest::addColumn<int>("sortKey");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("deleted");
    QTest::newRow("by name") << int(UserQuery::SortKey::Name) << false << false;
    QTest::newRow("by name, descending") << int(UserQuery::SortKey::Name) << true << false;
    QTest::newRow("by name, deleted") << int(UserQuery::SortKey::Name) << false << true;
    QTest::newRow("by email") << int(UserQuery::SortKey::Email) << false << false;
    QTest::newRow("by email, descending") << int(UserQuery::SortKey::Email) << true << false;
}

// The Users page of a platform admin (README "Performance", P4): the
// statements DirectoryService::userPage runs for a first page and the next,
// as SQLite ran them, read the people in the page's order from an index
// instead of sorting everyone (EXPLAIN QUERY PLAN: no temporary B-tree).
void TestStatements::usersPage_firstAndNextPage_noSortOfEveryone()
{
    QFETCH(int, sortKey);
    QFETCH(bool, descending);
    QFETCH(bool, deleted);
    TestDatabase test(QStringLiteral("sqlite"));
    QVERIFY2(test.isValid(), qPrintable(test.error()));
    DirectoryService directory(test.db());
    const auto admin = directory.createFirstAdmin(
        QStringLiteral("root@example.org"), QStringLiteral("Root Admin"), QStringLiteral("secret"));
    QVERIFY2(admin, qPrintable(admin.message()));
    QString error;
    Sql::run(test->connection(),
             QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            "WHERE i < 300) INSERT INTO users (email, name, deleted, created_at, "
                            "updated_at) SELECT 'p' || i || '@example.org', CASE WHEN i % 2 = 0 "
                            "THEN 'person ' ELSE 'Person ' END || i, i % 10 = 0, ?, ? FROM n"),
             {Sql::now(), Sql::now()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    UserQuery query;
    query.sortKey = UserQuery::SortKey(sortKey);
    query.descending = descending;
    query.deleted = deleted;
    UserCursor after;
    for (int page = 0; page < 2; ++page) {
        QStringList statements;
        {
            StatementTrace trace(test->connection());
            QVERIFY(trace.isValid());
            const auto rows = directory.userPage(admin->id, query, after, 10);
            QVERIFY2(rows, qPrintable(rows.message()));
            QCOMPARE(rows->size(), 10);
            after = {DirectoryService::sortKeyOf(rows->constLast(), query.sortKey),
                     rows->constLast().user.id};
            statements = trace.statements();
        }
        // The page's own statement: the people with their managers' names.
        const auto pageSql =
            std::find_if(statements.cbegin(), statements.cend(), [](const QString &sql) {
                return sql.contains(QLatin1String("FROM users u LEFT JOIN users mg"));
            });
        QVERIFY2(pageSql != statements.cend(), qPrintable(statements.join(QLatin1Char('\n'))));
        QSqlQuery plan = Sql::run(test->connection(),
                                  QStringLiteral("EXPLAIN QUERY PLAN ") + *pageSql, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        qInfo("page %d: %s\n  %s", page + 1, qPrintable(*pageSql),
              qPrintable(steps.join(QStringLiteral("\n  "))));
        QVERIFY(!steps.isEmpty());
        QVERIFY2(!steps.join(QLatin1Char('\n')).contains(QLatin1String("TEMP B-TREE")),
                 qPrintable(steps.join(QLatin1Char('\n'))));
        // The next page starts in the index at the keyset, not at its first row.
        QVERIFY2(page == 0 || steps.constFirst().contains(QLatin1String("AND <expr>")),
                 qPrintable(steps.constFirst()));
        // The page's counts by status shown read an index alone.
        const auto countSql =
            std::find_if(statements.cbegin(), statements.cend(), [](const QString &sql) {
                return sql.contains(QLatin1String("COUNT(*) FROM certificates c"));
            });
        QVERIFY2(countSql != statements.cend(), qPrintable(statements.join(QLatin1Char('\n'))));
        plan = Sql::run(test->connection(), QStringLiteral("EXPLAIN QUERY PLAN ") + *countSql, {},
                        &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(plan.next());
        QVERIFY2(plan.value(3).toString().contains(
                     QLatin1String("COVERING INDEX certificates_owner_status")),
                 qPrintable(plan.value(3).toString()));
    }
}

QTEST_MAIN(TestStatements)
#include "tst_statements.moc"
