#include "widgets/PdfPreview.h"

#include "style/Sheets.h"
#include "style/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>

#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace {
constexpr qreal kZoomStep = 1.25;
constexpr int kMargin = 12;

QToolButton *toolButton(const QString &objectName, const QString &accessibleName,
                        const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    button->setIconSize(QSize(18, 18));
    return button;
}
} // namespace

PdfPreview::PdfPreview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("pdfPreview"));
    setAccessibleName(tr("PDF preview"));
    m_document = new QPdfDocument(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);

    m_stack = new QStackedWidget(this);
    m_placeholder = buildPlaceholder();
    m_stack->addWidget(m_placeholder);
    m_view = new QPdfView(m_stack);
    m_view->setObjectName(QStringLiteral("pdfView"));
    m_view->setAccessibleName(tr("Preview of the certificate PDF"));
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::SinglePage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setDocumentMargins(QMargins(kMargin, kMargin, kMargin, kMargin));
    m_view->setFrameShape(QFrame::StyledPanel);
    m_stack->addWidget(m_view);
    m_imageArea = new QScrollArea(m_stack);
    m_imageArea->setObjectName(QStringLiteral("renderedPages"));
    m_imageArea->setAccessibleName(tr("Preview of the certificate PDF"));
    m_imageArea->setFrameShape(QFrame::StyledPanel);
    m_imageArea->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_imageLabel = new QLabel(m_imageArea);
    m_imageLabel->setObjectName(QStringLiteral("renderedPage"));
    m_imageLabel->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    m_imageArea->setWidget(m_imageLabel);
    // One soft grey around the page, as QPdfView paints it (updateIcons()).
    m_imageLabel->setAutoFillBackground(false);
    m_imageArea->viewport()->setBackgroundRole(QPalette::Dark);
    m_imageArea->viewport()->setAutoFillBackground(true);
    m_stack->addWidget(m_imageArea);
    layout->addWidget(m_stack, 1);
    m_toolBar = buildToolBar();
    layout->addWidget(m_toolBar);

    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            [this](int page) {
                updateControls();
                emit currentPageChanged(page);
            });
    connect(m_view, &QPdfView::zoomModeChanged, this, &PdfPreview::updateControls);
    connect(m_view, &QPdfView::zoomFactorChanged, this, &PdfPreview::updateControls);
    connect(m_document, &QPdfDocument::pageCountChanged, this, &PdfPreview::updateControls);
    updateIcons();
    updateControls();
}

PdfPreview::~PdfPreview()
{
    // The document first, then (as a member) the buffer it reads from.
    m_view->setDocument(nullptr);
    delete m_document;
    m_document = nullptr;
}

QWidget *PdfPreview::buildPlaceholder()
{
    auto *placeholder = new QFrame(this);
    placeholder->setObjectName(QStringLiteral("previewPlaceholder"));
    auto *layout = new QVBoxLayout(placeholder);
    layout->setSpacing(Theme::Spacing);
    layout->addStretch(1);
    auto *picture = new QLabel(placeholder);
    picture->setAlignment(Qt::AlignHCenter);
    picture->setPixmap(
        Theme::icon(QStringLiteral("pdf")).pixmap(QSize(48, 48), devicePixelRatioF()));
    layout->addWidget(picture);
    auto *line = new QLabel(tr("No PDF chosen yet"), placeholder);
    line->setObjectName(QStringLiteral("previewPlaceholderText"));
    line->setAccessibleName(line->text());
    line->setAlignment(Qt::AlignHCenter);
    QFont font = line->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    line->setFont(font);
    layout->addWidget(line);
    QLabel *note = Theme::noteLabel(tr("The certificate appears here as soon as you choose or drop "
                                       "its PDF, so that you can check it is the right file."),
                                    placeholder);
    note->setAlignment(Qt::AlignHCenter);
    note->setContentsMargins(Theme::SpacingXLarge, 0, Theme::SpacingXLarge, 0);
    layout->addWidget(note);
    layout->addStretch(2);
    return placeholder;
}

