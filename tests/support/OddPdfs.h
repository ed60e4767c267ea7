#pragma once

#include <QJsonArray>
#include <QString>

// The odd and broken PDFs of tests/support/make_odd_pdfs.py, made at test
// time in a folder: the generator is run once and its manifest read
// ({"file", "what", "expect", "note"} per file). For tst_oddpdfs (through
// PdfCheck) and tst_importchecking (through the import dialog).
namespace OddPdfs {
// Writes the files and manifest.json into folder; the manifest's entries,
// or an empty array with *error set.
QJsonArray generate(const QString &folder, QString *error);
} // namespace OddPdfs
