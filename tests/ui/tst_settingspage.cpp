// The Settings page offscreen, per role, on the demo database: a platform
// admin sees and changes every switch (stored at once, audited, announced
// with settingsChanged()); nobody else reaches it, and a page built for
// someone else anyway is read-only and writes nothing.
#include "GuiTestSupport.h"
#include "settings/SettingsPage.h"
#include "widgets/FileDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>

using GuiTest::child;

namespace {
const QString kGroupAdmin = QStringLiteral("sofia.rossi@demo.example");
} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void platformAdmin_seesDemoSettings();
    void platformAdmin_togglesSwitch_storedAuditedAnnounced();
    void platformAdmin_keyboardOnly();
    void reviewers_radioButtons();
    void pdfLimit_savedWhereTheAdminStops();
    void pdfReaderLimits_shownWithRangesAndSaved();
    void reminders_daysTypedAndChecked_managerSwitch();
    void emailSection_onlyWithMailSettings();
    void emailSection_folderTransport_smtpFieldsHidden_browse();
    void refusedChange_shownInlineAndUndone();
    void groupAdmin_cannotReachSettings();
    void groupAdmin_pageIsReadOnly();
    void screenshot();

private:
    std::unique_ptr<Session> signIn(const QString &email);
    int auditRows(Session &session, const QString &key);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppController> m_controller;
};

void TestSettingsPage::initTestCase()
{
    GuiTest::prepareApplication();
}

