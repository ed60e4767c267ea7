// A certificate's life after validation offscreen, on a demo database
// (README "Rules", Renewal, Revocation, Reminders): Emma renews her expiring
// First Aid from its details (the import form in renewal mode, prefilled),
// and once her manager validates the renewal the old one shows Renewed; her
// manager revokes another with a reason (Revoke stays disabled without one),
// the owner cannot; the inbox's Reminders category opens the certificate
// with Renew… at hand; screenshots of each.
#include "GuiTestSupport.h"

#include "certificate/StatusDelegate.h"
#include "certificate/TemplatePicker.h"
#include "import/ImportDialog.h"
#include "itemmodels/CertificateListModel.h"
#include "notifications/NotificationsPage.h"
#include "results/CertificateDetailsDialog.h"
#include "results/CertificateFilterBar.h"
#include "results/CertificatesSection.h"
#include "results/RevokeDialog.h"
#include "review/TaskView.h"
#include "services/ReviewService.h"
#include "services/Session.h"
#include "shell/AppController.h"
#include "shell/MainWindow.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>

using GuiTest::child;

namespace {
const QString kEmma = QStringLiteral("emma.wilson@demo.example");
const QString kMaria = QStringLiteral("maria.schmidt@demo.example");    // Emma's manager
const QString kFirstAid = QStringLiteral("First Aid at Work");          // expires in 25 days
const QString kPmp = QStringLiteral("Project Management Professional"); // validated
} // namespace

class TestLifecycleDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void renew_prefilledForm_thenRenewedOnceValidated();
    void revoke_reasonRequired_ownerCannot_badgeAndRows();
    void remindersCategory_opensTheCertificateWithRenew();
    void statusChips_filterAndCount_orderByExpiry();

private:
    std::unique_ptr<Session> signIn(const QString &email);
    Id certificateId(const QString &owner, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
};

void TestLifecycleDialogs::initTestCase()
{
    GuiTest::prepareApplication();
    QVERIFY(m_dir.isValid());
}

void TestLifecycleDialogs::init()
{
    QSettings().clear();
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestLifecycleDialogs::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        modal->close();
    m_db.reset();
}

std::unique_ptr<Session> TestLifecycleDialogs::signIn(const QString &email)
{
    QString error;
    auto session = Session::signIn(DatabaseLocation::parse(m_db->location(), &error), email,
                                   QStringLiteral("demo"));
    if (!session)
        qWarning("sign in %s: %s", qPrintable(email), qPrintable(session.message()));
    return session ? std::move(session.value()) : nullptr;
}

