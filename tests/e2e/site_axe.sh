#!/usr/bin/env bash
# Builds the example site's public and members' editions and runs axe-core (WCAG 2.1 A and AA
# rules) on every page of each in headless Chromium. Needs the Debian package `chromium` and `npm ci` in the repo root (axe-core,
# puppeteer-core).
# Usage: bash site_axe.sh <boardpack binary> <repo root>
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
chromium_bin=${CHROMIUM:-/usr/bin/chromium}
for need in "$root/node_modules/axe-core/axe.min.js" "$root/node_modules/puppeteer-core" "$chromium_bin"; do
    if [ ! -e "$need" ]; then
        echo "FAIL: $need is missing (apt-get install chromium; npm ci in $root)"
        exit 1
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for audience in public members; do
    (cd "$work" && "$bin" build --source "$root" --out "$work/$audience" --audience "$audience" >"$work/build.log" 2>&1) || {
        cat "$work/build.log"
        echo "FAIL: boardpack build failed ($audience)"
        exit 1
    }
done

cat >"$work/axe-check.js" <<'JS'
const path = require("path");
const fs = require("fs");
const [root, site, chromium, profile] = process.argv.slice(2);
const puppeteer = require(path.join(root, "node_modules", "puppeteer-core"));
const axePath = path.join(root, "node_modules", "axe-core", "axe.min.js");

function pages(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "pagefind" ? [] : pages(full);
    return entry.name.endsWith(".html") ? [full] : [];
  }).sort();
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           `--user-data-dir=${profile}`],
  });
  let checks = 0;
  let failures = 0;
  try {
    const page = await browser.newPage();
    for (const file of pages(site)) {
      await page.goto("file://" + file, { waitUntil: "load" });
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() =>
        window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        }));
      checks += result.passes.length + result.violations.length;
      for (const violation of result.violations) {
        failures += 1;
        const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join("; ");
        console.log(`FAIL: ${path.relative(site, file)}: ${violation.id}: ${violation.help} (${where})`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${checks} axe rule checks, ${failures} violations`);
  process.exit(failures ? 1 : 0);
})().catch((error) => {
  console.log("FAIL:", error.message);
  process.exit(1);
});
JS

status=0
for audience in public members; do
    echo "== $audience edition"
    node "$work/axe-check.js" "$root" "$work/$audience" "$chromium_bin" "$work/profile-$audience" || status=1
done
exit $status
