#pragma once

#include "core/Domain.h"

#include <QWidget>

class QComboBox;
class QLabel;

// "Associate a certificate" / "Internal certificate equivalence": a
// searchable chooser of the internal certificate templates (type any part of
// a name), with "None", the chosen template's description below it, and a
// message when the typed text names no template.
class TemplatePicker : public QWidget
{
    Q_OBJECT

public:
    explicit TemplatePicker(QWidget *parent = nullptr);

    void setTemplates(const QList<CertificateTemplate> &templates);
    void setTemplateId(Id id);
    // 0: none. known is false when the typed text names no template.
    Id templateId(bool *known = nullptr) const;
    bool isKnown() const;
    void setReadOnly(bool readOnly);
    // For buddies and focus: the combo box the user types into.
    QComboBox *comboBox() const { return m_combo; }

signals:
    void templateChanged(Id id);

private:
    void update();

    QList<CertificateTemplate> m_templates;
    QComboBox *m_combo = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_error = nullptr;
    Id m_lastEmitted = 0;
};
