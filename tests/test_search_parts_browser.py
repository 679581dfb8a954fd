"""A search index in parts (``limits.search_index_pages``), searched in real Chromium.

A large site's index is made in parts: ``pagefind/`` and ``pagefind/part-2/``,
…, listed in ``pagefind/openbranch-parts.json`` (generator/search.py).  The
search workers merge every part into the first (Pagefind's ``mergeIndex``),
so a reader finds the same pages as in an index of one part.

The demo is built twice with the real command: as it is (one part: the
session's ``demo_out``) and with ``search_index_pages: 40`` (at least three
parts).  Each is served on 127.0.0.1 and searched through Material's box, and
the results are compared by URL and by the count Material shows:

* a word on most pages, and a record's title whose page is in a later part:
  the same pages, the same count; every part is read, Pagefind's WebAssembly
  is fetched once (never a part's);
* without the parts list (a site built before parts), or with one that
  cannot be read, the first part is searched alone; a part that cannot be
  loaded leaves the others answering; a first part that cannot be loaded
  gives "no results", never a box that waits for ever;
* the result list at 390 and 1280 px reads as on the one-part site (the
  screenshots are kept in the test's temporary folder);
* the committee portal (three branches, branch 1 in parts) finds branch 1's
  pages in every part, still searches a branch without a parts list, and
  names branch 1 as unavailable when a part of it is gone or its chunks are
  broken, while the others answer.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import lxml.html
import pytest
import yaml

from generator.search import BOUNDARY

from .browser import DESKTOP_VIEWPORT, PHONE_VIEWPORT, scroll_search_results, search, serve_directory, settle_animations
from .helpers import DEMO_TODAY, build_ok, copy_demo, dump_yaml, url_path, write_file, write_site
from .test_portal import BRANCHES, TODAY as PORTAL_TODAY, portal_ok, portal_yml
from .test_portal_search_browser import _served, _status

PAGES_PER_PART = 40
META = ".md-search-result__meta"
# Every fetch of Pagefind's WebAssembly, the first part's or a part's.
WASM = re.compile(r"/pagefind/(?:[^?]*/)?wasm\.[^/?]+\.pagefind")


def _in_parts(config: Path, pages: int) -> Path:
    """The site_config.yml at ``config`` with ``limits.search_index_pages: pages``."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data.setdefault("limits", {})["search_index_pages"] = pages
    write_file(config, dump_yaml(data))
    return config


@pytest.fixture(scope="module")
def parts_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built with an index of 40 pages a part: its public site."""
    root = tmp_path_factory.mktemp("search-parts")
    config = _in_parts(copy_demo(root / "site"), PAGES_PER_PART)
    return build_ok(config, root / "out", DEMO_TODAY, "--audience", "public") / "public"


def index_pages(site: Path) -> dict[str, dict[str, str]]:
    """Each part of a site's index (its folder inside pagefind/, "" for the first) -> page URL -> the page's indexed text.

    The text has the spaces the index put between characters taken out and
    each break the page shows as "|", so a query found in it is a run of
    characters the page shows together.
    """
    listed = json.loads((site / "pagefind" / "openbranch-parts.json").read_text(encoding="utf-8"))["parts"]
    parts: dict[str, dict[str, str]] = {}
    for folder in ["", *listed]:
        pages = {}
        for path in sorted((site / "pagefind" / folder / "fragment").glob("*.pf_fragment")):
            raw = gzip.decompress(path.read_bytes())
            data = json.loads(raw[raw.index(b"{"):])
            pages[data["url"]] = re.sub(r"\s+", "", data["content"].replace(BOUNDARY, "|"))
        parts[folder] = pages
    return parts


def matching(parts: dict[str, dict[str, str]], query: str, skip: tuple[str, ...] = ()) -> dict[str, set[str]]:
    """Part -> the pages in it whose text holds ``query`` (Chinese, a run of characters); parts in ``skip`` left out."""
    return {folder: {url for url, text in pages.items() if query in text} for folder, pages in parts.items() if folder not in skip}


def every(found: dict[str, set[str]]) -> set[str]:
    """The pages of every part."""
    return set().union(*found.values())


def later_title(site: Path) -> tuple[str, str]:
    """(title, URL) of a record's page in the last part: a title of Chinese characters and digits only, which the
    worker searches as one run of characters."""
    parts = index_pages(site)
    last = list(parts)[-1]
    assert last, "the site's index is in one part"
    for url in sorted(parts[last]):
        if url.count("/") != 4:  # /<section>/<year>/<id>/: a record's own page
            continue
        html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        title = lxml.html.fromstring(html).xpath("//h1")[0].text_content().strip()
        if re.fullmatch(r"[\u4e00-\u9fff0-9]{6,}", title):
            return title, url
    raise AssertionError(f"no record page with a plain title in {last}")


@dataclass
class Searched:
    meta: str            # what Material says above the results ("89 个符合条件的结果")
    paths: list[str]     # every result's page, as the list shows them once scrolled to its end
    requests: list[str]  # every URL the page and its worker requested
    errors: list[str]    # uncaught errors on the page


def _search_everything(page, query: str) -> tuple[str, list[str]]:
    search(page, query)
    return _every_result(page)


def _every_result(page) -> tuple[str, list[str]]:
    """What Material says above the results, and every result's page once the list is scrolled to its end."""
    meta = page.inner_text(META).strip()
    count = int(meta.split()[0]) if meta[0].isdigit() else (1 if meta.startswith("找到 1") else 0)
    scroll_search_results(page, count)
    links = page.eval_on_selector_all("li.md-search-result__item", "items => items.map(li => li.querySelector(':scope > a.md-search-result__link').href)")
    assert not page.locator("[data-ob-pending]").count(), "placeholders left unfilled"
    return meta, [url_path(h) for h in links]


