"""The built sites make no request to any host but their own (issue 3, "Offline and intranet").

The demo site (the repository's ``content/``) is built for both audiences
with the real command and served from a plain static server on 127.0.0.1.
Real headless Chromium opens several pages of each site — home, a meeting,
a finance record, a section listing, the regularity page, a tag page — and
runs one search; every request the pages and their workers make is
recorded and must have gone to 127.0.0.1, and none of them may fail.

A second, static check reads every built HTML, CSS and JS file and fails on
any fetching reference (``<script src>``, ``<link rel=stylesheet|icon|… href>``,
``<img src>``, ``@import``, ``url(…)``, ``importScripts``) that points to an
outside host, and on markup that makes Material's bundle fetch from outside
(a mermaid diagram loads mermaid from unpkg.com; a repository link calls
api.github.com).
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from .browser import DESKTOP_VIEWPORT, external_requests, record_requests, search, serve_directory
from .helpers import url_path

AUDIENCES = ["public", "members"]
RECORD_PAGE = re.compile(r"^(\d{4})/[^/]+/index\.html$")


def _first_record(site: Path, section: str, contains: str = "") -> str:
    """URL path of the first record page of ``section`` (sorted), optionally with ``contains`` in its path."""
    for page in sorted((site / section).rglob("index.html")):
        rel = page.relative_to(site / section).as_posix()
        if RECORD_PAGE.match(rel) and contains in rel:
            return f"/{section}/{rel[: -len('index.html')]}"
    raise AssertionError(f"no record page under {site / section} matching {contains!r}")


def _first_tag(site: Path) -> str:
    tags = sorted(p.parent.name for p in (site / "tags").glob("*/index.html"))
    assert tags, f"no tag pages in {site / 'tags'}"
    return f"/tags/{tags[0]}/"


def pages_to_open(site: Path) -> list[str]:
    pages = [
        "/",
        _first_record(site, "meetings"),
        _first_record(site, "finances"),
        "/meetings/",
        "/finances/",
        "/regularity/",
        "/tags/",
        _first_tag(site),
    ]
    for path in pages:
        target = site / path.strip("/") / "index.html" if path != "/" else site / "index.html"
        assert target.is_file(), f"{path} was not built ({target})"
    return pages


@pytest.fixture(scope="module")
def visits(browser, demo_out: Path) -> Iterator[dict[str, dict]]:
    """audience -> {"requests": [(method, url, type)], "failures": [...], "pages": [...], "search": [...]}."""
    result: dict[str, dict] = {}
    for audience in AUDIENCES:
        site = demo_out / audience
        with serve_directory(site) as base:
            context = browser.new_context(viewport=DESKTOP_VIEWPORT)
            try:
                requests: list = []
                failures: list = []
                attachments: set[str] = set()
                pages = pages_to_open(site)
                for path in pages:
                    page = context.new_page()
                    seen = record_requests(page)
                    page.on("requestfailed", lambda r: failures.append((r.url, r.failure)))
                    page.on("response", lambda r: failures.append((r.url, r.status)) if r.status >= 400 else None)
                    response = page.goto(base + path, wait_until="networkidle")
                    assert response is not None and response.status == 200, f"{audience} {path}: {response and response.status}"
                    attachments.update(page.eval_on_selector_all(
                        'a[href*="attachments/"]', "links => links.map(a => a.href)"))
                    requests.extend(seen)
                    page.close()
                # One search: the worker, Pagefind's script and WebAssembly, index chunks, fragments.
                page = context.new_page()
                seen = record_requests(page)
                page.on("requestfailed", lambda r: failures.append((r.url, r.failure)))
                page.goto(base + "/", wait_until="networkidle")
                hits = [url_path(h) for h in search(page, "组织生活会")]
                page.wait_for_load_state("networkidle")
                requests.extend(seen)
                page.close()
                # Attachment links (file names with spaces and Chinese) download from the site itself.
                downloads = {href: context.request.get(href).status for href in sorted(attachments)}
                result[audience] = {"base": base, "requests": requests, "failures": failures, "pages": pages,
                                    "search": hits, "downloads": downloads}
            finally:
                context.close()
    yield result


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_request_stays_on_the_served_host(visits: dict[str, dict], audience: str) -> None:
    visit = visits[audience]
    requests = visit["requests"]
    outside = external_requests(requests, allowed_hosts=("127.0.0.1",))
    assert not outside, "requests to other hosts:\n" + "\n".join(f"  {m} {u} ({t})" for m, u, t in outside)
    port = urlsplit(visit["base"]).port
    other_ports = sorted({u for _m, u, _t in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).port != port})
    assert not other_ports, f"requests to other local servers: {other_ports}"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_pages_and_search_load_everything_they_ask_for(visits: dict[str, dict], audience: str) -> None:
    visit = visits[audience]
    assert not visit["failures"], f"failed or 4xx/5xx requests on the {audience} site: {visit['failures']}"
    kinds = {t for _m, _u, t in visit["requests"]}
    assert {"document", "stylesheet", "script"} <= kinds, kinds
    urls = [u for _m, u, _t in visit["requests"]]
    # The search really ran: our worker and the site's own Pagefind index were fetched locally.
    assert any(u.endswith("/assets/javascripts/openbranch-search-worker.js") for u in urls), urls
    for part in ("/pagefind/pagefind.js", "/pagefind/wasm.", ".pf_meta", ".pf_index", ".pf_fragment"):
        assert any(part in u for u in urls), f"no {part} request during the search: {urls}"
    assert not any("lunr" in u for u in urls), "Material's lunr search was loaded"
    assert any(p.startswith("/meetings/") for p in visit["search"]), visit["search"]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_attachment_links_download(visits: dict[str, dict], audience: str) -> None:
    downloads = visits[audience]["downloads"]
    assert downloads, f"no attachment links on the visited {audience} pages"
    broken = {href: status for href, status in downloads.items() if status != 200}
    assert not broken, f"attachment links that don't download: {broken}"
    assert all(urlsplit(href).hostname == "127.0.0.1" for href in downloads)


# ---------------------------------------------------------------------------
# Static scan of the built files
# ---------------------------------------------------------------------------

# <link rel=…> values that make a browser fetch the href (canonical, alternate … don't).
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon",
                 "manifest", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "prerender", "search"}
# element -> attributes whose URL the browser fetches on its own.
FETCHING_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "object": ("data",), "source": ("src", "srcset"), "track": ("src",), "video": ("src", "poster"),
    "audio": ("src",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)|@import\s+(?:url\(\s*)?(['"]?)([^'");\s]+)""")
