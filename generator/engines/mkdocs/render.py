"""Rendering a staged project through MkDocs' Python API, reusing unchanged pages.

The render's manifest (kept by ``publish`` once the site is live) holds the
stage's digest of every page's staged Markdown (``stage.Staged``: the pages
are not read again to find what changed) and one key for everything a page's
HTML shares with every other page: the MkDocs and Material versions, this
package's code, the staged mkdocs.yml and the theme overrides.  On the next
build, with the same key, a page whose Markdown digest is unchanged is not
rendered: ``reuse.ReusePlugin`` lets MkDocs skip it, and its HTML is
hard-linked from the live site into the new one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional

from ...clock import source_date_epoch
from ...publish import PreviousSite
from .. import EngineError, Rendered, staged_pages

_HERE = Path(__file__).resolve().parent


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def quiet_mkdocs() -> Iterator[_Collect]:
    """Keep MkDocs' INFO chatter out of our output; collect its warnings."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    old_level, old_propagate = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def _site_key(digests: Mapping[str, str]) -> str:
    """A hash of every input a page's HTML shares with every other page: the engine's versions and code, mkdocs.yml, the theme overrides."""
    digest = hashlib.sha256()
    for name in ("mkdocs", "mkdocs-material"):
        digest.update(f"{name} {version(name)}\0".encode())
    for code in sorted(_HERE.glob("*.py")):
        digest.update(code.read_bytes())
    for rel, staged in sorted(digests.items()):
        if rel == "mkdocs.yml" or rel.startswith("overrides/"):
            digest.update(f"{rel}\0{staged}\0".encode())
    return digest.hexdigest()


def _link_all(pairs: list[tuple[Path, Path]]) -> None:
    """Hard-link each source to its target (copy where links are not possible)."""
    made: set[Path] = set()
    for source, target in pairs:
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        try:
            os.link(source, target)
        except FileExistsError:
            target.unlink()
            os.link(source, target)
        except OSError:  # another file system, or links not allowed
            shutil.copy2(source, target)


def render(
    project: Path,
    site_dir: Path,
    epoch: int,
    digests: Mapping[str, str],
    previous: Optional[PreviousSite] = None,
    on_page: Optional[Callable[[], None]] = None,
) -> Rendered:
    """Render ``project/mkdocs.yml`` into ``site_dir``, reusing the pages of ``previous`` whose staged ``digests`` are unchanged."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .rawhtml import RawHtmlPlugin
    from .reuse import ReusePlugin

    pages = staged_pages(digests)
    key = _site_key(digests)
    reusable: set[str] = set()
    if previous is not None and previous.manifest.get("key") == key:
        old_pages = previous.manifest.get("pages", {})
        reusable = {src for src, digest in pages.items() if old_pages.get(src) == digest}
    previous_folder = previous.folder if previous is not None and reusable else None
    plugin = ReusePlugin(reusable, previous_folder, project / ".jinja-cache", on_page)

    # MkDocs stamps the sitemap and its gzip header with SOURCE_DATE_EPOCH: same input, same bytes.
    with source_date_epoch(epoch), quiet_mkdocs() as collected:
        try:
            config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
            config.plugins["openbranch"] = plugin
            config.plugins["openbranch-raw-html"] = RawHtmlPlugin()
            build(config)
        except MkDocsException as exc:
            raise EngineError("; ".join([*collected.messages, str(exc)])) from exc  # the why (e.g. a bad site_url) is only in the log
        except SystemExit as exc:  # MkDocs aborts this way on a broken config
            raise EngineError(str(exc)) from exc
    _link_all([(Path(source), site_dir / dest) for source, dest in plugin.static_files])
    if plugin.reused:
        assert previous_folder is not None
        _link_all([(previous_folder / dest, site_dir / dest) for dest in plugin.reused])
    return Rendered(collected.messages, len(pages) - len(plugin.reused), len(plugin.reused), {"key": key, "pages": pages})
