#!/usr/bin/env bash
# README's second command: build with warnings as errors, start the servers the
# integration tests need, run every test. With --sanitize (or CI=true) also
# builds and runs everything again under AddressSanitizer + UBSan, and with
# --fuzz (or CI=true) runs the libFuzzer targets for 60 s each (scripts/fuzz.sh).
#
#   ./scripts/test.sh [--sanitize] [--fuzz] [--tidy-all] [-R REGEX]
#
# Builds use CMakePresets.json ("testing" -> build-test/, "asan" -> build-asan/,
# "fuzz" -> build-fuzz/).
set -euo pipefail

usage() {
  cat <<USAGE
Usage: $0 [--sanitize] [--fuzz] [--tidy-all] [-R REGEX]
  --sanitize   also build build-asan/ (clang, ASan+UBSan) and run the tests there
               (always on when CI=true)
  --fuzz       also build build-fuzz/ and run each libFuzzer target for 60 s
               (scripts/fuzz.sh; always on when CI=true)
  --tidy-all   run clang-tidy on tests/ and translations/ too, not only on
               models/, app/ and ui/ (about twice as long)
  -R REGEX     run only the tests whose name matches REGEX (passed to ctest)
USAGE
}

sanitize=false
[[ ${CI:-} == true ]] && sanitize=true
fuzz=false
[[ ${CI:-} == true ]] && fuzz=true
tidy_all=false
ctest_args=()
while (($#)); do
  case $1 in
    --sanitize) sanitize=true ;;
    --fuzz) fuzz=true ;;
    --tidy-all) tidy_all=true ;;
    -R) (($# >= 2)) || { usage >&2; exit 2; }
        ctest_args+=(-R "$2"); shift ;;
    -R?*) ctest_args+=(-R "${1#-R}") ;;
    -h | --help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JOBS=$(nproc)
START=$SECONDS

stage=start
summarised=false
log() { stage=$*; printf '\n== test.sh: %s\n' "$*"; }

# --- cleanup: every *_start registers its undo here; run in reverse on exit --
cleanups=()
on_exit() { cleanups+=("$1"); }
run_cleanups() {
  local rc=$? i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do
    "${cleanups[i]}" || true
  done
  if ! $summarised; then
    printf '\n== test.sh: FAILED -- stopped during "%s" (exit %d)\n' "$stage" "$rc" >&2
  fi
}
trap run_cleanups EXIT

# Long steps run in their own process group through `run`, so that an
# interrupt or a kill of this script stops them (and the tests they started)
# at once instead of after they finish, then the EXIT trap cleans up.
child=0
run() {
  local rc=0
  setsid -w "$@" &
  child=$!
  wait "$child" || rc=$?
  child=0
  return "$rc"
}
on_signal() {
  if ((child)); then kill -TERM -- "-$child" 2>/dev/null || true; fi
  exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# --- throwaway PostgreSQL 15 (see TOOLCHAIN.md) -----------------------------
PGBIN=/usr/lib/postgresql/15/bin

# The server refuses to run as root: as root run it as the postgres user.
as_pg() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

port_in_use() {
  [[ -n $(ss -Htln "sport = :$1" 2>/dev/null) ]]
}

pg_stop() {
  [[ -n ${PGROOT:-} ]] || return 0
  if [[ -f $PGROOT/data/postmaster.pid ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
}

pg_start() {
  PGROOT=$(mktemp -d /tmp/certdesk-pgtest.XXXXXX)
  on_exit pg_stop
  local pw
  pw=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$pw" >"$PGROOT/pw"
  if ((EUID == 0)); then chown -R postgres: "$PGROOT"; fi
  as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --pwfile="$PGROOT/pw" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$PGROOT/initdb.log" 2>&1 || { cat "$PGROOT/initdb.log" >&2; return 1; }

  # First free port from 54329 on; if another run grabs it first, try the next.
  local port
  for ((port = 54329; port < 54429; port++)); do
    port_in_use "$port" && continue
    if as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PGROOT -c fsync=off" start \
      >/dev/null 2>"$PGROOT/pg_ctl.err"; then
      export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD=$pw
      export CERTDESK_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
      echo "PostgreSQL 15 on 127.0.0.1:$port ($PGROOT)"
      return 0
    fi
    grep -q 'Address already in use' "$PGROOT/server.log" 2>/dev/null || break
    : >"$PGROOT/server.log"
  done
  echo "test.sh: could not start PostgreSQL" >&2
  cat "$PGROOT/pg_ctl.err" "$PGROOT/server.log" >&2 2>/dev/null || true
  return 1
}

# Servers the integration tests talk to. Each *_start registers its own stop.
start_services() {
  pg_start
}

# --- one build: configure, build, test ----------------------------------------
results=()
failed=false

# run_suite PRESET: configures, builds and tests one preset; records the result.
run_suite() {
  local preset=$1
  log "configure + build ($preset)"
  if ! run cmake --preset "$preset" || ! run cmake --build --preset "$preset" --parallel "$JOBS"; then
    results+=("$preset: BUILD FAILED")
    failed=true
    return 1
  fi
  log "ctest ($preset)"
  if run ctest --preset "$preset" -j2 "${ctest_args[@]}"; then
    results+=("$preset: passed")
  else
    results+=("$preset: TESTS FAILED")
    failed=true
  fi
}

summary() {
  local elapsed=$((SECONDS - START)) verdict=PASSED joined="" r
  if $failed; then verdict=FAILED; fi
  for r in "${results[@]}"; do joined+="${joined:+; }$r"; done
  printf '\n== test.sh: %s -- %s -- %dm%02ds\n' "$verdict" "$joined" \
    $((elapsed / 60)) $((elapsed % 60))
  summarised=true
}

# --- main ------------------------------------------------------------------
log "dependencies"
"$ROOT/packaging/install-deps.sh"

XDG_RUNTIME_DIR=$(mktemp -d /tmp/certdesk-xdg.XXXXXX)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR
xdg_cleanup() { rm -rf "$XDG_RUNTIME_DIR"; }
on_exit xdg_cleanup
export QT_QPA_PLATFORM=offscreen

# The repository's .clang-format on every C++ file (a failure is reported
# with the others and does not stop the build).
log "format"
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t sources < <(git -C "$ROOT" ls-files '*.cpp' '*.h')
else
  mapfile -t sources < <(find app models ui tests translations -name '*.cpp' -o -name '*.h')
fi
if clang-format --dry-run -Werror "${sources[@]}"; then
  results+=("format: passed")
else
  results+=("format: FAILED (clang-format -i the files above)")
  failed=true
fi

# The repository's .clang-tidy on our own sources: models/, app/ and ui/ (the
# whole tree, tests/ too, takes about twice as long; --tidy-all), never the moc, uic
# and rcc output. It reads build-test/compile_commands.json and the moc
# output, so it runs after the build; like the format step, a failure is
# reported with the others and does not stop the run.
tidy() {
  log "tidy"
  local dirs='models|app|ui' root started=$SECONDS
  if $tidy_all; then dirs='app|models|ui|tests|translations'; fi
  root=$(printf '%s' "$ROOT" | sed 's/[.[\*^$()+?{|]/\\&/g')
  # Even with -quiet, run-clang-tidy prints each command and clang-tidy
  # "N warnings generated." (Qt's headers) for every file: only the findings,
  # which name their file, are worth reading.
  if run bash -c 'run-clang-tidy "$@" 2>&1 |
                    grep -v -e "^clang-tidy[-0-9]* " -e "warnings\? generated\.$"
                  exit "${PIPESTATUS[0]}"' tidy \
    -p build-test -j"$JOBS" -quiet "^$root/($dirs)/"; then
    results+=("tidy (${dirs//|/, }): passed in $((SECONDS - started))s")
  else
    results+=("tidy: FAILED (the clang-tidy findings above)")
    failed=true
  fi
}

log "services"
start_services

# A build failure skips the sanitizer build (it would fail the same way);
# test failures do not: the sanitizer run may say why they fail.
build_ok=true
run_suite testing || build_ok=false
if $build_ok; then
  tidy
else
  results+=("tidy: not run (the build failed)")
fi
if ! $sanitize; then
  results+=("asan: skipped (--sanitize or CI=true runs it)")
elif ! $build_ok; then
  results+=("asan: not run")
else
  export CC=clang CXX=clang++
  export ASAN_OPTIONS=detect_leaks=1
  export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=print_stacktrace=1
  run_suite asan || true
fi
# libFuzzer, 60 s per target: a crash found fails the run.
if ! $fuzz; then
  results+=("fuzz: skipped (--fuzz or CI=true runs it)")
elif ! $build_ok; then
  results+=("fuzz: not run")
else
  log "fuzz"
  if run "$ROOT/scripts/fuzz.sh" 60; then
    results+=("fuzz: no crash of ours in 60 s per target")
  else
    results+=("fuzz: FAILED (build-fuzz/fuzz/*/artifacts, the fuzz.sh summary above)")
    failed=true
  fi
fi

summary
if $failed; then exit 1; fi
