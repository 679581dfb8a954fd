"""Running a rendering engine on a staged project, and swapping the output in atomically.

The staged ``mkdocs.yml`` project is rendered into a fresh folder beside the
output, by MkDocs + Material (the default) or by Zensical, each through its
Python API; only when every audience has rendered is the old site replaced,
so a failed build leaves it untouched.  This is the only module that runs an
engine.

MkDocs rebuilds are incremental: the stage folder keeps a manifest of what the live
site was rendered from (a hash per page, and one for everything site-wide).
Pages whose source and site-wide inputs are unchanged are not rendered again
but hard-linked from the live site into the new one (see ``mkdocs_plugin``).
Zensical keeps its own cache in the stage (``.cache``) and renders every page
from it, so an unchanged rebuild is about twice as fast.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from .stage import SITE_DIR

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}

RENDER_MANIFEST = ".openbranch-render.json"

# The package each engine runs on; the optional ones come with an extra (``openbranch[zensical]``).
ENGINE_PACKAGES = {"mkdocs": "mkdocs", "zensical": "zensical"}


def installed(engine: str) -> bool:
    """Whether ``engine``'s package can be imported here."""
    import importlib.util

    return importlib.util.find_spec(ENGINE_PACKAGES[engine]) is not None


def versions() -> dict[str, str]:
    """The installed version of each engine's packages (those not installed are left out)."""
    found = {}
    for name in ("mkdocs", "mkdocs-material", "zensical", "pagefind"):
        try:
            found[name] = package_version(name)
        except Exception:  # noqa: BLE001 - importlib.metadata.PackageNotFoundError and friends
            continue
    return found


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


@dataclass
class Rendered:
    warnings: list[str] = field(default_factory=list)
    rendered: int = 0  # pages MkDocs rendered
    reused: int = 0  # pages linked from the previous build
    manifest: dict[str, Any] = field(default_factory=dict)  # remember() it once the site is live


def _page_hashes(docs: Path) -> dict[str, str]:
    hashes = {}
    for path in sorted(docs.rglob("*.md")):
        hashes[path.relative_to(docs).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def _site_key(stage: Path) -> str:
    """A hash of every input a page's HTML shares with every other page."""
    digest = hashlib.sha256()
    for name in ("mkdocs", "mkdocs-material"):
        digest.update(f"{name} {package_version(name)}\0".encode())
    here = Path(__file__).resolve().parent
    for code in ("engine.py", "mkdocs_plugin.py"):
        digest.update((here / code).read_bytes())
    site_wide = [p for p in stage.iterdir() if p.is_file() and p.name != RENDER_MANIFEST]
    if (stage / "overrides").is_dir():
        site_wide += [p for p in (stage / "overrides").rglob("*") if p.is_file()]
    for path in sorted(site_wide):
        digest.update(path.relative_to(stage).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _previous_manifest(stage: Path) -> dict[str, Any]:
    try:
        return json.loads((stage / RENDER_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def forget(stage: Path) -> None:
    """The live site is about to change: its manifest no longer describes it."""
    (stage / RENDER_MANIFEST).unlink(missing_ok=True)


def _site_identity(site: Path) -> list[int]:
    """Which folder the live site is: a site put back from a copy or a backup is another folder."""
    info = os.stat(site)
    return [info.st_dev, info.st_ino, info.st_mtime_ns]


def remember(stage: Path, manifest: dict[str, Any], site: Path) -> None:
    """Record what the (now live) ``site`` was rendered from, for the next build to reuse."""
    if manifest:
        manifest = {**manifest, "site": _site_identity(site)}
        tmp = stage / (RENDER_MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        os.replace(tmp, stage / RENDER_MANIFEST)


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
    stage: Path,
    site_dir: Path,
    source_date_epoch: int,
    previous_site: Optional[Path] = None,
    on_page: Optional[Callable[[], None]] = None,
    engine: str = DEFAULT_ENGINE,
) -> Rendered:
    """Render ``stage/mkdocs.yml`` into ``site_dir`` with ``engine`` (MkDocs reuses unchanged pages of ``previous_site``)."""
    if engine == "zensical":
        return _render_zensical(stage, site_dir, source_date_epoch, on_page)
    if engine != "mkdocs":
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .mkdocs_plugin import OpenBranchPlugin

    pages = _page_hashes(stage / "docs")
    key = _site_key(stage)
    previous = _previous_manifest(stage)
    reusable: set[str] = set()
    # Reuse only from the very folder the manifest was written for (not one restored or replaced since).
    if previous_site is not None and previous_site.is_dir() and previous.get("key") == key and previous.get("site") == _site_identity(previous_site):
        old_pages = previous.get("pages", {})
        reusable = {src for src, digest in pages.items() if old_pages.get(src) == digest}
    plugin = OpenBranchPlugin(reusable, previous_site if reusable else None, stage / ".jinja-cache", on_page)

    # MkDocs stamps the sitemap and its gzip header with this: same input, same bytes.
    with _source_date_epoch(source_date_epoch), _quiet_mkdocs() as collected:
        try:
            config = load_config(config_file=str(stage / "mkdocs.yml"), site_dir=str(site_dir))
            config.plugins["openbranch"] = plugin
            build(config)
        except MkDocsException as exc:
            raise EngineError("; ".join([*collected.messages, str(exc)])) from exc  # the why (e.g. a bad site_url) is only in the log
        except SystemExit as exc:  # MkDocs aborts this way on a broken config
            raise EngineError(str(exc)) from exc
    assert previous_site is not None or not plugin.reused
    _link_all([(Path(source), site_dir / dest) for source, dest in plugin.static_files])
    _link_all([(previous_site / dest, site_dir / dest) for dest in plugin.reused])  # type: ignore[operator]
    return Rendered(collected.messages, len(pages) - len(plugin.reused), len(plugin.reused), {"key": key, "pages": pages})


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


def _render_zensical(stage: Path, site_dir: Path, source_date_epoch: int, on_page: Optional[Callable[[], None]]) -> Rendered:
    import zensical
    from click import ClickException

    # Zensical refuses a site_dir outside the project: it renders into the
    # stage's SITE_DIR, which is then moved to ``site_dir``.  Its cache stays in
    # <stage>/.cache (write_stage keeps dot-folders), so an unchanged rebuild
    # reuses it.
    built = stage / SITE_DIR
    shutil.rmtree(built, ignore_errors=True)
    # Zensical 0.0.x writes no timestamps at all (its sitemap has no lastmod);
    # SOURCE_DATE_EPOCH is set all the same, as for MkDocs.
    with _source_date_epoch(source_date_epoch), _captured_output() as output:
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
    pages = sum(1 for _ in (stage / "docs").rglob("*.md"))
    for _ in range(pages):  # no per-page events: the progress line catches up at once
        if on_page is not None:
            on_page()
    # No manifest: MkDocs' next build must not reuse pages Zensical rendered.
    return Rendered(_zensical_issues(output[0]), rendered=pages)


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
