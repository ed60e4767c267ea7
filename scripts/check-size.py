#!/usr/bin/env python3
"""The house's size limits (README "Layout"): no file in models/, ui/ or app/
over 500 lines, no function over 80 lines. Functions are found by the
repository's clang-format style: a definition's body opens with "{" alone at
the start of a line and closes with "}" alone at the start of a line (class
bodies close with "};"). Prints each breach; exits 1 when there is one."""
import pathlib
import subprocess
import sys

MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 80


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent
    files = subprocess.run(["git", "ls-files", "models", "ui", "app"], cwd=root,
                           capture_output=True, text=True, check=True).stdout.split()
    breaches = []
    for name in files:
        if not name.endswith((".cpp", ".h")):
            continue
        lines = (root / name).read_text(encoding="utf-8").split("\n")
        if len(lines) - 1 > MAX_FILE_LINES:
            breaches.append(f"{name}: {len(lines) - 1} lines (at most {MAX_FILE_LINES})")
        start = None
        for number, line in enumerate(lines, 1):
            if line == "{":
                start = number
            elif start is not None and line == "}":
                length = number - start - 1
                if length > MAX_FUNCTION_LINES:
                    signature = lines[start - 2].strip()
                    breaches.append(f"{name}:{start - 1}: {signature} has {length} lines "
                                    f"(at most {MAX_FUNCTION_LINES})")
                start = None
            elif line == "};":
                start = None
    for breach in breaches:
        print(breach)
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
