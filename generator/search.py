"""Site search: a Pagefind index of one rendered audience site, written inside it.

Engine-neutral: Pagefind reads the rendered HTML, after the engine, so the
index holds exactly what that audience's pages show and nothing else.  Only
elements marked ``data-pagefind-body`` are indexed (the article of each page,
see themes/overrides/main.html); a page's ``<h1>`` is its result title.
The index is split into small chunks fetched on demand, so a query costs a
few hundred kilobytes whatever the size of the site; Material's search box
reads it through themes/overrides/assets/javascripts/openbranch-search-worker.js.

Pagefind is given each page's content only, in the order of the pages'
paths, through its indexing service (what its Python API speaks); the input
made for a page is kept, for the next build to reuse where the engine took
the page over unchanged.

A large site's index is made in parts (``index_site``'s ``max_pages``,
the site's ``limits.search_index_pages``): Pagefind's memory grows with the
pages it is given at once (about 1.6 GB for 10,000), and it has no
incremental mode, so a part whose pages are what they were is taken over
from the live site instead of being made again.  Part 1 is ``pagefind/``
itself; parts 2, 3, … are indexes of their own in ``pagefind/part-2/``, …
(without Pagefind's code: a merged index runs on the first's WebAssembly),
listed in ``pagefind/openbranch-parts.json``, and the search workers merge
them (Pagefind's ``mergeIndex``).  Results are ranked within each part's own
statistics, so their order can differ a little from one index's; which
pages match does not.  A record's page
goes to the part its path's hash picks; every other page (the home page,
listings, overviews, which change with any record) goes to part 1, so an
edited record re-indexes part 1 and its own page's part.

Chinese is indexed character by character, and the worker searches a
Chinese query as the exact sequence of its characters: a substring search,
which finds 组织生活会 or 鲟鳇鱼 wherever they are written whatever a
segmenter's word list would have made of them (Pagefind's own Chinese
segmentation at build time differs from the browser's at query time, so
words such as 主题党日 and 三会一课 were missed).  To get one word per
character Pagefind reads a copy of the pages in which each CJK character
stands between spaces; the published pages are untouched, and the worker
takes the spaces out of titles and excerpts again.

The same copy marks where the page shows a break between two pieces of text
(the end of a paragraph, list item, table cell, heading; a chip or badge of
its own): a word of its own, ``BOUNDARY``, which no query can match.  Without
it Pagefind runs the pieces together, adding a "." after those that end in a
digit or letter ("736.00.合计1,786.00."); with it the worker shows the
excerpt with the breaks the page has ("736.00 合计 1,786.00").
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any, NamedTuple, Optional

from .hashing import files_ending

# Where the index goes inside a site; the search worker fetches it from here.
INDEX_FOLDER = "pagefind"

# Inside INDEX_FOLDER: the parts after the first, e.g. {"parts": ["part-2/"]}; read by the search workers.
PARTS_FILE = "openbranch-parts.json"

# Pages per part unless the site sets limits.search_index_pages.
MAX_PAGES = 10_000

# Inside the indexed content but not text a reader searches for: the ¶
# permalinks Material puts after each heading.
IGNORED = ".headerlink"

# Pagefind's ready-made search interfaces (the site uses Material's box instead)
# and its own web worker (pagefind.js runs inside OpenBranch's worker).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")

# CJK ideographs, kana, CJK punctuation and full-width forms: one indexed word each.
# The worker (openbranch-search-worker.js) splits queries with the same ranges.
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
_SPACED = {code: f" {chr(code)} " for low, high in _CJK_RANGES for code in range(low, high + 1)}
_TAG = re.compile(r"(<[^>]*>)")

# A break the reader sees between two pieces of text, as a word of its own
# (a private-use character: in no text, in no query).  The worker
# (openbranch-search-worker.js) shows it as a space, or as nothing after a
# sentence's end.
BOUNDARY = "\ue000"
# Where the breaks are: before the end tag of a block (and at <br>), and
# before an inline element that has a class of its own (a name chip, a badge,
# a figure's unit); plain inline marks (<a>, <strong>) join their text.
_BOUNDARY_TAG = re.compile(
    r"</(?:p|li|td|th|dt|dd|h[1-6]|caption|figcaption|summary|div|blockquote|pre|tr|dl|ul|ol|table|details|figure|section)\s*>"
    r"|<br\b"
    r"|<(?:span|a|time|strong|em|small|code|mark|b|i|abbr)\b[^>]*\sclass=",
    re.IGNORECASE,
)

# Pagefind's index language.  Not "zh": that makes Pagefind segment the text
# again with its own word list; "und" (undetermined) keeps one word per character.
_INDEX_LANGUAGE = {"zh": "und", "en": "en"}


def versions() -> dict[str, str]:
    """The installed version of Pagefind (for ``--version``)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return {"pagefind": version("pagefind")}
    except PackageNotFoundError:
        return {}


