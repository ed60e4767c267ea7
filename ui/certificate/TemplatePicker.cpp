#include "certificate/TemplatePicker.h"

#include "style/Theme.h"

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

TemplatePicker::TemplatePicker(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("templatePicker"));
    setAccessibleName(tr("Internal certificate equivalence"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("templateCombo"));
    m_combo->setAccessibleName(tr("Internal certificate equivalence"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setMaxVisibleItems(12);
    m_combo->lineEdit()->setPlaceholderText(tr("None — type to search"));
    // The editable combo's field is a control of its own for a screen reader.
    m_combo->lineEdit()->setAccessibleName(m_combo->accessibleName());
    m_combo->completer()->setFilterMode(Qt::MatchContains);
    m_combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_combo->setToolTip(tr("The internal certificate this one is equivalent to, if any: type any "
                           "part of its name"));
    layout->addWidget(m_combo);
    m_description = Theme::noteLabel(QString(), this);
    m_description->setObjectName(QStringLiteral("templateDescription"));
    m_description->setTextFormat(Qt::PlainText);
    m_description->hide();
    layout->addWidget(m_description);
    m_error = Theme::errorLabel(QStringLiteral("templateError"), this);
    layout->addWidget(m_error);
    connect(m_combo, &QComboBox::editTextChanged, this, &TemplatePicker::update);
    setTemplates({});
}

void TemplatePicker::setTemplates(const QList<CertificateTemplate> &templates)
{
    const Id current = templateId();
    m_templates = templates;
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
        m_combo->addItem(tr("None"), Id(0));
        for (const CertificateTemplate &t : templates) {
            m_combo->addItem(t.name, t.id);
            if (!t.description.isEmpty())
                m_combo->setItemData(m_combo->count() - 1, t.description, Qt::ToolTipRole);
        }
    }
    setTemplateId(current);
}

void TemplatePicker::setTemplateId(Id id)
{
    const int index = m_combo->findData(id);
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->setCurrentIndex(index < 0 ? 0 : index);
        m_combo->setEditText(m_combo->itemText(index < 0 ? 0 : index));
    }
    m_lastEmitted = templateId();
    update();
}

Id TemplatePicker::templateId(bool *known) const
{
    if (known)
        *known = true;
    const QString text = m_combo->currentText().trimmed();
    if (text.isEmpty())
        return 0;
    const int index = m_combo->findText(text, Qt::MatchFixedString);
    if (index < 0) {
        if (known)
            *known = false;
        return 0;
    }
    return m_combo->itemData(index).value<Id>();
}

bool TemplatePicker::isKnown() const
{
    bool known = true;
    templateId(&known);
    return known;
}

void TemplatePicker::setReadOnly(bool readOnly)
{
    m_combo->setEnabled(!readOnly);
}

void TemplatePicker::update()
{
    bool known = true;
    const Id id = templateId(&known);
    m_error->setVisible(!known);
    if (!known)
        m_error->setText(tr("No internal certificate is named “%1”: choose one from the list, or "
                            "None.")
                             .arg(m_combo->currentText().trimmed()));
    QString description;
    for (const CertificateTemplate &t : std::as_const(m_templates)) {
        if (t.id == id) {
            description = t.description;
            if (t.validityMonths > 0)
                description += (description.isEmpty() ? QString() : QStringLiteral(" · ")) +
                               tr("validity: %1 months").arg(t.validityMonths);
        }
    }
    m_description->setText(description);
    m_description->setVisible(known && !description.isEmpty());
    if (known && id != m_lastEmitted) {
        m_lastEmitted = id;
        emit templateChanged(id);
    }
}
