// A server that goes away (README "Deploying on PostgreSQL"). A private, throwaway PostgreSQL
// server (not the shared one of scripts/test.sh, which other tests use at the
// same time) is restarted under a signed-in main window with an open import
// dialog: the dialog keeps what was typed and says why it did not save, the
// banner says the connection is lost, CertDesk reconnects by itself, and
// Save again writes exactly one certificate.
#include "GuiTestSupport.h"

#include "import/ImportDialog.h"
#include "pdf/CertificatePdf.h"
#include "policy/SettingsService.h"
#include "services/CertificateService.h"
#include "services/ServerSetup.h"
#include "services/Session.h"
#include "shell/ConnectionBanner.h"
#include "storage/ConnectionWatch.h"
#include "storage/Database.h"

#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using GuiTest::child;

namespace {
const QString kPgBin = QStringLiteral("/usr/lib/postgresql/15/bin/");
const QString kSuperPassword = QStringLiteral("postgrespw");
const QString kDatabase = QStringLiteral("certdesk");
const QString kAdminEmail = QStringLiteral("ada@example.org");
const QString kAdminPassword = QStringLiteral("ada-pw-123");
const QDate kDelivered(2024, 3, 12);

bool portIsFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return free;
}

// One PostgreSQL 15 cluster in a temporary folder, for this test alone;
// stopped and deleted by the destructor, also when a check fails.
class PrivateServer
{
public:
    PrivateServer() : m_dir(QStringLiteral("/tmp/certdesk-pgconn-XXXXXX")) {}
    ~PrivateServer() { stop(); }
    PrivateServer(const PrivateServer &) = delete;
    PrivateServer &operator=(const PrivateServer &) = delete;

    int port() const { return m_port; }

    bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        QFile pw(m_dir.filePath(QStringLiteral("pw")));
        if (!pw.open(QIODevice::WriteOnly) || pw.write(kSuperPassword.toUtf8() + '\n') < 0) {
            *error = QStringLiteral("cannot write the password file");
            return false;
        }
        pw.close();
        // As root, the cluster belongs to postgres (initdb refuses root).
        if (::geteuid() == 0 &&
            QProcess::execute(QStringLiteral("chown"),
                              {QStringLiteral("-R"), QStringLiteral("postgres:"), m_dir.path()}) !=
                0) {
            *error = QStringLiteral("chown postgres failed");
            return false;
        }
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("postgres"),
                  QStringLiteral("--pwfile=") + m_dir.filePath(QStringLiteral("pw")),
                  QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
                  QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                  QStringLiteral("--no-sync")},
                 error))
            return false;
        for (int port = 55400; port < 55500; ++port) {
            if (!portIsFree(port))
                continue;
            m_port = port;
            const QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 "
                                                   "-c fsync=off")
                                        .arg(port)
                                        .arg(m_dir.path());
            m_options = options;
            if (startAgain(error)) {
                m_running = true;
                return run(QStringLiteral("createdb"),
                           {QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"),
                            QString::number(port), QStringLiteral("-U"), QStringLiteral("postgres"),
                            kDatabase},
                           error);
            }
            // Taken between the check and the start: the next port.
        }
        *error += QStringLiteral("\nno free port from 55400");
        return false;
    }

    // Like a server restart in production: every connection is cut.
    bool restart(QString *error)
    {
        return run(QStringLiteral("pg_ctl"),
                   {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), logFile(),
                    QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                    QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("restart")},
                   error);
    }

    // The server goes down (and stays down until startAgain()).
    bool stopOnly(QString *error)
    {
        return run(QStringLiteral("pg_ctl"),
                   {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
                    QStringLiteral("-w"), QStringLiteral("stop")},
                   error);
    }

    bool startAgain(QString *error)
    {
        return run(QStringLiteral("pg_ctl"),
                   {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), logFile(),
                    QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                    QStringLiteral("-o"), m_options, QStringLiteral("start")},
                   error);
    }

    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        QString error;
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                  QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
                 &error))
            qWarning("could not stop the private server: %s", qPrintable(error));
        m_dir.remove();
    }

    // A new connection to the test database (superuser without login).
    std::unique_ptr<Database> open(const QString &login, const QString &password,
                                   QString *error) const
    {
        DatabaseLocation location = DatabaseLocation::parse(url(), error);
        if (!error->isEmpty())
            return nullptr;
        location.setUser(login);
        location.setPassword(password);
        auto opened = Database::open(location);
        if (!opened) {
            *error = opened.message();
            return nullptr;
        }
        return std::move(opened.value());
    }

    // No login in it: the sign-in's email and password are the login.
    QString url() const
    {
        return QStringLiteral("postgresql://127.0.0.1:%1/%2").arg(m_port).arg(kDatabase);
    }

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString logFile() const { return m_dir.filePath(QStringLiteral("server.log")); }

    bool run(const QString &tool, const QStringList &arguments, QString *error) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (::geteuid() == 0)
            process.start(QStringLiteral("runuser"),
                          QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                      QStringLiteral("--"), kPgBin + tool} +
                              arguments);
        else
            process.start(kPgBin + tool, arguments);
        if (!process.waitForFinished(90000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            QFile log(logFile());
            *error = QStringLiteral("%1 failed: %2 %3")
                         .arg(tool, QString::fromLocal8Bit(process.readAll()),
                              log.open(QIODevice::ReadOnly)
                                  ? QString::fromLocal8Bit(log.readAll().right(2000))
                                  : QString());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    int m_port = 0;
    QString m_options;
    bool m_running = false;
};
} // namespace

