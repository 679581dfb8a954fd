"""Browser helpers for OpenBranch's pytest browser tests.

Plain module: importing it starts nothing and defines no pytest fixtures.
Tests (or a conftest) wire these functions into fixtures themselves, e.g.::

    from playwright.sync_api import sync_playwright
    from tests.browser import serve_directory, launch_chromium, search

    with serve_directory(site_dir) as base_url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base_url + "/")
        assert any(h.endswith("/meeting/") for h in search(page, "电梯"))

Everything here works offline: the system Chromium (/usr/bin/chromium) is
used, never a Playwright-downloaded browser, and axe-core's JS is read from
the ``axe-playwright-python`` wheel (``pip install axe-playwright-python``),
which ships ``axe_playwright_python/axe.min.js`` (axe-core 4.x).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Iterator

__all__ = [
    "CHROMIUM_PATH",
    "CHROMIUM_ARGS",
    "DESKTOP_VIEWPORT",
    "PHONE_VIEWPORT",
    "serve_directory",
    "launch_chromium",
    "chromium_context",
    "open_search",
    "search",
    "scroll_search_results",
    "record_requests",
    "external_requests",
    "axe_js_path",
    "run_axe",
    "serious_violations",
    "settle_animations",
    "format_violations",
]

CHROMIUM_PATH = os.environ.get("OPENBRANCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP_VIEWPORT = {"width": 1280, "height": 900}
PHONE_VIEWPORT = {"width": 390, "height": 844}

# Milliseconds. Loading Pagefind and the first index chunks takes well under a
# second for small sites; the generous default only matters on a slow CI box.
DEFAULT_TIMEOUT_MS = 15_000


# --------------------------------------------------------------------------
# HTTP server
# --------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass

    def log_error(self, format, *args):  # noqa: A002
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Browsers drop connections (e.g. on navigation); don't spam stderr.
        pass


class _CountingHandler(_QuietHandler):
    """Also appends (path, bytes sent: status line, headers and body) to ``log``."""

    log: list = []

    def end_headers(self):
        self._sent = sum(len(chunk) for chunk in getattr(self, "_headers_buffer", [])) + len(b"\r\n")
        super().end_headers()

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self._sent += len(data)

    def handle_one_request(self):
        self._sent = 0
        super().handle_one_request()
        if self._sent:
            self.log.append((self.path, self._sent))


@contextlib.contextmanager
def serve_directory(path, log: list | None = None) -> Iterator[str]:
    """Serve ``path`` on 127.0.0.1 at a free port; yield the base URL.

    The base URL has no trailing slash, e.g. ``http://127.0.0.1:41234``.
    With ``log`` (a list), every response appends ``(request path, bytes
    sent)``, headers included: what a page really transferred.
    """
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"serve_directory: {root} is not a directory")
    if log is None:
        handler = functools.partial(_QuietHandler, directory=str(root))
    else:
        counting = type("_Counting", (_CountingHandler,), {"log": log})
        handler = functools.partial(counting, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)  # port 0 = a free port
    host, port = server.server_address[:2]
    thread = threading.Thread(
        target=server.serve_forever, name=f"serve:{port}", daemon=True
    )
    thread.start()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------

def launch_chromium(playwright, **kwargs):
    """Launch the system Chromium headless with the project's flags.

    Raises RuntimeError (never skips) when the executable is missing.
    Extra keyword arguments go to ``playwright.chromium.launch``.
    """
    exe = CHROMIUM_PATH
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        raise RuntimeError(
            f"Chromium not found at {exe}. Browser tests need the system "
            "Chromium: `apt-get install chromium` (Debian). Do not run "
            "`playwright install`; set OPENBRANCH_CHROMIUM to use another path."
        )
    args = list(CHROMIUM_ARGS) + list(kwargs.pop("args", []))
    return playwright.chromium.launch(
        executable_path=exe, headless=True, args=args, **kwargs
    )


@contextlib.contextmanager
def chromium_context(playwright, **context_kwargs):
    """Fresh persistent profile (new user data dir) in a temp folder.

    Yields a BrowserContext; use when a throw-away user data dir matters
    more than sharing one Browser between tests.
    """
    exe = CHROMIUM_PATH
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        raise RuntimeError(f"Chromium not found at {exe}")
    user_data = tempfile.mkdtemp(prefix="openbranch-chromium-")
    try:
        ctx = playwright.chromium.launch_persistent_context(
            user_data, executable_path=exe, headless=True,
            args=list(CHROMIUM_ARGS), **context_kwargs,
        )
        try:
            yield ctx
        finally:
            ctx.close()
    finally:
        shutil.rmtree(user_data, ignore_errors=True)


# --------------------------------------------------------------------------
# Material search
# --------------------------------------------------------------------------

_INPUT = "input.md-search__input"
_META = ".md-search-result__meta"
_HEADER_SEARCH_BUTTON = 'label.md-header__button[for="__search"]'

_PLACEHOLDER_JS = """() => {
  const el = document.getElementById('__config');
  try { return JSON.parse(el.textContent).translations['search.result.placeholder']; }
  catch (e) { return null; }
}"""


def open_search(page, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Open the Material search dialog and focus the query input.

    Narrow viewports (< 60em, e.g. 390px phones): the query input is off
    canvas and Playwright would still call it "visible", so click the header
    magnifier label (which is only displayed at those widths). Desktop: the
    label is display:none and the input sits in the header; click it.
    """
    page.wait_for_selector(_INPUT, state="attached", timeout=timeout)
    field = page.locator(_INPUT)
    if page.is_checked("#__search"):
        field.focus()
        return
    button = page.locator(_HEADER_SEARCH_BUTTON)
    if button.count() and button.first.is_visible():
        button.first.click(timeout=timeout)
    else:
        field.click(timeout=timeout)
    page.wait_for_function(
        "() => document.getElementById('__search').checked",
        timeout=timeout,
    )
    field.focus()


