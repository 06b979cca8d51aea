// The filter script of the action tracker and decisions page in a real browser: after each
// filter the count line says how many rows are shown, in the singular for exactly one row
// ("Showing 1 of 3 actions.", "Showing 1 action.") and never "1 actions".
// Usage: node site_filters.js <repo root> <chromium> <profile folder> <page.html>…
"use strict";
const path = require("path");
const [root, chromium, profile, ...pages] = process.argv.slice(2);
const puppeteer = require(path.join(root, "node_modules", "puppeteer-core"));

let passed = 0;
let failed = 0;
function check(ok, message) {
  if (ok) passed++;
  else { failed++; console.log(`FAIL: ${message}`); }
}

// The wording the page should show, written out independently of the script under test.
function expected(shown, total, singular, plural) {
  const noun = (count) => `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
  if (shown !== total) return `Showing ${shown.toLocaleString("en-GB")} of ${noun(total)}.`;
  return total === 1 ? `Showing ${noun(total)}.` : `Showing all ${noun(total)}.`;
}

async function checkPage(browser, file) {
  const name = path.basename(path.dirname(file)) + "/" + path.basename(file);
  const page = await browser.newPage();
  await page.goto("file://" + file, { waitUntil: "load" });
  const info = await page.evaluate(() => {
    const count = document.getElementById("action-count");
    return {
      visible: !document.getElementById("action-filters").hidden,
      singular: count.dataset.singular,
      plural: count.dataset.plural,
      server: count.textContent,
      total: document.getElementById("action-table").tBodies[0].rows.length,
      filters: [...document.querySelectorAll("select[data-filter]")].map((select) => ({
        id: select.id,
        values: [...select.options].map((option) => option.value).filter((value) => value),
      })),
    };
  });
  check(info.visible, `${name}: the filters are shown once the script runs`);
  check(info.singular && info.plural, `${name}: the count names its singular and plural nouns`);
  const serverWant = `${info.total.toLocaleString("en-GB")} ${info.total === 1 ? info.singular : info.plural}.`;
  check(info.server === serverWant, `${name}: the page counts "${serverWant}", got "${info.server}"`);
  let choices = 0;
  for (const filter of info.filters) {
    for (const value of filter.values) {
      const result = await page.evaluate((id, value) => {
        const select = document.getElementById(id);
        select.value = value;
        select.dispatchEvent(new Event("change"));
        const rows = [...document.getElementById("action-table").tBodies[0].rows];
        const shown = rows.filter((row) => !row.hidden).length;
        const text = document.getElementById("action-count").textContent;
        select.value = "";
        select.dispatchEvent(new Event("change"));
        return { shown, text };
      }, filter.id, value);
      const want = expected(result.shown, info.total, info.singular, info.plural);
      check(result.text === want, `${name}: ${filter.id}=${value} shows "${result.text}", want "${want}"`);
      check(!/\b1 (actions|decisions)\b/.test(result.text), `${name}: "${result.text}" says "1" with a plural`);
      choices++;
    }
  }
  check(choices > 0, `${name}: there are filter choices to try`);
  const reset = await page.evaluate(() => {
    document.getElementById("filter-reset").click();
    return document.getElementById("action-count").textContent;
  });
  const want = expected(info.total, info.total, info.singular, info.plural);
  check(reset === want, `${name}: "Show all" says "${reset}", want "${want}"`);
  await page.close();
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    timeout: 120000, // a loaded machine (a sanitized suite beside it) starts Chromium slowly
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           `--user-data-dir=${profile}`],
  });
  try {
    for (const file of pages) await checkPage(browser, file);
  } catch (error) {
    failed++;
    console.log(`FAIL: ${error.message}`);
  } finally {
    await browser.close();
  }
  console.log(`site_filters.js (in the browser): ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
