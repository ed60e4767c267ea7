#include "TextCheck.h"

#include <algorithm>

bool TextCheck::hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}