def searched(browser, site: Path, query: str) -> Searched:
    """``query`` typed into a fresh desktop tab on ``site``; every result loaded."""
    with serve_directory(site) as base:
        context = browser.new_context(viewport=DESKTOP_VIEWPORT)
        try:
            page = context.new_page()
            requests: list[str] = []
            errors: list[str] = []
            page.on("request", lambda request: requests.append(request.url[len(base):]))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(base + "/", wait_until="load")
            meta, paths = _search_everything(page, query)
            return Searched(meta, paths, requests, errors)
        finally:
            context.close()


def _count(pages: set[str]) -> str:
    return f"{len(pages)} 个符合条件的结果"


def test_the_index_is_in_parts(parts_out: Path, demo_out: Path) -> None:
    """The fixture is what the tests assume: the multi-part index holds the one-part index's pages, each in one part."""
    parts = index_pages(parts_out)
    assert len(parts) >= 3, list(parts)
    assert all(len(pages) <= PAGES_PER_PART for pages in list(parts.values())[1:]), {k: len(v) for k, v in parts.items()}
    assert sum(len(pages) for pages in parts.values()) == len(every({k: set(v) for k, v in parts.items()}))
    one = index_pages(demo_out / "public")
    assert list(one) == [""]
    assert every({k: set(v) for k, v in parts.items()}) == set(one[""])
    # Only the first part carries Pagefind's script: the worker loads Pagefind once.
    assert [folder for folder in parts if (parts_out / "pagefind" / folder / "pagefind.js").exists()] == [""]


@pytest.mark.parametrize("kind", ["word", "title"])
def test_every_part_is_searched_and_the_results_are_those_of_one_part(browser, parts_out: Path, demo_out: Path, kind: str) -> None:
    """支部 (on most pages) and the title of a record in the last part: the same pages, the same count, as the site in one part."""
    title, title_page = later_title(parts_out)
    query = "支部" if kind == "word" else title
    found = matching(index_pages(parts_out), query)
    expected = every(found)
    # The answer needs more than one part: the first part alone would miss pages.
    assert len([part for part, pages in found.items() if pages]) >= (len(found) if kind == "word" else 2), found
    one = searched(browser, demo_out / "public", query)
    many = searched(browser, parts_out, query)
    assert not one.errors and not many.errors, (one.errors, many.errors)
    assert one.meta == many.meta == _count(expected), (one.meta, many.meta, len(expected))
    assert sorted(many.paths) == sorted(one.paths) == sorted(expected)
    if kind == "title":
        assert title_page in many.paths
    # Each part was read, and Pagefind's WebAssembly fetched once: the first part's.
    for part in list(found)[1:]:
        assert any(url.startswith(f"/pagefind/{part}pagefind-entry.json") for url in many.requests), (part, many.requests)
    assert [url for url in many.requests if WASM.search(url)] == ["/pagefind/wasm.unknown.pagefind"], many.requests


