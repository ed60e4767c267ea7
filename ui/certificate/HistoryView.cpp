#include "certificate/HistoryView.h"

#include "services/Session.h"
#include "style/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace {
// The dot of one entry and the line down to the next.
class TimelineMarker : public QWidget
{
public:
    TimelineMarker(const QColor &color, bool last, QWidget *parent)
        : QWidget(parent), m_color(color), m_last(last)
    {
        setFixedWidth(18);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal x = width() / 2.0;
        const qreal top = 4;
        constexpr qreal radius = 5;
        if (!m_last) {
            painter.setPen(QPen(Theme::mutedTextColor(palette()), 1.5));
            painter.drawLine(QPointF(x, top + 2 * radius + 2), QPointF(x, height()));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_color);
        painter.drawEllipse(QPointF(x, top + radius), radius, radius);
    }

private:
    QColor m_color;
    bool m_last;
};

// What the reader knows of the certificate so far, to say what an entry
// changed ("Name: A → B").
struct KnownState
{
    std::optional<QString> name;
    std::optional<QString> delivered; // ISO date, empty: none
    std::optional<QString> expires;
    std::optional<Id> templateId;
};

QString isoToText(const QString &iso)
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() ? Theme::dateText(date) : HistoryView::tr("none");
}

DisplayStatus statusOfAction(const QString &action)
{
    if (action == QLatin1String("certificate.validate"))
        return DisplayStatus::Validated;
    if (action == QLatin1String("certificate.reject"))
        return DisplayStatus::Rejected;
    return DisplayStatus::Pending;
}

void compareText(const QJsonObject &details, const QString &key, std::optional<QString> &known,
                 const QString &format, bool isDate, QStringList *changes)
{
    if (!details.contains(key))
        return;
    const QString now = details.value(key).toString();
    if (known && *known != now)
        changes->append(
            format.arg(isDate ? isoToText(*known) : *known, isDate ? isoToText(now) : now));
    known = now;
}

QStringList changesOf(const HistoryEntry &entry, KnownState &state,
                      const QHash<Id, QString> &templateNames)
{
    QStringList changes;
    const QJsonObject &d = entry.details;
    compareText(d, QStringLiteral("name"), state.name, HistoryView::tr("Name: “%1” → “%2”"), false,
                &changes);
    compareText(d, QStringLiteral("delivered"), state.delivered,
                HistoryView::tr("Delivery date: %1 → %2"), true, &changes);
    compareText(d, QStringLiteral("expires"), state.expires,
                HistoryView::tr("Expiration date: %1 → %2"), true, &changes);
    if (d.contains(QStringLiteral("template_id"))) {
        const Id now = d.value(QStringLiteral("template_id")).toInteger();
        if (now != state.templateId.value_or(0)) {
            if (now > 0)
                changes.append(
                    HistoryView::tr("Equivalent to “%1”")
                        .arg(templateNames.value(now, HistoryView::tr("template %1").arg(now))));
            else
                changes.append(HistoryView::tr("Equivalence removed"));
        }
        state.templateId = now;
    }
    if (d.value(QStringLiteral("new_file")).toBool())
        changes.append(HistoryView::tr("New PDF file"));
    const QString status = d.value(QStringLiteral("status")).toString();
    if (status == Domain::statusKey(CertificateStatus::Pending))
        changes.append(HistoryView::tr("Sent for validation"));
    else if (status == Domain::statusKey(CertificateStatus::Accepted))
        changes.append(HistoryView::tr("Accepted without validation"));
    return changes;
}
} // namespace

HistoryView::HistoryView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("historyView"));
    setAccessibleName(tr("Certificate history"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_error = Theme::errorLabel(QStringLiteral("historyError"), this);
    layout->addWidget(m_error);
    m_empty = Theme::noteLabel(tr("Nothing has happened to this certificate yet."), this);
    m_empty->setObjectName(QStringLiteral("historyEmpty"));
    m_empty->hide();
    layout->addWidget(m_empty);
    m_rows = new QVBoxLayout;
    m_rows->setSpacing(0);
    layout->addLayout(m_rows);
}

bool HistoryView::load(Session &session, Id certificateId, QString *error)
{
    if (const auto templates = session.directory().templates()) {
        m_templateNames.clear();
        for (const CertificateTemplate &t : templates.value())
            m_templateNames.insert(t.id, t.name);
    }
    const auto history = session.certificates().history(session.userId(), certificateId);
    if (!history) {
        const QString message = tr("The history could not be read: %1").arg(history.message());
        showError(message);
        if (error)
            *error = message;
        return false;
    }
    setEntries(history.value());
    return true;
}

void HistoryView::clear()
{
    for (QWidget *row : std::as_const(m_entryWidgets))
        delete row;
    m_entryWidgets.clear();
    m_entries.clear();
    m_error->hide();
    m_empty->hide();
}

void HistoryView::showError(const QString &message)
{
    clear();
    m_error->setText(message);
    m_error->show();
}

void HistoryView::setEntries(const QList<HistoryEntry> &entries)
{
    clear();
    m_entries = entries;
    m_empty->setVisible(entries.isEmpty());
    KnownState state;
    for (int i = 0; i < entries.size(); ++i) {
        const QStringList changes = changesOf(entries.at(i), state, m_templateNames);
        QWidget *row = entryWidget(entries.at(i), changes, i == entries.size() - 1);
        m_rows->addWidget(row);
        m_entryWidgets.append(row);
    }
}

QStringList HistoryView::entryTexts() const
{
    QStringList texts;
    for (const QWidget *row : m_entryWidgets)
        texts << row->accessibleName();
    return texts;
}

QWidget *HistoryView::entryWidget(const HistoryEntry &entry, const QStringList &changes, bool last)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("historyEntry"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing);
    const QColor color = Theme::statusColor(statusOfAction(entry.action), palette());
    layout->addWidget(new TimelineMarker(color, last, row));

    auto *texts = new QVBoxLayout;
    texts->setContentsMargins(0, 0, 0, last ? 0 : Theme::SpacingLarge);
    texts->setSpacing(2);
    const QString who = entry.actorName.isEmpty() ? tr("someone") : entry.actorName;
    const QString headline = tr("%1 by %2").arg(entry.text(), who);
    auto *title = new QLabel(headline, row);
    title->setObjectName(QStringLiteral("historyTitle"));
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    title->setFont(bold);
    texts->addWidget(title);
    QLabel *when = Theme::noteLabel(Theme::dateTimeText(entry.at), row);
    when->setObjectName(QStringLiteral("historyWhen"));
    texts->addWidget(when);
    QStringList sentence{headline, when->text()};
    if (!entry.comment.isEmpty()) {
        auto *comment = new QLabel(tr("“%1”").arg(entry.comment), row);
        comment->setObjectName(QStringLiteral("historyComment"));
        comment->setTextFormat(Qt::PlainText);
        comment->setWordWrap(true);
        comment->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont italic = comment->font();
        italic.setItalic(true);
        comment->setFont(italic);
        texts->addWidget(comment);
        sentence << comment->text();
    }
    for (const QString &change : changes) {
        QLabel *line = Theme::noteLabel(change, row);
        line->setObjectName(QStringLiteral("historyChange"));
        line->setTextFormat(Qt::PlainText);
        texts->addWidget(line);
        sentence << change;
    }
    layout->addLayout(texts, 1);
    row->setAccessibleName(sentence.join(QStringLiteral(". ")));
    return row;
}
