// The reviewer's side offscreen, on the demo database: the notification
// inbox, the validation task view (edit, equivalence, validate, reject, two
// reviewers at once), the certificate history, and a keyboard-only run
// through several tasks.
#include "GuiTestSupport.h"
#include "certificate/HistoryView.h"
#include "certificate/TemplatePicker.h"
#include "notifications/NotificationsPage.h"
#include "pdf/CertificatePdf.h"
#include "results/CertificateDetailsDialog.h"
#include "review/TaskView.h"
#include "style/Theme.h"
#include "widgets/PdfPreview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using GuiTest::child;

namespace {
// Every control a test or a screen reader needs is named: objectName and
// accessibleName (the line edits inside spin and combo boxes are Qt's).
void verifyControlsNamed(QWidget *root)
{
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!qobject_cast<QAbstractButton *>(w) && !qobject_cast<QLineEdit *>(w) &&
            !qobject_cast<QPlainTextEdit *>(w) && !qobject_cast<QComboBox *>(w) &&
            !qobject_cast<QAbstractSpinBox *>(w) && !qobject_cast<QAbstractItemView *>(w))
            continue;
        if (qobject_cast<QAbstractSpinBox *>(w->parent()) ||
            qobject_cast<QComboBox *>(w->parent()) ||
            qobject_cast<QAbstractItemView *>(w->parent()) ||
            qobject_cast<QLineEdit *>(w->parent()))
            continue; // Qt's own parts: line edits, headers, clear buttons
        if (w->objectName().startsWith(QLatin1String("qt_")) || !w->isVisibleTo(root))
            continue;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

const QString kMaria = QStringLiteral("maria.schmidt@demo.example");
const QString kEmma = QStringLiteral("emma.wilson@demo.example");
const QString kGoogle = QStringLiteral("Google Analytics Certification");
const QString kSalesforce = QStringLiteral("Salesforce Administrator");

// True once QPdfView has painted the page: dark pixels (the certificate's
// text) on it, not only the white page it draws first.
bool previewShowsInk(PdfPreview *preview)
{
    const QImage image = preview->view()->viewport()->grab().toImage();
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            dark += qGray(image.pixel(x, y)) < 110 ? 1 : 0;
    return dark > 200;
}

QWidget *focused()
{
    return QApplication::focusWidget();
}
} // namespace

class TestReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void inbox_modelPassesTester();
    void taskView_repairedPdf_saysSoBesideTheFile();
    void inbox_listsUnreadValidationRequests();
    void inbox_openingRequestMarksReadAndOpensTask();
    void inbox_outcomeShowsReviewerComment();
    void inbox_markAllRead();
    void inbox_isLazy();
    void taskView_showsDetailsAndPdf();
    void taskView_editNameThenValidate();
    void taskView_editChecksFieldsLikeImport();
    void taskView_associateTemplate();
    void taskView_rejectNeedsComment();
    void taskView_decidedTaskIsReadOnly();
    void twoReviewers_secondIsToldWhoActedFirst();
    void review_searchFiltersTasks();
    void keyboardOnly_runThroughTasks();
    void history_showsEveryStep();
    void screenshots();

private:
    std::unique_ptr<Session> signIn(const QString &email);
    MainWindow *openMainWindow(const QString &email);
    Id taskOf(Session &session, const QString &certificateName);
    Id userId(Session &session, const QString &email);
    // before: bytes put in front of the PDF (a download's HTTP header).
    Id importFor(Session &session, const QString &ownerEmail, const QString &title,
                 const QByteArray &before = QByteArray());
    QList<Notification> inbox(Session &session, Id user);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppController> m_controller;
    int m_pdfCount = 0;
};

void TestReview::initTestCase()
{
    GuiTest::prepareApplication();
}

void TestReview::init()
{
    // Every test decides tasks: a fresh demo organisation each time.
    QSettings().clear();
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestReview::cleanup()
{
    m_controller.reset();
    m_db.reset();
}

std::unique_ptr<Session> TestReview::signIn(const QString &email)
{
    auto session =
        Session::signIn(DatabaseLocation::sqlite(m_db->location()), email, DemoData::password());
    if (!session) {
        qWarning("%s", qPrintable(session.message()));
        return nullptr;
    }
    return std::move(session.value());
}

MainWindow *TestReview::openMainWindow(const QString &email)
{
    m_controller = std::make_unique<AppController>(m_db->location());
    m_controller->start();
    if (!QTest::qWaitForWindowExposed(m_controller->signInWindow()))
        return nullptr;
    GuiTest::typeAndSignIn(m_controller->signInWindow(), email, DemoData::password());
    if (!QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }))
        return nullptr;
    MainWindow *window = m_controller->mainWindow();
    window->resize(1440, 900);
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

Id TestReview::taskOf(Session &session, const QString &certificateName)
{
    const auto tasks = session.reviews().tasks(session.userId(), false);
    Id newest = 0; // a certificate sent again has a newer task
    if (!tasks)
        return 0;
    for (const ValidationTask &task : tasks.value())
        if (task.certificate.name == certificateName)
            newest = task.id;
    return newest;
}

