"""Site search: a Pagefind index of one rendered audience site, written inside it.

Engine-neutral: Pagefind reads the rendered HTML, after the engine, so the
index holds exactly what that audience's pages show and nothing else.  Only
elements marked ``data-pagefind-body`` are indexed (the article of each page,
see themes/overrides/main.html); a page's ``<h1>`` is its result title.
The index is split into small chunks fetched on demand, so a query costs a
few hundred kilobytes whatever the size of the site; Material's search box
reads it through themes/overrides/assets/javascripts/openbranch-search-worker.js.

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

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Where the index goes inside a site; the search worker fetches it from here.
INDEX_FOLDER = "pagefind"

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


def _copy_indexed_pages(site_dir: Path, copy: Path) -> int:
    """Copy the pages Pagefind will index (those with a ``data-pagefind-body``), spaced; return how many."""
    count = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        body = text.find("<div data-pagefind-body")
        if body < 0:
            continue
        target = copy / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_spaced(text, body), encoding="utf-8")
        count += 1
    return count


def index_site(site_dir: Path, language: str) -> Path:
    """Index the rendered site in ``site_dir`` into ``site_dir/pagefind``; return that folder.

    Same pages, same bytes: Pagefind's output depends on the HTML only (no
    timestamps); it runs with no configuration file and no ``PAGEFIND_*``
    environment variable, so nothing outside the site changes the index.
    """
    folder = site_dir / INDEX_FOLDER
    shutil.rmtree(folder, ignore_errors=True)  # re-indexing a served site: no stale chunks
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    # Pagefind reads pagefind.yml/.toml/.json from its working folder: it runs in an empty one.
    with tempfile.TemporaryDirectory(prefix="openbranch-pagefind-") as work:
        pages = Path(work) / "pages"
        pages.mkdir()
        if not _copy_indexed_pages(site_dir, pages):
            raise SearchIndexError("no page has a data-pagefind-body element (themes/overrides/main.html marks the content of each page)")
        command = [
            str(_executable()),
            "--site", str(pages),
            "--output-path", str(folder.resolve()),
            "--force-language", _INDEX_LANGUAGE.get(language, language),
            "--exclude-selectors", IGNORED,
            "--quiet",
        ]
        try:
            done = subprocess.run(command, cwd=work, env=environment, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchIndexError(str(exc)) from exc
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).split())[-500:]
        raise SearchIndexError(f"exit status {done.returncode}: {detail}")
    if not (folder / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"no index written to {folder}: {' '.join(done.stdout.split())[-500:]}")
    for name in _UNUSED:
        (folder / name).unlink(missing_ok=True)
    return folder
