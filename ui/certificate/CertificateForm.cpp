#include "certificate/CertificateForm.h"

#include "certificate/DateQuestion.h"
#include "certificate/ImportDateEdit.h"
#include "import/ImportDialog.h"
#include "style/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace {
QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

// A field's label, the field and its problem, one under the other.
QVBoxLayout *fieldGroup(const QString &label, QWidget *field, QLabel *error, QWidget *parent)
{
    auto *group = new QVBoxLayout;
    group->setSpacing(Theme::SpacingSmall);
    group->addWidget(fieldLabel(label, field, parent));
    group->addWidget(field);
    group->addWidget(error);
    return group;
}
} // namespace

CertificateForm::CertificateForm(const Options &options, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("certificateForm"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingLarge);
    buildName();
    buildDates();
    if (options.showTemplate)
        buildTemplate(options.templates);
    if (options.showCredits)
        buildCredits();
}

void CertificateForm::buildName()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setAccessibleName(ImportDialog::tr("Certificate name"));
    m_name->setPlaceholderText(ImportDialog::tr("As printed on the certificate"));
    m_name->setClearButtonEnabled(true);
    m_errors.insert(int(Field::Name), Theme::errorLabel(QStringLiteral("nameError"), this));
    QVBoxLayout *group = fieldGroup(ImportDialog::tr("Certificate &name"), m_name,
                                    m_errors.value(int(Field::Name)), this);
    group->insertWidget(2, buildPdfMark(Field::Name, QStringLiteral("nameFromPdf")));
    qobject_cast<QVBoxLayout *>(layout())->addLayout(group);
    m_fields.insert(int(Field::Name), m_name);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        touch(Field::Name);
        changedByPerson(Field::Name);
    });
    connect(m_name, &QLineEdit::textChanged, this, &CertificateForm::changed);
}

void CertificateForm::buildDates()
{
    m_delivered = new ImportDateEdit(this);
    m_delivered->setObjectName(QStringLiteral("deliveredEdit"));
    m_delivered->setAccessibleName(ImportDialog::tr("Delivery date"));
    m_delivered->setToolTip(ImportDialog::tr("The date printed on the certificate"));
    m_expiresCheck = new QCheckBox(ImportDialog::tr("&Expires"), this);
    m_expiresCheck->setObjectName(QStringLiteral("expiresCheck"));
    m_expiresCheck->setAccessibleName(ImportDialog::tr("Expires"));
    m_expiresCheck->setToolTip(
        ImportDialog::tr("Tick when the certificate has an expiration date"));
    m_expires = new ImportDateEdit(this);
    m_expires->setObjectName(QStringLiteral("expiresEdit"));
    m_expires->setAccessibleName(ImportDialog::tr("Expiration date"));
    m_expires->setSpecialValueText(ImportDialog::tr("Does not expire"));
    m_expires->setEnabled(false);

    auto *row = new QGridLayout;
    row->setHorizontalSpacing(Theme::SpacingLarge);
    row->setVerticalSpacing(Theme::SpacingSmall);
    row->addWidget(fieldLabel(ImportDialog::tr("&Delivery date"), m_delivered, this), 0, 0);
    QFont bold = m_expiresCheck->font();
    bold.setWeight(QFont::DemiBold);
    m_expiresCheck->setFont(bold);
    row->addWidget(m_expiresCheck, 0, 1);
    row->addWidget(m_delivered, 1, 0);
    row->addWidget(m_expires, 1, 1);
    row->setColumnStretch(0, 1);
    row->setColumnStretch(1, 1);
    // Under the fields: what was read from the PDF, the problems, then the
    // PDF's ambiguous dates asked.
    row->addWidget(buildPdfMark(Field::Delivered, QStringLiteral("deliveredFromPdf")), 2, 0);
    row->addWidget(buildPdfMark(Field::Expires, QStringLiteral("expiresFromPdf")), 2, 1);
    for (const Field field : {Field::Delivered, Field::Expires}) {
        const bool delivered = field == Field::Delivered;
        const QString name =
            delivered ? QStringLiteral("deliveredError") : QStringLiteral("expiresError");
        m_errors.insert(int(field), Theme::errorLabel(name, this));
        row->addWidget(m_errors.value(int(field)), delivered ? 3 : 4, 0, 1, 2);
        auto *question = new DateQuestion(delivered ? QStringLiteral("deliveredQuestion")
                                                    : QStringLiteral("expiresQuestion"),
                                          this);
        m_questions.insert(int(field), question);
        row->addWidget(question, delivered ? 5 : 6, 0, 1, 2);
        connect(question, &DateQuestion::chosen, this,
                [this, field](const QDate &date) { fillFromPdf(field, date); });
    }
    m_fields.insert(int(Field::Delivered), m_delivered);
    m_fields.insert(int(Field::Expires), m_expires);
    qobject_cast<QVBoxLayout *>(layout())->addLayout(row);

    connect(m_delivered, &QDateEdit::dateChanged, this, [this] {
        touch(Field::Delivered);
        changedByPerson(Field::Delivered);
        if (m_expiresCheck->isChecked() && m_expires->isSet())
            touch(Field::Expires);
        emit changed();
    });
    connect(m_expires, &QDateEdit::dateChanged, this, [this] {
        touch(Field::Expires);
        changedByPerson(Field::Expires);
        emit changed();
    });
    connect(m_expiresCheck, &QCheckBox::toggled, this, &CertificateForm::onExpiresToggled);
}

