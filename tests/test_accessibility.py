"""axe-core on every page type of the demo site, at desktop and phone widths (issue 3).

The repository's demo (``content/`` via ``/site_config.yml``) is built with
the real command (``--today 2026-11-22``, so one publicity notice is open),
served on 127.0.0.1 and opened in Debian's headless Chromium.  axe-core
(the copy bundled by ``axe-playwright-python``) runs the WCAG 2.0/2.1 A+AA
and best-practice rules on each page; a serious or critical violation fails
the test with axe's own description of the elements.

Most record types are checked on the members' site, which holds every
record (the demo's default visibility is 党内); the public site gets its
home page, a public record and a listing, since its header differs.

Also: headings in Chinese get readable anchors (``id="基本信息"``, not
``_1``), and a link to such an anchor lands on the heading.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest
import yaml

from .browser import (
    DESKTOP_VIEWPORT,
    PHONE_VIEWPORT,
    format_violations,
    run_axe,
    search,
    serious_violations,
    serve_directory,
)
from .helpers import CONTENT_DIR, DEMO_TODAY

VIEWPORTS = {"desktop": DESKTOP_VIEWPORT, "phone": PHONE_VIEWPORT}
RECORD_DIR = re.compile(r"^\d{4}/[^/]+$")


def _records(site: Path, section: str) -> list[str]:
    """URL paths of the record pages of a section, sorted."""
    out = []
    for page in sorted((site / section).glob("*/*/index.html")):
        rel = page.parent.relative_to(site / section).as_posix()
        if RECORD_DIR.match(rel):
            out.append(f"/{section}/{rel}/")
    return out


def _pick(paths: list[str], word: str, what: str) -> str:
    found = [p for p in paths if word in p]
    assert found, f"the demo has no {what} page (no record path containing {word!r}) among {paths[:20]}"
    return found[0]


def _open_notice_id() -> str:
    """A demo notice whose publicity period contains DEMO_TODAY (read from its YAML)."""
    today = dt.date.fromisoformat(DEMO_TODAY)
    for path in sorted((CONTENT_DIR / "notices").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        start, end = data.get("start"), data.get("end")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start <= today <= end:
            return path.stem
    raise AssertionError(f"no demo notice is open on {DEMO_TODAY}")


def page_types(out: Path) -> list[tuple[str, str, str]]:
    """(name, audience, URL path) for every page type of the demo."""
    members = out / "members"
    public = out / "public"
    meetings = _records(members, "meetings")
    finances = _records(members, "finances")
    notices = _records(members, "notices")
    open_notice = _pick(notices, _open_notice_id(), "open notice")
    closed_notice = next(p for p in notices if p != open_notice)
    tags = sorted(p.parent.name for p in (members / "tags").glob("*/index.html"))
    prints = sorted(p.parent.name for p in (members / "print").glob("*/index.html"))
    public_records = _records(public, "meetings")
    types = [
        ("home", "members", "/"),
        ("meeting", "members", _pick(meetings, "organizational-life", "organisational life meeting")),
        ("meeting-assembly", "members", _pick(meetings, "general-assembly", "general assembly")),
        ("decision", "members", _records(members, "decisions")[0]),
        ("dues-ledger", "members", _pick(finances, "dues", "dues ledger")),
        ("funds-ledger", "members", _pick(finances, "funds", "funds ledger")),
        *[(f"appraisal-{p.rsplit('/', 2)[-2]}", "members", p) for p in _records(members, "appraisals")],
        ("notice-open", "members", open_notice),
        ("notice-closed", "members", closed_notice),
        ("listing-meetings", "members", "/meetings/"),
        ("listing-decisions", "members", "/decisions/"),
        ("listing-finances", "members", "/finances/"),
        ("listing-appraisals", "members", "/appraisals/"),
        ("listing-notices", "members", "/notices/"),
        ("listing-year", "members", "/meetings/2026/"),
        ("listing-kind", "members", "/finances/kinds/dues/"),
        ("regularity", "members", "/regularity/"),
        ("data", "members", "/data/"),
        ("tags", "members", "/tags/"),
        ("tag", "members", f"/tags/{tags[0]}/"),
        ("not-found", "members", "/404.html"),
        ("public-home", "public", "/"),
        ("public-meeting", "public", public_records[0]),
        ("public-listing", "public", "/meetings/"),
    ]
    if prints:
        types += [("print-index", "members", "/print/"), ("print", "members", f"/print/{prints[-1]}/")]
    for name, audience, path in types:
        file = out / audience / path.lstrip("/")
        if not path.endswith(".html"):
            file = file / "index.html"
        assert file.is_file(), f"{name}: {audience}{path} was not built"
    return types


@pytest.fixture(scope="module")
def servers(demo_out: Path) -> Iterator[dict[str, str]]:
    with serve_directory(demo_out / "public") as public, serve_directory(demo_out / "members") as members:
        yield {"public": public, "members": members}


@pytest.fixture(scope="module")
def contexts(browser) -> Iterator[dict[str, object]]:
    made = {
        "desktop": browser.new_context(viewport=DESKTOP_VIEWPORT),
        "phone": browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True),
    }
    yield made
    for context in made.values():
        context.close()


PAGE_TYPE_NAMES = [
    "home", "meeting", "meeting-assembly", "decision", "dues-ledger", "funds-ledger", "appraisals",
    "notice-open", "notice-closed", "listing-meetings", "listing-decisions", "listing-finances",
    "listing-appraisals", "listing-notices", "listing-year", "listing-kind", "regularity", "data", "tags", "tag",
    "not-found", "public-home", "public-meeting", "public-listing", "print-index", "print",
]


@pytest.fixture(scope="module")
def pages_by_type(demo_out: Path) -> dict[str, list[tuple[str, str]]]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for name, audience, path in page_types(demo_out):
        key = "appraisals" if name.startswith("appraisal-") else name
        grouped.setdefault(key, []).append((audience, path))
    return grouped


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("page_type", PAGE_TYPE_NAMES)
def test_no_serious_axe_violation(pages_by_type, servers, contexts, page_type: str, viewport: str) -> None:
    assert page_type in pages_by_type, f"page type {page_type} not found in the demo build"
    failures = []
    for audience, path in pages_by_type[page_type]:
        page = contexts[viewport].new_page()
        try:
            response = page.goto(servers[audience] + path, wait_until="load")
            expected = 404 if path.endswith("404.html") else 200
            assert response is not None and response.status in (200, expected), f"{audience}{path}: {response and response.status}"
            page.wait_for_function("() => typeof document$ !== 'undefined'")
            violations = serious_violations(run_axe(page))
            if violations:
                failures.append(f"--- {audience}{path} ({viewport}) ---\n{format_violations(violations)}")
        finally:
            page.close()
    assert not failures, "serious/critical axe violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_serious_axe_violation_with_search_open(servers, contexts, viewport: str) -> None:
    """The search dialog, open and showing results, is named and readable."""
    page = contexts[viewport].new_page()
    try:
        page.goto(servers["members"] + "/", wait_until="load")
        assert search(page, "组织生活会"), "the search returned nothing"
        violations = serious_violations(run_axe(page))
        assert not violations, format_violations(violations)
    finally:
        page.close()


def test_chinese_headings_get_readable_anchors(demo_out: Path, pages_by_type) -> None:
    for name in ("meeting", "decision", "funds-ledger", "notice-open"):
        audience, path = pages_by_type[name][0]
        html = (demo_out / audience / path.strip("/") / "index.html").read_text(encoding="utf-8")
        ids = re.findall(r'<h2 id="([^"]*)"', html)
        assert ids, f"{name} {path}: no <h2 id=…>"
        unreadable = [i for i in ids if re.fullmatch(r"_?\d*", i)]
        assert not unreadable, f"{name} {path}: headings with numeric anchors {unreadable} (all: {ids})"
        chinese = [i for i in ids if re.search(r"[\u4e00-\u9fff]", i)]
        assert chinese, f"{name} {path}: no heading anchor holds Chinese characters: {ids}"
        assert len(set(ids)) == len(ids), f"{name} {path}: duplicate heading anchors {ids}"


def test_link_to_a_chinese_heading_lands_on_it(demo_out: Path, pages_by_type, servers, contexts) -> None:
    audience, path = pages_by_type["meeting"][0]
    html = (demo_out / audience / path.strip("/") / "index.html").read_text(encoding="utf-8")
    anchor = next(i for i in re.findall(r'<h2 id="([^"]*)"', html) if re.search(r"[\u4e00-\u9fff]", i))
    assert 'href="#' + anchor + '"' in html or 'href="#' + quote(anchor) + '"' in html, "no permalink to the heading"
    page = contexts["desktop"].new_page()
    try:
        page.goto(servers[audience] + path + "#" + quote(anchor), wait_until="load")
        target = page.evaluate("() => { const e = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
                               " return e ? [e.tagName, e.id, e.getBoundingClientRect().top] : null; }")
        assert target is not None, f"#{anchor} does not resolve on {path}"
        assert target[0] == "H2" and target[1] == anchor
        assert target[2] < DESKTOP_VIEWPORT["height"] / 2, f"the heading is not scrolled into view (top {target[2]})"
    finally:
        page.close()
