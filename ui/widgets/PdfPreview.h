#pragma once

#include <QBuffer>
#include <QWidget>

class QLabel;
class QPdfDocument;
class QPdfView;
class QStackedWidget;
class QToolButton;

// A live preview of a PDF held in memory: QPdfView in a frame with previous /
// next page buttons, "Page X of N", zoom in / out and fit to width (the
// default). It reads the bytes it is given (the ones PdfCheck checked), never
// the file again, from a QBuffer that outlives its QPdfDocument.
class PdfPreview : public QWidget
{
    Q_OBJECT

public:
    static constexpr qreal MinimumZoom = 0.25;
    static constexpr qreal MaximumZoom = 4.0;

    explicit PdfPreview(QWidget *parent = nullptr);
    ~PdfPreview() override;

    // Shows the PDF (false when QtPdf cannot open it; the placeholder stays).
    bool setPdf(const QByteArray &bytes);
    void clear();
    bool hasDocument() const;

    int pageCount() const;
    int currentPage() const; // 0-based
    bool isFitToWidth() const;
    // The zoom as shown (1.0 = 100 %), also while fitting to width.
    qreal effectiveZoom() const;

    QPdfView *view() const { return m_view; }
    QPdfDocument *document() const { return m_document; }

public slots:
    void goToPage(int page);
    void nextPage();
    void previousPage();
    void zoomIn();
    void zoomOut();
    void fitToWidth();

signals:
    void currentPageChanged(int page);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildToolBar();
    QWidget *buildPlaceholder();
    void setZoom(qreal factor);
    void updateControls();
    void updateIcons();

    // Declared before the document is created (and deleted after it in the
    // destructor): QPdfDocument reads pages from the device on demand.
    QBuffer m_buffer;
    QPdfDocument *m_document = nullptr;
    QStackedWidget *m_stack = nullptr;
    QPdfView *m_view = nullptr;
    QWidget *m_placeholder = nullptr;
    QWidget *m_toolBar = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_pageLabel = nullptr;
    QToolButton *m_zoomOut = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QToolButton *m_zoomIn = nullptr;
    QToolButton *m_fitWidth = nullptr;
};