@pytest.mark.parametrize("what", ["removed", "not-json", "not-a-list", "outside-the-index"])
def test_without_a_readable_parts_list_the_first_part_is_searched(browser, parts_out: Path, tmp_path: Path, what: str) -> None:
    """A site built before parts has no list; one that cannot be read is taken as none: the first part answers alone."""
    expected = matching(index_pages(parts_out), "支部")[""]
    site = tmp_path / "site"
    shutil.copytree(parts_out, site)
    listed = site / "pagefind" / "openbranch-parts.json"
    if what == "removed":
        listed.unlink()
    elif what == "not-json":
        listed.write_text('{"parts": ["part-2/"', encoding="utf-8")
    elif what == "not-a-list":
        listed.write_text('{"parts": "part-2/"}', encoding="utf-8")
    else:
        listed.write_text('{"parts": ["../../", "/", "https://example.org/pagefind/"]}', encoding="utf-8")
    result = searched(browser, site, "支部")
    assert not result.errors, result.errors
    assert result.meta == _count(expected)
    assert sorted(result.paths) == sorted(expected)
    assert not [url for url in result.requests if "/part-" in url or "example.org" in url], result.requests


def test_a_part_that_cannot_be_loaded_leaves_the_others(browser, parts_out: Path, tmp_path: Path) -> None:
    """A part gone from the server (a copy cut short): the pages of every other part are still found."""
    parts = index_pages(parts_out)
    gone = list(parts)[1]
    site = tmp_path / "site"
    shutil.copytree(parts_out, site)
    shutil.rmtree(site / "pagefind" / gone)
    expected = every(matching(parts, "支部", skip=(gone,)))
    result = searched(browser, site, "支部")
    assert not result.errors, result.errors
    assert result.meta == _count(expected)
    assert sorted(result.paths) == sorted(expected)


def test_a_first_part_that_cannot_be_loaded_says_no_results(browser, parts_out: Path, tmp_path: Path) -> None:
    """The first part's entry gone, its parts there: the box says no results instead of waiting for ever
    (Pagefind's mergeIndex waits for the first part to be loaded, however long)."""
    site = tmp_path / "site"
    shutil.copytree(parts_out, site)
    (site / "pagefind" / "pagefind-entry.json").unlink()
    result = searched(browser, site, "支部")
    assert result.meta == "没有找到符合条件的结果" and result.paths == []


def _result_texts(page) -> list[str]:
    return sorted(page.eval_on_selector_all("li.md-search-result__item", "items => items.map(li => li.innerText.replace(/\\s+/g, ' ').trim())"))


@pytest.mark.parametrize("viewport", [PHONE_VIEWPORT, DESKTOP_VIEWPORT], ids=["390px", "1280px"])
def test_the_results_read_as_on_a_site_of_one_part(browser, parts_out: Path, demo_out: Path, viewport: dict[str, int], tmp_path_factory: pytest.TempPathFactory) -> None:
    """The list for a later part's record: each result's title, type, date and excerpt as on the one-part site; a screenshot kept."""
    title, title_page = later_title(parts_out)
    phone = viewport is PHONE_VIEWPORT
    texts = {}
    shots = tmp_path_factory.mktemp("shots")
    for name, site in (("one-part", demo_out / "public"), ("parts", parts_out)):
        with serve_directory(site) as base:
            context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
            try:
                page = context.new_page()
                page.goto(base + "/", wait_until="load")
                assert title_page in [url_path(h) for h in search(page, title)]
                item = page.locator("li.md-search-result__item", has=page.locator(f'a[href*="{title_page}"]')).first
                assert title in item.locator("h1").inner_text()
                assert item.locator(".ob-search-about").count() == 1
                assert title in item.locator("mark").all_inner_texts()
                texts[name] = _result_texts(page)
                settle_animations(page)
                shot = shots / f"search-{name}-{viewport['width']}.png"
                page.screenshot(path=str(shot))
                assert shot.stat().st_size > 10_000
            finally:
                context.close()
    assert texts["parts"] == texts["one-part"]


# ---------------------------------------------------------------------------
# The committee portal: a branch in parts
# ---------------------------------------------------------------------------