QWidget *PdfPreview::buildToolBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("previewToolBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpacingSmall);

    m_previous = toolButton(QStringLiteral("previousPageButton"), tr("Previous page"),
                            tr("Previous page"), bar);
    connect(m_previous, &QToolButton::clicked, this, &PdfPreview::previousPage);
    layout->addWidget(m_previous);
    m_pageLabel = new QLabel(bar);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_pageLabel->setAlignment(Qt::AlignCenter);
    m_pageLabel->setMinimumWidth(
        fontMetrics().horizontalAdvance(tr("Page %1 of %2").arg(88).arg(88)) + Theme::Spacing);
    layout->addWidget(m_pageLabel);
    m_next = toolButton(QStringLiteral("nextPageButton"), tr("Next page"), tr("Next page"), bar);
    connect(m_next, &QToolButton::clicked, this, &PdfPreview::nextPage);
    layout->addWidget(m_next);
    layout->addStretch(1);

    m_zoomOut =
        toolButton(QStringLiteral("zoomOutButton"), tr("Zoom out"),
                   tr("Zoom out (%1)")
                       .arg(QKeySequence(QKeySequence::ZoomOut).toString(QKeySequence::NativeText)),
                   bar);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOut, &QToolButton::clicked, this, &PdfPreview::zoomOut);
    layout->addWidget(m_zoomOut);
    m_zoomLabel = new QLabel(bar);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_zoomLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("8888 %")));
    layout->addWidget(m_zoomLabel);
    m_zoomIn =
        toolButton(QStringLiteral("zoomInButton"), tr("Zoom in"),
                   tr("Zoom in (%1)")
                       .arg(QKeySequence(QKeySequence::ZoomIn).toString(QKeySequence::NativeText)),
                   bar);
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomIn, &QToolButton::clicked, this, &PdfPreview::zoomIn);
    layout->addWidget(m_zoomIn);
    m_fitWidth = toolButton(QStringLiteral("fitWidthButton"), tr("Fit to width"),
                            tr("Fit the page to the width of the preview"), bar);
    m_fitWidth->setCheckable(true);
    connect(m_fitWidth, &QToolButton::clicked, this, &PdfPreview::fitToWidth);
    layout->addWidget(m_fitWidth);
    return bar;
}

void PdfPreview::updateIcons()
{
    // QPdfView fills around the pages with the Dark role: a softer grey than
    // the style's, so that the white page stands out without a heavy frame.
    QPalette viewPalette = m_view->palette();
    const QPalette own = palette();
    viewPalette.setColor(QPalette::Dark, Theme::isDark(own)
                                             ? own.color(QPalette::Base).darker(140)
                                             : own.color(QPalette::Window).darker(112));
    m_view->setPalette(viewPalette);
    m_imageArea->setPalette(viewPalette);
    m_placeholder->setStyleSheet(Sheets::previewPlaceholder(own));
    const QColor color = own.color(QPalette::ButtonText);
    m_previous->setIcon(Theme::tintedIcon(QStringLiteral("chevron-left"), color));
    m_next->setIcon(Theme::tintedIcon(QStringLiteral("chevron-right"), color));
    m_zoomOut->setIcon(Theme::tintedIcon(QStringLiteral("zoom-out"), color));
    m_zoomIn->setIcon(Theme::tintedIcon(QStringLiteral("zoom-in"), color));
    m_fitWidth->setIcon(Theme::tintedIcon(QStringLiteral("fit-width"), color));
}

bool PdfPreview::setPdf(const QByteArray &bytes)
{
    clear();
    m_buffer.setData(bytes);
    // QtPdf 6.4 does not open the device itself.
    m_buffer.open(QIODevice::ReadOnly);
    m_document->load(&m_buffer);
    if (m_document->status() != QPdfDocument::Status::Ready || m_document->pageCount() < 1) {
        clear();
        return false;
    }
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->pageNavigator()->jump(0, QPointF(), m_view->zoomFactor());
    m_stack->setCurrentWidget(m_view);
    updateControls();
    return true;
}

