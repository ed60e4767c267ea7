#pragma once

#include "pdf/PdfCheck.h"
#include "pdf/ReaderProcess.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

#include <chrono>

// PdfCheck without waiting: the same checks, with the reader process run
// from the event loop, so that a window stays responsive while a slow file
// is read and the user can stop it. finished() comes once per start, always
// from the event loop (also for a file refused before any reading), unless
// the job is destroyed first; cancel() ends the run with Problem::Cancelled.
class PdfCheckJob : public QObject
{
    Q_OBJECT

public:
    explicit PdfCheckJob(QObject *parent = nullptr);
    ~PdfCheckJob() override;

    // Starts checking; a check still running is cancelled first (without
    // its finished()).
    void startFile(const QString &path, const PdfLimits &limits);
    void startBytes(const QByteArray &bytes, const PdfLimits &limits);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void finished(const PdfCheckResult &result);

private:
    void stop();
    void finishLater(const PdfCheckResult &result);
    void readOutput();
    void end(ReaderProcess::End how);
    // Starts the reader on m_bytes, to be stopped after limit.
    void launch(std::chrono::milliseconds limit);

    QProcess *m_process = nullptr;
    QTimer m_deadline;
    QByteArray m_bytes;
    QByteArray m_output;
    PdfLimits m_limits;
    bool m_running = false;
    bool m_repairFirst = false; // the second run, after PDFium killed the first
    quint64 m_generation = 0;   // a finishLater() of an earlier start is dropped
};
