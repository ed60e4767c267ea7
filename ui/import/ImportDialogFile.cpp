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
#include <QEventLoop>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QPointer>
#include <QProgressBar>
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

    // While the reader checks a file: a busy bar and a way to stop it.
    m_check = new PdfCheckJob(this);
    m_checking = new QWidget(parent);
    m_checking->setObjectName(QStringLiteral("fileChecking"));
    auto *checkingRow = new QHBoxLayout(m_checking);
    checkingRow->setContentsMargins(0, 0, 0, 0);
    auto *busy = new QProgressBar(m_checking);
    busy->setObjectName(QStringLiteral("fileCheckingBar"));
    busy->setRange(0, 0); // no end known: a busy indicator
    busy->setTextVisible(false);
    busy->setMaximumHeight(Theme::SpacingLarge);
    busy->setAccessibleName(tr("Checking the PDF"));
    checkingRow->addWidget(busy, 1);
    auto *stop = new QPushButton(tr("S&top checking"), m_checking);
    stop->setObjectName(QStringLiteral("stopCheckingButton"));
    stop->setAutoDefault(false);
    checkingRow->addWidget(stop);
    connect(stop, &QPushButton::clicked, this, &ImportDialog::stopChecking);
    m_checking->hide();
    layout->addWidget(m_checking);

    m_fileError = new QLabel(parent);
    m_fileError->setObjectName(QStringLiteral("fileError"));
    m_fileError->setWordWrap(true);
    m_fileError->setTextFormat(Qt::PlainText);
    m_fileError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileError->hide();
    layout->addWidget(m_fileError);
    m_repairNote = Theme::noteLabel(QString(), parent);
    m_repairNote->setObjectName(QStringLiteral("fileRepairNote"));
    m_repairNote->hide();
    layout->addWidget(m_repairNote);
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

void ImportDialog::setFileWhenShown(const QString &path)
{
    m_pendingFile = path;
    QTimer::singleShot(0, this, [this] {
        const QString pending = m_pendingFile; // setFile() clears it
        if (!pending.isEmpty())
            setFile(pending);
    });
}

bool ImportDialog::setFile(const QString &path)
{
    m_pendingFile.clear();
    // A check still running for an earlier file is overtaken: its setFile()
    // returns false and leaves the dialog to this one.
    const quint64 generation = ++m_checkGeneration;
    emit fileCheckOvertaken();
    m_saveError->hide();
    m_fileError->hide();
    const QString fileName = QFileInfo(path).fileName();
    showChecking(fileName);

    // Read and checked once, apart from this process; the preview and the
    // import use these bytes. The event loop runs meanwhile (typing, Stop
    // checking, Cancel, another drop).
    QPointer<ImportDialog> self(this);
    std::optional<PdfCheckResult> checked;
    ++m_checksWaiting;
    {
        QEventLoop wait;
        connect(m_check, &PdfCheckJob::finished, &wait,
                [&checked, &wait](const PdfCheckResult &result) {
                    checked = result;
                    wait.quit();
                });
        connect(this, &ImportDialog::fileCheckOvertaken, &wait, &QEventLoop::quit);
        connect(this, &QObject::destroyed, &wait, &QEventLoop::quit);
        m_check->startFile(path, m_session.policy().settings().pdfLimits());
        wait.exec();
    }
    if (!self)
        return false;
    // From here to the answer shown nothing lets the event loop run.
    --m_checksWaiting;
    if (generation != m_checkGeneration || !checked)
        return false;
    hideChecking();
    if (checked->problem == PdfCheckResult::Problem::Cancelled && hasValidFile()) {
        // Stopped while another file was already chosen: that one stays.
        showSelectedFileTexts();
        showFileError(tr("Checking “%1” was stopped; “%2” stays selected.")
                          .arg(fileName, QFileInfo(m_filePath).fileName()));
        updateState();
        return false;
    }
    if (!checked->ok()) {
        refuseFile(*checked, fileName);
        return false;
    }
    useFile(std::move(*checked), path);
    return true;
}

void ImportDialog::stopChecking()
{
    m_check->cancel();
}

void ImportDialog::done(int result)
{
    // Closing the dialog ends the reader at once, not when the file is read.
    if (isCheckingFile())
        m_check->cancel();
    QDialog::done(result);
}

void ImportDialog::showChecking(const QString &fileName)
{
    m_dropZone->setTexts(tr("Checking “%1”…").arg(fileName),
                         tr("Reading it safely, apart from CertDesk"));
    m_checking->show();
    m_selectButton->setEnabled(false);
    updateState();
}

void ImportDialog::hideChecking()
{
    m_checking->hide();
    m_selectButton->setEnabled(true);
}

void ImportDialog::refuseFile(const PdfCheckResult &checked, const QString &fileName)
{
    m_file = PdfCheckResult();
    m_filePath.clear();
    m_repairNote->hide();
    // What the previous PDF said goes with it; what the person typed stays.
    m_certificateForm->clearReadFromPdf();
    const QString why =
        checked.problem == PdfCheckResult::Problem::Cancelled
            ? tr("Checking “%1” was stopped: choose it again, or another file.").arg(fileName)
            : QString();
    if (isResubmit()) {
        // The certificate keeps the PDF it has; say so.
        showCurrentPdf();
        showFileError(
            (why.isEmpty() ? tr("“%1” cannot be used. %2").arg(fileName, checked.message) : why) +
            QLatin1Char(' ') + tr("The current PDF is kept."));
    } else {
        m_preview->clear();
        m_dropZone->setTexts(tr("Drop a PDF here"), tr("or"));
        showFileError(
            why.isEmpty() ? tr("“%1” cannot be imported. %2").arg(fileName, checked.message) : why);
    }
    updateState();
}

void ImportDialog::showSelectedFileTexts()
{
    const QString pages =
        m_file.pageCount == 1 ? tr("1 page") : tr("%1 pages").arg(m_file.pageCount);
    m_dropZone->setTexts(QFileInfo(m_filePath).fileName(),
                         tr("%1 · %2 — drop another PDF to replace it")
                             .arg(pages, PdfCheck::formatSize(m_file.bytes.size())));
}

void ImportDialog::useFile(PdfCheckResult checked, const QString &path)
{
    m_file = std::move(checked);
    m_filePath = path;
    m_fileError->hide();
    // README "Untrusted PDFs": the repaired file is what will be saved.
    if (const QString repaired = PdfCheck::repairedOnImport(PdfCheck::repairCodes(m_file.repairs));
        !repaired.isEmpty()) {
        m_repairNote->setText(
            tr("%1. The repaired copy is saved; reviewers see that it was repaired.")
                .arg(repaired));
        m_repairNote->setAccessibleName(m_repairNote->text());
        m_repairNote->show();
    } else {
        m_repairNote->hide();
    }
    // The pages the reader rendered: the file is not parsed in this process.
    m_preview->setPages(m_file.previews, m_file.pageCount, m_file.firstPageSize);
    m_previewShowsCurrent = false;
    if (isVisible())
        QTimer::singleShot(0, m_preview, &PdfPreview::fitToWidth);
    showSelectedFileTexts();
    if (m_currentPdfButton)
        m_currentPdfButton->show();
    fillFromPdf(path);
    updateState();
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
