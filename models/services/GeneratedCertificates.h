#pragma once

#include "services/GeneratedOrganisation.h"
#include "storage/BulkInsert.h"

#include <QDate>
#include <QHash>
#include <QList>

// A title a generated certificate may carry, with the shared PDF it opens.
struct GeneratedTitle
{
    QString name;
    QString issuer;
    Id templateId = 0;      // 0: an external course with no internal template
    int validityMonths = 0; // 0: does not expire
    QString pdfSha256;
};

// What the generated certificates add up to.
struct GeneratedCounts
{
    qint64 certificates = 0;
    qint64 accepted = 0;
    qint64 validated = 0;
    qint64 rejected = 0;
    qint64 pending = 0;
    qint64 internal = 0;
    qint64 revoked = 0;
    qint64 expiringSoon = 0;
    qint64 expired = 0;
    qint64 openTasks = 0;
    qint64 decidedTasks = 0;
    qint64 taskReviewers = 0;
    qint64 notifications = 0;
    qint64 rows() const
    {
        return certificates + openTasks + decidedTasks + taskReviewers + notifications;
    }
};

// Each person's certificates, their validation tasks, reviewers and
// notifications, as rows for BulkInsert (CLI.md "generate" says what they
// look like): delivered over the last ten years, a few percent expiring
// within the soon window, some expired, revoked or rejected; the pending
// ones delivered lately, with an open task for each R3 reviewer and an
// unread validation request; decisions of the last 90 days with their
// outcome notification. A person's rows depend only on the seed and the
// person, so batches can be cut anywhere.
class GeneratedCertificates
{
public:
    GeneratedCertificates(Database &db, QList<GeneratedTitle> titles, quint64 seed, QDate today,
                          int soonDays);

    void addPerson(const GeneratedPerson &person);
    qint64 buffered() const { return m_certificates.pending(); }
    bool flush(QString *error);
    const GeneratedCounts &counts() const { return m_counts; }

private:
    struct Row;
    Row makeRow(const GeneratedPerson &person, const GeneratedTitle &title, bool pending,
                GeneratorRandom &random);
    void count(const Row &row);
    void dates(Row &row, const GeneratedTitle &title, bool pending, GeneratorRandom &random) const;
    void addTask(const Row &row, const GeneratedPerson &person, GeneratorRandom &random);
    void addNotification(Id recipient, const QString &category, const Row &row, Id task, Id actor,
                         const QString &comment, const QDateTime &at, const QDateTime &readAt);

    QList<GeneratedTitle> m_titles; // those with a template first
    qsizetype m_withTemplate = 0;
    quint64 m_seed;
    QDate m_today;
    QDateTime m_now;
    int m_soonDays;
    BulkInsert m_certificates;
    BulkInsert m_tasks;
    BulkInsert m_reviewers;
    BulkInsert m_notifications;
    GeneratedCounts m_counts;
    Id m_nextCertificate = 1;
    Id m_nextTask = 1;
    Id m_nextNotification = 1;
};
