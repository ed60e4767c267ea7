#pragma once

#include "services/CertificateService.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QVBoxLayout;
class Session;

// A certificate's history as a timeline, oldest first: who imported, edited,
// rejected, validated or sent it again, when, with their comment and what
// they changed. Reusable wherever a certificate's details
// show: the task view, the certificate details dialog.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(QWidget *parent = nullptr);

    // Reads the history through CertificateService::history() as the signed-in
    // user (R5 or reviewer). false when it cannot be read: the reason shows in
    // the view and is returned in error.
    bool load(Session &session, Id certificateId, QString *error = nullptr);
    // Template names for "Equivalent to …" lines (load() fills them itself).
    void setTemplateNames(const QHash<Id, QString> &names) { m_templateNames = names; }
    void setEntries(const QList<HistoryEntry> &entries);
    void showError(const QString &message);
    void clear();

    int entryCount() const { return static_cast<int>(m_entries.size()); }
    // One sentence per entry, as the rows show them and screen readers read them.
    QStringList entryTexts() const;

private:
    QWidget *entryWidget(const HistoryEntry &entry, const QStringList &changes, bool last);

    QList<HistoryEntry> m_entries;
    QHash<Id, QString> m_templateNames;
    QVBoxLayout *m_rows = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
    QList<QWidget *> m_entryWidgets;
};
