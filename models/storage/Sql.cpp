#include "storage/Sql.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QTimeZone>

bool Sql::exec(QSqlQuery &query, const QVariantList &values, QString *error)
{
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec()) {
        if (error)
            *error = Database::describeError(query.lastError());
        return false;
    }
    return true;
}

QSqlQuery Sql::run(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                   QString *error)
{
    // Not forward-only: QPSQL streams forward-only results row by row and
    // loses them when another statement runs on the connection meanwhile.
    // Lists stay bounded by keyset paging (LIMIT), never by streaming.
    QSqlQuery query(db);
    if (values.isEmpty()) {
        if (!query.exec(sql)) {
            if (error)
                *error = Database::describeError(query.lastError());
            return query;
        }
        return query;
    }
    if (!query.prepare(sql)) {
        if (error)
            *error = Database::describeError(query.lastError());
        return query;
    }
    exec(query, values, error);
    return query;
}

qint64 Sql::insert(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                   QString *error)
{
    QSqlQuery q = run(db, sql + QStringLiteral(" RETURNING id"), values, error);
    if (!error->isEmpty())
        return 0;
    if (!q.next()) {
        *error = Database::describeError(q.lastError());
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    // SQLite keeps a statement "in progress" until it is finished, which
    // would block the commit.
    q.finish();
    return id;
}

QVariant Sql::idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant Sql::textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant Sql::dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate))
                          : QVariant(QMetaType::fromType<QString>());
}

QDate Sql::toDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDate)
        return value.toDate();
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

QDateTime Sql::toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(value.toString(), Qt::ISODate);
    return dt.toUTC();
}

QDateTime Sql::now()
{
    return QDateTime::currentDateTimeUtc();
}

QString Sql::quotedIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString Sql::quotedLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}
