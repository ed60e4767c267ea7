#include "mail/MailText.h"

#include "storage/Database.h"

#include <QLocale>
#include <QTranslator>

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

QString MailText::translate(const QString &language, const char *context, const char *source, int n)
{
    if (const QTranslator *t = translator(language)) {
        QString text = t->translate(context, source, nullptr, n);
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
    // The notification's own words (Notification::title, body, emailFooter),
    // in the recipient's language.
    const Notification notification = Notification::fromMailEvent(event);
    const Notification::Translate text = [&](const char *context, const char *source, int n) {
        QString out = translate(language, context, source, n);
        // Without a translation, %n is replaced as QCoreApplication::translate does.
        if (n >= 0)
            out.replace(QLatin1String("%n"), QString::number(n));
        return out;
    };
    return {notification.title(text),
            notification.body(text) + QStringLiteral("\n\n") + notification.emailFooter(text)};
}
