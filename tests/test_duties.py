"""Responsibility lists (责任清单) and inspections (督查检查), issue 15 items 3 and 4.

The rules are checked on a copy of the demo with one fault planted, through
the real command, asserting the exact line beside the demo's intended
warnings (``DEMO_WARNINGS``); the forms ``openbranch new`` writes check clean
once filled in, in both languages; and the built sites show each record,
listing and state — a members-only finding on the members' site only, the
overdue inspection item on the members' home page and the regularity page.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml

from generator.figures.duties import inspection_state
from generator.figures.rectification import record_items
from generator.records.models import Inspection
from generator.records.models.rectification import item_fields

from .helpers import DEMO_CONFIG, DEMO_WARNINGS, build_ok, copy_demo, plant_in_demo, run_cli, url_path, write_site

TODAY = "2026-12-01"
DUTIES_2026 = "content/responsibilities/2026/2026-07-02-committee-duties-2026.yml"
DUTIES_2025 = "content/responsibilities/2025/2025-02-20-committee-duties-2025.yml"
DRAFT_SUN = "content/responsibilities/2026/2026-11-30-duties-sun.yml"
OVERDUE_INSPECTION = "content/inspections/2026/2026-04-16-parent-committee.yml"
DISCIPLINE = "content/inspections/2026/2026-09-08-discipline-group.yml"
MISSING_SUN = next(w for w in DEMO_WARNINGS if "孙雨桐" in w)
OVERDUE_ITEM = next(w for w in DEMO_WARNINGS if w.startswith(OVERDUE_INSPECTION))


def planted(tmp_path: Path, rel: str, old: str, new: str) -> tuple[Path, str]:
    return plant_in_demo(tmp_path, rel, old, new)


def at(text: str, start: str, nth: int = 0) -> str:
    """``line:column`` of the value on the ``nth`` line that starts with ``start`` (after its ``key: ``)."""
    hits = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    number, line = hits[nth]
    return f"{number}:{line.index(': ') + 3}"


def problems(site: Path, today: str = TODAY) -> tuple[int, list[str]]:
    """Exit code and the lines of ``check`` that are not the demo's intended warnings."""
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", today], cwd=site)
    assert "Traceback" not in err, err
    return code, [line for line in (out + err).splitlines() if line.startswith("content/") and line not in DEMO_WARNINGS]


# ---------------------------------------------------------------------------
# The demo
# ---------------------------------------------------------------------------


