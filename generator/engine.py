"""Running the renderer on a staged project, and swapping the output in atomically.

MkDocs + Material render the staged ``mkdocs.yml`` through MkDocs' Python
API into a fresh folder beside the output; only when every audience has
rendered is the old site replaced, so a failed build leaves it untouched.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class EngineError(Exception):
    """MkDocs could not render a staged project."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet_mkdocs() -> Iterator[_Collect]:
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


def render(stage: Path, site_dir: Path, source_date_epoch: int) -> list[str]:
    """Render ``stage/mkdocs.yml`` into ``site_dir``; return MkDocs' warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    # MkDocs stamps the sitemap and its gzip header with this: same input, same bytes.
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    try:
        with _quiet_mkdocs() as collected:
            try:
                config = load_config(config_file=str(stage / "mkdocs.yml"), site_dir=str(site_dir))
                build(config)
            except MkDocsException as exc:
                raise EngineError("; ".join([*collected.messages, str(exc)])) from exc  # the why (e.g. a bad site_url) is only in the log
            except SystemExit as exc:  # MkDocs aborts this way on a broken config
                raise EngineError(str(exc)) from exc
        return collected.messages
    finally:
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch


def fresh_folder(output: Path, audience: str) -> Path:
    """An empty folder beside the output to render into (same file system, so rename works)."""
    output.mkdir(parents=True, exist_ok=True)
    folder = output / f".{audience}.new-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` so that a reader (or a kill) sees one whole site or the other."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    if target.is_dir() and _exchange(new, target):
        # ``new`` now holds the previous site.
        shutil.rmtree(new, ignore_errors=True)
        return
    # Elsewhere: two renames; a kill between them leaves the old site under ``old``,
    # which ``recover`` puts back on the next build.
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def recover(output: Path) -> None:
    """Undo what an interrupted build left: restore a site moved aside, drop half-rendered folders."""
    if not output.is_dir():
        return
    for leftover in sorted(output.glob(".*.old-*")):
        target = output / leftover.name[1:].split(".old-")[0]
        if not target.exists():
            os.replace(leftover, target)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in sorted(output.glob(".*.new-*")):
        shutil.rmtree(leftover, ignore_errors=True)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
