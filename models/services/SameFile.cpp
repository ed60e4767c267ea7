#include "services/SameFile.h"

#include "services/Session.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QSqlQuery>

Result<QList<SameFileHolder>> SameFile::holders(Session &session, Id certificateId)
{
    const Id actor = session.userId();
    const auto certificate = session.certificates().certificate(actor, certificateId);
    if (!certificate)
        return certificate.error();
    QList<SameFileHolder> holders;
    if (certificate->ownerId == actor || certificate->pdfSha256.isEmpty())
        return holders;
    const QSqlDatabase db = session.database().connection();
    const bool server = Database::isSecured(db);
    const QString sha = certificate->pdfSha256;
    const QString uploaded =
        certificate->uploadedSha256.isEmpty() ? sha : certificate->uploadedSha256;
    QString error;
    QSqlQuery q =
        server ? Sql::run(db,
                          QStringLiteral("SELECT owner_id, owner_name, in_scope FROM "
                                         "cd_api.same_file_holders(?)"),
                          {certificateId}, &error)
               : Sql::run(db,
                          QStringLiteral("SELECT DISTINCT c.owner_id, u.name FROM certificates c "
                                         "JOIN users u ON u.id = c.owner_id WHERE c.owner_id <> ? "
                                         "AND c.status <> 'rejected' AND (c.pdf_sha256 IN (?, ?) "
                                         "OR c.uploaded_sha256 IN (?, ?)) ORDER BY c.owner_id"),
                          {certificate->ownerId, sha, uploaded, sha, uploaded}, &error);
    if (!error.isEmpty())
        return makeError(ErrorKind::Storage, error);
    bool someoneElse = false;
    while (q.next()) {
        const bool inScope = server
                                 ? q.value(2).toBool()
                                 : bool(session.policy().mayView(actor, q.value(0).toLongLong()));
        if (!inScope) {
            someoneElse = true; // neither who nor how many (R5)
            continue;
        }
        holders << SameFileHolder{q.value(0).toLongLong(), q.value(1).toString(), true};
    }
    if (someoneElse)
        holders << SameFileHolder{0, QString(), false};
    return holders;
}
