#!/usr/bin/env bash
# Seeds each harness from the fixtures and the example site, then runs it.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_HARNESS | runs=N] [HARNESS...]
# SECONDS explores for that long (a new path each time); runs=N tries N inputs mutated from a
# fixed random seed, as many on a loaded machine as on an idle one (the regression check).
# BUILD_DIR is configured with -DCMAKE_CXX_COMPILER=clang++ -DBOARDPACK_FUZZ=ON. Crashes are
# written to BUILD_DIR/fuzz-artifacts/; each one belongs in tests/fixtures as a regression case.
set -euo pipefail
build="$(realpath "$1")"
budget="${2:-600}"
shift $(( $# >= 2 ? 2 : $# ))
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(paper yaml csv layout markdown)
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"

seed() { # harness, selector byte (or ""), files...
  local harness="$1" selector="$2"; shift 2
  mkdir -p "$corpus/$harness"
  for file in "$@"; do
    local name
    # Named by the path inside the tree, so every checkout seeds the same corpus.
    name="$(echo "${file#"$root"/}" | sha1sum | cut -c1-16)"
    if [ -n "$selector" ]; then
      { printf "\\x$selector"; cat "$file"; } >"$corpus/$harness/$name"
    else
      cp "$file" "$corpus/$harness/$name"
    fi
  done
}

mapfile -t papers < <(find "$root/tests/fixtures" "$root/content" -name '*.md' -size -64k)
seed paper "" "${papers[@]}"
seed markdown "" "${papers[@]}"
seed layout "" "${papers[@]}"
seed yaml 00 $(find "$root/tests/fixtures" -name site.yaml) "$root/site.yaml"
seed yaml 01 $(find "$root/tests/fixtures" "$root/content" -name board.yaml)
seed yaml 02 $(find "$root/tests/fixtures" "$root/content" -name meeting.yaml)
seed yaml 03 $(find "$root/tests/fixtures" "$root/content" -path '*indicators*' -name '*.yaml')
seed yaml 04 $(find "$root/tests/fixtures" "$root/content" -name forward-plan.yaml)
seed csv 00 $(find "$root/tests/fixtures" "$root/content" -name '*.csv' -size -64k)
seed csv 01 $(find "$root/tests/fixtures" "$root/content" -path '*indicators*' -name '*.csv' -size -64k)
seed csv 02 $(find "$root/tests/fixtures" "$root/content" -name actions.csv)

logs="$build/fuzz-logs"
mkdir -p "$logs"
status=0
case "$budget" in
  runs=*) limit=(-runs="${budget#runs=}" -seed=1); described="${budget#runs=} inputs from seed 1" ;;
  *) limit=(-max_total_time="$budget"); described="$budget s" ;;
esac
for harness in "${harnesses[@]}"; do
  echo "== fuzz_$harness: $described (log: $logs/$harness.log)"
  "$build/fuzz_$harness" "$corpus/$harness" "${limit[@]}" -timeout=20 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts/$harness-" \
    -print_final_stats=1 >"$logs/$harness.log" 2>&1 || status=1
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|^==[0-9]+==ERROR|^SUMMARY|Test unit written" \
    "$logs/$harness.log" | tail -5
done
exit $status