class SearchIndexError(Exception):
    """Pagefind could not index a rendered site."""


def _executable() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:  # pragma: no cover - pagefind[extended] is a dependency
        raise SearchIndexError("the pagefind[extended] package is not installed") from exc
    try:
        return get_executable()
    except FileNotFoundError as exc:  # pragma: no cover - a broken install
        raise SearchIndexError(str(exc)) from exc


def _spaced(page: str, start: int) -> str:
    """The page with a space either side of every CJK character in the text of its content, and its breaks marked.

    The content runs from ``start`` (the ``data-pagefind-body`` element) to
    the end of the article; tags and their attributes (anchors such as
    ``id="基本信息"``) are left as they are.  A ``BOUNDARY`` word goes before
    each tag that breaks the text (``_BOUNDARY_TAG``), once after any text:
    never first, never twice in a row.
    """
    end = page.find("</article>", start)
    end = len(page) if end < 0 else end
    parts = _TAG.split(page[start:end])
    # Every text between tags at once: "\x00" never occurs in HTML text.
    parts[::2] = "\x00".join(parts[::2]).translate(_SPACED).split("\x00")
    marked = True  # no text since the last boundary (or since the start)
    boundary = f" {BOUNDARY} "
    for i in range(1, len(parts), 2):
        if marked and parts[i - 1].strip():
            marked = False
        if not marked and _BOUNDARY_TAG.match(parts[i]):
            parts[i - 1] += boundary
            marked = True
    return page[:start] + "".join(parts) + page[end:]


# What Pagefind reads of a page besides its data-pagefind-body: the first <h1>
# anywhere (the result's title), <title> where there is none, images after the
# title, data-pagefind-* attributes.  Where the page has any of these outside
# the indexed content, it is handed over whole.
_READ_OUTSIDE = ("<h1", "<img", "data-pagefind-")
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title>.*?</title>", re.IGNORECASE | re.DOTALL)

# Cached index inputs and parts are made by this code (``_spaced`` included) and this Pagefind only.
_INPUT_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + " " + versions().get("pagefind", "")

# A page file's identity: a page the engine took over from the live site is a
# hard link to the same file, so its index input is the one kept for it.
Identity = tuple[int, int, int, int]


def _identity(info: os.stat_result) -> Identity:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def index_input(page: str) -> Optional[str]:
    """What Pagefind is given for one rendered page: its content spaced, in an otherwise empty document; None if not indexed.

    Pagefind indexes only the ``data-pagefind-body`` element, so the rest of
    the page (Material's header, navigation and footer: most of its bytes)
    is left out; the ``<html>`` tag and ``<title>`` stay.  The index is the
    same byte for byte as from the whole page.
    """
    body = page.find("<div data-pagefind-body")
    if body < 0:
        return None
    spaced = _spaced(page, body)
    end = spaced.find("</article>", body)
    end = len(spaced) if end < 0 else end
    outside = (spaced[:body] + spaced[end:]).lower()
    if any(marker in outside for marker in _READ_OUTSIDE):
        return spaced
    head = spaced[:body]
    html_tag = _HTML_TAG.search(head)
    title = _TITLE.search(head)
    return (
        f"<!DOCTYPE html>\n{html_tag.group(0) if html_tag else '<html>'}<head><meta charset=\"utf-8\">{title.group(0) if title else ''}</head>"
        f"<body>{spaced[body:end]}</body></html>\n"
    )


