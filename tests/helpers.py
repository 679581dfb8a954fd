"""The one helpers module of the tests: sites written on disk, the real ``openbranch`` command, output trees.

Plain functions, no fixtures and no mocks (``conftest.py`` wraps some as
fixtures): a site is real files under a folder (usually ``tmp_path``) and a
build is the real ``openbranch`` command run in a subprocess with the test
interpreter (``python -m generator``, the same code as the console script).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
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
DEMO_DUES_ARREARS_WARNING = (
    "content/finances/2026/2026-dues.yml:124:11: members[27].name: 警告: 彭海峰 已有 6 个月未交足党费（6—11月，共欠 752.40 元），"
    "达到 6 个月的提醒标准；请支部及时督促，并了解原因"
)
DEMO_NO_RECEIPT_WARNING = (
    "content/finances/2026/2026-q3-funds.yml:55:5: expenses[4].receipts: 警告: 支出“党建宣传栏展板更换”没有票据；"
    "请把发票或收据放在 content/attachments/ 下，并在 receipts 中列出"
)
# The demo's meeting warnings on purpose: a make-up meeting two periods late, and minutes that leave one member out.
DEMO_MAKEUP_WARNING = (
    "content/meetings/2026/2026-02-12-group-2-makeup.yml:7:9: period: 警告: 计入的期间 2025-12 比会议日期 2026-02-12 早 2 个期间；"
    "通常只补记上一期（如次年 1 月召开的上年度组织生活会）"
)
DEMO_UNACCOUNTED_WARNING = (
    "content/meetings/2026/2026-09-17-party-lesson.yml:17:3: attendees: 警告: 应到 28 人（2026-09-17 支部党员人数），记录了出席 26、请假 1、缺席 0，共 27 人，"
    "还有 1 人未说明（谢振宇）；请列入 on_leave（请假）或 absent（缺席）"
)
# The same two in an English site.
DEMO_MEETING_WARNINGS_EN = (
    "content/meetings/2026/2026-02-12-group-2-makeup.yml:7:9: period: warning: the period 2025-12 is 2 periods before the meeting's date 2026-02-12; "
    "usually only the previous period is made up (e.g. last year's organizational life meeting held in January)",
    "content/meetings/2026/2026-09-17-party-lesson.yml:17:3: attendees: warning: 28 required (the branch's members on 2026-09-17); "
    "the record lists 26 present, 1 on leave and 0 absent, 27 in all: 1 not accounted for (谢振宇); list them under on_leave or absent",
)
# The demo's finance warnings in an English site.
DEMO_FINANCE_WARNINGS_EN = (
    "content/finances/2026/2026-dues.yml:124:11: members[27].name: warning: 彭海峰 has not paid in full for 6 months (months 6–11, 752.40 owed), "
    "reaching the alert of 6 months; the branch should follow it up",
    "content/finances/2026/2026-q3-funds.yml:55:5: expenses[4].receipts: warning: the expense '党建宣传栏展板更换' has no receipt; "
    "put the invoice or receipt under content/attachments/ and list it under receipts",
)
DEMO_WARNINGS = (
    # A member unpaid for norms.dues_alert_months (6) months, and an expense without a receipt.
    DEMO_DUES_ARREARS_WARNING,
    DEMO_NO_RECEIPT_WARNING,
    DEMO_MAKEUP_WARNING,
    DEMO_UNACCOUNTED_WARNING,
    # A committee member whose 2026 responsibility list is still a draft (she was away when the list was issued).
    "content/branch.yml:12:11: committee[3].name: 警告: 支委会成员“孙雨桐”（宣传委员）没有 2026 年度的责任清单；请在 content/responsibilities/2026/ 中记录其党建工作责任和责任书签订日期",
    # An inspection's rectification item past its due date and not done.
    "content/inspections/2026/2026-04-16-parent-committee.yml:42:10: rectification[2].due: 警告: 整改事项已逾期：完成时限 2026-09-30，状态为“进行中”；完成后请填写完成日期 done_on",
    # A draft notice for January 2027, a year chinesecalendar has no holidays for.
    "content/notices/2027/2027-01-04-dues-and-funds.yml:7:8: start: 警告: 2027 年没有节假日数据：请在 site_config.yml 的 holidays: 中填写 2027 年的放假日期和调休上班日期（在此之前按周一至周五估算，公示期约 10 个工作日）",
    # An opinion answered after its reply was due, and one not answered by its due date.
    "content/opinions/2026/2026-06-22-library.yml:14:13: replied_on: 警告: 答复日期 2026-07-24 晚于答复期限 2026-07-13（收到后 15 个工作日）",
    "content/opinions/2026/2026-10-19-online-dues.yml:2:7: date: 警告: 尚未答复，已超过答复期限 2026-11-09（收到后 15 个工作日）",
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
# Small test sites ask no disclosure approval of their public records (norms.approval_required: none):
# the approval rule is tested on copies of the demo, whose records carry it (tests/test_money.py).
NO_APPROVAL = {"approval_required": "none"}
DEFAULT_CONFIG = {"site_name": "测试党支部党务公开", "language": "zh", "norms": NO_APPROVAL}


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


def demo_site(tmp_path: Path) -> Path:
    """A copy of the demo in ``tmp_path/site``: the site folder."""
    site = tmp_path / "site"
    copy_demo(site)
    return site


def plant(site: Path, rel: str, old: str, new: str, count: int = 1) -> str:
    """Replace ``old`` (which must occur exactly ``count`` times) by ``new`` in the file ``rel`` of ``site`` (a planted fault); the file's new text."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, (rel, old, text.count(old))
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def plant_line(site: Path, rel: str, old: str, new: str) -> int:
    """Replace the one ``old`` in the file ``rel`` of ``site`` by ``new``; the 1-based line ``new``'s text starts on."""
    before = (site / rel).read_text(encoding="utf-8")
    at = before.index(old) if before.count(old) == 1 else 0
    plant(site, rel, old, new)
    return before[:at].count("\n") + 1 + (len(new) - len(new.lstrip("\n")))


