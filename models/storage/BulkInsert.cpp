#include "storage/BulkInsert.h"

#include <QDate>
#include <QDateTime>
#include <QSqlError>

#include <utility>

namespace {
// SQLite 3.40 allows 32766 parameters per statement; a few hundred rows per
// statement already take the per-statement cost out of the loop.
constexpr int kMaxSqliteRows = 256;
constexpr int kMaxSqliteParameters = 32766;

QString postgresType(BulkInsert::Type type)
{
    switch (type) {
    case BulkInsert::Type::BigInt:
        return QStringLiteral("bigint");
    case BulkInsert::Type::Integer:
        return QStringLiteral("integer");
    case BulkInsert::Type::Real:
        return QStringLiteral("double precision");
    case BulkInsert::Type::Boolean:
        return QStringLiteral("boolean");
    case BulkInsert::Type::Text:
        return QStringLiteral("text");
    case BulkInsert::Type::Date:
        return QStringLiteral("date");
    case BulkInsert::Type::Timestamp:
        return QStringLiteral("timestamptz");
    }
    return QStringLiteral("text");
}
} // namespace

BulkInsert::BulkInsert(Database &db, QString table, QList<Column> columns)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)),
      m_chunkRows(
          qMin(kMaxSqliteRows, kMaxSqliteParameters / int(qMax(qsizetype(1), m_columns.size()))))
{}

void BulkInsert::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns.size());
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_values.append(normalized(row.at(i), m_columns.at(i).type));
    ++m_pending;
}

bool BulkInsert::flush(QString *error)
{
    if (m_pending == 0)
        return true;
    const bool ok = m_db.isPostgres() ? flushPostgres(error) : flushSqlite(error);
    m_values.clear();
    m_pending = 0;
    return ok;
}

QVariant BulkInsert::normalized(const QVariant &value, Type type)
{
    if (value.isNull())
        return QVariant(QMetaType::fromType<QString>());
    switch (type) {
    case Type::Date:
        return value.toDate().toString(Qt::ISODate);
    case Type::Timestamp:
        // What QSQLITE writes for a bound QDateTime (and PostgreSQL reads).
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case Type::Boolean:
        return value.toBool();
    default:
        return value;
    }
}

QString BulkInsert::sqliteStatement(int rows) const
{
    QStringList names;
    for (const Column &c : m_columns)
        names << c.name;
    QString one = QStringLiteral("(?");
    for (qsizetype i = 1; i < m_columns.size(); ++i)
        one += QStringLiteral(", ?");
    one += QLatin1Char(')');
    QStringList tuples;
    tuples.reserve(rows);
    for (int i = 0; i < rows; ++i)
        tuples << one;
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(m_table, names.join(QStringLiteral(", ")), tuples.join(QStringLiteral(", ")));
}

bool BulkInsert::flushSqlite(QString *error)
{
    const int columns = int(m_columns.size());
    const auto run = [&](QSqlQuery &query, qsizetype firstValue, int rows) {
        for (int i = 0; i < rows * columns; ++i)
            query.bindValue(i, m_values.at(firstValue + i));
        if (!query.exec()) {
            *error = Database::describeError(query.lastError());
            return false;
        }
        return true;
    };
    qsizetype row = 0;
    if (m_pending >= m_chunkRows && !m_prepared) {
        m_chunk = QSqlQuery(m_db.connection());
        if (!m_chunk.prepare(sqliteStatement(m_chunkRows))) {
            *error = Database::describeError(m_chunk.lastError());
            return false;
        }
        m_prepared = true;
    }
    for (; row + m_chunkRows <= m_pending; row += m_chunkRows) {
        if (!run(m_chunk, row * columns, m_chunkRows))
            return false;
    }
    if (row < m_pending) {
        const int rest = int(m_pending - row);
        QSqlQuery tail(m_db.connection());
        if (!tail.prepare(sqliteStatement(rest))) {
            *error = Database::describeError(tail.lastError());
            return false;
        }
        if (!run(tail, row * columns, rest))
            return false;
    }
    return true;
}

QString BulkInsert::arrayLiteral(const QVariantList &values, Type type)
{
    QString out;
    out.reserve(values.size() * 12);
    out += QLatin1Char('{');
    const bool quoted = type == Type::Text || type == Type::Date || type == Type::Timestamp;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        const QVariant &v = values.at(i);
        if (v.isNull()) {
            out += QLatin1String("NULL");
        } else if (type == Type::Boolean) {
            out += v.toBool() ? QLatin1Char('t') : QLatin1Char('f');
        } else if (quoted) {
            QString text = v.toString();
            text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            text.replace(QLatin1Char('"'), QLatin1String("\\\""));
            out += QLatin1Char('"') + text + QLatin1Char('"');
        } else {
            out += v.toString();
        }
    }
    out += QLatin1Char('}');
    return out;
}

bool BulkInsert::flushPostgres(QString *error)
{
    const qsizetype columns = m_columns.size();
    QStringList names;
    QStringList arrays;
    for (qsizetype c = 0; c < columns; ++c) {
        names << m_columns.at(c).name;
        arrays << QStringLiteral("?::%1[]").arg(postgresType(m_columns.at(c).type));
    }
    QSqlQuery query(m_db.connection());
    if (!query.prepare(QStringLiteral("INSERT INTO %1 (%2) SELECT * FROM unnest(%3)")
                           .arg(m_table, names.join(QStringLiteral(", ")),
                                arrays.join(QStringLiteral(", "))))) {
        *error = Database::describeError(query.lastError());
        return false;
    }
    for (qsizetype c = 0; c < columns; ++c) {
        QVariantList column;
        column.reserve(m_pending);
        for (qsizetype r = 0; r < m_pending; ++r)
            column.append(m_values.at(r * columns + c));
        query.bindValue(int(c), arrayLiteral(column, m_columns.at(c).type));
    }
    if (!query.exec()) {
        *error = Database::describeError(query.lastError());
        return false;
    }
    return true;
}
