// Email inside the desktop application (README "Email"): the background
// sender runs while someone is signed in on a local database and stops on
// sign-out; a review in the window sends at once; platform admins (and only
// they) see a banner when emails could not be sent, the list of them, and
// "Send again"; quitting does not wait for a silent SMTP server. Against a
// SQLite demo database and a real SMTP server (tests/support/sink.py).
#include "GuiTestSupport.h"
#include "SmtpSink.h"
#include "itemmodels/FailedEmailListModel.h"
#include "mail/FailedEmailsDialog.h"
#include "mail/MailBanner.h"
#include "mail/MailOutbox.h"
#include "mail/MailPump.h"
#include "notifications/NotificationsPage.h"
#include "policy/SettingsService.h"
#include "review/TaskView.h"
#include "services/ReviewService.h"
#include "settings/SettingsPage.h"
#include "style/Theme.h"

#include <QAction>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using GuiTest::child;

namespace {
const QString kAdmin = QStringLiteral("admin@demo.example");
const QString kEmma = QStringLiteral("emma.wilson@demo.example");
const QString kMaria = QStringLiteral("maria.schmidt@demo.example");
const QString kFrom = QStringLiteral("CertDesk <certdesk@demo.example>");

// A server that takes connections (the kernel completes them) and never says
// a word: libcurl waits for a greeting up to its own timeouts.
class SilentServer
{
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), size) != 0 ||
            ::listen(m_fd, 16) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
            return;
        m_port = ntohs(address.sin_port);
    }
    ~SilentServer() { close(); }
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;

    int port() const { return m_port; }
    // Hangs up: the connections waiting in the backlog are reset.
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
    int m_port = 0;
};
} // namespace

class TestMailGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pump_runsWhileSignedIn_stopsOnSignOut();
    void notConfigured_adminIsToldInSettingsAndBanner();
    void demo_emailsWrittenToItsFolder_noBanner();
    void folderUnwritable_errorBannerEmailsWait();
    void review_sendsAtOnce();
    void failedEmails_bannerForAdminOnly_listAndSendAgain();
    void quit_doesNotWaitForASilentServer();
    void postgres_noSenderInTheApp_relayNamed();
    void screenshots_darkPalette();

private:
    MainWindow *signIn(const QString &email);
    void signOut();
    Id userId(const QString &email);
    bool setMail(const QString &key, const QString &value);
    bool configureMail(int port);
    Id queue(const QString &to, const QString &subject);
    int countState(const QString &state);
    int receivedBy(const QString &recipient) const;
    // Failed emails to Emma, for real: the server refuses her address.
    void makeFailedEmails(MainWindow **window);

    QTemporaryDir m_keyDir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppController> m_controller;
    SmtpSink m_sink;
};

void TestMailGui::initTestCase()
{
    GuiTest::prepareApplication();
    QVERIFY(m_keyDir.isValid());
    qputenv("CERTDESK_MAIL_KEY_FILE", m_keyDir.filePath(QStringLiteral("mail.key")).toUtf8());
    qunsetenv("CERTDESK_MAIL_KEY");
}

void TestMailGui::init()
{
    QSettings().clear();
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
    m_sink.stop();
    m_sink.clear();
}

void TestMailGui::cleanup()
{
    m_controller.reset();
    // A sender left to finish an email must be gone before its database.
    QTRY_COMPARE_WITH_TIMEOUT(MailPump::liveSenders(), 0, 60000);
    m_sink.stop();
    m_db.reset();
}

MainWindow *TestMailGui::signIn(const QString &email)
{
    if (!m_controller) {
        m_controller = std::make_unique<AppController>(m_db->location());
        m_controller->start();
        if (!QTest::qWaitForWindowExposed(m_controller->signInWindow()))
            return nullptr;
    }
    GuiTest::typeAndSignIn(m_controller->signInWindow(), email, DemoData::password());
    if (!QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }))
        return nullptr;
    MainWindow *window = m_controller->mainWindow();
    window->resize(1200, 760);
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

