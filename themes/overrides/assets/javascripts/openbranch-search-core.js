/*
 * OpenBranch search: what a branch site's worker (openbranch-search-worker.js)
 * and the committee portal's (openbranch-portal-search-worker.js) share, loaded
 * by each with importScripts: how a query is searched in a Pagefind index
 * built by generator/search.py, and how a result becomes Material's
 * SearchItem[] (the page, then its sections), its title followed by the
 * record's type and date; how every matching page is answered while only
 * the first come with their excerpts (answerItems); and which parts an index
 * has besides its first (indexParts).
 */
"use strict";

/* The parts of a site's index after the first, each a Pagefind index of its
   own that the workers merge (mergeIndex): generator/search.py lists them in
   <site>/pagefind/openbranch-parts.json as {"parts": ["part-2/", ...]},
   relative to the index.  Resolves to their addresses, never rejects: a
   site built before parts has no such file, and a missing or unreadable one
   means the first part alone, so that search still answers.  An entry that
   is not a folder inside the index is left out (the portal names a failed
   file's branch by its address being under the branch's index).  ``tag``
   keeps a cached list from a previous build from being read with this
   build's index. */
var PARTS_FILE = "openbranch-parts.json";

function indexParts(index, fetcher, tag) {
  return fetcher(index + PARTS_FILE + "?ts=" + encodeURIComponent(tag)).then(function (response) {
    return response.ok ? response.json() : { parts: [] };
  }).then(function (data) {
    var seen = {};
    return (Array.isArray(data && data.parts) ? data.parts : []).filter(function (part) {
      return typeof part === "string";
    }).map(function (part) {
      return new URL(part, index).href;
    }).filter(function (url) {
      var inside = url.indexOf(index) === 0 && url.length > index.length && /\/$/.test(url) && url.indexOf("?") < 0 && url.indexOf("#") < 0;
      if (!inside || seen[url]) return false;
      seen[url] = true;
      return true;
    });
  }).then(null, function () { return []; });
}

/* CJK ideographs, kana, CJK punctuation, full-width forms: the ranges
   generator/search.py indexes as one word per character. */
var CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef";
var HAS_CJK = new RegExp("[" + CJK + "]");
var CJK_CHAR = new RegExp("([" + CJK + "])", "g");
/* A space the index put beside a CJK character, with any tags around it. */
var CJK_SPACE = new RegExp(
  "([" + CJK + "])((?:<[^>]+>)*)\\s+|\\s+((?:<[^>]+>)*)(?=[" + CJK + "])", "g");

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* A break generator/search.py marks in the indexed text (its BOUNDARY, a
   word of its own); and the punctuation after which a break needs no space. */
var BOUNDARY = "\ue000";
var BOUNDARY_RUN = /\s*\ue000(?:\s*\ue000)*\s*/g;
var SENTENCE_END = /([\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f.!?;:,])((?:<[^>]+>)*)\ue000/g;

/* Titles and excerpts come from the spaced copy Pagefind read: close up the
   spaces it put beside Chinese characters, and show each break the page has
   as one space (none at either end, none after a sentence's end). */
function closeUp(html) {
  return String(html).replace(BOUNDARY_RUN, BOUNDARY).replace(CJK_SPACE, function (match, char, tagsAfter, tagsBefore) {
    return char ? char + tagsAfter : tagsBefore;
  }).replace(/<\/mark>(\s*)<mark>/g, "$1")
    .replace(SENTENCE_END, "$1$2")
    .replace(/^((?:<[^>]+>)*)\ue000/, "$1").replace(/\ue000((?:<[^>]+>)*)$/, "$1")
    .replace(/\ue000/g, " ");
}

/* One part of the query, searched: Chinese as the exact sequence of its
   characters (a substring search), anything else as words Pagefind matches
   by prefix.  An exact search scores every page alike, so Chinese pages are
   ranked by the same characters searched loosely (how often and how rarely
   they occur), which fetches no more of the index.  ``options`` go to
   Pagefind's search (filters).  Resolves to [{result, score}], best first. */
