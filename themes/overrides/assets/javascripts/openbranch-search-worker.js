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
 * ones Material shows at once.  The others are placeholders, each naming
 * its place in the answer (data-ob-pending="<worker>:<query>:<n>"); as the
 * reader scrolls, Material shows them four at a time and the script in
 * main.html asks for their excerpts over a BroadcastChannel (CHANNEL), and
 * fills them in from this worker's reply.  Each result's title carries its
 * type and date (the record header's data-pagefind-meta).
 *
 * The worker sits at <site>/assets/javascripts/, the index at <site>/pagefind/.
 */
"use strict";

/* How a query is searched and a result shaped (shared with the committee portal). */
importScripts("openbranch-search-core.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/* Pages whose excerpts come with the answer: each costs one fragment
   request.  Material shows the first ten at once and four more each time
   the reader reaches the end of the list (components/search/result). */
var EAGER = 10;

/* Where main.html asks for the excerpts of the placeholders it shows. */
var CHANNEL = "openbranch-search";
/* This worker's name on the channel: another tab's page asks its own worker. */
var WORKER = Math.random().toString(36).slice(2);

var PAGEFIND_URL = new URL("../../pagefind/pagefind.js", self.location.href).href;

var pagefind = null;   /* Promise of the initialised Pagefind module */
var latest = 0;        /* only the answer to the newest query is posted */
var answered = null;   /* {id, hits, terms} of the newest answer, for its placeholders */

function load() {
  if (!pagefind) {
    pagefind = import(PAGEFIND_URL).then(function (module) {
      /* Result URLs as "/meetings/…": made relative to the site below. */
      return module.options({ baseUrl: "/", excerptLength: 44 })
        .then(function () { return module.init(); })
        .then(function () { return module; });
    });
    pagefind.catch(function () { pagefind = null; });
  }
  return pagefind;
}

/* Material resolves locations against the site base: drop the leading "/". */
function siteRelative(url) {
  return String(url).replace(/^\/+/, "");
}

/* A matching page whose excerpt is not loaded yet: Material shows it as a
   result with an empty title, which main.html fills in once it is in view. */
function placeholder(score, terms, id, index) {
  return {
    location: "",
    title: '<span class="ob-search-pending" data-ob-pending="' + WORKER + ":" + id + ":" + index + '"></span>',
    text: "",
    score: score,
    terms: terms
  };
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
    answered = { id: id, hits: found, terms: terms };
    /* Without a channel no placeholder could be filled in: every excerpt now. */
    var first = channel ? found.slice(0, EAGER) : found;
    return Promise.all(first.map(function (hit) { return hit.result.data(); }))
      .then(function (datas) {
        return {
          items: found.map(function (hit, i) {
            return i < first.length ? group(hit.score, datas[i], terms, siteRelative) : [placeholder(hit.score, terms, id, i)];
          })
        };
      });
  });
}

/* The excerpts main.html asks for, for the placeholders it shows: each as
   one item (the page, with its best excerpt), by its place in the answer. */
function excerpts(asked) {
  var current = answered;
  if (!current || asked.worker !== WORKER || asked.query !== current.id || !Array.isArray(asked.indices)) return;
  var indices = asked.indices.filter(function (i) { return current.hits[i]; });
  Promise.all(indices.map(function (i) { return current.hits[i].result.data(); })).then(function (datas) {
    var items = {};
    datas.forEach(function (data, k) {
      var found = group(current.hits[indices[k]].score, data, current.terms, siteRelative);
      var page = found[0];
      items[indices[k]] = {
        location: page.location,
        title: page.title,
        text: page.text || (found[1] ? found[1].text : "")
      };
    });
    channel.postMessage({ type: "excerpts", worker: WORKER, query: current.id, items: items });
  }, function (error) {
    console.error("OpenBranch search:", error);
  });
}

var channel = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(CHANNEL) : null;
if (channel) {
  channel.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "excerpts?") excerpts(message);
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