void TestSettingsPage::init()
{
    QSettings().clear();
    QString error;
    m_db = GuiTest::demoDatabase(&error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestSettingsPage::cleanup()
{
    m_controller.reset();
    m_db.reset();
}

std::unique_ptr<Session> TestSettingsPage::signIn(const QString &email)
{
    auto session =
        Session::signIn(DatabaseLocation::sqlite(m_db->location()), email, DemoData::password());
    if (!session) {
        qWarning("%s", qPrintable(session.message()));
        return nullptr;
    }
    return std::move(session.value());
}

int TestSettingsPage::auditRows(Session &session, const QString &key)
{
    QSqlQuery q(session.database().connection());
    q.prepare(QStringLiteral("SELECT details FROM audit_log WHERE action = 'settings.change'"));
    if (!q.exec())
        return -1;
    int rows = 0;
    while (q.next())
        rows += key.isEmpty() || q.value(0).toString().contains(QStringLiteral("\"%1\"").arg(key))
                    ? 1
                    : 0;
    return rows;
}

void TestSettingsPage::platformAdmin_seesDemoSettings()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    page.show();
    QVERIFY(!page.isReadOnly());
    QVERIFY(!child<QLabel>(&page, "settingsReadOnlyNote")->isVisible());
    QCOMPARE(child<QLabel>(&page, "certificateSectionTitle")->text(),
             QStringLiteral("Certificate"));
    // The demo: import on, validation on, managers review, credits on.
    auto *import = child<QCheckBox>(&page, "importEnabledCheck");
    QVERIFY(import && import->isEnabled() && import->isChecked());
    QCOMPARE(import->text().remove(u'&'),
             PlatformSettings::describe(QStringLiteral("import.enabled")));
    auto *validation = child<QCheckBox>(&page, "validationRequiredCheck");
    QVERIFY(validation->isChecked());
    QCOMPARE(validation->text().remove(u'&'),
             PlatformSettings::describe(QStringLiteral("validation.required")));
    QVERIFY(child<QRadioButton>(&page, "reviewersManagersRadio")->isChecked());
    QVERIFY(!child<QRadioButton>(&page, "reviewersGroupAdminsRadio")->isChecked());
    QVERIFY(child<QLabel>(&page, "reviewersNote")
                ->text()
                .contains(QStringLiteral("without a manager")));
    QVERIFY(child<QCheckBox>(&page, "creditsEnabledCheck")->isChecked());
    QCOMPARE(child<QSpinBox>(&page, "pdfMaxSizeSpin")->value(),
             admin->settings().settings()->pdfMaxSizeMb);
    // Showing the settings changed nothing.
    for (const QString &key : PlatformSettings::keys())
        QVERIFY2(page.statusText(key).isEmpty(), qPrintable(key));
    page.reload();
    for (const QString &key : PlatformSettings::keys())
        QVERIFY2(page.statusText(key).isEmpty(), qPrintable(key));
    // Every control is named for tests and screen readers.
    for (QWidget *w : page.findChildren<QWidget *>()) {
        if (!qobject_cast<QAbstractButton *>(w) && !qobject_cast<QAbstractSpinBox *>(w) &&
            !qobject_cast<QLineEdit *>(w))
            continue;
        if (qobject_cast<QAbstractSpinBox *>(w->parent()))
            continue;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

void TestSettingsPage::platformAdmin_togglesSwitch_storedAuditedAnnounced()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    const int before = auditRows(*admin, QString());
    SettingsPage page(*admin);
    page.show();
    page.reload();
    QCOMPARE(auditRows(*admin, QString()), before); // showing writes nothing
    QSignalSpy changed(&page, &SettingsPage::settingsChanged);
    const int audited = auditRows(*admin, QStringLiteral("import.enabled"));

    auto *import = child<QCheckBox>(&page, "importEnabledCheck");
    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY(!import->isChecked());
    QCOMPARE(changed.count(), 1);
    QVERIFY(!admin->settings().settings()->importEnabled);
    QCOMPARE(auditRows(*admin, QStringLiteral("import.enabled")), audited + 1);
    QVERIFY(page.statusText(QStringLiteral("import.enabled")).contains(QStringLiteral("Saved")));
    QVERIFY(child<QLabel>(&page, "importEnabledStatus")->isVisible());
    // R1 at once: nobody may import now (the policy says so; the pages ask it).
    QVERIFY(!admin->policy().importForm(admin->userId(), admin->userId()).available);

    auto *validation = child<QCheckBox>(&page, "validationRequiredCheck");
    QTest::mouseClick(validation, Qt::LeftButton);
    QCOMPARE(changed.count(), 2);
    QVERIFY(!admin->settings().settings()->validationRequired);
    // R2: the import form's button relabels.
    QTest::mouseClick(import, Qt::LeftButton);
    QVERIFY(admin->settings().settings()->importEnabled);
    const ImportForm form = admin->policy().importForm(admin->userId(), admin->userId());
    QVERIFY(!form.sendsForValidation);

    auto *credits = child<QCheckBox>(&page, "creditsEnabledCheck");
    QTest::mouseClick(credits, Qt::LeftButton);
    QVERIFY(!admin->settings().settings()->creditsEnabled);
    QCOMPARE(changed.count(), 4);

    // Another desktop changed it meanwhile: reload shows the stored value.
    SettingsService(admin->database())
        .set(admin->userId(), QStringLiteral("credits.enabled"), QStringLiteral("on"));
    page.reload();
    QVERIFY(credits->isChecked());
}

void TestSettingsPage::platformAdmin_keyboardOnly()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    auto *validation = child<QCheckBox>(&page, "validationRequiredCheck");
    // Alt+V (the mnemonic) reaches it, Space toggles it.
    QTest::keyClick(&page, Qt::Key_V, Qt::AltModifier);
    QTRY_VERIFY(validation->hasFocus());
    QTest::keyClick(validation, Qt::Key_Space);
    QVERIFY(!admin->settings().settings()->validationRequired);
    QTest::keyClick(validation, Qt::Key_Space);
    QVERIFY(admin->settings().settings()->validationRequired);
}

void TestSettingsPage::reviewers_radioButtons()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    page.show();
    QSignalSpy changed(&page, &SettingsPage::settingsChanged);
    auto *groupAdmins = child<QRadioButton>(&page, "reviewersGroupAdminsRadio");
    QTest::mouseClick(groupAdmins, Qt::LeftButton);
    QCOMPARE(admin->settings().settings()->reviewers, ReviewerMode::GroupAdmins);
    QCOMPARE(changed.count(), 1);
    QVERIFY(
        page.statusText(QStringLiteral("validation.reviewers")).contains(QStringLiteral("Saved")));
    QCOMPARE(auditRows(*admin, QStringLiteral("validation.reviewers")) >= 1, true);
    QTest::mouseClick(child<QRadioButton>(&page, "reviewersManagersRadio"), Qt::LeftButton);
    QCOMPARE(admin->settings().settings()->reviewers, ReviewerMode::Managers);
    QCOMPARE(changed.count(), 2);
}

