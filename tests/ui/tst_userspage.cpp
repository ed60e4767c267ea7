// The Users page and profiles offscreen, on a demo database: Current and
// Deleted tabs over one lazy model, the debounced search (Ctrl+F), sorting on
// the sortable columns only, coloured counts, a manager's team, View profile
// (button, double-click, Enter) with the person's Results tab, importing for
// a managee and for a deleted user from a profile (R4), and screenshots.
#include "GuiTestSupport.h"

#include "certificate/StatusDelegate.h"
#include "import/ImportDialog.h"
#include "itemmodels/CertificateListModel.h"
#include "itemmodels/UserListModel.h"
#include "results/CertificatesSection.h"
#include "services/Session.h"
#include "users/ProfileDialog.h"
#include "users/UsersPage.h"
#include "widgets/FileDialog.h"

#include <QAction>
#include <QDateEdit>
#include <QHeaderView>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

using GuiTest::child;
using Column = UserListModel::Column;

namespace {
const QString kManager = QStringLiteral("maria.schmidt@demo.example");
const QString kLearner = QStringLiteral("emma.wilson@demo.example");
const QString kDeleted = QStringLiteral("tom.becker@demo.example");
const QString kCoach = QStringLiteral("chloe.dubois@demo.example");

QStringList columnTexts(UserListModel *model, Column column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, int(column)).data().toString();
    return texts;
}

int rowOf(UserListModel *model, const QString &email)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->rowAt(row).user.email == email)
            return row;
    }
    return -1;
}
} // namespace

class TestUsersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void screenshots();
    void platformAdmin_currentAndDeletedTabs();
    void search_narrowsAfterDebounce_ctrlFFocuses();
    void sort_byEmail_onlySortableColumns();
    void summary_tellsWholeListBeyondLoadedPage();
    void counts_colouredByStatus();
    void manager_seesTeamWithCounts();
    void coach_hasNoTeamToggle();
    void viewProfile_resultsTabListsCertificates();
    void viewProfile_doubleClickAndEnter();
    void importForManagee_fromProfile();
    void importForDeletedUser_fromProfile();

private:
    void setSetting(const QString &key, const QString &value);
    std::unique_ptr<MainWindow> openUsers(const QString &email, QSize size = QSize(1100, 700));
    static UsersPage *usersPage(MainWindow *window);
    static ProfileDialog *openProfile(UsersPage *page, const QString &email);
    void importFromProfile(ProfileDialog *profile, const QString &title);
    Id userId(const QString &email);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Session> m_admin;
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestUsersPage::initTestCase()
{
    GuiTest::prepareApplication();
    QVERIFY(m_dir.isValid());
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
    const DatabaseLocation location = DatabaseLocation::parse(m_db->location(), &error);
    auto admin = Session::signIn(location, DemoData::adminEmail(), DemoData::password());
    QVERIFY2(admin, qPrintable(admin.message()));
    m_admin = std::move(admin.value());
}

void TestUsersPage::init()
{
    QSettings().clear();
    setSetting(QStringLiteral("import.enabled"), QStringLiteral("on"));
    setSetting(QStringLiteral("validation.required"), QStringLiteral("on"));
    FileDialog::clearNextFileName();
}

void TestUsersPage::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        modal->close();
    FileDialog::clearNextFileName();
}

void TestUsersPage::setSetting(const QString &key, const QString &value)
{
    const auto set = m_admin->settings().set(m_admin->userId(), key, value);
    QVERIFY2(set, qPrintable(set.message()));
}

Id TestUsersPage::userId(const QString &email)
{
    const auto user = m_admin->directory().userByEmail(email);
    return user ? user->id : 0;
}

std::unique_ptr<MainWindow> TestUsersPage::openUsers(const QString &email, QSize size)
{
    auto window = GuiTest::openMainWindow(m_db->location(), email, size);
    if (window && !window->showPage(QStringLiteral("users")))
        return nullptr;
    return window;
}

UsersPage *TestUsersPage::usersPage(MainWindow *window)
{
    return qobject_cast<UsersPage *>(child<QWidget>(window, "usersPage"));
}

ProfileDialog *TestUsersPage::openProfile(UsersPage *page, const QString &email)
{
    const int row = rowOf(page->model(), email);
    if (row < 0)
        return nullptr;
    page->view()->setCurrentIndex(page->model()->index(row, 0));
    auto *button = child<QPushButton>(page, "viewProfileButton");
    if (!button || !button->isEnabled())
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    ProfileDialog *profile = page->profileDialog();
    return profile && QTest::qWaitForWindowExposed(profile) ? profile : nullptr;
}

