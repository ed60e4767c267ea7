#pragma once

#include <optional>

#include "services/CertificateService.h"

#include <QFrame>

class CertificateForm;
class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

// The details part of a TaskView: "External certificate details" as the
// owner sent them (name, dates, owner, file), with Edit and Undo edits. Edit
// shows the certificate's fields in the import dialog's form
// (CertificateForm), each with its problem beside it; the read-only rows show
// what would be stored, edits included. TaskView decides when editing is
// possible. Its words are TaskView's (TaskView::tr, so that
// translations/certdesk_fr.ts applies).
class TaskDetailsCard : public QFrame
{
    Q_OBJECT

public:
    explicit TaskDetailsCard(QWidget *parent = nullptr);

    // The certificate as sent: fills the rows and the form, edits gone.
    void fill(const Certificate &certificate);
    // A renewal (README "Rules", Renewal): the certificate it renews (id 0:
    // none, the row is hidden), shown as "Renewal of" with its dates beside
    // when the reviewer may read it, else its number.
    void setRenewalOf(Id renewsId, const std::optional<Certificate> &renewed);
    // open: the task can be decided; editing: the form shows; edited: the
    // values differ from what was sent.
    void setState(bool open, bool editing, bool edited);

    QString name() const;
    QDate delivered() const;
    QDate expires() const;
    QList<FieldProblem> problems() const;
    void showProblems(const QList<FieldProblem> &problems);
    void focusName();

signals:
    void editToggled(bool editing);
    void revertClicked();
    // A field of the form changed.
    void changed();

private:
    QLayout *buildHeader(QWidget *card);
    QWidget *buildReadOnlyRows(QWidget *parent);
    QGridLayout *rowGrid();
    QLabel *addRow(QGridLayout *grid, const QString &label, QLabel *value, QWidget *buddy);

    QPushButton *m_editButton = nullptr;
    QToolButton *m_revertButton = nullptr;
    QStackedWidget *m_stack = nullptr; // the read-only rows, or the form
    CertificateForm *m_form = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_deliveredLabel = nullptr;
    QLabel *m_expiresLabel = nullptr;
    QLabel *m_ownerLabel = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_renewsTitle = nullptr;
    QLabel *m_renewsLabel = nullptr;
    QLabel *m_editedNote = nullptr;
};