Id TestLifecycleDialogs::certificateId(const QString &owner, const QString &name)
{
    QSqlQuery q(m_db->db().connection());
    q.prepare(QStringLiteral("SELECT c.id FROM certificates c JOIN users u ON u.id = c.owner_id "
                             "WHERE u.email = ? AND c.name = ? AND c.kind = 'external' "
                             "ORDER BY c.id LIMIT 1"));
    q.addBindValue(owner);
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void TestLifecycleDialogs::renew_prefilledForm_thenRenewedOnceValidated()
{
    auto emma = signIn(kEmma);
    QVERIFY(emma);
    const Id old = certificateId(kEmma, kFirstAid);
    QVERIFY(old > 0);
    CertificateDetailsDialog details(*emma, old);
    details.show();
    QVERIFY(QTest::qWaitForWindowExposed(&details));
    QVERIFY(details.canRenew());
    QVERIFY(!details.canRevoke()); // her own
    QVERIFY(child<QPushButton>(&details, "renewButton")->isVisible());
    QVERIFY(!child<QPushButton>(&details, "revokeButton")->isVisible());
    GuiTest::saveScreenshot(&details, QStringLiteral("certificate-expiring-renew.png"));

    const QString pdf = m_dir.filePath(QStringLiteral("first-aid-2027.pdf"));
    QVERIFY(GuiTest::writeCertificatePdf(pdf, kFirstAid, QStringLiteral("Emma Wilson")));
    QString title;
    QString name;
    QDate readDelivered;
    bool readMarked = false;
    bool isRenewal = false;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *form) {
        isRenewal = form->isRenewal();
        title = form->windowTitle();
        name = child<QLineEdit>(form, "nameEdit")->text();
        QVERIFY(form->setFile(pdf));
        auto *save = child<QPushButton>(form, "saveButton");
        readDelivered = child<QDateEdit>(form, "deliveredEdit")->date();
        readMarked = child<QLabel>(form, "deliveredFromPdf")->isVisible();
        child<QDateEdit>(form, "deliveredEdit")->setDate(QDate::currentDate().addDays(-2));
        QTest::qWait(300); // the preview renders in a worker thread
        GuiTest::saveScreenshot(form, QStringLiteral("renew-dialog.png"));
        QTRY_VERIFY(save->isEnabled());
        save->click();
    });
    QTest::mouseClick(child<QPushButton>(&details, "renewButton"), Qt::LeftButton);
    QTRY_VERIFY(!qobject_cast<ImportDialog *>(QApplication::activeModalWidget()));
    QVERIFY(isRenewal);
    QCOMPARE(title, QStringLiteral("Renew “First Aid at Work”"));
    QCOMPARE(name, kFirstAid); // the renewed one's name
    // The renewal's dates are the new PDF's (read from its text and marked so),
    // not the renewed certificate's.
    QCOMPARE(readDelivered, QDate(2024, 3, 12));
    QVERIFY(readMarked);

    // Pending: the old one stays as it was until the renewal is validated.
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT t.id FROM validation_tasks t JOIN certificates c ON "
                                  "c.id = t.certificate_id WHERE c.renews_id = %1 AND t.state = "
                                  "'open'")
                       .arg(old)));
    QVERIFY(q.next());
    const Id task = q.value(0).toLongLong();
    QVERIFY(details.certificate().renewedById == 0);
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    // The reviewer's task says what it renews, with the old one's dates.
    {
        TaskView view(*maria);
        view.resize(1280, 720);
        view.show();
        QVERIFY(view.showTask(task));
        auto *renews = child<QLabel>(&view, "renewsLabel");
        QVERIFY(renews && renews->isVisible());
        QVERIFY2(renews->text().contains(kFirstAid) &&
                     renews->text().contains(QStringLiteral("expires")),
                 qPrintable(renews->text()));
        // Sent without a template (a learner under validation, R7): the
        // renewed one's is suggested to the reviewer.
        auto *picker = view.findChild<TemplatePicker *>();
        QVERIFY(picker);
        QCOMPARE(picker->templateId(), details.certificate().templateId);
        QVERIFY(details.certificate().templateId > 0);
        QTest::qWait(300); // the preview renders in a worker thread
        GuiTest::saveScreenshot(&view, QStringLiteral("task-renewal.png"));
    }
    ReviewDecision decision;
    decision.taskId = task;
    decision.validate = true;
    QVERIFY(ReviewService(maria->database()).review(maria->userId(), decision));
    details.reload();
    QVERIFY(details.certificate().renewedById > 0);
    QCOMPARE(child<BadgeLabel>(&details, "statusBadge")->text(), QStringLiteral("Renewed"));
    QVERIFY(child<QLabel>(&details, "renewedByValue"));
    QVERIFY(!details.canRenew());
    GuiTest::saveScreenshot(&details, QStringLiteral("certificate-renewed.png"));
}

void TestLifecycleDialogs::revoke_reasonRequired_ownerCannot_badgeAndRows()
{
    const Id id = certificateId(kEmma, kPmp);
    QVERIFY(id > 0);
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    CertificateDetailsDialog details(*maria, id);
    details.show();
    QVERIFY(QTest::qWaitForWindowExposed(&details));
    QVERIFY(details.canRevoke());
    bool enabledWithoutReason = true;
    QString note;
    GuiTest::onNextModal<RevokeDialog>([&](RevokeDialog *ask) {
        enabledWithoutReason = ask->revokeButton()->isEnabled();
        note = child<QLabel>(ask, "revokeNote")->text();
        QTest::keyClicks(ask->reasonEdit(), QStringLiteral("   "));
        enabledWithoutReason = enabledWithoutReason || ask->revokeButton()->isEnabled();
        ask->reasonEdit()->clear();
        QTest::keyClicks(ask->reasonEdit(),
                         QStringLiteral("The PMI registry has no such credential."));
        GuiTest::saveScreenshot(ask, QStringLiteral("revoke-dialog.png"));
        QVERIFY(ask->revokeButton()->isEnabled());
        ask->revokeButton()->click();
    });
    QTest::mouseClick(child<QPushButton>(&details, "revokeButton"), Qt::LeftButton);
    QTRY_VERIFY(!qobject_cast<RevokeDialog *>(QApplication::activeModalWidget()));
    QVERIFY2(!enabledWithoutReason, "Revoke without a reason");
    QVERIFY2(note.contains(QStringLiteral("Emma Wilson")), qPrintable(note));
    QCOMPARE(child<BadgeLabel>(&details, "statusBadge")->text(), QStringLiteral("Revoked"));
    auto *row = child<QLabel>(&details, "revokedValue");
    QVERIFY(row);
    QVERIFY2(row->text().contains(QStringLiteral("Maria Schmidt")) &&
                 row->text().contains(QStringLiteral("no such credential")),
             qPrintable(row->text()));
    QVERIFY(!details.canRevoke());
    QVERIFY(!details.canRenew());
    GuiTest::saveScreenshot(&details, QStringLiteral("certificate-revoked.png"));

    // The owner sees it revoked, with the reason, and cannot revoke anything.
    auto emma = signIn(kEmma);
    QVERIFY(emma);
    CertificateDetailsDialog own(*emma, certificateId(kEmma, kFirstAid));
    QVERIFY(!own.canRevoke());
    const auto inbox =
        emma->notifications().notifications(emma->userId(), InboxFilter::Outcomes, false, 0, 5);
    QVERIFY(inbox);
    QCOMPARE(inbox->first().category, NotificationCategory::CertificateRevoked);
}