PORTAL_PAGES_PER_PART = 10
# The chair of every meeting of the three branches: in every part of branch 1's index.
PORTAL_QUERY = "陈立群"


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three branches of tests/test_portal.py, branch 1 with an index of 10 pages a part, and the portal over them."""
    root = tmp_path_factory.mktemp("portal-parts")
    for key, (name, files) in BRANCHES.items():
        config: dict[str, Any] = {"site_name": name + "党务公开", "language": "zh", "default_visibility": "党内"}
        if key == "b1":
            config["limits"] = {"search_index_pages": PORTAL_PAGES_PER_PART}
        source = write_site(root / "sources" / key, files(), config)
        build_ok(source / "site_config.yml", root / "branches" / key / "site", PORTAL_TODAY)
    write_file(root / "portal.yml", portal_yml())
    portal_ok(root)
    return root


def _branch_site(committee: Path, key: str) -> Path:
    return committee / "branches" / key / "site" / "public"


@pytest.fixture
def portal_page(browser) -> Iterator[tuple[Any, list[str]]]:
    """A desktop tab and the URLs it (and its workers) requested; no uncaught error on it."""
    context = browser.new_context(viewport=DESKTOP_VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    context.close()
    assert not errors, errors


def _portal_expected(committee: Path, query: str, skip: tuple[str, ...] = ()) -> dict[str, dict[str, set[str]]]:
    """Branch -> its part -> the portal addresses of the pages there that hold ``query``."""
    return {
        key: {part: {f"/{key}{url}" for url in pages} for part, pages in matching(index_pages(_branch_site(committee, key)), query).items()}
        for key in BRANCHES if key not in skip
    }


def _portal_search(page, query: str) -> tuple[str, list[str], str]:
    """``query`` searched on the portal, every branch's answer in: (Material's count, every result's page, the status line)."""
    search(page, query)
    status = _status(page)
    return (*_every_result(page), status)


def test_the_portal_finds_a_branch_in_every_part(committee: Path, tmp_path: Path, portal_page) -> None:
    page, requests = portal_page
    expected = _portal_expected(committee, PORTAL_QUERY)
    assert len(expected["b1"]) >= 3 and all(expected["b1"].values()), {part: len(pages) for part, pages in expected["b1"].items()}
    assert [list(expected[key]) for key in ("b2", "b3")] == [[""], [""]]
    everything = set().union(*(every(parts) for parts in expected.values()))
    with serve_directory(_served(committee, tmp_path / "site")) as base:
        page.goto(base + "/")
        meta, paths, status = _portal_search(page, PORTAL_QUERY)
        assert "已搜索全部 3 个支部" in status and "暂不可用" not in status, status
        assert meta == _count(everything)
        assert sorted(paths) == sorted(everything)
        # Every part of branch 1 answered: a page of each is in the list.
        for part, pages in expected["b1"].items():
            assert pages & set(paths), part
        for part in list(expected["b1"])[1:]:
            assert any(url.startswith(f"{base}/b1/pagefind/{part}pagefind-entry.json") for url in requests), (part, requests)
        # No part's WebAssembly: the portal's is the one engine.
        assert not [url for url in requests if WASM.search(url) and "/part-" in url], requests


def test_a_branch_built_before_parts_is_still_searched(committee: Path, tmp_path: Path, portal_page) -> None:
    """Branch 2 without openbranch-parts.json (built by an older version): its pages are found as before, beside the others'."""
    page, _ = portal_page
    old = tmp_path / "b2-old"
    shutil.copytree(_branch_site(committee, "b2"), old)
    (old / "pagefind" / "openbranch-parts.json").unlink()
    expected = _portal_expected(committee, PORTAL_QUERY)
    assert every(expected["b2"])
    everything = set().union(*(every(parts) for parts in expected.values()))
    with serve_directory(_served(committee, tmp_path / "site", {"b2": old})) as base:
        page.goto(base + "/")
        meta, paths, status = _portal_search(page, PORTAL_QUERY)
        assert "已搜索全部 3 个支部" in status and "暂不可用" not in status, status
        assert meta == _count(everything)
        assert sorted(paths) == sorted(everything)


@pytest.mark.parametrize("what", ["part-gone", "part-chunks-garbled"])
def test_a_branch_whose_part_fails_is_unavailable_and_the_others_answer(committee: Path, tmp_path: Path, portal_page, what: str) -> None:
    """Branch 1's last part gone (found when the branch is checked), or its chunks not gzip (found as the search
    reads them, a file under the branch's index): branch 1 is named unavailable, the two others answer."""
    page, _ = portal_page
    cut = tmp_path / "b1-cut"
    shutil.copytree(_branch_site(committee, "b1"), cut)
    part = cut / "pagefind" / list(index_pages(cut))[-1]
    if what == "part-gone":
        shutil.rmtree(part)
    else:
        for chunk in (part / "index").iterdir():
            chunk.write_bytes(b"not gzip")
    expected = set().union(*(every(parts) for parts in _portal_expected(committee, PORTAL_QUERY, skip=("b1",)).values()))
    with serve_directory(_served(committee, tmp_path / "site", {"b1": cut})) as base:
        page.goto(base + "/")
        meta, paths, status = _portal_search(page, PORTAL_QUERY)
        assert "已搜索全部 3 个支部" in status and "暂不可用：第一党支部" in status, status
        assert meta == _count(expected)
        assert sorted(paths) == sorted(expected)
