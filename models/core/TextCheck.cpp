#include "core/TextCheck.h"

#include <QRegularExpression>

#include <algorithm>

bool TextCheck::hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

bool TextCheck::isMailAddress(const QString &address)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s<>\",;()\\[\\]\\\\]+@"
                                                         "[^@\\s<>\",;()\\[\\]\\\\]+\\.[^@\\s<>\","
                                                         ";()\\[\\]\\\\.]+$"));
    if (address.size() > 254 || !shape.match(address).hasMatch())
        return false;
    for (const QChar c : address) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}