Id TestReview::userId(Session &session, const QString &email)
{
    const auto user = session.directory().userByEmail(email);
    return user ? user->id : 0;
}

// A new pending certificate of ownerEmail (imported by the owner), routed per
// R3 (managers in the demo); returns its task.
Id TestReview::importFor(Session &session, const QString &ownerEmail, const QString &title,
                         const QByteArray &before)
{
    const Id owner = userId(session, ownerEmail);
    const auto user = session.directory().user(owner);
    const QDate delivered = QDate::currentDate().addDays(-20);
    CertificatePdfContent content{title,
                                  user ? user->name : QString(),
                                  QStringLiteral("Northwind Training Institute"),
                                  delivered,
                                  QDate(),
                                  QStringLiteral("NTI-R-%1").arg(++m_pdfCount),
                                  QString()};
    ImportRequest request;
    request.pdf = before + CertificatePdf::render(content);
    request.originalFilename =
        title.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + QStringLiteral(".pdf");
    request.name = title;
    request.delivered = delivered;
    CertificateService certificates(session.database());
    const auto imported = certificates.importCertificate(owner, request);
    if (!imported) {
        qWarning("%s", qPrintable(imported.message()));
        return 0;
    }
    return imported->taskId;
}

QList<Notification> TestReview::inbox(Session &session, Id user)
{
    const auto list = session.notifications().notifications(user, false, 0, 1000);
    return list ? list.value() : QList<Notification>();
}

// README "Untrusted PDFs": the reviewer sees that the PDF was repaired on
// import, and the upload's SHA-256.
void TestReview::taskView_repairedPdf_saysSoBesideTheFile()
{
    auto emma = signIn(kEmma);
    QVERIFY(emma);
    const Id task = importFor(*emma, kEmma, QStringLiteral("Downloaded Forklift Licence"),
                              "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n");
    QVERIFY(task > 0);
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    TaskView view(*maria);
    view.resize(1280, 720);
    view.show();
    QVERIFY(view.showTask(task));
    auto *file = child<QLabel>(&view, "fileLabel");
    QVERIFY2(file->text().contains(QStringLiteral("downloaded-forklift-licence.pdf")),
             qPrintable(file->text()));
    QVERIFY2(file->text().contains(
                 QStringLiteral("Repaired on import: bytes before the PDF header removed")),
             qPrintable(file->text()));
    QVERIFY2(file->toolTip().contains(QStringLiteral("SHA-256 of the file as uploaded")),
             qPrintable(file->toolTip()));
    QTRY_VERIFY(previewShowsInk(view.pdfPreview()));
    GuiTest::saveScreenshot(&view, QStringLiteral("task-view-repaired.png"));

    // The owner's details dialog says it too.
    const Id certificate = maria->reviews().task(maria->userId(), task)->certificate.id;
    CertificateDetailsDialog details(*emma, certificate);
    details.show();
    QVERIFY(QTest::qWaitForWindowExposed(&details));
    auto *repaired = child<QLabel>(&details, "repairValue");
    QVERIFY2(repaired->text().contains(QStringLiteral("Repaired on import")),
             qPrintable(repaired->text()));
    // QPdfView renders in a worker thread: wait for the page's ink.
    QTRY_VERIFY_WITH_TIMEOUT(previewShowsInk(child<PdfPreview>(&details, "pdfPreview")), 10000);
    GuiTest::saveScreenshot(&details, QStringLiteral("certificate-details-repaired.png"));
}

void TestReview::inbox_modelPassesTester()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    NotificationListModel model(maria->notifications(), maria->userId());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload());
    QVERIFY(model.rowCount() > 0);
    model.setFilter(NotificationListModel::Filter::Outcomes);
    model.setFilter(NotificationListModel::Filter::ValidationRequests);
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.notification(row).category, NotificationCategory::ValidationRequest);
}

void TestReview::inbox_listsUnreadValidationRequests()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    const auto unread = maria->notifications().unreadCount(maria->userId());
    QVERIFY(unread && unread.value() >= 2);
    NotificationsPage page(*maria);
    page.resize(1100, 700);
    page.show();
    page.reload();
    auto *list = child<QTreeView>(&page, "notificationsList");
    auto *categories = child<QListWidget>(&page, "notificationCategories");
    QVERIFY(list && categories);
    QCOMPARE(categories->count(), 4); // All, Certificate Validation, Outcomes, Reminders
    categories->setCurrentRow(1);     // Certificate Validation
    NotificationListModel *model = page.model();
    QStringList titles;
    int bold = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, NotificationListModel::TitleColumn);
        QCOMPARE(index.data(NotificationListModel::CategoryRole).toString(),
                 Domain::categoryKey(NotificationCategory::ValidationRequest));
        titles << index.data().toString();
        bold += index.data(Qt::FontRole).value<QFont>().bold() ? 1 : 0;
        // Unread rows carry a dot; screen readers hear "Unread".
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
    QVERIFY(titles.contains(QStringLiteral("Certificate validation: ") + kGoogle));
    QVERIFY(titles.contains(QStringLiteral("Certificate validation: ") + kSalesforce));
    int unreadRequests = 0;
    for (const Notification &n : inbox(*maria, maria->userId()))
        unreadRequests += !n.read && n.category == NotificationCategory::ValidationRequest;
    QCOMPARE(bold, unreadRequests);
    // Newest first.
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->notification(row - 1).id > model->notification(row).id);
    QVERIFY(child<QLabel>(&page, "notificationsSummary")
                ->text()
                .contains(QString::number(unread.value())));
    auto *review = child<QPushButton>(&page, "reviewTasksButton");
    QVERIFY(review && review->isVisible());
    verifyControlsNamed(&page);
    QVERIFY(review->text().contains(QStringLiteral("(2)")));
}

