"""Chinese and English full-text search, typed into Material's search box in real Chromium.

One Chinese site is written into a temporary folder, built for both
audiences with the real ``openbranch build``, served on 127.0.0.1 and opened
in Debian's headless Chromium.  Each query is typed into the search box the
way a person would (``tests.browser.search``) and the record pages that come
back are compared by URL path (``?h=`` from ``search.highlight`` ignored).
The answers come from each site's own Pagefind index (generator/search.py)
through OpenBranch's search worker; Material's box, list and highlighting.

What is covered (issue 3, "Search"):

* a word that appears only in a record's body (电梯, 加装电梯);
* words right after full-width punctuation: ``议题：垃圾分类``, ``《党章》``,
  ``（试行）``, ``“三会一课”``, ``：WeChat（``;
* party terms a word segmenter splits, typed as one word: 组织生活会,
  主题党日, 三会一课, 民主生活会, 第三党支部 (found as runs of characters,
  no word list);
* an English word inside Chinese text, in its own case and lower case;
* a members-only word: found on the members' site, nothing on the public one
  (and not in the public site's index files);
* the print board pages and Material's own index stay empty of records;
* an English site (``language: en``): "meeting" finds "meetings were organised".
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from generator import vocabulary

from .browser import DESKTOP_VIEWPORT, PHONE_VIEWPORT, scroll_search_results, search, serve_directory
from .helpers import BRANCH, NO_APPROVAL, build_ok, make_site, url_path

TODAY = "2026-06-01"


def _meeting(title: str, date: str, body: str, visibility: str = "public", kind: str = "支委会") -> dict[str, Any]:
    # Titles avoid every query word (and the characters 三, 鲟, 鳇, 鱼) so a hit
    # can only come from the body; no summary, so listings don't repeat bodies.
    return {
        "title": title,
        "date": date,
        "visibility": visibility,
        "kind": kind,
        "chair": "王书记",
        "attendees": ["王书记", "李委员", "赵委员"],
        "body": body,
    }


# record id -> (body, visibility).  One record per query so the expected page is unambiguous.
ZH_RECORDS: dict[str, tuple[str, str]] = {
    "2025-01-08-elevator": ("## 会议情况\n\n会议研究了老旧小区加装电梯的议题，形成了处理意见。\n", "public"),
    "2025-01-15-garbage": ("## 会议情况\n\n本次会议议题：垃圾分类工作推进情况。\n", "public"),
    "2025-01-22-charter": ("## 学习内容\n\n全体党员集中学习《党章》总纲部分。\n", "public"),
    "2025-02-05-trial": ("## 传达文件\n\n会议传达了《党员教育管理办法（试行）》。\n", "public"),
    "2025-02-12-org-life": ("## 会议情况\n\n支部召开年度组织生活会，开展批评和自我批评。\n", "public"),
    "2025-02-19-theme-day": ("## 活动安排\n\n本月开展主题党日，集体参观纪念馆。\n", "public"),
    "2025-02-26-three-one": ("## 制度落实\n\n严格落实“三会一课”制度，按时足额交纳党费。\n", "public"),
    "2025-03-05-democratic-life": ("## 列席情况\n\n书记列席上级党委民主生活会并作交流发言。\n", "public"),
    "2025-03-12-joint-branch": ("## 联学联建\n\n与第三党支部开展联学联建，交流工作经验。\n", "public"),
    "2025-03-19-wechat": ("## 通知方式\n\n会议通知通过：WeChat（微信）工作群发布。\n", "public"),
    # Members only: words whose characters appear nowhere on the public site.
    # 钓鱼台 is in jieba's dictionary; 鲟鳇鱼 is in no word list (jieba cuts
    # "了鲟|鳇鱼"): a search by runs of characters finds both.
    "2025-03-26-sturgeon": ("## 专项工作\n\n研究钓鱼台议题，讨论了鲟鳇鱼增殖放流的事项。\n", "members"),
}
MEMBERS_ONLY_ID = "2025-03-26-sturgeon"
MEMBERS_ONLY_WORDS = ["钓鱼台", "鲟鳇鱼"]


def _page(record_id: str) -> str:
    return f"/meetings/{record_id[:4]}/{record_id}/"


RECORD_PAGE = re.compile(r"^/(" + "|".join(vocabulary.SECTIONS) + r")/\d{4}/[^/]+/$")


def record_pages(paths: list[str]) -> list[str]:
    """Only the record pages among result paths (not listings, tags or print compilations)."""
    return [p for p in paths if RECORD_PAGE.match(p)]


def _zh_files() -> dict[str, Any]:
    files: dict[str, Any] = {"content/branch.yml": BRANCH}
    for number, (record_id, (body, visibility)) in enumerate(sorted(ZH_RECORDS.items()), start=1):
        title = f"2025年第{number}次支部委员会会议"
        date = record_id[:10]
        files[f"content/meetings/{record_id[:4]}/{record_id}.yml"] = _meeting(title, date, body, visibility)
    return files


# (query, record whose page must come back).  The query text is typed as is.
ZH_QUERIES = [
    pytest.param("电梯", "2025-01-08-elevator", id="body-only-电梯"),
    pytest.param("加装电梯", "2025-01-08-elevator", id="body-only-加装电梯"),
    pytest.param("垃圾分类", "2025-01-15-garbage", id="after-colon-垃圾分类"),
    pytest.param("党章", "2025-01-22-charter", id="in-book-title-marks-党章"),
    pytest.param("试行", "2025-02-05-trial", id="in-parentheses-试行"),
    pytest.param("组织生活会", "2025-02-12-org-life", id="term-组织生活会"),
    pytest.param("主题党日", "2025-02-19-theme-day", id="term-主题党日"),
    pytest.param("三会一课", "2025-02-26-three-one", id="term-in-quotes-三会一课"),
    pytest.param("民主生活会", "2025-03-05-democratic-life", id="term-民主生活会"),
    pytest.param("第三党支部", "2025-03-12-joint-branch", id="term-第三党支部"),
    pytest.param("WeChat", "2025-03-19-wechat", id="english-in-chinese-WeChat"),
    pytest.param("wechat", "2025-03-19-wechat", id="english-in-chinese-wechat"),
]


@pytest.fixture(scope="module")
def zh_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search-zh")
    config = {"site_name": "测试党支部党务公开", "language": "zh", "norms": NO_APPROVAL}
    site = make_site(root, _zh_files(), config)
    return build_ok(site / "site_config.yml", root / "out", TODAY)


@pytest.fixture(scope="module")
def en_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search-en")
    branch = dict(BRANCH, name="Test Party Branch", parent="Test Party Committee")
    files = {
        "content/branch.yml": branch,
        "content/meetings/2025/2025-04-02-review.yml": _meeting(
            "Quarterly review", "2025-04-02",
            "## Summary\n\nThe branch meetings were organised by the committee every month.\n",
            kind="branch_committee",
        ),
        "content/meetings/2025/2025-04-09-planting.yml": _meeting(
            "Tree planting", "2025-04-09",
            "## Summary\n\nVolunteers planted trees along the river.\n",
            kind="branch_committee",
        ),
    }
    site = make_site(root, files, {"site_name": "Test Branch Disclosure", "language": "en", "norms": NO_APPROVAL})
    return build_ok(site / "site_config.yml", root / "out", TODAY)


class SearchPage:
    """One browser tab on one served site, reused for many queries."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base

    def paths(self, query: str) -> list[str]:
        return [url_path(href) for href in search(self.page, query)]


