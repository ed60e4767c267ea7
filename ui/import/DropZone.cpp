#include "import/DropZone.h"

#include "import/PdfDrop.h"
#include "style/Theme.h"

#include <QDragEnterEvent>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace {
constexpr qreal kRadius = 10;

QColor mix(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QColor stateColor(DropZone::State state, const QPalette &palette)
{
    switch (state) {
    case DropZone::State::Accepting:
        return Theme::accentColor(palette);
    case DropZone::State::Refusing:
        return Theme::errorColor(palette);
    case DropZone::State::Idle:
        break;
    }
    return Theme::mutedTextColor(palette);
}

// The dashed rounded frame shared by the zone and the overlay.
void paintFrame(QPainter &painter, const QRectF &rect, DropZone::State state,
                const QPalette &palette)
{
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = stateColor(state, palette);
    const QColor base = palette.color(QPalette::Base);
    const bool idle = state == DropZone::State::Idle;
    QPen pen(idle ? mix(base, color, 0.7) : color, idle ? 1.5 : 2.0);
    pen.setStyle(Qt::CustomDashLine);
    pen.setDashPattern({4, 3});
    painter.setPen(pen);
    painter.setBrush(idle ? base : mix(base, color, 0.12));
    const qreal inset = pen.widthF() / 2;
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), kRadius, kRadius);
}

void setMuted(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor(palette));
    label->setPalette(palette);
}

// Drag events over a drop target, shared by the zone and the overlay: the
// state to show; Idle when the drag carries no local files at all.
DropZone::State stateFor(const QMimeData *mime)
{
    switch (PdfDrop::classify(mime)) {
    case PdfDrop::Kind::Pdfs:
        return DropZone::State::Accepting;
    case PdfDrop::Kind::Refused:
        return DropZone::State::Refusing;
    case PdfDrop::Kind::None:
        break;
    }
    return DropZone::State::Idle;
}
} // namespace

DropZone::DropZone(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("dropZone"));
    setAccessibleName(tr("Drop zone for the certificate PDF"));
    setAcceptDrops(true);
    setMinimumHeight(170);

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(Theme::SpacingLarge, Theme::SpacingLarge, Theme::SpacingLarge,
                                 Theme::SpacingLarge);
    m_layout->setSpacing(Theme::SpacingSmall);
    m_layout->addStretch(1);
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignHCenter);
    updateIcon();
    m_layout->addWidget(m_icon);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("dropZoneTitle"));
    m_titleLabel->setAlignment(Qt::AlignHCenter);
    m_titleLabel->setWordWrap(true);
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont font = m_titleLabel->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    m_titleLabel->setFont(font);
    m_layout->addWidget(m_titleLabel);
    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("dropZoneNote"));
    m_noteLabel->setAlignment(Qt::AlignHCenter);
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setTextFormat(Qt::PlainText);
    setMuted(m_noteLabel);
    m_layout->addWidget(m_noteLabel);
    m_layout->addStretch(1);

    setTexts(tr("Drop a PDF here"), tr("or"));
}

void DropZone::setTexts(const QString &title, const QString &note)
{
    m_title = title;
    m_note = note;
    updateTexts();
}

QString DropZone::title() const
{
    return m_titleLabel->text();
}

void DropZone::updateIcon()
{
    QIcon icon = Theme::icon(QStringLiteral("pdf"));
    if (m_state == State::Accepting)
        icon = Theme::tintedIcon(QStringLiteral("import"), stateColor(m_state, palette()));
    else if (m_state == State::Refusing)
        icon = Theme::tintedIcon(QStringLiteral("x"), stateColor(m_state, palette()));
    m_icon->setPixmap(icon.pixmap(QSize(36, 36), devicePixelRatioF()));
}

void DropZone::addWidget(QWidget *widget)
{
    m_extras.append(widget);
    // Above the closing stretch, centred.
    m_layout->insertWidget(m_layout->count() - 1, widget, 0, Qt::AlignHCenter);
}

void DropZone::updateTexts()
{
    QString title = m_title;
    QString note = m_note;
    if (m_state == State::Accepting) {
        title = tr("Release to use this PDF");
        note = QString();
    } else if (m_state == State::Refusing) {
        title = tr("Only PDF files can be imported");
        note = tr("Save or scan the certificate as a PDF.");
    }
    m_titleLabel->setText(title);
    m_noteLabel->setText(note);
    m_noteLabel->setVisible(!note.isEmpty());
    setAccessibleDescription(note.isEmpty() ? title : title + QLatin1Char(' ') + note);
}

void DropZone::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    QPalette palette = m_titleLabel->palette();
    palette.setColor(QPalette::WindowText, m_state == State::Idle
                                               ? this->palette().color(QPalette::WindowText)
                                               : stateColor(m_state, this->palette()));
    m_titleLabel->setPalette(palette);
    // While dragging, only what the drop will do.
    for (const QPointer<QWidget> &extra : std::as_const(m_extras)) {
        if (extra)
            extra->setVisible(m_state == State::Idle);
    }
    updateIcon();
    updateTexts();
    update();
    emit stateChanged(m_state);
}

