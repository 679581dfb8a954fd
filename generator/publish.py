"""Putting a rendered site live: fresh folder, atomic swap, recovery, the render manifest.

An engine renders each audience into a fresh folder beside the output
(``OUT/.public.new-<pid>``: the same file system, so renaming works); only
when every audience has rendered is each live site replaced, in one step, so
a reader, a failed build or a kill sees the whole old site or the whole new
one.  On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``; elsewhere two
renames, and what a kill between them leaves (``OUT/.public.old-<pid>``) is
put back by ``recover`` at the start of the next build.  The site replaced is
renamed ``OUT/.public.retired-…`` and removed by a process of its own once
every audience is live (``remove_retired``): removing tens of thousands of
files takes seconds, and the new sites need not wait for it.

The render manifest, kept in the audience's stage folder, says what the live
site was rendered from (the engine writes its content: MkDocs a hash per page
and one of everything site-wide) and which folder it is, so the next build
may reuse that site's pages.  It is removed before the swap and written after
it: a manifest never describes a site that is not live.  The search index's
inputs (``search.index_site``) are kept beside it the same way: written next
to it while the new site is indexed, put in place after the swap.

The build manifest, in the folder of a build's staged projects, holds the
fingerprint of what the last build read (``inputs``), what it reported and
which folders its sites are: a build with the same fingerprint, whose sites
are still those folders, has nothing to do.  It is removed before a build
changes anything and written when every site is live.
"""

from __future__ import annotations

import ctypes
import itertools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

RENDER_MANIFEST = ".openbranch-render.json"
SEARCH_INPUTS = ".openbranch-search-inputs.pickle"
BUILD_MANIFEST = ".openbranch-build.json"


@dataclass(frozen=True)
class PreviousSite:
    """The live site of an audience and the manifest of what it was rendered from."""

    folder: Path
    manifest: dict[str, Any]


# -- folders ------------------------------------------------------------------


def fresh_folder(output: Path, audience: str) -> Path:
    """An empty folder beside the output to render into (same file system, so rename works)."""
    output.mkdir(parents=True, exist_ok=True)
    folder = output / f".{audience}.new-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def discard(folder: Path) -> None:
    """Remove a fresh folder that will not go live."""
    shutil.rmtree(folder, ignore_errors=True)


def discard_all(outcomes: Iterable[Any]) -> None:
    """An audience failed: none of the others' fresh folders (each outcome's ``fresh``) goes live either."""
    for outcome in outcomes:
        discard(outcome.fresh)


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


_RETIRED = itertools.count()


