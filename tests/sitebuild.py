"""Helpers for the build and leak tests: sites on disk, the real CLI, output trees.

Plain functions, no fixtures and no mocks: a site is real files under a
folder (usually ``tmp_path``) and a build is the real ``openbranch`` command
run in a subprocess with the test interpreter (``python -m generator``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from .helpers import BRANCH, FileContent, dump_yaml, write_file

# One valid branch and one way of writing files, shared with tests/helpers.py.
MINIMAL_BRANCH = BRANCH

DEFAULT_CONFIG = {"site_name": "测试党支部党务公开", "language": "zh"}


def write_site(root: Path, files: Mapping[str, FileContent], config: Optional[Mapping[str, Any]] = None) -> Path:
    """Write a site into ``root``: ``site_config.yml`` plus ``files``; return ``root``.

    ``files`` maps paths relative to ``root`` (``content/meetings/2025/x.yml``,
    ``content/attachments/a.pdf``) to bytes (written raw), str (UTF-8 text) or
    a dict/list (dumped as YAML with ``allow_unicode``).  ``config`` is the
    site_config.yml as a dict; ``None`` writes a minimal Chinese one.
    ``content/branch.yml`` is written with a minimal branch unless given.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    all_files: dict[str, FileContent] = {"site_config.yml": dict(config if config is not None else DEFAULT_CONFIG)}
    if "content/branch.yml" not in files:
        all_files["content/branch.yml"] = MINIMAL_BRANCH
    all_files.update(files)
    for rel, content in all_files.items():
        # One line per value however long, so tests can name the line of a field.
        write_file(root / rel, content if isinstance(content, (str, bytes)) else dump_yaml(content, width=1000))
    return root


def run_openbranch(*args: Union[str, os.PathLike], cwd: Union[str, os.PathLike, None] = None, env: Optional[Mapping[str, str]] = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``python -m generator ARGS`` (the real command) and return the finished process.

    stdout and stderr are decoded as UTF-8 text.  SOURCE_DATE_EPOCH is removed
    from the environment so only ``--today`` and the records decide dates.
    """
    full_env = dict(os.environ)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    full_env["PYTHONIOENCODING"] = "utf-8"
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=str(cwd) if cwd is not None else None,
        env=full_env,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def build_site(site: Path, dest: Path, *extra: str, today: str = "2026-06-01", cwd: Union[str, os.PathLike, None] = None) -> subprocess.CompletedProcess:
    """``openbranch build -c SITE/site_config.yml -d DEST --today TODAY EXTRA…``."""
    return run_openbranch("build", "-c", Path(site) / "site_config.yml", "-d", dest, "--today", today, *extra, cwd=cwd if cwd is not None else site)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones included): relative POSIX path -> sha256."""
    folder = Path(folder)
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            result[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def describe(proc: subprocess.CompletedProcess) -> str:
    """A failed command's output, for assertion messages."""
    return f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
