// The site in a real browser: every page of an edition at 320, 390 and 1280 CSS px, with
// checks for page-level sideways scrolling, axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA), chart
// text of at least 12 CSS px and small sparklines; then search from file:// and over HTTP, and
// the 404 page served for a deep address. One browser, a few tabs at a time.
// Usage: node site_browser.js <repo root> <site folder> <edition> <chromium> <profile folder>
"use strict";
const path = require("path");
const fs = require("fs");
const http = require("http");
const [root, site, edition, chromium, profile] = process.argv.slice(2);
const puppeteer = require(path.join(root, "node_modules", "puppeteer-core"));
const axeSource = fs.readFileSync(path.join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

const WIDTHS = [320, 390, 1280];
const TABS = 3;
const SITE_PATH = "/boards/"; // the path of site.yaml's base_url
let passed = 0;
let failed = 0;
function check(ok, message) {
  if (ok) passed++;
  else { failed++; console.log(`FAIL: [${edition}] ${message}`); }
}

function htmlPages(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return htmlPages(full);
    return entry.name.endsWith(".html") && entry.name !== "404.html" ? [full] : [];
  }).sort();
}

// Serves the site under SITE_PATH and answers every missing address with 404.html, as a web
// server configured with an error page does.
function startServer() {
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
                  ".svg": "image/svg+xml", ".pdf": "application/pdf", ".xml": "application/xml",
                  ".ics": "text/calendar", ".png": "image/png", ".csv": "text/csv" };
  const server = http.createServer((request, response) => {
    const address = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = null;
    if (address.startsWith(SITE_PATH)) {
      let relative = address.slice(SITE_PATH.length);
      if (relative === "" || relative.endsWith("/")) relative += "index.html";
      const candidate = path.resolve(site, relative);
      if (candidate.startsWith(path.resolve(site) + path.sep) && fs.existsSync(candidate) &&
          fs.statSync(candidate).isFile()) file = candidate;
    }
    if (!file) {
      response.writeHead(404, { "Content-Type": types[".html"] });
      response.end(fs.readFileSync(path.join(site, "404.html")));
      return;
    }
    response.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function checkLayout(page, name, width) {
  const result = await page.evaluate(() => {
    const scroller = document.scrollingElement;
    const wide = [];
    if (scroller.scrollWidth > scroller.clientWidth) {
      // Name the widest elements so a failure says what sticks out.
      document.querySelectorAll("body *").forEach((element) => {
        const box = element.getBoundingClientRect();
        if (box.right > scroller.clientWidth + 1 && box.width > 0) {
          wide.push(`${element.tagName.toLowerCase()}.${element.className || ""} (${Math.round(box.right)}px)`);
        }
      });
    }
    const charts = [];
    document.querySelectorAll("svg[data-min-text-size]").forEach((svg) => {
      const box = svg.getBoundingClientRect();
      if (!box.width) return; // the other variant, hidden at this width
      const units = svg.viewBox.baseVal.width;
      charts.push({ id: svg.id || svg.getAttribute("aria-labelledby"), px: Number(svg.dataset.minTextSize) * box.width / units });
    });
    const sparklines = [];
    document.querySelectorAll(".sparkline svg").forEach((svg) => {
      const box = svg.getBoundingClientRect();
      sparklines.push({ width: box.width, height: box.height });
    });
    const hiddenCharts = document.querySelectorAll(".chart-drawing").length &&
      ![...document.querySelectorAll(".chart")].every((figure) =>
        [...figure.querySelectorAll(".chart-drawing")].some((drawing) => drawing.getBoundingClientRect().width > 0));
    // Record tables restack on a phone: a row's cells stand one under another, each labelled.
    const unstacked = innerWidth < 480 ? [...document.querySelectorAll(".action-tracker, .decisions-table")]
      .filter((table) => {
        const row = table.tBodies[0] && table.tBodies[0].rows[0];
        const shown = row ? [...row.cells].filter((cell) => cell.getBoundingClientRect().width > 0) : [];
        const tops = shown.map((cell) => Math.round(cell.getBoundingClientRect().top));
        return new Set(tops).size < tops.length;
      })
      .map((table) => table.className) : [];
    return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, wide: wide.slice(-4), charts, sparklines, hiddenCharts, unstacked };
  });
  check(result.unstacked.length === 0, `${name} at ${width}px: ${result.unstacked.join(", ")} does not restack`);
  check(result.scrollWidth <= result.clientWidth,
        `${name} at ${width}px scrolls sideways (${result.scrollWidth} > ${result.clientWidth}): ${result.wide.join(", ")}`);
  for (const chart of result.charts) {
    check(chart.px >= 11.95, `${name} at ${width}px: chart ${chart.id} text is ${chart.px.toFixed(1)}px, under 12px`);
  }
  for (const sparkline of result.sparklines) {
    check(sparkline.width <= 120 && sparkline.height <= 40,
          `${name} at ${width}px: a sparkline is ${Math.round(sparkline.width)}x${Math.round(sparkline.height)}px`);
  }
  check(!result.hiddenCharts, `${name} at ${width}px: a chart shows no drawing`);
}

async function checkAxe(page, name, width) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  check(result.violations.length === 0, `${name} at ${width}px: axe: ` + result.violations.map((violation) =>
    `${violation.id} (${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join("; ")})`).join(", "));
}

async function everyPage(browser, pages) {
  const jobs = [];
  for (const file of pages) for (const width of WIDTHS) jobs.push({ file, width });
  let next = 0;
  async function worker() {
    const page = await browser.newPage();
    while (next < jobs.length) {
      const { file, width } = jobs[next++];
      const name = path.relative(site, file);
      try {
        await page.setViewport({ width, height: 900 });
        await page.goto("file://" + file, { waitUntil: "load" });
        await checkLayout(page, name, width);
        await checkAxe(page, name, width);
      } catch (error) {
        check(false, `${name} at ${width}px: ${error.message}`);
      }
    }
    await page.close();
  }
  await Promise.all(Array.from({ length: TABS }, worker));
}

