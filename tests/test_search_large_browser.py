"""Search on a 2,000-record site: the first query transfers at most 500 KB.

Material's own index was one search_index.json of every page's text (about
10 MB at 2,000 records, 63 MB at 10,000), all downloaded before the first
answer.  The Pagefind index is split in chunks: a query fetches Pagefind's
script and WebAssembly, the index metadata, the chunks holding its characters
and one fragment per shown page.

The site is the demo's records plus copies of its meetings under new ids and
years (as bench/run.py makes them), one of them with a sentence found nowhere
else.  Only the public site is built, with the real command; it is served by a
local server that counts every byte it sends (headers included, nothing
compressed on the way), and searched through the search box in Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from .browser import DESKTOP_VIEWPORT, PHONE_VIEWPORT, search, serve_directory, settle_animations
from .helpers import DEMO_TODAY, build_ok, copy_demo, url_path

RECORDS = 2000
BUDGET = 500 * 1024
# The record that holds the sentence, and the sentence (no demo record mentions a lift).
UNIQUE_ID = "bench7-2026-01-08-branch-committee"
UNIQUE_PAGE = f"/meetings/2007/{UNIQUE_ID}/"
UNIQUE_SENTENCE = "会议研究了老旧小区加装电梯的议题。"
# Requests that belong to search, whenever they happen.
SEARCH_FILES = ("/search/", "/pagefind/", "openbranch-search-worker")


def _make_site(folder: Path, records: int) -> Path:
    """The demo, plus copies of its meetings under new ids and years until there are ``records``."""
    copy_demo(folder)
    # The copies move the demo's meetings years back: before its roster's members joined (so the copied
    # branch has no roster, only its member counts) and before the periods they name (so those go).
    branch = folder / "content" / "branch.yml"
    data = yaml.safe_load(branch.read_text(encoding="utf-8"))
    del data["members"]
    branch.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    meetings = sorted((folder / "content" / "meetings").rglob("*.yml"))
    existing = len(list((folder / "content").rglob("*.yml"))) - 1  # branch.yml is no record
    copy = 0
    while existing < records:
        for source in meetings:
            if existing >= records:
                break
            year = 2000 + copy % 20
            text = source.read_text(encoding="utf-8")
            text = text.replace("date: 2026-", f"date: {year}-").replace("date: 2025-", f"date: {year}-")
            text = re.sub(r"^period: .*\n", "", text, flags=re.M)
            name = f"bench{copy}-{source.name}"
            if name == f"{UNIQUE_ID}.yml":
                text = text.replace("  ## 会议议程\n", f"  ## 会议议程\n  {UNIQUE_SENTENCE}\n\n", 1)
                assert UNIQUE_SENTENCE in text
            target = folder / "content" / "meetings" / str(year) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            existing += 1
        copy += 1
    return folder / "site_config.yml"


@pytest.fixture(scope="module")
def large_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search-large")
    config = _make_site(root / "site", RECORDS)
    out = build_ok(config, root / "out", DEMO_TODAY, "--audience", "public")
    site = out / "public"
    assert (site / UNIQUE_PAGE.strip("/") / "index.html").is_file()
    return site


class Visit:
    """One fresh browser tab (empty cache) on the home page, and what the server sent it."""

    def __init__(self, page, base: str, log: list) -> None:
        self.page, self.base, self.log = page, base, log
        self.on_load = [entry for entry in log if any(part in entry[0] for part in SEARCH_FILES)]

    def query(self, text: str) -> tuple[list[str], list[tuple[str, int]]]:
        """Type ``text`` into the search box; the result paths and every response sent meanwhile."""
        mark = len(self.log)
        paths = [url_path(href) for href in search(self.page, text)]
        return paths, self.log[mark:]


@pytest.fixture()
def visit(browser, large_public: Path, request: pytest.FixtureRequest) -> Iterator[Visit]:
    viewport = PHONE_VIEWPORT if getattr(request, "param", "desktop") == "phone" else DESKTOP_VIEWPORT
    log: list[tuple[str, int]] = []
    with serve_directory(large_public, log=log) as base:
        context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE_VIEWPORT, has_touch=viewport is PHONE_VIEWPORT)
        try:
            page = context.new_page()
            page.goto(base + "/", wait_until="networkidle")
            yield Visit(page, base, log)
        finally:
            context.close()


def _report(entries: list[tuple[str, int]]) -> str:
    return "\n".join(f"  {size:>8} {path}" for path, size in sorted(entries, key=lambda e: -e[1]))


def test_material_index_is_empty_and_pagefind_is_chunked(large_public: Path) -> None:
    assert (large_public / "search" / "search_index.json").stat().st_size < 2048
    fragments = list((large_public / "pagefind" / "fragment").glob("*.pf_fragment"))
    indexed = [path for path in large_public.rglob("*.html") if b"data-pagefind-body" in path.read_bytes()]
    assert len(indexed) > RECORDS * 0.9
    assert len(fragments) == len(indexed)  # one per page, fetched only when the page is a result
    biggest = max(path.stat().st_size for path in (large_public / "pagefind").rglob("*") if path.is_file())
    assert biggest < 100 * 1024, biggest


@pytest.mark.parametrize("query, expected", [
    pytest.param("加装电梯", UNIQUE_PAGE, id="unique-sentence-加装电梯"),
    pytest.param("电梯", UNIQUE_PAGE, id="unique-word-电梯"),
    # On nearly every page: the biggest chunks and a full page of results.
    pytest.param("支部", None, id="everywhere-支部"),
    pytest.param("组织生活会", None, id="common-term-组织生活会"),
])
def test_first_query_transfers_at_most_500_kb(visit: Visit, query: str, expected: str | None) -> None:
    found, sent = visit.query(query)
    if expected:
        assert expected in found, f"{query!r} did not find {expected}: {found[:10]}"
    else:
        assert len(found) >= 10, found
    assert any("/pagefind/" in path for path, _ in sent), "the query fetched nothing from the index"
    total = sum(size for _, size in visit.on_load) + sum(size for _, size in sent)
    assert total <= BUDGET, (
        f"{query!r}: {total} bytes for search (budget {BUDGET}):\non page load\n{_report(visit.on_load)}\nfor the query\n{_report(sent)}"
    )


def test_page_load_fetches_no_index(visit: Visit) -> None:
    """Opening a page costs the worker script and Material's empty index: Pagefind waits for a query."""
    assert not [path for path, _ in visit.on_load if "/pagefind/" in path], visit.on_load
    assert sum(size for _, size in visit.on_load) < 16 * 1024, visit.on_load


@pytest.mark.parametrize("visit", ["desktop", "phone"], indirect=True)
def test_screenshot_of_results(visit: Visit, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> None:
    """The dialog with results, desktop and phone (PNG kept in the test's temp folder for a look)."""
    found, _ = visit.query("加装电梯")
    assert UNIQUE_PAGE in found
    marks = visit.page.locator("li.md-search-result__item mark").all_inner_texts()
    assert "加装电梯" in marks, marks
    settle_animations(visit.page)
    shot = tmp_path_factory.mktemp("shots") / f"search-{request.node.callspec.id}.png"
    visit.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
