#!/usr/bin/env bash
# README's first command: installs what is missing, builds CertDesk into build/
# and opens it on a demo database (build/demo.sqlite, created on first run).
#
#   ./scripts/run.sh [certdesk arguments...]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DB=build/demo.sqlite

log() { printf '== run.sh: %s\n' "$*"; }

"$ROOT/packaging/install-deps.sh"

# CMakePresets.json "default": Ninja, RelWithDebInfo, build/. Tests are left
# out here; ./scripts/test.sh builds and runs them.
log "building (build/)"
cmake --preset default -DCERTDESK_BUILD_TESTS=OFF >/dev/null
cmake --build --preset default --parallel "$(nproc)"

if [[ ! -e $DB ]]; then
  log "creating the demo database $DB"
  if ! build/bin/certdesk-cli --db "$DB" demo; then
    rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal" # else reused half-made next time
    echo "run.sh: could not create the demo database" >&2
    exit 1
  fi
fi

gui=(build/bin/certdesk --db "$DB" "$@")
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  log "no display (DISPLAY and WAYLAND_DISPLAY are unset): running under xvfb-run -a;"
  log "the window is not visible. Stop it with Ctrl+C."
  exec xvfb-run -a "${gui[@]}"
fi
log "starting ${gui[*]}"
exec "${gui[@]}"
