// CertificateForm's values read from the PDF: the "Read from the PDF" marks,
// the questions for ambiguous dates, and forgetting both for another PDF.
// The reading itself is CertificateText's (models/core); this only shows it.
#include "certificate/CertificateForm.h"

#include "certificate/DateQuestion.h"
#include "certificate/ImportDateEdit.h"
#include "import/ImportDialog.h"
#include "style/Theme.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>

QLabel *CertificateForm::buildPdfMark(Field field, const QString &objectName)
{
    QLabel *mark = Theme::noteLabel(ImportDialog::tr("Read from the PDF"), this);
    mark->setObjectName(objectName);
    mark->setAccessibleName(mark->text());
    mark->setToolTip(ImportDialog::tr("Filled in from the certificate’s text: check it against "
                                      "the PDF, and change it if it is wrong."));
    QFont font = mark->font();
    font.setItalic(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    mark->setFont(font);
    mark->hide();
    m_pdfMarks.insert(int(field), mark);
    return mark;
}

bool CertificateForm::isEmpty(Field field) const
{
    switch (field) {
    case Field::Name:
        return m_name->text().trimmed().isEmpty();
    case Field::Delivered:
        return !m_delivered->isSet();
    case Field::Expires:
        return !m_expiresCheck->isChecked() || !m_expires->isSet();
    default:
        return false;
    }
}

void CertificateForm::fillFromPdf(Field field, const QString &name, const QString &issuer)
{
    if (field != Field::Name)
        return;
    m_fillingFromPdf = true;
    m_name->setText(name);
    m_fillingFromPdf = false;
    if (QLabel *mark = m_pdfMarks.value(int(field))) {
        mark->setText(issuer.isEmpty()
                          ? ImportDialog::tr("Read from the PDF")
                          : ImportDialog::tr("Read from the PDF, issued by %1").arg(issuer));
        mark->setAccessibleName(mark->text());
    }
    setReadFromPdf(field, true);
    touch(field);
}

void CertificateForm::fillFromPdf(Field field, const QDate &date)
{
    if ((field != Field::Delivered && field != Field::Expires) || !date.isValid())
        return;
    m_fillingFromPdf = true;
    if (field == Field::Delivered) {
        m_delivered->setDate(date);
    } else {
        // The date before the tick, so that Expires suggests nothing of its own.
        m_expires->setDate(date);
        m_expiresCheck->setChecked(true);
    }
    m_fillingFromPdf = false;
    m_questions.value(int(field))->clear();
    setReadFromPdf(field, true);
    touch(field);
    emit changed();
}

void CertificateForm::askDateFromPdf(Field field, const TextDate &date)
{
    if (DateQuestion *question = m_questions.value(int(field)))
        question->ask(date.printed, date.readings);
}

bool CertificateForm::isReadFromPdf(Field field) const
{
    const QLabel *mark = m_pdfMarks.value(int(field));
    return mark && !mark->isHidden();
}

void CertificateForm::clearReadFromPdf()
{
    m_fillingFromPdf = true;
    if (isReadFromPdf(Field::Name))
        m_name->clear();
    if (isReadFromPdf(Field::Delivered))
        m_delivered->unset();
    if (isReadFromPdf(Field::Expires))
        m_expiresCheck->setChecked(false);
    m_fillingFromPdf = false;
    for (const Field field : {Field::Name, Field::Delivered, Field::Expires}) {
        if (isReadFromPdf(field))
            m_touched.remove(int(field)); // emptied by us: no problem to show yet
        setReadFromPdf(field, false);
    }
    for (DateQuestion *question : std::as_const(m_questions))
        question->clear();
    emit changed();
}

void CertificateForm::setReadFromPdf(Field field, bool read)
{
    if (QLabel *mark = m_pdfMarks.value(int(field)))
        mark->setVisible(read);
}

void CertificateForm::changedByPerson(Field field)
{
    if (m_fillingFromPdf)
        return;
    setReadFromPdf(field, false);
    // A date typed or chosen by the person answers the PDF's question too.
    if (DateQuestion *question = m_questions.value(int(field)))
        question->clear();
}