void TestReview::inbox_openingRequestMarksReadAndOpensTask()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    const int before = maria->notifications().unreadCount(maria->userId()).value();
    NotificationsPage page(*maria);
    page.resize(1300, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.reload();
    QSignalSpy counts(&page, &Page::countsChanged);
    auto *list = child<QTreeView>(&page, "notificationsList");
    NotificationListModel *model = page.model();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->notification(r).certificateName == kGoogle)
            row = r;
    QVERIFY(row >= 0);
    QVERIFY(!model->notification(row).read);
    list->setFocus();
    list->setCurrentIndex(model->index(row, 0));
    QVERIFY(child<QPushButton>(&page, "openTaskButton")->isVisible());
    QTest::keyClick(list, Qt::Key_Return);

    QVERIFY(page.isReviewing());
    QCOMPARE(maria->notifications().unreadCount(maria->userId()).value(), before - 1);
    QVERIFY(counts.count() >= 1);
    TaskView *view = page.taskView();
    QCOMPARE(view->task().certificate.name, kGoogle);
    QVERIFY(view->isOpen());
    QTRY_VERIFY(previewShowsInk(view->pdfPreview()));
    verifyControlsNamed(&page);
    // The task list beside it holds Maria's open tasks, the opened one selected.
    auto *tasks = child<QListWidget>(&page, "taskList");
    QCOMPARE(tasks->count(), 2);
    QCOMPARE(tasks->currentItem()->data(Qt::UserRole).toLongLong(), view->taskId());

    // Esc: back to the inbox, where the notification now reads as read.
    QTest::keyClick(tasks, Qt::Key_Escape);
    QVERIFY(!page.isReviewing());
    QTRY_COMPARE(focused(), static_cast<QWidget *>(list));
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->notification(r).certificateName == kGoogle)
            QVERIFY(model->notification(r).read);
}

void TestReview::inbox_outcomeShowsReviewerComment()
{
    auto emma = signIn(kEmma);
    QVERIFY(emma);
    NotificationsPage page(*emma);
    page.resize(1100, 700);
    page.show();
    page.reload();
    child<QListWidget>(&page, "notificationCategories")->setCurrentRow(2); // Outcomes
    NotificationListModel *model = page.model();
    QVERIFY(model->rowCount() >= 2);
    int rejected = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        QVERIFY(model->notification(row).category != NotificationCategory::ValidationRequest);
        if (model->notification(row).category == NotificationCategory::CertificateRejected)
            rejected = row;
    }
    QVERIFY(rejected >= 0);
    auto *list = child<QTreeView>(&page, "notificationsList");
    list->setCurrentIndex(model->index(rejected, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(!page.isReviewing()); // an outcome has no task to review
    QVERIFY(model->notification(rejected).read);
    const QString details = child<QLabel>(&page, "notificationDetails")->text();
    QVERIFY2(details.contains(QStringLiteral("rejected")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("The PDF is a receipt")), qPrintable(details));
    QVERIFY(!child<QPushButton>(&page, "openTaskButton")->isVisible());
    QVERIFY(!child<QPushButton>(&page, "reviewTasksButton")->isVisible()); // Emma reviews nobody
}

void TestReview::inbox_markAllRead()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    NotificationsPage page(*maria);
    page.show();
    page.reload();
    auto *markAll = child<QPushButton>(&page, "markAllReadButton");
    QVERIFY(markAll->isEnabled());
    QTest::mouseClick(markAll, Qt::LeftButton);
    QCOMPARE(maria->notifications().unreadCount(maria->userId()).value(), 0);
    for (int row = 0; row < page.model()->rowCount(); ++row)
        QVERIFY(page.model()->notification(row).read);
    QVERIFY(!markAll->isEnabled());
}

