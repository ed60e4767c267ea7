// ImportDialog's suggestions from the chosen PDF's text: the reading is
// CertificateText's (models/core), the marks and questions CertificateForm's;
// this decides only which field gets what, and never a field the person
// filled.
#include "import/ImportDialog.h"

#include "certificate/CertificateForm.h"
#include "core/CertificateText.h"

#include <QLineEdit>

void ImportDialog::fillFromPdf(const QString &path)
{
    // Whatever the previous PDF said goes; the person's own values stay.
    m_certificateForm->clearReadFromPdf();
    // The text arrives with the check, from the reader process; reading it
    // here is cheap whatever it holds (CertificateText::MaxInput).
    const CertificateText read = CertificateText::read(m_file.firstPageText);

    // The name: the title printed on the certificate, else the document's
    // title, else the file's name. Only a name the person has not typed is
    // replaced (one suggested by the previous file's name is).
    QLineEdit *name = m_certificateForm->nameEdit();
    if (name->text().trimmed().isEmpty() || name->text() == m_suggestedName) {
        const QString documentTitle = suggestedName(m_file.pdfTitle, QString());
        m_suggestedName = read.title.value_or(documentTitle);
        if (!m_suggestedName.isEmpty()) {
            m_certificateForm->fillFromPdf(Field::Name, m_suggestedName,
                                           read.issuer.value_or(QString()));
        } else {
            m_suggestedName = suggestedName(QString(), path);
            name->setText(m_suggestedName);
            m_certificateForm->touch(Field::Name);
        }
    }

    // The dates, into empty fields only; one that reads two ways is asked.
    const std::pair<Field, TextDate> dates[] = {{Field::Delivered, read.delivered},
                                                {Field::Expires, read.expires}};
    for (const auto &[field, date] : dates) {
        if (!date.found() || !m_certificateForm->isEmpty(field))
            continue;
        if (date.isAmbiguous())
            m_certificateForm->askDateFromPdf(field, date);
        else
            m_certificateForm->fillFromPdf(field, date.date());
    }
}
