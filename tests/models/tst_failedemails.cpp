// The list of failed emails for platform admins (README "Email"):
// FailedEmailListModel pages MailOutbox::failed lazily, newest first, by
// keyset; refuses everyone else with the outbox's reason; shows a retried
// email no more. Wrapped in QAbstractItemModelTester, on SQLite and PostgreSQL.
#include "MailFixture.h"
#include "itemmodels/FailedEmailListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestFailedEmails : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addBackendRows(); }
    void init();
    void cleanup() { m_fx.reset(); }

    void pages_newestFirst_onlyFailed_eachOnce();
    void columns_showWhatAnAdminNeeds();
    void notPlatformAdmin_emptyWithTheReason();
    void emptyOutbox_nothingToFetch();
    void retried_leavesTheListOnReload();
    void failureDuringPaging_neitherShownTwiceNorSkipped();

private:
    // A failed email as a relay leaves it; returns its id.
    Id addFailed(const QString &to, const QString &subject, int attempts, const QString &error);

    std::unique_ptr<MailFixture> m_fx;
};

void TestFailedEmails::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_fx = std::make_unique<MailFixture>(backend);
    QVERIFY2(m_fx->isValid(), qPrintable(m_fx->error()));
    QVERIFY2(m_fx->makeOrganisation(), qPrintable(m_fx->error()));
}

Id TestFailedEmails::addFailed(const QString &to, const QString &subject, int attempts,
                               const QString &error)
{
    const Id id = m_fx->queue(to, subject, QStringLiteral("body"));
    QString sqlError;
    Sql::run(m_fx->db().connection(),
             QStringLiteral("UPDATE email_outbox SET state = 'failed', attempts = ?, last_error = "
                            "?, last_attempt_at = ? WHERE id = ?"),
             {attempts, error, QDateTime::currentDateTimeUtc().addSecs(-60), id}, &sqlError);
    if (!sqlError.isEmpty())
        qWarning("%s", qPrintable(sqlError));
    return id;
}

void TestFailedEmails::pages_newestFirst_onlyFailed_eachOnce()
{
    QList<Id> failed;
    for (int i = 0; i < 23; ++i) {
        failed.prepend(addFailed(QStringLiteral("f%1@test.example").arg(i),
                                 QStringLiteral("Failed %1").arg(i), 1 + i % 4,
                                 QStringLiteral("refused")));
        // Queued and sent emails in between are not the admin's problem here.
        if (i % 5 == 0)
            m_fx->queue(QStringLiteral("q%1@test.example").arg(i), QStringLiteral("Queued"),
                        QStringLiteral("x"));
    }
    FailedEmailListModel model(m_fx->db(), m_fx->admin);
    model.setPageSize(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QVERIFY2(model.loadError().isEmpty(), qPrintable(model.loadError()));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), FailedEmailListModel::ColumnCount);
    QVERIFY(model.canFetchMore(QModelIndex()));
    int fetches = 0;
    while (model.canFetchMore(QModelIndex())) {
        model.fetchMore(QModelIndex());
        ++fetches;
    }
    QCOMPARE(fetches, 4); // 5 + 5 + 5 + 5 + 3
    QCOMPARE(model.rowCount(), 23);
    QList<Id> shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        shown << model.emailIdAt(row);
        QCOMPARE(model.index(row, 0).data(FailedEmailListModel::EmailIdRole).toLongLong(),
                 model.emailIdAt(row));
        QCOMPARE(model.entryAt(row).state, QStringLiteral("failed"));
    }
    QCOMPARE(shown, failed);
}