async function search(page, address, query) {
  const started = Date.now();
  await page.goto(address + "?q=" + encodeURIComponent(query), { waitUntil: "load" });
  await page.waitForFunction(() => {
    const status = document.getElementById("search-status");
    return status && /result/.test(status.textContent);
  }, { timeout: 2000 }).catch(() => {});
  return page.evaluate((startedAt) => ({
    status: document.getElementById("search-status").textContent,
    results: [...document.querySelectorAll(".search-result")].map((item) => ({
      href: item.querySelector("a").getAttribute("href"),
      title: item.querySelector("a").textContent,
      meta: item.querySelector(".search-result__meta").textContent,
      marks: [...item.querySelectorAll("mark")].map((mark) => mark.textContent),
      excerpt: (item.querySelector(".search-result__excerpt") || { textContent: "" }).textContent,
    })),
    text: document.body.innerText,
  }), started).then((result) => ({ ...result, seconds: (Date.now() - started) / 1000 }));
}

async function checkSearch(browser, server) {
  const page = await browser.newPage();
  const port = server.address().port;
  const places = {
    "file://": "file://" + path.join(site, "search", "index.html"),
    "HTTP": `http://127.0.0.1:${port}${SITE_PATH}search/index.html`,
  };
  for (const [how, address] of Object.entries(places)) {
    const found = await search(page, address, "burglaries");
    check(found.seconds < 2 && found.results.length > 0,
          `search over ${how} for "burglaries" gave no results within 2 s (${found.status})`);
    check(found.results.some((result) => /performance-report\.html$/.test(result.href)),
          `search over ${how} for "burglaries" does not find a performance report: ${found.results.map((r) => r.href).join(", ")}`);
    check(found.results.some((result) => result.marks.some((mark) => /^burglar/i.test(mark))),
          `search over ${how}: no excerpt highlights a form of "burglary"`);
    await checkAxe(page, `the search results over ${how}`, 800);
    const first = found.results[0] || { meta: "", excerpt: "" };
    check(/Board|CSP/.test(first.meta) && /meeting of \d{1,2} \w+ \d{4}/.test(first.meta),
          `search over ${how}: a result does not name its board and meeting date: "${first.meta}"`);
    check(first.excerpt.length > 40 && !/[a-z][A-Z][a-z]/.test(first.excerpt),
          `search over ${how}: an excerpt runs words together: "${first.excerpt}"`);
    // A board filter narrows the results to that board.
    const filtered = await page.evaluate(() => {
      const board = document.getElementById("search-board");
      return board.options.length > 1 ? board.options[1].value : "";
    });
    check(filtered !== "", `search over ${how}: the board filter lists no boards`);
    // The word's shard ("ly") holds its stem, which lives in another ("li"): both are loaded.
    const lying = await search(page, address, "lying");
    check(lying.results.some((result) => /chairs-report\.html$/.test(result.href) &&
                                         result.marks.includes("lying")),
          `search over ${how} for "lying" does not find the chair's report with the word marked (${lying.status})`);
    const restricted = await search(page, address, "Tidewater");
    if (edition === "public") {
      check(restricted.results.length === 0 && !/Tidewater/i.test(restricted.text.replace(/for .Tidewater./g, "")),
            `search over ${how} shows restricted text for "Tidewater" in the public edition`);
    } else {
      check(restricted.results.length > 0,
            `search over ${how} in the members' edition does not find the restricted profile`);
    }
  }
  await page.close();
}

async function checkNotFound(browser, server) {
  const page = await browser.newPage();
  const port = server.address().port;
  const deep = `http://127.0.0.1:${port}${SITE_PATH}csp/2017-09-12/no-such-folder/missing-page.html`;
  const response = await page.goto(deep, { waitUntil: "load" });
  check(response.status() === 404, `the deep missing address answered ${response.status()}, not 404`);
  const look = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector(".site-header")).backgroundColor,
    // Links to other addresses on the site; the skip link's "#main-content" stays on the page.
    links: [...document.querySelectorAll("a[href]")].map((link) => link.href)
      .filter((href) => href.startsWith(location.origin) && href.split("#")[0] !== location.href.split("#")[0]),
  }));
  check(look.header === "rgb(11, 12, 12)", `the 404 page at a deep address has no styles (header ${look.header})`);
  let dead = [];
  for (const link of look.links) {
    const status = await new Promise((resolve) => http.get(link.split("#")[0], (res) => { res.resume(); resolve(res.statusCode); }));
    if (status !== 200) dead.push(`${link} (${status})`);
  }
  check(look.links.length >= 5 && dead.length === 0,
        `the 404 page at a deep address has dead links: ${dead.join(", ")} of ${look.links.length}`);
  await page.close();
}

(async () => {
  const server = await startServer();
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    timeout: 120000, // a loaded machine (a sanitized suite beside it) starts Chromium slowly
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           `--user-data-dir=${profile}`],
  });
  const started = Date.now();
  try {
    const pages = htmlPages(site);
    check(pages.length >= 20, `only ${pages.length} pages found in ${site}`);
    await everyPage(browser, pages);
    await checkSearch(browser, server);
    await checkNotFound(browser, server);
    console.log(`${edition}: ${pages.length} pages at ${WIDTHS.join(", ")} px in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`site_browser (${edition}): ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.log("FAIL:", error.stack || error.message);
  process.exit(1);
});
