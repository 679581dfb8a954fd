"""``openbranch build`` end to end: real files, the real command, real MkDocs + Material.

One small site is written once for the module; each build below runs once
(module-scoped fixtures) and records what the tests look at right after it,
because later builds of the same site change its stage folder.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from .helpers import NO_APPROVAL, build_site, describe, leftovers, run_openbranch, tree_hashes, write_site

TODAY = "2026-06-01"
NOTICE_ID = "2026-05-28-publicity-zhang"
NOTICE_PAGE = f"notices/2026/{NOTICE_ID}/index.html"
BROKEN_RECORD = "content/meetings/2025/2025-03-12-committee.yml"


def _common(title: str, date: str, visibility: str = "public") -> dict[str, Any]:
    return {"title": title, "date": date, "visibility": visibility}


SITE_FILES: dict[str, Any] = {
    "content/branch.yml": {
        "name": "测试党支部",
        "parent": "测试机关党委",
        "committee": [{"name": "王书记", "post": "书记"}, {"name": "李委员", "post": "组织委员"}, {"name": "赵委员", "post": "宣传委员"}],
        "groups": [{"name": "第一党小组", "leader": "陈组长", "members": ["陈组长", "周同志"]}],
        "member_counts": [{"since": "2025-01-01", "count": "12"}],
        "term": {"start": "2024-01-01", "end": "2026-12-31"},
        "contact": {"address": "行政楼 301 室", "objections": "组织委员 李委员"},
    },
    BROKEN_RECORD: {
        **_common("三月支部委员会会议", "2025-03-12"),
        "kind": "支委会",
        "location": "党员活动室",
        "chair": "王书记",
        "attendees": ["王书记", "李委员", "赵委员"],
        "agenda": ["研究发展党员工作", "部署学习教育"],
        "body": "## 会议纪要\n\n会议研究了发展党员工作。\n",
        "tags": ["发展党员"],
        "attachments": [{"file": "minutes/2025-03-12-纪要.pdf", "title": "会议纪要扫描件"}],
    },
    "content/meetings/2025/2025-04-20-members-assembly.yml": {
        **_common("四月党员大会", "2025-04-20", "members"),
        "kind": "general_assembly",
        "attendees": [f"党员{n}" for n in range(1, 11)],
        "absent": [{"name": "党员11", "reason": "病假"}],
    },
    "content/decisions/2025/2025-03-12-admit.yml": {
        **_common("关于接收预备党员的决定", "2025-03-12"),
        "meeting": "2025-03-12-committee",
        "vote": {"for": "3", "against": "0", "abstain": "0"},
        "result": "通过",
        "follow_up": [{"date": "2025-03-20", "action": "报上级党委审批", "status": "done"}],
    },
    "content/finances/2025/2025-dues.yml": {
        **_common("2025 年党费收缴", "2025-03-31"),
        "kind": "dues",
        "year": "2025",
        "months": [{"month": "1", "members": "12", "due": "360.00", "paid": "360.00"}],
    },
    "content/finances/2025/2025-q1-funds.yml": {
        **_common("2025 年第一季度经费", "2025-03-31"),
        "kind": "funds",
        "period": "2025年第一季度",
        "period_start": "2025-01-01",
        "period_end": "2025-03-31",
        "opening_balance": "1000.00",
        "income": [{"date": "2025-01-05", "source": "上级拨付", "amount": "1200.00"}],
        "expenses": [{"date": "2025-03-15", "item": "学习书籍", "category": "学习教育", "amount": "300.50", "decision": "2025-03-12-admit", "receipts": ["receipts/2025-03-15-书籍.pdf"]}],
        "closing_balance": "1899.50",
    },
    "content/appraisals/2025/2025-01-20-appraisal.yml": {
        **_common("2024 年度民主评议党员", "2025-01-20"),
        "kind": "member_appraisal",
        "period": "2024年度",
        "members": "12",
        "results": {"优秀": "3", "合格": "9"},
    },
    f"content/notices/2026/{NOTICE_ID}.yml": {
        **_common("关于张同志拟接收为预备党员的公示", "2026-05-28"),
        "kind": "membership",
        "stage": "拟接收预备党员",
        "start": "2026-05-28",
        "end": "2026-06-05",
        "subjects": [{"name": "张同志", "detail": "入党积极分子"}],
    },
    "content/attachments/minutes/2025-03-12-纪要.pdf": b"%PDF-1.4\n% minutes\n%%EOF\n",
    "content/attachments/receipts/2025-03-15-书籍.pdf": b"%PDF-1.4\n% receipt\n%%EOF\n",
}

CONFIG = {
    "site_name": "测试党支部党务公开",
    "language": "zh",
    "norms": NO_APPROVAL,
    "audiences": {"public": {"url": "https://public.example.org/"}, "members": {"url": "https://members.example.org/"}},
}

# What the site holds, per audience, as the build summary says it (会议、决策、财务、评议、公示).
EXPECTED_COUNTS = {
    "公开网站": {"total": 6, "会议": 1, "决策": 1, "财务": 2, "评议": 1, "公示": 1},
    "党内网站": {"total": 7, "会议": 2, "决策": 1, "财务": 2, "评议": 1, "公示": 1},
}


@dataclass
class Run:
    proc: Any
    out: Path
    hashes: dict[str, str]
    stage_exists: bool
    stage_files: dict[str, str]  # staged mkdocs.yml per audience (text), when kept
    stage_docs: dict[str, list[str]]  # staged docs/ files per audience, when kept


def _run(site: Path, out: Path, *extra: str, today: str = TODAY) -> Run:
    proc = build_site(site, out, *extra, today=today)
    assert proc.returncode == 0, describe(proc)
    stage = site / ".openbranch"
    built = sorted(stage.glob("build-*/*/mkdocs.yml"))
    stage_files = {p.parent.name: p.read_text(encoding="utf-8") for p in built}
    stage_docs = {p.parent.name: sorted(tree_hashes(p.parent / "docs")) for p in built}
    return Run(proc, out, tree_hashes(out), stage.exists(), stage_files, stage_docs)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("build")


@pytest.fixture(scope="module")
def site(root: Path) -> Path:
    return write_site(root / "branch", SITE_FILES, CONFIG)


@pytest.fixture(scope="module")
def first(site: Path, root: Path) -> Run:
    """The plain build: both audiences."""
    return _run(site, root / "out1")


@pytest.fixture(scope="module")
def second(site: Path, root: Path, first: Run) -> Run:
    """The same site built again into another folder."""
    return _run(site, root / "out2")


@pytest.fixture(scope="module")
def again_kept(site: Path, root: Path, first: Run) -> Run:
    """The same site built again into the first build's folder (its stage is kept for the next build)."""
    return _run(site, root / "out1")


