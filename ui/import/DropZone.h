#pragma once

#include <QFrame>
#include <QPointer>
#include <QStringList>

class DropOverlay;
class QLabel;
class QVBoxLayout;

// The import dialog's drop area: a dashed, rounded frame saying "Drop a PDF
// here", highlighted while a PDF is dragged over it and shown as refused while
// other files are. Widgets added with addWidget() (the "Select a file" button)
// sit under its text.
class DropZone : public QFrame
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Accepting, // a PDF is dragged over
        Refusing,  // files are dragged over, none of them a PDF
    };
    Q_ENUM(State)

    explicit DropZone(QWidget *parent = nullptr);

    // The text shown while nothing is dragged over (a chosen file's name and
    // size, for example).
    void setTexts(const QString &title, const QString &note);
    QString title() const;
    void addWidget(QWidget *widget);
    State state() const { return m_state; }

    // Makes a whole page a drop target: returns an overlay (owned by the page)
    // that paints a highlighted "Drop to import" frame over the page while
    // files are dragged over it and emits what was dropped.
    static DropOverlay *attachTo(QWidget *page);

signals:
    void pdfsDropped(const QStringList &paths);
    void rejectedDrop(const QStringList &nonPdfs);
    void stateChanged(DropZone::State state);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setState(State state);
    void updateTexts();
    void updateIcon();

    State m_state = State::Idle;
    QString m_title;
    QString m_note;
    QLabel *m_icon = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QList<QPointer<QWidget>> m_extras; // hidden while something is dragged over
};

// A page-sized drop target over an existing page (see DropZone::attachTo()):
// invisible until files are dragged over the page, then a translucent
// highlighted frame with "Drop to import" (or why the files are refused). It
// lets mouse events through and needs nothing from the page but its events.
// setEnabled(false) (import switched off, R1) makes it ignore every drag.
class DropOverlay : public QWidget
{
    Q_OBJECT

public:
    explicit DropOverlay(QWidget *page);

    QWidget *page() const { return m_page; }
    DropZone::State state() const { return m_state; }
    // The line shown while PDFs are dragged over ("Drop to import" by default;
    // "Drop to import for Tom Becker" on a profile, for example).
    void setMessage(const QString &message);
    QString message() const { return m_message; }

signals:
    void pdfsDropped(const QStringList &paths);
    void rejectedDrop(const QStringList &nonPdfs);
    void stateChanged(DropZone::State state);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void setState(DropZone::State state);

    QPointer<QWidget> m_page;
    DropZone::State m_state = DropZone::State::Idle;
    QString m_message;
};