class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void serverRestart_dialogKeepsFieldsBannerShowsSaveWritesOnce();
    void serverRestart_noticedWithoutAnyAction();
    void serverDown_retriesWithBackoffUntilBack();
    void lostAnswer_sameKeyWritesOnce();
    void sqlite_noWatchNoBanner();

private:
    std::unique_ptr<MainWindow> signInThroughGui();
    int certificateCount();
    QByteArray pdf(const QString &title);

    std::unique_ptr<PrivateServer> m_server;
    QTemporaryDir m_files;
    Id m_adminId = 0;
    int m_pdfCount = 0;
};

void TestConnection::initTestCase()
{
    GuiTest::prepareApplication();
    QVERIFY(m_files.isValid());
    // The server's tests skip one by one (CERTDESK_REQUIRE_SERVER); SQLite's runs.
    if (qEnvironmentVariableIntValue("CERTDESK_TEST_SQLITE_ONLY") == 1)
        return;
    m_server = std::make_unique<PrivateServer>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));

    // certdesk-cli setup, as the server's superuser, with a first admin.
    {
        auto super = m_server->open(QStringLiteral("postgres"), kSuperPassword, &error);
        QVERIFY2(super, qPrintable(error));
        ServerSetupOptions options;
        options.adminEmail = kAdminEmail;
        options.adminName = QStringLiteral("Ada Lovelace");
        options.adminPassword = kAdminPassword;
        const auto report = ServerSetup::run(*super, options);
        QVERIFY2(report, qPrintable(report.message()));
        QVERIFY(report->admin);
        m_adminId = report->admin->id;
    }
    // Imports on, as the admin's own login.
    auto admin = m_server->open(kAdminEmail, kAdminPassword, &error);
    QVERIFY2(admin, qPrintable(error));
    const auto set = SettingsService(*admin).set(m_adminId, QStringLiteral("import.enabled"),
                                                 QStringLiteral("on"));
    QVERIFY2(set, qPrintable(set.message()));
}

void TestConnection::cleanupTestCase()
{
    m_server.reset();
}

