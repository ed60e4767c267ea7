#include "settings/SettingsPage.h"

#include "compliance/RequirementsEditor.h"
#include "services/Session.h"
#include "style/Sheets.h"
#include "style/Theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// The keys as PlatformSettings spells them.
const QString kImport = QStringLiteral("import.enabled");
const QString kValidation = QStringLiteral("validation.required");
const QString kReviewers = QStringLiteral("validation.reviewers");
const QString kCredits = QStringLiteral("credits.enabled");
const QString kPdfMax = QStringLiteral("pdf.max-size-mb");
const QString kPdfSeconds = QStringLiteral("pdf.check-seconds");
const QString kPdfMemory = QStringLiteral("pdf.check-memory-mb");
const QString kExpirySoon = QStringLiteral("expiry.soon-days");
const QString kReminderDays = QStringLiteral("reminders.days");
const QString kRemindManager = QStringLiteral("reminders.manager");
const QString kMailPrefix = QStringLiteral("mail.");
constexpr int SavedShownMs = 4000;
constexpr int SpinSaveDelayMs = 700;

QLabel *indentedNote(const QString &text, QWidget *parent)
{
    QLabel *note = Theme::noteLabel(text, parent);
    note->setTextFormat(Qt::PlainText);
    // Under the text of a check box or radio button, not under its indicator.
    note->setContentsMargins(24, 0, 0, Theme::Spacing);
    return note;
}
} // namespace

QString SettingsPage::onOff(bool on)
{
    return on ? QStringLiteral("on") : QStringLiteral("off");
}

QString SettingsPage::camelCase(const QString &key)
{
    QString name;
    bool upper = false;
    for (const QChar c : key) {
        if (!c.isLetterOrNumber()) {
            upper = !name.isEmpty();
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name;
}

bool SettingsPage::isSecret(const QString &key)
{
    return key.contains(QLatin1String("password")) || key.contains(QLatin1String("secret"));
}

SettingsPage::SettingsPage(Session &session, QWidget *parent) : Page(parent), m_session(session)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    // The area takes the focus (arrow keys scroll it): a screen reader says what it holds.
    scroll->setAccessibleName(tr("Platform settings"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *canvas = new QWidget(scroll);
    auto *centre = new QHBoxLayout(canvas);
    centre->setContentsMargins(0, 0, 0, 0);
    auto *column = new QWidget(canvas);
    column->setMaximumWidth(760);
    centre->addWidget(column, 1);
    centre->addStretch(0);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, Theme::Spacing, 0);
    layout->setSpacing(Theme::SpacingLarge);

    m_readOnlyNote = Theme::errorLabel(QStringLiteral("settingsReadOnlyNote"), column);
    layout->addWidget(m_readOnlyNote);
    m_loadError = Theme::errorLabel(QStringLiteral("settingsError"), column);
    layout->addWidget(m_loadError);
    QLabel *note = Theme::noteLabel(tr("Changes apply at once for everyone using this database "
                                       "and are recorded in the audit log."),
                                    column);
    note->setObjectName(QStringLiteral("settingsNote"));
    layout->addWidget(note);
    layout->addWidget(buildCertificateSection(column));
    layout->addWidget(buildExpirySection(column));
    {
        QVBoxLayout *content = nullptr;
        QWidget *frame = section(tr("Requirements"), QStringLiteral("requirementsSectionTitle"),
                                 column, &content);
        content->addWidget(new RequirementsEditor(session, frame));
        layout->addWidget(frame);
    }

    QStringList mailKeys;
    for (const QString &key : PlatformSettings::keys())
        if (key.startsWith(kMailPrefix))
            mailKeys << key;
    if (!mailKeys.isEmpty())
        layout->addWidget(m_emailSection = buildEmailSection(column, mailKeys));
    layout->addStretch(1);
    scroll->setWidget(canvas);

    setStyleSheet(Sheets::settings(palette()));
    reload();
}

QWidget *SettingsPage::section(const QString &title, const QString &objectName, QWidget *parent,
                               QVBoxLayout **content)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("settingsSection"));
    frame->setAccessibleName(title);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(Theme::SpacingXLarge, Theme::SpacingLarge, Theme::SpacingXLarge,
                               Theme::SpacingLarge);
    layout->setSpacing(Theme::SpacingSmall);
    auto *heading = new QLabel(title, frame);
    heading->setObjectName(objectName);
    heading->setAccessibleName(title);
    QFont font = heading->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.25);
    heading->setFont(font);
    heading->setContentsMargins(0, 0, 0, Theme::Spacing);
    layout->addWidget(heading);
    *content = layout;
    return frame;
}

