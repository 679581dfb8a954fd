"""Shared test helpers: build sites on disk and run the real ``openbranch`` command.

Plain functions (no fixtures) so any test module, conftest or script can use
them; ``conftest.py`` wraps them as fixtures.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS_DIR = Path(__file__).resolve().parent
CONTENT_DIR = REPO_ROOT / "content"

FileContent = Union[str, bytes, Mapping[str, Any], list]

# A valid branch.yml: every site needs one, or `check` reports it missing.
BRANCH = {
    "name": "测试党支部",
    "parent": "测试机关党委",
    "committee": [{"name": "王书记", "post": "书记"}],
    "member_counts": [{"since": "2025-01-01", "count": 12}],
}


def dump_yaml(data: Any, width: int = 80) -> str:
    """YAML text as a worker would write it: Chinese kept as is, keys in the given order."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=width)


def write_file(path: Path, content: FileContent) -> Path:
    """Write one file: bytes raw, str as UTF-8 text, dict/list dumped as YAML."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(dump_yaml(content).encode("utf-8"))
    return path


def make_site(
    tmp_path: Path,
    files: Optional[Mapping[str, FileContent]] = None,
    config: Union[Mapping[str, Any], str, bytes, None] = None,
    *,
    folder: str = "site",
) -> Path:
    """A site folder under ``tmp_path``: ``site_config.yml`` plus ``files``.

    ``files`` maps paths relative to the site folder (``content/meetings/2025/x.yml``,
    ``content/attachments/a.pdf``, ``themes/...``) to their content.  ``config``
    is the site_config.yml content (dict, text or bytes); ``None`` writes a
    minimal Chinese configuration.  Returns the site folder.
    """
    site = tmp_path / folder
    site.mkdir(parents=True, exist_ok=True)
    if config is None:
        config = {"site_name": "测试党支部党务公开", "language": "zh"}
    write_file(site / "site_config.yml", config)  # type: ignore[arg-type]
    (site / "content").mkdir(exist_ok=True)
    for rel, content in (files or {}).items():
        write_file(site / rel, content)
    return site


def copy_site(source: Path, tmp_path: Path, folder: str = "site") -> Path:
    """A copy of a site folder kept in the repository, so tests never touch the original."""
    target = tmp_path / folder
    shutil.copytree(source, target)
    return target


def run_cli(args: Sequence[Union[str, os.PathLike]], cwd: Union[str, os.PathLike, None] = None, env: Optional[Mapping[str, str]] = None, timeout: float = 120) -> tuple[int, str, str]:
    """Run ``openbranch ARGS`` in a subprocess; return (exit code, stdout, stderr).

    Uses ``python -m generator`` with the test interpreter, i.e. the same code
    as the installed ``openbranch`` console script.
    """
    full_env = dict(os.environ)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    full_env["PYTHONIOENCODING"] = "utf-8"
    if env:
        full_env.update(env)
    proc = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=str(cwd) if cwd is not None else None,
        env=full_env,
        capture_output=True,
        timeout=timeout,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