void TestMailGui::signOut()
{
    MainWindow *window = m_controller->mainWindow();
    QVERIFY(window);
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QTRY_VERIFY(m_controller->mainWindow() == nullptr);
    QTRY_VERIFY(m_controller->signInWindow()->isVisible());
}

Id TestMailGui::userId(const QString &email)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT id FROM users WHERE email = ?"), {email}, &error);
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool TestMailGui::setMail(const QString &key, const QString &value)
{
    SettingsService settings(m_db->db());
    const auto set = settings.set(userId(kAdmin), key, value);
    if (!set)
        qWarning("%s: %s", qPrintable(key), qPrintable(set.message()));
    return bool(set);
}

bool TestMailGui::configureMail(int port)
{
    // The demo writes into a folder (README "Email"): these tests want SMTP.
    return setMail(QStringLiteral("mail.transport"), QStringLiteral("smtp")) &&
           setMail(QStringLiteral("mail.host"), QStringLiteral("127.0.0.1")) &&
           setMail(QStringLiteral("mail.port"), QString::number(port)) &&
           setMail(QStringLiteral("mail.security"), QStringLiteral("none")) &&
           setMail(QStringLiteral("mail.from"), kFrom);
}

Id TestMailGui::queue(const QString &to, const QString &subject)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    const Id id = Sql::insert(
        m_db->db().connection(),
        QStringLiteral("INSERT INTO email_outbox (recipient_email, subject, body, language, "
                       "state, next_attempt_at, created_at) VALUES (?, ?, 'Hello', 'en', "
                       "'queued', ?, ?)"),
        {to, subject, now, now}, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return id;
}

int TestMailGui::countState(const QString &state)
{
    QString error;
    QSqlQuery q = Sql::run(m_db->db().connection(),
                           QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE state = ?"),
                           {state}, &error);
    return q.next() ? q.value(0).toInt() : -1;
}

int TestMailGui::receivedBy(const QString &recipient) const
{
    int n = 0;
    const auto messages = m_sink.messages();
    for (const QJsonObject &m : messages)
        n += m.value(QStringLiteral("to")).toString().contains(recipient) ? 1 : 0;
    return n;
}

void TestMailGui::pump_runsWhileSignedIn_stopsOnSignOut()
{
    MainWindow *window = signIn(kEmma);
    QVERIFY(window);
    MailPump *pump = m_controller->mailPump();
    QVERIFY(pump);
    QVERIFY(pump->isRunning());
    QCOMPARE(window->mailPump(), pump);
    QCOMPARE(MailPump::liveSenders(), 1);
    // A learner hears nothing of the outbox.
    QVERIFY(!window->mailBanner());
    QVERIFY(!window->findChild<MailBanner *>());

    signOut();
    QVERIFY(!m_controller->mailPump());
    QTRY_COMPARE(MailPump::liveSenders(), 0);

    // Signing in again starts a new one.
    window = signIn(kAdmin);
    QVERIFY(window);
    QVERIFY(m_controller->mailPump() && m_controller->mailPump()->isRunning());
    QCOMPARE(MailPump::liveSenders(), 1);
    signOut();
    QTRY_COMPARE(MailPump::liveSenders(), 0);
}