@pytest.fixture(scope="module")
def sites(browser, zh_out: Path, en_out: Path) -> Iterator[dict[str, SearchPage]]:
    """audience name -> a desktop tab on that site's home page (plus one phone tab)."""
    with serve_directory(zh_out / "public") as public, serve_directory(zh_out / "members") as members, \
            serve_directory(en_out / "public") as english:
        context = browser.new_context(viewport=DESKTOP_VIEWPORT)
        phone = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)
        tabs: dict[str, SearchPage] = {}
        try:
            for name, base, ctx in (("public", public, context), ("members", members, context),
                                    ("english", english, context), ("public-phone", public, phone)):
                page = ctx.new_page()
                page.goto(base + "/", wait_until="load")
                tabs[name] = SearchPage(page, base)
            yield tabs
        finally:
            context.close()
            phone.close()


def test_built_pages_exist_where_expected(zh_out: Path) -> None:
    """The fixture site is what the queries assume: every public record on both sites, the members one on one."""
    for record_id, (_body, visibility) in ZH_RECORDS.items():
        rel = _page(record_id).strip("/") + "/index.html"
        assert (zh_out / "members" / rel).is_file(), rel
        assert (zh_out / "public" / rel).is_file() == (visibility == "public"), rel


@pytest.mark.parametrize("query, record_id", ZH_QUERIES)
@pytest.mark.parametrize("audience", ["public", "members"])
def test_chinese_query_finds_record(sites: dict[str, SearchPage], audience: str, query: str, record_id: str) -> None:
    found = sites[audience].paths(query)
    assert _page(record_id) in found, f"{audience} site: query {query!r} did not return {_page(record_id)}; got {found}"


def test_body_only_word_finds_exactly_its_record(sites: dict[str, SearchPage]) -> None:
    """电梯 is in one record's body and no other record: that record page and no other."""
    assert record_pages(sites["public"].paths("电梯")) == [_page("2025-01-08-elevator")]