std::unique_ptr<MainWindow> TestConnection::signInThroughGui()
{
    SignInWindow signIn;
    if (!signIn.setLocation(m_server->url()))
        return nullptr;
    signIn.resize(1100, 700);
    signIn.show();
    if (!QTest::qWaitForWindowExposed(&signIn))
        return nullptr;
    QSignalSpy signedIn(&signIn, &SignInWindow::signedIn);
    GuiTest::typeAndSignIn(&signIn, kAdminEmail, kAdminPassword);
    if (!signedIn.count() && !signedIn.wait(10000))
        return nullptr;
    auto session = signIn.takeSession();
    if (!session)
        return nullptr;
    auto window = std::make_unique<MainWindow>(std::move(session));
    window->resize(1100, 700);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

int TestConnection::certificateCount()
{
    QString error;
    auto super = m_server->open(QStringLiteral("postgres"), kSuperPassword, &error);
    if (!super) {
        qWarning("%s", qPrintable(error));
        return -1;
    }
    QSqlQuery query(super->connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM certificates")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QByteArray TestConnection::pdf(const QString &title)
{
    const CertificatePdfContent content{
        title,
        QStringLiteral("Ada Lovelace"),
        QStringLiteral("Northwind Training Institute"),
        kDelivered,
        QDate(2027, 3, 12),
        QStringLiteral("CONN-%1").arg(++m_pdfCount, 5, 10, QLatin1Char('0')),
        QString()};
    return CertificatePdf::render(content);
}

void TestConnection::serverRestart_dialogKeepsFieldsBannerShowsSaveWritesOnce()
{
    CERTDESK_REQUIRE_SERVER();
    auto window = signInThroughGui();
    QVERIFY(window);
    Session &session = window->session();
    QVERIFY(session.database().isSecured());
    ConnectionWatch *watch = session.connectionWatch();
    ConnectionBanner *banner = window->connectionBanner();
    QVERIFY(watch && banner);
    QVERIFY(banner->isHidden());
    // Here the failed Save is what notices the restart, not the timer.
    watch->setPingInterval(600000);
    QSignalSpy lost(watch, &ConnectionWatch::lost);
    QSignalSpy restored(watch, &ConnectionWatch::restored);

    const QString path = m_files.filePath(QStringLiteral("first-aid.pdf"));
    {
        QFile file(path);
        const QByteArray bytes = pdf(QStringLiteral("First Aid"));
        QVERIFY(!bytes.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(bytes) > 0);
    }
    ImportDialog dialog(session, session.userId(), window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.setFile(path));
    auto *name = child<QLineEdit>(&dialog, "nameEdit");
    auto *delivered = child<QDateEdit>(&dialog, "deliveredEdit");
    auto *save = child<QPushButton>(&dialog, "saveButton");
    auto *saveError = child<QLabel>(&dialog, "saveError");
    QVERIFY(name && delivered && save && saveError);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("First Aid at Work"));
    delivered->setDate(kDelivered);
    QVERIFY(save->isEnabled());
    const int before = certificateCount();
    QCOMPARE(before, 0);

    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QTest::mouseClick(save, Qt::LeftButton);

    // Not saved, said in the dialog, which keeps everything typed.
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hasOutcome());
    QVERIFY(saveError->isVisible());
    QVERIFY2(saveError->text().contains(QLatin1String("connection to the database was lost")),
             qPrintable(saveError->text()));
    QCOMPARE(name->text(), QStringLiteral("First Aid at Work"));
    QCOMPARE(delivered->date(), kDelivered);
    QCOMPARE(dialog.filePath(), path);
    // The banner says so in the main window.
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(lost.count(), 1);
    QVERIFY(banner->isLost());
    QVERIFY2(banner->text().contains(QLatin1String("CertDesk reconnects by itself")),
             qPrintable(banner->text()));
    auto *reconnect = child<QPushButton>(banner, "connectionBannerReconnectButton");
    QVERIFY(reconnect && reconnect->isVisible());
    QVERIFY(!reconnect->accessibleName().isEmpty());
    GuiTest::saveScreenshot(window.get(), QStringLiteral("connection-lost-banner.png"));
    GuiTest::saveScreenshot(&dialog, QStringLiteral("connection-lost-dialog.png"));

    // It reconnects by itself (the server is back), the banner goes.
    QTRY_VERIFY_WITH_TIMEOUT(restored.count() == 1, 15000);
    QVERIFY(!watch->isLost());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 15000);
    QVERIFY2(saveError->text().contains(QLatin1String("Connected again")),
             qPrintable(saveError->text()));
    QCOMPARE(name->text(), QStringLiteral("First Aid at Work"));

    // Save again: written once, with what was typed.
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(dialog.hasOutcome());
    QVERIFY(!dialog.outcome().alreadyDone);
    QCOMPARE(dialog.outcome().certificate.name, QStringLiteral("First Aid at Work"));
    QCOMPARE(certificateCount(), 1);
    // The same dialog's key sent once more (an answer lost on the way):
    // nothing new.
    ImportRequest again;
    again.pdf = pdf(QStringLiteral("First Aid"));
    again.name = QStringLiteral("First Aid at Work");
    again.delivered = kDelivered;
    again.importKey = dialog.importKey();
    const auto repeated = session.certificates().importCertificate(session.userId(), again);
    QVERIFY2(repeated, qPrintable(repeated.message()));
    QVERIFY(repeated->alreadyDone);
    QCOMPARE(repeated->certificate.id, dialog.outcome().certificate.id);
    QCOMPARE(certificateCount(), 1);
}

void TestConnection::serverRestart_noticedWithoutAnyAction()
{
    CERTDESK_REQUIRE_SERVER();
    // Nobody clicks anything: the watch's ping notices, "Reconnect now" works.
    auto window = signInThroughGui();
    QVERIFY(window);
    ConnectionWatch *watch = window->session().connectionWatch();
    ConnectionBanner *banner = window->connectionBanner();
    QVERIFY(watch && banner);
    watch->setPingInterval(300);
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY(watch->isLost());
    // The timer's pings ran on the session's background connection, none on
    // the window's thread (a network cut would have frozen the window).
    QVERIFY(watch->backgroundPings() >= 1);
    QCOMPARE(watch->pings(), watch->backgroundPings());
    // "Reconnect now" asks the server off the window's thread, then
    // reconnects the window's connection.
    const int jobs = window->session().background().jobsRun();
    QTest::mouseClick(child<QPushButton>(banner, "connectionBannerReconnectButton"),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!watch->isLost(), 10000);
    QVERIFY(window->session().background().jobsRun() > jobs);
    QCOMPARE(banner->text(), QStringLiteral("Connected again."));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 10000);
    // The session works again.
    QVERIFY(window->session().notifications().unreadCount(window->session().userId()));
}