def _submit(page, value: str, timeout: float) -> None:
    # Material reads the query on *keyup* (not input). Playwright's
    # keyboard.type() sends no keyup for characters outside the US layout
    # (all Chinese), so fill() the value and press End: one real keyup,
    # exactly one query message to the worker, like an IME commit.
    field = page.locator(_INPUT)
    field.fill(value, timeout=timeout)
    field.press("End", timeout=timeout)


def search(page, query: str, timeout: float = DEFAULT_TIMEOUT_MS) -> list[str]:
    """Type ``query`` into Material's search box; return result hrefs.

    One href (absolute URL, as rendered) per result page, best first: the
    page-level link of each ``li.md-search-result__item``. Waits for the
    search worker to be ready (meta shows the placeholder) before querying
    and for the result meta to change afterwards. Only the first 10 page
    groups are rendered eagerly by Material; more appear on scroll.
    """
    open_search(page, timeout)
    placeholder = page.evaluate(_PLACEHOLDER_JS)
    if not placeholder:
        raise RuntimeError("no Material __config translations on this page")
    # Reset to an empty query; once the worker is READY, Material answers
    # the empty query by showing the placeholder in the meta line (before
    # that it shows the 'initializing' text).
    _submit(page, "", timeout)
    page.wait_for_function(
        """([sel, text]) => {
          const m = document.querySelector(sel);
          return m && m.textContent.trim() === text;
        }""",
        arg=[_META, placeholder.strip()],
        timeout=timeout,
    )
    _submit(page, query, timeout)
    if not query.strip():
        return []
    page.wait_for_function(
        """([sel, text]) => {
          const m = document.querySelector(sel);
          return m && m.textContent.trim() !== text;
        }""",
        arg=[_META, placeholder.strip()],
        timeout=timeout,
    )
    return page.eval_on_selector_all(
        "li.md-search-result__item",
        """items => items.map(li => {
          const a = li.querySelector(':scope > a.md-search-result__link');
          return a ? a.href : null;
        }).filter(Boolean)""",
    )


# --------------------------------------------------------------------------
# Network
# --------------------------------------------------------------------------

