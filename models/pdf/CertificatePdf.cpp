#include "pdf/CertificatePdf.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QtMath>

#include <qrencode.h>

#include <cctype>
#include <cmath>
#include <memory>

namespace {
// One unit is one PDF point (resolution 72): A4 landscape is 842 x 595.
constexpr int Resolution = 72;
constexpr qreal PageWidth = 842;
constexpr qreal TextLeft = 80;
constexpr qreal TextWidth = PageWidth - 2 * TextLeft;

const QColor Ink(0x1f, 0x2a, 0x44);    // dark navy: text and outer border
const QColor Accent(0xa8, 0x84, 0x32); // muted gold: inner border, rules, seal
const QColor Muted(0x5a, 0x62, 0x70);  // grey: small print
const QColor Paper(0xfd, 0xfb, 0xf5);  // warm off-white

struct TextStyle
{
    qreal pointSize;
    qreal minPointSize; // shrink down to this before wrapping
    QColor colour;
    bool oblique = false; // slanted by a shear, not an italic face
    bool wrap = false;    // may use several lines at full size
    qreal letterSpacing = 0;
};

// Every text uses the one face DejaVu Serif Book (fonts-dejavu-core); no bold,
// no italic face. QPdfWriter 6.4 writes the embedded fonts in QHash order, and
// QHash is seeded randomly per process: with two faces or more, the object
// numbers and so the bytes change from one run to the next.
QFont serif(const TextStyle &style)
{
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(style.pointSize);
    font.setLetterSpacing(QFont::AbsoluteSpacing, style.letterSpacing);
    // No ligatures: with them "certifies" is extracted (and searched) as
    // "certi\ufb01es". Qt 6.4 has no per-feature switch (QFont::setFeature is 6.6).
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

// Draws text centred in rect, shrinking the font (down to minPointSize) until it
// fits. Text that still does not fit at the smallest size wraps and may
// overflow rect, but is never cut.
void drawText(QPainter &painter, const QRectF &rect, const TextStyle &style, const QString &text)
{
    QFont font = serif(style);
    int flags = Qt::AlignCenter | Qt::TextDontClip | (style.wrap ? Qt::TextWordWrap : 0);
    const auto fits = [&] {
        const QRectF needed = QFontMetricsF(font, painter.device()).boundingRect(rect, flags, text);
        return needed.height() <= rect.height() && needed.width() <= rect.width();
    };
    while (!fits() && font.pointSizeF() > style.minPointSize)
        font.setPointSizeF(std::max(style.minPointSize, font.pointSizeF() - 1));
    if (!fits())
        flags |= Qt::TextWordWrap;

    painter.save();
    if (style.oblique) {
        const QPointF centre = rect.center();
        painter.translate(centre);
        painter.shear(-0.2, 0);
        painter.translate(-centre);
    }
    painter.setFont(font);
    painter.setPen(style.colour);
    painter.drawText(rect, flags, text);
    painter.restore();
}

void drawBorders(QPainter &painter, const QRectF &page)
{
    painter.fillRect(page, Paper);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Ink, 4));
    painter.drawRect(page.adjusted(22, 22, -22, -22));
    painter.setPen(QPen(Accent, 1.2));
    const QRectF inner = page.adjusted(32, 32, -32, -32);
    painter.drawRect(inner);

    // A small diamond on each corner of the inner border.
    painter.setPen(Qt::NoPen);
    painter.setBrush(Accent);
    const QPointF corners[] = {inner.topLeft(), inner.topRight(), inner.bottomLeft(),
                               inner.bottomRight()};
    for (const QPointF &c : corners) {
        const QPointF diamond[] = {c + QPointF(0, -7), c + QPointF(7, 0), c + QPointF(0, 7),
                                   c + QPointF(-7, 0)};
        painter.drawPolygon(diamond, 4);
    }
}

