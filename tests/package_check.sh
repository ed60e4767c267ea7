#!/usr/bin/env bash
# The Debian package, built and checked as a user would get it:
#   1. cpack -G DEB from the build dir, into a temporary directory;
#   2. lintian on the .deb: no errors (warnings are printed, not fatal);
#   3. its contents: the three programs (stripped), the manual pages
#      (compressed, rendered by man -l), copyright, changelog.Debian.gz whose
#      version is the package's;
#   4. unpacked into a temporary root: both programs say their version,
#      certdesk-cli fills a demo database and reads it back, and the packaged
#      CLI runs the packaged PDF reader found next to itself.
#   package_check.sh BUILD_DIR TEST_DATA_DIR CPACK
set -euo pipefail
(($# == 3)) || { echo "usage: package_check.sh BUILD_DIR TEST_DATA_DIR CPACK" >&2; exit 2; }
build=$1
data=$2
cpack=$3

fail() { echo "package_check: $*" >&2; exit 1; }
# The tools come from packaging/install-deps.sh: a missing one is a failure.
for tool in lintian dpkg-deb dpkg-shlibdeps man file zcat; do
  command -v "$tool" >/dev/null ||
    fail "'$tool' is not installed (packaging/install-deps.sh installs it)"
done

work=$(mktemp -d /tmp/certdesk-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT

# 1. The package. -B keeps CPack's staging tree and the .deb out of the build
# and source trees.
"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
mapfile -t debs < <(find "$work/out" -maxdepth 1 -name '*.deb')
((${#debs[@]} == 1)) || fail "expected one .deb, found ${#debs[@]}: ${debs[*]}"
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. lintian: errors fail; warnings and the rest are printed for whoever
# reads the log. As root it wants --allow-root.
lintian_args=(--fail-on error --display-info --tag-display-limit 0)
if ((EUID == 0)); then lintian_args+=(--allow-root); fi
if ! lintian "${lintian_args[@]}" "$deb" >"$work/lintian.log" 2>&1; then
  cat "$work/lintian.log" >&2
  fail "lintian found errors in $(basename "$deb")"
fi
echo "lintian: no errors ($(grep -c '^W: ' "$work/lintian.log" || true) warnings)"
sed 's/^/  /' "$work/lintian.log"

# 3. What it holds.
dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/certdesk /usr/bin/certdesk-cli /usr/bin/certdesk-pdfcheck \
  /usr/share/man/man1/certdesk.1.gz /usr/share/man/man1/certdesk-cli.1.gz \
  /usr/share/man/man1/certdesk-pdfcheck.1.gz \
  /usr/share/doc/certdesk/copyright /usr/share/doc/certdesk/changelog.Debian.gz \
  /usr/share/applications/org.certdesk.CertDesk.desktop \
  /usr/share/metainfo/org.certdesk.CertDesk.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/org.certdesk.CertDesk.svg; do
  grep -qxF "$path" "$work/contents" || fail "the package has no $path"
done

root=$work/root
dpkg-deb -x "$deb" "$root"
for program in certdesk certdesk-cli certdesk-pdfcheck; do
  kind=$(file -b "$root/usr/bin/$program")
  [[ $kind == *ELF* && $kind == *", stripped"* ]] ||
    fail "usr/bin/$program is not a stripped executable: $kind"
done
export LC_ALL=C.UTF-8 MANWIDTH=80
for page in certdesk certdesk-cli certdesk-pdfcheck; do
  file=$root/usr/share/man/man1/$page.1.gz
  [[ $(file -b "$file") == *"gzip compressed"* ]] || fail "$page.1.gz is not gzip-compressed"
  rendered=$(man -l "$file" 2>"$work/man.err") || fail "man -l $page.1.gz failed"
  [[ ! -s $work/man.err ]] || { cat "$work/man.err" >&2; fail "man -l $page.1.gz warned"; }
  [[ $rendered == *NAME*"$page"* ]] || fail "man -l $page.1.gz rendered no NAME section"
done

version=$(dpkg-deb -f "$deb" Version)
changelog_version=$(zcat "$root/usr/share/doc/certdesk/changelog.Debian.gz" |
  sed -n '1s/^certdesk (\([^)]*\)).*/\1/p')
[[ $changelog_version == "$version" ]] ||
  fail "packaging/changelog's first entry is $changelog_version, the package $version"
upstream=${version%-*}

# 4. The programs from the unpacked root, against the system's libraries.
export QT_QPA_PLATFORM=offscreen CERTDESK_PASSWORD=demo HOME=$work/home
# The CLI must find the reader next to itself, not one named by the tests.
unset CERTDESK_PDFCHECK CERTDESK_DB CERTDESK_TODAY
mkdir -p "$HOME"
out=$("$root/usr/bin/certdesk" --version)
[[ $out == "CertDesk $upstream" ]] || fail "certdesk --version says '$out', the package is $upstream"
out=$("$root/usr/bin/certdesk-cli" --version)
[[ $out == "certdesk-cli $upstream" ]] ||
  fail "certdesk-cli --version says '$out', the package is $upstream"

db=$work/demo.sqlite
cli=("$root/usr/bin/certdesk-cli" --db "$db")
"${cli[@]}" demo >"$work/demo.log" || { cat "$work/demo.log" >&2; fail "certdesk-cli demo failed"; }
certificates=$("${cli[@]}" --as emma.wilson@demo.example --json certificates)
count=$(python3 -c 'import json, sys; print(len(json.load(sys.stdin)))' <<<"$certificates")
((count > 0)) || fail "certdesk-cli certificates read nothing back from the demo"
# Reading a task's signals runs the reader on each pending PDF.
tasks=$("${cli[@]}" --as maria.schmidt@demo.example --json tasks)
read_tasks=$(python3 -c '
import json, sys
tasks = json.loads(sys.argv[1])
assert tasks, "no open task for maria.schmidt"
unread = [t["id"] for t in tasks if t["signals"]["read"] != "none"]
assert not unread, f"the reader did not read the PDFs of tasks {unread}"
print(len(tasks))' "$tasks") || fail "the packaged CLI could not read the tasks' PDFs"
out=$("$root/usr/bin/certdesk-cli" pdf-check "$data/certificate.pdf") ||
  fail "the packaged reader refused certificate.pdf: $out"
[[ $out == *accepted* ]] || fail "pdf-check of certificate.pdf: $out"
echo "unpacked: certdesk $upstream and certdesk-cli $upstream run; the demo read back" \
  "($count certificates of Emma's, the PDFs of $read_tasks tasks of Maria's read by the" \
  "packaged reader); pdf-check: $out"
