#!/usr/bin/env bash
# Lints manual pages: groff with every warning on (-ww) must say nothing, and
# man(1) must render each page (as installed, gzip-compressed too).
#   man_lint.sh PAGE...
set -euo pipefail
for tool in groff man zcat; do
  command -v "$tool" >/dev/null || {
    echo "man_lint: '$tool' is not installed (packaging/install-deps.sh installs groff-base and man-db)" >&2
    exit 1
  }
done
(($# > 0)) || { echo "usage: man_lint.sh PAGE..." >&2; exit 2; }
export LC_ALL=C.UTF-8 MANWIDTH=80
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
failed=0
for page in "$@"; do
  # zcat -f: an installed page is compressed, a source page is not.
  warnings=$(zcat -f "$page" | groff -man -Tutf8 -ww -z 2>&1) || true
  if [[ -n $warnings ]]; then
    echo "$page: groff -ww says:" >&2
    head -n 40 <<<"$warnings" >&2
    failed=1
  fi
  # man -l through man-db's own pipeline (preconv, tbl, groff): it must
  # render the page's name and say nothing on stderr.
  name=$(basename "$page" .1)
  name=${name%.1.gz}
  if ! rendered=$(man -l "$page" 2>"$errors"); then
    echo "$page: man -l failed" >&2
    failed=1
  elif [[ -s $errors ]]; then
    echo "$page: man -l says:" >&2
    cat "$errors" >&2
    failed=1
  elif [[ $rendered != *NAME* || $rendered != *"$name"* ]]; then
    echo "$page: man -l rendered no NAME section for $name" >&2
    failed=1
  fi
done
((failed == 0)) || exit 1
echo "linted: $*"