QLabel *SettingsPage::statusLabel(const QString &key, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(camelCase(key) + QStringLiteral("Status"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setMinimumWidth(90);
    label->hide(); // until there is something to say
    m_status.insert(key, label);
    return label;
}

void SettingsPage::addSwitch(QVBoxLayout *layout, const QString &key, QCheckBox **box,
                             const QString &text, const QString &objectName, const QString &note)
{
    QWidget *parent = layout->parentWidget();
    auto *row = new QHBoxLayout;
    *box = new QCheckBox(text, parent);
    (*box)->setObjectName(objectName);
    (*box)->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    (*box)->setAccessibleDescription(note);
    row->addWidget(*box);
    row->addStretch(1);
    row->addWidget(statusLabel(key, parent));
    layout->addLayout(row);
    layout->addWidget(indentedNote(note, parent));
    QCheckBox *check = *box;
    connect(check, &QCheckBox::toggled, this, [this, key](bool on) { save(key, onOff(on)); });
}

SettingsPage::~SettingsPage()
{
    // Losing focus while the widget is torn down emits editingFinished: save
    // a pending number now, then stop listening before members go away.
    for (auto it = m_numbers.cbegin(); it != m_numbers.cend(); ++it) {
        if (it->delay->isActive()) {
            it->delay->stop();
            save(it.key(), QString::number(it->spin->value()));
        }
        it->spin->disconnect(this);
    }
}

QFormLayout *SettingsPage::numberColumn(QVBoxLayout *layout)
{
    // One column of numbers, their labels aligned.
    auto *numbers = new QFormLayout;
    numbers->setContentsMargins(0, 0, 0, 0);
    numbers->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    numbers->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(numbers);
    return numbers;
}

void SettingsPage::addNumber(QFormLayout *form, const QString &key, const NumberField &field)
{
    QWidget *parent = form->parentWidget();
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(field.label, parent);
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(field.objectName);
    spin->setAccessibleName(PlatformSettings::describe(key));
    spin->setRange(field.low, field.high);
    spin->setSuffix(field.suffix);
    spin->setKeyboardTracking(false);
    label->setBuddy(spin);
    row->addWidget(spin);
    row->addStretch(1);
    row->addWidget(statusLabel(key, parent));
    form->addRow(label, row);
    // Arrow steps arrive one by one: save the value the admin stops at.
    auto *delay = new QTimer(this);
    delay->setSingleShot(true);
    delay->setInterval(SpinSaveDelayMs);
    connect(spin, &QSpinBox::valueChanged, delay, qOverload<>(&QTimer::start));
    connect(delay, &QTimer::timeout, this,
            [this, key, spin] { save(key, QString::number(spin->value())); });
    connect(spin, &QSpinBox::editingFinished, this, [this, key, spin, delay] {
        if (delay->isActive()) {
            delay->stop();
            save(key, QString::number(spin->value()));
        }
    });
    m_numbers.insert(key, Number{spin, delay});
}

QWidget *SettingsPage::buildCertificateSection(QWidget *parent)
{
    QVBoxLayout *layout = nullptr;
    QWidget *frame =
        section(tr("Certificate"), QStringLiteral("certificateSectionTitle"), parent, &layout);
    addSwitch(layout, kImport, &m_import, tr("&Learners can import certificates themselves"),
              QStringLiteral("importEnabledCheck"),
              tr("While this is off nobody sees Import certificate; certificates already imported "
                 "stay visible."));
    addSwitch(layout, kValidation, &m_validation,
              tr("&Validation of external certificates required"),
              QStringLiteral("validationRequiredCheck"),
              tr("On: each import waits for a reviewer and the import form's button reads “Send "
                 "for validation”. Off: imports are accepted at once."));

    auto *reviewersRow = new QHBoxLayout;
    auto *reviewersLabel = new QLabel(tr("Reviewers"), frame);
    reviewersLabel->setObjectName(QStringLiteral("reviewersLabel"));
    reviewersRow->addWidget(reviewersLabel);
    m_groupAdmins = new QRadioButton(tr("&Group admins"), frame);
    m_groupAdmins->setObjectName(QStringLiteral("reviewersGroupAdminsRadio"));
    m_groupAdmins->setAccessibleName(tr("Reviewers: group admins"));
    m_managers = new QRadioButton(tr("&Managers"), frame);
    m_managers->setObjectName(QStringLiteral("reviewersManagersRadio"));
    m_managers->setAccessibleName(tr("Reviewers: managers"));
    m_reviewers = new QButtonGroup(this);
    m_reviewers->addButton(m_groupAdmins, int(ReviewerMode::GroupAdmins));
    m_reviewers->addButton(m_managers, int(ReviewerMode::Managers));
    reviewersRow->addSpacing(Theme::SpacingLarge);
    reviewersRow->addWidget(m_groupAdmins);
    reviewersRow->addWidget(m_managers);
    reviewersRow->addStretch(1);
    reviewersRow->addWidget(statusLabel(kReviewers, frame));
    layout->addLayout(reviewersRow);
    QLabel *fallback = Theme::noteLabel(
        tr("With managers, a learner without a manager is reviewed by the admins of their group "
           "(the nearest group up the tree that has one). Nobody validates their own "
           "certificate."),
        frame);
    fallback->setObjectName(QStringLiteral("reviewersNote"));
    fallback->setContentsMargins(0, 0, 0, Theme::Spacing);
    layout->addWidget(fallback);
    connect(m_reviewers, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            save(kReviewers, Domain::reviewerModeKey(ReviewerMode(id)));
    });

    addSwitch(layout, kCredits, &m_credits, tr("&Credits"), QStringLiteral("creditsEnabledCheck"),
              tr("Import forms ask for the credits a certificate is worth."));

    QFormLayout *numbers = numberColumn(layout);
    addNumber(numbers, kPdfMax,
              {tr("Largest &PDF accepted"), QStringLiteral("pdfMaxSizeSpin"), 1,
               PlatformSettings::MaxPdfSizeMbLimit, tr(" MB")});
    // The PDF reader's limits (README "Untrusted PDFs").
    addNumber(numbers, kPdfSeconds,
              {tr("Longest time reading one PDF may take"), QStringLiteral("pdfCheckSecondsSpin"),
               PlatformSettings::MinCheckSeconds, PlatformSettings::MaxCheckSeconds, tr(" s")});
    addNumber(numbers, kPdfMemory,
              {tr("Most memory reading one PDF may use"), QStringLiteral("pdfCheckMemorySpin"),
               PlatformSettings::MinCheckMemoryMb, PlatformSettings::MaxCheckMemoryMb, tr(" MB")});
    QLabel *readerNote = Theme::noteLabel(
        tr("CertDesk reads every PDF in a separate program; a file that takes longer or needs more "
           "memory is refused, and CertDesk goes on."),
        frame);
    readerNote->setObjectName(QStringLiteral("pdfReaderNote"));
    layout->addWidget(readerNote);
    return frame;
}

QWidget *SettingsPage::buildExpirySection(QWidget *parent)
{
    QVBoxLayout *layout = nullptr;
    QWidget *frame = section(tr("Expiry"), QStringLiteral("expirySectionTitle"), parent, &layout);
    QFormLayout *numbers = numberColumn(layout);
    addNumber(numbers, kExpirySoon,
              {tr("Show “&Expiring soon”"), QStringLiteral("expirySoonDaysSpin"), 1,
               PlatformSettings::MaxExpirySoonDays, tr(" days before expiry")});
    // Reminders before expiry (README "Reminders"): the days, in the column
    // of numbers above (their labels aligned), then who gets them.
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("Send &reminders"), frame);
    m_reminderDays = new QLineEdit(frame);
    m_reminderDays->setObjectName(QStringLiteral("reminderDaysEdit"));
    m_reminderDays->setAccessibleName(PlatformSettings::describe(kReminderDays));
    m_reminderDays->setPlaceholderText(tr("none"));
    m_reminderDays->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 24);
    label->setBuddy(m_reminderDays);
    auto *unit = new QLabel(tr("days before expiry"), frame);
    row->addWidget(m_reminderDays);
    row->addWidget(unit);
    row->addStretch(1);
    row->addWidget(statusLabel(kReminderDays, frame));
    label->setMinimumHeight(m_reminderDays->sizeHint().height());
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    numbers->addRow(label, row);
    QLabel *note = Theme::noteLabel(
        tr("Results, profiles and the Users page's counts show a certificate as expiring soon "
           "from this many days before its expiration date."),
        frame);
    note->setObjectName(QStringLiteral("expirySoonNote"));
    layout->addWidget(note);
    QLabel *daysNote = Theme::noteLabel(
        tr("Whole numbers separated by commas, such as 90, 30, 7, 0 (0: the expiry day); empty: "
           "no reminders. Each reminder is sent once per certificate, in CertDesk and by email."),
        frame);
    daysNote->setObjectName(QStringLiteral("reminderDaysNote"));
    daysNote->setContentsMargins(0, 0, 0, Theme::Spacing);
    layout->addWidget(daysNote);
    connect(m_reminderDays, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_reminderDays->text().trimmed();
        const QString value = text.isEmpty() ? QStringLiteral("none") : text;
        const auto stored = m_session.settings().settings();
        if (stored && PlatformSettings::reminderDaysText(stored->reminderDays) ==
                          QString(value).remove(QLatin1Char(' ')))
            return; // unchanged
        save(kReminderDays, value);
    });
    addSwitch(layout, kRemindManager, &m_remindManager,
              tr("Also remind the &manager (without one, the group admins)"),
              QStringLiteral("remindManagerCheck"),
              tr("Off: only the certificate's owner is reminded. Anyone can turn reminder emails "
                 "off for themselves in their profile menu; reminders in CertDesk stay."));
    return frame;
}

