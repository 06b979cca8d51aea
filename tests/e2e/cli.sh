# The command line: version, help, usage errors, scaffolding, check on a good site.
source "$(dirname "$0")/lib.sh"

check "--version prints the version" bash -c "'$BOARDPACK' --version | grep -q '^boardpack [0-9]'"
check "--help lists the subcommands" bash -c "'$BOARDPACK' --help | grep -q 'build' && '$BOARDPACK' --help | grep -q 'Examples:'"
"$BOARDPACK" build --audience everyone >/dev/null 2>&1
check "a bad option value is a usage error (exit 2)" test $? -eq 2
"$BOARDPACK" frobnicate >/dev/null 2>&1
check "an unknown subcommand is a usage error (exit 2)" test $? -eq 2
"$BOARDPACK" >/dev/null 2>&1
check "no subcommand is a usage error (exit 2)" test $? -eq 2

"$BOARDPACK" new "$WORK/starter" >/dev/null
check "new writes site.yaml" test -f "$WORK/starter/site.yaml"
check "the new site checks clean" bash -c "cd '$WORK/starter' && '$BOARDPACK' check"
check "the new site builds" bash -c "cd '$WORK/starter' && '$BOARDPACK' build"
check "the new site has a home page" test -f "$WORK/starter/public/index.html"
check "the new site has a pack" bash -c "ls '$WORK'/starter/public/*/*/pack.pdf"
"$BOARDPACK" new "$WORK/starter" >/dev/null 2>&1
check "new refuses a folder that is not empty" test $? -eq 1

site="$(fixture valid-minimal)"
check "check passes on a valid site" bash -c "cd '$site' && '$BOARDPACK' check"
check "check writes nothing" test ! -e "$site/public"
check "build --source --out --jobs works from elsewhere" "$BOARDPACK" build --source "$site" --out "$WORK/elsewhere" --jobs 1
check "build wrote the site" test -f "$WORK/elsewhere/index.html"
check "a rebuild replaces the previous output" "$BOARDPACK" build --source "$site" --out "$WORK/elsewhere" --jobs 2
finish
