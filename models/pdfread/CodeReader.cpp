#include "pdfread/CodeReader.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>

#include <exception>
#include <string>

QList<PdfQrCode> CodeReader::read(const QImage &page)
{
    QList<PdfQrCode> codes;
    if (page.isNull())
        return codes;
    // zxing binarises luminance: one byte a pixel, rows as QImage lays them out.
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    if (grey.isNull())
        return codes;
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::MatrixCodes);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    // Symbols found but not decoded come back with an error: "could not be read".
    hints.setReturnErrors(true);
    hints.setMaxNumberOfSymbols(PdfReport::MaxQrCodes);
    ZXing::Results results;
    try {
        results = ZXing::ReadBarcodes(view, hints);
    } catch (const std::exception &) {
        return codes; // zxing gave up on the image: no codes, the reader goes on
    }
    for (const ZXing::Result &result : results) {
        if (codes.size() >= PdfReport::MaxQrCodes)
            break;
        if (result.format() == ZXing::BarcodeFormat::None)
            continue;
        PdfQrCode code;
        code.readable = !result.error();
        if (code.readable) {
            const std::string text = result.text();
            code.text =
                QString::fromUtf8(text.data(), qsizetype(text.size())).left(PdfReport::MaxQrText);
            code.isLink = PdfReport::isWebLink(code.text);
        }
        codes.append(code);
    }
    return codes;
}
