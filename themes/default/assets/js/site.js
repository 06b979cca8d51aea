// Small enhancements only: every page works without this file.
(function () {
  "use strict";

  // Print the figures behind every chart, not just the ones a reader opened.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.chart-details").forEach(function (details) {
      details.dataset.wasOpen = details.open ? "1" : "";
      details.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details.chart-details").forEach(function (details) {
      details.open = details.dataset.wasOpen === "1";
    });
  });

  // The action tracker and decisions page: the table lists every row; the filters only hide rows.
  function startFilters() {
    var form = document.getElementById("action-filters");
    var table = document.getElementById("action-table");
    var count = document.getElementById("action-count");
    if (!form || !table || !count) return;
    var selects = form.querySelectorAll("select[data-filter]");
    var rows = table.tBodies[0].rows;
    function apply() {
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var match = true;
        selects.forEach(function (select) {
          if (select.value && row.getAttribute("data-" + select.dataset.filter) !== select.value) match = false;
        });
        row.hidden = !match;
        if (match) shown++;
      }
      var noun = count.getAttribute("data-noun") || "actions";
      count.textContent = shown === rows.length
        ? "Showing all " + rows.length + " " + noun + "."
        : "Showing " + shown + " of " + rows.length + " " + noun + ".";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    var reset = document.getElementById("filter-reset");
    if (reset) reset.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply();
    });
    form.hidden = false;
  }

  // The search page: start Pagefind's interface and run the query from the header box.
  function startSearch() {
    var container = document.getElementById("search");
    if (!container) return;
    if (typeof window.PagefindUI !== "function") {
      var offline = document.querySelector(".search__offline");
      if (offline) offline.hidden = false;
      return;
    }
    var base = new URL("../", window.location.href).pathname;
    var ui = new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false, baseUrl: base });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
  function start() {
    startFilters();
    startSearch();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
