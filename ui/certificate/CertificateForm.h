#pragma once

#include "core/TextDate.h"
#include "services/CertificateService.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class DateQuestion;
class ImportDateEdit;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

// The fields of a certificate, as the import dialog (new and resubmitted)
// and the task view's edit mode show them: name, delivery date, expiration
// date (Expires ticked or not) and, when the Policy's import form shows them
// (R7, credits), the associated template and the credits. Each field has its
// label above it and its problem below it: the service's own
// CertificateService::checkFields() and what the form itself needs (an
// expiration date once Expires is ticked, a template named in the list).
// A problem shows once its field is touched (edited, or touchAll()); the
// others are returned by showProblems() for a hint. The import dialog fills
// empty fields with what it read on the PDF (fillFromPdf); such a field says
// "Read from the PDF" under it until the person changes it, and a date the
// PDF prints ambiguously is asked (askDateFromPdf, DateQuestion), not filled. Its words are the
// import dialog's (ImportDialog::tr, as ImportDateEdit's, so that translations/certdesk_fr.ts
// applies).
class CertificateForm : public QWidget
{
    Q_OBJECT

public:
    using Field = FieldProblem::Field;

    struct Options
    {
        bool showTemplate = false;
        bool showCredits = false;
        QList<CertificateTemplate> templates; // with showTemplate
    };

    explicit CertificateForm(const Options &options, QWidget *parent = nullptr);

    QString name() const;
    QDate delivered() const;
    // Invalid when Expires is not ticked (or no date is chosen yet).
    QDate expires() const;
    bool expiresTicked() const;
    // 0: none. known is false when the typed text names no template.
    Id templateId(bool *known = nullptr) const;
    bool showsTemplate() const { return m_template != nullptr; }
    bool showsCredits() const { return m_credits != nullptr; }
    // The credits field's value (none at 0); without the field, what
    // setCredits() gave.
    std::optional<double> credits() const;

    // Fills the fields (an invalid expires unticks Expires). Signals go out
    // as if typed; touch afterwards to show problems at once.
    void setValues(const QString &name, const QDate &delivered, const QDate &expires);
    void setTemplateId(Id id);
    void setCredits(std::optional<double> credits);
    // The date Expires suggests when ticked without a date and without a
    // template that has a validity (the task view: a year after delivery).
    void setExpiresSuggestion(const QDate &date) { m_expiresSuggestion = date; }

    // Name, Delivered and Expires only: whether the person (or anything) has
    // given it a value yet.
    bool isEmpty(Field field) const;
    // Fills a field with a value read from the PDF and marks it so (name:
    // the certificate's title; the dates; Expires gets ticked).
    // issuer: who issued it, as the PDF says (there is no issuer field): the
    // name's mark says it, "Read from the PDF, issued by …".
    void fillFromPdf(Field field, const QString &name, const QString &issuer = QString());
    void fillFromPdf(Field field, const QDate &date);
    // A date the PDF prints in a way that reads two ways: asks which, under
    // the date fields; the person's choice fills the field (marked).
    void askDateFromPdf(Field field, const TextDate &date);
    bool isReadFromPdf(Field field) const;
    // Another PDF (or none): empties the fields that still hold what the
    // previous one said and forgets its marks and questions. Fields the
    // person typed or changed keep their values.
    void clearReadFromPdf();
    DateQuestion *dateQuestion(Field field) const { return m_questions.value(int(field)); }

    void touch(Field field);
    void touchAll();
    // Every problem of the values as they are now, in the order of the form.
    QList<FieldProblem> problems() const;
    // Shows each touched field's problem under it; returns the messages of
    // the others (untouched fields), in the order of the form.
    QStringList showProblems(const QList<FieldProblem> &problems);

    QLineEdit *nameEdit() const { return m_name; }
    QWidget *deliveredEdit() const;
    QCheckBox *expiresCheck() const { return m_expiresCheck; }

signals:
    // A value changed (typed, chosen or set).
    void changed();

private:
    void buildName();
    void buildDates();
    void buildTemplate(const QList<CertificateTemplate> &templates);
    void buildCredits();
    void onExpiresToggled(bool on);
    QLabel *buildPdfMark(Field field, const QString &objectName);
    void setReadFromPdf(Field field, bool read);
    // The person changed field: the PDF's mark and question go.
    void changedByPerson(Field field);

    QList<CertificateTemplate> m_templates;
    QDate m_expiresSuggestion;
    std::optional<double> m_fixedCredits; // without a credits field
    QSet<int> m_touched;                  // fields whose problems show
    QLineEdit *m_name = nullptr;
    ImportDateEdit *m_delivered = nullptr;
    QCheckBox *m_expiresCheck = nullptr;
    ImportDateEdit *m_expires = nullptr;
    QComboBox *m_template = nullptr;
    QDoubleSpinBox *m_credits = nullptr;
    QHash<int, QLabel *> m_errors; // under each field, by Field
    QHash<int, QWidget *> m_fields;
    QHash<int, QLabel *> m_pdfMarks;        // "Read from the PDF", by Field
    QHash<int, DateQuestion *> m_questions; // Delivered, Expires
    bool m_fillingFromPdf = false;          // changes now are not the person's
};
