#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A plain-text table for a terminal: a header row, then one line per row,
// columns separated by two spaces and aligned by their display width (emoji
// and East Asian wide characters take two cells, combining marks none). Cells
// holding right-to-left text are wrapped in Unicode directional isolates so
// that a bidi-aware terminal does not reorder the columns around them; control
// characters (escape sequences, line breaks) are shown as U+FFFD so that data
// cannot drive the terminal.
class TextTable
{
public:
    explicit TextTable(const QStringList &headers);

    void addRow(const QStringList &cells);
    int rowCount() const { return int(m_rows.size()); }
    // Every line ends with "\n"; no trailing spaces.
    QString render() const;

    // Terminal cells the text takes (after sanitize()).
    static int displayWidth(const QString &text);
    // Control characters replaced, right-to-left text isolated.
    static QString sanitize(const QString &text);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
