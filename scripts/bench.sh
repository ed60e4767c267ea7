#!/usr/bin/env bash
# README "Performance": builds certdesk-bench, generates the organisation once
# into a cache (SQLite, and a PostgreSQL server prepared by setup), runs the
# benchmark on it and prints the table (also written as JSON).
#
#   ./scripts/bench.sh [--no-pg] [--repeats N] [--rows REGEX]
#
# The cache ($CERTDESK_BENCH_CACHE, default ~/.cache/certdesk-bench) is keyed
# by the generator's parameters, the schema version and the generator's
# sources: anything else reuses it. Sizes (people/certificates/pending):
# BENCH_SQLITE (default 100000/1000000/10000, about a minute to generate) and
# BENCH_PG (default 10000/1000000/10000: 10,000 logins, a few minutes once).
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

pg=true
bench_args=()
while (($#)); do
  case $1 in
    --no-pg) pg=false ;;
    --repeats | --rows)
      (($# >= 2)) || { usage >&2; exit 2; }
      bench_args+=("$1" "$2"); shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=$ROOT/build-test
CACHE=${CERTDESK_BENCH_CACHE:-$HOME/.cache/certdesk-bench}
SEED=20261202
IFS=/ read -r S_PEOPLE S_CERTS S_PENDING <<<"${BENCH_SQLITE:-100000/1000000/10000}"
IFS=/ read -r P_PEOPLE P_CERTS P_PENDING <<<"${BENCH_PG:-10000/1000000/10000}"
PGBIN=/usr/lib/postgresql/15/bin

echo "== bench.sh: build (the testing preset, $BUILD)"
cmake --preset testing >/dev/null
cmake --build "$BUILD" --target certdesk-bench certdesk certdesk-cli certdesk-pdfcheck
CLI=$BUILD/bin/certdesk-cli
BENCH=$BUILD/bin/certdesk-bench

# What the data depends on: the schema's migrations and the generator's code.
schema=$(find resources/sql -name '[0-9]*.sql' | sort | tail -n1 | xargs basename | cut -d_ -f1)
gen_hash=$(cat models/services/Generat*.cpp models/services/Generat*.h | sha256sum | cut -c1-12)
key() { echo "schema$schema-gen$gen_hash-p$1-c$2-k$3-s$SEED"; }
mkdir -p "$CACHE"

export QT_QPA_PLATFORM=offscreen
XDG_RUNTIME_DIR=$(mktemp -d /tmp/certdesk-bench-xdg.XXXXXX)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR
PGROOT=
cleanup() {
  if [[ -n $PGROOT && -f $PGROOT/data/postmaster.pid ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [[ -z $PGROOT ]] || rm -rf "$PGROOT"
  rm -rf "$XDG_RUNTIME_DIR"
}
trap cleanup EXIT

# --- SQLite -------------------------------------------------------------------
sqlite_file=$CACHE/$(key "$S_PEOPLE" "$S_CERTS" "$S_PENDING").sqlite
if [[ ! -f $sqlite_file ]]; then
  echo "== bench.sh: generating $S_PEOPLE people, $S_CERTS certificates into $sqlite_file"
  rm -f "$sqlite_file.tmp"*
  "$CLI" --db "$sqlite_file.tmp" generate --people "$S_PEOPLE" --certificates "$S_CERTS" \
    --pending "$S_PENDING" --seed "$SEED"
  sqlite3 "$sqlite_file.tmp" 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;' >/dev/null
  mv "$sqlite_file.tmp" "$sqlite_file"
else
  echo "== bench.sh: cached $sqlite_file"
fi

# --- PostgreSQL: a data directory generated once, copied for each run ----------
as_pg() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}
port_in_use() { [[ -n $(ss -Htln "sport = :$1" 2>/dev/null) ]]; }
# pg_run DATADIR: starts a server on a copy of DATADIR (or a new one when
# DATADIR is empty) and exports PGHOST, PGPORT, PGUSER, PGPASSWORD.
pg_run() {
  PGROOT=$(mktemp -d /tmp/certdesk-bench-pg.XXXXXX)
  if [[ -n $1 ]]; then
    cp -a "$1/data" "$PGROOT/data"
    cp "$1/pw" "$PGROOT/pw"
  else
    od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$PGROOT/pw"
    echo >>"$PGROOT/pw"
  fi
  ((EUID == 0)) && chown -R postgres: "$PGROOT"
  if [[ -z $1 ]]; then
    as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --pwfile="$PGROOT/pw" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$PGROOT/initdb.log" 2>&1 || { cat "$PGROOT/initdb.log" >&2; return 1; }
  fi
  local port
  for ((port = 54529; port < 54629; port++)); do
    port_in_use "$port" && continue
    if as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PGROOT -c fsync=off" start >/dev/null; then
      export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD
      PGPASSWORD=$(head -n1 "$PGROOT/pw")
      return 0
    fi
  done
  cat "$PGROOT/server.log" >&2
  return 1
}
pg_halt() {
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null
}

pg_args=()
if $pg; then
  pg_cache=$CACHE/$(key "$P_PEOPLE" "$P_CERTS" "$P_PENDING")-pgsql
  if [[ ! -d $pg_cache ]]; then
    echo "== bench.sh: preparing a PostgreSQL server: setup, then $P_PEOPLE people (each a login), $P_CERTS certificates"
    pg_run ""
    psql -q -d postgres -c 'CREATE DATABASE certdesk_bench'
    url="postgresql://postgres@127.0.0.1:$PGPORT/certdesk_bench"
    "$CLI" --db "$url" setup --login-prefix bench_ >/dev/null
    "$CLI" --db "$url" generate --people "$P_PEOPLE" --certificates "$P_CERTS" \
      --pending "$P_PENDING" --seed "$SEED"
    psql -q -d certdesk_bench -c 'VACUUM ANALYZE'
    pg_halt
    rm -rf "$pg_cache.tmp"
    mkdir -p "$pg_cache.tmp"
    mv "$PGROOT/data" "$pg_cache.tmp/data"
    cp "$PGROOT/pw" "$pg_cache.tmp/pw"
    mv "$pg_cache.tmp" "$pg_cache"
    rm -rf "$PGROOT"
    PGROOT=
  else
    echo "== bench.sh: cached $pg_cache"
  fi
  pg_run "$pg_cache"
  pg_args=(--pg "postgresql://postgres@127.0.0.1:$PGPORT/certdesk_bench" --pg-prefix bench_
           --pg-data "$P_PEOPLE/$P_CERTS/$P_PENDING")
fi

echo "== bench.sh: certdesk-bench"
"$BENCH" --db "$sqlite_file" --data "$S_PEOPLE/$S_CERTS/$S_PENDING" \
  --json "$BUILD/bench.json" "${pg_args[@]}" "${bench_args[@]}"
