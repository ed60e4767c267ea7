#include "services/GeneratedCertificates.h"

#include <QCoreApplication>

#include <utility>

namespace {
using T = BulkInsert::Type;

constexpr int kDeliveredOverDays = 3650; // ten years
constexpr int kPendingOverDays = 60;
constexpr int kRecentDays = 90; // decisions whose notifications are kept

QVariant nullable(Id id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant nullable(const QDateTime &at)
{
    return at.isValid() ? QVariant(at) : QVariant();
}

QString rejectComment(GeneratorRandom &random)
{
    static const char *const comments[] = {
        QT_TRANSLATE_NOOP("GeneratedCertificates",
                          "The PDF is a receipt, not the certificate: please upload the "
                          "certificate itself."),
        QT_TRANSLATE_NOOP("GeneratedCertificates",
                          "The holder name does not match: please upload your own certificate."),
        QT_TRANSLATE_NOOP("GeneratedCertificates", "The dates on the PDF are not the ones given."),
    };
    return QCoreApplication::translate("GeneratedCertificates",
                                       comments[random.below(std::size(comments))]);
}
} // namespace

struct GeneratedCertificates::Row
{
    Id id = 0;
    Id owner = 0;
    QString kind;
    QString status;
    QDate delivered;
    QDate expires;
    QDateTime created;
    QDateTime decided;
    Id decidedBy = 0;
    bool isDecided = false;
    QDateTime revoked;
    Id revokedBy = 0;
};

GeneratedCertificates::GeneratedCertificates(Database &db, QList<GeneratedTitle> titles,
                                             quint64 seed, QDate today, int soonDays)
    : m_titles(std::move(titles)), m_seed(seed), m_today(today),
      m_now(QDateTime(today, QTime(18, 0), Qt::UTC)), m_soonDays(soonDays),
      m_certificates(db, QStringLiteral("certificates"),
                     {{QStringLiteral("id"), T::BigInt},
                      {QStringLiteral("kind"), T::Text},
                      {QStringLiteral("owner_id"), T::BigInt},
                      {QStringLiteral("uploader_id"), T::BigInt},
                      {QStringLiteral("name"), T::Text},
                      {QStringLiteral("delivered_on"), T::Date},
                      {QStringLiteral("expires_on"), T::Date},
                      {QStringLiteral("template_id"), T::BigInt},
                      {QStringLiteral("credits"), T::Real},
                      {QStringLiteral("status"), T::Text},
                      {QStringLiteral("pdf_sha256"), T::Text},
                      {QStringLiteral("original_filename"), T::Text},
                      {QStringLiteral("version"), T::Integer},
                      {QStringLiteral("created_at"), T::Timestamp},
                      {QStringLiteral("updated_at"), T::Timestamp},
                      {QStringLiteral("revoked_at"), T::Timestamp},
                      {QStringLiteral("revoked_by"), T::BigInt},
                      {QStringLiteral("revoke_reason"), T::Text}}),
      m_tasks(db, QStringLiteral("validation_tasks"),
              {{QStringLiteral("id"), T::BigInt},
               {QStringLiteral("certificate_id"), T::BigInt},
               {QStringLiteral("state"), T::Text},
               {QStringLiteral("version"), T::Integer},
               {QStringLiteral("created_at"), T::Timestamp},
               {QStringLiteral("decided_at"), T::Timestamp},
               {QStringLiteral("decided_by"), T::BigInt},
               {QStringLiteral("comment"), T::Text}}),
      m_reviewers(
          db, QStringLiteral("task_reviewers"),
          {{QStringLiteral("task_id"), T::BigInt}, {QStringLiteral("reviewer_id"), T::BigInt}}),
      m_notifications(db, QStringLiteral("notifications"),
                      {{QStringLiteral("id"), T::BigInt},
                       {QStringLiteral("recipient_id"), T::BigInt},
                       {QStringLiteral("category"), T::Text},
                       {QStringLiteral("certificate_id"), T::BigInt},
                       {QStringLiteral("task_id"), T::BigInt},
                       {QStringLiteral("actor_id"), T::BigInt},
                       {QStringLiteral("comment"), T::Text},
                       {QStringLiteral("created_at"), T::Timestamp},
                       {QStringLiteral("read_at"), T::Timestamp}})
{
    // The titles with a template come first (Generator::titles).
    while (m_withTemplate < m_titles.size() && m_titles.at(m_withTemplate).templateId > 0)
        ++m_withTemplate;
}

void GeneratedCertificates::dates(Row &row, const GeneratedTitle &title, bool pending,
                                  GeneratorRandom &random) const
{
    const int validity = title.validityMonths;
    if (pending) {
        row.delivered = m_today.addDays(-random.below(kPendingOverDays));
    } else if (validity > 0 && random.chance(0.04)) {
        // Expiring soon: from today to the end of the soon window.
        row.expires = m_today.addDays(random.below(m_soonDays + 1));
        row.delivered = row.expires.addMonths(-validity);
    } else {
        row.delivered = m_today.addDays(-1 - random.below(kDeliveredOverDays));
    }
    if (validity > 0 && !row.expires.isValid())
        row.expires = row.delivered.addMonths(validity);
    // Imported a few days after delivery, at office hours, never after now.
    QDateTime created(row.delivered.addDays(random.below(15)),
                      QTime(8 + int(random.below(10)), int(random.below(60))), Qt::UTC);
    row.created = qMin(created, m_now.addSecs(-3600));
}

GeneratedCertificates::Row GeneratedCertificates::makeRow(const GeneratedPerson &person,
                                                          const GeneratedTitle &title, bool pending,
                                                          GeneratorRandom &random)
{
    Row row;
    row.id = m_nextCertificate++;
    row.owner = person.id;
    dates(row, title, pending, random);
    const double outcome = random.unit();
    row.kind = !pending && outcome < 0.03 ? QStringLiteral("internal") // granted by the platform
                                          : QStringLiteral("external");
    row.status = pending          ? QStringLiteral("pending")
                 : outcome < 0.68 ? QStringLiteral("accepted")
                 : outcome < 0.95 ? QStringLiteral("validated")
                                  : QStringLiteral("rejected");
    row.isDecided =
        row.status == QLatin1String("validated") || row.status == QLatin1String("rejected");
    if (row.isDecided) {
        row.decidedBy = person.reviewers.at(random.below(person.reviewers.size()));
        row.decided = qMin(row.created.addSecs(3600 * random.between(2, 240)), m_now.addSecs(-60));
    }
    // A revocation (README "Rules", Revocation): by a reviewer of the owner,
    // with a reason, some time after the certificate was accepted.
    if (row.kind == QLatin1String("external") && row.status != QLatin1String("pending") &&
        row.status != QLatin1String("rejected") && random.chance(0.01)) {
        row.revokedBy = person.reviewers.constFirst();
        row.revoked =
            qMin((row.isDecided ? row.decided : row.created).addDays(random.between(1, 200)),
                 m_now.addSecs(-30));
    }
    return row;
}

void GeneratedCertificates::count(const Row &row)
{
    ++m_counts.certificates;
    ++(row.kind == QLatin1String("internal")      ? m_counts.internal
       : row.status == QLatin1String("pending")   ? m_counts.pending
       : row.status == QLatin1String("accepted")  ? m_counts.accepted
       : row.status == QLatin1String("validated") ? m_counts.validated
                                                  : m_counts.rejected);
    m_counts.revoked += row.revoked.isValid() ? 1 : 0;
    if (row.expires.isValid() && row.status != QLatin1String("pending") &&
        row.status != QLatin1String("rejected")) {
        if (row.expires < m_today)
            ++m_counts.expired;
        else if (row.expires <= m_today.addDays(m_soonDays))
            ++m_counts.expiringSoon;
    }
}

void GeneratedCertificates::addPerson(const GeneratedPerson &person)
{
    const QString reason = QCoreApplication::translate(
        "GeneratedCertificates",
        "The certificate number is not in the issuer's verification tool.");
    GeneratorRandom random(m_seed ^ (quint64(person.id) * 0xD1B54A32D192ED03ULL));
    for (qint64 i = 0; i < person.certificates; ++i) {
        // Seven in ten stand for an internal template; the rest are courses
        // of other providers.
        const GeneratedTitle &title =
            random.chance(0.7)
                ? m_titles.at(random.below(m_withTemplate))
                : m_titles.at(m_withTemplate + random.below(m_titles.size() - m_withTemplate));
        const Row row = makeRow(person, title, i >= person.certificates - person.pending, random);
        const bool internal = row.kind == QLatin1String("internal");
        m_certificates.add(
            {row.id, row.kind, person.id, internal ? QVariant() : QVariant(person.id), title.name,
             row.delivered, row.expires.isValid() ? QVariant(row.expires) : QVariant(),
             nullable(title.templateId),
             random.chance(0.5) ? QVariant(double(random.between(1, 12)) / 2.0) : QVariant(),
             row.status, title.pdfSha256,
             QString(title.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
                     QStringLiteral(".pdf")),
             (row.isDecided ? 2 : 1) + (row.revoked.isValid() ? 1 : 0), row.created,
             row.revoked.isValid() ? row.revoked : (row.isDecided ? row.decided : row.created),
             nullable(row.revoked), nullable(row.revokedBy),
             row.revoked.isValid() ? QVariant(reason) : QVariant()});
        count(row);
        if (row.revoked.isValid() && row.revoked.daysTo(m_now) <= kRecentDays && !person.deleted)
            addNotification(person.id, QStringLiteral("certificate-revoked"), row, 0, row.revokedBy,
                            reason, row.revoked, qMin(row.revoked.addDays(1), m_now));
        if (row.status == QLatin1String("pending") || row.isDecided)
            addTask(row, person, random);
    }
}

void GeneratedCertificates::addTask(const Row &row, const GeneratedPerson &person,
                                    GeneratorRandom &random)
{
    const Id task = m_nextTask++;
    const bool open = row.status == QLatin1String("pending");
    const bool rejected = row.status == QLatin1String("rejected");
    const QString comment = rejected ? rejectComment(random)
                            : random.chance(0.3)
                                ? QCoreApplication::translate("GeneratedCertificates", "Checked.")
                                : QString();
    m_tasks.add({task, row.id, open ? QStringLiteral("open") : row.status, open ? 1 : 2,
                 row.created, nullable(row.decided), nullable(row.decidedBy), nullable(comment)});
    ++(open ? m_counts.openTasks : m_counts.decidedTasks);
    for (const Id reviewer : person.reviewers) {
        m_reviewers.add({task, reviewer});
        ++m_counts.taskReviewers;
    }
    // The requests of open tasks wait unread; those of recent decisions were
    // read when decided, and their owner was told the outcome (R8, R9).
    if (!open && row.decided.daysTo(m_now) > kRecentDays)
        return;
    for (const Id reviewer : person.reviewers)
        addNotification(reviewer, QStringLiteral("validation-request"), row, task, person.id,
                        QString(), row.created, open ? QDateTime() : row.decided);
    if (!open && !person.deleted) {
        const QDateTime read =
            row.decided.daysTo(m_now) > 14 ? row.decided.addDays(1) : QDateTime();
        addNotification(person.id,
                        rejected ? QStringLiteral("certificate-rejected")
                                 : QStringLiteral("certificate-validated"),
                        row, task, row.decidedBy, comment, row.decided, read);
    }
}

void GeneratedCertificates::addNotification(Id recipient, const QString &category, const Row &row,
                                            Id task, Id actor, const QString &comment,
                                            const QDateTime &at, const QDateTime &readAt)
{
    m_notifications.add({m_nextNotification++, recipient, category, row.id, nullable(task),
                         nullable(actor), nullable(comment), at, nullable(readAt)});
    ++m_counts.notifications;
}

bool GeneratedCertificates::flush(QString *error)
{
    // Certificates before what refers to them.
    return m_certificates.flush(error) && m_tasks.flush(error) && m_reviewers.flush(error) &&
           m_notifications.flush(error);
}
