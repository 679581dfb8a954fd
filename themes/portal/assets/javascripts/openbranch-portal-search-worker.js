/*
 * OpenBranch committee portal: one search box over every branch's own index.
 *
 * Material's search box talks to this worker as it talks to a branch site's
 * (openbranch-search-worker.js beside it): SETUP (0) -> READY (1), QUERY (2)
 * -> RESULT (3, {items: SearchItem[][]}).  The answers come from the
 * branches' Pagefind indexes, each published with its branch's site and
 * merged into the portal's own Pagefind instance with Pagefind's mergeIndex
 * (each with its baseUrl, so results link to the branch's pages, and a
 * mergeFilter naming the branch, so a search can be narrowed to some
 * branches).  The branches are listed in ../../data/search.json (written by
 * generator/portal/exports.py).
 *
 * Pagefind fails a whole merged search when one index fails (it searches
 * every merged index with Promise.all, and an index whose loading failed
 * stays merged): one missing or broken branch would break the search of
 * every branch; and a chunk it cannot load it only logs, answering without
 * it.  So before an index is merged its entry and metadata are fetched and
 * checked (present, readable, the portal's Pagefind version); every fetch
 * under a branch's index is watched (and every file Pagefind logs it could
 * not read), and when a search fails, or a file of a branch's index failed
 * to load during it, those branches (or, if the search
 * failed and no file did, each branch in turn) are taken out and the search
 * runs again.  A branch taken out is named as
 * unavailable in the search dialog (STATUS messages, 101, read by
 * openbranch-portal.js), and the others still answer.
 *
 * Indexes are merged a batch at a time (search.json "batch"), and the
 * results so far are posted after each batch: the first answers come before
 * every branch's index has been read.  A SCOPE message (100) from the page
 * narrows the search to an organisation or a branch; the last query runs
 * again in it.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, SCOPE = 100, STATUS = 101;

/* Pages whose excerpts are loaded per answer (Material shows ten, more on scroll). */
var MAX_PAGES = 20;

var HERE = self.location.href;
var PAGEFIND_URL = new URL("../../pagefind/pagefind.js", HERE).href;
var CONFIG_URL = new URL("../../data/search.json", HERE).href;
var ROOT = new URL("../../", HERE).href;

/* CJK ideographs, kana, CJK punctuation, full-width forms: indexed one word
   per character by generator/search.py, as the branch sites' worker knows. */
var CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef";
var HAS_CJK = new RegExp("[" + CJK + "]");
var CJK_CHAR = new RegExp("([" + CJK + "])", "g");
var CJK_SPACE = new RegExp(
  "([" + CJK + "])((?:<[^>]+>)*)\\s+|\\s+((?:<[^>]+>)*)(?=[" + CJK + "])", "g");

var config = null;      /* Promise of search.json, branches resolved */
var branches = {};      /* id -> {id, name, base, index, organizations, searchable} */
var unavailable = {};   /* id -> reason ("missing", "broken", "version") */
var probes = {};        /* id -> Promise<boolean>: the index was checked and can be merged */
var failedFetches = {}; /* id -> true: a file of its index failed to load during this search */
var engine = null;      /* Promise of {module, merged: {id: true}} */
var scope = "";         /* "": every branch; "o:<id>": an organisation's; "b:<id>": one branch */
var latest = 0;
var lastQuery = "";

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
          id: b.id, name: b.name, base: base, index: base + "pagefind/",
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

/* The portal's own Pagefind (its index is only the engine: its pages are not answers). */
function newEngine() {
  return import(PAGEFIND_URL).then(function (module) {
    return Promise.resolve(module.destroy()).then(function () {
      return module.options({ excerptLength: 40 });
    }).then(function () {
      return module.init();
    }).then(function () {
      return { module: module, merged: {} };
    });
  });
}

function getEngine() {
  if (!engine) {
    engine = newEngine();
    engine.catch(function () { engine = null; });
  }
  return engine;
}

