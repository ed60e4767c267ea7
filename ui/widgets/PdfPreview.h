#pragma once

#include <QBuffer>
#include <QImage>
#include <QList>
#include <QWidget>

class QLabel;
class QScrollArea;
class QPdfDocument;
class QPdfView;
class QStackedWidget;
class QToolButton;

// A live preview of a PDF held in memory: QPdfView in a frame with previous /
// next page buttons, "Page X of N", zoom in / out and fit to width (the
// default). It reads the bytes it is given (a stored certificate's), never
// the file again, from a QBuffer that outlives its QPdfDocument. A file
// being imported is not parsed here at all: setPages() shows the pages the
// PDF reader process rendered (README "Untrusted PDFs"), with the same
// controls.
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
    // Shows pages rendered elsewhere (PdfCheckResult::previews): the first
    // pages of a document of pageCount pages whose first page measures
    // firstPagePoints. False when there is no page to show.
    bool setPages(const QList<QImage> &pages, int pageCount, QSizeF firstPagePoints);
    void clear();
    bool hasDocument() const;

    int pageCount() const;
    int currentPage() const; // 0-based
    bool isFitToWidth() const;
    // The zoom as shown (1.0 = 100 %), also while fitting to width.
    qreal effectiveZoom() const;

    QPdfView *view() const { return m_view; }
    QPdfDocument *document() const { return m_document; }
    // Whether the pages shown are images from setPages().
    bool showsRenderedPages() const { return !m_pages.isEmpty(); }
    // The area the current page is drawn in (for screenshots and tests).
    QWidget *pageArea() const;

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
    void showImagePage();
    int imageAreaWidth() const;

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

    // setPages(): the rendered pages and how they are shown.
    QScrollArea *m_imageArea = nullptr;
    QLabel *m_imageLabel = nullptr;
    QList<QImage> m_pages;
    int m_pageTotal = 0;
    int m_imagePage = 0;
    qreal m_pointsPerPixel = 1.0; // the first page's points over its image's pixels
    bool m_imageFit = true;
    qreal m_imageZoom = 1.0;
};