void DropZone::dragEnterEvent(QDragEnterEvent *event)
{
    const State state = stateFor(event->mimeData());
    if (state == State::Idle) {
        event->ignore();
        return;
    }
    // Refused files are accepted too, so that the drop can say why.
    PdfDrop::acceptAsCopy(event);
    setState(state);
}

void DropZone::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_state == State::Idle) {
        event->ignore();
        return;
    }
    PdfDrop::acceptAsCopy(event);
}

void DropZone::dragLeaveEvent(QDragLeaveEvent *event)
{
    setState(State::Idle);
    event->accept();
}

void DropZone::dropEvent(QDropEvent *event)
{
    const QStringList pdfs = PdfDrop::pdfPaths(event->mimeData());
    const QStringList others = PdfDrop::otherPaths(event->mimeData());
    setState(State::Idle);
    if (pdfs.isEmpty() && others.isEmpty()) {
        event->ignore();
        return;
    }
    PdfDrop::acceptAsCopy(event);
    if (!pdfs.isEmpty())
        emit pdfsDropped(pdfs);
    if (!others.isEmpty())
        emit rejectedDrop(others);
}

void DropZone::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintFrame(painter, QRectF(rect()), m_state, palette());
}

void DropZone::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        setMuted(m_noteLabel);
        updateIcon();
    }
}

DropOverlay *DropZone::attachTo(QWidget *page)
{
    return page ? new DropOverlay(page) : nullptr;
}

DropOverlay::DropOverlay(QWidget *page)
    : QWidget(page), m_page(page), m_message(tr("Drop to import"))
{
    setObjectName(QStringLiteral("dropOverlay"));
    setAccessibleName(tr("Drop files to import"));
    // Only painted: clicks and drags reach the page beneath.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
    hide();
    page->setAcceptDrops(true);
    page->installEventFilter(this);
}

void DropOverlay::setMessage(const QString &message)
{
    m_message = message;
    update();
}

void DropOverlay::setState(DropZone::State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (m_state == DropZone::State::Idle) {
        hide();
    } else {
        setGeometry(m_page->rect());
        show();
        raise();
        update();
    }
    emit stateChanged(m_state);
}

bool DropOverlay::eventFilter(QObject *watched, QEvent *event)
{
    // Disabled (import switched off, R1): the page behaves as without it.
    if (watched != m_page || !isEnabled())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter: {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        const DropZone::State state = stateFor(drag->mimeData());
        if (state == DropZone::State::Idle)
            return false; // not files: the page may take it (text into a search box)
        PdfDrop::acceptAsCopy(drag);
        setState(state);
        return true;
    }
    case QEvent::DragMove:
        if (m_state == DropZone::State::Idle)
            return false;
        PdfDrop::acceptAsCopy(static_cast<QDragMoveEvent *>(event));
        return true;
    case QEvent::DragLeave:
        setState(DropZone::State::Idle);
        return false;
    case QEvent::Drop: {
        if (m_state == DropZone::State::Idle)
            return false;
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList pdfs = PdfDrop::pdfPaths(drop->mimeData());
        const QStringList others = PdfDrop::otherPaths(drop->mimeData());
        setState(DropZone::State::Idle);
        PdfDrop::acceptAsCopy(drop);
        if (!pdfs.isEmpty())
            emit pdfsDropped(pdfs);
        if (!others.isEmpty())
            emit rejectedDrop(others);
        return true;
    }
    case QEvent::Resize:
        if (isVisible())
            setGeometry(m_page->rect());
        return false;
    default:
        return false;
    }
}

void DropOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    QColor veil = pal.color(QPalette::Base);
    veil.setAlpha(225);
    painter.fillRect(rect(), veil);
    const QRectF frame =
        QRectF(rect()).adjusted(Theme::Spacing, Theme::Spacing, -Theme::Spacing, -Theme::Spacing);
    paintFrame(painter, frame, m_state, pal);

    const bool refusing = m_state == DropZone::State::Refusing;
    const QColor color = stateColor(m_state, pal);
    const QString line = refusing ? tr("Only PDF files can be imported") : m_message;
    const QString note = refusing ? tr("Save or scan the certificate as a PDF, then drop it here.")
                                  : tr("Each PDF becomes one certificate.");
    const int iconSize = 48;
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setWeight(QFont::DemiBold);
    const int lineHeight = QFontMetrics(big).height();
    const int noteHeight = fontMetrics().height();
    const int total = iconSize + Theme::Spacing + lineHeight + Theme::SpacingSmall + noteHeight;
    int y = int(frame.center().y()) - total / 2;

    const QIcon icon =
        Theme::tintedIcon(refusing ? QStringLiteral("x") : QStringLiteral("import"), color);
    icon.paint(&painter, QRect(int(frame.center().x()) - iconSize / 2, y, iconSize, iconSize));
    y += iconSize + Theme::Spacing;
    painter.setFont(big);
    painter.setPen(color);
    painter.drawText(QRect(int(frame.left()), y, int(frame.width()), lineHeight), Qt::AlignCenter,
                     line);
    y += lineHeight + Theme::SpacingSmall;
    painter.setFont(font());
    painter.setPen(Theme::mutedTextColor(pal));
    painter.drawText(QRect(int(frame.left()), y, int(frame.width()), noteHeight), Qt::AlignCenter,
                     note);
}
