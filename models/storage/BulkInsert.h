#pragma once

#include "storage/Database.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// Many rows into one table, fast, on both dialects: rows are buffered and
// written by flush() (inside the caller's transaction) with as few statements
// as each backend allows. SQLite: one prepared multi-row INSERT … VALUES
// (…),(…) reused for every full chunk. PostgreSQL: INSERT … SELECT FROM
// unnest(array parameters), one statement per flush (QPSQL has no COPY), the
// arrays sent as text literals. Values are given as the column's type says
// (qint64, int, double, bool, QString, QDate, QDateTime in UTC, or a null
// QVariant); timestamps are stored as QSQLITE stores a bound QDateTime.
class BulkInsert
{
public:
    enum class Type
    {
        BigInt,
        Integer,
        Real,
        Boolean,
        Text,
        Date,
        Timestamp
    };
    struct Column
    {
        QString name;
        Type type;
    };

    BulkInsert(Database &db, QString table, QList<Column> columns);

    // One row, values in the order of the columns.
    void add(const QVariantList &row);
    qint64 pending() const { return m_pending; }
    // Writes the buffered rows; false with *error set when a statement fails.
    bool flush(QString *error);

private:
    bool flushSqlite(QString *error);
    bool flushPostgres(QString *error);
    QString sqliteStatement(int rows) const;
    // A value as the text SQLite stores or PostgreSQL parses; null stays null.
    static QVariant normalized(const QVariant &value, Type type);
    static QString arrayLiteral(const QVariantList &values, Type type);

    Database &m_db;
    QString m_table;
    QList<Column> m_columns;
    QVariantList m_values; // row after row
    qint64 m_pending = 0;
    int m_chunkRows = 0; // SQLite: rows per prepared statement
    QSqlQuery m_chunk;   // SQLite: the prepared statement of m_chunkRows rows
    bool m_prepared = false;
};
