#pragma once

#include <cstdio>
#include <cstdlib>

// A broken check of a fuzz target: says which and stops, so that libFuzzer
// keeps the input as a crash.
inline void fuzzCheck(const char *target, bool ok, const char *what)
{
    if (ok)
        return;
    std::fprintf(stderr, "%s: %s\n", target, what);
    std::abort();
}