void TestMailGui::notConfigured_adminIsToldInSettingsAndBanner()
{
    // The demo's notifications queued emails; no server is set up (the
    // demo's folder put aside: SMTP without mail.host).
    QVERIFY(setMail(QStringLiteral("mail.transport"), QStringLiteral("smtp")));
    QVERIFY(countState(QStringLiteral("queued")) > 0);
    MainWindow *window = signIn(kAdmin);
    QVERIFY(window);
    QTRY_VERIFY(!m_controller->mailPump()->problem().isEmpty());
    QVERIFY2(m_controller->mailPump()->problem().contains(QLatin1String("not configured")),
             qPrintable(m_controller->mailPump()->problem()));
    MailBanner *banner = window->mailBanner();
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    // A notice, not an error: nothing failed, the emails wait.
    QVERIFY(banner->isNotice());
    QCOMPARE(banner->tone(), Banner::Tone::Info);
    QCOMPARE(banner->accessibleName(), QStringLiteral("Email notice"));
    QVERIFY2(banner->text().endsWith(QLatin1String("waiting to be sent.")),
             qPrintable(banner->text()));
    QVERIFY(!child<QPushButton>(banner, "mailBannerShowButton")->isVisible());
    QVERIFY(child<QPushButton>(banner, "mailBannerSettingsButton")->isVisible());
    QVERIFY(child<QLabel>(banner, "mailBannerDetail")
                ->text()
                .contains(QLatin1String("not configured")));
    GuiTest::saveScreenshot(window, QStringLiteral("mail-not-configured-notice.png"));

    // A learner, signed in elsewhere, hears nothing of it.
    {
        auto emma = GuiTest::openMainWindow(m_db->location(), kEmma);
        QVERIFY(emma);
        QVERIFY(!emma->mailBanner());
        QVERIFY(!emma->findChild<MailBanner *>());
    }

    // "Email settings" leads to the Email section, which says it too.
    QTest::mouseClick(child<QPushButton>(banner, "mailBannerSettingsButton"), Qt::LeftButton);
    QCOMPARE(window->currentPageKey(), QStringLiteral("settings"));
    auto *settings = window->findChild<SettingsPage *>();
    QVERIFY(settings);
    QVERIFY2(settings->mailProblemText().contains(QLatin1String("not configured")),
             qPrintable(settings->mailProblemText()));
    QVERIFY(child<QLabel>(settings, "mailDeliveryNote")
                ->text()
                .contains(QLatin1String("in the background")));
    QCOMPARE(child<QLabel>(settings, "failedEmailsSummary")->text(),
             QStringLiteral("No failed emails."));
    GuiTest::saveScreenshot(window, QStringLiteral("mail-not-configured.png"));
}

void TestMailGui::demo_emailsWrittenToItsFolder_noBanner()
{
    // README "Email": the demo's waiting emails are delivered as .eml files
    // into the folder beside its database; no banner greets its admin.
    const int waiting = countState(QStringLiteral("queued"));
    QVERIFY(waiting > 0);
    const QString folder = DemoData::mailFolder(DatabaseLocation::sqlite(m_db->location()));
    QVERIFY(!QFileInfo::exists(folder));
    MainWindow *window = signIn(kAdmin);
    QVERIFY(window);
    MailBanner *banner = window->mailBanner();
    QVERIFY(banner);
    // Those the demo queued, and the reminders signing in sends.
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("queued")), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("sending")), 0, 30000);
    const int sent = countState(QStringLiteral("sent"));
    QVERIFY(sent >= waiting);
    QCOMPARE(countState(QStringLiteral("failed")), 0);
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.eml")}, QDir::Files).size(), sent);
    QVERIFY2(m_controller->mailPump()->problem().isEmpty(),
             qPrintable(m_controller->mailPump()->problem()));
    window->refreshMailBanner();
    QVERIFY(!banner->isWanted());
    QVERIFY(!banner->isVisible());
    GuiTest::saveScreenshot(window, QStringLiteral("main-platform-admin-demo.png"));
}

void TestMailGui::folderUnwritable_errorBannerEmailsWait()
{
    // A folder that cannot be made (under a regular file; chmod would not
    // stop root): an error, the emails kept waiting with the reason.
    const QString file =
        QFileInfo(m_db->location()).absoluteDir().filePath(QStringLiteral("not-a-folder"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY(setMail(QStringLiteral("mail.folder"), file + QStringLiteral("/mail")));
    const int waiting = countState(QStringLiteral("queued"));
    MainWindow *window = signIn(kAdmin);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->mailPump()->problem().isEmpty(), 20000);
    QVERIFY2(m_controller->mailPump()->problem().contains(QLatin1String("mail folder")),
             qPrintable(m_controller->mailPump()->problem()));
    MailBanner *banner = window->mailBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->tone(), Banner::Tone::Problem);
    QVERIFY(!banner->isNotice());
    QVERIFY(
        child<QLabel>(banner, "mailBannerDetail")->text().contains(QLatin1String("not-a-folder")));
    QVERIFY(countState(QStringLiteral("queued")) >= waiting);
    QCOMPARE(countState(QStringLiteral("sent")), 0);
    QCOMPARE(countState(QStringLiteral("failed")), 0);
    GuiTest::saveScreenshot(window, QStringLiteral("mail-folder-unwritable.png"));
}

