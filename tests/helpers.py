"""The one helpers module of the tests: sites written on disk, the real ``openbranch`` command, output trees.

Plain functions, no fixtures and no mocks (``conftest.py`` wraps some as
fixtures): a site is real files under a folder (usually ``tmp_path``) and a
build is the real ``openbranch`` command run in a subprocess with the test
interpreter (``python -m generator``, the same code as the console script).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union
from urllib.parse import urlsplit

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS_DIR = Path(__file__).resolve().parent
CONTENT_DIR = REPO_ROOT / "content"

# The demo branch of the repository (content/ and site_config.yml), and the day its tests take as today.
DEMO_CONFIG = REPO_ROOT / "site_config.yml"
DEMO_TODAY = "2026-11-22"
# The second party group's September meeting, published 11 working days after it (the catalogue allows 7): 逾期.
DEMO_LATE_DISCLOSURE = "content/meetings/2026/2026-09-14-group-2.yml:3:12: published: 警告: 逾期公开：公开目录“三会一课执行情况”要求在 2026-09-14 后 7 个工作日内（最迟 2026-09-22）公开，本记录 2026-09-29 才首次公开，用了 11 个工作日"
# The same in English (a copy of the demo with language: en).
DEMO_LATE_DISCLOSURE_EN = (
    "content/meetings/2026/2026-09-14-group-2.yml:3:12: published: warning: disclosed late: the catalogue item 'Three meetings and one lesson' "
    "is due within 7 working days after 2026-09-14 (by 2026-09-22); this record was first published on 2026-09-29, after 11 working days"
)
# The warnings the demo shows on purpose, as `openbranch check --today 2026-12-01` prints them;
# a test that plants one fault in a copy of the demo expects its own lines besides these.
DEMO_WARNINGS = (
    # A draft notice for January 2027, a year chinesecalendar has no holidays for.
    "content/notices/2027/2027-01-04-dues-and-funds.yml:7:8: start: 警告: 2027 年没有节假日数据：请在 site_config.yml 的 holidays: 中填写 2027 年的放假日期和调休上班日期（在此之前按周一至周五估算，公示期约 10 个工作日）",
    DEMO_LATE_DISCLOSURE,
)

FileContent = Union[str, bytes, Mapping[str, Any], list]

# A valid branch.yml: every site needs one, or `check` reports it missing.
BRANCH = {
    "name": "测试党支部",
    "parent": "测试机关党委",
    "committee": [{"name": "王书记", "post": "书记"}],
    "member_counts": [{"since": "2025-01-01", "count": 12}],
}
DEFAULT_CONFIG = {"site_name": "测试党支部党务公开", "language": "zh"}


# ---------------------------------------------------------------------------
# Sites on disk
# ---------------------------------------------------------------------------


def dump_yaml(data: Any, width: int = 80) -> str:
    """YAML text as a worker would write it: Chinese kept as is, keys in the given order."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=width)


def write_file(path: Path, content: FileContent, width: int = 80) -> Path:
    """Write one file: bytes raw, str as UTF-8 text, dict/list dumped as YAML (lines up to ``width``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(dump_yaml(content, width).encode("utf-8"))
    return path


def write_site(
    root: Path,
    files: Mapping[str, FileContent],
    config: Union[Mapping[str, Any], str, bytes, None] = None,
    *,
    branch: bool = True,
    width: int = 1000,
) -> Path:
    """Write a site into ``root``: ``site_config.yml`` plus ``files``; return ``root``.

    ``files`` maps paths relative to ``root`` (``content/meetings/2025/x.yml``,
    ``content/attachments/a.pdf``, ``themes/...``) to bytes (written raw), str
    (UTF-8 text) or a dict/list (dumped as YAML, one line per value up to
    ``width``, so tests can name the line of a field).  ``config`` is the
    site_config.yml (dict, text or bytes); ``None`` writes a minimal Chinese
    one.  ``content/branch.yml`` is written with a minimal branch unless given
    or ``branch`` is false.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    all_files: dict[str, FileContent] = {"site_config.yml": dict(DEFAULT_CONFIG) if config is None else config}  # type: ignore[dict-item]
    if branch and "content/branch.yml" not in files:
        all_files["content/branch.yml"] = BRANCH
    all_files.update(files)
    for rel, content in all_files.items():
        write_file(root / rel, content, width)
    return root


def make_site(
    tmp_path: Path,
    files: Optional[Mapping[str, FileContent]] = None,
    config: Union[Mapping[str, Any], str, bytes, None] = None,
    *,
    folder: str = "site",
) -> Path:
    """A site folder ``tmp_path/folder`` holding exactly ``files`` (no branch.yml unless given), YAML wrapped at 80."""
    site = write_site(tmp_path / folder, files or {}, config, branch=False, width=80)
    (site / "content").mkdir(exist_ok=True)
    return site


def copy_site(source: Path, tmp_path: Path, folder: str = "site") -> Path:
    """A copy of a site folder kept in the repository, so tests never touch the original."""
    target = tmp_path / folder
    shutil.copytree(source, target)
    return target


def copy_demo(folder: Path) -> Path:
    """The demo branch (content/ and site_config.yml) copied into ``folder``; returns its site_config.yml."""
    shutil.copytree(CONTENT_DIR, folder / "content")
    shutil.copy(DEMO_CONFIG, folder / "site_config.yml")
    return folder / "site_config.yml"


def plant_line(site: Path, rel: str, old: str, new: str) -> int:
    """Replace the one ``old`` in the file ``rel`` of ``site`` by ``new`` (a planted fault); return the 1-based line ``new`` starts on."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (rel, old)
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(new.splitlines()[0]))


# ---------------------------------------------------------------------------
# The real command
# ---------------------------------------------------------------------------


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


def run_cli(args: Sequence[Union[str, os.PathLike]], cwd: Union[str, os.PathLike, None] = None, env: Optional[Mapping[str, str]] = None, timeout: float = 120) -> tuple[int, str, str]:
    """``run_openbranch`` returning (exit code, stdout, stderr)."""
    proc = run_openbranch(*args, cwd=cwd, env=env, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def build_site(site: Path, dest: Path, *extra: str, today: str = "2026-06-01", cwd: Union[str, os.PathLike, None] = None) -> subprocess.CompletedProcess:
    """``openbranch build -c SITE/site_config.yml -d DEST --today TODAY EXTRA…``."""
    return run_openbranch("build", "-c", Path(site) / "site_config.yml", "-d", dest, "--today", today, *extra, cwd=cwd if cwd is not None else site)


def build_ok(config: Path, dest: Path, today: str, *extra: str) -> Path:
    """``openbranch build -c CONFIG -d DEST --today TODAY``, failing the test with its output; returns DEST."""
    proc = run_openbranch("build", "-c", config, "-d", dest, "--today", today, *extra, cwd=config.parent, env={"NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, f"openbranch build failed\n{describe(proc)}"
    for audience in ("public", "members"):
        if "--audience" not in extra:
            assert (dest / audience / "index.html").is_file(), f"no {audience}/index.html after build:\n{proc.stdout}"
    return dest


def describe(proc: subprocess.CompletedProcess) -> str:
    """A failed command's output, for assertion messages."""
    return f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones included): relative POSIX path -> sha256."""
    folder = Path(folder)
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            result[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def url_path(href: str) -> str:
    """The path of a URL, without query (``?h=…`` from search.highlight) or fragment."""
    return urlsplit(href).path
