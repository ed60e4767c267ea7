#!/usr/bin/env bash
# Installs the build into a scratch prefix (as the .deb lays it out) and
# checks that the three programs are there and that the installed CLI finds
# the installed PDF reader: a real certificate passes, a damaged one is
# refused with its own reason (README "Untrusted PDFs").
#   install_check.sh BUILD_DIR TEST_DATA_DIR
set -euo pipefail
build=$1
data=$2
prefix=$(mktemp -d /tmp/certdesk-install.XXXXXX)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
for program in certdesk certdesk-cli certdesk-pdfcheck; do
  [[ -x $prefix/bin/$program ]] || { echo "missing: bin/$program" >&2; exit 1; }
done

# The reader alone: a report starts with its magic "CDPR".
"$prefix/bin/certdesk-pdfcheck" <"$data/certificate.pdf" >"$prefix/report"
magic=$(head -c 4 "$prefix/report")
[[ $magic == CDPR ]] || { echo "the installed reader wrote no report" >&2; exit 1; }

# The installed CLI through the installed reader, on a demo database.
db=$prefix/demo.sqlite
export QT_QPA_PLATFORM=offscreen CERTDESK_PASSWORD=demo
unset CERTDESK_PDFCHECK
"$prefix/bin/certdesk-cli" --db "$db" demo >/dev/null
as=(--db "$db" --as emma.wilson@demo.example)
"$prefix/bin/certdesk-cli" "${as[@]}" import "$data/certificate.pdf" \
  --name "Installed Check" --delivered 2024-03-12 >/dev/null
if out=$("$prefix/bin/certdesk-cli" "${as[@]}" import "$data/truncated.pdf" \
  --name "Damaged" --delivered 2024-03-12 2>&1); then
  echo "a damaged PDF was imported" >&2; exit 1
fi
[[ $out == *damaged* ]] || { echo "unexpected refusal: $out" >&2; exit 1; }
# pdf-check needs no database: the installed reader repairs an owner-password file.
out=$("$prefix/bin/certdesk-cli" pdf-check "$data/encrypted-owner-only.pdf")
[[ $out == *"accepted after repair"* ]] || { echo "pdf-check: $out" >&2; exit 1; }
echo "installed: certdesk, certdesk-cli, certdesk-pdfcheck; the CLI reads PDFs through the reader"
