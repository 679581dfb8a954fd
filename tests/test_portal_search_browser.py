"""The portal's one search box over every branch's own index, typed into in real Chromium.

The three branches of ``tests/test_portal.py`` and the portal over them are
built with the real commands; the public portal is served with each
branch's public site at the address portal.yml gives it (``b1/`` …) and
opened in Debian's headless Chromium.  The search box (Material's, answered
by openbranch-portal-search-worker.js, which merges the branches' Pagefind
indexes with mergeIndex) must:

* find a word only branch 3 contains, and link to branch 3's page;
* still answer when branch 2's index is gone, and name branch 2 as
  unavailable (Pagefind alone fails every merged search when one index does);
* still answer when an index is there but broken (its chunks missing or not
  gzip, its metadata not gzip: the search fails, or Pagefind answers without
  the chunks it could not read; the worker takes that branch out, names it,
  and searches again);
* narrow to one branch with the scope select;
* find nothing of a members-only record on the public portal.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from .browser import DESKTOP_VIEWPORT, PHONE_VIEWPORT, scroll_search_results, search, serve_directory
from .helpers import url_path, write_file
from .test_portal import BRANCH3_WORD, BRANCHES, build_branches, portal_ok, portal_yml
from .test_search_browser import _pages_matching

STATUS = ".ob-portal-search__status"


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = build_branches(tmp_path_factory.mktemp("portal-search"))
    write_file(root / "portal.yml", portal_yml())
    portal_ok(root)
    return root


def _served(committee: Path, folder: Path, replace: dict[str, Path] | None = None) -> Path:
    """A folder as the host serves it: the public portal at the root, each branch's public site at <key>/."""
    folder.mkdir(parents=True)
    portal = committee / "portal" / "public"
    for entry in portal.iterdir():
        os.symlink(entry, folder / entry.name)
    for key in BRANCHES:
        os.symlink((replace or {}).get(key, committee / "branches" / key / "site" / "public"), folder / key)
    return folder


def _broken_copy(committee: Path, key: str, folder: Path, what: str) -> Path:
    copy = folder / f"{key}-{what}"
    shutil.copytree(committee / "branches" / key / "site" / "public", copy)
    if what == "no-index":
        shutil.rmtree(copy / "pagefind")
    elif what == "no-chunks":
        shutil.rmtree(copy / "pagefind" / "index")
    elif what == "garbled-chunks":
        for chunk in (copy / "pagefind" / "index").iterdir():
            chunk.write_bytes(b"not gzip")
    elif what == "garbled-meta":
        for meta in (copy / "pagefind").glob("*.pf_meta"):
            meta.write_bytes(b"not gzip")
    return copy


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport=DESKTOP_VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def _status(page) -> str:
    page.wait_for_function(f"() => {{ const s = document.querySelector('{STATUS}'); return s && /已搜索全部/.test(s.textContent); }}", timeout=15_000)
    return page.eval_on_selector(STATUS, "e => e.textContent")


def test_a_word_only_branch_three_has_links_to_branch_three(committee: Path, tmp_path: Path, page) -> None:
    with serve_directory(_served(committee, tmp_path / "site")) as base:
        page.goto(base + "/")
        hrefs = search(page, BRANCH3_WORD)
        assert [url_path(h) for h in hrefs] == ["/b3/meetings/2026/2026-02-10-committee/"]
        status = _status(page)
        assert "已搜索全部 3 个支部" in status and "暂不可用" not in status
        # The result names its branch, and opens the branch's own page.
        assert page.eval_on_selector("li.md-search-result__item .ob-search-branch", "e => e.textContent") == "第三党支部"
        page.click("li.md-search-result__item a.md-search-result__link")
        page.wait_for_url("**/b3/meetings/2026/2026-02-10-committee/**")
        assert BRANCH3_WORD in page.text_content("article")


@pytest.mark.parametrize("what", ["no-index", "no-chunks", "garbled-chunks", "garbled-meta"])
def test_branch_two_unavailable_does_not_break_the_others(committee: Path, tmp_path: Path, page, what: str) -> None:
    broken = _broken_copy(committee, "b2", tmp_path, what)
    with serve_directory(_served(committee, tmp_path / "site", {"b2": broken})) as base:
        page.goto(base + "/")
        hrefs = search(page, BRANCH3_WORD)
        assert [url_path(h) for h in hrefs] == ["/b3/meetings/2026/2026-02-10-committee/"]
        assert "暂不可用：第二党支部" in _status(page)
        # A word all three branches have: the two others answer.
        hrefs = search(page, "支委会")
        branches = {url_path(h).split("/")[1] for h in hrefs}
        assert branches == {"b1", "b3"}, hrefs