void TestMailGui::review_sendsAtOnce()
{
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QVERIFY(configureMail(m_sink.port()));
    MainWindow *window = signIn(kMaria);
    QVERIFY(window);
    MailPump *pump = m_controller->mailPump();
    QVERIFY(pump);
    // The first round (at sign-in) sends what the demo queued.
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("queued")), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("sending")), 0, 30000);
    QVERIFY(m_sink.messages().size() > 0);
    QVERIFY(pump->problem().isEmpty());
    const int emmaBefore = receivedBy(kEmma);
    QSignalSpy rounds(pump, &MailPump::roundFinished);

    // Maria validates Emma's certificate in the Notifications page: Emma's
    // email goes now, not at the next round a minute later.
    Id task = 0;
    const auto tasks = ReviewService(m_db->db()).tasks(userId(kMaria), false);
    QVERIFY(tasks);
    for (const ValidationTask &t : tasks.value())
        if (t.certificate.name == QLatin1String("Google Analytics Certification"))
            task = t.id;
    QVERIFY(task);
    QVERIFY(window->openTask(task));
    auto *inbox = window->findChild<NotificationsPage *>();
    QVERIFY(inbox);
    TaskView *view = inbox->taskView();
    QTRY_VERIFY(view->isOpen());
    const QString certificate = view->task().certificate.name;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(view->taskId(), task);
    auto *validate = child<QPushButton>(view, "validateButton");
    QVERIFY(validate->isEnabled());
    QTest::mouseClick(validate, Qt::LeftButton);
    // The page moves on to the next open task; this one is decided.
    QTRY_COMPARE(ReviewService(m_db->db()).task(userId(kMaria), task)->state, TaskState::Validated);
    QTRY_COMPARE_WITH_TIMEOUT(receivedBy(kEmma), emmaBefore + 1, 20000);
    QVERIFY2(clock.elapsed() < 20000, "sent by the next timed round, not at once");
    QTRY_VERIFY(!rounds.isEmpty());
    const QJsonObject last = m_sink.messages().constLast();
    QVERIFY(last.value(QStringLiteral("to")).toString().contains(kEmma));
    QVERIFY2(last.value(QStringLiteral("body")).toString().contains(certificate),
             qPrintable(last.value(QStringLiteral("body")).toString()));
    QCOMPARE(countState(QStringLiteral("failed")), 0);
}

void TestMailGui::makeFailedEmails(MainWindow **window)
{
    QString error;
    QVERIFY2(m_sink.start(&error, {QStringLiteral("--reject-rcpt"), QStringLiteral("emma")}),
             qPrintable(error));
    QVERIFY(configureMail(m_sink.port()));
    queue(kEmma, QStringLiteral("Your certificate “Forklift” was validated"));
    queue(kEmma, QStringLiteral("Your certificate “Crane” was rejected"));
    *window = signIn(kAdmin);
    QVERIFY(*window);
    // The first round: Emma's emails are refused for good, the others sent.
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("queued")), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("sending")), 0, 30000);
    QVERIFY(countState(QStringLiteral("failed")) >= 2);
    QCOMPARE(receivedBy(kEmma), 0);
}