def _index_inputs(site_dir: Path, kept: dict[str, tuple[Identity, Optional[str]]]) -> dict[str, tuple[Identity, Optional[str]]]:
    """Every page's index input (None: not indexed), by its path in the site; taken from ``kept`` for the same file."""
    inputs: dict[str, tuple[Identity, Optional[str]]] = {}
    for rel, path, info in files_ending(site_dir, ".html"):
        identity = _identity(info)
        held = kept.get(rel)
        if held is not None and held[0] == identity:
            inputs[rel] = held
            continue
        with open(path, encoding="utf-8") as handle:
            inputs[rel] = (identity, index_input(handle.read()))
    return inputs


class _Part(NamedTuple):
    """One part of a site's index as it was written: what it was made from, where, and its files (path, size)."""

    digest: str
    folder: str
    files: tuple[tuple[str, int], ...]


Kept = tuple[dict[str, tuple[Identity, Optional[str]]], list[_Part]]


def _load_inputs(kept: Optional[Path]) -> Kept:
    """The inputs and parts the live site's index was made from (none when missing, damaged or of other code)."""
    if kept is None:
        return {}, []
    try:
        with open(kept, "rb") as handle:
            version, inputs, parts = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a missing, damaged or foreign file only costs time
        return {}, []
    if version != _INPUT_VERSION or not isinstance(inputs, dict) or not isinstance(parts, list):
        return {}, []
    return inputs, parts


def _part_folder(number: int) -> str:
    """Where part ``number`` (0 for the first) goes inside the index folder: the first is the folder itself."""
    return "" if number == 0 else f"part-{number + 1}"


def _split(pages: list[tuple[str, str]], max_pages: int) -> list[list[tuple[str, str]]]:
    """The pages in parts of ``max_pages`` or fewer on average, each part in path order.

    A page three folders down (``meetings/2026/<id>/index.html``: a
    record's own page) goes to the part its path's hash picks, so a page
    stays in its part while others come and go; every other page to the
    first part, which can so hold more than ``max_pages``.  The number of
    parts is a power of two, the smallest that keeps parts to ``max_pages``
    on average: it changes only when the site doubles or halves (every part
    is then made again), not with each page added or removed near a
    multiple of ``max_pages``.  A part no page falls in is left out.
    """
    count = 1
    while count * max_pages < len(pages):
        count *= 2
    parts: list[list[tuple[str, str]]] = [[] for _ in range(count)]
    for page in pages:
        rel = page[0]
        number = 0 if count == 1 or rel.count("/") < 3 else int.from_bytes(hashlib.blake2b(rel.encode("utf-8"), digest_size=8).digest(), "big") % count
        parts[number].append(page)
    return [part for part in parts if part]


def _digest(config: dict[str, Any], pages: list[tuple[str, str]]) -> str:
    """What a part's index is made from: Pagefind's output depends on the configuration, the pages and their order only."""
    digest = hashlib.blake2b(json.dumps(config, sort_keys=True).encode("utf-8"), digest_size=16)
    for rel, text in pages:
        digest.update(b"\0%d\0%s\0%d\0" % (len(rel), rel.encode("utf-8"), len(text)))
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()


