#pragma once

#include <QString>

#include <optional>
#include <utility>

// What went wrong, in words a user can read. Services never throw and never
// crash on bad input: they return a Result.
enum class ErrorKind
{
    None,
    Invalid,  // bad input: the user can fix it (empty name, date in the future, not a PDF)
    Refused,  // a rule says no (R1-R9): the user may not do this
    NotFound, // the thing does not exist (or the user may not know it does)
    Conflict, // someone else acted first (optimistic locking, duplicates)
    Storage,  // the database failed (connection lost, disk full)
};

struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString message;
};

template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }
    ErrorKind kind() const { return m_error.kind; }
    QString message() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

struct Done
{};
using Status = Result<Done>;

inline Error makeError(ErrorKind kind, const QString &message)
{
    return Error{kind, message};
}