void TestSettingsPage::pdfLimit_savedWhereTheAdminStops()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    const int audited = auditRows(*admin, QStringLiteral("pdf.max-size-mb"));
    auto *spin = child<QSpinBox>(&page, "pdfMaxSizeSpin");
    QCOMPARE(spin->maximum(), PlatformSettings::MaxPdfSizeMbLimit);
    QCOMPARE(spin->minimum(), 1);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("35"));
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(admin->settings().settings()->pdfMaxSizeMb, 35);
    QCOMPARE(auditRows(*admin, QStringLiteral("pdf.max-size-mb")), audited + 1); // not 3, not 35
    // Three arrow steps: saved once, when the admin stops.
    QTest::keyClick(spin, Qt::Key_Up);
    QTest::keyClick(spin, Qt::Key_Up);
    QTest::keyClick(spin, Qt::Key_Up);
    QTRY_COMPARE(admin->settings().settings()->pdfMaxSizeMb, 38);
    QCOMPARE(auditRows(*admin, QStringLiteral("pdf.max-size-mb")), audited + 2);
}

void TestSettingsPage::pdfReaderLimits_shownWithRangesAndSaved()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    auto *seconds = child<QSpinBox>(&page, "pdfCheckSecondsSpin");
    auto *memory = child<QSpinBox>(&page, "pdfCheckMemorySpin");
    QVERIFY(seconds && memory);
    QCOMPARE(seconds->value(), GuiTest::kReaderSeconds); // the tests' demo databases
    QCOMPARE(memory->value(), PdfLimits::DefaultMemoryMb);
    QCOMPARE(seconds->minimum(), PlatformSettings::MinCheckSeconds);
    QCOMPARE(seconds->maximum(), PlatformSettings::MaxCheckSeconds);
    QCOMPARE(memory->minimum(), PlatformSettings::MinCheckMemoryMb);
    QCOMPARE(memory->maximum(), PlatformSettings::MaxCheckMemoryMb);
    seconds->setFocus();
    seconds->selectAll();
    QTest::keyClicks(seconds, QStringLiteral("25"));
    QTest::keyClick(seconds, Qt::Key_Return);
    QCOMPARE(admin->settings().settings()->pdfLimits().seconds, 25);
    memory->setFocus();
    memory->selectAll();
    QTest::keyClicks(memory, QStringLiteral("2048"));
    QTest::keyClick(memory, Qt::Key_Return);
    QCOMPARE(admin->settings().settings()->pdfLimits().memoryMb, 2048);
    QVERIFY(
        page.statusText(QStringLiteral("pdf.check-memory-mb")).contains(QStringLiteral("Saved")));
    // Back to what the other tests expect.
    QVERIFY(admin->settings().set(admin->userId(), QStringLiteral("pdf.check-seconds"),
                                  QString::number(GuiTest::kReaderSeconds)));
    QVERIFY(admin->settings().set(admin->userId(), QStringLiteral("pdf.check-memory-mb"),
                                  QStringLiteral("1024")));
}