// Import certificate on the profile's Results tab, through the dialog and its
// file chooser (the FileDialog seam), then Send for validation.
void TestUsersPage::importFromProfile(ProfileDialog *profile, const QString &title)
{
    CertificatesSection *section = profile->certificates();
    const QString path = m_dir.filePath(QStringLiteral("profile-%1.pdf").arg(++m_files));
    QVERIFY(GuiTest::writeCertificatePdf(path, title, profile->user().name));
    QString dialogTitle;
    bool saved = false;
    GuiTest::onNextModal<ImportDialog>([&](ImportDialog *dialog) {
        dialogTitle = dialog->windowTitle();
        FileDialog::setNextFileName(path);
        dialog->findChild<QPushButton *>(QStringLiteral("selectFileButton"))->click();
        dialog->findChild<QDateEdit *>(QStringLiteral("deliveredEdit"))
            ->setDate(QDate(2024, 3, 12));
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
        saved = save->isEnabled() && dialog->filePath() == path;
        save->click();
    });
    auto *button = child<QPushButton>(section, "importButton");
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(saved);
    QCOMPARE(dialogTitle, QStringLiteral("Import certificate for %1").arg(profile->user().name));
}

void TestUsersPage::platformAdmin_currentAndDeletedTabs()
{
    auto window = openUsers(DemoData::adminEmail());
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    QVERIFY(page);
    UserListModel *model = page->model();
    QCOMPARE(page->view()->model(), model);
    QTRY_VERIFY(page->view()->isVisible());
    QVERIFY(!model->canFetchMore(QModelIndex()));
    QCOMPARE(model->rowCount(), 29);
    QVERIFY(!columnTexts(model, Column::Email).contains(kDeleted));
    // No "My team" for an admin who manages nobody.
    QVERIFY(child<QPushButton>(page, "myTeamToggle")->isHidden());

    auto *tabs = child<QTabBar>(page, "usersTabs");
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Current"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Deleted"));
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
    QTRY_VERIFY(model->isDeleted());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, int(Column::Name)).data().toString(), QStringLiteral("Tom Becker"));
    QCOMPARE(model->index(0, int(Column::Email)).data().toString(), kDeleted);
    QVERIFY(child<QLabel>(page, "usersSummary")->text().contains(QLatin1String("1 deleted")));

    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center());
    QTRY_VERIFY(!model->isDeleted());
    QCOMPARE(model->rowCount(), 29);
}

void TestUsersPage::search_narrowsAfterDebounce_ctrlFFocuses()
{
    auto window = openUsers(DemoData::adminEmail());
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    UsersPage *page = usersPage(window.get());
    UserListModel *model = page->model();
    auto *search = child<QLineEdit>(page, "usersSearch");
    QVERIFY(search);
    QVERIFY(!search->accessibleName().isEmpty());
    page->view()->setFocus();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());

    QTest::keyClicks(search, QStringLiteral("schmidt"));
    // Not on every key: 250 ms after the last one.
    QCOMPARE(model->rowCount(), 29);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowAt(0).user.email, kManager);

    // The search matches emails too, and keeps working on the Deleted tab.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("becker"));
    QTRY_COMPARE(model->rowCount(), 0);
    QVERIFY(child<QLabel>(page, "usersEmpty")->isVisible());
    QVERIFY(child<QLabel>(page, "usersEmpty")->text().contains(QLatin1String("becker")));
    page->setDeletedTab(true);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowAt(0).user.email, kDeleted);
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(page->view()->hasFocus());
}