void TestReview::inbox_isLazy()
{
    // Sofia's inbox: 130 notifications, one outcome in ten.
    auto sofia = signIn(QStringLiteral("sofia.rossi@demo.example"));
    QVERIFY(sofia);
    QString error;
    for (int i = 0; i < 130; ++i)
        QVERIFY(NotificationService::notify(sofia->database().connection(), sofia->userId(),
                                            i % 10 ? NotificationCategory::ValidationRequest
                                                   : NotificationCategory::CertificateRejected,
                                            0, 0, 0, QString(), &error));
    NotificationsPage page(*sofia);
    page.resize(1000, 600);
    page.show();
    page.reload();
    NotificationListModel *model = page.model();
    QCOMPARE(model->rowCount(), NotificationListModel::PageSize); // one page, not 130 rows
    QVERIFY(model->canFetchMore(QModelIndex()));
    // Scrolling to the end reads the next page.
    auto *list = child<QTreeView>(&page, "notificationsList");
    list->scrollToBottom();
    QTRY_VERIFY(model->rowCount() > NotificationListModel::PageSize);
    while (model->canFetchMore(QModelIndex()))
        model->fetchMore(QModelIndex());
    QCOMPARE(model->rowCount(), 130);
    // A category reads past the pages of the others.
    child<QListWidget>(&page, "notificationCategories")->setCurrentRow(2);
    while (model->canFetchMore(QModelIndex()))
        model->fetchMore(QModelIndex());
    QCOMPARE(model->rowCount(), 13);
    QTest::mouseClick(child<QPushButton>(&page, "markAllReadButton"), Qt::LeftButton);
    QCOMPARE(sofia->notifications().unreadCount(sofia->userId()).value(), 0);
}

void TestReview::taskView_showsDetailsAndPdf()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    const Id task = taskOf(*maria, kGoogle);
    QVERIFY(task);
    TaskView view(*maria);
    view.resize(1100, 750);
    view.show();
    QVERIFY(view.showTask(task));
    QCOMPARE(child<QLabel>(&view, "nameLabel")->text(), kGoogle);
    QCOMPARE(child<QLabel>(&view, "ownerLabel")->text(), QStringLiteral("Emma Wilson"));
    QVERIFY(!child<QLabel>(&view, "fileLabel")->text().isEmpty());
    QVERIFY(!child<QLabel>(&view, "deliveredLabel")->text().isEmpty());
    QVERIFY(child<QPushButton>(&view, "validateButton")->isEnabled());
    QVERIFY(child<QPushButton>(&view, "rejectButton")->isEnabled());
    QVERIFY(child<QPushButton>(&view, "editButton")->isVisible());
    QVERIFY(!child<QLineEdit>(&view, "nameEdit")->isVisible());
    QVERIFY(view.pdfPreview()->hasDocument());
    QTRY_VERIFY(previewShowsInk(view.pdfPreview()));
    // The history so far: imported (sent for validation) by Emma.
    QVERIFY(view.historyView()->entryCount() >= 1);
    QVERIFY(view.historyView()->entryTexts().constFirst().startsWith(
        QStringLiteral("Imported by Emma Wilson")));
    verifyControlsNamed(&view);
}

void TestReview::taskView_editNameThenValidate()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    const Id task = taskOf(*maria, kGoogle);
    TaskView view(*maria);
    view.resize(1100, 750);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.showTask(task));
    const Id certificate = view.task().certificate.id;
    const int version = view.task().version;
    QSignalSpy decided(&view, &TaskView::decided);

    QTest::mouseClick(child<QPushButton>(&view, "editButton"), Qt::LeftButton);
    QVERIFY(view.isEditing());
    auto *name = child<QLineEdit>(&view, "nameEdit");
    QVERIFY(name->isVisible());
    QTRY_COMPARE(focused(), name);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Google Analytics Individual Qualification"));
    QVERIFY(view.hasEdits());
    QVERIFY(child<QLabel>(&view, "editedNote")->isVisible());
    QTest::mouseClick(child<QPushButton>(&view, "validateButton"), Qt::LeftButton);

    QCOMPARE(decided.count(), 1);
    QVERIFY(decided.at(0).at(1).toBool());
    const auto stored = maria->certificates().certificate(maria->userId(), certificate);
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("Google Analytics Individual Qualification"));
    QCOMPARE(stored->status, CertificateStatus::Validated);
    const auto after = maria->reviews().task(maria->userId(), task);
    QCOMPARE(after->state, TaskState::Validated);
    QCOMPARE(after->version, version + 1);
    // The owner is told (R9), under the new name.
    const QList<Notification> emmas = inbox(*maria, userId(*maria, kEmma));
    QVERIFY(!emmas.isEmpty());
    QCOMPARE(emmas.constFirst().category, NotificationCategory::CertificateValidated);
    QCOMPARE(emmas.constFirst().certificateId, certificate);
    QCOMPARE(emmas.constFirst().certificateName,
             QStringLiteral("Google Analytics Individual Qualification"));
    // The view now shows the decision, read-only.
    QVERIFY(!view.isOpen());
    QVERIFY(child<QLabel>(&view, "taskDecided")
                ->text()
                .startsWith(QStringLiteral("Validated by Maria Schmidt on ")));
    QVERIFY(!child<QPushButton>(&view, "validateButton")->isVisible());
    QVERIFY(view.historyView()->entryTexts().constLast().contains(
        QStringLiteral("Name: “Google Analytics Certification” → “Google Analytics Individual "
                       "Qualification”")));
}