JS_FETCH = re.compile(r"""importScripts\(\s*['"`]([^'"`]+)|@import\s+['"]?([^'");\s]+)|url\(\s*['"]?((?:https?:)?//[^'")\s]+)""")


def is_outside(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ftp", "ws", "wss") and parts.hostname not in ("127.0.0.1", "localhost")


class _FetchCollector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (what, url)
        self.mermaid = False
        self.repo_source = False
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & FETCHING_RELS:
                self.urls.append((f"<link rel={values.get('rel')}>", values.get("href", "")))
        for attr in FETCHING_ATTRS.get(tag, ()):
            if attr in values:
                for candidate in values[attr].split(","):  # srcset: "url 2x, url 3x"
                    if candidate.strip():
                        self.urls.append((f"<{tag} {attr}>", candidate.strip().split()[0]))
        if "style" in values:
            for match in CSS_URL.finditer(values["style"]):
                self.urls.append((f"<{tag} style>", match.group(2) or match.group(4)))
        classes = set(values.get("class", "").split())
        if "mermaid" in classes:
            self.mermaid = True
        if values.get("data-md-component") == "source":
            self.repo_source = True
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for match in CSS_URL.finditer(data):
                self.urls.append(("<style>", match.group(2) or match.group(4)))


def _built_files(demo_out: Path, suffix: str) -> list[Path]:
    files = sorted(p for audience in AUDIENCES for p in (demo_out / audience).rglob(f"*{suffix}") if p.is_file())
    assert files, f"no {suffix} files in the build"
    return files


def test_html_fetches_nothing_from_outside(demo_out: Path) -> None:
    problems: list[str] = []
    for path in _built_files(demo_out, ".html"):
        collector = _FetchCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        rel = path.relative_to(demo_out).as_posix()
        problems += [f"{rel}: {what} {url}" for what, url in collector.urls if is_outside(url)]
        if collector.mermaid:
            problems.append(f"{rel}: a mermaid diagram (Material loads mermaid from unpkg.com)")
        if collector.repo_source:
            problems.append(f"{rel}: a repository link (Material calls api.github.com for its facts)")
    assert not problems, "outside fetches in built HTML:\n" + "\n".join(problems[:50])


def test_css_fetches_nothing_from_outside(demo_out: Path) -> None:
    problems = []
    for path in _built_files(demo_out, ".css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in CSS_URL.finditer(text):
            url = match.group(2) or match.group(4)
            if is_outside(url):
                problems.append(f"{path.relative_to(demo_out).as_posix()}: {match.group(0)[:120]}")
    assert not problems, "outside url()/@import in built CSS:\n" + "\n".join(problems[:50])


def test_js_fetches_nothing_from_outside(demo_out: Path) -> None:
    problems = []
    for path in _built_files(demo_out, ".js"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in JS_FETCH.finditer(text):
            url = next(g for g in match.groups() if g)
            if is_outside(url):
                problems.append(f"{path.relative_to(demo_out).as_posix()}: {match.group(0)[:120]}")
    assert not problems, "outside importScripts/@import/url() in built JS:\n" + "\n".join(problems[:50])


def test_svg_namespaces_are_not_requests() -> None:
    """The scanners ignore xmlns URIs (not fetched) but catch a real outside reference."""
    collector = _FetchCollector()
    collector.feed('<svg xmlns="http://www.w3.org/2000/svg"><use href="#i"/></svg>'
                   '<link rel="canonical" href="https://example.org/x/">'
                   '<link rel="stylesheet" href="https://cdn.example.org/a.css">'
                   '<img srcset="a.png 1x, https://cdn.example.org/b.png 2x">'
                   '<div style="background: url(//cdn.example.org/c.png)"></div>')
    outside = [url for _what, url in collector.urls if is_outside(url)]
    assert outside == ["https://cdn.example.org/a.css", "https://cdn.example.org/b.png", "//cdn.example.org/c.png"]
    assert [m.group(2) for m in CSS_URL.finditer("a{b:url('data:image/svg+xml;x')} @import 'x.css';")] == ["data:image/svg+xml;x", None]
