"""Measuring one command and one first search: wall time, peak memory, bytes served.

``run_measured`` runs a command as a subprocess and polls the whole process
tree (the command and every child it starts) with psutil, summing two
measures of their memory: resident set size (RSS), which counts a page
shared by several processes (forked workers share most of theirs) once per
process, and proportional set size (PSS, from Linux's
``/proc/<pid>/smaps_rollup``), which splits each shared page between the
processes that share it, so that the sum is what the tree really holds.
The peak of each sum is reported.

``first_query_payload`` serves a built site on 127.0.0.1, opens its home page
in headless Chromium, types a query into the search box and counts, on the
server side, every byte served from the page load through the first results —
page, styles, scripts, the search worker and the search index, whatever the
site's search needs (Material's search_index.json or a chunked index).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import resource
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import unquote, urlsplit

import psutil

CHROMIUM_PATH = os.environ.get("OPENBRANCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# ---------------------------------------------------------------------------
# A command: wall time and peak memory of its process tree
# ---------------------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    peak_rss: int  # bytes, summed over the process tree (shared pages counted once per process)
    cpu_seconds: float  # user + system time of the whole tree: what contention on a shared machine does not inflate
    returncode: int
    stdout: str
    stderr: str
    peak_pss: int = 0  # bytes, summed over the process tree (shared pages split between their sharers); 0 where unknown


def _pss(member: psutil.Process) -> Optional[int]:
    """The process's proportional set size in bytes (Linux), or None where it cannot be read."""
    try:
        with open(f"/proc/{member.pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _tree_memory(process: psutil.Process) -> tuple[int, int]:
    """The RSS sum and the PSS sum of the process and all its descendants (PSS 0 where unknown)."""
    rss = pss = 0
    try:
        members = [process] + process.children(recursive=True)
    except psutil.Error:
        return 0, 0
    for member in members:
        try:
            rss += member.memory_info().rss
        except psutil.Error:
            continue  # ended between listing and reading
        pss += _pss(member) or 0
    return rss, pss


def run_measured(command: list[str], cwd: Optional[Path] = None, poll: float = 0.05, env: Optional[dict[str, str]] = None) -> Measured:
    """Run ``command``; return its wall time, CPU time, the peak summed RSS and PSS of its process tree, and its output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        # Children's rusage covers every descendant that was waited for, i.e. the whole tree once it ended.
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = psutil.Popen(command, cwd=cwd, stdout=out, stderr=err, env=env)
        peak_rss = peak_pss = 0
        while process.poll() is None:
            rss, pss = _tree_memory(process)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(poll)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.seek(0)
        err.seek(0)
        return Measured(seconds, peak_rss, cpu, process.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), peak_pss)


def tree_size(folder: Path) -> tuple[int, int]:
    """Bytes of every file under ``folder``, and how many HTML pages there are."""
    size = pages = 0
    for base, _, files in os.walk(folder):
        for name in files:
            size += os.path.getsize(os.path.join(base, name))
            pages += name.endswith(".html")
    return size, pages


# ---------------------------------------------------------------------------
# A first search in Chromium, counted on the server
# ---------------------------------------------------------------------------


@dataclass
class Served:
    path: str
    bytes: int
    gzip_bytes: int


@dataclass
class Payload:
    """What the browser fetched from opening the home page through the first results."""

    served: list[Served] = field(default_factory=list)
    results: int = 0
    seconds: float = 0.0  # from typing the query to the first results
    error: str = ""

    @property
    def bytes(self) -> int:
        return sum(s.bytes for s in self.served)

    @property
    def gzip_bytes(self) -> int:
        return sum(s.gzip_bytes for s in self.served)

    @property
    def search_bytes(self) -> int:
        return sum(s.bytes for s in self.served if is_search_file(s.path))


def is_search_file(path: str) -> bool:
    lowered = path.lower()
    return any(word in lowered for word in ("search", "pagefind", "worker", "lunr", "index.json"))


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    def copyfile(self, source, outputfile) -> None:  # noqa: ANN001 - stdlib signature
        data = source.read()
        outputfile.write(data)
        self.server.served.append((unquote(urlsplit(self.path).path), self.translate_path(self.path), len(data)))  # type: ignore[attr-defined]

    def log_message(self, format, *args) -> None:  # noqa: A002 - stdlib signature
        pass


class _CountingServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # the browser drops connections on navigation


@contextlib.contextmanager
def serve_counting(folder: Path) -> Iterator[tuple[str, list]]:
    """Serve ``folder`` on 127.0.0.1; yield the base URL and the live list of (path, file, bytes) served."""
    server = _CountingServer(("127.0.0.1", 0), functools.partial(_CountingHandler, directory=str(folder)))
    server.served = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}", server.served  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _gzip_size(file: str, size: int) -> int:
    """What the file would weigh served gzip-compressed (level 6, as most hosts do)."""
    path = Path(file)
    if path.is_dir():
        path = path / "index.html"
    try:
        return len(gzip.compress(path.read_bytes(), 6))
    except OSError:
        return size


_MATERIAL_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  let text = null;
  try { text = JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']; } catch (e) {}
  return !!(meta && text && meta.textContent.trim() === text.trim());
}"""
_INPUTS = ("input.md-search__input", ".pagefind-ui__search-input", "input[type=search]", ".md-search input")
_OPENERS = ("button.md-search__button", "[data-search-open]")
_RESULTS = ("li.md-search-result__item", ".pagefind-ui__result", ".pagefind-ui__message", "[data-search-result]")


def first_query_payload(site: Path, query: str, timeout: float = 600.0) -> Payload:
    """Open ``site``'s home page in headless Chromium, search ``query``, count what was served."""
    from playwright.sync_api import sync_playwright

    payload = Payload()
    ms = timeout * 1000
    with serve_counting(site) as (base, served), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.set_default_timeout(ms)
            page.goto(base + "/", wait_until="load")
            field_selector = next((s for s in _INPUTS if page.locator(s).count()), None)
            if field_selector is None:
                # A search box made on demand (Zensical): open it first.
                opener = next((s for s in _OPENERS if page.locator(s).count()), None)
                if opener is not None:
                    page.locator(opener).first.click()
                    page.wait_for_timeout(1000)
                    field_selector = next((s for s in _INPUTS if page.locator(s).count()), None)
            if field_selector is None:
                raise RuntimeError("no search box on the home page")
            field_box = page.locator(field_selector).first
            field_box.click()
            results = ", ".join(_RESULTS)
            loaded = time.perf_counter()
            # Material searches only once its worker has the index: it then answers the
            # empty query with the placeholder.  Other search boxes are typed into at once;
            # the query is typed again every few seconds until results show, in case the
            # first keystrokes came before the search was ready.
            if field_selector == _INPUTS[0]:
                field_box.fill("")
                field_box.press("End")
                while not page.evaluate(_MATERIAL_READY) and time.perf_counter() - loaded < min(timeout, 60 + timeout / 10):
                    page.wait_for_timeout(250)
            started = typed = time.perf_counter()
            # fill + one real keyup: Material reads the query on keyup (see tests/browser.py).
            field_box.fill(query)
            field_box.press("End")
            while not page.locator(results).count():
                if time.perf_counter() - started > timeout:
                    raise TimeoutError(f"no search results after {timeout:.0f} s")
                if time.perf_counter() - typed > 5:
                    field_box.fill(query)
                    field_box.press("End")
                    typed = time.perf_counter()
                page.wait_for_timeout(100)
            payload.seconds = time.perf_counter() - started
            payload.results = page.locator(", ".join(_RESULTS[:2])).count()
        except Exception as exc:  # noqa: BLE001 - reported in the table, the benchmark goes on
            payload.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        finally:
            browser.close()
        rows = list(served)
    sizes: dict[str, int] = {}
    for _, file, size in rows:
        if file not in sizes:
            sizes[file] = _gzip_size(file, size)
    payload.served = [Served(path, size, sizes[file]) for path, file, size in rows]
    return payload