void TestReview::taskView_editChecksFieldsLikeImport()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    TaskView view(*maria);
    view.show();
    QVERIFY(view.showTask(taskOf(*maria, kGoogle)));
    view.setEditing(true);
    auto *delivered = child<QDateEdit>(&view, "deliveredEdit");
    auto *validate = child<QPushButton>(&view, "validateButton");
    delivered->setDate(QDate::currentDate().addDays(5));
    auto *error = child<QLabel>(&view, "deliveredError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("in the future")), qPrintable(error->text()));
    QVERIFY(!validate->isEnabled());
    QVERIFY(child<QLabel>(&view, "actionHint")->text().contains(QStringLiteral("in the future")));
    // Ctrl+Enter explains too, and nothing is written.
    view.validateAction()->trigger();
    QCOMPARE(maria->reviews().task(maria->userId(), view.taskId())->state, TaskState::Open);

    auto *name = child<QLineEdit>(&view, "nameEdit");
    name->clear();
    QVERIFY(child<QLabel>(&view, "nameError")->isVisible());
    child<QCheckBox>(&view, "expiresCheck")->setChecked(true);
    child<QDateEdit>(&view, "expiresEdit")->setDate(QDate(2001, 1, 1));
    QVERIFY(child<QLabel>(&view, "expiresError")->isVisible());
    view.resize(1100, 760);
    GuiTest::saveScreenshot(&view, QStringLiteral("task-view-edit-errors.png"));

    // Undo: the stored values again, and the buttons work.
    QTest::mouseClick(child<QToolButton>(&view, "revertButton"), Qt::LeftButton);
    QVERIFY(!view.hasEdits());
    QVERIFY(!child<QLabel>(&view, "deliveredError")->isVisible());
    QVERIFY(validate->isEnabled());
}

void TestReview::taskView_associateTemplate()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    TaskView view(*maria);
    view.show();
    QVERIFY(view.showTask(taskOf(*maria, kSalesforce)));
    const Id certificate = view.task().certificate.id;
    auto *combo = child<QComboBox>(&view, "templateCombo");
    QVERIFY(combo && combo->isEnabled());
    QCOMPARE(combo->currentText(), QStringLiteral("None"));
    // A name nobody has: said so, and nothing can be decided.
    combo->setEditText(QStringLiteral("Basket weaving"));
    QVERIFY(child<QLabel>(&view, "templateError")->isVisible());
    QVERIFY(!child<QPushButton>(&view, "validateButton")->isEnabled());
    combo->setEditText(QStringLiteral("advanced excel")); // case does not matter
    QVERIFY(!child<QLabel>(&view, "templateError")->isVisible());
    QCOMPARE(child<QLabel>(&view, "templateDescription")->text(),
             QStringLiteral("Spreadsheet modelling"));
    QTest::mouseClick(child<QPushButton>(&view, "validateButton"), Qt::LeftButton);
    const auto stored = maria->certificates().certificate(maria->userId(), certificate);
    QCOMPARE(stored->templateName, QStringLiteral("Advanced Excel"));
    QCOMPARE(stored->status, CertificateStatus::Validated);
    QVERIFY(view.historyView()->entryTexts().constLast().contains(
        QStringLiteral("Equivalent to “Advanced Excel”")));
}

void TestReview::taskView_rejectNeedsComment()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    TaskView view(*maria);
    view.resize(1100, 750);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Id task = taskOf(*maria, kGoogle);
    QVERIFY(view.showTask(task));
    const Id certificate = view.task().certificate.id;
    auto *reject = child<QPushButton>(&view, "rejectButton");
    QVERIFY(reject->toolTip().contains(QStringLiteral("comment")));
    QTest::mouseClick(reject, Qt::LeftButton);
    auto *error = child<QLabel>(&view, "commentError");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("comment")));
    auto *comment = child<QPlainTextEdit>(&view, "commentEdit");
    QTRY_COMPARE(focused(), comment);
    QCOMPARE(maria->reviews().task(maria->userId(), task)->state, TaskState::Open);

    QTest::keyClicks(comment, QStringLiteral("The date on the PDF is unreadable: please scan it "
                                             "again."));
    QVERIFY(!error->isVisible());
    QTest::mouseClick(reject, Qt::LeftButton);
    QCOMPARE(maria->reviews().task(maria->userId(), task)->state, TaskState::Rejected);
    QCOMPARE(maria->certificates().certificate(maria->userId(), certificate)->status,
             CertificateStatus::Rejected);
    const QList<Notification> emmas = inbox(*maria, userId(*maria, kEmma));
    QCOMPARE(emmas.constFirst().category, NotificationCategory::CertificateRejected);
    QVERIFY(emmas.constFirst().body().contains(QStringLiteral("please scan it again")));
    QVERIFY(child<QLabel>(&view, "taskDecided")->text().contains(QStringLiteral("Rejected by")));
    QVERIFY(child<QLabel>(&view, "taskDecided")->text().contains(QStringLiteral("scan it")));
}

