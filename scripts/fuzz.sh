#!/usr/bin/env bash
# The libFuzzer targets of tests/fuzz (README "Fuzzing"): builds them with the
# "fuzz" preset (build-fuzz/: clang, ASan + UBSan + libFuzzer), makes their
# seed corpora and runs each target for SECONDS, one after the other. Exits 1
# when a target found a crash of ours: any finding of fuzz_pdfreport; for
# fuzz_pdfreader a crash or a broken check, but not what PDFium does within
# itself and the reader process contains in real use, which is listed: a
# trap (a CHECK of PDFium's own), a timeout, running out of memory. Before
# fuzzing, fuzz_pdfreader replays what was found before
# (tests/fuzz/make_regressions.py).
#
#   ./scripts/fuzz.sh [SECONDS] [--target NAME]
#
# Everything goes to build-fuzz/fuzz/NAME/: seeds/ (made again each run),
# corpus/ (what the fuzzer found worth keeping, kept from run to run),
# artifacts/ (crash-…, leak-…, timeout-…, oom-… inputs), triage/ (a replay's
# log for each crash and earlier finding) and fuzz.log.
set -euo pipefail

TARGETS=(fuzz_pdfreader fuzz_pdfreport)

usage() {
  cat <<USAGE
Usage: $0 [SECONDS] [--target NAME]
  SECONDS        how long each target runs (default 60)
  --target NAME  run only NAME (${TARGETS[*]})
Reproduce a finding: build-fuzz/bin/NAME build-fuzz/fuzz/NAME/artifacts/crash-…
(CERTDESK_FUZZ_VERBOSE=1 shows Qt's warnings and fuzz_pdfreader's reports).
USAGE
}