void TestMailGui::failedEmails_bannerForAdminOnly_listAndSendAgain()
{
    MainWindow *window = nullptr;
    makeFailedEmails(&window);
    const int failed = countState(QStringLiteral("failed"));
    MailBanner *banner = window->mailBanner();
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QTRY_COMPARE(banner->failedCount(), failed);
    QCOMPARE(banner->text(), QStringLiteral("%1 emails could not be sent.").arg(failed));
    // Failed emails stay an error.
    QCOMPARE(banner->tone(), Banner::Tone::Problem);
    QVERIFY(!banner->isNotice());
    QVERIFY(child<QPushButton>(banner, "mailBannerShowButton")->isVisible());
    QVERIFY(!banner->accessibleName().isEmpty());
    GuiTest::saveScreenshot(window, QStringLiteral("failed-emails-banner.png"));

    // Emma, signed in elsewhere, sees no banner: the outbox is not hers.
    {
        auto emma = GuiTest::openMainWindow(m_db->location(), kEmma);
        QVERIFY(emma);
        QVERIFY(!emma->mailBanner());
        QVERIFY(!emma->findChild<MailBanner *>());
    }

    // The Settings page's Email section counts them too.
    QVERIFY(window->showPage(QStringLiteral("settings")));
    auto *settings = window->findChild<SettingsPage *>();
    QCOMPARE(child<QLabel>(settings, "failedEmailsSummary")->text(),
             QStringLiteral("%1 emails could not be sent.").arg(failed));

    // The banner's button opens the list, non-modal.
    QTest::mouseClick(child<QPushButton>(banner, "mailBannerShowButton"), Qt::LeftButton);
    FailedEmailsDialog *dialog = window->failedEmailsDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->model()->rowCount(), failed);
    // How many in all, counted by the database off the window's thread.
    QTRY_VERIFY(!dialog->isCounting());
    QCOMPARE(child<QLabel>(dialog, "failedEmailsTotal")->text(),
             QStringLiteral("%1 emails could not be sent.").arg(failed));
    QTableView *view = dialog->view();
    for (int row = 0; row < dialog->model()->rowCount(); ++row) {
        QCOMPARE(dialog->model()->entryAt(row).recipient, kEmma);
        const QString lastError = dialog->model()
                                      ->index(row, int(FailedEmailListModel::Column::LastError))
                                      .data()
                                      .toString();
        QVERIFY2(lastError.contains(QLatin1String("refused the recipient")), qPrintable(lastError));
    }
    auto *sendAgain = child<QPushButton>(dialog, "sendAgainButton");
    QVERIFY(!sendAgain->isEnabled()); // nothing selected yet
    view->selectAll();
    QVERIFY(sendAgain->isEnabled());
    GuiTest::saveScreenshot(dialog, QStringLiteral("failed-emails-list.png"));

    // The server takes Emma now. Someone else retried the first email
    // meanwhile: that one is said clearly, the others are queued, and the
    // sender sends them at once (its next timed round is a minute away).
    const Id taken = dialog->model()->emailIdAt(0);
    QVERIFY(MailOutbox(m_db->db()).retry(userId(kAdmin), taken));
    QString error;
    QVERIFY2(m_sink.start(&error), qPrintable(error));
    QTest::mouseClick(sendAgain, Qt::LeftButton);
    QVERIFY2(dialog->errorText().contains(QLatin1String("still waiting to be sent")),
             qPrintable(dialog->errorText()));
    QVERIFY2(dialog->statusText().contains(
                 QStringLiteral("%1 emails are queued again.").arg(failed - 1)),
             qPrintable(dialog->statusText()));
    QCOMPARE(countState(QStringLiteral("failed")), 0);
    QCOMPARE(dialog->model()->rowCount(), 0);
    QVERIFY(child<QLabel>(dialog, "failedEmailsEmpty")->isVisible());
    QTRY_VERIFY(!dialog->isCounting());
    QVERIFY(child<QLabel>(dialog, "failedEmailsTotal")->isHidden());
    GuiTest::saveScreenshot(dialog, QStringLiteral("failed-emails-retry-error.png"));
    QTRY_COMPARE_WITH_TIMEOUT(receivedBy(kEmma), failed, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("sent")), int(m_sink.messages().size()),
                              20000);
    QTRY_VERIFY(!banner->isVisible());
    QCOMPARE(banner->failedCount(), 0);
    QCOMPARE(child<QLabel>(settings, "failedEmailsSummary")->text(),
             QStringLiteral("No failed emails."));
    // The Email section's button opens the same list.
    dialog->close();
    QTest::mouseClick(child<QPushButton>(settings, "showFailedEmailsButton"), Qt::LeftButton);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(window->failedEmailsDialog(), dialog);
    QCOMPARE(dialog->model()->rowCount(), 0);
}

