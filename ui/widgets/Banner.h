#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

// An infobar across the top of the main window: a round mark, a bold line, a
// muted detail line and buttons on the right, tinted from the palette (the
// error colour for a problem, the accent colour for a notice or when things
// are fine again).
// MailBanner and ConnectionBanner say what; this draws it. Its children are
// named after the banner: "<name>Icon", "<name>Text", "<name>Detail".
class Banner : public QFrame
{
    Q_OBJECT

public:
    enum class Tone
    {
        Problem, // "!" on the error colour
        Fine,    // a tick on the accent colour
        Info     // "i" on the accent colour: worth knowing, nothing failed
    };

    QString text() const;
    Tone tone() const { return m_tone; }

protected:
    Banner(const QString &objectName, const QString &accessibleName, QWidget *parent);

    // A secondary button on the right, in the order added.
    QPushButton *addButton(const QString &text, const QString &accessibleName,
                           const QString &objectName);
    // The bold line and the detail (hidden when empty); the accessible
    // description says both.
    void setMessage(const QString &text, const QString &detail);
    void setDetail(const QString &detail);
    void setTone(Tone tone);

    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QHBoxLayout *m_layout = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_detail = nullptr;
    Tone m_tone = Tone::Problem;
    bool m_applying = false;
};
