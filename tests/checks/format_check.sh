# Every C++ source under src/, tests/ and bench/ is formatted by the repository's
# .clang-format. Usage: bash format_check.sh REPO_ROOT
set -uo pipefail
ROOT="$1"
cd "$ROOT" || exit 1
mapfile -d '' files < <(find src tests bench \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
# One run over every file; each badly formatted line is reported as FILE:LINE:COL: error.
clang-format --dry-run -Werror "${files[@]}" 2>"$report"
status=$?
mapfile -t bad < <(grep -oE '^[^:]+\.(cpp|hpp):[0-9]+:[0-9]+: error' "$report" | cut -d: -f1 | sort -u)
for file in "${bad[@]}"; do
  echo "FAIL: $file is not formatted; run: clang-format -i $file" >&2
done
if [ "$status" -ne 0 ] && [ "${#bad[@]}" -eq 0 ]; then
  cat "$report" >&2 # clang-format itself failed
  bad=("clang-format")
fi
echo "format_check: $((${#files[@]} - ${#bad[@]})) passed, ${#bad[@]} failed"
[ "${#files[@]}" -gt 0 ] && [ "${#bad[@]}" -eq 0 ]