void TestMailGui::quit_doesNotWaitForASilentServer()
{
    // libcurl would wait for its own timeouts (90 s) on the email being sent.
    SilentServer silent;
    QVERIFY(silent.port() > 0);
    QVERIFY(configureMail(silent.port()));
    QVERIFY(signIn(kAdmin));
    QTRY_COMPARE_WITH_TIMEOUT(countState(QStringLiteral("sending")), 1, 20000);

    QElapsedTimer clock;
    clock.start();
    m_controller.reset(); // what quitting does
    QVERIFY2(clock.elapsed() < MailPump::DefaultStopWaitMs + 2000,
             qPrintable(QString::number(clock.elapsed())));
    // The sender left behind ends once the server hangs up, recording the
    // email as not sent (queued for later, nothing lost).
    QCOMPARE(MailPump::liveSenders(), 1);
    silent.close();
    QTRY_COMPARE_WITH_TIMEOUT(MailPump::liveSenders(), 0, 30000);
    QCOMPARE(countState(QStringLiteral("sending")), 0);
    QCOMPARE(countState(QStringLiteral("sent")), 0);
}

void TestMailGui::postgres_noSenderInTheApp_relayNamed()
{
    CERTDESK_REQUIRE_SERVER();
    m_db = std::make_unique<TestDatabase>(QStringLiteral("postgresql"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    const auto filled = DemoData::fill(m_db->db());
    QVERIFY2(filled, qPrintable(filled.message()));
    const Id failed = queue(kEmma, QStringLiteral("Given up"));
    QString error;
    Sql::run(m_db->db().connection(),
             QStringLiteral("UPDATE email_outbox SET state = 'failed', attempts = 3, last_error = "
                            "'down' WHERE id = ?"),
             {failed}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MainWindow *window = signIn(kAdmin);
    QVERIFY(window);
    // A shared database: certdesk-cli mail-relay sends, not this desktop.
    QVERIFY(!m_controller->mailPump());
    QVERIFY(!window->mailPump());
    QCOMPARE(MailPump::liveSenders(), 0);
    auto *settings = window->findChild<SettingsPage *>();
    QVERIFY(settings);
    QVERIFY(child<QLabel>(settings, "mailDeliveryNote")
                ->text()
                .contains(QLatin1String("certdesk-cli mail-relay")));
    // The relay's failures still reach platform admins.
    QTRY_VERIFY(window->mailBanner() && window->mailBanner()->isVisible());
    QCOMPARE(window->mailBanner()->text(), QStringLiteral("1 email could not be sent."));
    window->showFailedEmails();
    FailedEmailsDialog *dialog = window->failedEmailsDialog();
    QTRY_VERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->model()->rowCount(), 1);
    dialog->view()->selectRow(0);
    QVERIFY(dialog->sendSelectedAgain());
    QVERIFY2(dialog->statusText().contains(QLatin1String("mail relay")),
             qPrintable(dialog->statusText()));
    QVERIFY(!window->mailBanner()->isVisible());
}

void TestMailGui::screenshots_darkPalette()
{
    const QPalette light = QApplication::palette();
    QApplication::setPalette(Theme::darkPalette());
    Theme::apply(*qApp);
    MainWindow *window = nullptr;
    makeFailedEmails(&window);
    if (window) {
        QTRY_VERIFY(window->mailBanner()->isVisible());
        GuiTest::saveScreenshot(window, QStringLiteral("failed-emails-banner-dark.png"));
        window->showFailedEmails();
        FailedEmailsDialog *dialog = window->failedEmailsDialog();
        QTRY_VERIFY(dialog && dialog->isVisible());
        dialog->view()->selectRow(0);
        GuiTest::saveScreenshot(dialog, QStringLiteral("failed-emails-list-dark.png"));
    }
    QApplication::setPalette(light);
    Theme::apply(*qApp);
}

QTEST_MAIN(TestMailGui)
#include "tst_mailgui.moc"