void TestSettingsPage::reminders_daysTypedAndChecked_managerSwitch()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    auto *days = child<QLineEdit>(&page, "reminderDaysEdit");
    auto *manager = child<QCheckBox>(&page, "remindManagerCheck");
    QVERIFY(days && manager);
    QCOMPARE(days->text(), QStringLiteral("90, 30, 7, 0"));
    QVERIFY(manager->isChecked());

    // Typed in any order: stored and shown largest first.
    days->setFocus();
    days->selectAll();
    QTest::keyClicks(days, QStringLiteral("14,60, 0"));
    QTest::keyClick(days, Qt::Key_Return);
    QCOMPARE(admin->settings().settings()->reminderDays, (QList<int>{60, 14, 0}));
    QCOMPARE(days->text(), QStringLiteral("60, 14, 0"));
    QVERIFY(page.statusText(QStringLiteral("reminders.days")).contains(QStringLiteral("Saved")));

    // A bad list: the reason beside it, the stored value back in the field.
    days->selectAll();
    QTest::keyClicks(days, QStringLiteral("90,abc"));
    QTest::keyClick(days, Qt::Key_Return);
    QVERIFY2(page.statusText(QStringLiteral("reminders.days")).contains(QStringLiteral("abc")),
             qPrintable(page.statusText(QStringLiteral("reminders.days"))));
    QCOMPARE(days->text(), QStringLiteral("60, 14, 0"));
    QCOMPARE(admin->settings().settings()->reminderDays, (QList<int>{60, 14, 0}));

    // Emptied: no reminders.
    days->selectAll();
    QTest::keyClick(days, Qt::Key_Delete);
    QTest::keyClick(days, Qt::Key_Return);
    QVERIFY(admin->settings().settings()->reminderDays.isEmpty());
    QVERIFY(days->text().isEmpty());

    QTest::mouseClick(manager, Qt::LeftButton);
    QVERIFY(!admin->settings().settings()->remindManager);
    // Back to what the other tests expect.
    QVERIFY(admin->settings().set(admin->userId(), QStringLiteral("reminders.days"),
                                  QStringLiteral("90,30,7,0")));
    QVERIFY(admin->settings().set(admin->userId(), QStringLiteral("reminders.manager"),
                                  QStringLiteral("on")));
}

void TestSettingsPage::emailSection_onlyWithMailSettings()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    bool hasMail = false;
    for (const QString &key : PlatformSettings::keys())
        hasMail = hasMail || key.startsWith(QLatin1String("mail."));
    QCOMPARE(child<QLabel>(&page, "emailSectionTitle") != nullptr, hasMail);
    if (!hasMail || !PlatformSettings::keys().contains(QStringLiteral("mail.host")))
        return;
    // The demo writes its emails into a folder: the SMTP fields are for SMTP.
    QVERIFY(admin->settings().set(admin->userId(), QStringLiteral("mail.transport"),
                                  QStringLiteral("smtp")));
    page.reload();
    // A text setting is saved when the admin leaves the field; a bad value
    // is explained beside it and nothing is stored.
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    auto *host = child<QLineEdit>(&page, "mailHostEdit");
    QVERIFY(host);
    host->setFocus();
    QTest::keyClicks(host, QStringLiteral("smtp.example.org"));
    QTest::keyClick(host, Qt::Key_Return);
    QCOMPARE(admin->settings().settings()->value(QStringLiteral("mail.host")),
             QStringLiteral("smtp.example.org"));
    QVERIFY(page.statusText(QStringLiteral("mail.host")).contains(QStringLiteral("Saved")));
    if (auto *password = child<QLineEdit>(&page, "mailPasswordEdit")) {
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        password->setFocus();
        QTest::keyClicks(password, QStringLiteral("s3cret"));
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(password->text().isEmpty()); // never shown again
        QCOMPARE(admin->settings().settings()->value(QStringLiteral("mail.password")),
                 QStringLiteral("set"));
    }
    if (auto *port = child<QLineEdit>(&page, "mailPortEdit")) {
        const QString stored = admin->settings().settings()->value(QStringLiteral("mail.port"));
        port->setFocus();
        port->selectAll();
        QTest::keyClicks(port, QStringLiteral("not a port"));
        QTest::keyClick(port, Qt::Key_Return);
        QCOMPARE(admin->settings().settings()->value(QStringLiteral("mail.port")), stored);
        QVERIFY(!page.statusText(QStringLiteral("mail.port")).isEmpty());
        QVERIFY(!page.statusText(QStringLiteral("mail.port")).contains(QStringLiteral("Saved")));
        QCOMPARE(port->text(), stored); // the stored value again
    }
}