void TestUsersPage::summary_tellsWholeListBeyondLoadedPage()
{
    // Pages of 5: the list holds more than it has read, and its summary
    // still says how many (counted by the database off the window's thread).
    auto window = openUsers(DemoData::adminEmail());
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    UserListModel *model = page->model();
    auto *summary = child<QLabel>(page, "usersSummary");
    model->setPageSize(5);
    page->reload();
    QCOMPARE(model->rowCount(), 5);
    QVERIFY(model->canFetchMore(QModelIndex()));
    QTRY_VERIFY(!page->isCounting());
    QCOMPARE(summary->text(), QStringLiteral("29 people whose results you may see."));

    // A search counts what it matches, not what it has read.
    auto *search = child<QLineEdit>(page, "usersSearch");
    search->setText(QStringLiteral("example"));
    QTRY_VERIFY(model->query().search == QLatin1String("example") && !page->isCounting());
    QCOMPARE(summary->text(), QStringLiteral("29 people match “example”."));
    search->setText(QStringLiteral("schmidt"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(summary->text(), QStringLiteral("1 person matches “schmidt”."));

    // Ctrl+End: the last of the whole list, every page read; the number
    // does not change.
    search->clear();
    QTRY_VERIFY(model->query().search.isEmpty() && !page->isCounting());
    QVERIFY(model->canFetchMore(QModelIndex()));
    page->view()->setFocus();
    page->view()->setCurrentIndex(model->index(0, 0));
    QTest::keyClick(page->view(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(model->rowCount(), 29);
    QVERIFY(!model->canFetchMore(QModelIndex()));
    QCOMPARE(page->view()->currentIndex().row(), 28);
    QCOMPARE(summary->text(), QStringLiteral("29 people whose results you may see."));
}

void TestUsersPage::sort_byEmail_onlySortableColumns()
{
    auto window = openUsers(DemoData::adminEmail());
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    UserListModel *model = page->model();
    QHeaderView *header = page->view()->horizontalHeader();
    QVERIFY(header->isSortIndicatorShown());
    QCOMPARE(header->sortIndicatorSection(), int(Column::Name));

    const auto clickHeader = [&](Column column) {
        const int x =
            header->sectionViewportPosition(int(column)) + header->sectionSize(int(column)) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    clickHeader(Column::Email);
    QCOMPARE(header->sortIndicatorSection(), int(Column::Email));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QStringList emails = columnTexts(model, Column::Email);
    QCOMPARE(emails.size(), 29);
    QStringList sorted = emails;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(emails, sorted);
    QCOMPARE(emails.constFirst(), DemoData::adminEmail()); // "admin@" sorts first

    clickHeader(Column::Email);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    emails = columnTexts(model, Column::Email);
    std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
    QCOMPARE(emails, sorted);

    // A count column is not sortable: the indicator and the order stay.
    clickHeader(Column::Pending);
    QCOMPARE(header->sortIndicatorSection(), int(Column::Email));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(columnTexts(model, Column::Email), emails);
}

void TestUsersPage::counts_colouredByStatus()
{
    auto window = openUsers(DemoData::adminEmail());
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    const QList<QPair<Column, DisplayStatus>> columns{
        {Column::Valid, DisplayStatus::Validated},
        {Column::Pending, DisplayStatus::Pending},
        {Column::ExpiringSoon, DisplayStatus::ExpiringSoon},
        {Column::Expired, DisplayStatus::Expired},
        {Column::Rejected, DisplayStatus::Rejected}};
    for (const auto &[column, status] : columns) {
        auto *delegate =
            qobject_cast<StatusDelegate *>(page->view()->itemDelegateForColumn(int(column)));
        QVERIFY(delegate);
        QCOMPARE(delegate->statusOf(QModelIndex()), std::optional<DisplayStatus>(status));
    }
    QVERIFY(!page->view()->itemDelegateForColumn(int(Column::Name)));
}

void TestUsersPage::manager_seesTeamWithCounts()
{
    auto window = openUsers(kManager);
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    UserListModel *model = page->model();
    auto *team = child<QPushButton>(page, "myTeamToggle");
    QVERIFY(team);
    QVERIFY2(team->isVisible() && team->isChecked(), "Maria is only a manager: her team first");
    QStringList emails = columnTexts(model, Column::Email);
    emails.sort();
    QCOMPARE(emails, QStringList({QStringLiteral("emma.wilson@demo.example"),
                                  QStringLiteral("liam.oconnor@demo.example"),
                                  QStringLiteral("sanne.devries@demo.example"),
                                  QStringLiteral("yasmin.haddad@demo.example")}));

    // Emma's counts at a glance match her certificates' statuses.
    const int emma = rowOf(model, kLearner);
    QVERIFY(emma >= 0);
    const Session &session = window->session();
    const auto certificates = window->session().certificates().certificatesOf(
        session.userId(), model->rowAt(emma).user.id, CertificateCursor(), 1000);
    QVERIFY(certificates);
    QHash<DisplayStatus, int> expected;
    for (const Certificate &c : certificates.value())
        ++expected[c.displayStatus(Domain::today(), Domain::DefaultExpiringSoonDays)];
    const auto count = [&](Column column) {
        return model->index(emma, int(column)).data(UserListModel::CountRole).toInt();
    };
    QCOMPARE(count(Column::Pending), expected.value(DisplayStatus::Pending));
    QCOMPARE(count(Column::ExpiringSoon), expected.value(DisplayStatus::ExpiringSoon));
    QCOMPARE(count(Column::Expired), expected.value(DisplayStatus::Expired));
    QCOMPARE(count(Column::Rejected), expected.value(DisplayStatus::Rejected));
    QCOMPARE(count(Column::Valid),
             expected.value(DisplayStatus::Accepted) + expected.value(DisplayStatus::Validated));
    QVERIFY(count(Column::Pending) > 0 && count(Column::Expired) > 0 &&
            count(Column::ExpiringSoon) > 0);
    QVERIFY(child<QLabel>(page, "usersSummary")->text().contains(QLatin1String("your team")));

    // Off: everyone in her scope, herself included.
    QTest::mouseClick(team, Qt::LeftButton);
    QTRY_VERIFY(columnTexts(model, Column::Email).contains(kManager));
    QVERIFY(columnTexts(model, Column::Email).contains(kLearner));
    QVERIFY(!columnTexts(model, Column::Email).contains(DemoData::adminEmail()));
}

void TestUsersPage::coach_hasNoTeamToggle()
{
    auto window = openUsers(kCoach);
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    QVERIFY(child<QPushButton>(page, "myTeamToggle")->isHidden());
    QVERIFY(page->model()->rowCount() > 0);
}

void TestUsersPage::viewProfile_resultsTabListsCertificates()
{
    auto window = openUsers(kManager);
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    ProfileDialog *profile = openProfile(page, kLearner);
    QVERIFY(profile);
    QCOMPARE(profile->windowTitle(), QStringLiteral("Profile — Emma Wilson"));
    QCOMPARE(child<QLabel>(profile, "profileName")->text(), QStringLiteral("Emma Wilson"));
    QCOMPARE(child<QLabel>(profile, "profileManagerValue")->text(),
             QStringLiteral("Maria Schmidt"));
    QVERIFY(
        child<QLabel>(profile, "profileGroupsValue")->text().contains(QLatin1String("Sales EMEA")));
    QVERIFY(!child<QWidget>(profile, "deletedBadge"));

    QTabWidget *tabs = profile->tabs();
    QCOMPARE(tabs->tabText(1), QStringLiteral("Results"));
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
    QCOMPARE(tabs->currentIndex(), 1);
    CertificatesSection *section = profile->certificates();
    QVERIFY(section->isVisible());
    QCOMPARE(section->owner(), userId(kLearner));
    const auto expected = m_admin->certificates().certificatesOf(
        m_admin->userId(), userId(kLearner), CertificateCursor(), 1000);
    QVERIFY(expected);
    QCOMPARE(section->model()->rowCount(), int(expected->size()));
    for (int row = 0; row < section->model()->rowCount(); ++row)
        QCOMPARE(section->model()->certificateAt(row).ownerId, userId(kLearner));
    QVERIFY(child<QPushButton>(section, "importButton")->isVisible());
    QCOMPARE(section->view()->accessibleName(), QStringLiteral("Certificates of Emma Wilson"));

    // Esc closes the profile.
    QPointer<ProfileDialog> guard(profile);
    QTest::keyClick(profile, Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull());
}

void TestUsersPage::viewProfile_doubleClickAndEnter()
{
    auto window = openUsers(DemoData::adminEmail());
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    const int row = rowOf(page->model(), kLearner);
    QVERIFY(row >= 0);
    const QModelIndex index = page->model()->index(row, int(Column::Email));
    page->view()->scrollTo(index);
    const QPoint centre = page->view()->visualRect(index).center();
    // A double click: press and release, then the second press.
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(page->view()->viewport(), Qt::LeftButton, {}, centre);
    QTRY_VERIFY(page->profileDialog());
    QCOMPARE(page->profileDialog()->userId(), userId(kLearner));
    page->profileDialog()->close();
    QTRY_VERIFY(!page->profileDialog());

    page->view()->setFocus();
    page->view()->setCurrentIndex(page->model()->index(0, 0));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QTRY_VERIFY(page->profileDialog());
    QCOMPARE(page->profileDialog()->userId(), page->model()->rowAt(0).user.id);
    page->profileDialog()->close();
}

void TestUsersPage::importForManagee_fromProfile()
{
    auto window = openUsers(kManager);
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    const int pendingBefore = page->model()
                                  ->index(rowOf(page->model(), kLearner), int(Column::Pending))
                                  .data(UserListModel::CountRole)
                                  .toInt();
    ProfileDialog *profile = openProfile(page, kLearner);
    QVERIFY(profile);
    profile->showTab(ProfileDialog::Tab::Results);
    CertificatesSection *section = profile->certificates();
    const int before = section->model()->rowCount();
    importFromProfile(profile, QStringLiteral("Coaching Foundations"));
    QTRY_COMPARE(section->model()->rowCount(), before + 1);
    const QModelIndex current = section->view()->currentIndex();
    QVERIFY(current.isValid());
    const Certificate imported = section->model()->certificateAt(current.row());
    QCOMPARE(imported.name, QStringLiteral("Coaching Foundations"));
    QCOMPARE(imported.ownerId, userId(kLearner));
    QCOMPARE(imported.uploaderId, window->session().userId());
    QCOMPARE(imported.status, CertificateStatus::Pending);
    // The Users page behind shows the new pending certificate.
    QTRY_COMPARE(page->model()
                     ->index(rowOf(page->model(), kLearner), int(Column::Pending))
                     .data(UserListModel::CountRole)
                     .toInt(),
                 pendingBefore + 1);
}

void TestUsersPage::importForDeletedUser_fromProfile()
{
    auto window = openUsers(DemoData::adminEmail());
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    page->setDeletedTab(true);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    page->view()->setFocus();
    page->view()->setCurrentIndex(page->model()->index(0, 0));
    QTest::keyClick(page->view(), Qt::Key_Return);
    QTRY_VERIFY(page->profileDialog());
    ProfileDialog *profile = page->profileDialog();
    QVERIFY(QTest::qWaitForWindowExposed(profile));
    QCOMPARE(profile->userId(), userId(kDeleted));
    auto *badge = child<BadgeLabel>(profile, "deletedBadge");
    QVERIFY(badge && badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("Deleted"));
    QVERIFY(
        child<QLabel>(profile, "profileAccountValue")->text().startsWith(QLatin1String("Deleted")));

    profile->showTab(ProfileDialog::Tab::Results);
    CertificatesSection *section = profile->certificates();
    const int before = section->model()->rowCount();
    importFromProfile(profile, QStringLiteral("Forklift Safety"));
    QTRY_COMPARE(section->model()->rowCount(), before + 1);
    const Certificate imported =
        section->model()->certificateAt(section->view()->currentIndex().row());
    QCOMPARE(imported.name, QStringLiteral("Forklift Safety"));
    QCOMPARE(imported.ownerId, userId(kDeleted));
    QVERIFY(section->bannerText().contains(QLatin1String("Forklift Safety")));
}

// First, on the demo as it is (the other tests import more).
void TestUsersPage::screenshots()
{
    auto window = openUsers(DemoData::adminEmail(), QSize(1280, 760));
    QVERIFY(window);
    UsersPage *page = usersPage(window.get());
    page->view()->setCurrentIndex(page->model()->index(rowOf(page->model(), kLearner), 0));
    GuiTest::saveScreenshot(window.get(), QStringLiteral("users-current.png"));
    page->setDeletedTab(true);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    GuiTest::saveScreenshot(window.get(), QStringLiteral("users-deleted.png"));
    ProfileDialog *deleted = openProfile(page, kDeleted);
    QVERIFY(deleted);
    deleted->showTab(ProfileDialog::Tab::Results);
    GuiTest::saveScreenshot(deleted, QStringLiteral("profile-deleted-results.png"));
    deleted->close();
    page->setDeletedTab(false);
    QTRY_COMPARE(page->model()->rowCount(), 29);
    window.reset();

    window = openUsers(kManager, QSize(1280, 760));
    QVERIFY(window);
    page = usersPage(window.get());
    GuiTest::saveScreenshot(window.get(), QStringLiteral("users-my-team.png"));
    ProfileDialog *profile = openProfile(page, kLearner);
    QVERIFY(profile);
    profile->showTab(ProfileDialog::Tab::Results);
    GuiTest::saveScreenshot(profile, QStringLiteral("profile-results.png"));
    profile->showTab(ProfileDialog::Tab::Overview);
    GuiTest::saveScreenshot(profile, QStringLiteral("profile-overview.png"));
    profile->close();
}

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