void TestReview::taskView_decidedTaskIsReadOnly()
{
    auto maria = signIn(kMaria);
    QVERIFY(maria);
    // Yasmin's First Aid, validated by Maria in the demo.
    const Id task = taskOf(*maria, QStringLiteral("First Aid at Work"));
    QVERIFY(task);
    TaskView view(*maria);
    view.show();
    QVERIFY(view.showTask(task));
    QVERIFY(!view.isOpen());
    const QString banner = child<QLabel>(&view, "taskDecided")->text();
    QVERIFY2(banner.startsWith(QStringLiteral("Validated by Maria Schmidt on ")),
             qPrintable(banner));
    QVERIFY(banner.contains(QStringLiteral("Valid, thanks.")));
    QVERIFY(!child<QWidget>(&view, "decisionBox")->isVisible());
    QVERIFY(!child<QPushButton>(&view, "editButton")->isVisible());
    QVERIFY(!child<QComboBox>(&view, "templateCombo")->isEnabled());
    QVERIFY(!view.validateAction()->isEnabled());
    view.setEditing(true);
    QVERIFY(!view.isEditing());
}

void TestReview::twoReviewers_secondIsToldWhoActedFirst()
{
    // Two desktops on one demo file: Maria (the assigned reviewer) and Alex,
    // a platform admin, open the same task.
    auto maria = signIn(kMaria);
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(maria && admin);
    const Id task = taskOf(*maria, kGoogle);
    TaskView first(*admin);
    TaskView second(*maria);
    first.show();
    second.show();
    QVERIFY(first.showTask(task));
    QVERIFY(second.showTask(task));
    QSignalSpy outdated(&second, &TaskView::taskOutdated);
    QSignalSpy decided(&second, &TaskView::decided);

    QTest::mouseClick(child<QPushButton>(&first, "validateButton"), Qt::LeftButton);
    QVERIFY(!first.isOpen());
    // Maria renamed it and validates a moment later.
    second.setEditing(true);
    child<QLineEdit>(&second, "nameEdit")->setText(QStringLiteral("Maria's name"));
    QTest::mouseClick(child<QPushButton>(&second, "validateButton"), Qt::LeftButton);

    QCOMPARE(decided.count(), 0);
    QCOMPARE(outdated.count(), 1);
    const QString notice = second.notice();
    QVERIFY2(notice.contains(QStringLiteral("Alex Morgan")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("already validated")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral(" on ")), qPrintable(notice)); // and when
    QVERIFY(!second.isOpen());
    second.resize(1100, 700);
    GuiTest::saveScreenshot(&second, QStringLiteral("task-view-conflict.png"));
    QVERIFY(child<QLabel>(&second, "taskDecided")
                ->text()
                .startsWith(QStringLiteral("Validated by Alex Morgan on ")));
    // Her edit was not applied; nothing was written twice.
    QCOMPARE(maria->certificates().certificate(maria->userId(), second.task().certificate.id)->name,
             kGoogle);
    QSqlQuery q(maria->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                  "'certificate.validate' AND subject_id = %1")
                       .arg(second.task().certificate.id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestReview::review_searchFiltersTasks()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    NotificationsPage page(*admin);
    page.resize(1300, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.reload();
    auto *review = child<QPushButton>(&page, "reviewTasksButton");
    QVERIFY(review->isVisible()); // a platform admin may act on every task
    page.openTask();
    const int all = int(page.taskIds().size());
    QVERIFY(all >= 3);
    QTest::keyClick(focused(), Qt::Key_F, Qt::ControlModifier);
    auto *search = child<QLineEdit>(&page, "taskSearch");
    QTRY_COMPARE(focused(), search);
    QTest::keyClicks(search, QStringLiteral("liam"));
    QCOMPARE(page.taskIds().size(), 1);
    QCOMPARE(page.taskView()->task().certificate.ownerName, QStringLiteral("Liam O'Connor"));
    QVERIFY(child<QLabel>(&page, "taskCount")->text().startsWith(QStringLiteral("1 of ")));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(focused(), child<QListWidget>(&page, "taskList"));
    search->clear();
    QCOMPARE(page.taskIds().size(), all);
}

void TestReview::keyboardOnly_runThroughTasks()
{
    MainWindow *window = openMainWindow(kMaria);
    QVERIFY(window);
    Session &session = window->session();
    // Two more certificates for Maria's managees: four tasks in all.
    QVERIFY(importFor(session, QStringLiteral("sanne.devries@demo.example"),
                      QStringLiteral("Scrum Product Owner")));
    QVERIFY(importFor(session, QStringLiteral("yasmin.haddad@demo.example"),
                      QStringLiteral("Lean Six Sigma Green Belt")));
    QCOMPARE(session.reviews().tasks(session.userId(), true)->size(), 4);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));

    // Ctrl+3: Notifications; Alt+R: review the open tasks.
    const int notifications = int(window->pageKeys().indexOf(QStringLiteral("notifications")));
    QTest::keyClick(window, Qt::Key(Qt::Key_1 + notifications), Qt::ControlModifier);
    QTRY_COMPARE(window->currentPageKey(), QStringLiteral("notifications"));
    auto *page = child<NotificationsPage>(window, "notificationsPage");
    QTest::keyClick(window, Qt::Key_R, Qt::AltModifier);
    QTRY_VERIFY(page->isReviewing());
    auto *list = child<QListWidget>(page, "taskList");
    QTRY_COMPARE(focused(), list);
    TaskView *view = page->taskView();
    QList<Id> order = page->taskIds();
    QCOMPARE(order.size(), 4);
    QCOMPARE(view->taskId(), order.at(0));
    QTRY_VERIFY(previewShowsInk(view->pdfPreview()));

    // J / K and Alt+Down / Alt+Up move between tasks.
    QTest::keyClick(focused(), Qt::Key_J);
    QCOMPARE(view->taskId(), order.at(1));
    QTest::keyClick(focused(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(view->taskId(), order.at(2));
    QTest::keyClick(focused(), Qt::Key_K);
    QTest::keyClick(focused(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(view->taskId(), order.at(0));

    // 1. Ctrl+Enter validates; the next task opens with its PDF already read.
    QTRY_VERIFY(
        view->isPreloaded(session.reviews().task(session.userId(), order.at(1))->certificate));
    QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(session.reviews().task(session.userId(), order.at(0))->state, TaskState::Validated);
    QCOMPARE(view->taskId(), order.at(1));
    QVERIFY(view->pdfPreview()->hasDocument()); // at once, no wait
    QCOMPARE(focused(), list);
    QVERIFY(child<QLabel>(page, "reviewStatus")->text().startsWith(QStringLiteral("Validated")));

    // 2. E edits (focus in the name), then Ctrl+Enter validates with the edit.
    QTest::keyClick(focused(), Qt::Key_E);
    QVERIFY(view->isEditing());
    QTRY_COMPARE(focused(), child<QLineEdit>(view, "nameEdit"));
    QTest::keyClick(focused(), Qt::Key_End);
    QTest::keyClicks(focused(), QStringLiteral(" (2025)"));
    const Id editedCertificate = view->task().certificate.id;
    const QString newName = view->task().certificate.name + QStringLiteral(" (2025)");
    QTest::keyClick(focused(), Qt::Key_Enter, Qt::ControlModifier); // the keypad's Enter
    QCOMPARE(session.reviews().task(session.userId(), order.at(1))->state, TaskState::Validated);
    QCOMPARE(session.certificates().certificate(session.userId(), editedCertificate)->name,
             newName);
    QCOMPARE(view->taskId(), order.at(2));

    // 3. Ctrl+Shift+R with no comment: the focus goes to the comment; type
    //    it, Ctrl+Shift+R again rejects.
    QTest::keyClick(focused(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(session.reviews().task(session.userId(), order.at(2))->state, TaskState::Open);
    QTRY_COMPARE(focused(), child<QPlainTextEdit>(view, "commentEdit"));
    QTest::keyClicks(focused(), QStringLiteral("Wrong person on the certificate."));
    QTest::keyClick(focused(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(session.reviews().task(session.userId(), order.at(2))->state, TaskState::Rejected);
    QCOMPARE(view->taskId(), order.at(3));
    QCOMPARE(focused(), list);

    // 4. The last one; then nothing is left.
    QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(session.reviews().task(session.userId(), order.at(3))->state, TaskState::Validated);
    QVERIFY(!view->hasTask());
    QVERIFY(page->taskIds().isEmpty());
    QCOMPARE(child<QLabel>(view, "taskPlaceholder")->text(),
             QStringLiteral("No open tasks: you are all caught up."));
    // The requests of decided tasks no longer wait in the inbox.
    for (const Notification &n : inbox(session, session.userId()))
        if (order.contains(n.taskId))
            QVERIFY2(n.read, qPrintable(n.title()));
    QCOMPARE(window->unreadCount(), session.notifications().unreadCount(session.userId()).value());

    // Esc: back to the inbox.
    QTest::keyClick(focused(), Qt::Key_Escape);
    QVERIFY(!page->isReviewing());
}

void TestReview::history_showsEveryStep()
{
    auto emma = signIn(kEmma);
    auto maria = signIn(kMaria);
    QVERIFY(emma && maria);
    // Emma's rejected Public Speaking Masterclass: corrected, sent again,
    // validated by Maria with an equivalence.
    Id certificate = 0;
    const auto mine = emma->certificates().certificatesOf(emma->userId(), emma->userId(), {}, 100);
    for (const Certificate &c : mine.value())
        if (c.name == QStringLiteral("Public Speaking Masterclass"))
            certificate = c.id;
    QVERIFY(certificate);
    ResubmitRequest again;
    again.certificateId = certificate;
    again.name = QStringLiteral("Public Speaking Masterclass (Level 2)");
    const auto resent = emma->certificates().resubmit(emma->userId(), again);
    QVERIFY2(resent, qPrintable(resent.message()));
    TaskView view(*maria);
    view.show();
    QVERIFY(view.showTask(taskOf(*maria, QStringLiteral("Public Speaking Masterclass (Level 2)"))));
    QVERIFY2(view.isOpen(), qPrintable(view.task().comment));
    child<QPlainTextEdit>(&view, "commentEdit")
        ->setPlainText(QStringLiteral("The real one, thanks."));
    view.validate();
    QVERIFY2(!view.isOpen(), qPrintable(view.notice()));

    HistoryView history;
    QVERIFY(history.load(*emma, certificate));
    const QStringList texts = history.entryTexts();
    QVERIFY2(texts.size() == 4, qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.at(0).startsWith(QStringLiteral("Imported by Emma Wilson")),
             qPrintable(texts.at(0)));
    QVERIFY(texts.at(1).startsWith(QStringLiteral("Rejected by Maria Schmidt")));
    QVERIFY(texts.at(1).contains(QStringLiteral("The PDF is a receipt")));
    QVERIFY(texts.at(2).startsWith(QStringLiteral("Corrected and sent again by Emma Wilson")));
    QVERIFY(texts.at(2).contains(QStringLiteral("Name: “Public Speaking Masterclass” → “Public "
                                                "Speaking Masterclass (Level 2)”")));
    QVERIFY(texts.at(3).startsWith(QStringLiteral("Validated by Maria Schmidt")));
    QVERIFY(texts.at(3).contains(QStringLiteral("The real one, thanks.")));

    // Someone outside the certificate's scope cannot read it.
    auto noah = signIn(QStringLiteral("noah.fischer@demo.example"));
    HistoryView refused;
    QString error;
    QVERIFY(!refused.load(*noah, certificate, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(refused.entryCount(), 0);
}

void TestReview::screenshots()
{
    MainWindow *window = openMainWindow(kMaria);
    QVERIFY(window);
    QVERIFY(window->showPage(QStringLiteral("notifications")));
    auto *page = child<NotificationsPage>(window, "notificationsPage");
    auto *list = child<QTreeView>(page, "notificationsList");
    QTRY_VERIFY(page->model()->rowCount() > 0);
    list->setCurrentIndex(page->model()->index(0, 0));
    GuiTest::saveScreenshot(window, QStringLiteral("inbox-unread.png"));

    // The newest may be a reminder (sent at sign-in): the validation
    // requests' category, then the first request.
    child<QListWidget>(page, "notificationCategories")->setCurrentRow(1);
    QTRY_VERIFY(page->model()->rowCount() > 0);
    list->setCurrentIndex(page->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(page->isReviewing());
    TaskView *view = page->taskView();
    QTRY_VERIFY(previewShowsInk(view->pdfPreview()));
    GuiTest::saveScreenshot(window, QStringLiteral("task-view.png"));

    // A certificate's history as its details show it: Emma's Public Speaking
    // Masterclass, rejected, corrected and sent again, then validated.
    auto emma = signIn(kEmma);
    QVERIFY(emma);
    const auto mine = emma->certificates().certificatesOf(emma->userId(), emma->userId(), {}, 100);
    Id certificate = 0;
    for (const Certificate &c : mine.value())
        if (c.name == QStringLiteral("Public Speaking Masterclass"))
            certificate = c.id;
    ResubmitRequest again;
    again.certificateId = certificate;
    again.name = QStringLiteral("Public Speaking Masterclass (Level 2)");
    again.delivered = QDate::currentDate().addDays(-28);
    QVERIFY(emma->certificates().resubmit(emma->userId(), again));
    page->reload();
    QTRY_VERIFY(page->taskIds().size() == 3);
    const auto tasks = window->session().reviews().tasks(window->session().userId(), true);
    Id task = 0;
    for (const ValidationTask &t : tasks.value())
        if (t.certificate.id == certificate)
            task = t.id;
    QVERIFY(view->showTask(task));
    child<QPlainTextEdit>(view, "commentEdit")
        ->setPlainText(QStringLiteral("This is the certificate itself: thanks for sending it."));
    view->validate();

    QWidget card;
    card.setObjectName(QStringLiteral("historyCard"));
    card.setAutoFillBackground(true);
    card.setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(&card);
    layout->setContentsMargins(24, 20, 24, 24);
    QLabel *title = Theme::titleLabel(QStringLiteral("History of “Public Speaking Masterclass "
                                                     "(Level 2)”"),
                                      &card);
    layout->addWidget(title);
    auto *history = new HistoryView(&card);
    QVERIFY(history->load(*emma, certificate));
    layout->addWidget(history);
    layout->addStretch(1);
    card.resize(560, 470);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    GuiTest::saveScreenshot(&card, QStringLiteral("history.png"));
}

QTEST_MAIN(TestReview)
#include "tst_review.moc"
