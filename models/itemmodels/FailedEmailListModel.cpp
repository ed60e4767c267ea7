#include "itemmodels/FailedEmailListModel.h"

#include <QLocale>

FailedEmailListModel::FailedEmailListModel(Database &db, Id actor, QObject *parent)
    : KeysetTableModel(parent), m_outbox(db), m_actor(actor)
{}

Result<QList<OutboxEntry>> FailedEmailListModel::page(const OutboxEntry *after, int limit) const
{
    return m_outbox.failed(m_actor, after ? after->id : 0, limit);
}

void FailedEmailListModel::reload()
{
    reloadRows();
}

int FailedEmailListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FailedEmailListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = rows().at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case EmailIdRole:
        return e.id;
    case SortValueRole:
        if (column == Column::Attempts)
            return e.attempts;
        if (column == Column::LastAttempt)
            return e.lastAttemptAt;
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == Column::Attempts)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        // The error in full (the column elides it), and the subject.
        if (column == Column::LastError)
            return e.lastError;
        if (column == Column::Subject)
            return e.subject;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Column::Recipient:
        return e.recipient;
    case Column::Subject:
        return e.subject;
    case Column::Attempts:
        return QLocale().toString(e.attempts);
    case Column::LastError:
        // One line in a table cell.
        return QString(e.lastError).replace(QLatin1Char('\n'), QLatin1Char(' '));
    case Column::LastAttempt:
        return e.lastAttemptAt.isValid()
                   ? QLocale().toString(e.lastAttemptAt.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    }
    return {};
}

QVariant FailedEmailListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Recipient:
        return tr("Recipient");
    case Column::Subject:
        return tr("Subject");
    case Column::Attempts:
        return tr("Attempts");
    case Column::LastError:
        return tr("Last error");
    case Column::LastAttempt:
        return tr("Last attempt");
    }
    return {};
}
