#pragma once

#include "core/Domain.h"
#include "widgets/DataTableView.h"

#include <QPointer>

#include <QWidget>
#include <optional>

class CertificateDetailsDialog;
class CertificateListModel;
class DropOverlay;
class QAction;
class QFrame;
class CertificateFilterBar;
class LatestRead;
class QLabel;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QStyledItemDelegate;
class Session;
class StatusDelegate;

// The Certificates section of a Results page: one person's certificates in a
// QTableView over the lazy CertificateListModel, the status as a badge
// (StatusDelegate), "Import certificate" (Ctrl+I) when the Policy's import
// form is available for that person (R1, R4), PDFs dropped anywhere on the
// section imported one dialog per file, refused files named in an inline
// banner, and an empty state that says what to do. Double-click or Enter on
// a row opens the certificate (CertificateDetailsDialog); a certificate
// corrected and sent again from there refreshes the list.
//
// Used for the signed-in user (Results page) and for anyone in their scope
// (a profile's Results tab, deleted users included).
class CertificatesSection : public QWidget
{
    Q_OBJECT

public:
    explicit CertificatesSection(Session &session, QWidget *parent = nullptr);
    ~CertificatesSection() override;

    // Whose certificates (reloads). ownerName names them in texts; empty for
    // the signed-in user.
    void setOwner(Id owner, const QString &ownerName = QString());
    Id owner() const { return m_owner; }
    // Re-reads the rows and the import switch (settings may have changed).
    void reload();

    bool importAvailable() const { return m_importAvailable; }
    CertificateListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    DropOverlay *dropOverlay() const { return m_drop; }
    QAction *importAction() const { return m_importAction; }
    // The open details dialog, if any (tests, and one at a time).
    CertificateDetailsDialog *detailsDialog() const;
    // The status chips and the order above the list.
    CertificateFilterBar *filterBar() const { return m_filters; }
    QString bannerText() const;
    bool isBannerVisible() const;
    // Whether the chips' counts are still being read (tests wait for them).
    bool isCounting() const;

public slots:
    // The import dialog without a file (the user selects or drops one).
    void importCertificate();
    // Export CSV…: the list as shown (its status chip and order) to a file
    // (CertificatesSectionExport.cpp).
    void exportCsv();
    // Tests: writes the list as shown to path; whether it was written whole.
    bool exportTo(const QString &path);
    // One import dialog per file, in turn ("File 2 of 3"); Cancel skips a
    // file, "Stop importing" the rest.
    void importFiles(const QStringList &paths);
    void openCertificate(const QModelIndex &index);
    void showRefusedFiles(const QStringList &paths);

signals:
    // Certificates were written: count new ones imported, or 0 when one was
    // corrected and sent again (either way the owner's counts changed).
    void imported(int count);
    // The chips' counts arrived (or could not be read) and are shown.
    void countsShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildHeader();
    QFrame *buildBanner();
    QWidget *buildEmptyState();
    void runImports(const QStringList &paths);
    void afterImport(const QList<Certificate> &certificates, bool sentForValidation);
    void afterResubmit(Id id);
    void selectCertificate(Id id);
    void showBanner(const QString &text, bool error);
    void hideBanner();
    void onModelReset();
    void updateImportControls();
    void updateSummary();
    void showListOrEmpty();
    // Counts the owner's certificates by status shown, off the window's
    // thread; the chips and the summary follow when the answer comes.
    void recount();
    void showCounts(const std::optional<CertificateCounts> &counts);
    void updateIcons();

    Session &m_session;
    Id m_owner = 0;
    QString m_ownerName;
    bool m_importAvailable = false;
    QString m_importUnavailableReason;
    bool m_importing = false;

    CertificateListModel *m_model = nullptr;
    StatusDelegate *m_statusDelegate = nullptr;
    QStyledItemDelegate *m_creditsDelegate = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    CertificateFilterBar *m_filters = nullptr;
    // The owner's, for the chips and the summary: counted off the window's
    // thread (m_countRead); unknown until the answer comes.
    std::optional<CertificateCounts> m_counts;
    LatestRead *m_countRead = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QString m_exportError;
    QAction *m_importAction = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_stack = nullptr;
    DataTableView *m_view = nullptr;
    QWidget *m_empty = nullptr;
    QLabel *m_emptyLine = nullptr;
    QLabel *m_emptyNote = nullptr;
    DropOverlay *m_drop = nullptr;
    QPointer<CertificateDetailsDialog> m_details;
};
