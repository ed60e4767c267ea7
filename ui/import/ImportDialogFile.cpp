// ImportDialog's file: the drop zone and Select button, reading and checking
// the PDF once (setFile), drops, refusals, and the name a file suggests. Kept
// apart so that ImportDialog.cpp stays the dialog, its form and its save.
#include "import/ImportDialog.h"

#include "certificate/CertificateForm.h"
#include "import/DropZone.h"
#include "import/PdfDrop.h"
#include "services/Session.h"
#include "style/Theme.h"
#include "widgets/FileDialog.h"
#include "widgets/PdfPreview.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>

namespace {
// "first-aid_certificate" → "First Aid Certificate"; words with capitals
// ("ISO", "McKinsey") stay as they are.
QString capitalised(const QString &text)
{
    static const QStringList small{
        QStringLiteral("a"),   QStringLiteral("an"),  QStringLiteral("and"), QStringLiteral("at"),
        QStringLiteral("for"), QStringLiteral("in"),  QStringLiteral("of"),  QStringLiteral("on"),
        QStringLiteral("or"),  QStringLiteral("the"), QStringLiteral("to")};
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < words.size(); ++i) {
        QString &word = words[i];
        if (word != word.toLower() || (i > 0 && small.contains(word)))
            continue;
        word[0] = word.at(0).toUpper();
    }
    return words.join(QLatin1Char(' '));
}
} // namespace

QString ImportDialog::suggestedName(const QString &pdfTitle, const QString &filePath)
{
    QString title = pdfTitle.simplified();
    // Office programs often put their own name or the source file in the title.
    static const QRegularExpression producer(
        QStringLiteral("^Microsoft (Word|PowerPoint|Excel) - "));
    static const QRegularExpression fileName(
        QStringLiteral("\\.(docx?|odt|pdf|pptx?|rtf|txt|png|jpe?g)$"),
        QRegularExpression::CaseInsensitiveOption);
    title.remove(producer);
    if (title.contains(fileName) ||
        title.compare(QLatin1String("untitled"), Qt::CaseInsensitive) == 0)
        title.clear();
    if (!title.isEmpty())
        return title;

    QString base = QFileInfo(filePath).completeBaseName();
    static const QRegularExpression separators(QStringLiteral("[_\\-.+]+"));
    static const QRegularExpression camel(QStringLiteral("(?<=[a-z])(?=[A-Z])"));
    base.replace(separators, QStringLiteral(" "));
    base.replace(camel, QStringLiteral(" "));
    return capitalised(base.simplified());
}

void ImportDialog::buildFileZone(QLayout *layout)
{
    QWidget *parent = layout->parentWidget();
    m_dropZone = new DropZone(parent);
    m_selectButton = new QPushButton(Theme::icon(QStringLiteral("file-open")),
                                     tr("&Select a file…"), m_dropZone);
    m_selectButton->setObjectName(QStringLiteral("selectFileButton"));
    m_selectButton->setAccessibleName(tr("Select a PDF file"));
    m_selectButton->setAutoDefault(false);
    m_dropZone->addWidget(m_selectButton);
    if (isResubmit()) {
        // Back to the certificate's own PDF after choosing another one.
        m_currentPdfButton = new QPushButton(tr("&Keep the current PDF"), m_dropZone);
        m_currentPdfButton->setObjectName(QStringLiteral("currentPdfButton"));
        m_currentPdfButton->setAccessibleName(tr("Keep the current PDF"));
        m_currentPdfButton->setAutoDefault(false);
        m_currentPdfButton->hide();
        m_dropZone->addWidget(m_currentPdfButton);
        connect(m_currentPdfButton, &QPushButton::clicked, this, &ImportDialog::useCurrentPdf);
    }
    layout->addWidget(m_dropZone);
    m_fileError = new QLabel(parent);
    m_fileError->setObjectName(QStringLiteral("fileError"));
    m_fileError->setWordWrap(true);
    m_fileError->setTextFormat(Qt::PlainText);
    m_fileError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileError->hide();
    layout->addWidget(m_fileError);
    connect(m_selectButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    auto *open = new QAction(this);
    open->setObjectName(QStringLiteral("selectFileAction"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &ImportDialog::chooseFile);
    addAction(open);
    m_selectButton->setToolTip(
        tr("Choose the certificate PDF (%1)")
            .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    connect(m_dropZone, &DropZone::pdfsDropped, this, &ImportDialog::onDroppedPdfs);
    connect(m_dropZone, &DropZone::rejectedDrop, this, &ImportDialog::onRejectedDrop);
}

bool ImportDialog::setFile(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // Read and checked once; the preview and the import use these bytes.
    PdfCheckResult checked = PdfCheck::checkFile(path, m_session.policy().settings().pdfLimits());
    QApplication::restoreOverrideCursor();
    m_saveError->hide();
    const QString fileName = QFileInfo(path).fileName();
    if (!checked.ok()) {
        m_file = PdfCheckResult();
        m_filePath.clear();
        if (isResubmit()) {
            // The certificate keeps the PDF it has; say so.
            showCurrentPdf();
            showFileError(tr("“%1” cannot be used. %2").arg(fileName, checked.message) +
                          QLatin1Char(' ') + tr("The current PDF is kept."));
        } else {
            m_preview->clear();
            m_dropZone->setTexts(tr("Drop a PDF here"), tr("or"));
            showFileError(tr("“%1” cannot be imported. %2").arg(fileName, checked.message));
        }
        updateState();
        return false;
    }
    m_file = std::move(checked);
    m_filePath = path;
    m_fileError->hide();
    m_preview->setPdf(m_file.bytes);
    m_previewShowsCurrent = false;
    if (isVisible())
        QTimer::singleShot(0, m_preview, &PdfPreview::fitToWidth);
    const QString pages =
        m_file.pageCount == 1 ? tr("1 page") : tr("%1 pages").arg(m_file.pageCount);
    m_dropZone->setTexts(fileName, tr("%1 · %2 — drop another PDF to replace it")
                                       .arg(pages, PdfCheck::formatSize(m_file.bytes.size())));
    if (m_currentPdfButton)
        m_currentPdfButton->show();
    // Only a name the user has not typed is replaced.
    QLineEdit *name = m_certificateForm->nameEdit();
    if (name->text().trimmed().isEmpty() || name->text() == m_suggestedName) {
        m_suggestedName = suggestedName(m_file.pdfTitle, path);
        name->setText(m_suggestedName);
        m_certificateForm->touch(Field::Name);
    }
    updateState();
    return true;
}

void ImportDialog::chooseFile()
{
    const QString path =
        FileDialog::getOpenFileName(this, tr("Select the certificate PDF"),
                                    tr("PDF documents (*.pdf)"), QStringLiteral("import"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportDialog::onDroppedPdfs(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (setFile(paths.constFirst()) && paths.size() > 1)
        showFileError(tr("One certificate per import: only “%1” was taken. Import the other "
                         "files one at a time.")
                          .arg(QFileInfo(paths.constFirst()).fileName()));
}

void ImportDialog::onRejectedDrop(const QStringList &nonPdfs)
{
    // A PDF dropped together with other files is taken; the others are named.
    showFileError(PdfDrop::refusalMessage(nonPdfs));
}

void ImportDialog::showFileError(const QString &message)
{
    m_fileError->setText(message);
    m_fileError->setAccessibleName(message);
    m_fileError->show();
}
