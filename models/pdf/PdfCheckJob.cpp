#include "pdf/PdfCheckJob.h"

PdfCheckJob::PdfCheckJob(QObject *parent) : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { end(ReaderProcess::End::TimedOut); });
}

PdfCheckJob::~PdfCheckJob()
{
    stop();
}

void PdfCheckJob::startFile(const QString &path, const PdfLimits &limits)
{
    QByteArray bytes;
    if (auto refused = PdfCheck::readFile(path, limits.maxBytes, &bytes)) {
        stop();
        m_running = true;
        finishLater(*refused);
        return;
    }
    startBytes(bytes, limits);
}

void PdfCheckJob::startBytes(const QByteArray &bytes, const PdfLimits &limits)
{
    stop();
    m_running = true;
    m_bytes = bytes;
    m_limits = limits;
    m_output.clear();
    if (auto refused = PdfCheck::refuseBeforeReading(bytes, limits.maxBytes)) {
        finishLater(*refused);
        return;
    }
    m_repairFirst = false;
    launch(std::chrono::seconds(limits.seconds));
}

void PdfCheckJob::launch(std::chrono::milliseconds limit)
{
    m_output.clear();
    m_process = new QProcess(this);
    if (!ReaderProcess::prepare(*m_process, m_limits, m_repairFirst)) {
        finishLater(PdfCheck::fromReport(
            m_bytes, ReaderProcess::problemReport(PdfProblem::ReaderMissing), m_limits));
        return;
    }
    connect(m_process, &QProcess::readyReadStandardOutput, this, &PdfCheckJob::readOutput);
    connect(m_process, &QProcess::finished, this, [this] { end(ReaderProcess::End::Exited); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            end(ReaderProcess::End::FailedToStart);
    });
    PdfCheck::countReaderRun();
    m_process->start();
    // Written from the event loop as the reader takes it; closed once all is written.
    m_process->write(m_bytes);
    m_process->closeWriteChannel();
    m_deadline.start(limit);
}

void PdfCheckJob::cancel()
{
    if (m_running)
        end(ReaderProcess::End::Cancelled);
}

void PdfCheckJob::readOutput()
{
    if (!m_process)
        return;
    m_output += m_process->readAllStandardOutput();
    if (m_output.size() > PdfReport::maxEncodedSize(m_bytes.size()))
        end(ReaderProcess::End::TooMuch);
}

void PdfCheckJob::end(ReaderProcess::End how)
{
    if (!m_running)
        return;
    const int remainingMs = m_deadline.remainingTime();
    m_deadline.stop();
    PdfReport report;
    if (m_process) {
        m_process->disconnect(this);
        // PDFium killed the reader: once more, the file repaired first, in
        // the time left.
        if (!m_repairFirst && remainingMs > 0 && ReaderProcess::crashed(how, *m_process)) {
            m_process->deleteLater();
            m_process = nullptr;
            m_repairFirst = true;
            launch(std::chrono::milliseconds(remainingMs));
            return;
        }
        if (how != ReaderProcess::End::Exited && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5 * 1000);
        }
        m_output += m_process->readAllStandardOutput();
        report = ReaderProcess::interpret(how, *m_process, m_output);
        m_process->deleteLater();
        m_process = nullptr;
    } else {
        report = ReaderProcess::problemReport(PdfProblem::Cancelled);
    }
    const PdfCheckResult result = PdfCheck::fromReport(m_bytes, report, m_limits);
    m_running = false;
    m_bytes.clear();
    m_output.clear();
    ++m_generation;
    emit finished(result);
}

void PdfCheckJob::finishLater(const PdfCheckResult &result)
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation, result] {
            if (generation != m_generation || !m_running)
                return;
            m_running = false;
            ++m_generation;
            emit finished(result);
        },
        Qt::QueuedConnection);
}

void PdfCheckJob::stop()
{
    m_deadline.stop();
    ++m_generation;
    m_running = false;
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5 * 1000);
        }
        delete m_process;
        m_process = nullptr;
    }
}
