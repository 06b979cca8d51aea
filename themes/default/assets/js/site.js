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

  // "1 action", "0 actions", "12,345 actions": the singular only for exactly one, as the pages
  // themselves count (site/count_phrase.hpp).
  function grouped(count) {
    return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function countPhrase(count, singular, plural) {
    return grouped(count) + " " + (count === 1 ? singular : plural);
  }

  // "Showing all 12 actions.", "Showing 1 action.", "Showing 3 of 12 actions."
  function shownPhrase(shown, total, singular, plural) {
    if (shown !== total) return "Showing " + grouped(shown) + " of " + countPhrase(total, singular, plural) + ".";
    return "Showing " + (total === 1 ? "" : "all ") + countPhrase(total, singular, plural) + ".";
  }

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
      count.textContent = shownPhrase(shown, rows.length, count.dataset.singular || "action",
                                      count.dataset.plural || "actions");
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    var reset = document.getElementById("filter-reset");
    if (reset) reset.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply();
    });
    form.hidden = false;
  }

  // A table wider than its region gets a line saying it scrolls sideways.
  function markScrollingTables() {
    document.querySelectorAll(".table-scroll").forEach(function (region) {
      var hint = null;
      function update() {
        var scrolls = region.scrollWidth > region.clientWidth + 1;
        if (scrolls && !hint) {
          hint = document.createElement("p");
          hint.className = "table-scroll__hint";
          hint.textContent = "Scroll sideways to see the whole table.";
          region.parentNode.insertBefore(hint, region);
        } else if (!scrolls && hint) {
          hint.remove();
          hint = null;
        }
      }
      update();
      window.addEventListener("resize", update);
    });
  }

  function start() {
    startFilters();
    markScrollingTables();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
