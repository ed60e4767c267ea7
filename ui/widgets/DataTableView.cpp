#include "widgets/DataTableView.h"

#include <QGuiApplication>
#include <QHeaderView>

DataTableView::DataTableView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Rows are read, not edited: the arrows move between them and Tab goes on
    // to the next control (QTableView's Tab walks the cells and never leaves,
    // so the controls after a table were out of the keyboard's reach).
    setTabKeyNavigation(false);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    setRowPadding(20);
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(60);
}

void DataTableView::setRowPadding(int padding)
{
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + padding);
}

QModelIndex DataTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // Ctrl+End (QTableView: the last row) means the last row of the list,
    // not of the pages read so far.
    if (cursorAction == MoveEnd && (modifiers & Qt::ControlModifier) && model() &&
        model()->canFetchMore(QModelIndex())) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        while (model()->canFetchMore(QModelIndex()))
            model()->fetchMore(QModelIndex());
        QGuiApplication::restoreOverrideCursor();
    }
    return QTableView::moveCursor(cursorAction, modifiers);
}
