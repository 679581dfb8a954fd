"""The `openbranch` command line: `new`, `check` (counts, --strict), `schema`, run for real."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.records.models import RECORD_MODELS

from .helpers import BRANCH, run_cli

TODAY = "2026-03-05"

VALID_FILES = {
    "content/branch.yml": BRANCH,
    "content/meetings/2026/2026-03-05-branch-committee.yml": {
        "title": "2026年3月支委会",
        "date": "2026-03-05",
        "kind": "支委会",
        "attendees": ["王书记"],
    },
    "content/meetings/2026/2026-03-10-group-1.yml": {
        "title": "第一党小组3月学习",
        "date": "2026-03-10",
        "kind": "党小组会",
        "group": "第一党小组",
    },
    "content/decisions/2026/2026-03-05-plan.yml": {
        "title": "关于2026年工作计划的决定",
        "date": "2026-03-05",
        "meeting": "2026-03-05-branch-committee",
        "result": "通过",
    },
    "content/finances/2026/2026-q1-funds.yml": (
        "title: 2026年第一季度经费收支\n"
        "date: 2026-03-31\n"
        "kind: 经费\n"
        "period: 2026年第一季度\n"
        "opening_balance: 100.00\n"
        "expenses:\n"
        "  - date: 2026-03-06\n"
        "    item: 购买学习资料\n"
        "    amount: 35.50\n"
        "    decision: 2026-03-05-plan\n"
        "    receipts: [receipts/2026-03-06.pdf]\n"
        "closing_balance: 64.50\n"
    ),
    "content/attachments/receipts/2026-03-06.pdf": b"%PDF-1.4\n%%EOF\n",
}


# ---------------------------------------------------------------------------
# new
# ---------------------------------------------------------------------------


def test_new_meeting_writes_a_form_that_passes_check(site) -> None:
    folder = site({"content/branch.yml": BRANCH})
    code, out, err = run_cli(["new", "meeting", "--kind", "支委会", "--title", "测试", "--today", TODAY], cwd=folder)
    assert code == 0, err
    assert out.splitlines() == ["content/meetings/2026/2026-03-05-branch-committee.yml"]
    written = folder / "content/meetings/2026/2026-03-05-branch-committee.yml"
    assert written.is_file()
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["title"] == "测试"
    assert data["kind"] == "支委会"
    assert str(data["date"]) == TODAY

    code, out, err = run_cli(["check"], cwd=folder)
    assert code == 0, out + err
    assert out.splitlines()[0] == "检查通过：共 1 条记录"
    assert "  会议：1" in out.splitlines()


def test_new_with_config_from_another_folder(site, tmp_path: Path) -> None:
    folder = site({"content/branch.yml": BRANCH})
    code, out, _ = run_cli(["new", "meeting", "--kind", "branch_committee", "--title", "测试", "--today", TODAY, "-c", folder / "site_config.yml"], cwd=tmp_path)
    assert code == 0
    assert out.strip() == "content/meetings/2026/2026-03-05-branch-committee.yml"
    assert (folder / out.strip()).is_file()


def test_new_twice_does_not_overwrite(site) -> None:
    folder = site({"content/branch.yml": BRANCH})
    args = ["new", "meeting", "--kind", "支委会", "--title", "测试", "--today", TODAY]
    first = run_cli(args, cwd=folder)
    second = run_cli(args, cwd=folder)
    assert first[0] == second[0] == 0
    assert second[1].strip() == "content/meetings/2026/2026-03-05-branch-committee-2.yml"
    code, out, _ = run_cli(["check"], cwd=folder)
    assert code == 0, out
    assert "检查通过：共 2 条记录" in out


@pytest.mark.parametrize(
    "record_type, kind, expected",
    [
        ("decision", None, "content/decisions/2026/2026-03-05-decision.yml"),
        ("finance", "党费", "content/finances/2026/2026-03-05-dues.yml"),
        ("finance", "经费", "content/finances/2026/2026-03-05-funds.yml"),
        ("appraisal", "民主评议党员", "content/appraisals/2026/2026-03-05-member-appraisal.yml"),
        ("notice", "发展党员", "content/notices/2026/2026-03-05-membership.yml"),
        ("meeting", "组织生活会", "content/meetings/2026/2026-03-05-organizational-life.yml"),
    ],
)
def test_new_other_types(site, record_type: str, kind, expected: str) -> None:
    # The forms hold placeholders (a meeting id, a receipt) that `check` would
    # rightly refuse, so only the path and the YAML are checked here.
    folder = site({"content/branch.yml": BRANCH})
    args = ["new", record_type, "--today", TODAY] + (["--kind", kind] if kind else [])
    code, out, err = run_cli(args, cwd=folder)
    assert code == 0, err
    assert out.strip() == expected
    assert isinstance(yaml.safe_load((folder / expected).read_text(encoding="utf-8")), dict)


def test_new_with_a_bad_kind_lists_the_allowed_ones(site) -> None:
    folder = site({"content/branch.yml": BRANCH})
    code, out, err = run_cli(["new", "meeting", "--kind", "支部会", "--today", TODAY], cwd=folder)
    assert code == 2
    assert out == ""
    assert "“支部会”不是可用的值，应为以下之一：党员大会（general_assembly）、支委会（branch_committee）、党小组会（group_meeting）、党课（party_lesson）、主题党日（theme_day）、组织生活会（organizational_life）、民主生活会（democratic_life）、其他会议（other）" in err
    assert not (folder / "content/meetings").exists()


def test_new_with_a_bad_kind_in_english(site) -> None:
    folder = site({"content/branch.yml": BRANCH}, config={"language": "en"})
    code, _, err = run_cli(["new", "notice", "--kind", "vote", "--today", TODAY], cwd=folder)
    assert code == 2
    assert "'vote' is not allowed; expected one of: membership, election, appraisal, other" in err


def test_new_decision_refuses_a_kind(site) -> None:
    folder = site({"content/branch.yml": BRANCH})
    code, _, err = run_cli(["new", "decision", "--kind", "通过", "--today", TODAY], cwd=folder)
    assert code == 2
    assert "此类记录没有“kind”，请去掉 --kind" in err


def test_new_with_an_unknown_record_type(site) -> None:
    folder = site({"content/branch.yml": BRANCH})
    code, _, err = run_cli(["new", "meetings", "--today", TODAY], cwd=folder)
    assert code == 2
    assert "meeting" in err


# ---------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------


def test_check_valid_site_prints_counts(site) -> None:
    folder = site(VALID_FILES)
    code, out, err = run_cli(["check", "-c", folder / "site_config.yml"])
    assert code == 0, out + err
    assert out.splitlines() == [
        "检查通过：共 4 条记录",
        "  会议：2",
        "  决策：1",
        "  财务：1",
        "  评议：0",
        "  公示：0",
        "  意见建议：0",
        "  换届选举：0",
        "  责任清单：0",
        "  督查检查：0",
    ]


def test_check_valid_site_in_english(site) -> None:
    folder = site(VALID_FILES, config={"language": "en"})
    code, out, _ = run_cli(["check"], cwd=folder)
    assert code == 0
    assert out.splitlines() == [
        "check passed: 4 records",
        "  meeting: 2",
        "  decision: 1",
        "  finance record: 1",
        "  appraisal: 0",
        "  notice: 0",
        "  opinion: 0",
        "  election: 0",
        "  responsibility list: 0",
        "  inspection: 0",
    ]


def test_check_valid_site_json_is_an_empty_list(site) -> None:
    import json

    folder = site(VALID_FILES)
    code, out, _ = run_cli(["check", "--format", "json"], cwd=folder)
    assert code == 0
    assert json.loads(out) == []


def test_check_valid_site_github_prints_nothing(site) -> None:
    folder = site(VALID_FILES)
    code, out, _ = run_cli(["check", "--format", "github"], cwd=folder)
    assert code == 0
    assert out == ""


UNFILED = {**VALID_FILES, "content/meetings/2026-03-20-theme-day.yml": {"title": "3月主题党日", "date": "2026-03-20", "kind": "主题党日"}}


def test_check_warning_passes_without_strict(site) -> None:
    folder = site(UNFILED)
    code, out, _ = run_cli(["check"], cwd=folder)
    assert code == 0
    assert out.splitlines() == [
        "content/meetings/2026-03-20-theme-day.yml:1:1: 警告: 记录应放在年份文件夹中，如 meetings/2026/2026-03-20-theme-day.yml",
        "发现 0 个错误、1 个警告",
        "检查通过：共 5 条记录",
        "  会议：3",
        "  决策：1",
        "  财务：1",
        "  评议：0",
        "  公示：0",
        "  意见建议：0",
        "  换届选举：0",
        "  责任清单：0",
        "  督查检查：0",
    ]


def test_check_strict_fails_on_warnings(site) -> None:
    folder = site(UNFILED)
    code, out, _ = run_cli(["check", "--strict"], cwd=folder)
    assert code == 1
    assert out.splitlines() == [
        "content/meetings/2026-03-20-theme-day.yml:1:1: 警告: 记录应放在年份文件夹中，如 meetings/2026/2026-03-20-theme-day.yml",
        "发现 0 个错误、1 个警告",
    ]


def test_check_strict_github_and_json_warnings(site) -> None:
    import json

    folder = site(UNFILED)
    code, out, _ = run_cli(["check", "--strict", "--format", "github"], cwd=folder)
    assert code == 1
    assert out.splitlines() == ["::warning file=content/meetings/2026-03-20-theme-day.yml,line=1,col=1::记录应放在年份文件夹中，如 meetings/2026/2026-03-20-theme-day.yml"]
    code, out, _ = run_cli(["check", "--format", "json"], cwd=folder)
    assert code == 0
    assert [e["severity"] for e in json.loads(out)] == ["warning"]


def test_check_year_folder_mismatch_is_a_warning(site) -> None:
    folder = site({**VALID_FILES, "content/meetings/2025/late.yml": {"title": "3月主题党日", "date": "2026-03-20", "kind": "主题党日"}})
    code, out, _ = run_cli(["check", "--strict"], cwd=folder)
    assert code == 1
    assert out.splitlines()[0] == "content/meetings/2025/late.yml:2:7: date: 警告: 记录日期是 2026 年，但文件在“2025”文件夹中"


def test_check_without_branch_yml(site) -> None:
    folder = site({k: v for k, v in VALID_FILES.items() if k != "content/branch.yml"})
    code, out, _ = run_cli(["check"], cwd=folder)
    assert code == 1
    assert out.splitlines() == ["content/branch.yml: 缺少 content/branch.yml（支部基本信息）", "发现 1 个错误、0 个警告"]


def test_check_wrong_reference_type(site) -> None:
    files = dict(VALID_FILES)
    files["content/decisions/2026/2026-03-05-plan.yml"] = {**files["content/decisions/2026/2026-03-05-plan.yml"], "meeting": "2026-03-05-plan"}
    folder = site(files)
    code, out, _ = run_cli(["check"], cwd=folder)
    assert code == 1
    assert out.splitlines()[0] == "content/decisions/2026/2026-03-05-plan.yml:3:10: meeting: “2026-03-05-plan”是决策，不是会议"


def test_check_attachment_outside_the_attachments_folder(site) -> None:
    files = dict(VALID_FILES)
    files["content/finances/2026/2026-q1-funds.yml"] = files["content/finances/2026/2026-q1-funds.yml"].replace("receipts/2026-03-06.pdf", "../branch.yml")
    folder = site(files)
    code, out, _ = run_cli(["check"], cwd=folder)
    assert code == 1
    assert out.splitlines()[0] == "content/finances/2026/2026-q1-funds.yml:11:16: expenses[0].receipts[0]: 附件路径“../branch.yml”指向 content/attachments/ 之外"


def test_check_record_size_limit_from_the_config(site) -> None:
    big = "title: 会议\ndate: 2026-03-05\nkind: 支委会\nbody: |\n" + "  会议记录。\n" * 200
    folder = site({**VALID_FILES, "content/meetings/2026/big.yml": big}, config={"limits": {"record_max_kb": 1}})
    code, out, _ = run_cli(["check"], cwd=folder)
    assert code == 1
    assert out.splitlines()[0].startswith("content/meetings/2026/big.yml:1:1: 文件过大（")


def test_check_missing_config(tmp_path: Path) -> None:
    code, out, err = run_cli(["check", "-c", tmp_path / "nope.yml"], cwd=tmp_path)
    assert code == 1
    assert "找不到配置文件" in err


def test_check_bad_config_points_at_the_line(site) -> None:
    folder = site(VALID_FILES, config="site_name: 测试\nlanguage: zh\ndefault_visibilty: 公开\n")
    code, _, err = run_cli(["check"], cwd=folder)
    assert code == 1
    assert "site_config.yml:3:1: default_visibilty: 未知字段“default_visibilty”，是否应为“default_visibility”？" in err.splitlines()


def test_schema_command_default_folder(site) -> None:
    folder = site(VALID_FILES, config={"language": "en"})
    code, out, _ = run_cli(["schema"], cwd=folder)
    assert code == 0
    assert out.strip() == f"wrote {len(RECORD_MODELS) + 1} JSON Schemas to schemas"
    assert len(list((folder / "schemas").glob("*.schema.json"))) == len(RECORD_MODELS) + 1


# ---------------------------------------------------------------------------
# build --engine
# ---------------------------------------------------------------------------


def test_build_with_an_unknown_engine_lists_the_engines(site) -> None:
    folder = site(VALID_FILES)
    code, out, err = run_cli(["build", "--engine", "hugo", "--today", TODAY], cwd=folder)
    assert code == 2
    assert out == ""
    assert "--engine: “hugo”不是可用的值，应为以下之一：mkdocs、zensical" in err
    assert "Traceback" not in err
    assert not (folder / "site").exists()


def test_build_with_an_unknown_engine_in_english(site) -> None:
    folder = site(VALID_FILES, config={"language": "en"})
    code, _, err = run_cli(["build", "--engine", "Zensical", "--today", TODAY], cwd=folder)
    assert code == 2
    assert "--engine: 'Zensical' is not allowed; expected one of: mkdocs, zensical" in err


def test_build_help_names_the_engines() -> None:
    code, out, _ = run_cli(["build", "--help"])
    assert code == 0
    assert "--engine mkdocs|zensical" in out
