// The main window after sign-in, offscreen: navigation per role (the
// Policy's answer), the pages' rows, the unread badge, keyboard, sign out,
// remembered page, and screenshots.
#include "GuiTestSupport.h"

#include "itemmodels/CertificateListModel.h"
#include "itemmodels/UserListModel.h"
#include "notifications/NotificationsPage.h"
#include "results/CertificatesSection.h"
#include "services/NotificationService.h"
#include "settings/SettingsPage.h"
#include "shell/NavigationDelegate.h"
#include "style/Theme.h"

#include <QAction>
#include <QCheckBox>
#include <QListWidget>
#include <QMenu>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

using GuiTest::child;

namespace {
const QString kLearner = QStringLiteral("emma.wilson@demo.example");
const QString kManager = QStringLiteral("maria.schmidt@demo.example");
const QString kCoach = QStringLiteral("chloe.dubois@demo.example");
const QString kGroupAdmin = QStringLiteral("sofia.rossi@demo.example");
const QString kNoCertificates = QStringLiteral("lukas.weber@demo.example");
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void navigation_perRole_data();
    void navigation_perRole();
    void title_andProfileMenu();
    void results_learnerSeesOwnCertificatesWithStatus();
    void results_emptyState();
    void users_listsScopeOnly();
    void settings_showsPlatformSettings();
    void unreadCount_shownForReviewerWithPendingTasks();
    void markRead_updatesBadge();
    void ctrlNumber_switchesPages();
    void signOut_returnsToSignIn();
    void lastPage_remembered();
    void screenshots();
    void screenshots_darkPalette();

private:
    MainWindow *signIn(const QString &email);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppController> m_controller;
};

void TestMainWindow::initTestCase()
{
    GuiTest::prepareApplication();
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_controller = std::make_unique<AppController>(m_db->location());
    m_controller->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_controller->signInWindow()));
}

void TestMainWindow::cleanup()
{
    m_controller.reset();
}

MainWindow *TestMainWindow::signIn(const QString &email)
{
    GuiTest::typeAndSignIn(m_controller->signInWindow(), email, DemoData::password());
    if (!QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }))
        return nullptr;
    MainWindow *window = m_controller->mainWindow();
    window->resize(1100, 700);
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

void TestMainWindow::navigation_perRole_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("pages");
    const QStringList learner{QStringLiteral("results"), QStringLiteral("notifications")};
    const QStringList withUsers{QStringLiteral("results"), QStringLiteral("users"),
                                QStringLiteral("compliance"), QStringLiteral("notifications")};
    const QStringList everything{QStringLiteral("results"), QStringLiteral("users"),
                                 QStringLiteral("compliance"), QStringLiteral("notifications"),
                                 QStringLiteral("settings")};
    QTest::newRow("learner") << kLearner << learner;
    QTest::newRow("learner without manager")
        << QStringLiteral("noah.fischer@demo.example") << learner;
    QTest::newRow("manager") << kManager << withUsers;
    QTest::newRow("coach") << kCoach << withUsers;
    QTest::newRow("group admin") << kGroupAdmin << withUsers;
    QTest::newRow("platform admin") << DemoData::adminEmail() << everything;
    QTest::newRow("second platform admin")
        << QStringLiteral("priya.natarajan@demo.example") << everything;
}

void TestMainWindow::navigation_perRole()
{
    QFETCH(QString, email);
    QFETCH(QStringList, pages);
    MainWindow *window = signIn(email);
    QVERIFY(window);
    QCOMPARE(window->pageKeys(), pages);
    auto *navigation = child<QListWidget>(window, "navigation");
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), pages.size());
    // The page widgets that are not offered are not even built.
    QCOMPARE(child<QWidget>(window, "usersPage") != nullptr,
             pages.contains(QStringLiteral("users")));
    QCOMPARE(child<QWidget>(window, "settingsPage") != nullptr,
             pages.contains(QStringLiteral("settings")));
    QCOMPARE(child<QWidget>(window, "compliancePage") != nullptr,
             pages.contains(QStringLiteral("compliance")));
    QCOMPARE(window->currentPageKey(), QStringLiteral("results"));
}

