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
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startSearch);
  } else {
    startSearch();
  }
})();
