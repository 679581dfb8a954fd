"""Running the renderer on a staged project, and swapping the output in atomically.

MkDocs + Material render the staged ``mkdocs.yml`` through MkDocs' Python
API into a fresh folder beside the output; only when every audience has
rendered is the old site replaced, so a failed build leaves it untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
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
    # jieba (used by the search plugin for Chinese) announces its dictionary on stderr.
    try:
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:  # pragma: no cover - jieba is a dependency
        pass
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


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new``: the old site stays whole until the last moment."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