@pytest.fixture(scope="module")
def public_only(site: Path, root: Path, first: Run) -> Run:
    return _run(site, root / "out-public", "--audience", "public", "--today", "2026-07-01")


# ---------------------------------------------------------------------------
# Reproducible output
# ---------------------------------------------------------------------------


def test_build_succeeds_with_both_sites(first: Run) -> None:
    for audience in ("public", "members"):
        assert (first.out / audience / "index.html").is_file()
        assert (first.out / audience / "pagefind" / "pagefind-entry.json").is_file()
    assert (first.out / "public" / "meetings" / "2025" / "2025-03-12-committee" / "index.html").is_file()
    assert not (first.out / "public" / "meetings" / "2025" / "2025-04-20-members-assembly").exists()
    assert (first.out / "members" / "meetings" / "2025" / "2025-04-20-members-assembly" / "index.html").is_file()
    assert (first.out / "public" / "attachments" / "minutes" / "2025-03-12-纪要.pdf").read_bytes() == SITE_FILES["content/attachments/minutes/2025-03-12-纪要.pdf"]
    assert leftovers(first.out) == []
    assert sorted(p.name for p in first.out.iterdir()) == ["members", "public"]


def test_two_builds_into_two_folders_are_byte_identical(first: Run, second: Run) -> None:
    assert sorted(first.hashes) == sorted(second.hashes), "the two builds hold different files"
    differing = sorted(path for path in first.hashes if first.hashes[path] != second.hashes[path])
    assert not differing, f"files that differ between two builds of the same site: {differing}"


