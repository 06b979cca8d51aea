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
  libstemmer-dev libxxhash-dev nlohmann-json3-dev libssl-dev libjemalloc-dev libdeflate-dev
  poppler-utils qpdf
  libfontconfig-dev libpng-dev libjpeg-dev librsvg2-dev libglib2.0-dev
  fonts-noto-core fonts-noto-cjk fonts-noto-extra fonts-symbola
)
test_packages=(chromium time default-jre-headless python3 curl python3-icalendar python3-feedparser clang-format clang libclang-rt-14-dev)

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

# Every unit and whole-site test again, on a GCC build of everything with AddressSanitizer
# (leaks included) and UndefinedBehaviorSanitizer in a second build folder, build-asan. -O1
# keeps the build and the run quick enough for CI; -g1 keeps file:line in reports. The tests
# reach the sanitized binary from shell scripts that hide its stderr or expect it to fail, so
# reports go to files (log_path) and any file there fails the run. Not run here:
#   checks:   read the source tree; the sanitized binary plays no part.
#   e2e: site_browser   Chromium and Node drive the pages; the sanitized binary only builds
#                       the fixture sites, which the other e2e tests already build under it.
#   e2e: reference_images  pixel comparisons of pages the normal build already renders;
#                       the example and stress packs behind them are built under the
#                       sanitizers by determinism, install and stress_* anyway.
sanitized_tests_excluded='^(checks: |e2e: (site_browser|reference_images)$)'
sanitizer_tests() {
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DBOARDPACK_SANITIZE=ON >/dev/null
  cmake --build build-asan --parallel
  local reports="$PWD/build-asan/sanitizer-reports"
  rm -rf "$reports" && mkdir -p "$reports"
  local status=0
  ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:log_path=$reports/asan" \
  LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan" \
    ctest --test-dir build-asan --output-on-failure --parallel 2 --timeout 900 \
      -E "$sanitized_tests_excluded" || status=1
  if compgen -G "$reports/*" >/dev/null; then
    echo "Sanitizer reports:" >&2
    cat "$reports"/* >&2
    status=1
  fi
  return $status
}

# The libFuzzer harnesses need clang (whose libFuzzer GCC lacks); they are built in build-fuzz
# and each runs over its seed corpus, then over 3,000 inputs mutated from a fixed random seed
# (a few seconds each), as a regression check. Exploring for new crashes is the long run
# README.md describes.
fuzz_targets=(fuzz_paper fuzz_yaml fuzz_csv fuzz_markdown fuzz_layout)
fuzz_regression() {
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DBOARDPACK_FUZZ=ON >/dev/null
  cmake --build build-fuzz --parallel --target "${fuzz_targets[@]}"
  tests/fuzz/run.sh build-fuzz runs=3000
}

if [ "$mode" = "--test" ]; then
  ctest --test-dir build --output-on-failure --parallel 2 --timeout 600
  sanitizer_tests
  fuzz_regression
else
  build/boardpack build --source . --out public
  echo
  echo "Open these:"
  echo "  public/index.html                      the intranet site"
  for pack in public/*/*/pack.pdf; do
    [ -e "$pack" ] && echo "  $pack"
  done
fi