def _retire(folder: Path, target: Path) -> None:
    """Set aside ``folder``, the site ``target`` held until now, for ``remove_retired``."""
    os.replace(folder, target.parent / f".{target.name}.retired-{os.getpid()}-{next(_RETIRED)}")


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` so that a reader (or a kill) sees one whole site or the other."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    if target.is_dir() and _exchange(new, target):
        # ``new`` now holds the previous site.
        _retire(new, target)
        return
    # Elsewhere: two renames; a kill between them leaves the old site under ``old``,
    # which ``recover`` puts back on the next build.
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        _retire(old, target)


# Run by ``remove_retired`` in a process of its own: the folders named on its command line.
_REMOVER = "import shutil, sys\nfor folder in sys.argv[1:]:\n    shutil.rmtree(folder, ignore_errors=True)"


def remove_retired(output: Path) -> None:
    """Remove the sites that swaps replaced (and any an interrupted removal left), in a process that outlives the build.

    The new sites are live already; nothing reads the retired ones.  Where no
    process can be started, they are removed here and now.
    """
    retired = sorted(output.glob(".*.retired-*"))
    if not retired:
        return
    try:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVER, *map(str, retired)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped by the Ctrl-C that ends a ``serve``, nor waited for
        )
    except OSError:
        for folder in retired:
            shutil.rmtree(folder, ignore_errors=True)


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


# -- the render manifest ------------------------------------------------------------


def _site_identity(site: Path) -> list[int]:
    """Which folder the live site is: a site put back from a copy or a backup is another folder."""
    info = os.stat(site)
    return [info.st_dev, info.st_ino, info.st_mtime_ns]


def previous_site(stage: Path, target: Path) -> Optional[PreviousSite]:
    """The live site at ``target`` and its manifest, if the manifest in ``stage`` was written for this very folder."""
    if not target.is_dir():
        return None
    try:
        manifest = json.loads((stage / RENDER_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.pop("site", None) != _site_identity(target):
        return None  # restored, replaced or rendered elsewhere since: nothing in it may be reused
    return PreviousSite(target, manifest)


def search_inputs(stage: Path) -> Path:
    """Where the live site's search inputs are kept (it may not exist)."""
    return stage / SEARCH_INPUTS


def pending_search_inputs(stage: Path) -> Path:
    """Where the search inputs of a site not yet live are written, until ``publish`` puts them in place."""
    return stage / (SEARCH_INPUTS + ".new")


def forget(stage: Path) -> None:
    """The live site is about to change: its manifest and search inputs no longer describe it."""
    (stage / RENDER_MANIFEST).unlink(missing_ok=True)
    search_inputs(stage).unlink(missing_ok=True)


def remember(stage: Path, manifest: dict[str, Any], site: Path) -> None:
    """Record what the (now live) ``site`` was rendered from, for the next build to reuse; nothing for an empty manifest."""
    if pending_search_inputs(stage).is_file():
        os.replace(pending_search_inputs(stage), search_inputs(stage))
    if manifest:
        manifest = {**manifest, "site": _site_identity(site)}
        tmp = stage / (RENDER_MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        os.replace(tmp, stage / RENDER_MANIFEST)


def publish(fresh: Path, target: Path, stage: Path, manifest: dict[str, Any]) -> None:
    """Make the site rendered into ``fresh`` live at ``target``; ``stage`` keeps its ``manifest`` for the next build."""
    forget(stage)
    swap_in(fresh, target)
    remember(stage, manifest, target)


# -- the build manifest ----------------------------------------------------------------


def publish_all(outcomes: Iterable[Any], output: Path, stage_root: Path) -> None:
    """Every audience rendered: only now is each live site replaced (each outcome's ``fresh``, ``report.audience`` and ``manifest``)."""
    for outcome in outcomes:
        audience = outcome.report.audience
        publish(outcome.fresh, output / audience, stage_root / audience, outcome.manifest)
    remove_retired(output)


def forget_build(stage_root: Path) -> None:
    """A build starts that may change the sites: the last build's manifest no longer describes them."""
    (stage_root / BUILD_MANIFEST).unlink(missing_ok=True)


def remember_build(stage_root: Path, fingerprint: str, sites: dict[str, Path], report: dict[str, Any]) -> None:
    """Every site is live: record the build's ``fingerprint``, its sites' folders and its ``report`` (plain data)."""
    manifest = {"fingerprint": fingerprint, "sites": {audience: _site_identity(folder) for audience, folder in sites.items()}, "report": report}
    stage_root.mkdir(parents=True, exist_ok=True)
    tmp = stage_root / (BUILD_MANIFEST + ".tmp")
    # Not sorted: the report's counts keep their order (the sections').
    tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, stage_root / BUILD_MANIFEST)


def unchanged_build(stage_root: Path, fingerprint: str, sites: dict[str, Path]) -> Optional[dict[str, Any]]:
    """The last build's report if it read what a build with ``fingerprint`` reads and its sites are still the live ones."""
    try:
        manifest = json.loads((stage_root / BUILD_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("fingerprint") != fingerprint:
        return None
    recorded = manifest.get("sites", {})
    for audience, folder in sites.items():
        try:
            if recorded.get(audience) != _site_identity(folder):
                return None
        except OSError:
            return None
    report = manifest.get("report")
    return report if isinstance(report, dict) else None
