"""Every kind of page reads on a phone and on a desktop: nothing scrolls the page sideways, no table cell is cut off.

The demo is built with the real command (``demo_out``: both sites, Chinese)
and once more in English (``language: en``, members' site), served on
127.0.0.1 and opened in Debian's headless Chromium at 390 px (a phone, with
touch) and 1280 px.  The pages come from the built site itself
(``helpers.pages_of_each_kind``): one page of each template × section ×
kinds of table × chart, so a new template, section or kind of table is
covered without touching this file.  On the demo that is, per site: the
home page; each section's page (meetings, decisions, finances, appraisals,
notices: records tables, charts and their tables, the funds years, the
appraisal indicators); its year, kind and tag listings; a record page of
each record type and each variant (a meeting with rectification items,
with a table in its minutes, with attachments, without any; each appraisal
kind; both ledgers; notices with and without attachments); the regularity
calendar with every rectification item; the open-data page; the tags page;
the print-board index and a board; and 404.html.

On each page, at each width:

* the page does not scroll sideways: ``document.scrollingElement.scrollWidth``
  is at most the window's width (also at 320 px, the narrowest phone);
* every table cell's text is inside the window, or inside a box that
  scrolls sideways and says so: ``div.ob-scroll`` marked ``data-ob-overflow``,
  ``role="region"``, an ``aria-label``, a tab stop, and its cue
  (``.ob-scroll__cue``) showing (generator/compile/tables.py);
* no number is cut: a cell of class ``ob-num`` is as wide as its content.

The static half of the mechanism is checked on every page of both sites:
every body cell of every boxed table carries its column's header as
``data-label``, and no table reaches a page without a box.

With ``OPENBRANCH_SCREENSHOTS=<folder>`` set, a full-page screenshot of every
page checked is written there (``<site>-<width>-<kind>.png``) for a person
to look at.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Optional

import pytest

from .browser import serve_directory, settle_animations
from .helpers import DEMO_TODAY, build_ok, copy_demo, pages_of_each_kind

WIDTHS = {"phone": 390, "desktop": 1280}
NARROWEST = 320

# What a page looks like to the checks: run in the page, returns the problems found.
CHECK_JS = """(width) => {
  const problems = [];
  const scroller = document.scrollingElement;
  if (window.innerWidth !== width) problems.push(`the window is ${window.innerWidth} px wide, not ${width}: the page is wider than the screen`);
  if (scroller.scrollWidth > width) problems.push(`the page scrolls sideways: ${scroller.scrollWidth} px wide in a ${width} px window`);
  const hidden = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden") return true;
      if (s.clip && s.clip !== "auto") return true;
      if (s.position === "absolute" && e.offsetWidth <= 1 && e.offsetHeight <= 1) return true;
    }
    return false;
  };
  const name = (el) => (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
  for (const cell of document.querySelectorAll("article table td, article table th, article table caption")) {
    if (!cell.textContent.trim() || hidden(cell)) continue;
    const box = cell.getBoundingClientRect();
    if (cell.classList.contains("ob-num") && cell.scrollWidth > cell.clientWidth + 1)
      problems.push(`a number is cut: "${name(cell)}" needs ${cell.scrollWidth} px in a ${cell.clientWidth} px cell`);
    // The nearest box that clips it sideways (html's overflow-x: hidden is Material's, for the window).
    let clip = cell.parentElement;
    while (clip && clip !== document.body && getComputedStyle(clip).overflowX === "visible") clip = clip.parentElement;
    if (clip === document.body) clip = null;
    const where = clip ? ` (in ${clip.tagName.toLowerCase()}.${[...clip.classList].join(".")})` : "";
    const marked = clip && clip.matches(".ob-scroll[data-ob-overflow][role=region][aria-label][tabindex='0']");
    if (marked) {
      const cue = clip.querySelector(":scope > .ob-scroll__cue");
      const cueShown = cue && getComputedStyle(cue).display !== "none" && cue.getBoundingClientRect().width > 0;
      const edge = clip.getBoundingClientRect();
      if (!cueShown) problems.push(`"${name(cell)}" scrolls in a box that shows no cue${where}`);
      if (edge.left < -0.5 || edge.right > width + 0.5) problems.push(`a scrolling box is itself outside the window${where}`);
      continue;
    }
    if (clip) {
      const edge = clip.getBoundingClientRect();
      if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5)
        problems.push(`"${name(cell)}" is cut off by a box that does not say it scrolls (${Math.round(box.left)}–${Math.round(box.right)} px in ${Math.round(edge.left)}–${Math.round(edge.right)} px)${where}`);
    }
    if (box.left < -0.5 || box.right > width + 0.5)
      problems.push(`"${name(cell)}" is outside the window (${Math.round(box.left)}–${Math.round(box.right)} px)${where}`);
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def english_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built in English (its members' site holds every record)."""
    root = tmp_path_factory.mktemp("layout-en")
    config = copy_demo(root / "site")
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    assert "language: en" in config.read_text(encoding="utf-8")
    return build_ok(config, root / "out", DEMO_TODAY, "--audience", "members")


@pytest.fixture(scope="module")
def sites(demo_out: Path, english_out: Path) -> dict[str, Path]:
    return {"public": demo_out / "public", "members": demo_out / "members", "english": english_out / "members"}


def _pages(site: Path) -> dict[str, str]:
    kinds = pages_of_each_kind(site)
    kinds["404"] = "/404.html"
    return kinds


@pytest.fixture(scope="module")
def served(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    with serve_directory(sites["public"]) as public, serve_directory(sites["members"]) as members, serve_directory(sites["english"]) as english:
        yield {"public": public, "members": members, "english": english}


def _open(browser, width: int):
    phone = width < 600
    return browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone, device_scale_factor=1)


def _check(page, url: str, width: int) -> list[str]:
    page.goto(url, wait_until="load")
    # main.html's script has run (it marks the search box) and the fonts are in.
    page.wait_for_function("() => document.querySelector('[data-ob-search]') !== null")
    page.evaluate("() => document.fonts.ready")
    settle_animations(page)
    return page.evaluate(CHECK_JS, width)


def test_the_demo_has_the_kinds_of_page_checked(sites: dict[str, Path]) -> None:
    """The pages picked from the built site include every template and every layout of table."""
    members = _pages(sites["members"])
    templates = {kind.split()[0] for kind in members if kind != "404"}
    assert templates == {
        "home", "listing/section", "listing/records", "listing/tags",
        "record/meeting", "record/decision", "record/finance_funds", "record/finance_dues", "record/appraisal", "record/notice",
        "report/regularity", "report/data", "report/print_index", "report/print",
        "record/opinion", "record/election", "record/responsibility", "record/inspection", "report/catalogue",
    }, templates
    tables = {part for kind in members for part in kind.split() if part.startswith("ob-table--")}
    assert {"ob-table--cards", "ob-table--scroll", "ob-table--calendar", "ob-table--body", "ob-table--records"} <= tables, tables
    assert any(kind.startswith(("record/meeting ", "report/regularity ")) and kind.endswith(" items") for kind in members), members


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("site", ["public", "members", "english"])
def test_no_page_scrolls_sideways_and_no_cell_is_cut_off(browser, sites, served, site: str, width: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    pixels = WIDTHS[width]
    shots = os.environ.get("OPENBRANCH_SCREENSHOTS")
    context = _open(browser, pixels)
    failures = []
    try:
        page = context.new_page()
        for kind, path in _pages(sites[site]).items():
            problems = _check(page, served[site] + path, pixels)
            if problems:
                failures.append(f"--- {site}{path} ({kind}) at {pixels} px:\n  " + "\n  ".join(problems[:8]))
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                slug = re.sub(r"[^\w]+", "_", kind).strip("_")
                page.screenshot(path=str(Path(shots) / f"{site}-{pixels}-{slug}.png"), full_page=True)
    finally:
        context.close()
    assert not failures, "\n".join(failures)


def test_no_page_scrolls_sideways_on_the_narrowest_phone(browser, sites, served) -> None:
    """320 px: the members' site (every record) in both languages."""
    context = _open(browser, NARROWEST)
    failures = []
    try:
        page = context.new_page()
        for site in ("members", "english"):
            for kind, path in _pages(sites[site]).items():
                wide = [p for p in _check(page, served[site] + path, NARROWEST) if "scrolls sideways" in p or "window is" in p]
                if wide:
                    failures.append(f"{site}{path} ({kind}): {wide}")
    finally:
        context.close()
    assert not failures, "\n".join(failures)


CHART_TEXT_JS = """async () => {
  const found = [];
  for (const img of document.querySelectorAll("figure.ob-chart img")) {
    img.scrollIntoView();
    if (!img.complete || !img.naturalWidth) await new Promise((done) => { img.addEventListener("load", done, { once: true }); });
    const svg = await (await fetch(img.currentSrc)).text();
    const width = +svg.match(/<svg[^>]*? width="(\\d+)"/)[1];
    const sizes = [...svg.matchAll(/font-size:\\s*([\\d.]+)px/g)].map((m) => +m[1]);
    const scale = img.getBoundingClientRect().width / width;
    found.push({ src: img.currentSrc.split("/").pop(), smallest: Math.min(...sizes) * scale, largest: Math.max(...sizes) * scale });
  }
  const body = parseFloat(getComputedStyle(document.querySelector("article.md-typeset p") || document.querySelector("article.md-typeset")).fontSize);
  return { body, charts: found };
}"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_chart_text_is_the_size_of_the_text_around_it(browser, sites, served, width: str) -> None:
    """Text in a chart is at least 12 px on a phone, and at most the body text's size on a desktop."""
    pixels = WIDTHS[width]
    context = _open(browser, pixels)
    seen, problems = [], []
    try:
        page = context.new_page()
        for site in ("members", "english"):
            for kind, path in _pages(sites[site]).items():
                if not kind.endswith(" chart"):
                    continue
                page.goto(served[site] + path, wait_until="load")
                measured = page.evaluate(CHART_TEXT_JS)
                for chart in measured["charts"]:
                    seen.append(chart["src"])
                    if chart["smallest"] < 12:
                        problems.append(f"{site}{path} {chart['src']}: text of {chart['smallest']:.1f} px at {pixels} px")
                    if chart["largest"] > measured["body"] + 0.5:
                        problems.append(f"{site}{path} {chart['src']}: text of {chart['largest']:.1f} px, the body's is {measured['body']} px")
    finally:
        context.close()
    drawing = ".phone.svg" if width == "phone" else ".svg"
    assert len(seen) >= 8 and all(src.endswith(drawing) and (width == "phone" or ".phone" not in src) for src in seen), seen
    assert not problems, "\n".join(problems)


def test_a_table_too_wide_for_its_box_scrolls_in_it_with_a_cue(browser, served) -> None:
    """The marker the checks rely on appears when a table is wider than its box, and goes when it fits."""
    context = _open(browser, 390)
    try:
        page = context.new_page()
        page.goto(served["members"] + "/finances/", wait_until="load")
        page.wait_for_function("() => document.querySelector('[data-ob-search]') !== null")
        # The chart's table (layout "scroll") made wider than any phone.
        box = page.locator("details.ob-chart-data").first
        box.locator("summary").click()
        page.evaluate("() => { const t = document.querySelector('details.ob-chart-data[open] table'); t.style.minWidth = '900px'; }")
        scroll = box.locator(".ob-scroll")
        page.wait_for_function("(el) => el.hasAttribute('data-ob-overflow')", arg=scroll.element_handle())
        assert scroll.get_attribute("role") == "region" and scroll.get_attribute("tabindex") == "0"
        assert scroll.get_attribute("aria-label") == "表格较宽，可左右滑动查看"
        assert scroll.locator(".ob-scroll__cue").is_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        page.evaluate("() => { document.querySelector('details.ob-chart-data[open] table').style.minWidth = ''; }")
        page.wait_for_function("(el) => !el.hasAttribute('data-ob-overflow')", arg=scroll.element_handle())
        assert scroll.get_attribute("role") is None and scroll.get_attribute("tabindex") is None
        assert not scroll.locator(".ob-scroll__cue").is_visible()
    finally:
        context.close()


# ---------------------------------------------------------------------------
# The markup every table gets (no browser)
# ---------------------------------------------------------------------------


class _Tables(HTMLParser):
    """Per table: whether it sits in an ob-scroll box, its column headers, and each body cell's (column header, data-label)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.stack: list[dict] = []
        self.boxes = 0  # open div.ob-scroll, counted by depth of divs
        self.divs: list[bool] = []
        self.header: Optional[list[str]] = None
        self.section = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        a = dict(attrs)
        if tag == "div":
            boxed = "ob-scroll" in (a.get("class") or "").split()
            self.divs.append(boxed)
            self.boxes += boxed
        elif tag == "table":
            table = {"boxed": self.boxes > 0, "headers": [], "cells": [], "rows": 0, "column": 0}
            self.tables.append(table)
            self.stack.append(table)
        elif self.stack:
            table = self.stack[-1]
            if tag in ("thead", "tbody", "tfoot"):
                self.section = tag
            elif tag == "tr":
                table["column"] = 0
                table["rows"] += self.section == "thead"
            elif tag in ("td", "th"):
                span = int(a.get("colspan") or 1)
                if self.section == "thead":
                    if table["rows"] == 1:
                        self.header = []
                        table["span"] = span
                else:
                    expected = table["headers"][table["column"]] if table["column"] < len(table["headers"]) else None
                    table["cells"].append((expected, a.get("data-label"), span))
                table["column"] += span

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.divs:
            self.boxes -= self.divs.pop()
        elif tag == "table" and self.stack:
            self.stack.pop()
        elif tag == "th" and self.header is not None and self.stack:
            self.stack[-1]["headers"].extend([" ".join("".join(self.header).split())] * self.stack[-1].get("span", 1))
            self.header = None

    def handle_data(self, data: str) -> None:
        if self.header is not None:
            self.header.append(data)


@pytest.mark.parametrize("site", ["public", "members", "english"])
def test_every_table_is_boxed_and_every_cell_labelled(sites: dict[str, Path], site: str) -> None:
    problems = []
    tables = 0
    for page in sorted(sites[site].rglob("*.html")):
        parser = _Tables()
        parser.feed(page.read_text(encoding="utf-8"))
        for table in parser.tables:
            tables += 1
            where = page.relative_to(sites[site]).as_posix()
            if not table["boxed"]:
                problems.append(f"{where}: a table outside an ob-scroll box")
            for expected, label, span in table["cells"]:
                if span == 1 and expected and label != expected:
                    problems.append(f"{where}: a cell labelled {label!r} under the column {expected!r}")
                elif span > 1 and not label:
                    problems.append(f"{where}: a cell spanning {span} columns without a data-label")
    assert tables > 50, tables
    assert not problems, "\n".join(sorted(set(problems))[:30])
