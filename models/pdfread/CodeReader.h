#pragma once

#include "pdf/PdfReport.h"

#include <QImage>
#include <QList>

// Finds the 2D codes (QR codes, Data Matrix, Aztec, PDF417) on a page image
// with zxing-cpp: a certificate's "verify at" QR code is a signal for its
// reviewer (README "Untrusted PDFs"). A symbol zxing finds but cannot decode
// is an entry that could not be read. The image is a page of a stranger's
// PDF rendered by PDFium: only the reader process (pdfread/PdfReader) calls
// this, and only this room links zxing.
class CodeReader
{
public:
    // At most PdfReport::MaxQrCodes codes, in the order zxing finds them.
    static QList<PdfQrCode> read(const QImage &page);
};
