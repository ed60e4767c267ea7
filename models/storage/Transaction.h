#pragma once

#include <QSqlDatabase>
#include <QString>

// RAII transaction: rolls back unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit();
    // Ends it now, writing nothing (the destructor does it otherwise).
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};
