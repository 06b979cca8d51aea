# Installs boardpack into a temporary prefix and builds the example site from another folder
# with the installed binary; then moves the prefix and builds again, and points
# BOARDPACK_DATA_DIR elsewhere to show that every look-up honours it.
source "$(dirname "$0")/lib.sh"

build_dir="$(dirname "$BOARDPACK")"
prefix="$WORK/prefix"
check "cmake --install succeeds" cmake --install "$build_dir" --prefix "$prefix"
check "the binary is installed" test -x "$prefix/bin/boardpack"
check "the default theme is installed" test -f "$prefix/share/boardpack/themes/default/templates/layout.mustache"
check "the bundled fonts are installed" test -f "$prefix/share/boardpack/assets/fonts/NotoSans-Regular.ttf"
check "the font licence is installed" test -f "$prefix/share/boardpack/assets/fonts/OFL.txt"

# The example site, copied away from the source tree.
mkdir -p "$WORK/site" "$WORK/elsewhere"
cp -r "$ROOT/content" "$ROOT/site.yaml" "$ROOT/assets" "$WORK/site/"

# Builds the copied example with an installed binary from an unrelated folder, then checks
# the output has content: the home page, a pack with the example's words, the chart font.
build_example() { # build_example label binary out [env...]
  local label="$1" binary="$2" out="$3"; shift 3
  (cd "$WORK/elsewhere" && env -u BOARDPACK_DATA_DIR "$@" "$binary" build --source ../site --out "$out" --jobs 2) \
    >"$WORK/$label.log" 2>&1
  local status=$?
  check "$label: the build succeeds" test "$status" -eq 0
  [ "$status" -eq 0 ] || cat "$WORK/$label.log" >&2
  check "$label: the home page names the partnership" grep -q "Harbourside" "$out/index.html"
  check "$label: the site has its stylesheet" bash -c "ls '$out'/assets/css/*.css"
  local pack
  pack="$(ls "$out"/*/*/pack.pdf 2>/dev/null | head -1)"
  check "$label: a pack was written" test -n "$pack"
  check "$label: the pack has the agenda" bash -c "pdftotext '$pack' - | grep -q 'Agenda'"
  check "$label: the pack embeds the bundled font" bash -c "pdffonts '$pack' | grep -q 'NotoSans'"
}

build_example "installed" "$prefix/bin/boardpack" "$WORK/out-installed"

mv "$prefix" "$WORK/moved"
build_example "moved prefix" "$WORK/moved/bin/boardpack" "$WORK/out-moved"
check "a moved install writes the same home page" cmp "$WORK/out-installed/index.html" "$WORK/out-moved/index.html"

# BOARDPACK_DATA_DIR wins over the installed data: an empty folder has no theme to use.
mkdir -p "$WORK/empty-data"
(cd "$WORK/elsewhere" && BOARDPACK_DATA_DIR="$WORK/empty-data" "$WORK/moved/bin/boardpack" build --source ../site --out "$WORK/out-empty") >"$WORK/empty.log" 2>&1
check "BOARDPACK_DATA_DIR without a theme fails the build" test $? -ne 0
check "the failure names the data folder" grep -q "empty-data" "$WORK/empty.log"
check "the failed build writes no site" test ! -e "$WORK/out-empty/index.html"
finish