function searchPart(module, part, options) {
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

function weight(sub) {
  var total = 0;
  (sub.weighted_locations || []).forEach(function (w) { total += w.balanced_score || w.weight || 0; });
  return total;
}

/* Words of the query, each marked as found: Material puts them in ?h= for
   search.highlight on the page that opens. */
function termsOf(query) {
  var terms = {};
  query.split(/\s+/).forEach(function (word) { if (word) terms[word] = true; });
  return terms;
}

/* What kind of page a result is and its date, under its title: the type
   (会议 · 支委会) and date the record's header marks with data-pagefind-meta. */
function about(meta) {
  /* Written in attributes, which the index leaves unspaced. */
  var parts = [meta.type, meta.date].filter(Boolean).map(escapeHtml);
  return parts.length ? '<span class="ob-search-about">' + parts.join(" · ") + "</span>" : "";
}

/* One page as Material's SearchItem[]: the page first, then its sections.
   Material shows the page's excerpt when every section scores lower, and
   folds sections scoring below the page under "N more".  ``locate`` turns
   Pagefind's URL into the item's location; ``prefix`` (HTML) leads the
   page's title. */
function group(score, data, terms, locate, prefix) {
  var meta = data.meta || {};
  var pageTitle = escapeHtml(closeUp(meta.title || data.url));
  var page = {
    location: locate(data.url),
    title: (prefix || "") + pageTitle + about(meta),
    text: "",
    score: score,
    terms: terms
  };
  var own = null, sections = [];
  (data.sub_results || []).forEach(function (sub) {
    var title = sub.title ? escapeHtml(closeUp(sub.title)) : pageTitle;
    var text = closeUp(sub.excerpt || "");
    /* A section's excerpt starts with its own heading, shown above it. */
    if (title && text.indexOf(title) === 0) text = text.slice(title.length).replace(/^\s+/, "");
    var item = {
      location: locate(sub.url),
      title: title,
      text: text,
      weight: weight(sub)
    };
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
    items.push({
      location: section.location,
      title: section.title,
      text: section.text,
      score: shown ? score : score / 2,
      terms: terms
    });
  });
  return items;
}

/* Pages matching every space-separated part of the query, best first. */
function searchAll(module, parts, options) {
  return Promise.all(parts.map(function (part) {
    return searchPart(module, part, options);
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

/* Pages whose excerpts come with the answer: each costs one fragment
   request.  Material shows the first ten at once and four more each time
   the reader reaches the end of the list (components/search/result). */
var EAGER = 10;

/* Every matching page is in the answer, so Material counts them all; pages
   past the first EAGER are placeholders, each naming its place in the
   answer (data-ob-pending="<worker>:<answer>:<n>").  As the reader scrolls,
   Material shows them four at a time, and the script in main.html asks for
   their excerpts over this channel and fills them in from the reply. */
var CHANNEL = "openbranch-search";
/* This worker's name on the channel: another tab's page asks its own worker. */
var WORKER = Math.random().toString(36).slice(2);
var channel = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(CHANNEL) : null;
var answers = 0;       /* each answer posted has its own number: a placeholder names the one it belongs to */
var answered = null;   /* {id, hits, shape} of the newest answer, for its placeholders */

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

/* Material's answer for ``hits`` (best first): the first EAGER shaped from
   their data by ``shape(hit, data)`` (a SearchItem[], or null to leave the
   page out), the others placeholders.  Resolves to {items}. */
function answerItems(hits, terms, shape) {
  var id = ++answers;
  answered = { id: id, hits: hits, shape: shape };
  /* Without a channel no placeholder could be filled in: every excerpt now. */
  var first = channel ? hits.slice(0, EAGER) : hits;
  return Promise.all(first.map(function (hit) {
    return hit.result.data().then(null, function () { return null; });
  })).then(function (datas) {
    var items = [];
    hits.forEach(function (hit, i) {
      if (i >= first.length) items.push([placeholder(hit.score, terms, id, i)]);
      else if (datas[i]) {
        var shaped = shape(hit, datas[i]);
        if (shaped) items.push(shaped);
      }
    });
    return { items: items };
  });
}

/* The excerpts main.html asks for, for the placeholders it shows: each as
   one item (the page, with its best excerpt), by its place in the answer. */
function excerpts(asked) {
  var current = answered;
  if (!current || asked.worker !== WORKER || asked.query !== current.id || !Array.isArray(asked.indices)) return;
  var indices = asked.indices.filter(function (i) { return current.hits[i]; });
  Promise.all(indices.map(function (i) {
    return current.hits[i].result.data().then(null, function () { return null; });
  })).then(function (datas) {
    var items = {};
    datas.forEach(function (data, k) {
      var found = data && current.shape(current.hits[indices[k]], data);
      if (!found) return;
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

if (channel) {
  channel.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "excerpts?") excerpts(message);
  });
}