void SettingsPage::reload()
{
    const Decision may = m_session.policy().mayChangeSettings(m_session.userId());
    m_readOnly = !may.allowed;
    m_readOnlyNote->setText(tr("%1 You can see the settings but not change them.").arg(may.reason));
    m_readOnlyNote->setVisible(m_readOnly);
    const auto settings = m_session.settings().settings();
    if (!settings) {
        m_loadError->setText(tr("The settings could not be loaded: %1").arg(settings.message()));
        m_loadError->show();
        return;
    }
    m_loadError->hide();
    fill(settings.value());
    refreshMailStatus();
}

void SettingsPage::fill(const PlatformSettings &settings)
{
    QList<QWidget *> editors{m_import,  m_validation,   m_groupAdmins,  m_managers,
                             m_credits, m_reminderDays, m_remindManager};
    for (const Number &number : std::as_const(m_numbers))
        editors.append(number.spin);
    editors += m_mailEditors.values();
    // Showing the stored values is not a change: no saves from here.
    const QSignalBlocker groupBlocker(m_reviewers);
    for (QWidget *editor : std::as_const(editors)) {
        editor->setEnabled(!m_readOnly);
        editor->blockSignals(true);
    }
    m_import->setChecked(settings.importEnabled);
    m_validation->setChecked(settings.validationRequired);
    (settings.reviewers == ReviewerMode::Managers ? m_managers : m_groupAdmins)->setChecked(true);
    m_credits->setChecked(settings.creditsEnabled);
    m_reminderDays->setText(settings.reminderDays.isEmpty()
                                ? QString()
                                : PlatformSettings::reminderDaysText(settings.reminderDays)
                                      .replace(QLatin1Char(','), QStringLiteral(", ")));
    m_remindManager->setChecked(settings.remindManager);
    for (auto it = m_numbers.cbegin(); it != m_numbers.cend(); ++it)
        it->spin->setValue(settings.value(it.key()).toInt());
    for (auto it = m_mailEditors.cbegin(); it != m_mailEditors.cend(); ++it) {
        const QString value = settings.value(it.key());
        if (auto *box = qobject_cast<QCheckBox *>(it.value()))
            box->setChecked(value == QLatin1String("on"));
        else if (auto *combo = qobject_cast<QComboBox *>(it.value()))
            combo->setCurrentIndex(qMax(0, combo->findData(value)));
        else if (auto *edit = qobject_cast<QLineEdit *>(it.value()); edit && isSecret(it.key())) {
            // Never shown: only whether there is one.
            edit->clear();
            edit->setPlaceholderText(value == QLatin1String("set")
                                         ? tr("Set; type a new one to replace it")
                                         : tr("Not set"));
        } else if (edit) {
            edit->setText(value);
        }
    }
    for (QWidget *editor : std::as_const(editors))
        editor->blockSignals(false);
    showTransportRows(settings);
    m_configProblem = settings.mail.problem();
    m_mailConfigured = settings.mail.isConfigured();
    showMailProblem();
}

