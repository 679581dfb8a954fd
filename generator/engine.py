"""Running a rendering engine on a staged project, and swapping the output in atomically.

The staged ``mkdocs.yml`` project is rendered into a fresh folder beside the
output, by MkDocs + Material (the default) or by Zensical, each through its
Python API; only when every audience has rendered is the old site replaced,
so a failed build leaves it untouched.  This is the only module that runs an
engine.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .stage import SITE_DIR

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}



# What an engine keeps in the staged project between builds: kept when the
# stage itself is removed, so an unchanged rebuild is warm.
CACHES = {"mkdocs": (), "zensical": (".cache",)}


class EngineError(Exception):
    """The engine could not render a staged project."""


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


@contextmanager
def _source_date_epoch(epoch: int) -> Iterator[None]:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def render(stage: Path, site_dir: Path, source_date_epoch: int, engine: str = DEFAULT_ENGINE) -> list[str]:
    """Render ``stage/mkdocs.yml`` into ``site_dir`` with ``engine``; return the engine's warnings."""
    renderer = _RENDERERS.get(engine)
    if renderer is None:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    # MkDocs stamps the sitemap and its gzip header with this: same input, same bytes.
    # Zensical 0.0.x writes no timestamps at all (its sitemap has no lastmod).
    with _source_date_epoch(source_date_epoch):
        return renderer(stage, site_dir)


def _render_mkdocs(stage: Path, site_dir: Path) -> list[str]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _quiet_mkdocs() as collected:
        try:
            config = load_config(config_file=str(stage / "mkdocs.yml"), site_dir=str(site_dir))
            build(config)
        except MkDocsException as exc:
            raise EngineError("; ".join([*collected.messages, str(exc)])) from exc  # the why (e.g. a bad site_url) is only in the log
        except SystemExit as exc:  # MkDocs aborts this way on a broken config
            raise EngineError(str(exc)) from exc
    return collected.messages


@contextmanager
def _captured_output() -> Iterator[list[str]]:
    """Catch what native code writes straight to file descriptors 1 and 2.

    Zensical's Rust core prints progress and its issue reports there, past
    ``sys.stdout``; the text is handed back (ANSI colours removed) on exit.
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


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# An issue report: "Warning: page does not exist" then a frame "╭─[ regularity/index.md:81:10 ]".
_ZENSICAL_ISSUE = re.compile(r"^(?:Warning|Error): (?P<message>.+)$(?:\n[^\n]*?\[ (?P<place>[^\]]+?) \])?", re.MULTILINE)


def _zensical_issues(output: str) -> list[str]:
    return [f"{m['place']}: {m['message']}" if m["place"] else m["message"] for m in _ZENSICAL_ISSUE.finditer(output)]


def _render_zensical(stage: Path, site_dir: Path) -> list[str]:
    import zensical
    from click import ClickException

    # Zensical refuses a site_dir outside the project: it renders into the
    # stage's SITE_DIR, which is then moved to ``site_dir``.  Its cache stays in
    # <stage>/.cache (write_stage keeps dot-folders), so an unchanged rebuild
    # reuses it.
    built = stage / SITE_DIR
    shutil.rmtree(built, ignore_errors=True)
    with _captured_output() as output:
        try:
            zensical.build(str(stage / "mkdocs.yml"), {"clean": False, "strict": False})
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
    shutil.move(str(built), str(site_dir))  # a rename when the stage and the output share a file system
    return _zensical_issues(output[0])


_RENDERERS: dict[str, Callable[[Path, Path], list[str]]] = {"mkdocs": _render_mkdocs, "zensical": _render_zensical}


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