@pytest.mark.parametrize("query, record_id", [
    pytest.param("垃圾分类", "2025-01-15-garbage", id="垃圾分类"),
    pytest.param("党章", "2025-01-22-charter", id="党章"),
    pytest.param("试行", "2025-02-05-trial", id="试行"),
    pytest.param("wechat", "2025-03-19-wechat", id="wechat"),
])
def test_word_after_punctuation_is_a_token_of_its_own(sites: dict[str, SearchPage], query: str, record_id: str) -> None:
    """The punctuation separates words: only the record holding the word comes back."""
    assert record_pages(sites["public"].paths(query)) == [_page(record_id)]


def test_search_works_on_a_phone(sites: dict[str, SearchPage]) -> None:
    """Phone width: the search opens from the header button and finds the body word."""
    assert _page("2025-01-08-elevator") in sites["public-phone"].paths("加装电梯")


@pytest.mark.parametrize("word", MEMBERS_ONLY_WORDS)
def test_members_only_word_is_found_on_members_site(sites: dict[str, SearchPage], word: str) -> None:
    found = sites["members"].paths(word)
    assert record_pages(found) == [_page(MEMBERS_ONLY_ID)], found


@pytest.mark.parametrize("word", MEMBERS_ONLY_WORDS)
def test_members_only_word_finds_nothing_on_public_site(sites: dict[str, SearchPage], zh_out: Path, word: str) -> None:
    found = sites["public"].paths(word)
    assert found == [], f"public search returned {found} for the members-only word {word!r}"
    # The index itself holds no trace of the record either.
    index = index_text(zh_out / "public")
    assert word[0] not in index and MEMBERS_ONLY_ID not in index
    assert word[0] in index_text(zh_out / "members")