void SettingsPage::save(const QString &key, const QString &value)
{
    if (m_readOnly) {
        const Decision may = m_session.policy().mayChangeSettings(m_session.userId());
        showStatus(key, may.reason, true);
        reload();
        return;
    }
    const auto saved = m_session.settings().set(m_session.userId(), key, value);
    if (!saved) {
        showStatus(key, saved.message(), true);
        // The control shows the stored value again.
        const auto stored = m_session.settings().settings();
        if (stored)
            fill(stored.value());
        return;
    }
    fill(saved.value());
    showStatus(key, tr("✓ Saved"), false);
    emit settingsChanged();
}

void SettingsPage::showStatus(const QString &key, const QString &text, bool error)
{
    QLabel *label = m_status.value(key);
    if (!label)
        return;
    QPalette colors = label->palette();
    colors.setColor(QPalette::WindowText,
                    error ? Theme::errorColor(palette())
                          : Theme::statusColor(DisplayStatus::Validated, palette()));
    label->setPalette(colors);
    label->setText(text);
    label->setAccessibleName(text);
    label->show();
    if (error)
        return;
    // The confirmation fades after a few seconds; a newer one restarts it.
    auto *timer = label->findChild<QTimer *>();
    if (!timer) {
        timer = new QTimer(label);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, label, [label] {
            label->clear();
            label->hide();
        });
    }
    timer->start(SavedShownMs);
}

QString SettingsPage::statusText(const QString &key) const
{
    const QLabel *label = m_status.value(key);
    return label ? label->text() : QString();
}

QString SettingsPage::valueText(const QString &value)
{
    if (value == QLatin1String("on"))
        return tr("On");
    if (value == QLatin1String("off"))
        return tr("Off");
    if (value == Domain::reviewerModeKey(ReviewerMode::Managers))
        return tr("Managers");
    if (value == Domain::reviewerModeKey(ReviewerMode::GroupAdmins))
        return tr("Group admins");
    return value;
}