void TestLifecycleDialogs::remindersCategory_opensTheCertificateWithRenew()
{
    // Signed in as a person does: the application runs the reminder job on
    // a local database at sign-in (README "Reminders").
    AppController controller(m_db->location());
    controller.start();
    QVERIFY(QTest::qWaitForWindowExposed(controller.signInWindow()));
    GuiTest::typeAndSignIn(controller.signInWindow(), kEmma, QStringLiteral("demo"));
    QTRY_VERIFY(controller.mainWindow());
    MainWindow *window = controller.mainWindow();
    QVERIFY(controller.reminderTimer());
    window->resize(1280, 720);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->showPage(QStringLiteral("notifications")));
    auto *page = child<NotificationsPage>(window, "notificationsPage");
    auto *categories = child<QListWidget>(page, "notificationCategories");
    QCOMPARE(categories->count(), 4);
    QCOMPARE(categories->item(3)->text(), QStringLiteral("Reminders"));
    // The reminders were sent at sign-in, in a worker thread.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            categories->setCurrentRow(0);
            categories->setCurrentRow(3);
            return page->model()->rowCount() > 0;
        }(),
        20000);
    auto *list = child<QTreeView>(page, "notificationsList");
    list->setCurrentIndex(page->model()->index(0, 0));
    const Notification first = page->model()->notification(0);
    QCOMPARE(first.category, NotificationCategory::Reminder);
    QVERIFY2(first.title().contains(QStringLiteral("expires in")), qPrintable(first.title()));
    QVERIFY(child<QPushButton>(page, "openCertificateButton")->isVisible());
    GuiTest::saveScreenshot(window, QStringLiteral("inbox-reminders.png"));
    QTest::keyClick(list, Qt::Key_Return);
    CertificateDetailsDialog *details = nullptr;
    QTRY_VERIFY((details = window->findChild<CertificateDetailsDialog *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(details));
    QCOMPARE(details->certificateId(), first.certificateId);
    QVERIFY(details->canRenew());
    QVERIFY(child<QPushButton>(details, "renewButton")->isVisible());
    details->close();
}

void TestLifecycleDialogs::statusChips_filterAndCount_orderByExpiry()
{
    auto window = GuiTest::openMainWindow(m_db->location(), kEmma, QSize(1280, 720));
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("results")));
    auto *section = child<CertificatesSection>(window.get(), "certificatesSection");
    QVERIFY(section);
    CertificateFilterBar *bar = section->filterBar();
    QVERIFY(bar && bar->isVisible());
    CertificateListModel *model = section->model();
    const int all = model->rowCount();
    QVERIFY(all >= 6);
    // The counts are read off the window's thread, after the first rows.
    QTRY_VERIFY(!section->isCounting());
    // Each chip says how many it shows; those that show none are disabled.
    QCOMPARE(bar->chip(StatusFilter::All)->text(), QStringLiteral("All %1").arg(all));
    QVERIFY(!bar->chip(StatusFilter::Revoked)->isEnabled()); // Emma has none revoked
    QVERIFY(bar->chip(StatusFilter::Expired)->isEnabled());

    QTest::mouseClick(bar->chip(StatusFilter::Expired), Qt::LeftButton);
    QCOMPARE(model->filter(), StatusFilter::Expired);
    QVERIFY(!section->isCounting()); // a filter shows a count already read
    QVERIFY(model->rowCount() >= 1);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->certificateAt(row).displayStatus(QDate::currentDate(), 30),
                 DisplayStatus::Expired);
    QCOMPARE(child<QLabel>(section, "certificatesSummary")->text(),
             model->rowCount() == 1
                 ? QStringLiteral("One certificate")
                 : QStringLiteral("%1 certificates, newest first").arg(model->rowCount()));

    // All, soonest expiry first: the expiring one before those further off.
    QTest::mouseClick(bar->chip(StatusFilter::All), Qt::LeftButton);
    bar->orderBox()->setCurrentIndex(1);
    QCOMPARE(model->order(), CertificateOrder::ExpirySoonest);
    QDate previous;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QDate expires = model->certificateAt(row).expires;
        if (!expires.isValid())
            previous = QDate(9999, 12, 31); // those without expiry come last
        else
            QVERIFY2(!previous.isValid() || previous <= expires, "sorted by expiry");
        if (expires.isValid())
            previous = expires;
    }
    GuiTest::saveScreenshot(window.get(), QStringLiteral("results-chips.png"));
    QTest::mouseClick(bar->chip(StatusFilter::Expiring), Qt::LeftButton);
    GuiTest::saveScreenshot(window.get(), QStringLiteral("results-chips-expiring.png"));
}

QTEST_MAIN(TestLifecycleDialogs)
#include "tst_lifecycledialogs.moc"