// A rosette: two rings and a twelve-pointed star.
void drawSeal(QPainter &painter, const QPointF &centre)
{
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Accent, 2.5));
    painter.drawEllipse(centre, 34, 34);
    painter.setPen(QPen(Accent, 0.8));
    painter.drawEllipse(centre, 29, 29);

    QPainterPath star;
    constexpr int Points = 12;
    for (int i = 0; i < 2 * Points; ++i) {
        const qreal radius = (i % 2 == 0) ? 22 : 12;
        const qreal angle = M_PI * i / Points - M_PI / 2;
        const QPointF p = centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
        if (i == 0)
            star.moveTo(p);
        else
            star.lineTo(p);
    }
    star.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Accent);
    painter.drawPath(star);
}

void drawRule(QPainter &painter, qreal y, qreal halfWidth, qreal penWidth)
{
    painter.setPen(QPen(Accent, penWidth));
    painter.drawLine(QPointF(PageWidth / 2 - halfWidth, y), QPointF(PageWidth / 2 + halfWidth, y));
}

QRectF textRow(qreal top, qreal height)
{
    return QRectF(TextLeft, top, TextWidth, height);
}

// Rewrites "/CreationDate (D:…)" in an uncompressed Info dictionary and shifts
// the offsets in the classic cross-reference table that follow it. Returns
// false, changing nothing, when the file is not laid out like that.
bool replaceCreationDate(QByteArray &pdf, const QByteArray &newValue)
{
    static const QByteArray key("/CreationDate (");
    const qsizetype valueStart = pdf.indexOf(key) + key.size();
    const qsizetype valueEnd = pdf.indexOf(')', valueStart);
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    if (valueStart < key.size() || valueEnd < 0 || startxref < valueEnd)
        return false;
    const qsizetype delta = newValue.size() - (valueEnd - valueStart);

    // "startxref <offset>": where the table starts.
    qsizetype p = startxref + 9;
    while (p < pdf.size() && (pdf.at(p) == ' ' || pdf.at(p) == '\n' || pdf.at(p) == '\r'))
        ++p;
    qsizetype digitsEnd = p;
    while (digitsEnd < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf.at(digitsEnd))))
        ++digitsEnd;
    bool ok = false;
    const qsizetype xref = pdf.mid(p, digitsEnd - p).toLongLong(&ok);
    if (!ok || xref <= valueEnd || xref >= startxref || !pdf.mid(xref).startsWith("xref"))
        return false;

    // One subsection "0 <count>", then 20-byte entries "oooooooooo ggggg n\r\n".
    const qsizetype headerEnd = pdf.indexOf('\n', xref + 5);
    const QList<QByteArray> header = pdf.mid(xref + 5, headerEnd - xref - 5).trimmed().split(' ');
    const int count = header.size() == 2 && header.at(0) == "0" ? header.at(1).toInt() : 0;
    const qsizetype entries = headerEnd + 1;
    if (count < 1 || entries + 20 * qsizetype(count) > startxref)
        return false;
    QByteArray table = pdf.mid(entries, 20 * qsizetype(count));
    for (int i = 0; i < count; ++i) {
        const qsizetype e = 20 * qsizetype(i);
        const qsizetype offset = table.mid(e, 10).toLongLong(&ok);
        if (!ok || table.at(e + 10) != ' ' || table.at(e + 16) != ' ')
            return false;
        if (table.at(e + 17) == 'n' && offset > valueEnd) {
            table.replace(e, 10, QByteArray::number(offset + delta).rightJustified(10, '0', true));
        }
    }

    // Back to front, so that the positions still hold.
    pdf.replace(p, digitsEnd - p, QByteArray::number(xref + delta));
    pdf.replace(entries, table.size(), table);
    pdf.replace(valueStart, valueEnd - valueStart, newValue);
    return true;
}
} // namespace

QByteArray CertificatePdf::render(const CertificatePdfContent &content)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        qWarning("CertificatePdf::render needs a QGuiApplication for its fonts");
        return {};
    }

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(Resolution);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("CertDesk"));

        QPainter painter(&writer);
        drawBorders(painter,
                    QRectF(QPointF(0, 0), writer.pageLayout().fullRect(QPageLayout::Point).size()));
        drawMain(painter, content);
        drawFooter(painter, content);
    }
    buffer.close();

    QByteArray pdf = buffer.data();
    stabiliseCreationDate(pdf, content.delivered);
    return pdf;
}

