#include "CertificatePdf.h"

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

#include <cmath>

namespace {
// One unit is one PDF point (resolution 72): A4 landscape is 842 x 595.
constexpr int Resolution = 72;

const QColor Ink(0x1f, 0x2a, 0x44);    // dark navy: text and outer border
const QColor Accent(0xa8, 0x84, 0x32); // muted gold: inner border, rules, seal
const QColor Muted(0x5a, 0x62, 0x70);  // grey: small print
const QColor Paper(0xfd, 0xfb, 0xf5);  // warm off-white

// DejaVu Serif only (fonts-dejavu-core): each font face embedded adds 5-9 KB.
QFont serif(qreal pointSize, bool bold = false, bool italic = false)
{
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    font.setItalic(italic);
    // No ligatures: with them "certifies" is extracted (and searched) as
    // "certi\ufb01es". Qt 6.4 has no per-feature switch (QFont::setFeature is 6.6).
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}


// Draws text centred in rect, shrinking the font (down to minPointSize) until it
// fits: on one line, or word-wrapped when wrap is set. Text that still does not
// fit at the smallest size wraps and may overflow rect, but is never cut.
void drawFitted(QPainter &painter, const QRectF &rect, QFont font, const QString &text,
                qreal minPointSize, bool wrap = false)
{
    int flags = Qt::AlignCenter | Qt::TextDontClip | (wrap ? Qt::TextWordWrap : 0);
    const auto fits = [&] {
        const QRectF needed = QFontMetricsF(font, painter.device()).boundingRect(rect, flags, text);
        return needed.height() <= rect.height() && needed.width() <= rect.width();
    };
    while (!fits() && font.pointSizeF() > minPointSize)
        font.setPointSizeF(std::max(minPointSize, font.pointSizeF() - 1));
    if (!fits())
        flags |= Qt::TextWordWrap;
    painter.setFont(font);
    painter.drawText(rect, flags, text);
}

void drawBorders(QPainter &painter, const QRectF &page)
{
    painter.fillRect(page, Paper);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Ink, 4));
    const QRectF outer = page.adjusted(22, 22, -22, -22);
    painter.drawRect(outer);
    painter.setPen(QPen(Accent, 1.2));
    const QRectF inner = page.adjusted(32, 32, -32, -32);
    painter.drawRect(inner);

    // A small diamond in each corner between the two borders.
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
    const int points = 12;
    for (int i = 0; i < 2 * points; ++i) {
        const qreal radius = (i % 2 == 0) ? 22 : 12;
        const qreal angle = M_PI * i / points - M_PI / 2;
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
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(0, 0, 0, 0)));
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("CertDesk"));

        QPainter painter(&writer);
        const QRectF page(QPointF(0, 0), writer.pageLayout().fullRect(QPageLayout::Point).size());
        const qreal width = page.width();
        const qreal textLeft = 80;
        const qreal textWidth = width - 2 * textLeft;
        const QLocale locale;

        drawBorders(painter, page);

        QFont issuerFont = serif(13, true);
        issuerFont.setLetterSpacing(QFont::AbsoluteSpacing, 1.5);
        painter.setPen(Ink);
        drawFitted(painter, QRectF(textLeft, 52, textWidth, 26), issuerFont,
                   content.issuer.toUpper(), 8);
        painter.setPen(QPen(Accent, 1));
        painter.drawLine(QPointF(width / 2 - 90, 86), QPointF(width / 2 + 90, 86));

        painter.setPen(Ink);
        drawFitted(painter, QRectF(textLeft, 98, textWidth, 92), serif(34, true), content.title,
                   14, true);

        painter.setPen(Muted);
        drawFitted(painter, QRectF(textLeft, 200, textWidth, 24), serif(15, false, true),
                   tr("This certifies that"), 10);

        painter.setPen(Ink);
        drawFitted(painter, QRectF(textLeft, 228, textWidth, 52), serif(30, true), content.holder,
                   12);
        painter.setPen(QPen(Accent, 0.8));
        painter.drawLine(QPointF(width / 2 - 200, 286), QPointF(width / 2 + 200, 286));

        painter.setPen(Muted);
        drawFitted(painter, QRectF(textLeft, 296, textWidth, 24), serif(15, false, true),
                   tr("has successfully completed"), 10);
        painter.setPen(Ink);
        drawFitted(painter, QRectF(textLeft, 322, textWidth, 44), serif(18, true), content.title,
                   10, true);

        // Day, month name, year: readable in every language, no weekday.
        const QString dateFormat = QStringLiteral("d MMMM yyyy");
        QString dates = tr("Delivered on %1").arg(locale.toString(content.delivered, dateFormat));
        if (content.expires.isValid()) {
            dates += QStringLiteral("   \u00b7   ") +
                     tr("Valid until %1").arg(locale.toString(content.expires, dateFormat));
        }
        painter.setPen(Ink);
        drawFitted(painter, QRectF(textLeft, 376, textWidth, 22), serif(12), dates, 8);

        drawSeal(painter, QPointF(width / 2, 470));

        // Signature line, bottom right; reference, bottom left.
        const qreal signLeft = width - 80 - 210;
        painter.setPen(QPen(Ink, 0.8));
        painter.drawLine(QPointF(signLeft, 492), QPointF(signLeft + 210, 492));
        painter.setPen(Muted);
        drawFitted(painter, QRectF(signLeft, 496, 210, 16), serif(9), tr("Authorised signature"),
                   6);
        drawFitted(painter, QRectF(signLeft, 512, 210, 16), serif(9, true), content.issuer, 6);

        if (!content.reference.isEmpty()) {
            painter.setFont(serif(9));
            painter.drawText(QRectF(80, 496, 220, 32), Qt::AlignLeft | Qt::AlignTop,
                             tr("Reference: %1").arg(content.reference));
        }
    }
    buffer.close();

    QByteArray pdf = buffer.data();
    stabiliseCreationDate(pdf, content.delivered);
    return pdf;
}

// Replaces the digits of the "/CreationDate (D:YYYYMMDDHHmmSS…)" entry that
// QPdfWriter writes with the given date at midnight UTC, keeping its length so
// the cross-reference offsets stay valid. Leaves the bytes alone if Qt ever
// writes something else.
void CertificatePdf::stabiliseCreationDate(QByteArray &pdf, QDate date)
{
    static const QByteArray key("/CreationDate (D:");
    const qsizetype start = pdf.indexOf(key);
    if (start < 0)
        return;
    const qsizetype valueStart = start + key.size();
    const qsizetype end = pdf.indexOf(')', valueStart);
    constexpr qsizetype StampLength = 14; // YYYYMMDDHHmmSS
    if (end < valueStart + StampLength)
        return;

    const QDate stampDate = date.isValid() ? date : QDate(2000, 1, 1);
    QByteArray value = stampDate.toString(QStringLiteral("yyyyMMdd")).toLatin1() + "000000";
    if (value.size() != StampLength)
        return; // a year beyond 9999
    // The time-zone suffix: "Z" stays, "+01'00'" / "-05'00'" become "+00'00'".
    QByteArray suffix = pdf.mid(valueStart + StampLength, end - valueStart - StampLength);
    if (suffix != "Z") {
        for (char &c : suffix) {
            if (c >= '0' && c <= '9')
                c = '0';
        }
        if (!suffix.isEmpty() && (suffix.at(0) == '-' || suffix.at(0) == '+'))
            suffix[0] = '+';
    }
    value += suffix;
    pdf.replace(valueStart, value.size(), value);
}
