#include "itemmodels/KeysetTableModel.h"

#include <QScopedValueRollback>

int KeysetModelBase::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedRows();
}

bool KeysetModelBase::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_busy;
}

void KeysetModelBase::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const bool first = loadedRows() == 0;
    const auto fetched = fetchPage(first);
    if (!fetched) {
        m_error = fetched.message();
        m_atEnd = true;
        emit loadFailed(m_error);
        return;
    }
    m_error.clear();
    m_atEnd = fetched.value() < m_pageSize;
    if (fetched.value() == 0)
        return;
    beginInsertRows(QModelIndex(), loadedRows(), loadedRows() + fetched.value() - 1);
    takePage(false);
    endInsertRows();
}

bool KeysetModelBase::reloadRows(const std::function<void()> &prepare, bool load)
{
    if (m_busy)
        return false;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const auto fetched = load ? fetchPage(true) : Result<int>(0);
    m_error = fetched ? QString() : fetched.message();
    beginResetModel();
    if (prepare)
        prepare();
    // The page read, or no rows when it could not be read (or load is false).
    takePage(true);
    m_atEnd = !fetched || fetched.value() < m_pageSize;
    endResetModel();
    if (!fetched)
        emit loadFailed(m_error);
    return fetched.isOk();
}