void CertificateForm::buildTemplate(const QList<CertificateTemplate> &templates)
{
    m_templates = templates;
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("templateCombo"));
    m_template->setAccessibleName(ImportDialog::tr("Associate a certificate"));
    m_template->setEditable(true);
    m_template->setInsertPolicy(QComboBox::NoInsert);
    m_template->addItem(ImportDialog::tr("None"), Id(0));
    for (const CertificateTemplate &t : std::as_const(m_templates)) {
        m_template->addItem(t.name, t.id);
        if (!t.description.isEmpty())
            m_template->setItemData(m_template->count() - 1, t.description, Qt::ToolTipRole);
    }
    m_template->lineEdit()->setPlaceholderText(ImportDialog::tr("None — type to search"));
    // The editable combo's field is a control of its own for a screen reader.
    m_template->lineEdit()->setAccessibleName(m_template->accessibleName());
    m_template->completer()->setFilterMode(Qt::MatchContains);
    m_template->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_template->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_template->setToolTip(
        ImportDialog::tr("The internal certificate this one is equivalent to, if any"));
    m_errors.insert(int(Field::Template), Theme::errorLabel(QStringLiteral("templateError"), this));
    qobject_cast<QVBoxLayout *>(layout())->addLayout(
        fieldGroup(ImportDialog::tr("&Associate a certificate"), m_template,
                   m_errors.value(int(Field::Template)), this));
    m_fields.insert(int(Field::Template), m_template);
    connect(m_template, &QComboBox::editTextChanged, this, [this] {
        touch(Field::Template);
        emit changed();
    });
}

void CertificateForm::buildCredits()
{
    m_credits = new QDoubleSpinBox(this);
    m_credits->setObjectName(QStringLiteral("creditsSpin"));
    m_credits->setAccessibleName(ImportDialog::tr("Credits"));
    // Wider than the rule's range, so that the rule's message says what is wrong.
    m_credits->setRange(0, 1000000);
    m_credits->setDecimals(2);
    m_credits->setSpecialValueText(ImportDialog::tr("None"));
    m_credits->setMaximumWidth(180);
    // Typed (or stepped with the arrow keys): no tiny spin buttons.
    m_credits->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_errors.insert(int(Field::Credits), Theme::errorLabel(QStringLiteral("creditsError"), this));
    qobject_cast<QVBoxLayout *>(layout())->addLayout(fieldGroup(
        ImportDialog::tr("&Credits"), m_credits, m_errors.value(int(Field::Credits)), this));
    m_fields.insert(int(Field::Credits), m_credits);
    connect(m_credits, &QDoubleSpinBox::valueChanged, this, [this] {
        touch(Field::Credits);
        emit changed();
    });
}

QString CertificateForm::name() const
{
    return m_name->text();
}

QWidget *CertificateForm::deliveredEdit() const
{
    return m_delivered;
}

QDate CertificateForm::delivered() const
{
    return m_delivered->value();
}

QDate CertificateForm::expires() const
{
    return m_expiresCheck->isChecked() ? m_expires->value() : QDate();
}

bool CertificateForm::expiresTicked() const
{
    return m_expiresCheck->isChecked();
}