/* A branch's index checked the way Pagefind will read it: entry, version, metadata. */
function probe(id, version) {
  if (!probes[id]) {
    var branch = branches[id];
    if (unavailable[id]) {
      probes[id] = Promise.resolve(false);
      return probes[id];
    }
    probes[id] = nativeFetch(branch.index + "pagefind-entry.json").then(function (response) {
      if (!response.ok) throw "missing";
      return response.json().catch(function () { throw "broken"; });
    }).then(function (entry) {
      if (version && entry.version !== version) throw "version";
      var languages = Object.keys(entry.languages || {}).map(function (key) { return entry.languages[key]; });
      languages.sort(function (a, b) { return b.page_count - a.page_count; });
      if (!languages.length) throw "broken";
      return nativeFetch(branch.index + "pagefind." + languages[0].hash + ".pf_meta");
    }).then(function (response) {
      if (!response.ok) throw "broken";
      return response.arrayBuffer();
    }).then(function () {
      return true;
    }, function (reason) {
      unavailable[id] = typeof reason === "string" ? reason : "missing";
      return false;
    });
  }
  return probes[id];
}

function merge(state, id) {
  var branch = branches[id];
  return state.module.mergeIndex(branch.index, {
    baseUrl: branch.base,
    mergeFilter: { branch: id },
    excerptLength: 40
  }).then(function () {
    state.merged[id] = true;
  }, function () {
    unavailable[id] = "broken";
  });
}

