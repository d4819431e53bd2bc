#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing sdiag need.
# Idempotent: packages already present are skipped by apt. Run as root.
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libboost-dev libpoco-dev libxlsxwriter-dev nlohmann-json3-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcairo2-dev libpango1.0-dev libqpdf-dev libgraphviz-dev libstemmer-dev
  libspdlog-dev libfmt-dev libcli11-dev doctest-dev nettle-dev
  libxml2-dev  # the page inside a Microsoft Whiteboard export is HTML: libxml2's HTML parser reads it
  libhowardhinnant-date-dev tzdata  # Europe/London dates (date/tz.h reads the system's tzdata)
  fonts-liberation2
  fonts-symbola fonts-unifont  # emoji in notes, as outlines cairo can put in a PDF (templates/fonts/fonts.conf)
  libpcre2-dev  # redaction patterns of `sdiag compare`, declared as data (templates/redaction): JIT-compiled, UTF-8 aware
  ca-certificates  # the CA store `sdiag miro pull` verifies Miro's certificate against
  libjemalloc-dev  # the sdiag program's allocator: a big run 5-20% faster and 15% smaller than with glibc's (README, Performance)
)
# Readers we did not write, used by the test suite to check what sdiag writes.
test_packages=(
  python3 python3-docx python3-openpyxl poppler-utils qpdf
  libreoffice-writer-nogui libreoffice-calc-nogui pandoc
  openssl  # makes the certificates of the loopback HTTPS server in the miro pull test
  clang libclang-rt-14-dev valgrind  # fuzzing and the sanitizer and valgrind runs (scripts/fuzz.sh)
  chromium chromium-driver python3-selenium  # the review page of `sdiag serve`, driven in headless Chromium
  python3-jsonschema  # checks every diagnostic.json and Document JSON the tests write against share/sdiag/schema
)

if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps.sh: run as root (or with sudo)" >&2
  exit 1
fi

missing=()
for p in "${build_packages[@]}" "${test_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps.sh: all packages present"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