Id CertificateForm::templateId(bool *known) const
{
    if (known)
        *known = true;
    if (!m_template)
        return 0;
    const QString text = m_template->currentText().trimmed();
    if (text.isEmpty())
        return 0;
    const int index = m_template->findText(text, Qt::MatchFixedString);
    if (index < 0) {
        if (known)
            *known = false;
        return 0;
    }
    return m_template->itemData(index).value<Id>();
}

std::optional<double> CertificateForm::credits() const
{
    if (!m_credits)
        return m_fixedCredits;
    if (m_credits->value() > 0)
        return m_credits->value();
    return std::nullopt;
}

void CertificateForm::setValues(const QString &name, const QDate &delivered, const QDate &expires)
{
    m_name->setText(name);
    if (delivered.isValid())
        m_delivered->setDate(delivered);
    else
        m_delivered->unset();
    if (expires.isValid()) {
        m_expires->setDate(expires);
        m_expiresCheck->setChecked(true);
    } else if (m_expiresCheck->isChecked()) {
        m_expiresCheck->setChecked(false);
    } else {
        m_expires->unset();
    }
}

void CertificateForm::setTemplateId(Id id)
{
    if (!m_template || id <= 0)
        return;
    const int index = m_template->findData(QVariant::fromValue(id));
    if (index >= 0)
        m_template->setCurrentIndex(index);
}

void CertificateForm::setCredits(std::optional<double> credits)
{
    if (m_credits)
        m_credits->setValue(credits.value_or(0));
    else
        m_fixedCredits = credits;
}

void CertificateForm::touch(Field field)
{
    m_touched.insert(int(field));
}

void CertificateForm::touchAll()
{
    for (const Field field :
         {Field::Name, Field::Delivered, Field::Expires, Field::Template, Field::Credits})
        touch(field);
}

void CertificateForm::onExpiresToggled(bool on)
{
    changedByPerson(Field::Expires);
    m_expires->setEnabled(on);
    if (on) {
        m_expires->setSpecialValueText(ImportDialog::tr("Choose a date"));
        // A template with a validity suggests the date; the user can change it.
        const Id chosen = templateId();
        const QDate from = m_delivered->value();
        for (const CertificateTemplate &t : std::as_const(m_templates)) {
            if (t.id == chosen && t.validityMonths > 0 && from.isValid() && !m_expires->isSet())
                m_expires->setDate(from.addMonths(t.validityMonths));
        }
        if (!m_expires->isSet() && m_expiresSuggestion.isValid())
            m_expires->setDate(m_expiresSuggestion);
        // Ticked by the user (not filled in by setValues()): the date is next.
        if (m_expiresCheck->hasFocus())
            m_expires->setFocus();
    } else {
        m_expires->setSpecialValueText(ImportDialog::tr("Does not expire"));
        m_expires->unset();
        m_touched.remove(int(Field::Expires));
    }
    emit changed();
}

QList<FieldProblem> CertificateForm::problems() const
{
    const QDate expiry = expires();
    QList<FieldProblem> found = CertificateService::checkFields(
        m_name->text(), m_delivered->value(), expiry, credits(), Domain::today());
    // What the form itself needs before the service can say anything.
    if (m_expiresCheck->isChecked() && !expiry.isValid())
        found.append(
            {Field::Expires, ImportDialog::tr("Give the expiration date, or untick Expires.")});
    bool known = true;
    templateId(&known);
    if (!known)
        found.append(
            {Field::Template, ImportDialog::tr("No certificate is named “%1”: choose one from the "
                                               "list, or None.")
                                  .arg(m_template->currentText().trimmed())});
    return found;
}

QStringList CertificateForm::showProblems(const QList<FieldProblem> &problems)
{
    QStringList hidden;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        QString message;
        for (const FieldProblem &problem : problems) {
            if (int(problem.field) == it.key()) {
                message = problem.message;
                break;
            }
        }
        const bool show = !message.isEmpty() && m_touched.contains(it.key());
        if (!message.isEmpty() && !show)
            hidden.append(message);
        QLabel *label = it.value();
        label->setText(show ? message : QString());
        label->setAccessibleName(show ? message : QString());
        label->setVisible(show);
        if (QWidget *field = m_fields.value(it.key()))
            field->setAccessibleDescription(show ? message : QString());
    }
    return hidden;
}
