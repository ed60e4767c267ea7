#include "storage/Transaction.h"

#include "storage/Database.h"

#include <QSqlError>

Transaction::Transaction(const QSqlDatabase &db) : m_db(db)
{
    m_active = m_db.transaction();
    if (!m_active)
        m_error = Database::describeError(m_db.lastError());
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

void Transaction::rollback()
{
    if (m_active)
        m_db.rollback();
    m_active = false;
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (!m_db.commit()) {
        m_error = Database::describeError(m_db.lastError());
        m_db.rollback();
        m_active = false;
        return false;
    }
    m_active = false;
    return true;
}