void TestMainWindow::title_andProfileMenu()
{
    MainWindow *window = signIn(kLearner);
    QVERIFY(window);
    QCOMPARE(window->windowTitle(), QStringLiteral("CertDesk — Emma Wilson"));
    auto *profile = child<QToolButton>(window, "profileButton");
    QVERIFY(profile);
    QCOMPARE(profile->text(), QStringLiteral("Emma Wilson"));
    QVERIFY(!profile->accessibleName().isEmpty());
    QVERIFY(profile->menu());
    auto *who = profile->menu()->findChild<QAction *>(QStringLiteral("signedInAsAction"));
    QVERIFY(who);
    QCOMPARE(who->text(), QStringLiteral("Signed in as Emma Wilson"));
    auto *signOut = window->findChild<QAction *>(QStringLiteral("signOutAction"));
    QVERIFY(signOut);
    QCOMPARE(signOut->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+Q")));
    QVERIFY(profile->menu()->actions().contains(signOut));

    // One's own choice of reminder emails: on by default, saved at once.
    auto *emails = profile->menu()->findChild<QAction *>(QStringLiteral("reminderEmailsAction"));
    QVERIFY(emails);
    QVERIFY(emails->isCheckable() && emails->isEnabled());
    QVERIFY(emails->isChecked());
    QVERIFY(!emails->toolTip().isEmpty());
    emails->trigger();
    QVERIFY(!emails->isChecked());
    Session &session = window->session();
    QCOMPARE(session.directory().reminderEmails(session.userId()).value(), false);
    emails->trigger();
    QCOMPARE(session.directory().reminderEmails(session.userId()).value(), true);
}

void TestMainWindow::results_learnerSeesOwnCertificatesWithStatus()
{
    MainWindow *window = signIn(kLearner);
    QVERIFY(window);
    auto *section = child<CertificatesSection>(window, "certificatesSection");
    QVERIFY(section);
    auto *list = child<QTableView>(window, "certificatesTable");
    QVERIFY(list);
    QTRY_VERIFY(list->isVisible());
    CertificateListModel *model = section->model();
    const auto expected = window->session().certificates().certificatesOf(
        window->session().userId(), window->session().userId(), CertificateCursor(), 1000);
    QVERIFY(expected);
    QCOMPARE(model->rowCount(), int(expected->size()));
    QVERIFY(model->rowCount() >= 6);
    const int nameColumn = model->indexOf(CertificateListModel::Column::Name);
    const int statusColumn = model->indexOf(CertificateListModel::Column::Status);
    QStringList names;
    QStringList labels;
    QSet<QString> statuses;
    QSet<QRgb> colours;
    for (int row = 0; row < model->rowCount(); ++row) {
        names << model->index(row, nameColumn).data().toString();
        const QModelIndex status = model->index(row, statusColumn);
        labels << status.data().toString();
        statuses.insert(status.data(CertificateListModel::StatusKeyRole).toString());
        colours.insert(
            Theme::statusColor(
                DisplayStatus(status.data(CertificateListModel::DisplayStatusRole).toInt()),
                list->palette())
                .rgb());
    }
    QVERIFY(names.contains(QStringLiteral("Google Analytics Certification")));
    QVERIFY2(!names.contains(QStringLiteral("Salesforce Administrator")), "Liam's, not Emma's");
    // Emma's demo holds every display status; each has its own colour.
    QVERIFY2(statuses.contains(QStringLiteral("expired")) &&
                 statuses.contains(QStringLiteral("pending")) &&
                 statuses.contains(QStringLiteral("rejected")) &&
                 statuses.contains(QStringLiteral("validated")),
             qPrintable(QStringList(statuses.begin(), statuses.end()).join(u',')));
    QCOMPARE(colours.size(), statuses.size());
    QVERIFY(labels.contains(QStringLiteral("Pending validation")));
}

void TestMainWindow::results_emptyState()
{
    MainWindow *window = signIn(kNoCertificates);
    QVERIFY(window);
    auto *empty = child<QLabel>(window, "emptyState");
    QVERIFY(empty);
    QTRY_VERIFY(empty->isVisible());
    // Import is on in the demo: the empty state says how.
    QCOMPARE(empty->text(),
             QStringLiteral("No certificates yet — drop a PDF here or click Import certificate"));
    QVERIFY(!child<QTableView>(window, "certificatesTable")->isVisible());
}

void TestMainWindow::users_listsScopeOnly()
{
    MainWindow *window = signIn(kManager);
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("users")));
    auto *list = child<QTableView>(window, "usersTable");
    QVERIFY(list);
    QTRY_VERIFY(list->isVisible());
    QStringList emails;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        emails << list->model()->index(row, int(UserListModel::Column::Email)).data().toString();
    // Maria's managees, current ones only (Tom Becker is deleted).
    for (const char *managee : {"emma.wilson", "liam.oconnor", "yasmin.haddad", "sanne.devries"})
        QVERIFY2(emails.contains(QString::fromLatin1(managee) + QStringLiteral("@demo.example")),
                 managee);
    QVERIFY(!emails.contains(QStringLiteral("tom.becker@demo.example")));
    QVERIFY(!emails.contains(QStringLiteral("aiko.tanaka@demo.example")));
    QVERIFY(!emails.contains(DemoData::adminEmail()));
}

