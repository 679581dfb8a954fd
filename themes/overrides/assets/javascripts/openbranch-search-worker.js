/*
 * OpenBranch search worker: Material's search box, answered from Pagefind.
 *
 * Material's bundle starts `new Worker(config.search)` and talks to it with
 * four messages: SETUP (0, the search_index.json it fetched), READY (1),
 * QUERY (2, the text in the box) and RESULT (3, {items: SearchItem[][]}),
 * one SearchItem[] per page: the page itself (a location without "#")
 * followed by its sections.  main.html points config.search here, so
 * Material's dialog, result list, highlighting and keyboard handling stay as
 * they are; only the data comes from the Pagefind index built next to the
 * site (generator/search.py), fetched in small chunks on the first query
 * instead of one search_index.json holding every page.
 *
 * Every matching page is in the answer, so Material counts them all ("60
 * 个符合条件的结果"); only the first EAGER come with their excerpts, the
 * others as placeholders that main.html fills in as the reader scrolls
 * (openbranch-search-core.js: answerItems).  Each result's title carries
 * its type and date (the record header's data-pagefind-meta).
 *
 * A large site's index comes in parts (generator/search.py, the site's
 * limits.search_index_pages): the first is <site>/pagefind/ itself, the
 * others indexes of their own (without Pagefind's script and WebAssembly,
 * which only the first carries) in pagefind/part-2/, ..., listed in
 * pagefind/openbranch-parts.json.  That list is fetched with Pagefind's
 * script, and every part is merged into the first (mergeIndex, with the
 * first's options) before the first query is searched, so a query is
 * answered from every page whatever part it is in.  Pagefind loads its
 * WebAssembly for the first part only (a merged index runs on the same
 * module, mergeIndex never fetches one), so the parts cost their metadata
 * and the chunks a query needs, no second WebAssembly.  A site without the
 * list (built before parts) or with one that cannot be read is searched in
 * its first part alone; a part that fails to load would fail every search
 * (Pagefind searches every merged index, a failed one included), so
 * Pagefind starts again without it.
 *
 * The worker sits at <site>/assets/javascripts/, the index at <site>/pagefind/.
 */
"use strict";

/* How a query is searched and a result shaped (shared with the committee portal). */
importScripts("openbranch-search-core.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

var INDEX_URL = new URL("../../pagefind/", self.location.href).href;
var PAGEFIND_URL = INDEX_URL + "pagefind.js";
/* Result URLs as "/meetings/…": made relative to the site below.  The same for every part. */
var OPTIONS = { baseUrl: "/", excerptLength: 44 };

var pagefind = null;   /* Promise of the initialised Pagefind module, every part merged */
var latest = 0;        /* only the answer to the newest query is posted */

/* Pagefind on the first part with ``parts`` merged.  Waiting for the first
   part (filters: no request, the branch sites have no filters) comes
   first: mergeIndex waits for ever on a first part that failed to load. */
function start(module, parts) {
  return module.options(OPTIONS)
    .then(function () { return module.init(); })
    .then(function () { return module.filters(); })
    .then(function () {
      return Promise.all(parts.map(function (part) {
        return module.mergeIndex(part, OPTIONS).then(function () { return null; }, function () { return part; });
      }));
    }).then(function (failed) {
      failed = failed.filter(Boolean);
      if (!failed.length) return module;
      console.error("OpenBranch search: searching without the parts that did not load:", failed.join(" "));
      return Promise.resolve(module.destroy()).then(function () {
        return start(module, parts.filter(function (part) { return failed.indexOf(part) < 0; }));
      });
    });
}

function load() {
  if (!pagefind) {
    pagefind = Promise.all([import(PAGEFIND_URL), indexParts(INDEX_URL, fetch, String(Date.now()))]).then(function (loaded) {
      return start(loaded[0], loaded[1]);
    });
    pagefind.catch(function () { pagefind = null; });
  }
  return pagefind;
}

/* Material resolves locations against the site base: drop the leading "/". */
function siteRelative(url) {
  return String(url).replace(/^\/+/, "");
}

/* Every matching page, best first; the first EAGER with their excerpts. */
function answer(query, id) {
  var parts = query.split(/\s+/).filter(Boolean);
  if (!parts.length) return Promise.resolve({ items: [] });
  return load().then(function (module) {
    return searchAll(module, parts, {});
  }).then(function (found) {
    if (id !== latest) return null;
    var terms = termsOf(query);
    return answerItems(found, terms, function (hit, data) { return group(hit.score, data, terms, siteRelative); });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    /* Material's own index is empty (every page is excluded from it). */
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    answer(String(message.data || ""), id).then(function (data) {
      if (data && id === latest) self.postMessage({ type: RESULT, data: data });
    }, function (error) {
      /* No index (e.g. not built yet): say "no results", never hang. */
      console.error("OpenBranch search:", error);
      if (id === latest) self.postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