void CertificatePdf::drawMain(QPainter &painter, const CertificatePdfContent &content)
{
    drawText(painter, textRow(52, 26), {13, 8, Ink, false, false, 1.8}, content.issuer.toUpper());
    drawRule(painter, 86, 90, 1);

    drawText(painter, textRow(98, 92), {36, 14, Ink, false, true}, content.title);

    drawText(painter, textRow(200, 24), {15, 10, Muted, true}, tr("This certifies that"));
    drawText(painter, textRow(228, 52), {32, 12, Ink}, content.holder);
    drawRule(painter, 286, 200, 0.8);

    drawText(painter, textRow(296, 24), {15, 10, Muted, true}, tr("has successfully completed"));
    drawText(painter, textRow(322, 44), {19, 10, Ink, false, true}, content.title);

    // Day, month name, year: readable in every language, no weekday.
    const QLocale locale;
    const QString dateFormat = QStringLiteral("d MMMM yyyy");
    QString dates = tr("Delivered on %1").arg(locale.toString(content.delivered, dateFormat));
    if (content.expires.isValid()) {
        dates += QStringLiteral("   \u00b7   ") +
                 tr("Valid until %1").arg(locale.toString(content.expires, dateFormat));
    }
    drawText(painter, textRow(376, 22), {12, 8, Ink}, dates);
}

void CertificatePdf::drawFooter(QPainter &painter, const CertificatePdfContent &content)
{
    drawSeal(painter, QPointF(PageWidth / 2, 470));

    // Signature line, bottom right.
    const qreal signLeft = PageWidth - TextLeft - 210;
    painter.setPen(QPen(Ink, 0.8));
    painter.drawLine(QPointF(signLeft, 492), QPointF(signLeft + 210, 492));
    drawText(painter, QRectF(signLeft, 496, 210, 16), {9, 6, Muted, true},
             tr("Authorised signature"));
    drawText(painter, QRectF(signLeft, 512, 210, 16), {9, 6, Ink}, content.issuer);

    if (!content.verificationUrl.isEmpty())
        drawVerification(painter, content.verificationUrl);

    // Reference, bottom left.
    if (!content.reference.isEmpty()) {
        painter.setFont(serif({9, 9, Muted}));
        painter.setPen(Muted);
        painter.drawText(QRectF(TextLeft, 496, 220, 32), Qt::AlignLeft | Qt::AlignTop,
                         tr("Reference: %1").arg(content.reference));
    }
}

// A QR code of url, 64 points square with its quiet zone, above the reference;
// one filled square per dark module. Nothing when libqrencode cannot encode it
// (too long for a QR code).
void CertificatePdf::drawVerification(QPainter &painter, const QString &url)
{
    const QByteArray text = url.toUtf8();
    std::unique_ptr<QRcode, void (*)(QRcode *)> code(
        QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!code || code->width <= 0)
        return;
    constexpr int QuietModules = 4; // the standard's quiet zone
    const QRectF area(TextLeft, 412, 64, 64);
    const qreal module = area.width() / (code->width + 2 * QuietModules);
    painter.fillRect(area, Qt::white);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1) {
                painter.drawRect(QRectF(area.left() + (x + QuietModules) * module,
                                        area.top() + (y + QuietModules) * module, module, module));
            }
        }
    }
    drawText(painter, QRectF(area.right() + 6, area.top() + 20, 150, 24), {9, 6, Muted, true},
             tr("Scan to verify this certificate"));
}

// QPdfWriter has no API for its /CreationDate: it writes the current local
// time, as "…Z" on a UTC machine and "…+01'00'" elsewhere. Replace it with the
// delivery date at midnight UTC, always "D:YYYYMMDD000000Z".
void CertificatePdf::stabiliseCreationDate(QByteArray &pdf, QDate date)
{
    const QDate stamp =
        date.isValid() && date.year() >= 1000 && date.year() <= 9999 ? date : QDate(2000, 1, 1);
    const QByteArray value =
        "D:" + stamp.toString(QStringLiteral("yyyyMMdd")).toLatin1() + "000000Z";
    if (!replaceCreationDate(pdf, value))
        qWarning("CertificatePdf: unexpected QPdfWriter output; creation date left as written");
}