void TestMainWindow::settings_showsPlatformSettings()
{
    MainWindow *window = signIn(DemoData::adminEmail());
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("settings")));
    auto *page = child<SettingsPage>(window, "settingsPage");
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    QVERIFY(!page->isReadOnly());
    // The demo turns import and validation on and routes to managers.
    auto *import = child<QCheckBox>(page, "importEnabledCheck");
    QVERIFY(import && import->isEnabled() && import->isChecked());
    QCOMPARE(import->text().remove(u'&'),
             PlatformSettings::describe(QStringLiteral("import.enabled")));
    QVERIFY(child<QCheckBox>(page, "validationRequiredCheck")->isChecked());
    QVERIFY(child<QRadioButton>(page, "reviewersManagersRadio")->isChecked());
}

void TestMainWindow::unreadCount_shownForReviewerWithPendingTasks()
{
    MainWindow *window = signIn(kManager);
    QVERIFY(window);
    const auto tasks = window->session().reviews().tasks(window->session().userId(), true);
    QVERIFY(tasks);
    QVERIFY2(!tasks->isEmpty(), "Maria reviews her managees' pending certificates");
    const auto expected = window->session().notifications().unreadCount(window->session().userId());
    QVERIFY(expected);
    QVERIFY(expected.value() > 0);
    QCOMPARE(window->unreadCount(), expected.value());

    auto *navigation = child<QListWidget>(window, "navigation");
    QListWidgetItem *item = navigation->item(
        static_cast<int>(window->pageKeys().indexOf(QStringLiteral("notifications"))));
    QVERIFY(item);
    QCOMPARE(item->data(NavigationDelegate::BadgeRole).toInt(), expected.value());
    QVERIFY2(
        item->data(Qt::AccessibleTextRole).toString().contains(QString::number(expected.value())),
        "screen readers hear the count too");

    // The inbox: one row per notification, unread ones in bold.
    QVERIFY(window->showPage(QStringLiteral("notifications")));
    auto *page = child<NotificationsPage>(window, "notificationsPage");
    auto *list = child<QTreeView>(window, "notificationsList");
    QVERIFY(page && list);
    QTRY_VERIFY(list->isVisible());
    NotificationListModel *model = page->model();
    while (model->canFetchMore(QModelIndex()))
        model->fetchMore(QModelIndex());
    int bold = 0;
    QStringList titles;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        bold += index.data(Qt::FontRole).value<QFont>().bold() ? 1 : 0;
        titles << index.data().toString();
    }
    QCOMPARE(bold, expected.value());
    QVERIFY(
        titles.contains(QStringLiteral("Certificate validation: Google Analytics Certification")));
}