def scroll_search_results(page, count: int, rounds: int = 150) -> None:
    """Scroll the open search results as a reader does, until ``count`` results are shown and none is still loading.

    Near the end, then to it: Material shows four more each time the end of
    the list comes into view, and main.html fills in each placeholder shown.
    """
    for _ in range(rounds):
        page.evaluate("() => { const s = document.querySelector('.md-search__scrollwrap'); s.scrollTop = s.scrollHeight - s.clientHeight - 200; }")
        page.wait_for_timeout(60)
        page.evaluate("() => { const s = document.querySelector('.md-search__scrollwrap'); s.scrollTop = s.scrollHeight; }")
        page.wait_for_timeout(60)
        if page.locator("li.md-search-result__item").count() == count and not page.locator("[data-ob-pending]").count():
            return


def record_requests(page) -> list:
    """Start recording every request the page (and its workers) makes.

    Returns a live list of ``(method, url, resource_type)`` tuples that
    fills as the page loads. Call before ``page.goto``.
    """
    seen: list = []
    page.on(
        "request",
        lambda req: seen.append((req.method, req.url, req.resource_type)),
    )
    return seen


def external_requests(requests: list, allowed_hosts=("127.0.0.1",)) -> list:
    """Filter ``record_requests`` output to requests leaving the machine.

    ``data:``/``blob:``/``about:`` URLs are local and ignored.
    """
    from urllib.parse import urlsplit

    out = []
    for item in requests:
        url = item[1] if isinstance(item, tuple) else str(item)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension"):
            continue
        if parts.hostname not in allowed_hosts:
            out.append(item)
    return out


# --------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------

def axe_js_path() -> Path:
    """Path of a local ``axe.min.js``.

    Order: $OPENBRANCH_AXE_JS, the ``axe-playwright-python`` wheel
    (``axe_playwright_python/axe.min.js``). Never downloads anything.
    """
    env = os.environ.get("OPENBRANCH_AXE_JS")
    if env:
        p = Path(env)
        if p.is_file():
            return p
        raise FileNotFoundError(f"OPENBRANCH_AXE_JS={env} does not exist")
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            p = Path(loc) / "axe.min.js"
            if p.is_file():
                return p
    raise FileNotFoundError(
        "axe.min.js not found: `pip install axe-playwright-python` "
        "(bundles axe-core) or set OPENBRANCH_AXE_JS"
    )


@functools.lru_cache(maxsize=None)
def _axe_source(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def settle_animations(page, timeout_ms: int = 3000) -> None:
    """Wait until running CSS transitions/animations have finished.

    Material fades the search overlay and results in (~250 ms); axe's
    color-contrast rule run mid-transition reports bogus colours.
    Infinite animations are ignored; waiting is capped at ``timeout_ms``.
    """
    page.evaluate(
        """async (ms) => {
          const finite = document.getAnimations().filter(a => {
            const t = a.effect && a.effect.getComputedTiming();
            return t && t.endTime !== Infinity;
          });
          await Promise.race([
            Promise.all(finite.map(a => a.finished.catch(() => null))),
            new Promise(r => setTimeout(r, ms)),
          ]);
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        }""",
        timeout_ms,
    )


def run_axe(page, options: dict | None = None, context=None) -> list[dict]:
    """Inject axe-core into ``page`` and return all violations (list of dicts).

    ``options`` are axe.run options (default: WCAG 2.0/2.1 A+AA rules plus
    best-practice). Use ``serious_violations`` to keep serious/critical.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=_axe_source(str(axe_js_path())))
    opts = options if options is not None else {
        "runOnly": {
            "type": "tag",
            "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
        },
        "resultTypes": ["violations"],
    }
    settle_animations(page)
    result = page.evaluate(
        "async ([ctx, opts]) => await axe.run(ctx || document, opts)",
        [context, opts],
    )
    return result["violations"]


def serious_violations(violations: list[dict]) -> list[dict]:
    """Keep violations whose impact is serious or critical."""
    return [v for v in violations if v.get("impact") in ("serious", "critical")]


def format_violations(violations: list[dict]) -> str:
    """Readable one-block summary for assertion messages."""
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v.get('help')}")
        for node in v.get("nodes", [])[:5]:
            lines.append(f"    {', '.join(map(str, node.get('target', [])))}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines) or "(none)"


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)