void TestConnection::serverDown_retriesWithBackoffUntilBack()
{
    // The server stays away a while: the banner says it keeps trying.
    CERTDESK_REQUIRE_SERVER();
    auto window = signInThroughGui();
    QVERIFY(window);
    ConnectionWatch *watch = window->session().connectionWatch();
    ConnectionBanner *banner = window->connectionBanner();
    QVERIFY(watch && banner);
    watch->setPingInterval(600000);
    QSignalSpy retries(watch, &ConnectionWatch::retryFailed);
    QSignalSpy restored(watch, &ConnectionWatch::restored);
    QString error;
    QVERIFY2(m_server->stopOnly(&error), qPrintable(error));
    QVERIFY(watch->check());
    QVERIFY(banner->isVisible());
    // The first retry comes after 1 s, fails, and the next waits 2 s.
    QTRY_VERIFY_WITH_TIMEOUT(retries.count() >= 1, 5000);
    QCOMPARE(retries.first().at(1).toInt(), ConnectionWatch::retryDelaysMs().at(1));
    auto *detail = child<QLabel>(banner, "connectionBannerDetail");
    QVERIFY(detail);
    QVERIFY2(detail->text().contains(QLatin1String("Still not connected")),
             qPrintable(detail->text()));
    QVERIFY(banner->isLost());
    GuiTest::saveScreenshot(window.get(), QStringLiteral("connection-lost-retrying.png"));
    QVERIFY2(m_server->startAgain(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(restored.count() == 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 10000);
    QVERIFY(window->session().notifications().unreadCount(window->session().userId()));
}

void TestConnection::lostAnswer_sameKeyWritesOnce()
{
    CERTDESK_REQUIRE_SERVER();
    // A Save whose answer was lost: the dialog sends the same key again.
    QString error;
    auto admin = m_server->open(kAdminEmail, kAdminPassword, &error);
    QVERIFY2(admin, qPrintable(error));
    const int before = certificateCount();
    QVERIFY(before >= 0);
    ImportRequest request;
    request.pdf = pdf(QStringLiteral("Fire Safety"));
    request.originalFilename = QStringLiteral("fire-safety.pdf");
    request.name = QStringLiteral("Fire Safety");
    request.delivered = kDelivered;
    request.importKey = QStringLiteral("3b0f8e52-6f0c-4f39-9d0b-6f1d2b7c9a11");
    CertificateService service(*admin);
    const auto first = service.importCertificate(m_adminId, request);
    QVERIFY2(first, qPrintable(first.message()));
    QVERIFY(!first->alreadyDone);
    const auto second = service.importCertificate(m_adminId, request);
    QVERIFY2(second, qPrintable(second.message()));
    QVERIFY(second->alreadyDone);
    QCOMPARE(second->certificate.id, first->certificate.id);
    QCOMPARE(certificateCount(), before + 1);
}

void TestConnection::sqlite_noWatchNoBanner()
{
    // A local file does not go away: no watch, no banner, no pings.
    QString error;
    auto db = GuiTest::demoDatabase(&error);
    QVERIFY2(db, qPrintable(error));
    db->close();
    auto window = GuiTest::openMainWindow(db->location(), DemoData::adminEmail());
    QVERIFY(window);
    QVERIFY(!window->session().connectionWatch());
    QVERIFY(!window->connectionBanner());
    QVERIFY(!window->findChild<ConnectionBanner *>());
    QVERIFY(!window->session().isConnectionLost());
    QVERIFY(!window->session().noteFailure(makeError(ErrorKind::Storage, QStringLiteral("x"))));
    QVERIFY(!window->session().database().isConnectionLost());
    QVERIFY(window->session().database().ping());
    // libpq's words for a connection that went away; a statement's own error is not one.
    QVERIFY(Database::isConnectionErrorText(
        QStringLiteral("server closed the connection unexpectedly\n\tThis probably means the "
                       "server terminated abnormally")));
    QVERIFY(Database::isConnectionErrorText(
        QStringLiteral("FATAL:  terminating connection due to administrator command")));
    QVERIFY(Database::isConnectionErrorText(QStringLiteral("no connection to the server")));
    QVERIFY(!Database::isConnectionErrorText(
        QStringLiteral("duplicate key value violates unique constraint")));
}

QTEST_MAIN(TestConnection)
#include "tst_connection.moc"