void TestMainWindow::markRead_updatesBadge()
{
    MainWindow *window = signIn(kGroupAdmin);
    QVERIFY(window);
    // Sofia has no inbox in the demo: give her one notification.
    QString error;
    QVERIFY(NotificationService::notify(
        window->session().database().connection(), window->session().userId(),
        NotificationCategory::ValidationRequest, 0, 0, 0, QString(), &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const int before = window->unreadCount();
    QTest::keyClick(window, Qt::Key_F5); // or wait for the 15 s timer
    QTRY_COMPARE(window->unreadCount(), before + 1);

    QVERIFY(window->showPage(QStringLiteral("notifications")));
    auto *page = child<NotificationsPage>(window, "notificationsPage");
    auto *list = child<QTreeView>(window, "notificationsList");
    auto *markRead = child<QPushButton>(window, "markReadButton");
    QVERIFY(page && list && markRead);
    QTRY_VERIFY(page->model()->rowCount() > 0);
    list->setCurrentIndex(page->model()->index(0, 0));
    QVERIFY(markRead->isEnabled());
    QTest::mouseClick(markRead, Qt::LeftButton);
    QTRY_COMPARE(window->unreadCount(), before);
    QVERIFY(!page->model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!markRead->isEnabled());
}

void TestMainWindow::ctrlNumber_switchesPages()
{
    MainWindow *window = signIn(DemoData::adminEmail());
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    const QStringList keys = window->pageKeys();
    for (int i = static_cast<int>(keys.size()) - 1; i >= 0; --i) {
        QTest::keyClick(window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QTRY_COMPARE(window->currentPageKey(), keys.at(i));
        auto *stack = child<QStackedWidget>(window, "pages");
        QCOMPARE(stack->currentWidget()->objectName(), keys.at(i) + QStringLiteral("Page"));
    }
}

void TestMainWindow::signOut_returnsToSignIn()
{
    MainWindow *window = signIn(kLearner);
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QPointer<MainWindow> guard(window);
    QTest::keyClick(window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!m_controller->mainWindow());
    QTRY_VERIFY(guard.isNull()); // the window and its session are gone
    SignInWindow *signInWindow = m_controller->signInWindow();
    QVERIFY(signInWindow->isVisible());
    QCOMPARE(child<QLineEdit>(signInWindow, "emailEdit")->text(), kLearner);
    QVERIFY(child<QLineEdit>(signInWindow, "passwordEdit")->text().isEmpty());
    QVERIFY(!child<QPushButton>(signInWindow, "signInButton")->isEnabled());

    // And someone else signs in on the same window.
    QVERIFY(signIn(DemoData::adminEmail()));
    QCOMPARE(m_controller->mainWindow()->session().user().email, DemoData::adminEmail());
}

void TestMainWindow::lastPage_remembered()
{
    MainWindow *window = signIn(DemoData::adminEmail());
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("settings")));
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY(!m_controller->mainWindow());
    window = signIn(DemoData::adminEmail());
    QVERIFY(window);
    QCOMPARE(window->currentPageKey(), QStringLiteral("settings"));
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY(!m_controller->mainWindow());
    // A learner has no Settings page: back to Results.
    window = signIn(kLearner);
    QVERIFY(window);
    QCOMPARE(window->currentPageKey(), QStringLiteral("results"));
}

void TestMainWindow::screenshots()
{
    MainWindow *window = signIn(kLearner);
    QVERIFY(window);
    GuiTest::saveScreenshot(window, QStringLiteral("main-learner.png"));
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY(!m_controller->mainWindow());

    window = signIn(kManager);
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("notifications")));
    GuiTest::saveScreenshot(window, QStringLiteral("main-reviewer-notifications.png"));
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY(!m_controller->mainWindow());

    window = signIn(DemoData::adminEmail());
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("users")));
    GuiTest::saveScreenshot(window, QStringLiteral("main-platform-admin.png"));
    QVERIFY(window->showPage(QStringLiteral("settings")));
    GuiTest::saveScreenshot(window, QStringLiteral("main-platform-admin-settings.png"));
}

void TestMainWindow::screenshots_darkPalette()
{
    const QPalette light = QApplication::palette();
    QApplication::setPalette(Theme::darkPalette());
    Theme::apply(*qApp);
    MainWindow *window = signIn(kLearner);
    QVERIFY(window);
    // Status colours follow the palette: light shades on a dark base.
    auto *list = child<QTableView>(window, "certificatesTable");
    QTRY_VERIFY(list->model()->rowCount() > 0);
    const QModelIndex status =
        list->model()->index(0, child<CertificatesSection>(window, "certificatesSection")
                                    ->model()
                                    ->indexOf(CertificateListModel::Column::Status));
    QVERIFY(Theme::statusColor(
                DisplayStatus(status.data(CertificateListModel::DisplayStatusRole).toInt()),
                list->palette())
                .lightness() > 128);
    GuiTest::saveScreenshot(window, QStringLiteral("main-learner-dark.png"));
    QApplication::setPalette(light);
    Theme::apply(*qApp);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