/* A fresh engine holding every merged branch that is still available. */
function rebuild(state) {
  var keep = Object.keys(state.merged).filter(function (id) { return !unavailable[id]; });
  engine = newEngine().then(function (fresh) {
    return keep.reduce(function (chain, id) {
      return chain.then(function () { return merge(fresh, id); });
    }, Promise.resolve()).then(function () { return fresh; });
  });
  return engine;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function closeUp(html) {
  return String(html).replace(CJK_SPACE, function (match, char, tagsAfter, tagsBefore) {
    return char ? char + tagsAfter : tagsBefore;
  }).replace(/<\/mark>(\s*)<mark>/g, "$1");
}

/* One part of the query, as the branch sites search it: Chinese as the exact
   run of its characters (ranked by the same characters searched loosely),
   anything else as words matched by prefix.  Resolves to [{result, score}]. */
function searchPart(module, part, filters) {
  var options = { filters: filters };
  if (!HAS_CJK.test(part)) {
    return module.search(part, options).then(function (search) {
      return search.results.map(function (result) { return { result: result, score: result.score }; });
    });
  }
  var chars = part.replace(CJK_CHAR, " $1 ").trim().replace(/\s+/g, " ");
  return Promise.all([module.search('"' + chars + '"', options), module.search(chars, options)]).then(function (both) {
    var loose = {};
    both[1].results.forEach(function (result) { loose[result.id] = result.score; });
    return both[0].results.map(function (result) {
      return { result: result, score: loose[result.id] || 0 };
    }).sort(function (a, b) { return b.score - a.score; });
  });
}

function searchAll(module, parts, filters) {
  return Promise.all(parts.map(function (part) {
    return searchPart(module, part, filters);
  })).then(function (found) {
    var results = found[0];
    found.slice(1).forEach(function (other) {
      var scores = {};
      other.forEach(function (hit) { scores[hit.result.id] = hit.score; });
      results = results.filter(function (hit) { return hit.result.id in scores; })
        .map(function (hit) { return { result: hit.result, score: hit.score + scores[hit.result.id] }; });
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  });
}

/* The merged branches in scope, as a Pagefind filter (the portal's own pages never match one). */
function scopeFilter(state, ids) {
  var wanted = ids.filter(function (id) { return state.merged[id] && !unavailable[id]; });
  return { branch: { any: wanted.length ? wanted : ["-"] } };
}

/* Search the merged indexes; when it fails, take out the branches whose files failed
   (else find the failing one by searching each in turn) and search again. */
function searchMerged(state, parts, ids) {
  failedFetches = {};
  function culprits() {
    return Object.keys(failedFetches).filter(function (id) { return state.merged[id] && !unavailable[id]; });
  }
  function without(found) {
    found.forEach(function (id) { unavailable[id] = "broken"; });
    return rebuild(state).then(function (fresh) { return searchMerged(fresh, parts, ids); });
  }
  return searchAll(state.module, parts, scopeFilter(state, ids)).then(function (hits) {
    /* Pagefind logs a chunk it could not load and searches on without it: that branch's answers are not whole. */
    var found = culprits();
    return found.length ? without(found) : { state: state, hits: hits };
  }, function () {
    var found = culprits();
    if (found.length) return without(found);
    return isolate(state, parts).then(function (fresh) { return searchMerged(fresh, parts, ids); });
  });
}

/* Merge the branches one at a time into a fresh engine, searching after each: the one whose search fails is out. */
function isolate(state, parts) {
  var order = Object.keys(state.merged).filter(function (id) { return !unavailable[id]; });
  return newEngine().then(function (fresh) {
    return order.reduce(function (chain, id) {
      return chain.then(function (current) {
        return merge(current, id).then(function () {
          if (!current.merged[id]) return current;
          return searchAll(current.module, parts, { branch: { any: [id] } }).then(function () {
            return current;
          }, function () {
            unavailable[id] = "broken";
            delete current.merged[id];
            return rebuild(current);
          });
        });
      });
    }, Promise.resolve(fresh));
  }).then(function (fresh) {
    engine = Promise.resolve(fresh);
    return fresh;
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

function weight(sub) {
  var total = 0;
  (sub.weighted_locations || []).forEach(function (w) { total += w.balanced_score || w.weight || 0; });
  return total;
}

function termsOf(query) {
  var terms = {};
  query.split(/\s+/).forEach(function (word) { if (word) terms[word] = true; });
  return terms;
}

/* One page as Material's SearchItem[]: the page (its title led by its branch's name), then its sections. */
function group(score, data, terms, branch) {
  var pageTitle = escapeHtml(closeUp((data.meta && data.meta.title) || data.url));
  var page = {
    location: data.url,
    title: "<span class=\"ob-search-branch\">" + escapeHtml(branch.name) + "</span> " + pageTitle,
    text: "",
    score: score,
    terms: terms
  };
  var own = null, sections = [];
  (data.sub_results || []).forEach(function (sub) {
    var title = sub.title ? escapeHtml(closeUp(sub.title)) : pageTitle;
    var text = closeUp(sub.excerpt || "");
    if (title && text.indexOf(title) === 0) text = text.slice(title.length).replace(/^\s+/, "");
    var item = { location: sub.url, title: title, text: text, weight: weight(sub) };
    if (item.location.indexOf("#") < 0) own = own || item;
    else sections.push(item);
  });
  sections.sort(function (a, b) { return b.weight - a.weight; });
  var best = sections.length ? sections[0].weight : -1;
  var items = [page];
  if (own && own.weight >= best) page.text = own.text;
  else if (!sections.length) page.text = closeUp(data.excerpt || "");
  sections.forEach(function (section, index) {
    var shown = index === 0 && !page.text;
    items.push({ location: section.location, title: section.title, text: section.text, score: shown ? score : score / 2, terms: terms });
  });
  return items;
}

/* The best pages as Material's items; a page whose excerpt cannot be loaded marks its branch broken. */
function present(hits, query) {
  var top = hits.slice(0, MAX_PAGES);
  var terms = termsOf(query);
  return Promise.all(top.map(function (hit) {
    return hit.result.data().then(function (data) { return data; }, function () { return null; });
  })).then(function (datas) {
    var items = [];
    datas.forEach(function (data, i) {
      if (!data) return;
      var branch = branchOf(new URL(data.url, ROOT).href);
      if (branch) items.push(group(top[i].score, data, terms, branch));
    });
    return { items: items };
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

function answer(query, id) {
  var parts = query.split(/\s+/).filter(Boolean);
  if (!parts.length) return Promise.resolve().then(function () { self.postMessage({ type: RESULT, data: { items: [] } }); });
  return loadConfig().then(function (data) {
    var ids = inScope();
    var size = Math.max(1, data.batch || ids.length);
    var batches = [];
    for (var i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
    if (!batches.length) batches.push([]);
    function step(index) {
      if (id !== latest) return null;
      var batch = batches[index];
      var last = index === batches.length - 1;
      return getEngine().then(function (state) {
        return Promise.all(batch.map(function (b) { return probe(b, data.pagefind); })).then(function () {
          var fresh = batch.filter(function (b) { return !state.merged[b] && !unavailable[b]; });
          return fresh.reduce(function (chain, b) {
            return chain.then(function () { return merge(state, b); });
          }, Promise.resolve()).then(function () { return fresh.length; });
        }).then(function (added) {
          if (id !== latest) return null;
          /* Nothing new in this batch: the next search will cover it. */
          if (!added && !last) return step(index + 1);
          return searchMerged(state, parts, ids).then(function (outcome) {
            if (id !== latest) return null;
            return present(outcome.hits, query).then(function (result) {
              if (id !== latest) return null;
              var searched = batches.slice(0, index + 1).reduce(function (n, b) { return n + b.length; }, 0);
              self.postMessage({ type: RESULT, data: result });
              status(ids, searched, last);
              return last ? null : step(index + 1);
            });
          });
        });
      });
    }
    return step(0);
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
