#pragma once

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// Whose rows the plain statements of a list keep (R5): everyone's (actor 0:
// a platform admin's), or those of the users of Policy::scopeCte() for actor
// (the policy owns that text; storage does not link the policy). On a
// secured server the caller's login decides and this is not used.
struct ScopeSql
{
    qint64 actor = 0;
    QString cte;
};

// Runs a prepared statement with positional values; on failure fills *error.
// A success leaves *error as it was, so that in a chain of statements the
// first failure is the one reported (a later success never hides it).
// Prefer this over raw QSqlQuery::exec so that every failure reads the same.
class Sql
{
public:
    static bool exec(QSqlQuery &query, const QVariantList &values, QString *error);
    // Convenience: prepare + exec in one go.
    static QSqlQuery run(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                         QString *error);
    // INSERT ... RETURNING id: runs the statement (without the RETURNING
    // clause, which it appends), returns the new id or 0 with *error set.
    static qint64 insert(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                         QString *error);
    // A value for a nullable id column: 0 becomes NULL.
    static QVariant idOrNull(qint64 id);
    static QVariant textOrNull(const QString &text);
    static QVariant dateOrNull(const QDate &date);
    static QDate toDate(const QVariant &value);
    static QDateTime toDateTime(const QVariant &value);
    static QDateTime now();

    // For statements that cannot take parameters (PostgreSQL's CREATE ROLE,
    // ALTER ROLE …): a whole name in double quotes (the driver's
    // escapeIdentifier would split a login like ada@example.org at its dot),
    // and a text in single quotes, each quote inside doubled.
    static QString quotedIdentifier(const QString &name);
    static QString quotedLiteral(const QString &text);

    // Reads the row's columns from first on, in order, into fields, each as
    // its type asks (qint64, int, QString, QDate, QDateTime, bool, or the
    // QVariant itself): a row reader names its fields once, not a column
    // index and a conversion per line.
    template <typename... Fields>
    static void readColumns(const QSqlQuery &query, int first, Fields &...fields)
    {
        int column = first;
        (assign(query.value(column++), fields), ...);
    }

private:
    static void assign(const QVariant &value, qint64 &field) { field = value.toLongLong(); }
    static void assign(const QVariant &value, int &field) { field = value.toInt(); }
    static void assign(const QVariant &value, QString &field) { field = value.toString(); }
    static void assign(const QVariant &value, QDate &field) { field = toDate(value); }
    static void assign(const QVariant &value, QDateTime &field) { field = toDateTime(value); }
    static void assign(const QVariant &value, bool &field) { field = value.toBool(); }
    static void assign(const QVariant &value, QVariant &field) { field = value; }
};
