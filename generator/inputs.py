"""Everything a build reads, as one fingerprint: a build whose fingerprint is unchanged has nothing to do.

The fingerprint covers site_config.yml and every file under the content and
themes folders, by path, size, inode and modification and change times (a
file written, replaced or touched counts as changed: its bytes are not
read, and no tool can set a change time back), OpenBranch's own code and
built-in theme by their bytes, the installed distributions and Python by
version, "today" and ``SOURCE_DATE_EPOCH`` (``clock.Clock``), the git commit
the records' dates come from (``history``), and how the build was asked
for: engine, audiences, drafts, output folder.  ``pipeline`` compares it
with the fingerprint of the build that made the live sites
(``publish.remember_build``) before reading any record.
"""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Optional

from .clock import Clock
from .config import Site
from .hashing import add_files
from .theme import builtin_theme

_PACKAGE = Path(__file__).resolve().parent


def _add_tree(digest: "hashlib._Hash", folder: Path, skip: Iterable[Path] = ()) -> None:
    """Every file under ``folder`` by path and stat (no bytes read), in a stable order; not under ``skip`` nor ``.git``."""
    if not folder.exists():
        digest.update(b"-\0")
        return
    skipped = {os.fspath(path) for path in skip}
    entries = []
    for base, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if name != ".git" and os.path.join(base, name) not in skipped]
        for name in names:
            path = os.path.join(base, name)
            try:
                info = os.stat(path)
            except OSError:
                continue  # gone between listing and reading: the build will see what is there
            entries.append(f"{os.path.relpath(path, folder)}\0{info.st_size}\0{info.st_ino}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\n")
    entries.sort()
    digest.update("".join(entries).encode("utf-8", "surrogateescape"))


def _installed_distributions() -> list[str]:
    """The installed distributions, as the names of their metadata folders (``name-version.dist-info``)."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found += [f"{entry}/{name}" for name in names if name.endswith((".dist-info", ".egg-info"))]
    return sorted(found)


def _git_commit(content_dir: Path) -> str:
    """The commit checked out where the records are ("" outside a repository): the records' dates come from its history."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=content_dir, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _code(digest: "hashlib._Hash") -> None:
    add_files(digest, (path for path in _PACKAGE.rglob("*.py")), _PACKAGE)
    theme = builtin_theme()
    add_files(digest, (path for path in theme.rglob("*") if path.is_file()), theme)


def fingerprint(site: Site, clock: Clock, engine: str, audiences: Iterable[str], include_drafts: bool, output: Path, extra: Optional[dict[str, str]] = None) -> str:
    """The fingerprint of everything a build of ``site`` with these settings reads."""
    digest = hashlib.sha256()
    settings = [
        f"python {platform.python_version()} {sys.implementation.name}",
        f"today {clock.today.isoformat()} epoch {clock.epoch}",
        f"engine {engine}",
        f"audiences {','.join(audiences)}",
        f"drafts {include_drafts}",
        f"output {output}",
        f"config {site.config_path}",
        f"git {_git_commit(site.content_dir)}",
        *(f"{key} {value}" for key, value in sorted((extra or {}).items())),
        *_installed_distributions(),
    ]
    digest.update("\n".join(settings).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(site.config_path.read_bytes() + b"\0")
    for folder in (site.content_dir, site.themes_dir):
        digest.update(str(folder).encode("utf-8", "surrogateescape") + b"\0")
        # A content folder that holds the build's own folders (content_dir: .) must not see the build's writes.
        _add_tree(digest, folder, skip=(site.stage_dir, output))
    _code(digest)
    return digest.hexdigest()
