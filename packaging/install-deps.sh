#!/usr/bin/env bash
# Installs the Debian 12 packages CertDesk needs to build, test and run.
# Idempotent: asks dpkg which packages are missing and touches apt only when
# something is. Quiet when everything is present.
set -euo pipefail

# The one list. Keep it sorted by purpose; TOOLCHAIN.md explains each group.
CERTDESK_DEB_PACKAGES=(
  # Qt 6.4 and its tools
  qt6-base-dev qt6-pdf-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev
  libqt6sql6-sqlite libqt6sql6-psql qt6-translations-l10n
  # compilers and build tools
  build-essential cmake ninja-build pkg-config
  clang libclang-rt-14-dev clang-format clang-tidy
  # libraries
  libcurl4-openssl-dev libsodium-dev openssl
  # the demo's certificates: a QR verification code (libqrencode) and a
  # digital signature (libssl-dev: libcrypto's CMS), models/pdf/PdfSigner
  libqrencode-dev libssl-dev
  # libqpdf repairs PDFs PDFium cannot open (models/pdfread, the reader only)
  libqpdf-dev
  # the reader's signals (models/pdfread, the reader only): zxing-cpp decodes
  # the QR codes of page 1, poppler-qt6 checks digital signatures (it brings
  # libnss3-dev, which the reader starts NSS with)
  libzxing-dev libpoppler-qt6-dev
  # SQLite's own header: tst_statements counts statements through its trace hook
  libsqlite3-dev
  # test servers and PDF tools; libopenjp2-tools gives opj_compress, which
  # tests/support/make_odd_pdfs.py uses for its JPEG 2000 scan
  postgresql-15 python3-aiosmtpd qpdf poppler-utils libopenjp2-tools
  # certutil: tests/support/make_signed_pdf.py's NSS database that trusts its
  # test signer (tst_pdfsignals checks a Valid signature with it)
  libnss3-tools
  # headless GUI, screenshots, accessibility
  xvfb xauth xdotool imagemagick dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0
  # a window manager for the AT-SPI tests (tests/a11y): it gives the keyboard
  # focus back to a window when the dialog above it closes, as a desktop does;
  # xprop (x11-utils) tells when it runs
  openbox x11-utils
  fonts-dejavu-core
  # desktop notifications: tst_desktopnotify's notification server on a
  # private session bus (tests/support/notify_server.py)
  python3-dbus python3-gi
  # and the tray's message instead: an XEmbed tray on Xvfb (tst_desktoptray)
  trayer
  # packaging checks (tests/packaging.cmake): the desktop entry and metainfo
  # validators; groff and man(1) lint and render the manual pages; cpack -G DEB
  # calls dpkg-shlibdeps (dpkg-dev), then lintian checks the package and
  # file(1) that its programs are stripped
  appstream desktop-file-utils groff-base man-db dpkg-dev lintian file
)

# One dpkg-query call for the whole list; unknown packages print nothing.
declare -A installed=()
while read -r name status; do
  if [[ $status == "install ok installed" ]]; then installed[$name]=1; fi
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${CERTDESK_DEB_PACKAGES[@]}" 2>/dev/null || true)

missing=()
for pkg in "${CERTDESK_DEB_PACKAGES[@]}"; do
  [[ -n ${installed[$pkg]:-} ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if ((EUID != 0)); then
  echo "install-deps: these packages are missing: ${missing[*]}" >&2
  echo "install-deps: run as root: sudo $0" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