def test_rebuild_into_same_folder_is_byte_identical(first: Run, again_kept: Run) -> None:
    assert again_kept.out == first.out
    assert sorted(first.hashes) == sorted(again_kept.hashes)
    differing = sorted(path for path in first.hashes if first.hashes[path] != again_kept.hashes[path])
    assert not differing, f"files that changed when rebuilding the same site into the same folder: {differing}"
    assert leftovers(again_kept.out) == []


def test_a_replaced_site_is_removed_after_the_build(tmp_path: Path) -> None:
    """The sites a rebuild replaces are set aside and removed by a process of their own (and so is one an interrupted removal left)."""
    site = write_site(tmp_path / "branch", SITE_FILES, CONFIG)
    out = tmp_path / "out"
    first = build_site(site, out)
    assert first.returncode == 0, describe(first)
    straggler = out / ".public.retired-99999-0"
    (straggler / "meetings").mkdir(parents=True)
    (straggler / "meetings" / "index.html").write_text("an old page", encoding="utf-8")
    record = site / BROKEN_RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("会议研究了发展党员工作。", "会议研究了两名同志的发展党员工作。", 1), encoding="utf-8")
    second = build_site(site, out)
    assert second.returncode == 0, describe(second)
    page = out / "public" / "meetings" / "2025" / "2025-03-12-committee" / "index.html"
    assert "会议研究了两名同志的发展党员工作。" in page.read_text(encoding="utf-8")
    assert leftovers(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["members", "public"]


def test_output_holds_no_yaml(first: Run) -> None:
    raw = [path for path in first.hashes if path.lower().endswith((".yml", ".yaml"))]
    assert not raw, f"raw YAML in the output: {raw}"


# ---------------------------------------------------------------------------
# What the command prints
# ---------------------------------------------------------------------------


def test_build_prints_counts_per_type_and_audience_and_time(first: Run) -> None:
    out = first.proc.stdout
    for label, counts in EXPECTED_COUNTS.items():
        line = next((line for line in out.splitlines() if line.startswith(label)), None)
        assert line is not None, f"no summary line for {label} in:\n{out}"
        assert f"{counts['total']} 条记录" in line, line
        assert re.search(r"\d+ 个页面", line), line
        for type_name, count in counts.items():
            if type_name != "total":
                assert f"{type_name} {count}" in line, (type_name, count, line)
    assert re.search(r"用时 \d+(\.\d+)? 秒", out), out


# ---------------------------------------------------------------------------
# A failed build leaves the previous site untouched
# ---------------------------------------------------------------------------


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def test_record_error_fails_and_leaves_previous_site(site: Path, first: Run, tmp_path: Path) -> None:
    broken = _copy(site, tmp_path / "broken")
    out = _copy(first.out, tmp_path / "out")  # the previous, good build of the same site
    before = tree_hashes(out)
    record = broken / BROKEN_RECORD
    text = "title: 三月支部委员会会议\ndate: 2025-02-30\nkind: 支委会\nvisibility: public\n"
    record.write_text(text, encoding="utf-8")

    proc = build_site(broken, out)

    assert proc.returncode == 1, describe(proc)
    assert f"{BROKEN_RECORD}:2:" in proc.stderr, describe(proc)  # the file and the line of `date`
    assert "date" in proc.stderr
    assert tree_hashes(out) == before
    assert leftovers(out) == []


def test_engine_error_after_one_audience_rendered_leaves_previous_site(site: Path, first: Run, tmp_path: Path) -> None:
    """MkDocs refuses the members' site after the public one rendered: neither is replaced."""
    broken = _copy(site, tmp_path / "broken")
    out = _copy(first.out, tmp_path / "out")
    before = tree_hashes(out)
    config = yaml.safe_load((broken / "site_config.yml").read_text(encoding="utf-8"))
    config["audiences"]["members"]["url"] = "no scheme here"  # MkDocs' site_url must be http(s)
    (broken / "site_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    proc = build_site(broken, out)

    assert proc.returncode == 1, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
    # The worker is told what MkDocs refused, not only that it aborted.
    assert "site_url" in proc.stderr, describe(proc)
    assert tree_hashes(out) == before
    assert leftovers(out) == []


def test_search_index_error_leaves_previous_site(site: Path, first: Run, tmp_path: Path) -> None:
    """A site's own main.html that marks no content for search: Pagefind has nothing to index, the build stops."""
    broken = _copy(site, tmp_path / "broken")
    out = _copy(first.out, tmp_path / "out")
    before = tree_hashes(out)
    overrides = broken / "themes" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")

    proc = build_site(broken, out)

    assert proc.returncode == 1, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
    assert "建立站内搜索索引（Pagefind）出错" in proc.stderr and "data-pagefind-body" in proc.stderr, describe(proc)
    assert tree_hashes(out) == before
    assert leftovers(out) == []


# ---------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------


def test_audience_public_builds_only_the_public_site(public_only: Run) -> None:
    assert sorted(p.name for p in public_only.out.iterdir()) == ["public"]
    assert (public_only.out / "public" / "index.html").is_file()
    assert "公开网站" in public_only.proc.stdout and "党内网站" not in public_only.proc.stdout


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml including its one ``!!python/...`` tag (the slugify function)."""


_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"<{suffix}>")


def test_the_stage_kept_between_builds_is_an_engine_neutral_project(again_kept: Run) -> None:
    assert again_kept.stage_exists
    assert sorted(again_kept.stage_files) == ["members", "public"]
    for audience, text in again_kept.stage_files.items():
        config = yaml.load(text, Loader=_AnyTagLoader)  # noqa: S506 - our loader is SafeLoader plus one tag
        assert "hooks" not in config, audience
        plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins", [])]
        assert plugins == ["search"], (audience, plugins)
        assert config["theme"]["variant"] == "classic", audience
        assert config["theme"]["font"] is False, audience
        assert "index.md" in again_kept.stage_docs[audience], audience
    # The public stage, like the public site, holds no members record.
    assert not [p for p in again_kept.stage_docs["public"] if "members-assembly" in p]
    assert "meetings/2025/2025-04-20-members-assembly/index.md" in again_kept.stage_docs["members"]


def test_a_rebuild_reuses_pages_and_clean_renders_all(site: Path, root: Path, again_kept: Run) -> None:
    assert "沿用未变的" in again_kept.proc.stdout, again_kept.proc.stdout
    # Other tests edit the site in between: compare a rebuild and a clean build of the same state.
    incremental = _run(site, root / "out1")
    assert "沿用未变的" in incremental.proc.stdout, incremental.proc.stdout
    run = _run(site, root / "out1", "--clean")
    assert "沿用" not in run.proc.stdout, run.proc.stdout
    assert run.hashes == incremental.hashes


def test_default_output_is_site_folder_beside_the_config(site: Path, tmp_path: Path) -> None:
    branch = _copy(site, tmp_path / "branch")
    shutil.rmtree(branch / "site", ignore_errors=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    proc = run_openbranch("build", "-c", "../branch/site_config.yml", "--today", TODAY, "--audience", "public", cwd=elsewhere)

    assert proc.returncode == 0, describe(proc)
    assert (branch / "site" / "public" / "index.html").is_file()
    assert list(elsewhere.iterdir()) == [], "the build wrote into the working folder"


def test_today_decides_which_notices_are_open(first: Run, public_only: Run) -> None:
    open_page = (first.out / "public" / NOTICE_PAGE).read_text(encoding="utf-8")
    closed_page = (public_only.out / "public" / NOTICE_PAGE).read_text(encoding="utf-8")
    assert "公示中" in open_page and "公示已结束" not in open_page
    assert "公示已结束" in closed_page and "公示中" not in closed_page
    # The home page lists the notice among the open ones only while it is open.
    assert "公示中" in (first.out / "public" / "index.html").read_text(encoding="utf-8")
    assert "公示中" not in (public_only.out / "public" / "index.html").read_text(encoding="utf-8")
