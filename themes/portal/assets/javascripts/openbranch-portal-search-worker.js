/*
 * OpenBranch committee portal: one search box over every branch's own index.
 *
 * Material's search box talks to this worker as it talks to a branch site's
 * (openbranch-search-worker.js beside it): SETUP (0) -> READY (1), QUERY (2)
 * -> RESULT (3, {items: SearchItem[][]}).  The answers come from the
 * branches' Pagefind indexes, each published with its branch's site and
 * merged with Pagefind's mergeIndex (each with its baseUrl, so results link
 * to the branch's pages, and a mergeFilter naming the branch).  The branches
 * are listed in ../../data/search.json (generator/portal/exports.py).
 *
 * The branches are searched a batch at a time (search.json "batch"), each
 * batch merged into a Pagefind instance of its own (createInstance, its
 * primary index the portal's own, which is only the engine), so a batch's
 * search reads only its branches' files; the best pages so far are posted
 * after each batch, and the first answers come before every branch's index
 * has been read.
 *
 * Pagefind fails a whole merged search when one index fails (it searches
 * every merged index with Promise.all, and an index whose loading failed
 * stays merged), and a chunk it cannot read it only logs, answering without
 * it.  So before an index is merged its entry and metadata are fetched and
 * checked (present, readable, the portal's Pagefind version); every fetch
 * under a branch's index is watched, and every file Pagefind logs it could
 * not read; when a batch's search fails, or a file of a branch's index
 * failed during it, those branches (or, when the search failed and no file
 * did, each branch searched alone) are taken out and the batch is searched
 * again.  A branch's index may come in parts (a large branch: its
 * pagefind/ and the parts listed in its pagefind/openbranch-parts.json,
 * each an index of its own; openbranch-search-core.js indexParts): the list
 * is read when the branch is checked (none for a branch built before parts,
 * or whose list cannot be read), each part is checked as the branch's index
 * is, and merged with the same options; a part that is missing or broken
 * makes the branch unavailable as a broken index does, and a file of a part
 * failing is the branch's (its address is under the branch's index).  The
 * WebAssembly is not shared by hand: Pagefind loads only the engine's (the
 * portal's own), and a merged index, part or not, runs on it.
 * A branch taken out is named as unavailable (STATUS messages, 101,
 * shown by openbranch-portal.js in the search dialog); the others answer.
 * A SCOPE message (100) from the page narrows the search to an organisation
 * or a branch, and the last query runs again in it.  How a query is searched
 * in one index and a result shaped is the branch sites' own
 * (openbranch-search-core.js, beside this file in the portal too): every
 * matching page is counted, the first ten come with their excerpts and the
 * others as the reader scrolls.
 */
"use strict";

