#pragma once

#include "core/Result.h"

#include <QAbstractTableModel>
#include <QList>

#include <functional>

// The paging every list model shares: rows come a page at a time from a
// keyset query (the page after the last row loaded), as the view scrolls
// (canFetchMore/fetchMore), so a list of a million rows costs what one
// screen costs. A reload fetches the first page before it resets the view,
// so the old rows stay until the new ones are there; a view that calls back
// into fetchMore() while rows are being inserted fetches nothing twice.
class KeysetModelBase : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // Why the last page could not be read; empty after a page that could.
    QString loadError() const { return m_error; }
    // Whether every row has been read (also while the view is being told of
    // a reset, when canFetchMore() says no because a read is under way).
    bool isComplete() const { return m_atEnd; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadFailed(const QString &message);

protected:
    // Reads the first page and shows it in one reset; prepare runs inside
    // the reset before the rows change (columns, today's date). load false:
    // the model empties and stays empty. Returns whether the page was read.
    bool reloadRows(const std::function<void()> &prepare = {}, bool load = true);
    // Lets the first fetchMore() load the first page (a model that a view
    // fills on demand, without a reload first).
    void allowFirstFetch() { m_atEnd = false; }

    virtual int loadedRows() const = 0;
    // Reads the page after the last row loaded (first: the first page) and
    // keeps it aside; returns its size.
    virtual Result<int> fetchPage(bool first) = 0;
    // Replaces the rows with (first) or appends the page kept aside (none
    // kept: first empties the rows).
    virtual void takePage(bool first) = 0;

private:
    bool m_atEnd = true;
    bool m_busy = false; // inside reloadRows() or fetchMore()
    int m_pageSize = 100;
    QString m_error;
};

// The rows of a KeysetModelBase: Row is the type of one row, and page()
// reads the rows after one (null: from the start).
template <typename Row> class KeysetTableModel : public KeysetModelBase
{
public:
    using KeysetModelBase::KeysetModelBase;

protected:
    virtual Result<QList<Row>> page(const Row *after, int limit) const = 0;
    const QList<Row> &rows() const { return m_rows; }
    QList<Row> &rows() { return m_rows; }

private:
    int loadedRows() const override { return int(m_rows.size()); }
    Result<int> fetchPage(bool first) override
    {
        auto fetched = page(first || m_rows.isEmpty() ? nullptr : &m_rows.constLast(), pageSize());
        if (!fetched)
            return fetched.error();
        m_page = fetched.value();
        return int(m_page.size());
    }
    void takePage(bool first) override
    {
        if (first)
            m_rows = m_page;
        else
            m_rows += m_page;
        m_page.clear();
    }

    QList<Row> m_rows;
    QList<Row> m_page;
};