def plant_in_demo(tmp_path: Path, rel: str, old: str, new: str) -> tuple[Path, str]:
    """A copy of the demo in ``tmp_path/site`` whose file ``rel`` has ``old`` (once in it) replaced by ``new``: (site, the file's text)."""
    site = demo_site(tmp_path)
    return site, plant(site, rel, old, new)


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


def leftovers(out: Path, timeout: float = 60) -> list[str]:
    """What builds left beside the sites in ``out`` (``.public.new-123``, ``.members.old-123``…), once the sites they replaced are removed.

    A build removes the sites it replaced in a process of its own, which may
    outlive it (``publish.remove_retired``): that is waited for, up to
    ``timeout`` seconds, and a retired site still there then is listed too.
    """
    _wait_for_retired(out, timeout)
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


def _wait_for_retired(out: Path, timeout: float = 60) -> None:
    """Until the sites a build replaced in ``out`` are removed (by a process of the build's own), up to ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while any(out.glob(".*.retired-*")) and time.monotonic() < deadline:
        time.sleep(0.1)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones included): relative POSIX path -> sha256.

    A build's output folder is read once the sites the build replaced are
    gone: their removal goes on after the build, so walking them would race it.
    """
    folder = Path(folder)
    _wait_for_retired(folder)
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            result[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def url_path(href: str) -> str:
    """The path of a URL, without query (``?h=…`` from search.highlight) or fragment."""
    return urlsplit(href).path


# ---------------------------------------------------------------------------
# Pages of a built site, one of each kind
# ---------------------------------------------------------------------------

_PAGE_TYPE = re.compile(r'<meta name="openbranch-page-type" content="([^"]+)"')
_TABLE_KIND = re.compile(r'class="ob-scroll ob-table ([^"]+)"')


def page_kind(html: str, url: str) -> Optional[str]:
    """What kind of page this is, for picking one of each: its template (main.html writes it), its
    section (the first part of its URL), its table kinds and layouts, whether it has a chart or rectification items; None for no page of ours."""
    found = _PAGE_TYPE.search(html)
    if not found:
        return None
    section = url.strip("/").split("/")[0] if url.strip("/") else ""
    tables = sorted({kind for classes in _TABLE_KIND.findall(html) for kind in classes.split()})
    chart = "chart" if 'class="ob-chart"' in html else ""
    items = "items" if 'class="ob-items' in html else ""  # rectification items, as cards
    return " ".join(part for part in (found.group(1), section, *tables, chart, items) if part)


def pages_of_each_kind(site: Path) -> dict[str, str]:
    """kind (``page_kind``) -> the URL path of the first page of that kind in a built site (sorted by path).

    Every page the theme renders says its template in ``<meta name="openbranch-page-type">``, so a
    new template, a new section or a new kind of table shows up here without a list to keep.
    """
    kinds: dict[str, str] = {}
    for page in sorted(Path(site).rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        kind = page_kind(page.read_text(encoding="utf-8"), url)
        if kind is not None:
            kinds.setdefault(kind, url)
    return kinds