seconds=60
selected=("${TARGETS[@]}")
while (($#)); do
  case $1 in
    --target)
      (($# >= 2)) || { usage >&2; exit 2; }
      [[ " ${TARGETS[*]} " == *" $2 "* ]] || { echo "fuzz.sh: unknown target: $2" >&2; exit 2; }
      selected=("$2"); shift ;;
    -h | --help) usage; exit 0 ;;
    *[!0-9]* | '') echo "fuzz.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    *) seconds=$1 ;;
  esac
  shift
done
((seconds > 0)) || { echo "fuzz.sh: SECONDS must be positive" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JOBS=$(nproc)
START=$SECONDS
BIN=$ROOT/build-fuzz/bin
OUT=$ROOT/build-fuzz/fuzz
# The largest seed of make_odd_pdfs.py that is kept is under 0.5 MB.
PDF_MAX_LEN=$((1024 * 1024))
REPORT_MAX_LEN=$((256 * 1024))

log() { printf '\n== fuzz.sh: %s\n' "$*"; }

log "dependencies"
"$ROOT/packaging/install-deps.sh"

log "configure + build (fuzz: ${selected[*]})"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --parallel "$JOBS" --target "${selected[@]}"

export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

scratch=$(mktemp -d /tmp/certdesk-fuzz.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# seeds_pdfreader DIR: the odd PDFs of make_odd_pdfs.py and the PDFs of
# tests/data. Left out: files over the length limit, and the odd files made to
# be extreme ("either" in the manifest: a 10,000-deep page tree, 50 MB of
# content), which take longer than the fuzzer's time per input under ASan:
# tst_oddpdfs checks them against the reader's time limit; and the one that
# stops PDFium with a trap (replayed below as a regression instead).
seeds_pdfreader() {
  python3 tests/support/make_odd_pdfs.py "$scratch/odd" >/dev/null
  python3 - "$scratch/odd" "$1" "$PDF_MAX_LEN" tests/data/*.pdf <<'PY'
import json, shutil, sys
from pathlib import Path
odd, seeds, max_len = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
manifest = json.loads((odd / "manifest.json").read_text())
files = [odd / e["file"] for e in manifest
         if e["expect"] != "either" and e["file"] != "negative-xref-offset.pdf"]
files += [Path(p) for p in sys.argv[4:]]
kept = 0
for f in files:
    if f.stat().st_size <= max_len:
        shutil.copyfile(f, seeds / ("data-" + f.name if f.parent != odd else f.name))
        kept += 1
print(f"fuzz_pdfreader: {kept} seeds in {seeds}")
PY
}

# replay INPUT LOG: fuzz_pdfreader on one input again, with ASan rather than
# libFuzzer reporting a trap (SIGILL), so that the report says where it was.
replay() {
  ASAN_OPTIONS=detect_leaks=0:handle_sigill=1 timeout 120 "$BIN/fuzz_pdfreader" -handle_ill=0 \
    -timeout=60 -rss_limit_mb=2048 -artifact_prefix="$scratch/" "$1" >"$2" 2>&1
}

# triage INPUT LOG: "read" (no crash), "pdfium-trap" (PDFium stopped itself:
# a trap in libQt6Pdf, a CHECK of its own; in real use the reader process
# dies and the file is refused) or "crash" (anything else: ours to look at).
triage() {
  if replay "$1" "$2"; then
    echo read
  elif grep -q 'ERROR: AddressSanitizer: ILL' "$2" &&
    grep -m 1 -E '^ +#0 ' "$2" | grep -q 'libQt6Pdf\.so'; then
    echo pdfium-trap
  else
    echo crash
  fi
}

# run_target NAME: seeds, then libFuzzer for $seconds; records the result.
results=()
failed=false
run_target() {
  local name=$1 dir=$OUT/$1 rc=0 flags=() leaks=1 f verdict
  local found=() traps=() contained=() replayed=0 known=0
  log "$name (${seconds} s)"
  rm -rf "$dir/seeds" "$dir/regressions" "$dir/triage"
  mkdir -p "$dir/seeds" "$dir/corpus" "$dir/artifacts" "$dir/triage"
  case $name in
    fuzz_pdfreader)
      seeds_pdfreader "$dir/seeds"
      # What the fuzzers found before, remade by tests/fuzz/make_regressions.py.
      python3 tests/fuzz/make_regressions.py "$dir/regressions"
      for f in "$dir"/regressions/*; do
        verdict=$(triage "$f" "$dir/triage/${f##*/}.log")
        replayed=$((replayed + 1))
        case $verdict in
          read) ;;
          pdfium-trap) known=$((known + 1)) ;;
          *) found+=("$f") ;;
        esac
      done
      # Fork mode: an input that times out, runs out of memory or crashes is
      # saved and fuzzing goes on in a new process; the crashes are triaged
      # below. No leak checks: the reader process reads one file and exits
      # (tests/fuzz/fuzz_pdfreader.cpp).
      flags=(-max_len="$PDF_MAX_LEN" -dict="$ROOT/tests/fuzz/pdf.dict"
        -fork=1 -ignore_timeouts=1 -ignore_ooms=1 -ignore_crashes=1 -detect_leaks=0)
      leaks=0 ;;
    fuzz_pdfreport)
      "$BIN/$name" --write-seeds="$dir/seeds"
      flags=(-max_len="$REPORT_MAX_LEN") ;;
  esac
  touch "$scratch/start-$name"
  ASAN_OPTIONS=detect_leaks=$leaks "$BIN/$name" "${flags[@]}" -max_total_time="$seconds" \
    -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
    "$dir/corpus" "$dir/seeds" >"$dir/fuzz.log" 2>&1 || rc=$?

  local new
  mapfile -t new < <(find "$dir/artifacts" -type f -newer "$scratch/start-$name" | sort)
  for f in "${new[@]}"; do
    case ${f##*/} in
      timeout-* | oom-* | slow-unit-*)
        if [[ $name == fuzz_pdfreader ]]; then contained+=("$f"); else found+=("$f"); fi ;;
      crash-*)
        if [[ $name != fuzz_pdfreader ]]; then
          found+=("$f")
        elif [[ $(triage "$f" "$dir/triage/${f##*/}.log") == pdfium-trap ]]; then
          traps+=("$f")
        else
          found+=("$f") # a crash of ours, or one that did not happen again
        fi ;;
      *) found+=("$f") ;;
    esac
  done
  # Fork mode ends with the status of the last job that failed (70 a timeout,
  # 71 out of memory, a crash's); without an artefact it is the fuzzer's own.
  if [[ $name == fuzz_pdfreader ]] && ((${#new[@]} > 0 || rc == 70 || rc == 71)); then rc=0; fi

  local stats
  stats=$(summarise "$dir/fuzz.log" "$dir/corpus")
  if ((rc != 0 || ${#found[@]} > 0)); then
    tail -n 60 "$dir/fuzz.log"
    if ((${#found[@]} > 0)); then
      printf 'fuzz.sh: %s: replay with %s\n' "$name" "$BIN/$name ${found[0]}"
    fi
    results+=("$name: FOUND A CRASH (exit $rc; $stats): ${found[*]}")
    failed=true
  else
    results+=("$name: no crash of ours ($stats)")
  fi
  if ((replayed > 0)); then
    results+=("$name: $replayed earlier findings replayed, $known still stop PDFium (a trap)")
  fi
  local note
  if ((${#traps[@]} > 0)); then
    note="PDFium stopped itself (a trap) on ${#traps[@]} inputs; in real use the reader"
    results+=("$name: $note process dies and the file is refused: ${traps[*]}")
  fi
  if ((${#contained[@]} > 0)); then
    note="inputs slow, timed out or out of memory in PDFium, contained by the reader's limits"
    results+=("$name: ${#contained[@]} $note: ${contained[*]}")
  fi
}

# summarise LOG CORPUS: "N runs, M/s, cov: C ft: F, corpus K files" from
# libFuzzer's log: its final statistics, or in fork mode its last status line
# ("#N: cov: C ft: F corp: ... time: Ts"; a crashing job's own log is ignored).
summarise() {
  local log=$1 runs="" rate="" cov="" time="" last
  last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n 1 || true)
  if [[ -n $last ]]; then
    runs=$(grep -Eo '^#[0-9]+' <<<"$last" | tr -d '#')
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' <<<"$last")
    time=$(grep -Eo ' time: [0-9]+s' <<<"$last" | grep -Eo '[0-9]+')
    if ((${time:-0} > 0)); then rate=$((runs / time)); fi
  else
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
  fi
  printf '%s runs, %s/s, %s, corpus %s files' "${runs:-?}" "${rate:-?}" "${cov:-cov: ?}" \
    "$(find "$2" -type f | wc -l)"
}

for name in "${selected[@]}"; do
  run_target "$name"
done

elapsed=$((SECONDS - START))
verdict=PASSED
if $failed; then verdict=FAILED; fi
printf '\n== fuzz.sh: %s -- %dm%02ds\n' "$verdict" $((elapsed / 60)) $((elapsed % 60))
printf '   %s\n' "${results[@]}"
printf '   logs, corpora and artefacts: %s/NAME/\n' "$OUT"
if $failed; then exit 1; fi
