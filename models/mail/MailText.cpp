#include "mail/MailText.h"

#include "storage/Database.h"

#include <QLocale>
#include <QTranslator>

namespace {
// The strings of Notification::title()/body() (context Domain) and of
// NotificationService::notify(), marked for lupdate in the same contexts.
const char *const kTitleRequest = QT_TRANSLATE_NOOP("Domain", "Certificate validation: %1");
const char *const kTitleValidated =
    QT_TRANSLATE_NOOP("Domain", "Your certificate \"%1\" was validated");
const char *const kTitleRejected =
    QT_TRANSLATE_NOOP("Domain", "Your certificate \"%1\" was rejected");
const char *const kBodyRequest =
    QT_TRANSLATE_NOOP("Domain", "%1 sent the external certificate \"%2\" for validation.");
const char *const kBodyValidated =
    QT_TRANSLATE_NOOP("Domain", "%1 validated your external certificate \"%2\".");
const char *const kBodyRejected =
    QT_TRANSLATE_NOOP("Domain", "%1 rejected your external certificate \"%2\".");
const char *const kComment = QT_TRANSLATE_NOOP("Domain", "Comment: %1");
const char *const kFooterRequest =
    QT_TRANSLATE_NOOP("NotificationService",
                      "Open CertDesk, then Notifications > Certificate Validation, to review it.");
const char *const kFooterOutcome =
    QT_TRANSLATE_NOOP("NotificationService", "Open CertDesk, then Results, to see it.");
} // namespace

MailText::MailText() = default;
MailText::~MailText() = default;

const QTranslator *MailText::translator(const QString &language)
{
    if (language.isEmpty() || language == QLatin1String("en"))
        return nullptr;
    auto found = m_translators.constFind(language);
    if (found != m_translators.constEnd())
        return found->get();
    // The catalogue built into the program (translations/, ":/i18n"); a
    // language without one is rendered in English.
    auto translator = std::make_shared<QTranslator>();
    if (!translator->load(QLocale(language), QStringLiteral("certdesk"), QStringLiteral("_"),
                          QStringLiteral(":/i18n")))
        translator.reset();
    m_translators.insert(language, translator);
    return translator.get();
}

QString MailText::translate(const QString &language, const char *context, const char *source)
{
    if (const QTranslator *t = translator(language)) {
        QString text = t->translate(context, source);
        if (!text.isEmpty())
            return text;
    }
    return QString::fromUtf8(source);
}

MailText::Rendered MailText::render(const MailEvent &event, const QString &language,
                                    const QString &storedSubject, const QString &storedBody)
{
    if (event.category.isEmpty())
        return {storedSubject, storedBody};
    const NotificationCategory category = Domain::categoryFromKey(event.category);
    const QString &certificate = event.certificateName;
    const QString &actor = event.actorName;
    const QString &comment = event.comment;

    auto text = [&](const char *context, const char *source) {
        return translate(language, context, source);
    };
    Rendered out;
    switch (category) {
    case NotificationCategory::ValidationRequest:
        out.subject = text("Domain", kTitleRequest).arg(certificate);
        out.body = text("Domain", kBodyRequest).arg(actor, certificate);
        break;
    case NotificationCategory::CertificateValidated:
        out.subject = text("Domain", kTitleValidated).arg(certificate);
        out.body = text("Domain", kBodyValidated).arg(actor, certificate);
        break;
    case NotificationCategory::CertificateRejected:
        out.subject = text("Domain", kTitleRejected).arg(certificate);
        out.body = text("Domain", kBodyRejected).arg(actor, certificate);
        break;
    }
    if (!comment.isEmpty())
        out.body += QLatin1Char('\n') + text("Domain", kComment).arg(comment);
    out.body += QStringLiteral("\n\n") + (category == NotificationCategory::ValidationRequest
                                              ? text("NotificationService", kFooterRequest)
                                              : text("NotificationService", kFooterOutcome));
    return out;
}