void TestSettingsPage::emailSection_folderTransport_smtpFieldsHidden_browse()
{
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(admin);
    SettingsPage page(*admin);
    page.resize(1000, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // The demo's choice: a folder; the SMTP fields are not shown.
    auto *transport = child<QComboBox>(&page, "mailTransportCombo");
    auto *folder = child<QLineEdit>(&page, "mailFolderEdit");
    auto *browse = child<QPushButton>(&page, "mailFolderBrowseButton");
    auto *host = child<QLineEdit>(&page, "mailHostEdit");
    QVERIFY(transport && folder && browse && host);
    QCOMPARE(transport->currentData().toString(), QStringLiteral("folder"));
    QCOMPARE(folder->text(), DemoData::mailFolder(DatabaseLocation::sqlite(m_db->location())));
    QVERIFY(folder->isVisible() && browse->isVisible() && browse->isEnabled());
    for (const char *smtp : {"mailHostEdit", "mailPortEdit", "mailSecurityEdit", "mailUsernameEdit",
                             "mailPasswordEdit"})
        QVERIFY2(!child<QWidget>(&page, smtp)->isVisible(), smtp);
    QVERIFY(child<QLineEdit>(&page, "mailFromEdit")->isVisible());
    QVERIFY(page.mailProblemText().isEmpty()); // configured: nothing to say

    // SMTP chosen: its fields show, the folder's hide; without mail.host
    // email is not configured, said as a note (not an error).
    transport->setCurrentIndex(transport->findData(QStringLiteral("smtp")));
    emit transport->activated(transport->currentIndex());
    QCOMPARE(admin->settings().settings()->value(QStringLiteral("mail.transport")),
             QStringLiteral("smtp"));
    QVERIFY(page.statusText(QStringLiteral("mail.transport")).contains(QStringLiteral("Saved")));
    QVERIFY(host->isVisible());
    QVERIFY(!folder->isVisible() && !browse->isVisible());
    QVERIFY2(page.mailProblemText().contains(QLatin1String("not configured")),
             qPrintable(page.mailProblemText()));
    QCOMPARE(child<QLabel>(&page, "mailProblemLabel")->property("notice").toBool(), true);

    // Back to the folder, chosen with Browse… (the dialog's seam answers).
    transport->setCurrentIndex(transport->findData(QStringLiteral("folder")));
    emit transport->activated(transport->currentIndex());
    QVERIFY(folder->isVisible() && !host->isVisible());
    QTemporaryDir chosen;
    QVERIFY(chosen.isValid());
    const int asked = FileDialog::requestCount();
    FileDialog::setNextFileName(chosen.path());
    browse->click(); // below the fold of the page's scroll area
    QCOMPARE(FileDialog::requestCount(), asked + 1);
    QCOMPARE(admin->settings().settings()->mail.folder, QDir::cleanPath(chosen.path()));
    QCOMPARE(folder->text(), QDir::cleanPath(chosen.path()));
    QVERIFY(page.statusText(QStringLiteral("mail.folder")).contains(QStringLiteral("Saved")));
    GuiTest::saveScreenshot(child<QLabel>(&page, "emailSectionTitle")->parentWidget(),
                            QStringLiteral("settings-email-folder.png"));

    // A relative folder typed: refused beside the field, the stored one back.
    folder->setFocus();
    folder->selectAll();
    QTest::keyClicks(folder, QStringLiteral("mail/out"));
    QTest::keyClick(folder, Qt::Key_Return);
    QVERIFY2(page.statusText(QStringLiteral("mail.folder")).contains(QLatin1String("absolute")),
             qPrintable(page.statusText(QStringLiteral("mail.folder"))));
    QCOMPARE(folder->text(), QDir::cleanPath(chosen.path()));
    QCOMPARE(admin->settings().settings()->mail.folder, QDir::cleanPath(chosen.path()));

    // Someone who may not change settings sees the choice, disabled.
    auto emma = signIn(QStringLiteral("emma.wilson@demo.example"));
    QVERIFY(emma);
    SettingsPage readOnly(*emma);
    QVERIFY(!child<QComboBox>(&readOnly, "mailTransportCombo")->isEnabled());
    QVERIFY(!child<QPushButton>(&readOnly, "mailFolderBrowseButton")->isEnabled());
}

void TestSettingsPage::refusedChange_shownInlineAndUndone()
{
    // Priya opens Settings; Alex then deletes her account. Her next change is
    // refused by the service: said beside the switch, switch back as stored.
    auto priya = signIn(QStringLiteral("priya.natarajan@demo.example"));
    auto admin = signIn(DemoData::adminEmail());
    QVERIFY(priya && admin);
    SettingsPage page(*priya);
    page.show();
    QVERIFY(!page.isReadOnly());
    QVERIFY(admin->directory().deleteUser(admin->userId(), priya->userId()));
    QSignalSpy changed(&page, &SettingsPage::settingsChanged);
    auto *credits = child<QCheckBox>(&page, "creditsEnabledCheck");
    QTest::mouseClick(credits, Qt::LeftButton);
    QCOMPARE(changed.count(), 0);
    QVERIFY(credits->isChecked()); // as stored
    QVERIFY(admin->settings().settings()->creditsEnabled);
    const QString status = page.statusText(QStringLiteral("credits.enabled"));
    QVERIFY2(status.contains(QStringLiteral("platform admins")), qPrintable(status));
    QVERIFY(!status.contains(QStringLiteral("Saved")));
}

void TestSettingsPage::groupAdmin_cannotReachSettings()
{
    m_controller = std::make_unique<AppController>(m_db->location());
    m_controller->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_controller->signInWindow()));
    GuiTest::typeAndSignIn(m_controller->signInWindow(), kGroupAdmin, DemoData::password());
    QTRY_VERIFY(m_controller->mainWindow());
    MainWindow *window = m_controller->mainWindow();
    QVERIFY(!window->pageKeys().contains(QStringLiteral("settings")));
    QVERIFY(!window->showPage(QStringLiteral("settings")));
    QVERIFY(!child<SettingsPage>(window, "settingsPage"));
    QVERIFY(!window->session().policy().navigation(window->session().userId()).settings);
}

