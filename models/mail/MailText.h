#pragma once

#include "core/Domain.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QTranslator;

// An email's subject and body in its recipient's language (the outbox row's
// language column), rendered when it is sent.
//
// The row's own subject and body were rendered when it was written, in the
// language of whoever caused it (the reviewer's French, say, for an English
// learner). An email about a notification is rendered again here, from the
// notification and the rows it references, with a QTranslator for the
// recipient's language used directly: installing one in the application
// would switch the whole user interface, and this runs in a worker thread.
// The words are Notification::title(), body() and emailFooter() themselves,
// given this translator; tst_mail checks that the inbox and the email say
// the same.
// Rows without a notification, or whose notification is gone, are sent as
// written.
class MailText
{
public:
    MailText();
    ~MailText();
    MailText(const MailText &) = delete;
    MailText &operator=(const MailText &) = delete;

    struct Rendered
    {
        QString subject;
        QString body;
    };

    // From the event the email is about (an event without a category: the
    // stored text as written).
    Rendered render(const MailEvent &event, const QString &language, const QString &storedSubject,
                    const QString &storedBody);

private:
    QString translate(const QString &language, const char *context, const char *source, int n);
    const QTranslator *translator(const QString &language);

    QHash<QString, std::shared_ptr<QTranslator>> m_translators;
};