def index_text(site: Path) -> str:
    """Every file of a site's Pagefind index as text, compressed files opened."""
    texts = []
    for path in sorted((site / "pagefind").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            texts.append(data.decode("utf-8", errors="ignore"))
    return "\n".join(texts)


def indexed_urls(site: Path) -> list[str]:
    """The page address of every fragment (one per indexed page)."""
    urls = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        urls.append(json.loads(data[data.index(b"{"):])["url"])
    return sorted(urls)


@pytest.mark.parametrize("audience", ["public", "members"])
def test_only_content_pages_are_indexed(zh_out: Path, audience: str) -> None:
    """Record pages are in the index; the print board pages and 404 are not; Material's index is empty."""
    urls = indexed_urls(zh_out / audience)
    assert _page("2025-01-08-elevator") in urls
    assert (_page(MEMBERS_ONLY_ID) in urls) == (audience == "members")
    assert (zh_out / audience / "print" / "index.html").is_file()
    assert not [u for u in urls if u.startswith("/print/") and u != "/print/"], urls
    assert "/404.html" not in urls
    material = json.loads((zh_out / audience / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []


def test_result_shows_title_and_marked_excerpt(sites: dict[str, SearchPage]) -> None:
    """The result is titled by the page's h1 and its excerpt marks the query, closed up (no spaces between characters)."""
    page = sites["public"].page
    search(page, "加装电梯")
    item = page.locator("li.md-search-result__item").first
    assert "2025年第1次支部委员会会议" in item.locator("h1").inner_text()
    marks = item.locator("mark").all_inner_texts()
    assert "加装电梯" in marks, marks
    assert "老旧小区加装电梯的议题" in item.inner_text().replace("\n", "")


@pytest.mark.parametrize("query", ["meeting", "Meeting", "meetings", "organised", "committee"])
def test_english_site_finds_words(sites: dict[str, SearchPage], query: str) -> None:
    found = sites["english"].paths(query)
    assert "/meetings/2025/2025-04-02-review/" in found, f"query {query!r}: {found}"


@pytest.mark.parametrize("query, record_id", [("organised", "2025-04-02-review"), ("volunteers", "2025-04-09-planting")])
def test_english_body_word_finds_only_its_page(sites: dict[str, SearchPage], query: str, record_id: str) -> None:
    assert record_pages(sites["english"].paths(query)) == [f"/meetings/2025/{record_id}/"]


# ---------------------------------------------------------------------------
# Searching like a search engine (issue 16): a query without keys, every
# match counted, excerpts as the reader scrolls, each result's type and date
# ---------------------------------------------------------------------------

_INPUT = "input.md-search__input"
_META = ".md-search-result__meta"


def _cleared(page) -> str:
    """The search box open and empty, the worker ready; returns the placeholder line Material shows then."""
    search(page, "")
    return page.inner_text(_META).strip()


def _wait_for_answer(page, placeholder: str) -> None:
    page.wait_for_function("([sel, text]) => { const m = document.querySelector(sel); return m && m.textContent.trim() !== text; }", arg=[_META, placeholder])


def test_a_pasted_query_is_searched_without_a_key(sites: dict[str, SearchPage]) -> None:
    """Text that arrives without a key (a paste with the mouse: Playwright's insert_text sends the input event only) is searched."""
    page = sites["public"].page
    placeholder = _cleared(page)
    page.keyboard.insert_text("加装电梯")
    _wait_for_answer(page, placeholder)
    found = page.eval_on_selector_all("li.md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)")
    assert _page("2025-01-08-elevator") in [url_path(h) for h in found], found


def test_a_query_committed_by_an_input_method_is_searched_and_its_keys_are_not(sites: dict[str, SearchPage]) -> None:
    """Chromium's own input-method events: the pinyin being composed is not searched; the committed word is."""
    page = sites["public"].page
    placeholder = _cleared(page)
    client = page.context.new_cdp_session(page)
    try:
        client.send("Input.imeSetComposition", {"text": "dianti", "selectionStart": 6, "selectionEnd": 6})
        page.wait_for_timeout(600)
        assert page.inner_text(_META).strip() == placeholder, "the pinyin being composed was searched"
        client.send("Input.insertText", {"text": "电梯"})
    finally:
        client.detach()
    _wait_for_answer(page, placeholder)
    assert page.input_value(_INPUT) == "电梯"
    found = page.eval_on_selector_all("li.md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)")
    assert _page("2025-01-08-elevator") in [url_path(h) for h in found], found


def test_each_result_shows_its_type_and_date(sites: dict[str, SearchPage]) -> None:
    page = sites["public"].page
    search(page, "加装电梯")
    about = page.locator("li.md-search-result__item").first.locator(".ob-search-about").inner_text()
    assert about == "会议 · 支委会 · 2025年1月8日", about


def _pages_matching(site: Path, query: str) -> set[str]:
    """The indexed pages whose text holds ``query`` (Chinese) as a run of characters, read from the index itself."""
    from generator.search import BOUNDARY

    found = set()
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[raw.index(b"{"):])
        text = re.sub(r"\s+", "", data["content"].replace(BOUNDARY, "|"))
        if query in text:
            found.add(data["url"])
    return found


def test_many_matches_are_all_counted_and_load_as_the_reader_scrolls(browser, demo_out: Path) -> None:
    """支部 is on most of the demo's pages: the count says how many; the first ten come with excerpts, the rest as the list scrolls."""
    site = demo_out / "members"
    expected = _pages_matching(site, "支部")
    assert len(expected) > 20, len(expected)
    with serve_directory(site) as base:
        context = browser.new_context(viewport=DESKTOP_VIEWPORT)
        try:
            page = context.new_page()
            fragments: list[str] = []
            page.on("request", lambda request: fragments.append(request.url) if "/pagefind/fragment/" in request.url else None)
            page.goto(base + "/", wait_until="load")
            shown = search(page, "支部")
            assert page.inner_text(_META).strip() == f"{len(expected)} 个符合条件的结果"
            assert len(shown) == 10 and len(fragments) == 10, (len(shown), len(fragments))
            assert not page.locator("[data-ob-pending]").count()
            scroll_search_results(page, len(expected))
            items = page.locator("li.md-search-result__item")
            assert items.count() == len(expected)
            assert not page.locator("[data-ob-pending]").count(), "placeholders left unfilled"
            links = page.eval_on_selector_all("li.md-search-result__item", "items => items.map(li => li.querySelector(':scope > a.md-search-result__link').href)")
            assert sorted(url_path(h) for h in links) == sorted(expected)
            assert all("h=" in h for h in links), "a filled-in result lost its highlight parameter"
            # A result filled in late looks like one that came first: a title, its type and date, a marked excerpt.
            last = items.last
            assert last.locator("h1").inner_text().strip()
            assert last.locator(".ob-search-about").count() == 1
            assert "支部" in last.locator("mark").all_inner_texts()
            assert len(set(fragments)) == len(expected)
        finally:
            context.close()


def test_excerpts_keep_the_breaks_of_the_page(browser, demo_out: Path) -> None:
    """Table cells and list items stay apart in an excerpt (no "736.00.合计1,786.00." run together)."""
    with serve_directory(demo_out / "public") as base:
        context = browser.new_context(viewport=DESKTOP_VIEWPORT)
        try:
            page = context.new_page()
            page.goto(base + "/", wait_until="load")
            search(page, "上级党委下拨党建工作经费")
            text = page.locator("li.md-search-result__item").first.inner_text()
            # Each cell of the income table stands apart: header, date, source, amount.
            assert re.search(r"来源\s+金额（元）\s+\d{4}年\d+月\d+日\s+上级党委下拨", text), text
            assert re.search(r"季度）\s+1,050\.00", text), text
            assert not re.search(r"\d\.[\u4e00-\u9fff]", text) and ".合计" not in text, text
        finally:
            context.close()
