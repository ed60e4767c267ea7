#!/usr/bin/env bash
# The README's and the AppStream metainfo's screenshots, from the real
# windows on a fresh demo database: light and dark, English and French, at
# 1280x720, into packaging/screenshots/ (committed; run again when the UI
# changes). Builds certdesk-screenshots (tests/tools) in build-test/.
#
#   ./scripts/screenshots.sh [--out DIR] [--size WxH]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/packaging/screenshots
SIZE=1280x720
while [[ $# -gt 0 ]]; do
  case $1 in
    --out) OUT=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--size WxH]" >&2; exit 2 ;;
  esac
done

log() { printf '== screenshots.sh: %s\n' "$*"; }

"$ROOT/packaging/install-deps.sh"
log "building certdesk-screenshots (build-test/)"
cmake --preset testing >/dev/null
cmake --build --preset testing --target certdesk-screenshots --parallel "$(nproc)"

home=$(mktemp -d /tmp/certdesk-screenshots.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$OUT"
for look in light dark; do
  for language in en fr; do
    log "$look, $language"
    HOME=$home QT_QPA_PLATFORM=offscreen \
      build-test/bin/certdesk-screenshots --out "$OUT" --theme "$look" --lang "$language" \
      --size "$SIZE" 2> >(grep -v 'propagateSizeHints' >&2)
  done
done
log "written to $OUT"