importScripts("openbranch-search-core.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, SCOPE = 100, STATUS = 101;

var HERE = self.location.href;
var PAGEFIND_URL = new URL("../../pagefind/pagefind.js", HERE).href;
var CONFIG_URL = new URL("../../data/search.json", HERE).href;
var ROOT = new URL("../../", HERE).href;

var config = null;      /* Promise of search.json, branches resolved */
var branches = {};      /* id -> {id, name, base, index, parts, organizations, searchable} */
var unavailable = {};   /* id -> reason ("missing", "broken", "version") */
var probes = {};        /* id -> Promise<boolean>: the index was checked and can be merged */
var failedFetches = {}; /* id -> true: a file of its index failed to load during this search */
var engines = {};       /* batch (its ids, joined) -> Promise of {module, merged: {id: true}} */
var scope = "";         /* "": every branch; "o:<id>": an organisation's; "b:<id>": one branch */
var latest = 0;
var lastQuery = "";
/* One cache tag per visit: the probe and Pagefind ask for the same entry address, so it is fetched once. */
var CACHE_TAG = String(Date.now());

/* Every fetch Pagefind makes goes through here: a failed one names its branch. */
var nativeFetch = self.fetch.bind(self);
self.fetch = function (input, init) {
  var url = String(input && input.url ? input.url : input);
  return nativeFetch(input, init).then(function (response) {
    if (!response.ok) noteFailure(url);
    return response;
  }, function (error) {
    noteFailure(url);
    throw error;
  });
};

/* A file it fetched but could not read (invalid gzip data, say) Pagefind only logs, with its address. */
var nativeConsoleError = console.error.bind(console);
console.error = function () {
  var text = Array.prototype.map.call(arguments, String).join(" ");
  (text.match(/https?:\/\/\S+/g) || []).forEach(noteFailure);
  nativeConsoleError.apply(null, arguments);
};

function noteFailure(url) {
  Object.keys(branches).forEach(function (id) {
    if (url.indexOf(branches[id].index) === 0) failedFetches[id] = true;
  });
}

function loadConfig() {
  if (!config) {
    config = nativeFetch(CONFIG_URL).then(function (response) {
      if (!response.ok) throw new Error("no search.json");
      return response.json();
    }).then(function (data) {
      data.branches.forEach(function (b) {
        var base = new URL(b.url, ROOT).href;
        branches[b.id] = {
          id: b.id, name: b.name, base: base, index: base + "pagefind/", parts: [],
          organizations: b.organizations, searchable: b.index
        };
        if (!b.index) unavailable[b.id] = "missing";
      });
      return data;
    });
    config.catch(function () { config = null; });
  }
  return config;
}

/* A Pagefind instance of its own for one batch of branches (its primary index is the
   portal's own, only the engine: its pages are not answers). */
function newEngine() {
  return import(PAGEFIND_URL).then(function (module) {
    var instance = module.createInstance({ excerptLength: 40, metaCacheTag: CACHE_TAG });
    return Promise.resolve(instance.init()).then(function () {
      return { module: instance, merged: {} };
    });
  });
}

/* One index (a branch's, or a part of it) checked the way Pagefind will read it: entry,
   version, metadata.  Rejects with the reason ("missing", "broken", "version"). */
function check(index, version) {
  return nativeFetch(index + "pagefind-entry.json?ts=" + CACHE_TAG).then(function (response) {
    if (!response.ok) throw "missing";
    return response.json().catch(function () { throw "broken"; });
  }).then(function (entry) {
    if (version && entry.version !== version) throw "version";
    var languages = Object.keys(entry.languages || {}).map(function (key) { return entry.languages[key]; });
    languages.sort(function (a, b) { return b.page_count - a.page_count; });
    if (!languages.length) throw "broken";
    return nativeFetch(index + "pagefind." + languages[0].hash + ".pf_meta");
  }).then(function (response) {
    if (!response.ok) throw "broken";
    return response.arrayBuffer();
  });
}

/* A branch's index checked, and each of its parts: a branch whose part cannot be read is broken. */
function probe(id, version) {
  if (!probes[id]) {
    var branch = branches[id];
    if (unavailable[id]) {
      probes[id] = Promise.resolve(false);
      return probes[id];
    }
    probes[id] = check(branch.index, version).then(function () {
      return indexParts(branch.index, nativeFetch, CACHE_TAG);
    }).then(function (parts) {
      branch.parts = parts;
      return Promise.all(parts.map(function (part) {
        return check(part, version).then(null, function () { throw "broken"; });
      }));
    }).then(function () {
      return true;
    }, function (reason) {
      unavailable[id] = typeof reason === "string" ? reason : "missing";
      return false;
    });
  }
  return probes[id];
}

/* A branch's index and each of its parts merged, with the branch's options; one failing is the branch's failure. */
function merge(state, id) {
  var branch = branches[id];
  var options = {
    baseUrl: branch.base,
    mergeFilter: { branch: id },
    excerptLength: 40,
    metaCacheTag: CACHE_TAG
  };
  return Promise.all([branch.index].concat(branch.parts).map(function (index) {
    return state.module.mergeIndex(index, options);
  })).then(function () {
    state.merged[id] = true;
  }, function () {
    unavailable[id] = "broken";
  });
}

/* The engine of a batch, every available branch of it checked and merged. */
function engineOf(batch, version) {
  var key = batch.join(" ");
  if (!engines[key]) {
    engines[key] = Promise.all(batch.map(function (id) { return probe(id, version); })).then(function () {
      return newEngine();
    }).then(function (state) {
      return batch.filter(function (id) { return !unavailable[id]; }).reduce(function (chain, id) {
        return chain.then(function () { return merge(state, id); });
      }, Promise.resolve()).then(function () { return state; });
    });
    engines[key].catch(function () { delete engines[key]; });
  }
  return engines[key];
}

/* A fresh engine for the batch, without the branches found unavailable. */
function rebuild(batch, version) {
  var key = batch.join(" ");
  var old = engines[key];
  delete engines[key];
  if (old) old.then(function (state) { state.module.destroy(); }, function () {});
  return engineOf(batch, version);
}

/* The batch's merged branches, as a Pagefind filter (the portal's own pages never match one). */
function batchFilter(state) {
  var wanted = Object.keys(state.merged).filter(function (id) { return !unavailable[id]; });
  return { branch: { any: wanted.length ? wanted : ["-"] } };
}

/* Search one batch; when it fails, or a file of a branch's index failed to load during it,
   take those branches out (if the search failed and no file did, find the failing branch
   by searching each in turn) and search the batch again. */
function searchBatch(batch, parts, version) {
  return engineOf(batch, version).then(function (state) {
    failedFetches = {};
    function culprits() {
      return Object.keys(failedFetches).filter(function (id) { return state.merged[id] && !unavailable[id]; });
    }
    function without(found) {
      found.forEach(function (id) { unavailable[id] = "broken"; });
      return rebuild(batch, version).then(function () { return searchBatch(batch, parts, version); });
    }
    return searchAll(state.module, parts, { filters: batchFilter(state) }).then(function (hits) {
      /* Pagefind logs a chunk it could not load and searches on without it: that branch's answers are not whole. */
      var found = culprits();
      return found.length ? without(found) : hits;
    }, function () {
      var found = culprits();
      return found.length ? without(found) : isolate(batch, parts, version).then(function () { return searchBatch(batch, parts, version); });
    });
  });
}

/* Search each branch of the batch on its own: the one whose search fails is out. */
function isolate(batch, parts, version) {
  var order = batch.filter(function (id) { return !unavailable[id]; });
  return order.reduce(function (chain, id) {
    return chain.then(function () {
      return newEngine().then(function (alone) {
        return merge(alone, id).then(function () {
          if (!alone.merged[id]) return null;
          return searchAll(alone.module, parts, { filters: { branch: { any: [id] } } }).then(function () {
            alone.module.destroy();
          }, function () {
            unavailable[id] = "broken";
            alone.module.destroy();
          });
        });
      });
    });
  }, Promise.resolve()).then(function () {
    return rebuild(batch, version);
  });
}

function branchOf(url) {
  var found = null;
  Object.keys(branches).forEach(function (id) {
    var b = branches[id];
    if (url.indexOf(b.base) === 0 && (!found || b.base.length > found.base.length)) found = b;
  });
  return found;
}

/* Every page found so far as Material's items (each title led by its branch's name); the
   first EAGER with their excerpts, the others loaded as the reader scrolls (answerItems). */
function present(hits, query) {
  var terms = termsOf(query);
  return answerItems(hits, terms, function (hit, data) {
    var branch = branchOf(new URL(data.url, ROOT).href);
    if (!branch) return null;
    return group(hit.score, data, terms, function (url) { return url; }, "<span class=\"ob-search-branch\">" + escapeHtml(branch.name) + "</span> ");
  });
}

function inScope() {
  return Object.keys(branches).filter(function (id) {
    if (!scope) return true;
    if (scope.indexOf("b:") === 0) return id === scope.slice(2);
    return branches[id].organizations.indexOf(scope.slice(2)) >= 0;
  });
}

function status(ids, searched, done) {
  var out = ids.filter(function (id) { return unavailable[id]; }).map(function (id) {
    return { id: id, name: branches[id].name, reason: unavailable[id] };
  });
  self.postMessage({ type: STATUS, data: { total: ids.length, searched: searched, done: done, unavailable: out } });
}

/* Search the branches in scope a batch at a time, each batch in its own engine; after each
   batch, post the best pages found so far (scores of merged indexes compare across engines). */
function answer(query, id) {
  var parts = query.split(/\s+/).filter(Boolean);
  if (!parts.length) return Promise.resolve().then(function () { self.postMessage({ type: RESULT, data: { items: [] } }); });
  return loadConfig().then(function (data) {
    var ids = inScope();
    var size = Math.max(1, data.batch || ids.length);
    var batches = [];
    for (var i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
    var found = [];
    function step(index) {
      if (id !== latest) return null;
      if (index >= batches.length) {
        self.postMessage({ type: RESULT, data: { items: [] } });
        status(ids, 0, true);
        return null;
      }
      return searchBatch(batches[index], parts, data.pagefind).then(function (hits) {
        if (id !== latest) return null;
        found = found.concat(hits).sort(function (a, b) { return b.score - a.score; });
        return present(found, query).then(function (result) {
          if (id !== latest) return null;
          var last = index === batches.length - 1;
          var searched = batches.slice(0, index + 1).reduce(function (n, b) { return n + b.length; }, 0);
          self.postMessage({ type: RESULT, data: result });
          status(ids, searched, last);
          return last ? null : step(index + 1);
        });
      });
    }
    return batches.length ? step(0) : step(batches.length);
  });
}

function run(query) {
  var id = ++latest;
  lastQuery = query;
  answer(query, id).catch(function (error) {
    /* No portal index, or no search.json: say "no results", never hang. */
    console.error("OpenBranch portal search:", error);
    if (id === latest) self.postMessage({ type: RESULT, data: { items: [] } });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    run(String(message.data || ""));
  } else if (message.type === SCOPE) {
    scope = String(message.data || "");
    if (lastQuery.trim()) run(lastQuery);
  }
});