void TestSettingsPage::groupAdmin_pageIsReadOnly()
{
    auto sofia = signIn(kGroupAdmin);
    QVERIFY(sofia);
    SettingsPage page(*sofia);
    page.show();
    QVERIFY(page.isReadOnly());
    auto *note = child<QLabel>(&page, "settingsReadOnlyNote");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("Only platform admins")),
             qPrintable(note->text()));
    // She sees the settings, and can change none of them.
    auto *import = child<QCheckBox>(&page, "importEnabledCheck");
    QVERIFY(import->isChecked());
    for (QWidget *control :
         {static_cast<QWidget *>(import), child<QWidget>(&page, "validationRequiredCheck"),
          child<QWidget>(&page, "reviewersGroupAdminsRadio"),
          child<QWidget>(&page, "reviewersManagersRadio"),
          child<QWidget>(&page, "creditsEnabledCheck"), child<QWidget>(&page, "pdfMaxSizeSpin")})
        QVERIFY2(!control->isEnabled(), qPrintable(control->objectName()));
    const int audited = auditRows(*sofia, QStringLiteral("import.enabled"));
    QSignalSpy changed(&page, &SettingsPage::settingsChanged);
    QTest::mouseClick(import, Qt::LeftButton); // disabled: nothing happens
    import->setChecked(false);                 // forced anyway: refused, nothing written
    QCOMPARE(changed.count(), 0);
    QVERIFY(sofia->settings().settings()->importEnabled);
    QVERIFY(import->isChecked());
    QCOMPARE(auditRows(*sofia, QStringLiteral("import.enabled")), audited);
}

void TestSettingsPage::screenshot()
{
    m_controller = std::make_unique<AppController>(m_db->location());
    m_controller->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_controller->signInWindow()));
    GuiTest::typeAndSignIn(m_controller->signInWindow(), DemoData::adminEmail(),
                           DemoData::password());
    QTRY_VERIFY(m_controller->mainWindow());
    MainWindow *window = m_controller->mainWindow();
    window->resize(1280, 800);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->showPage(QStringLiteral("settings")));
    auto *page = child<SettingsPage>(window, "settingsPage");
    // One change, to show its confirmation.
    QTest::mouseClick(child<QCheckBox>(page, "creditsEnabledCheck"), Qt::LeftButton);
    QVERIFY(page->statusText(QStringLiteral("credits.enabled")).contains(QStringLiteral("Saved")));
    GuiTest::saveScreenshot(window, QStringLiteral("settings.png"));
    // The Expiry section: reminders' days and who gets them.
    auto *scroll = page->findChild<QScrollArea *>();
    QVERIFY(scroll);
    scroll->ensureWidgetVisible(child<QCheckBox>(page, "remindManagerCheck"));
    GuiTest::saveScreenshot(window, QStringLiteral("settings-expiry.png"));
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
