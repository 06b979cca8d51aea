// The search page. boardpack writes the index as plain script files (search/index/*.js), each
// calling boardpackSearch.receive(...), so search works from file:// as well as over HTTP, and a
// query loads only the shards of the words it contains and of their stems.
(function () {
  "use strict";

  var MAX_RESULTS = 30;
  var EXCERPT_BEFORE = 90;
  var EXCERPT_LENGTH = 260;

  var meta = null;
  var shards = {};   // key -> { forms, stems }
  var texts = {};    // document address -> text
  var waiting = {};  // script address -> [callbacks]
  var form, queryBox, boardBox, yearBox, statusLine, resultList;
  var runNumber = 0;

  function load(address, ready) {
    if (waiting[address]) { waiting[address].push(ready); return; }
    waiting[address] = [ready];
    var script = document.createElement("script");
    function done(ok) {
      var callbacks = waiting[address];
      waiting[address] = null;
      if (!ok) delete waiting[address];
      callbacks.forEach(function (callback) { callback(ok); });
    }
    script.onload = function () { done(true); };
    script.onerror = function () { done(false); };
    script.src = address;
    document.head.appendChild(script);
  }

  function loaded(address) { return waiting[address] === null; }

  function loadAll(addresses, ready) {
    var left = addresses.length;
    var allOk = true;
    if (!left) { ready(true); return; }
    addresses.forEach(function (address) {
      if (loaded(address)) { if (--left === 0) ready(allOk); return; }
      load(address, function (ok) {
        allOk = allOk && ok;
        if (--left === 0) ready(allOk);
      });
    });
  }

  window.boardpackSearch = {
    receive: function (kind, key, payload) {
      if (kind === "meta") meta = payload;
      else if (kind === "terms") shards[key] = payload;
      else if (kind === "text") texts[key] = payload;
    }
  };

  // The same words the index was built from: letters and digits, apostrophes inside words.
  function words(text) {
    var found = text.toLowerCase().replace(/\u2019/g, "'").match(/[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu) || [];
    return found.filter(function (word) { return meta.stop_words.indexOf(word) < 0; });
  }

  // The shard a word's entries live in, as boardpack names it: the first two letters or digits,
  // "x_" when only the first is one, "_" when the first is not.
  function shardKey(word) {
    if (!/^[a-z0-9]/.test(word)) return "_";
    return word.charAt(0) + (/^.[a-z0-9]/.test(word) ? word.charAt(1) : "_");
  }

  function shardFiles(words) {
    var needed = [];
    words.forEach(function (word) {
      var key = shardKey(word);
      if (meta.shards.indexOf(key) >= 0 && needed.indexOf(key) < 0) needed.push(key);
    });
    return needed.map(function (key) { return "index/terms-" + key + ".js"; });
  }

  // A word's stems in the index: the stem boardpack recorded for this very word, or else the
  // longest stem in the shard that the word starts with (stems drop endings, so "burglaries"
  // starts with "burglari", the stem of "burglary").
  function stemsFor(word) {
    var shard = shards[shardKey(word)];
    if (!shard) return [];
    if (Object.prototype.hasOwnProperty.call(shard.forms, word)) return [shard.forms[word]];
    if (Object.prototype.hasOwnProperty.call(shard.stems, word)) return [word];
    var variants = [word];
    if (/y$/.test(word)) variants.push(word.slice(0, -1) + "i");
    var best = null;
    variants.forEach(function (variant) {
      for (var length = variant.length; length >= Math.max(3, variant.length - 4); length--) {
        var prefix = variant.slice(0, length);
        if (Object.prototype.hasOwnProperty.call(shard.stems, prefix)) {
          if (!best || prefix.length > best.length) best = prefix;
          break;
        }
      }
    });
    return best ? [best] : [];
  }

  function passesFilters(doc) {
    return (!boardBox.value || doc.board === boardBox.value) &&
           (!yearBox.value || doc.year === yearBox.value);
  }

  // Every query word must match; the score adds each word's weight scaled by its rarity.
  function rank(queryWords) {
    var total = meta.documents.length;
    var scores = null;
    var places = {};
    for (var i = 0; i < queryWords.length; i++) {
      var stems = stemsFor(queryWords[i]);
      var wordScores = {};
      stems.forEach(function (stem) {
        var shard = shards[shardKey(stem)];
        var postings = (shard && shard.stems[stem]) || [];
        var rarity = Math.log(1 + total / postings.length);
        postings.forEach(function (posting) {
          var doc = posting[0];
          wordScores[doc] = (wordScores[doc] || 0) + posting[1] * rarity;
          var list = places[doc] || (places[doc] = []);
          for (var p = 2; p + 1 < posting.length; p += 2) list.push([posting[p], posting[p + 1]]);
        });
      });
      if (scores === null) {
        scores = wordScores;
      } else {
        var kept = {};
        Object.keys(scores).forEach(function (doc) {
          if (wordScores[doc] !== undefined) kept[doc] = scores[doc] + wordScores[doc];
        });
        scores = kept;
      }
    }
    var results = Object.keys(scores || {}).map(Number).filter(function (doc) {
      return passesFilters(meta.documents[doc]);
    }).map(function (doc) {
      return { doc: doc, score: scores[doc], places: (places[doc] || []).sort(function (a, b) { return a[0] - b[0]; }) };
    });
    results.sort(function (a, b) {
      if (b.score !== a.score) return b.score - a.score;
      var da = meta.documents[a.doc].iso, db = meta.documents[b.doc].iso;
      return da < db ? 1 : da > db ? -1 : a.doc - b.doc;
    });
    return results;
  }

  // The stretch of text with the most matches, cut at spaces, the matches marked.
  function excerpt(text, places) {
    var fragment = document.createDocumentFragment();
    if (!text) return fragment;
    var start = 0;
    if (places.length) {
      var bestCount = -1;
      places.forEach(function (place) {
        var from = Math.max(0, place[0] - EXCERPT_BEFORE);
        var count = places.filter(function (other) { return other[0] >= from && other[0] < from + EXCERPT_LENGTH; }).length;
        if (count > bestCount) { bestCount = count; start = from; }
      });
    }
    var end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < start + 30) start = space + 1;
    }
    if (end < text.length) {
      var back = text.lastIndexOf(" ", end);
      if (back > start + EXCERPT_LENGTH / 2) end = back;
    }
    function add(piece) { fragment.appendChild(document.createTextNode(piece.replace(/\s*\n\s*/g, " \u2014 "))); }
    if (start > 0) add("\u2026 ");
    var at = start;
    places.forEach(function (place) {
      if (place[0] < at || place[0] + place[1] > end) return;
      add(text.slice(at, place[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(place[0], place[0] + place[1]);
      fragment.appendChild(mark);
      at = place[0] + place[1];
    });
    add(text.slice(at, end));
    if (end < text.length) add(" \u2026");
    return fragment;
  }

  function boardName(id) {
    for (var i = 0; i < meta.boards.length; i++) if (meta.boards[i].id === id) return meta.boards[i].name;
    return id;
  }

  function kindLabel(kind) {
    return kind === "meeting" ? "Meeting and agenda" : kind === "pdf" ? "Paper (PDF)" : "Paper";
  }

  function showResults(query, results) {
    resultList.textContent = "";
    var shown = results.slice(0, MAX_RESULTS);
    shown.forEach(function (result) {
      var doc = meta.documents[result.doc];
      var item = document.createElement("li");
      item.className = "search-result";
      var heading = document.createElement("h2");
      heading.className = "search-result__title";
      var link = document.createElement("a");
      link.href = "../" + doc.url;
      link.textContent = doc.title;
      heading.appendChild(link);
      item.appendChild(heading);
      var details = document.createElement("p");
      details.className = "search-result__meta";
      var parts = [kindLabel(doc.kind), boardName(doc.board), "meeting of " + doc.date];
      // "Item 7: Performance report" says only "Item 7" when the paper has the item's title.
      if (doc.item) parts.push(doc.item.slice(-(doc.title.length + 2)) === ": " + doc.title ? doc.item.split(":")[0] : doc.item);
      details.textContent = parts.join(" \u00b7 ");
      item.appendChild(details);
      var text = excerpt(texts[doc.url], result.places);
      if (text.childNodes.length) {
        var summary = document.createElement("p");
        summary.className = "search-result__excerpt";
        summary.appendChild(text);
        item.appendChild(summary);
      }
      resultList.appendChild(item);
    });
    var count = results.length;
    var filters = [];
    if (boardBox.value) filters.push(boardName(boardBox.value));
    if (yearBox.value) filters.push(yearBox.value);
    statusLine.textContent = (count === 0 ? "No results" : count === 1 ? "1 result" : count + " results") +
      " for \u2018" + query + "\u2019" + (filters.length ? " in " + filters.join(", ") : "") +
      (count > shown.length ? ", the best " + shown.length + " shown." : ".");
  }

  function failed() {
    statusLine.textContent = "The search index could not be loaded. Browse every meeting from the archive instead.";
  }

  function run() {
    var query = queryBox.value.trim();
    var run = ++runNumber;
    resultList.textContent = "";
    if (!meta) { failed(); return; }
    var queryWords = words(query);
    if (!queryWords.length) {
      statusLine.textContent = query ? "Those words are too common to search for. Try a more particular word." : "Type a word or two and press Search.";
      return;
    }
    statusLine.textContent = "Searching for \u2018" + query + "\u2019\u2026";
    // The words' shards first, then any shard their stems live in apart ("lying" → "lie").
    loadAll(shardFiles(queryWords), function (ok) {
      if (run !== runNumber) return;
      if (!ok) { failed(); return; }
      var stems = [];
      queryWords.forEach(function (word) { stems = stems.concat(stemsFor(word)); });
      loadAll(shardFiles(stems), function (ok) {
        if (run !== runNumber) return;
        if (!ok) { failed(); return; }
        show(query, queryWords, run);
      });
    });
  }

  function show(query, queryWords, run) {
    var results = rank(queryWords);
    // A meeting's documents share a text file, named after the meeting's folder.
    var textFiles = [];
    results.slice(0, MAX_RESULTS).forEach(function (result) {
      var url = meta.documents[result.doc].url;
      var cut = url.lastIndexOf("/");
      var file = "index/text/" + (cut < 0 ? url : url.slice(0, cut)) + ".js";
      if (meta.documents[result.doc].text && textFiles.indexOf(file) < 0) textFiles.push(file);
    });
    loadAll(textFiles, function () {
      if (run !== runNumber) return;
      showResults(query, results);
    });
  }

  function remember() {
    try {
      var params = new URLSearchParams();
      if (queryBox.value.trim()) params.set("q", queryBox.value.trim());
      if (boardBox.value) params.set("board", boardBox.value);
      if (yearBox.value) params.set("year", yearBox.value);
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    } catch (error) { /* some browsers refuse history changes on file:// pages */ }
  }

  function start() {
    form = document.getElementById("search-form");
    queryBox = document.getElementById("search-query");
    boardBox = document.getElementById("search-board");
    yearBox = document.getElementById("search-year");
    statusLine = document.getElementById("search-status");
    resultList = document.getElementById("search-results");
    if (!form || !queryBox || !statusLine || !resultList) return;
    var params = new URLSearchParams(window.location.search);
    queryBox.value = params.get("q") || "";
    if (params.get("board")) boardBox.value = params.get("board");
    if (params.get("year")) yearBox.value = params.get("year");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      remember();
      run();
    });
    [boardBox, yearBox].forEach(function (box) {
      box.addEventListener("change", function () { remember(); if (queryBox.value.trim()) run(); });
    });
    if (!meta) { failed(); return; }
    if (queryBox.value.trim()) run();
  }

  // meta.js is the next script on the page; start once it has run.
  window.addEventListener("DOMContentLoaded", start);
})();
