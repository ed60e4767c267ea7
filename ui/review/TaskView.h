#pragma once

#include "services/CertificateService.h"
#include "services/ReviewService.h"
#include "services/ReviewSignals.h"

#include <QHash>
#include <QWidget>

class HistoryView;
class PdfCheckJob;
class PdfPreview;
class QAction;
class QBoxLayout;
class QLabel;
class QSplitter;
class QStackedWidget;
class QVBoxLayout;
class Session;
class TaskDecision;
class TaskDetailsCard;
class TemplatePicker;

// One validation task (R8), keyboard first. Left: the external certificate's
// details (TaskDetailsCard: Edit shows name and dates in the import dialog's
// form, with its checks shown beside each field), the internal certificate
// equivalence, the decision (TaskDecision: a comment, REJECT and VALIDATE),
// and the certificate's history. Right: the PDF.
//
// Acting calls ReviewService::review() with the version shown, so a second
// reviewer is told who acted first (the service's words). A decided task is
// shown read-only: "Validated by X on date" with the comment.
//
// The actions (validateAction, rejectAction, editAction) carry the shortcuts
// Ctrl+Enter, Ctrl+Shift+R and E; a container that holds a task list beside
// this view adds them to itself too, so they work from the list.
//
// The PDF has most of the room (README "The window"): the details column
// keeps between DetailsMinimumWidth and DetailsMaximumWidth beside it, and
// goes above it once the PDF beside them would be narrower than
// StackedPdfWidth.
class TaskView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int PdfCacheSize = 4;
    static constexpr int DetailsMinimumWidth = 280;
    static constexpr int DetailsMaximumWidth = 400;
    static constexpr int PdfMinimumWidth = 260;
    static constexpr int StackedPdfWidth = 360;

    explicit TaskView(Session &session, QWidget *parent = nullptr);

    // Reads the task (and its PDF, history) as it is now. false when it
    // cannot be shown; the reason is shown instead.
    bool showTask(Id taskId);
    // No task: an empty view with message.
    void clear(const QString &message = QString());
    // Reads a certificate's PDF ahead (fast review: the next task opens with
    // its PDF at once). Keyed by the PDF's SHA-256.
    void preloadPdf(const Certificate &certificate);
    bool isPreloaded(const Certificate &certificate) const;
    void reloadTemplates();

    bool hasTask() const { return m_task.id > 0; }
    Id taskId() const { return m_task.id; }
    const ValidationTask &task() const { return m_task; }
    bool isOpen() const; // shown and still open: the reviewer can act
    bool isEditing() const { return m_editing; }
    bool hasEdits() const;
    QString notice() const;

    PdfPreview *pdfPreview() const { return m_preview; }
    HistoryView *historyView() const { return m_history; }
    QAction *validateAction() const { return m_validateAction; }
    QAction *rejectAction() const { return m_rejectAction; }
    QAction *editAction() const { return m_editAction; }
    // The signals beside the PDF (README "Untrusted PDFs"): the PDF reader
    // runs on the stored PDF off the UI thread when a task is shown
    // (PdfCheckJob); until it answers, one line "Reading the PDF…".
    const QList<ReviewSignal> &shownSignals() const { return m_signals; }
    bool isReadingSignals() const;
    // The details above the PDF (a narrow view) rather than beside it.
    bool isStacked() const;

public slots:
    void validate();
    void reject();
    void setEditing(bool editing);
    void revertEdits();
    void focusComment();

signals:
    // The reader answered and the signals of the task shown are on screen.
    void signalsShown();
    // The decision was stored; message says what was done.
    void decided(Id taskId, bool validated, const QString &message);
    // Someone else acted first: task lists should be read again.
    void taskOutdated(Id taskId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    // A verification link the reviewer clicked: handed to the system's
    // browser (QDesktopServices); the app never fetches it itself. Tests
    // override it to see the click without opening a browser.
    virtual void openLink(const QUrl &url);

private:
    QWidget *buildDetails();
    QWidget *buildPdf();
    void createActions();
    void fillFields();
    void act(bool validate);
    ReviewDecision decision(bool validate) const;
    QList<FieldProblem> problems() const;
    void updateState();
    void arrange();
    void showNotice(const QString &text);
    void showDecidedBanner();
    QByteArray pdfBytes(const Certificate &certificate, QString *error);
    void cachePdf(const QString &sha, const QByteArray &bytes);
    void readSignals(const QByteArray &bytes);
    void signalsRead(const PdfCheckResult &result);
    void showSignalLines(const QList<ReviewSignal> &lines, const QString &placeholder);

    Session &m_session;
    ValidationTask m_task;
    QList<CertificateTemplate> m_templates;
    QHash<QString, QByteArray> m_pdfCache; // by SHA-256
    QStringList m_cacheOrder;              // oldest first
    bool m_editing = false;
    bool m_acting = false;

    QStackedWidget *m_stack = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_detailsColumn = nullptr;  // what scrolls and the decision
    QWidget *m_detailsContent = nullptr; // what it scrolls
    QBoxLayout *m_paneLayout = nullptr;  // details, then the decision
    int m_arrangedFor = -1;              // the width the splitter was last sized for
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_decided = nullptr;
    TaskDetailsCard *m_details = nullptr;
    TemplatePicker *m_templatePicker = nullptr;
    TaskDecision *m_decision = nullptr;
    HistoryView *m_history = nullptr;
    PdfPreview *m_preview = nullptr;
    QLabel *m_pdfError = nullptr;
    QWidget *m_signalsBox = nullptr;
    QVBoxLayout *m_signalsLayout = nullptr;
    PdfCheckJob *m_signalsJob = nullptr;
    QList<ReviewSignal> m_signals;
    QAction *m_validateAction = nullptr;
    QAction *m_rejectAction = nullptr;
    QAction *m_editAction = nullptr;
};
