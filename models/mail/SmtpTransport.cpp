#include "mail/SmtpTransport.h"

#include <QSysInfo>
#include <QUrl>

#include <curl/curl.h>

#include <cctype>
#include <cstring>
#include <mutex>

namespace {
// curl_global_init() once per process, before the first handle.
void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
};

extern "C" size_t readMessage(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const qsizetype left = upload->data->size() - upload->offset;
    const qsizetype n = qMin(left, qsizetype(size * count));
    if (n <= 0)
        return 0;
    memcpy(buffer, upload->data->constData() + upload->offset, size_t(n));
    upload->offset += n;
    return size_t(n);
}

// A host name curl sends with EHLO (the URL's path): this machine's name when
// it is a plain DNS name, else curl's default.
QByteArray heloName()
{
    QByteArray name = QUrl::toAce(QSysInfo::machineHostName());
    for (const char c : name) {
        if (!(std::isalnum(uchar(c)) || c == '-' || c == '.'))
            return {};
    }
    return name;
}
} // namespace

SmtpTransport::SmtpTransport(const Config &config) : m_config(config)
{
    initCurl();
}

SmtpTransport::~SmtpTransport()
{
    if (m_curl)
        curl_easy_cleanup(static_cast<CURL *>(m_curl));
    // The password leaves memory with the configuration.
    m_config.password.fill(QLatin1Char(' '));
}

QByteArray SmtpTransport::url() const
{
    QByteArray host = QUrl::toAce(m_config.host);
    if (host.isEmpty())
        host = m_config.host.toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const QByteArray scheme =
        m_config.security == MailSecurity::Smtps ? QByteArrayLiteral("smtps") : "smtp";
    return scheme + "://" + host + ':' + QByteArray::number(m_config.port) + '/' + heloName();
}

MailOutcome SmtpTransport::failure(int curlCode, const QString &detail, long responseCode,
                                   const QString &to) const
{
    MailOutcome outcome;
    outcome.responseCode = responseCode;
    const QString server = QStringLiteral("%1:%2").arg(m_config.host).arg(m_config.port);
    switch (CURLcode(curlCode)) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_WEIRD_SERVER_REPLY:
        outcome.kind = MailOutcome::Kind::ServerProblem;
        outcome.error = tr("The mail server %1 cannot be reached: %2").arg(server, detail);
        return outcome;
    case CURLE_LOGIN_DENIED:
    case CURLE_AUTH_ERROR:
        outcome.kind = MailOutcome::Kind::ServerProblem;
        outcome.error = tr("The mail server %1 refused the login of %2 (check mail.username and "
                           "mail.password): %3")
                            .arg(server, m_config.username, detail);
        return outcome;
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        outcome.kind = MailOutcome::Kind::ServerProblem;
        outcome.error = tr("No secure connection to the mail server %1 (check mail.security and "
                           "mail.port): %2")
                            .arg(server, detail);
        return outcome;
    default:
        break;
    }
    // libcurl says "RCPT failed: 550" when the server refuses the recipient;
    // a 5xx there is final (RFC 5321, 4.2.1), a 4xx is worth another try.
    const bool recipientRefused = detail.startsWith(QLatin1String("RCPT failed"));
    if (recipientRefused && outcome.responseCode >= 500 && outcome.responseCode < 600) {
        outcome.kind = MailOutcome::Kind::Rejected;
        outcome.error =
            tr("The mail server %1 refused the recipient %2: %3").arg(server, to, detail);
        return outcome;
    }
    outcome.kind = MailOutcome::Kind::Retry;
    outcome.error = tr("The mail server %1 did not take the message: %2").arg(server, detail);
    return outcome;
}

MailOutcome SmtpTransport::send(Id /*emailId*/, const QString &from, const QString &to,
                                const QByteArray &mime)
{
    MailOutcome outcome;
    if (!m_curl)
        m_curl = curl_easy_init();
    CURL *curl = static_cast<CURL *>(m_curl);
    if (!curl) {
        outcome.kind = MailOutcome::Kind::ServerProblem;
        outcome.error = tr("The mail library (libcurl) could not start.");
        return outcome;
    }
    curl_easy_reset(curl);

    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = this->url();
    const QByteArray mailFrom = '<' + from.toLatin1() + '>';
    const QByteArray rcpt = '<' + to.toLatin1() + '>';
    struct curl_slist *recipients = curl_slist_append(nullptr, rcpt.constData());
    Upload upload{&mime, 0};

    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(m_config.connectTimeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(m_config.timeoutSeconds));
    // TLS is required, never "if available": a STARTTLS that the server (or
    // someone in between) strips fails instead of falling back to clear text.
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
                     m_config.security == MailSecurity::None ? long(CURLUSESSL_NONE)
                                                             : long(CURLUSESSL_ALL));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    // A private CA for an internal server: trusted instead of the system's.
    const QByteArray caFile = qgetenv("CERTDESK_MAIL_CA_FILE");
    if (!caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    QByteArray user;
    QByteArray password;
    if (!m_config.username.isEmpty()) {
        user = m_config.username.toUtf8();
        password = m_config.password.toUtf8();
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(mime.size()));

    const CURLcode code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &outcome.responseCode);
    curl_slist_free_all(recipients);
    password.fill('\0');
    // curl keeps its own copy of the password until the next reset: drop it.
    curl_easy_setopt(curl, CURLOPT_PASSWORD, nullptr);

    if (code == CURLE_OK) {
        outcome.kind = MailOutcome::Kind::Sent;
        return outcome;
    }
    const QString detail =
        QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code));
    return failure(int(code), detail, outcome.responseCode, to);
}