def test_many_matches_are_all_counted_and_load_as_the_reader_scrolls(committee: Path, tmp_path: Path, page) -> None:
    """支部 is on most pages of every branch: the portal counts them all, as each branch's own search does, and fills in the rest on scroll."""
    expected = {f"/{key}{url}" for key in BRANCHES for url in _pages_matching(committee / "branches" / key / "site" / "public", "支部")}
    assert len(expected) > 20, len(expected)
    with serve_directory(_served(committee, tmp_path / "site")) as base:
        page.goto(base + "/")
        search(page, "支部")
        assert "已搜索全部 3 个支部" in _status(page)
        page.wait_for_function(f"() => document.querySelector('.md-search-result__meta').textContent.trim() === '{len(expected)} 个符合条件的结果'", timeout=15_000)
        scroll_search_results(page, len(expected))
        assert page.locator("li.md-search-result__item").count() == len(expected)
        assert not page.locator("[data-ob-pending]").count(), "placeholders left unfilled"
        links = page.eval_on_selector_all("li.md-search-result__item", "items => items.map(li => li.querySelector(':scope > a.md-search-result__link').href)")
        assert sorted(url_path(h) for h in links) == sorted(expected)
        # One filled in late names its branch like the first ones.
        assert page.locator("li.md-search-result__item").last.locator(".ob-search-branch").count() == 1


def test_the_scope_narrows_to_one_branch(committee: Path, tmp_path: Path, page) -> None:
    with serve_directory(_served(committee, tmp_path / "site")) as base:
        page.goto(base + "/")
        everywhere = {url_path(h).split("/")[1] for h in search(page, "支委会")}
        assert everywhere == {"b1", "b2", "b3"}
        page.select_option(".ob-portal-search__scope", label="第一党支部")
        page.wait_for_function(
            "() => { const l = [...document.querySelectorAll('li.md-search-result__item > a')]; return l.length && l.every(a => new URL(a.href).pathname.startsWith('/b1/')); }",
            timeout=15_000,
        )
        assert "已搜索全部 1 个支部" in _status(page)


def test_the_public_portal_finds_nothing_members_only(committee: Path, tmp_path: Path, page) -> None:
    with serve_directory(_served(committee, tmp_path / "site")) as base:
        page.goto(base + "/")
        assert search(page, "吴佳怡") == []


def test_search_on_a_phone(committee: Path, tmp_path: Path, browser) -> None:
    context = browser.new_context(viewport=PHONE_VIEWPORT)
    page = context.new_page()
    try:
        with serve_directory(_served(committee, tmp_path / "site")) as base:
            page.goto(base + "/")
            hrefs = search(page, BRANCH3_WORD)
            assert [url_path(h) for h in hrefs] == ["/b3/meetings/2026/2026-02-10-committee/"]
            box = page.eval_on_selector(".ob-portal-search", "e => e.getBoundingClientRect().toJSON()")
            assert box["width"] <= PHONE_VIEWPORT["width"] and box["height"] > 0
    finally:
        context.close()


def test_a_batch_at_a_time_with_a_missing_index_in_the_middle(committee: Path, tmp_path: Path, page) -> None:
    """One branch per batch: each batch is searched in turn, the missing one is named, the others' pages come back."""
    config = portal_yml()
    config["search_batch"] = 1
    write_file(committee / "portal-by-one.yml", config)
    portal_ok(committee, "-c", committee / "portal-by-one.yml", "-d", committee / "portal-by-one")
    site = tmp_path / "site"
    site.mkdir()
    for entry in (committee / "portal-by-one" / "public").iterdir():
        os.symlink(entry, site / entry.name)
    broken = _broken_copy(committee, "b2", tmp_path, "no-index")
    for key in BRANCHES:
        os.symlink(broken if key == "b2" else committee / "branches" / key / "site" / "public", site / key)
    with serve_directory(site) as base:
        page.goto(base + "/")
        hrefs = search(page, "支委会")
        assert "已搜索全部 3 个支部" in _status(page)
        assert "暂不可用：第二党支部" in _status(page)
        items = page.eval_on_selector_all("li.md-search-result__item > a", "l => l.map(a => new URL(a.href).pathname.split('/')[1])")
        assert set(items) == {"b1", "b3"}, hrefs


def test_no_portal_page_is_wider_than_a_phone(committee: Path, tmp_path: Path, browser) -> None:
    """A wide table scrolls inside its box; nothing in it (a matrix cell's screen-reader text) widens the page."""
    portal = committee / "portal" / "public"
    paths = sorted("/" + p.parent.relative_to(portal).as_posix().removeprefix(".") for p in portal.rglob("index.html"))
    assert "/regularity/2026/branch_committee" in [p.rstrip("/") for p in paths]
    context = browser.new_context(viewport=PHONE_VIEWPORT)
    page = context.new_page()
    try:
        with serve_directory(_served(committee, tmp_path / "site")) as base:
            wide = {}
            for path in paths:
                page.goto(base + path.rstrip("/") + "/")
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > PHONE_VIEWPORT["width"]:
                    wide[path] = width
            assert not wide, wide
    finally:
        context.close()
