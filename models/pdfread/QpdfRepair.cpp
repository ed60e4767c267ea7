#include "pdfread/QpdfRepair.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {
qsizetype headerOffset(const QByteArray &bytes)
{
    return PdfReport::headerOffset(bytes);
}

// What libqpdf's warnings while reading say it had to do.
PdfRepairs repairsFromWarnings(QPDF &pdf)
{
    PdfRepairs repairs = 0;
    for (const QPDFExc &warning : pdf.getWarnings()) {
        const std::string message = warning.getMessageDetail();
        if (message.find("xref") != std::string::npos ||
            message.find("cross-reference") != std::string::npos ||
            message.find("reconstruct") != std::string::npos ||
            message.find("startxref") != std::string::npos)
            repairs |= PdfRepairs(PdfRepair::CrossReference);
        else
            repairs |= PdfRepairs(PdfRepair::Structure);
    }
    return repairs;
}
// One /Pages node over every page: PDFium stops descending a page tree at
// 1024 levels, libqpdf does not. Taking page 1 out and putting it back makes
// libqpdf flatten the tree (its page edits work on a flat one).
void flattenPageTree(QPDF &pdf)
{
    const std::vector<QPDFObjectHandle> &pages = pdf.getAllPages();
    if (pages.empty())
        return;
    QPDFObjectHandle first = pages.front();
    pdf.removePage(first);
    pdf.addPage(first, true);
}
} // namespace

bool QpdfRepair::deepPageTree(const QByteArray &bytes)
{
    // At most this many nodes are looked at (50,000 pages take a few
    // milliseconds); a tree larger still is left to the time limit.
    constexpr size_t kMaxNodes = 200000;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(true);
        pdf.processMemoryFile("upload.pdf", bytes.constData(), size_t(bytes.size()), "");
        std::vector<std::pair<QPDFObjectHandle, int>> pending{{pdf.getRoot().getKey("/Pages"), 1}};
        std::set<QPDFObjGen> seen;
        size_t visited = 0;
        while (!pending.empty() && ++visited < kMaxNodes) {
            auto [node, depth] = pending.back();
            pending.pop_back();
            if (!node.isDictionary())
                continue;
            QPDFObjectHandle kids = node.getKey("/Kids");
            if (!kids.isArray())
                continue;
            if (depth >= MaxPageTreeDepth)
                return true;
            const int count = kids.getArrayNItems();
            for (int i = 0; i < count; ++i) {
                QPDFObjectHandle kid = kids.getArrayItem(i);
                if (kid.isIndirect() && !seen.insert(kid.getObjGen()).second)
                    continue; // a cycle or a shared node: looked at once
                pending.emplace_back(kid, depth + 1);
            }
        }
    } catch (const std::exception &) {
        // Not readable by libqpdf: PDFium decides.
    }
    return false;
}

bool QpdfRepair::worthAsking(const QByteArray &bytes)
{
    return headerOffset(bytes) > 0 || bytes.contains("/Encrypt");
}

QpdfRepair::Result QpdfRepair::cleanUp(const QByteArray &bytes)
{
    return run(bytes, false);
}

QpdfRepair::Result QpdfRepair::rewrite(const QByteArray &bytes)
{
    return run(bytes, true);
}

QpdfRepair::Result QpdfRepair::run(const QByteArray &bytes, bool always)
{
    Result result;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(true);
        // The buffer is not copied: bytes outlives pdf. The empty password
        // is the one every viewer tries first.
        pdf.processMemoryFile("upload.pdf", bytes.constData(), size_t(bytes.size()), "");

        PdfRepairs repairs = 0;
        if (headerOffset(bytes) > 0)
            repairs |= PdfRepairs(PdfRepair::LeadingBytes);
        if (pdf.isEncrypted())
            repairs |= PdfRepairs(PdfRepair::Encryption);
        if (repairs == 0 && !always) {
            result.outcome = Outcome::Unneeded;
            return result;
        }

        if (always)
            flattenPageTree(pdf);

        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setPreserveEncryption(false);
        // The same upload gives the same bytes (and SHA-256) every time.
        writer.setDeterministicID(true);
        // Streams are copied as they are (decrypted, never decoded): no
        // decompression of a stream a stranger made large.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setCompressStreams(false);
        writer.write();
        repairs |= repairsFromWarnings(pdf);
        if (always && repairs == 0)
            repairs = PdfRepairs(PdfRepair::Structure);

        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        if (!out || out->getSize() == 0 ||
            qint64(out->getSize()) > PdfReport::maxRepairedSize(bytes.size()))
            return result;
        result.bytes =
            QByteArray(reinterpret_cast<const char *>(out->getBuffer()), qsizetype(out->getSize()));
        result.repairs = repairs;
        result.outcome = Outcome::Repaired;
    } catch (const QPDFExc &error) {
        if (error.getErrorCode() == qpdf_e_password)
            result.outcome = Outcome::PasswordRequired;
    } catch (const std::exception &) {
        // Failed: libqpdf cannot read or write it either.
    }
    return result;
}
