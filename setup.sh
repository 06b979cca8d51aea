#!/usr/bin/env bash
# Sets up a Debian 12 machine for boardpack, builds it, then either renders the example site
# into public/ (./setup.sh) or runs every test (./setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-example}"
case "$mode" in
  example|--test) ;;
  *) echo "usage: ./setup.sh [--test]" >&2; exit 2 ;;
esac

debian_packages=(
  build-essential cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libhpdf-dev libcairo2-dev libqpdf-dev libharfbuzz-dev
  libunibreak-dev libhyphen-dev hyphen-en-gb
  libcli11-dev doctest-dev libyaml-cpp-dev libkainjow-mustache-dev libcpp-httplib-dev
  libstemmer-dev nlohmann-json3-dev
  poppler-utils qpdf
  libfontconfig-dev libpng-dev libjpeg-dev librsvg2-dev libglib2.0-dev
  fonts-noto-core fonts-noto-cjk fonts-noto-extra fonts-symbola
)
test_packages=(chromium default-jre-headless python3 curl python3-icalendar python3-feedparser clang-format clang libclang-rt-14-dev)

install_missing() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing+=(nodejs npm); fi
  if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

install_npm_tools() {
  [ -f package.json ] || return 0
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    echo "Installing npm tools (accessibility, browser and HTML checks)"
    # "npm ci" trips over the lock entries of other platforms' optional packages.
    npm install --no-audit --no-fund --no-save --loglevel=error
    touch node_modules
  fi
}

build() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build --parallel
}

if [ "$mode" = "--test" ]; then
  install_missing "${debian_packages[@]}" "${test_packages[@]}"
else
  install_missing "${debian_packages[@]}"
fi
install_npm_tools
build

# The unit tests of every stage up to layout again, built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in a second build folder that also holds the fuzz harnesses: any
# sanitizer report fails the run. (qpdf's headers do not compile with clang 14 in C++20 mode,
# so the pack, site and command-line stages are left out of this folder.)
sanitized_targets=(test_core test_markdown test_data test_content test_layout test_chart
  fuzz_paper fuzz_yaml fuzz_csv fuzz_markdown fuzz_layout)
sanitizer_tests() {
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DBOARDPACK_FUZZ=ON >/dev/null
  cmake --build build-fuzz --parallel --target "${sanitized_targets[@]}"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-fuzz --output-on-failure --parallel 2 --timeout 600 \
      -R '^(core|markdown|data|content|layout|chart):'
}

if [ "$mode" = "--test" ]; then
  ctest --test-dir build --output-on-failure --parallel 2 --timeout 600
  sanitizer_tests
else
  build/boardpack build --source . --out public
  echo
  echo "Open these:"
  echo "  public/index.html                      the intranet site"
  for pack in public/*/*/pack.pdf; do
    [ -e "$pack" ] && echo "  $pack"
  done
fi