bool PdfPreview::setPages(const QList<QImage> &pages, int pageCount, QSizeF firstPagePoints)
{
    clear();
    if (pages.isEmpty() || pages.first().isNull())
        return false;
    m_pages = pages;
    m_pageTotal = std::max(pageCount, int(pages.size()));
    m_imagePage = 0;
    const QSize first = pages.first().size();
    const qreal longerPoints = std::max(firstPagePoints.width(), firstPagePoints.height());
    m_pointsPerPixel =
        longerPoints > 0 ? longerPoints / std::max(first.width(), first.height()) : 1.0;
    m_imageFit = true;
    m_stack->setCurrentWidget(m_imageArea);
    showImagePage();
    updateControls();
    return true;
}

QWidget *PdfPreview::pageArea() const
{
    return showsRenderedPages() ? m_imageArea->viewport() : m_view->viewport();
}

int PdfPreview::imageAreaWidth() const
{
    return m_imageArea->viewport()->width() - 2 * kMargin;
}

void PdfPreview::showImagePage()
{
    if (!showsRenderedPages())
        return;
    const QImage &page = m_pages.at(m_imagePage);
    const qreal zoom = effectiveZoom();
    // 100 %: the page at its size in points on this screen.
    const qreal dpi = screen() ? screen()->logicalDotsPerInch() : 96.0;
    const qreal scale = zoom * m_pointsPerPixel * dpi / 72.0;
    const qreal ratio = devicePixelRatioF();
    const QSize shown(std::max(1, qRound(page.width() * scale)),
                      std::max(1, qRound(page.height() * scale)));
    QPixmap pixmap = QPixmap::fromImage(
        page.scaled(shown * ratio, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_imageLabel->setPixmap(pixmap);
    m_imageLabel->setAccessibleName(
        tr("Page %1 of %2 of the certificate PDF").arg(m_imagePage + 1).arg(m_pageTotal));
    m_imageLabel->resize(shown + QSize(2 * kMargin, 2 * kMargin));
}

void PdfPreview::clear()
{
    m_pages.clear();
    m_pageTotal = 0;
    m_imagePage = 0;
    m_imageLabel->clear();
    // close() waits for a page being rendered in QPdfView's worker thread, so
    // the buffer is not changed under it.
    m_document->close();
    m_buffer.close();
    m_buffer.setData(QByteArray());
    m_view->pageNavigator()->clear();
    m_stack->setCurrentWidget(m_placeholder);
    updateControls();
}

bool PdfPreview::hasDocument() const
{
    return showsRenderedPages() ||
           (m_document->status() == QPdfDocument::Status::Ready && m_document->pageCount() > 0);
}

int PdfPreview::pageCount() const
{
    if (showsRenderedPages())
        return m_pageTotal;
    return hasDocument() ? m_document->pageCount() : 0;
}

int PdfPreview::currentPage() const
{
    return showsRenderedPages() ? m_imagePage : m_view->pageNavigator()->currentPage();
}

bool PdfPreview::isFitToWidth() const
{
    return showsRenderedPages() ? m_imageFit : m_view->zoomMode() == QPdfView::ZoomMode::FitToWidth;
}

qreal PdfPreview::effectiveZoom() const
{
    if (showsRenderedPages()) {
        if (!m_imageFit)
            return m_imageZoom;
        const qreal dpi = screen() ? screen()->logicalDotsPerInch() : 96.0;
        const qreal pageWidth = m_pages.at(m_imagePage).width() * m_pointsPerPixel * dpi / 72.0;
        // The scroll bar may appear: fit within the width left beside it.
        const int available =
            imageAreaWidth() - m_imageArea->verticalScrollBar()->sizeHint().width();
        return pageWidth > 0 && available > 0 ? available / pageWidth : 1.0;
    }
    if (!isFitToWidth() || !hasDocument())
        return m_view->zoomFactor();
    // What QPdfView computes for FitToWidth: the viewport's width over the
    // page's width in pixels at 100 %.
    const QSizeF points = m_document->pagePointSize(currentPage());
    const qreal dpi = screen() ? screen()->logicalDotsPerInch() : 96.0;
    const qreal pageWidth = points.width() * dpi / 72.0;
    const QMargins margins = m_view->documentMargins();
    const int available = m_view->viewport()->width() - margins.left() - margins.right();
    if (pageWidth <= 0 || available <= 0)
        return 1.0;
    return available / pageWidth;
}

void PdfPreview::goToPage(int page)
{
    if (!hasDocument())
        return;
    if (showsRenderedPages()) {
        // Only the pages the reader rendered can be shown.
        page = qBound(0, page, int(m_pages.size()) - 1);
        if (page != m_imagePage) {
            m_imagePage = page;
            showImagePage();
            updateControls();
            emit currentPageChanged(page);
        }
        return;
    }
    page = qBound(0, page, pageCount() - 1);
    if (page != currentPage())
        m_view->pageNavigator()->jump(page, QPointF(), m_view->zoomFactor());
}

void PdfPreview::nextPage()
{
    goToPage(currentPage() + 1);
}

void PdfPreview::previousPage()
{
    goToPage(currentPage() - 1);
}

void PdfPreview::setZoom(qreal factor)
{
    if (!hasDocument())
        return;
    if (showsRenderedPages()) {
        m_imageFit = false;
        m_imageZoom = qBound(MinimumZoom, factor, MaximumZoom);
        showImagePage();
        updateControls();
        return;
    }
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(qBound(MinimumZoom, factor, MaximumZoom));
    updateControls();
}

void PdfPreview::zoomIn()
{
    setZoom(effectiveZoom() * kZoomStep);
}

void PdfPreview::zoomOut()
{
    setZoom(effectiveZoom() / kZoomStep);
}

void PdfPreview::fitToWidth()
{
    if (showsRenderedPages()) {
        m_imageFit = true;
        showImagePage();
    }
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    updateControls();
}

void PdfPreview::updateControls()
{
    const bool loaded = hasDocument();
    const int count = pageCount();
    const int page = currentPage();
    m_pageLabel->setText(loaded ? tr("Page %1 of %2").arg(page + 1).arg(count) : QString());
    m_pageLabel->setAccessibleName(m_pageLabel->text());
    // Rendered pages: only the first few of a long document were rendered.
    const int last = showsRenderedPages() ? int(m_pages.size()) - 1 : count - 1;
    const bool more = showsRenderedPages() && m_pages.size() < count;
    m_pageLabel->setToolTip(
        more ? tr("The first %1 pages are shown here; every page is saved.").arg(m_pages.size())
             : QString());
    m_previous->setEnabled(loaded && page > 0);
    m_next->setEnabled(loaded && page < last);
    const qreal zoom = effectiveZoom();
    m_zoomLabel->setText(loaded ? tr("%1 %").arg(QLocale().toString(qRound(zoom * 100)))
                                : QString());
    m_zoomLabel->setAccessibleName(loaded ? tr("Zoom %1").arg(m_zoomLabel->text()) : QString());
    m_zoomOut->setEnabled(loaded && zoom > MinimumZoom + 0.001);
    m_zoomIn->setEnabled(loaded && zoom < MaximumZoom - 0.001);
    m_fitWidth->setEnabled(loaded);
    m_fitWidth->setChecked(loaded && isFitToWidth());
    m_toolBar->setVisible(loaded);
}

void PdfPreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (isFitToWidth()) {
        showImagePage();
        updateControls();
    }
}

void PdfPreview::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
}
