/*
 * OpenBranch committee portal: sortable tables, the organisation filter, and
 * the search dialog's scope and status.
 *
 * - A table with data-ob-sortable gets a button in each column heading (but
 *   those marked data-ob-nosort); a
 *   click sorts its rows by that column (a cell's data-sort value if it has
 *   one, else its text; numbers as numbers, empty cells last), again to
 *   reverse.  aria-sort says how it is sorted.
 * - A select with data-ob-org-filter (shown only when this script runs)
 *   hides every row whose data-orgs does not name the chosen organisation.
 * - The search dialog gets a scope select (every branch, an organisation, a
 *   branch) and a status line: how many branches have been searched and
 *   which are unavailable.  main.html keeps the worker Material starts
 *   (window.openbranchPortalWorker); the worker's STATUS messages (101) fill
 *   the line and a SCOPE message (100) narrows the search.
 * Without this script the tables read in their built order, unfiltered, and
 * search covers every branch.
 */
(function () {
  "use strict";

  var SCOPE = 100, STATUS = 101;

  function cellAt(row, column) {
    var index = 0;
    for (var i = 0; i < row.cells.length; i++) {
      var cell = row.cells[i];
      if (column >= index && column < index + cell.colSpan) return cell.colSpan > 1 ? null : cell;
      index += cell.colSpan;
    }
    return null;
  }

  function sortValue(row, column) {
    var cell = cellAt(row, column);
    if (!cell) return "";
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return value.trim();
  }

  function compare(a, b) {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
    var x = Number(a), y = Number(b);
    if (!isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, document.documentElement.lang || undefined);
  }

  function sortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, column) {
      if (th.hasAttribute("data-ob-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ob-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function (event) {
        if (event.target.closest("a")) return;
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var order = compare(sortValue(a, column), sortValue(b, column));
            /* Empty cells stay last whichever way. */
            if (sortValue(a, column) === "" || sortValue(b, column) === "") return order;
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function filters() {
    var selects = document.querySelectorAll("select[data-ob-org-filter]");
    Array.prototype.forEach.call(selects, function (select) {
      var holder = select.closest(".ob-filter");
      if (holder) holder.hidden = false;
      var count = holder ? holder.querySelector(".ob-filter__count") : null;
      function apply() {
        var wanted = select.value;
        var rows = document.querySelectorAll("tr[data-orgs]");
        var shown = 0;
        Array.prototype.forEach.call(rows, function (row) {
          var match = !wanted || row.getAttribute("data-orgs").split(" ").indexOf(wanted) >= 0;
          row.hidden = !match;
          if (match) shown++;
        });
        if (count) count.textContent = wanted ? shown + " / " + rows.length : "";
      }
      select.addEventListener("change", apply);
      apply();
    });
  }

  /* -- search: scope and status -------------------------------------------- */

  function searchPanel(worker, config) {
    var output = document.querySelector(".md-search__output .md-search__scrollwrap") || document.querySelector(".md-search__output");
    if (!output || output.querySelector(".ob-portal-search")) return;
    var labels = config.labels;
    var panel = document.createElement("div");
    panel.className = "ob-portal-search";
    var label = document.createElement("label");
    label.textContent = labels.scope + " ";
    var select = document.createElement("select");
    select.className = "ob-portal-search__scope";
    function option(value, text) {
      var o = document.createElement("option");
      o.value = value;
      o.textContent = text;
      select.appendChild(o);
    }
    option("", labels.all);
    config.organizations.forEach(function (org) { option("o:" + org.id, "\u3000".repeat(org.depth) + org.name); });
    config.branches.forEach(function (b) { option("b:" + b.id, b.name); });
    label.appendChild(select);
    var line = document.createElement("p");
    line.className = "ob-portal-search__status";
    line.setAttribute("aria-live", "polite");
    panel.appendChild(label);
    panel.appendChild(line);
    output.insertBefore(panel, output.firstChild);
    select.addEventListener("change", function () {
      line.textContent = "";
      worker.postMessage({ type: SCOPE, data: select.value });
    });
    worker.addEventListener("message", function (event) {
      var message = event.data || {};
      if (message.type !== STATUS) return;
      var data = message.data;
      var text = data.done ? labels.searched_all.replace("{total}", data.total) : labels.searching.replace("{searched}", data.searched).replace("{total}", data.total);
      line.textContent = text;
      if (data.unavailable.length) {
        var names = data.unavailable.map(function (b) { return b.name; }).join(labels.separator);
        var missing = document.createElement("span");
        missing.className = "ob-portal-search__unavailable";
        missing.textContent = " " + labels.unavailable.replace("{names}", names);
        line.appendChild(missing);
      }
    });
  }

  function search() {
    var worker = window.openbranchPortalWorker;
    var el = document.getElementById("__config");
    if (!worker || !el) return;
    var base = JSON.parse(el.textContent).base;
    fetch(base + "/data/search.json").then(function (response) { return response.json(); }).then(function (config) {
      searchPanel(worker, config);
    }).catch(function () { /* no search.json: the box still searches, without a scope */ });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-ob-sortable]"), sortable);
    filters();
    search();
  }

  /* Material's instant navigation is off on the portal: the page loads once. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
