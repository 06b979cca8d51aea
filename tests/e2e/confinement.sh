# Files the content names must lie inside the site folder: a theme template or asset linked to
# a file elsewhere fails the build with a located error, and no message in any broken fixture quotes
# the content of a file outside the site.
source "$(dirname "$0")/lib.sh"

site="$(fixture symlink-theme)"
(cd "$site" && timeout 60 "$BOARDPACK" build --out out) >/dev/null 2>"$WORK/theme.txt"
status=$?
check "a template linked outside the site fails the build (exit $status)" test "$status" -eq 1
check "the error names the template" grep -q "^themes/default/templates/home.mustache:1:1: error: the template is a link to a file outside the site folder" "$WORK/theme.txt"
check "nothing is written" test ! -e "$site/out"
check "the linked file is not quoted" bash -c "! grep -q 'root:' '$WORK/theme.txt'"

site="$(fixture valid-minimal)"
mkdir -p "$site/themes/default/assets"
ln -s /etc/passwd "$site/themes/default/assets/extra.css"
(cd "$site" && timeout 60 "$BOARDPACK" build --out out) >/dev/null 2>"$WORK/asset.txt"
status=$?
check "a theme asset linked outside the site fails the build (exit $status)" test "$status" -eq 1
check "the error names the asset" grep -q "^themes/default/assets/extra.css: error: the theme asset is a link to a file outside the site folder" "$WORK/asset.txt"
check "the asset is not published" test ! -e "$site/out"

for name in symlink-csv symlink-logo symlink-appendix logo-outside-site image-outside-site; do
  site="$(fixture "$name")"
  (cd "$site" && timeout 60 "$BOARDPACK" build --out out) >/dev/null 2>"$WORK/$name.txt"
  check "$name: the build fails" test -s "$WORK/$name.txt"
  check "$name: no message quotes a file outside the site" \
    bash -c "! grep -q 'root:' '$WORK/$name.txt'"
done
finish
