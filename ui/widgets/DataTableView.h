#pragma once

#include <QTableView>

// The table of the Results, Users and failed-email lists: a read-only view
// over a lazy list model, whole rows selected one at a time, no grid,
// alternating rows, one elided line per cell, no row numbers, rows of one
// fixed height, left-aligned headers that do not light up. A page sets the
// model and its columns; the look is the style sheet's QTableView rules
// (style/Sheets.cpp). Ctrl+End goes to the end of the whole list: the rows
// not read yet are read first, a page at a time (README "Rules", Totals).
class DataTableView : public QTableView
{
    Q_OBJECT

public:
    explicit DataTableView(QWidget *parent = nullptr);

    // Rows as tall as the font plus padding pixels (20 by default: room for
    // the status badges).
    void setRowPadding(int padding);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
};
