"""Zensical: the second engine (``openbranch build --engine zensical``), Material's successor.

Zensical reads the same staged project MkDocs does (it understands Material's
mkdocs.yml), so it needs what Material needs in it.  It is run through its
Python API; its Rust core writes its progress and its issue reports straight
to file descriptors 1 and 2, past ``sys.stdout``, so those are captured
while it runs and its issues handed back as warnings (``path:line:column:
message``).  It keeps its own cache in the project (``.cache``) and renders
every page from it, so an unchanged rebuild is about twice as fast; it reuses
no page of the previous site, and writes no manifest.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional

from ..clock import source_date_epoch
from ..publish import PreviousSite
from . import SITE_DIR, Engine, EngineError, Rendered, staged_pages
from .mkdocs import MATERIAL_PROJECT

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# An issue report: "Warning: page does not exist" then a frame "╭─[ regularity/index.md:81:10 ]".
_ISSUE = re.compile(r"^(?:Warning|Error): (?P<message>.+)$(?:\n[^\n]*?\[ (?P<place>[^\]]+?) \])?", re.MULTILINE)


@contextmanager
def _captured_output() -> Iterator[list[str]]:
    """Catch what native code writes straight to file descriptors 1 and 2.

    The text is handed back (ANSI colours removed) on exit.
    """
    text: list[str] = []
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    saved = [os.dup(1), os.dup(2)]
    with tempfile.TemporaryFile() as sink:
        try:
            os.dup2(sink.fileno(), 1)
            os.dup2(sink.fileno(), 2)
            yield text
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
            sink.seek(0)
            text.append(_ANSI.sub("", sink.read().decode("utf-8", "replace")))


def _issues(output: str) -> list[str]:
    return [f"{m['place']}: {m['message']}" if m["place"] else m["message"] for m in _ISSUE.finditer(output)]


class Zensical(Engine):
    name = "zensical"
    title = "Zensical"
    module = "zensical"
    packages = ("zensical",)
    project = MATERIAL_PROJECT

    def render(
        self,
        project: Path,
        site_dir: Path,
        epoch: int,
        digests: Mapping[str, str],
        previous: Optional[PreviousSite] = None,
        on_page: Optional[Callable[[], None]] = None,
    ) -> Rendered:
        """Render ``project`` into ``site_dir`` (``previous`` is not used: Zensical's cache does the reuse)."""
        import zensical
        from click import ClickException

        # Zensical refuses a site_dir outside the project: it renders into the
        # project's SITE_DIR, which is then moved to ``site_dir``.
        built = project / SITE_DIR
        shutil.rmtree(built, ignore_errors=True)
        # Zensical 0.0.x writes no timestamps at all (its sitemap has no lastmod);
        # SOURCE_DATE_EPOCH is set all the same, as for MkDocs.
        with source_date_epoch(epoch), _captured_output() as output:
            try:
                zensical.build(str(project / "mkdocs.yml"), {"clean": False, "strict": False})
            except ClickException as exc:  # Zensical's ConfigurationError
                failure: BaseException | None = exc
                detail = exc.format_message()
            except Exception as exc:  # noqa: BLE001 - the Rust core reports everything as RuntimeError
                failure, detail = exc, str(exc)
            else:
                failure, detail = None, ""
        if failure is not None:
            shutil.rmtree(built, ignore_errors=True)
            # A Python error inside Zensical comes with its traceback: keep the first line.
            raise EngineError(detail.strip().splitlines()[0] if detail.strip() else type(failure).__name__) from failure
        if not built.is_dir():
            raise EngineError(f"no output in {built}")
        shutil.rmtree(site_dir, ignore_errors=True)  # as MkDocs does, the target is replaced whole
        shutil.move(str(built), str(site_dir))  # a rename when the project and the output share a file system
        pages = len(staged_pages(digests))
        for _ in range(pages):  # no per-page events: the progress line catches up at once
            if on_page is not None:
                on_page()
        # No manifest: MkDocs' next build must not reuse pages Zensical rendered.
        return Rendered(_issues(output[0]), rendered=pages)