class _PagefindService:
    """Pagefind's indexing service (``pagefind --service``), spoken to as its Python and Node APIs do.

    Requests and responses are JSON, base64-encoded, each followed by a
    comma.  Pagefind's own Python client reads one response per tenth of a
    second, too slow for thousands of pages; this one writes every request
    from a thread and reads the responses as they come.
    """

    def __init__(self, work: Path, timeout: float):
        environment = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
        try:
            self.process = subprocess.Popen([str(_executable()), "--service"], cwd=work, env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise SearchIndexError(str(exc)) from exc
        self._next_id = 0
        self._buffer = b""
        self._timer = threading.Timer(timeout, self.process.kill)
        self._timer.daemon = True
        self._timer.start()

    def _encode(self, payload: dict[str, Any]) -> bytes:
        self._next_id += 1
        return base64.b64encode(json.dumps({"message_id": self._next_id, "payload": payload}, ensure_ascii=False).encode("utf-8")) + b","

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        while b"," not in self._buffer:
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                raise SearchIndexError(f"pagefind stopped (exit status {self.process.poll()})")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b",")
        payload = json.loads(base64.b64decode(message))["payload"]
        if payload.get("type") == "Error":
            raise SearchIndexError(" ".join(str(payload.get("message", "")).split())[-500:])
        return payload

    def call(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(self._encode(payload))
        self.process.stdin.flush()
        return self._read()

    def add_pages(self, index_id: int, pages: list[tuple[str, str]]) -> None:
        """Add every (path in the site, HTML) to the index, in order; the requests are written while the answers are read."""
        stdin = self.process.stdin
        assert stdin is not None
        first_id = self._next_id
        self._next_id += len(pages)

        def write() -> None:
            try:
                for number, (rel, text) in enumerate(pages, start=first_id + 1):
                    request = {"message_id": number, "payload": {"type": "AddFile", "index_id": index_id, "file_path": rel, "url": None, "file_contents": text}}
                    stdin.write(base64.b64encode(json.dumps(request, ensure_ascii=False).encode("utf-8")) + b",")
                stdin.flush()
            except OSError:
                pass  # pagefind stopped: the reader says so

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        try:
            for _ in pages:
                self._read()
        except BaseException:
            self.process.kill()  # or the writer waits for ever on a pipe nobody reads
            raise
        finally:
            writer.join()

    def close(self) -> None:
        self._timer.cancel()
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _engine_file(rel: str) -> bool:
    """Pagefind's own code (pagefind.js, its WebAssembly), which only the first part needs."""
    return rel == "pagefind.js" or (rel.startswith("wasm.") and rel.endswith(".pagefind"))


def _write_index(folder: Path, files: list[dict[str, Any]], first: bool) -> tuple[tuple[str, int], ...]:
    """Write the index's files (path under the index folder, base64 content) into ``folder``, but those the site does not use; return (path, size) of each.

    Only the ``first`` part keeps Pagefind's code: the workers load it from
    there, and a merged index is searched with the first's WebAssembly.
    """
    made: set[Path] = set()
    written: list[tuple[str, int]] = []
    for file in files:
        rel = Path(str(file["path"]))
        if rel.is_absolute() or ".." in rel.parts:
            raise SearchIndexError(f"pagefind returned a file outside its index: {rel}")
        if rel.as_posix() in _UNUSED or (not first and _engine_file(rel.as_posix())):
            continue
        target = folder / rel
        if target.parent not in made:  # thousands of fragments share a few folders
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        content = base64.b64decode(file["content"])
        with open(target, "wb") as handle:
            handle.write(content)
        written.append((rel.as_posix(), len(content)))
    return tuple(written)


def _make_part(folder: Path, config: dict[str, Any], pages: list[tuple[str, str]], first: bool, timeout: float) -> tuple[tuple[str, int], ...]:
    """Index ``pages`` with Pagefind into ``folder``; return the files written.

    One Pagefind process per part, so the memory one part took is returned
    before the next is made.
    """
    # Pagefind reads pagefind.yml/.toml/.json from its working folder: it runs in an empty one.
    with tempfile.TemporaryDirectory(prefix="openbranch-pagefind-") as work:
        service = _PagefindService(Path(work), timeout)
        try:
            index_id = service.call({"type": "NewIndex", "config": config})["index_id"]
            service.add_pages(index_id, pages)
            # The files come back over the pipe and are written here: Pagefind's own
            # WriteFiles answers before its writes are done, and the service exits when
            # its input closes, so a file could be left short (seen under load).
            files = service.call({"type": "GetFiles", "index_id": index_id})["files"]
        except (OSError, ValueError, KeyError) as exc:
            raise SearchIndexError(str(exc)) from exc
        finally:
            service.close()
    written = _write_index(folder, files, first)
    if not (folder / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"no index written to {folder}")
    return written


def _take_part(part: _Part, live: Path, folder: Path) -> bool:
    """Link the files of ``part`` from the live site's index folder into ``folder``; False (nothing taken) if any is not as written."""
    source = live / part.folder
    for rel, size in part.files:
        try:
            if os.stat(source / rel).st_size != size:
                return False
        except OSError:
            return False
    made: set[Path] = set()
    for rel, _ in part.files:
        target = folder / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        try:
            os.link(source / rel, target)  # the live file is never written again, only replaced
        except OSError:
            shutil.copyfile(source / rel, target)
    return True


def index_site(
    site_dir: Path,
    language: str,
    kept: Optional[Path] = None,
    keep: Optional[Path] = None,
    timeout: float = 600,
    live: Optional[Path] = None,
    max_pages: int = MAX_PAGES,
) -> Path:
    """Index the rendered site in ``site_dir`` into ``site_dir/pagefind``, in parts of ``max_pages`` pages or fewer on average; return that folder.

    Every page's index input, and what each part was made from, is written
    to ``keep`` for the next build.  From ``kept`` (what the live site's
    index wrote there) come the inputs of the pages this site shares with it
    (the engine links unchanged pages from the live site: the same files),
    and, where ``live`` (the live site) is given, every part made from the
    same pages as one of the live site's, whose files are linked from there.
    Pagefind has no incremental mode, so every other part is made whole, its
    pages in the order of their paths.  Same pages, same bytes: Pagefind's
    output depends on the HTML and that order only (no timestamps); it runs
    with no configuration file and no ``PAGEFIND_*`` environment variable,
    so nothing outside the site changes the index, and a part taken over is
    the part Pagefind would make.
    """
    folder = site_dir / INDEX_FOLDER
    shutil.rmtree(folder, ignore_errors=True)  # re-indexing a served site: no stale chunks
    kept_inputs, kept_parts = _load_inputs(kept)
    inputs = _index_inputs(site_dir, kept_inputs)
    pages = [(rel, text) for rel, (_, text) in sorted(inputs.items()) if text is not None]
    if not pages:
        raise SearchIndexError("no page has a data-pagefind-body element (themes/overrides/main.html marks the content of each page)")
    config = {"force_language": _INDEX_LANGUAGE.get(language, language), "exclude_selectors": [IGNORED]}
    reusable = {(part.digest, part.folder): part for part in kept_parts} if live is not None else {}
    parts: list[_Part] = []
    for number, part_pages in enumerate(_split(pages, max(1, max_pages))):
        name = _part_folder(number)
        digest = _digest(config, part_pages)
        target = folder / name
        held = reusable.get((digest, name))
        if held is not None and live is not None and _take_part(held, live / INDEX_FOLDER, target):
            parts.append(held)
            continue
        parts.append(_Part(digest, name, _make_part(target, config, part_pages, number == 0, timeout)))
    with open(folder / PARTS_FILE, "w", encoding="utf-8") as handle:
        json.dump({"parts": [f"{part.folder}/" for part in parts[1:]]}, handle)
    if keep is not None:
        with open(keep, "wb") as handle:
            pickle.dump((_INPUT_VERSION, inputs, parts), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return folder