void TestFailedEmails::columns_showWhatAnAdminNeeds()
{
    const QString error = QStringLiteral("The mail server 127.0.0.1:1 refused the recipient "
                                         "nobody@test.example:\n550 no such user");
    const Id id =
        addFailed(QStringLiteral("nobody@test.example"), QStringLiteral("Réussite ✓"), 3, error);
    FailedEmailListModel model(m_fx->db(), m_fx->admin);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.emailIdAt(0), id);
    using Column = FailedEmailListModel::Column;
    auto cell = [&model](Column column, int role = Qt::DisplayRole) {
        return model.index(0, int(column)).data(role);
    };
    QCOMPARE(cell(Column::Recipient).toString(), QStringLiteral("nobody@test.example"));
    QCOMPARE(cell(Column::Subject).toString(), QStringLiteral("Réussite ✓"));
    QCOMPARE(cell(Column::Attempts).toString(), QLocale().toString(3));
    QCOMPARE(cell(Column::Attempts, FailedEmailListModel::SortValueRole).toInt(), 3);
    QVERIFY(cell(Column::Attempts, Qt::TextAlignmentRole).toInt() & Qt::AlignRight);
    // One line in the cell, the whole error in the tooltip.
    QVERIFY(!cell(Column::LastError).toString().contains(QLatin1Char('\n')));
    QVERIFY(cell(Column::LastError).toString().endsWith(QLatin1String("550 no such user")));
    QCOMPARE(cell(Column::LastError, Qt::ToolTipRole).toString(), error);
    QVERIFY(!cell(Column::LastAttempt).toString().isEmpty());
    const QDateTime last =
        cell(Column::LastAttempt, FailedEmailListModel::SortValueRole).toDateTime();
    QVERIFY(qAbs(last.secsTo(QDateTime::currentDateTimeUtc()) - 60) < 30);
    const QStringList headers{QStringLiteral("Recipient"), QStringLiteral("Subject"),
                              QStringLiteral("Attempts"), QStringLiteral("Last error"),
                              QStringLiteral("Last attempt")};
    for (int c = 0; c < FailedEmailListModel::ColumnCount; ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));
}

void TestFailedEmails::notPlatformAdmin_emptyWithTheReason()
{
    addFailed(QStringLiteral("x@test.example"), QStringLiteral("Hidden"), 1,
              QStringLiteral("refused"));
    FailedEmailListModel model(m_fx->db(), m_fx->reviewer);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &FailedEmailListModel::loadFailed);
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(model.loadError().contains(QLatin1String("platform admins")),
             qPrintable(model.loadError()));
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

void TestFailedEmails::emptyOutbox_nothingToFetch()
{
    m_fx->queue(QStringLiteral("q@test.example"), QStringLiteral("Queued"), QStringLiteral("x"));
    FailedEmailListModel model(m_fx->db(), m_fx->admin);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QVERIFY(model.loadError().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

void TestFailedEmails::retried_leavesTheListOnReload()
{
    const Id a =
        addFailed(QStringLiteral("a@test.example"), QStringLiteral("A"), 2, QStringLiteral("down"));
    const Id b =
        addFailed(QStringLiteral("b@test.example"), QStringLiteral("B"), 2, QStringLiteral("down"));
    FailedEmailListModel model(m_fx->db(), m_fx->admin);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 2);
    MailOutbox outbox(m_fx->db());
    QVERIFY(outbox.retry(m_fx->admin, b));
    model.reload();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.emailIdAt(0), a);
}

void TestFailedEmails::failureDuringPaging_neitherShownTwiceNorSkipped()
{
    QList<Id> older;
    for (int i = 0; i < 6; ++i)
        older.prepend(addFailed(QStringLiteral("o%1@test.example").arg(i),
                                QStringLiteral("Old %1").arg(i), 1, QStringLiteral("down")));
    FailedEmailListModel model(m_fx->db(), m_fx->admin);
    model.setPageSize(4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 4);
    // A new failure while the admin scrolls: newer than the keyset, so it
    // waits for the next reload instead of shifting the pages.
    const Id newest = addFailed(QStringLiteral("new@test.example"), QStringLiteral("New"), 1,
                                QStringLiteral("down"));
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QList<Id> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.emailIdAt(row);
    QCOMPARE(shown, older);
    model.reload();
    QCOMPARE(model.emailIdAt(0), newest);
}

QTEST_MAIN(TestFailedEmails)
#include "tst_failedemails.moc"