def test_the_demo_shows_the_two_duties_warnings_on_purpose(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_demo(site)
    code, out, err = run_cli(["check", "--strict", "--today", TODAY], cwd=site)
    lines = [line for line in out.splitlines() if line.startswith("content/")]
    assert sorted(lines) == sorted(DEMO_WARNINGS), out + err
    assert MISSING_SUN in lines and OVERDUE_ITEM in lines


def test_inspections_hold_the_shared_item_type_and_their_state_follows_the_items() -> None:
    assert item_fields(Inspection) == ("rectification",)
    base = {"title": "督查", "date": "2026-04-16", "kind": "巡察", "inspector": "巡察组"}
    import datetime as dt

    def state(*items: dict) -> str:
        from generator.records.index import Record

        model = Inspection.model_validate({**base, "rectification": list(items)})
        record = Record(id="x", type="inspection", rel="x", model=model, source=None, visibility="public")  # type: ignore[arg-type]
        return inspection_state(record_items(record, dt.date(2026, 12, 1)))

    assert state() == "no_items"
    assert state({"item": "a", "status": "done", "done_on": "2026-05-01"}) == "closed"
    assert state({"item": "a", "status": "done", "done_on": "2026-05-01"}, {"item": "b", "due": "2026-12-31"}) == "open"
    assert state({"item": "a", "due": "2026-11-30", "status": "in_progress"}, {"item": "b"}) == "overdue"


# ---------------------------------------------------------------------------
# Rules, planted in a copy of the demo
# ---------------------------------------------------------------------------


def test_a_committee_member_without_this_years_list_is_warned_about_at_their_name(tmp_path: Path) -> None:
    # 王思远 (组织委员, committee[2]) taken out of the 2026 list.
    site, _ = planted(tmp_path, DUTIES_2026, "  - name: 王思远\n", "  - name: 王思远（已调离）\n")
    branch = (site / "content/branch.yml").read_text(encoding="utf-8")
    code, lines = problems(site)
    assert lines == [
        f"content/branch.yml:{at(branch, '  - name: 王思远')}: committee[2].name: 警告: 支委会成员“王思远”（组织委员）没有 2026 年度的责任清单；请在 content/responsibilities/2026/ 中记录其党建工作责任和责任书签订日期"
    ]
    assert code == 0  # warnings only


def test_publishing_the_draft_list_clears_the_warning(tmp_path: Path) -> None:
    site, _ = planted(tmp_path, DRAFT_SUN, "status: 草稿\n", "status: 已发布\n")
    # Published with its disclosure approval complete (norms.approval_required: public).
    with (site / DRAFT_SUN).open("a", encoding="utf-8") as record:
        record.write("approval:\n  proposed_by: 王思远\n  proposed_on: 2026-11-30\n  reviewed_by: 赵国栋\n  reviewed_on: 2026-11-30\n  approved_by: 陈立群\n  approved_on: 2026-11-30\n")
    code, out, err = run_cli(["check", "--today", TODAY], cwd=site)
    assert MISSING_SUN not in out, out
    assert sorted(line for line in out.splitlines() if line.startswith("content/")) == sorted(w for w in DEMO_WARNINGS if w != MISSING_SUN)


def test_the_missing_list_waits_for_the_grace_days_of_the_norm(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_demo(site)
    # 2027-03-01 is day 59 of the year: within the default 90 days, no member is warned about yet.
    out = run_cli(["check", "--today", "2027-03-01"], cwd=site)[1]
    assert "没有 2027 年度的责任清单" not in out, out
    config = site / "site_config.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\nnorms:\n") == 1
    config.write_text(text.replace("\nnorms:\n", "\nnorms:\n  responsibility_grace_days: 30\n"), encoding="utf-8")
    out = run_cli(["check", "--today", "2027-03-01"], cwd=site)[1]
    assert len(re.findall(r"没有 2027 年度的责任清单", out)) == 5, out


def test_a_name_listed_twice_in_one_year(tmp_path: Path) -> None:
    site, text = planted(tmp_path, DRAFT_SUN, "status: 草稿\n", "status: 已发布\n")
    path = site / DRAFT_SUN
    text = text.replace("  - name: 孙雨桐\n", "  - name: 周建华\n")
    path.write_text(text, encoding="utf-8")
    code, lines = problems(site)
    assert f"{DRAFT_SUN}:{at(text, '  - name: 周建华')}: assignments[0].name: 警告: “周建华”在 2026 年度的责任清单中出现两次（另见 {DUTIES_2026}）" in lines


def test_a_report_meeting_without_the_day_of_the_report(tmp_path: Path) -> None:
    old = "    reported_on: 2026-01-27\n    report: 2026-01-27-organizational-life\n    report_summary:"
    site, text = planted(tmp_path, DUTIES_2025, old, "    report: 2026-01-27-organizational-life\n    report_summary:")
    code, lines = problems(site)
    assert lines == [f"{DUTIES_2025}:{at(text, '    report: ')}: assignments[0].report: 填写了述职会议“2026-01-27-organizational-life”，但没有填写述职日期 reported_on"]
    assert code == 1


def test_a_report_meeting_that_does_not_exist(tmp_path: Path) -> None:
    old = "    report: 2026-01-27-organizational-life\n    report_summary:"
    site, text = planted(tmp_path, DUTIES_2025, old, "    report: 2026-01-28-organizational-life\n    report_summary:")
    code, lines = problems(site)
    assert lines == [f"{DUTIES_2025}:{at(text, '    report: ')}: assignments[0].report: 引用的会议“2026-01-28-organizational-life”不存在"]


def test_a_letter_signed_after_today(tmp_path: Path) -> None:
    site, text = planted(tmp_path, DUTIES_2026, "    signed_on: 2026-07-03\n", "    signed_on: 2026-12-03\n")
    code, lines = problems(site)
    assert lines == [f"{DUTIES_2026}:{at(text, '    signed_on: 2026-12-03')}: assignments[2].signed_on: 日期 2026-12-03 晚于今天（2026-12-01）"]


def test_an_overdue_inspection_item_is_warned_about_at_its_due_date(tmp_path: Path) -> None:
    # The discipline group's first item, due at the end of the year, moved to 30 November.
    site, text = planted(tmp_path, DISCIPLINE, "    due: 2026-12-31\n", "    due: 2026-11-30\n")
    code, lines = problems(site)
    assert lines == [f"{DISCIPLINE}:{at(text, '    due: 2026-11-30')}: rectification[0].due: 警告: 整改事项已逾期：完成时限 2026-11-30，状态为“进行中”；完成后请填写完成日期 done_on"]
    assert code == 0


def test_the_overdue_item_in_english(tmp_path: Path) -> None:
    site = tmp_path / "site"
    copy_demo(site)
    config = site / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    out = run_cli(["check", "--today", TODAY], cwd=site)[1]
    assert f"{OVERDUE_INSPECTION}:42:10: rectification[2].due: warning: the rectification item is overdue: due 2026-09-30, status 'in_progress'; when it is done, fill in done_on" in out.splitlines(), out
    assert "content/branch.yml:12:11: committee[3].name: warning: committee member '孙雨桐' (宣传委员) has no responsibility list for 2026; record their party-building duties and the day they signed the letter of responsibility in content/responsibilities/2026/" in out.splitlines(), out


def test_an_inspection_that_ends_before_it_starts(tmp_path: Path) -> None:
    site, text = planted(tmp_path, "content/inspections/2025/2025-11-20-inspection-tour.yml", "end_date: 2025-11-20\n", "end_date: 2025-11-17\n")
    code, lines = problems(site)
    assert lines == [f"content/inspections/2025/2025-11-20-inspection-tour.yml:{at(text, 'end_date:')}: end_date: 检查结束日期 2025-11-17 早于开始日期 2025-11-18"]


def test_a_done_inspection_item_needs_its_day(tmp_path: Path) -> None:
    # check_rectification holds inspections' items to the rules of every item.
    site, text = planted(tmp_path, OVERDUE_INSPECTION, "    done_on: 2026-05-08\n", "")
    code, lines = problems(site)
    lines_of = text.splitlines()
    line = lines_of.index(next(l for l in lines_of if l.startswith("  - item: 建立党务公开栏"))) + 1 + 3  # item, owner, due, status
    assert lines_of[line - 1] == "    status: 已完成"
    # The overdue item below it moved up a line, so its intended warning is told at its new line.
    assert lines == [
        f"{OVERDUE_INSPECTION}:{line}:13: rectification[1].status: 状态为“已完成”，但没有填写完成日期 done_on",
        OVERDUE_ITEM.replace(":42:10:", ":41:10:"),
    ]


# ---------------------------------------------------------------------------
# openbranch new
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("record_type, kind, path", [
    ("responsibility", None, "content/responsibilities/2026/2026-03-05-responsibility.yml"),
    ("inspection", None, "content/inspections/2026/2026-03-05-parent-committee.yml"),
    ("inspection", "巡察", "content/inspections/2026/2026-03-05-inspection-tour.yml"),
])
def test_new_writes_a_form_that_checks_clean_once_filled_in(tmp_path: Path, language: str, record_type: str, kind, path: str) -> None:
    name = "王书记" if language == "zh" else "Wang"
    branch = {"name": "测试党支部", "committee": [{"name": name, "post": "书记"}], "member_counts": [{"since": "2025-01-01", "count": 12}]}
    site = write_site(tmp_path / "site", {"content/branch.yml": branch}, {"site_name": "测试", "language": language})
    args = ["new", record_type, "--today", "2026-03-05"] + (["--kind", kind] if kind else [])
    code, out, err = run_cli(args, cwd=site)
    assert code == 0, err
    assert out.strip() == path
    written = site / path
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert str(data["date"]) == "2026-03-05"
    # Filled in: the committee member named as in branch.yml.
    text = written.read_text(encoding="utf-8").replace("name: 姓名", f"name: {name}").replace("name: Name", f"name: {name}")
    # Published, with its disclosure approval filled in (the form is a draft until a person does this).
    text = re.sub(r"^status: .*$", "status: 已发布", text, count=1, flags=re.M)
    text = re.sub(r"^  (proposed|reviewed|approved)_by: .*$", rf"  \1_by: {name}", text, flags=re.M)
    text = re.sub(r"^  (proposed|reviewed|approved)_on:.*$", r"  \1_on: 2026-03-05", text, flags=re.M)
    written.write_text(text, encoding="utf-8")
    code, out, err = run_cli(["check", "--strict", "--today", "2026-03-05"], cwd=site)
    assert code == 0, out + err
    if record_type == "inspection":
        # Its example item is due the day of the form: by June it is overdue, and said so.
        out = run_cli(["check", "--today", "2026-06-01"], cwd=site)[1]
        assert f"{path}:{at(text, '    due:')}: rectification[0].due: " + (
            "警告: 整改事项已逾期：完成时限 2026-03-05，状态为“未开始”；完成后请填写完成日期 done_on" if language == "zh" else "warning: the rectification item is overdue: due 2026-03-05, status 'not_started'; when it is done, fill in done_on"
        ) in out.splitlines(), out


def test_new_responsibility_refuses_a_kind(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {})
    code, _, err = run_cli(["new", "responsibility", "--kind", "巡察", "--today", "2026-03-05"], cwd=site)
    assert code == 2
    assert "此类记录没有“kind”，请去掉 --kind" in err


# ---------------------------------------------------------------------------
# The sites
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ok(DEMO_CONFIG, tmp_path_factory.mktemp("duties") / "site", TODAY)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_responsibility_page_shows_posts_duties_letters_and_reports(demo_site: Path) -> None:
    page = _text(demo_site / "members/responsibilities/2026/2026-07-02-committee-duties-2026/index.html")
    for words in ("陈立群", "局办公室主任", "党建工作责任", "业务工作中的党建责任", "2026年7月3日", "尚未签订", "尚未述职"):
        assert words in page, words
    # The 2025 reports were given at a members-only meeting: the members' page links it, the public page gives the day only.
    members = _text(demo_site / "members/responsibilities/2025/2025-02-20-committee-duties-2025/index.html")
    public = _text(demo_site / "public/responsibilities/2025/2025-02-20-committee-duties-2025/index.html")
    assert "2026-01-27-organizational-life" in members
    assert "2026年1月27日" in public and "2026-01-27-organizational-life" not in public and "尚未述职" not in public


def test_the_responsibilities_section_counts_this_years_coverage(demo_site: Path) -> None:
    page = _text(demo_site / "public/responsibilities/index.html")
    assert "2026年度落实情况" in page
    figures = re.findall(r'ob-figure__value">(\d+)</span><span class="ob-figure__label">([^<]+)<', page)
    assert figures == [("5", "支委会成员"), ("4", "列入责任清单"), ("3", "已签责任书"), ("0", "已述职")]
    assert re.search(r"尚无本年度责任清单：.*宣传委员.*孙雨桐", page)


def test_the_inspection_page_and_its_state_listings(demo_site: Path) -> None:
    page = _text(demo_site / "members/inspections/2026/2026-04-16-parent-committee/index.html")
    assert "中共滨江区直属机关工作委员会第二督查组" in page and "整改逾期" in page and "仅党内公开" in page
    for state, ids in {
        "overdue": ["2026-04-16-parent-committee"],
        "open": ["2026-09-08-discipline-group"],
        "closed": ["2025-11-20-inspection-tour"],
        "no_items": ["2026-11-26-self-check"],
    }.items():
        listing = _text(demo_site / f"members/inspections/states/{state}/index.html")
        assert all(i in listing for i in ids), state
    # The public site has no members inspection, so no "open" listing.
    assert not (demo_site / "public/inspections/states/open").exists()
    assert (demo_site / "public/inspections/states/overdue/index.html").is_file()


def test_a_members_only_finding_stays_on_the_members_site(demo_site: Path) -> None:
    finding = "第三党小组1名党员2025年10月至12月党费迟交"
    assert finding in _text(demo_site / "members/inspections/2026/2026-04-16-parent-committee/index.html")
    for path in (demo_site / "public").rglob("*"):
        if path.is_file():
            assert finding.encode() not in path.read_bytes(), path
    public = _text(demo_site / "public/inspections/2026/2026-04-16-parent-committee/index.html")
    assert "2025年第三季度党课记录不完整" in public


def test_overdue_items_are_on_the_members_home_page_and_the_regularity_page(demo_site: Path) -> None:
    item = "党小组长每月核对本组党费交纳情况"
    home = _text(demo_site / "members/index.html")
    assert "逾期未完成的整改事项" in home and item in home
    assert "党员教育管理台账不规范" in home  # the life meeting's overdue item beside it
    assert "逾期未完成的整改事项" not in _text(demo_site / "public/index.html")
    assert item in _text(demo_site / "members/regularity/index.html")


def test_the_responsibilities_csv_and_the_record_json(demo_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((demo_site / "public/data/responsibilities.csv").read_bytes().decode("utf-8-sig"))))
    assert [(r["year"], r["name"], r["signed_on"], r["reported_on"], r["report"]) for r in rows if r["name"] == "陈立群"] == [
        ("2025", "陈立群", "2025-02-20", "2026-01-27", ""),  # the report meeting is members-only
        ("2026", "陈立群", "2026-07-02", "", ""),
    ]
    members = list(csv.DictReader(io.StringIO((demo_site / "members/data/responsibilities.csv").read_bytes().decode("utf-8-sig"))))
    assert members[0]["report"] == "2026-01-27-organizational-life"
    import json

    data = json.loads(_text(demo_site / "public/inspections/2026/2026-04-16-parent-committee.json"))
    assert len(data["findings"]) == 2 and data["rectification"][2]["status"] == "in_progress"


def test_search_finds_inspections_and_lists_but_never_a_members_only_finding_on_the_public_site(demo_site: Path) -> None:
    from playwright.sync_api import sync_playwright

    from .browser import DESKTOP_VIEWPORT, launch_chromium, search, serve_directory

    def results(audience: str, query: str) -> list[str]:
        with serve_directory(demo_site / audience) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            try:
                page = browser.new_page(viewport=DESKTOP_VIEWPORT)
                page.goto(base + "/")
                return [url_path(u) for u in search(page, query)]
            finally:
                browser.close()

    assert "/inspections/2026/2026-04-16-parent-committee/" in results("public", "第二督查组")
    assert "/responsibilities/2026/2026-07-02-committee-duties-2026/" in results("public", "一岗双责")
    assert results("public", "党费迟交") == []
    assert results("members", "党费迟交") == ["/inspections/2026/2026-04-16-parent-committee/"]
