"""The rules of ``openbranch check`` (issue 4), run for real on record files in tmp_path.

For each rule: a record set that breaks it gets exactly one problem line,
``path:line:col: field: message``, from the real command; the same set with
the one value fixed passes (exit 0).  Record files are written as literal YAML
text so the line and column in each assertion can be read off the text.
Totals are asserted exactly, as ``Decimal``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping, Optional

import chinese_calendar
import pytest

from generator.figures import ledgers, records as record_figures
from generator.audience import narrow
from generator.pipeline import check as check_records
from generator.config import load_site

from .helpers import BRANCH, DEMO_MAKEUP_WARNING, DEMO_UNACCOUNTED_WARNING, copy_demo, make_site, plant, run_cli

TODAY = "2026-07-15"


# ---------------------------------------------------------------------------
# Helpers (local to this module)
# ---------------------------------------------------------------------------


def run_check(folder: Path, *extra: str, today: str = TODAY) -> tuple[int, list[str], str]:
    """``openbranch check -c FOLDER/site_config.yml --today TODAY``: (exit code, problem lines, stdout)."""
    code, out, err = run_cli(["check", "-c", folder / "site_config.yml", "--today", today, *extra], cwd=folder)
    assert "Traceback" not in err, err
    lines = [line for line in out.splitlines() if line.startswith(("content/", "site_config.yml"))]
    return code, lines, out + err


def assert_only_problem(folder: Path, expected: str, *, code: int = 1, today: str = TODAY, extra: tuple[str, ...] = ()) -> None:
    got_code, lines, output = run_check(folder, *extra, today=today)
    assert lines == [expected], output
    assert got_code == code, output


def assert_passes(folder: Path, *, today: str = TODAY, extra: tuple[str, ...] = ()) -> None:
    code, lines, output = run_check(folder, *extra, today=today)
    assert lines == [], output
    assert code == 0, output
    assert "检查通过" in output, output


def two_sites(tmp_path: Path, broken: Mapping[str, Any], fixed: Mapping[str, Any], config: Any = None, fixed_config: Any = None, branch: Any = BRANCH) -> tuple[Path, Path]:
    """A broken and a fixed site side by side (each with branch.yml unless given)."""
    def files(extra: Mapping[str, Any]) -> dict[str, Any]:
        return {"content/branch.yml": branch, **RECEIPT_FILE, **extra}

    bad = make_site(tmp_path, files(broken), config, folder="broken")
    good = make_site(tmp_path, files(fixed), fixed_config if fixed_config is not None else config, folder="fixed")
    return bad, good


def line_col(text: str, line_start: str) -> tuple[int, int]:
    """Sanity helper: 1-based line of the unique line starting with ``line_start`` and the column after 'key: '."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if line.startswith(line_start)]
    assert len(hits) == 1, (line_start, hits)
    line = text.splitlines()[hits[0] - 1]
    return hits[0], line.index(":") + 3


# ---------------------------------------------------------------------------
# Finance: funds ledgers
# ---------------------------------------------------------------------------

FUNDS_Q1 = "content/finances/2026/2026-q1-funds.yml"
FUNDS_Q2 = "content/finances/2026/2026-q2-funds.yml"
DECISION = "content/decisions/2026/2026-03-05-buy-books.yml"
# The receipt of funds_q1's expense (an expense without one is a warning of its own).
RECEIPT = "receipts/2026/2026-03-06-books.pdf"
RECEIPT_FILE = {f"content/attachments/{RECEIPT}": b"%PDF-1.4\n%%EOF\n"}


def funds_q1(closing: str = "64.80", amount: str = "35.50", decision: str = "") -> str:
    text = (
        "title: 2026年第一季度经费收支\n"      # 1
        "date: 2026-03-31\n"                   # 2
        "kind: 经费\n"                          # 3
        "period: 2026年第一季度\n"              # 4
        "period_start: 2026-01-01\n"           # 5
        "period_end: 2026-03-31\n"             # 6
        "opening_balance: 100.00\n"            # 7
        "income:\n"                            # 8
        "  - date: 2026-01-10\n"               # 9
        "    source: 上级党组织拨付\n"           # 10
        "    amount: 0.10\n"                   # 11
        "  - date: 2026-02-10\n"               # 12
        "    source: 党费按比例返还\n"           # 13
        "    amount: 0.20\n"                   # 14
        "expenses:\n"                          # 15
        "  - date: 2026-03-06\n"               # 16
        "    item: 购买学习资料\n"               # 17
        "    category: 学习教育\n"               # 18
        f"    amount: {amount}\n"              # 19
    )
    if decision:
        text += f"    decision: {decision}\n"  # 20
    text += f"    receipts: [{RECEIPT}]\n"      # 20 or 21
    return text + f"closing_balance: {closing}\n"


def funds_q2(opening: str = "64.80", closing: str = "64.80") -> str:
    return (
        "title: 2026年第二季度经费收支\n"  # 1
        "date: 2026-06-30\n"               # 2
        "kind: 经费\n"                      # 3
        "period: 2026年第二季度\n"          # 4
        "period_start: 2026-04-01\n"       # 5
        "period_end: 2026-06-30\n"         # 6
        f"opening_balance: {opening}\n"    # 7
        f"closing_balance: {closing}\n"    # 8
    )


# The meeting that took the decision: a decision with a result must name it (check_votes).
DECIDING_MEETING = {"content/meetings/2026/2026-03-05-committee.yml": {"title": "2026年3月支委会", "date": "2026-03-05", "kind": "支委会"}}


def decision(result: str) -> str:
    return (
        "title: 关于购买学习资料的决定\n"  # 1
        "date: 2026-03-05\n"               # 2
        f"result: {result}\n"              # 3
        "meeting: 2026-03-05-committee\n"  # 4
    )


def test_line_numbers_in_the_ledger_text_are_as_the_assertions_assume() -> None:
    text = funds_q1(decision="x")
    assert line_col(text, "closing_balance:") == (22, 18)
    assert line_col(text, "    amount: 35.50") == (19, 13)
    assert line_col(text, "    decision:") == (20, 15)
    assert line_col(funds_q1(), "closing_balance:") == (21, 18)
    assert line_col(funds_q2(), "opening_balance:") == (7, 18)


def test_closing_balance_that_does_not_add_up_is_an_error(tmp_path: Path) -> None:
    # 100.00 + (0.10 + 0.20) − 35.50 = 64.80 exactly; with floats 0.1 + 0.2 would not be 0.3.
    bad, good = two_sites(tmp_path, {FUNDS_Q1: funds_q1(closing="64.50")}, {FUNDS_Q1: funds_q1(closing="64.80")})
    assert_only_problem(
        bad,
        f"{FUNDS_Q1}:21:18: closing_balance: 期末结余 64.50 与计算结果不符：期初 100.00 + 收入 0.30 − 支出 35.50 = 64.80",
    )
    assert_passes(good)


def test_opening_balance_must_equal_the_previous_closing(tmp_path: Path) -> None:
    bad, good = two_sites(
        tmp_path,
        {FUNDS_Q1: funds_q1(), FUNDS_Q2: funds_q2(opening="60.00", closing="60.00")},
        {FUNDS_Q1: funds_q1(), FUNDS_Q2: funds_q2(opening="64.80", closing="64.80")},
    )
    assert_only_problem(
        bad,
        f"{FUNDS_Q2}:7:18: opening_balance: 期初结余 60.00 应等于上一期（2026年第一季度）的期末结余 64.80",
    )
    assert_passes(good)


def test_expense_approved_by_a_decision_that_was_not_adopted(tmp_path: Path) -> None:
    ledger = funds_q1(decision="2026-03-05-buy-books")
    bad, good = two_sites(
        tmp_path,
        {FUNDS_Q1: ledger, DECISION: decision("未通过"), **DECIDING_MEETING},
        {FUNDS_Q1: ledger, DECISION: decision("通过"), **DECIDING_MEETING},
    )
    assert_only_problem(
        bad,
        f"{FUNDS_Q1}:20:15: expenses[0].decision: 审批该支出的决策“2026-03-05-buy-books”的结果是“未通过”，未获通过",
    )
    assert_passes(good)


def test_expense_approved_by_a_decision_that_does_not_exist(tmp_path: Path) -> None:
    bad, good = two_sites(
        tmp_path,
        {FUNDS_Q1: funds_q1(decision="2026-03-05-no-such-decision"), DECISION: decision("通过"), **DECIDING_MEETING},
        {FUNDS_Q1: funds_q1(decision="2026-03-05-buy-books"), DECISION: decision("通过"), **DECIDING_MEETING},
    )
    assert_only_problem(
        bad,
        f"{FUNDS_Q1}:20:15: expenses[0].decision: 引用的决策“2026-03-05-no-such-decision”不存在",
    )
    assert_passes(good)


def test_negative_expense_amount_is_an_error(tmp_path: Path) -> None:
    # 100.00 + 0.30 + 35.50 would "balance" a negative expense: the schema refuses it first.
    bad, good = two_sites(
        tmp_path,
        {FUNDS_Q1: funds_q1(amount="-35.50", closing="135.80")},
        {FUNDS_Q1: funds_q1(amount="35.50", closing="64.80")},
    )
    assert_only_problem(bad, f"{FUNDS_Q1}:19:13: expenses[0].amount: 金额不能为负数，收到“-35.50”")
    assert_passes(good)


def test_negative_balances_are_allowed(tmp_path: Path) -> None:
    """Balances are signed (an overdrawn ledger is a fact to disclose); only amounts are not."""
    folder = make_site(tmp_path, {"content/branch.yml": BRANCH, FUNDS_Q2: funds_q2(opening="-5.00", closing="-5.00")})
    assert_passes(folder)


# ---------------------------------------------------------------------------
# Appraisals
# ---------------------------------------------------------------------------

APPRAISAL = "content/appraisals/2026/2026-01-20-appraisal.yml"


def appraisal(excellent: int, qualified: int, members: Optional[int] = 12) -> str:
    return (
        "title: 2025年度民主评议党员结果\n"  # 1
        "date: 2026-01-20\n"                 # 2
        "kind: 民主评议党员\n"                # 3
        "period: 2025年度\n"                  # 4
        + (f"members: {members}\n" if members is not None else "# members from branch.yml\n")  # 5
        + "results:\n"                        # 6
        f"  优秀: {excellent}\n"              # 7
        f"  合格: {qualified}\n"              # 8
    )


def test_grade_counts_above_the_members_appraised(tmp_path: Path) -> None:
    bad, good = two_sites(tmp_path, {APPRAISAL: appraisal(3, 8, members=10)}, {APPRAISAL: appraisal(3, 7, members=10)})
    assert_only_problem(bad, f"{APPRAISAL}:7:3: results: 各等次人数合计 11 人，超过参评党员 10 人")
    assert_passes(good)


def test_grade_counts_compared_with_the_branch_member_count_when_members_is_left_out(tmp_path: Path) -> None:
    # BRANCH has 12 members since 2025-01-01.
    bad, good = two_sites(tmp_path, {APPRAISAL: appraisal(4, 9, members=None)}, {APPRAISAL: appraisal(4, 8, members=None)})
    assert_only_problem(bad, f"{APPRAISAL}:7:3: results: 各等次人数合计 13 人，超过参评党员 12 人")
    assert_passes(good)


def test_excellent_above_one_third(tmp_path: Path) -> None:
    bad, good = two_sites(tmp_path, {APPRAISAL: appraisal(5, 7)}, {APPRAISAL: appraisal(4, 8)})
    assert_only_problem(bad, f"{APPRAISAL}:7:7: results.优秀: “优秀”5 人，超过参评党员 12 人的 1/3（最多 4 人）")
    assert_passes(good)


def test_excellent_cap_follows_the_norm_in_site_config(tmp_path: Path) -> None:
    records = {APPRAISAL: appraisal(5, 7)}
    half = {"site_name": "测试党支部党务公开", "language": "zh", "norms": {"excellent_share_max": "1/2"}}
    bad, good = two_sites(tmp_path, records, records, fixed_config=half)
    assert_only_problem(bad, f"{APPRAISAL}:7:7: results.优秀: “优秀”5 人，超过参评党员 12 人的 1/3（最多 4 人）")
    assert_passes(good)
    # Above the changed cap it is an error again, with the cap in the message.
    over = make_site(tmp_path, {"content/branch.yml": BRANCH, APPRAISAL: appraisal(7, 5)}, half, folder="over-half")
    assert_only_problem(over, f"{APPRAISAL}:7:7: results.优秀: “优秀”7 人，超过参评党员 12 人的 1/2（最多 6 人）")


# ---------------------------------------------------------------------------
# Meetings, votes, the roster and appraisals (issue 13): faults planted in a copy of the demo
# ---------------------------------------------------------------------------

DEMO_TODAY_CHECK = "2026-12-01"
ADMISSION = "content/decisions/2026/2026-03-26-admit-liu.yml"
ASSEMBLY = "content/meetings/2026/2026-03-26-general-assembly.yml"
BUDGET = "content/decisions/2026/2026-10-09-volunteer-budget.yml"
COMMITTEE_OCT = "content/meetings/2026/2026-10-09-branch-committee.yml"
MAKEUP = "content/meetings/2026/2026-02-12-group-2-makeup.yml"
LESSON = "content/meetings/2026/2026-09-17-party-lesson.yml"
APPRAISAL_2025 = "content/appraisals/2026/2026-02-05-member-appraisal-2025.yml"
BRANCH_FILE = "content/branch.yml"
@pytest.fixture(scope="module")
def demo_lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The problem lines of the demo as it is (the baseline a planted fault is compared with)."""
    folder = tmp_path_factory.mktemp("demo-as-is")
    copy_demo(folder)
    _, lines, _ = run_check(folder, today=DEMO_TODAY_CHECK)
    return lines


def planted_demo(tmp_path: Path, edits: Mapping[str, list[tuple[str, str]]], config_extra: str = "") -> Path:
    """A copy of the demo with each ``(old, new)`` text replaced once in its file (``old`` must occur exactly once)."""
    folder = tmp_path / "demo"
    copy_demo(folder)
    for rel, replacements in edits.items():
        for old, new in replacements:
            plant(folder, rel, old, new)
    if config_extra:
        with (folder / "site_config.yml").open("a", encoding="utf-8") as config:
            config.write(config_extra)
    return folder


def assert_planted(folder: Path, demo_lines: list[str], added: list[str], removed: tuple[str, ...] = ()) -> None:
    """``check`` on the planted copy says the demo's lines plus exactly ``added``, less exactly ``removed``."""
    code, lines, output = run_check(folder, today=DEMO_TODAY_CHECK)
    assert sorted(set(lines) - set(demo_lines)) == sorted(added), output
    assert sorted(set(demo_lines) - set(lines)) == sorted(removed), output
    errors = [line for line in lines if ": 警告: " not in line]
    assert code == (1 if errors else 0), output


def test_the_demo_shows_only_warnings_and_its_meeting_warnings_on_purpose(demo_lines: list[str]) -> None:
    assert [line for line in demo_lines if ": 警告: " not in line] == []
    assert DEMO_MAKEUP_WARNING in demo_lines
    assert DEMO_UNACCOUNTED_WARNING in demo_lines


def test_the_make_up_warning_goes_with_a_period_one_before_the_date(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {MAKEUP: [("period: 2025-12", "period: 2026-01")]})
    assert_planted(folder, demo_lines, [], removed=(DEMO_MAKEUP_WARNING,))


def test_a_period_coarser_than_the_norm(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {MAKEUP: [("period: 2025-12", "period: 2025-Q4")]})
    assert_planted(
        folder, demo_lines,
        [f"{MAKEUP}:7:9: period: 党小组会按月考核，period 应写到月（如 2026-02），收到“2025-Q4”"],
        # As a quarter it is one period before the meeting: no longer late.
        removed=(DEMO_MAKEUP_WARNING,),
    )


def test_a_period_that_begins_after_the_meeting(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {MAKEUP: [("period: 2025-12", "period: 2026-03")]})
    assert_planted(
        folder, demo_lines,
        [f"{MAKEUP}:7:9: period: 会议日期 2026-02-12 早于所计入期间 2026-03 的开始（2026-03-01），会议不能计入尚未开始的期间"],
        removed=(DEMO_MAKEUP_WARNING,),
    )


def test_a_period_not_written_as_a_year_quarter_or_month(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {MAKEUP: [("period: 2025-12", "period: 2025年12月")]})
    # A schema error, in the same pass as the rules: the record's own period warning goes with its period.
    assert_planted(
        folder, demo_lines,
        [f"{MAKEUP}:7:9: period: 期间应写成年（2025）、季度（2025-Q4）或月份（2025-12），收到“2025年12月”"],
        removed=(DEMO_MAKEUP_WARNING,),
    )


def test_attendance_that_lists_more_than_the_roster(tmp_path: Path, demo_lines: list[str]) -> None:
    # 刘晨阳 was admitted at this meeting: a guest, not yet a member, so not among those present.
    folder = planted_demo(tmp_path, {ASSEMBLY: [("  - 郭晓燕\n  - 周建华\n", "  - 郭晓燕\n  - 刘晨阳\n  - 周建华\n")]})
    assert_planted(folder, demo_lines, [
        f"{ASSEMBLY}:15:3: attendees: 警告: 出席 26、请假 2、缺席 0，共 28 人，多于应到的 27 人（2026-03-26 支部党员人数）",
        f"{ASSEMBLY}:23:5: attendees[8]: “刘晨阳”不在 2026-03-26 的党员名册中；列席的非本支部人员请写在 guests 下",
    ])


def test_attendance_that_leaves_someone_out_and_the_fix(tmp_path: Path, demo_lines: list[str]) -> None:
    theme_day = "content/meetings/2026/2026-11-19-theme-day.yml"
    folder = planted_demo(tmp_path, {theme_day: [("  - name: 李晓梅\n    reason: 公务外出\n", "")]})
    assert_planted(folder, demo_lines, [
        f"{theme_day}:15:3: attendees: 警告: 应到 28 人（2026-11-19 支部党员人数），记录了出席 26、请假 1、缺席 0，共 27 人，"
        "还有 1 人未说明（李晓梅）；请列入 on_leave（请假）或 absent（缺席）",
    ])
    fixed = planted_demo(tmp_path / "fixed", {LESSON: [("  - name: 韩冬梅\n    reason: 事假\n", "  - name: 韩冬梅\n    reason: 事假\n  - name: 谢振宇\n    reason: 公务外出\n")]})
    assert_planted(fixed, demo_lines, [], removed=(DEMO_UNACCOUNTED_WARNING,))


def test_a_committee_meeting_is_not_held_to_todays_committee(tmp_path: Path, demo_lines: list[str]) -> None:
    # The committee list has no dates (李晓梅 sat on it until the June election): its meetings' sums are not checked.
    folder = planted_demo(tmp_path, {COMMITTEE_OCT: [("on_leave:\n  - name: 周建华\n    reason: 出差\n", "")]})
    assert_planted(folder, demo_lines, [])


def test_a_person_listed_as_present_and_on_leave(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {COMMITTEE_OCT: [("  - 陈立群\n", "  - 陈立群\n  - 周建华\n")]})
    assert_planted(folder, demo_lines, [f"{COMMITTEE_OCT}:22:11: on_leave[0].name: “周建华”已列在 attendees 中，每人只能列一次"])


def test_a_meeting_attended_by_someone_not_on_the_roster_that_day(tmp_path: Path, demo_lines: list[str]) -> None:
    # 钱文华 left the branch at the end of 2024; the count still adds up (nine listed): the name is what is wrong.
    group_one = "content/meetings/2026/2026-05-11-group-1.yml"
    folder = planted_demo(tmp_path, {group_one: [("  - 陈立群\n", "  - 钱文华\n")]})
    assert_planted(folder, demo_lines, [f"{group_one}:14:5: attendees[0]: “钱文华”不在 2026-05-11 的党员名册中；列席的非本支部人员请写在 guests 下"])


def test_an_explicit_expected_is_what_the_record_is_held_to(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {COMMITTEE_OCT: [("attendees:\n", "expected: 7\nattendees:\n")]})
    assert_planted(folder, demo_lines, [
        f"{COMMITTEE_OCT}:15:11: expected: 警告: 应到 7 人（本记录 expected 所写人数），记录了出席 4、请假 1、缺席 0，共 5 人，还有 2 人未说明；请列入 on_leave（请假）或 absent（缺席）",
    ])


def test_a_decision_with_a_vote_and_no_meeting(tmp_path: Path, demo_lines: list[str]) -> None:
    # The case: 0 for, 20 against, recorded 通过, and no meeting to check it against.
    folder = planted_demo(tmp_path, {ADMISSION: [("meeting: 2026-03-26-general-assembly", "# meeting: 未填写"), ("  for: 24\n  against: 0\n", "  for: 0\n  against: 20\n")]})
    assert_planted(folder, demo_lines, [f"{ADMISSION}:12:3: vote: 记录了表决或表决结果的决策，须用 meeting 写明作出决定的会议，才能核对票数和到会人数"])


def test_votes_count_full_members_only(tmp_path: Path, demo_lines: list[str]) -> None:
    # 25 attended; one of them (吴佳怡) was a probationary member that day: 24 could vote.
    folder = planted_demo(tmp_path, {ADMISSION: [("  for: 24\n", "  for: 25\n")]})
    assert_planted(folder, demo_lines, [f"{ADMISSION}:12:3: vote: 表决票数合计 25，超过会议“2026-03-26-general-assembly”有表决权的出席党员 24 人"])


def test_adopted_without_a_majority_of_the_full_members_present(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {ADMISSION: [("  for: 24\n  against: 0\n", "  for: 12\n  against: 12\n")]})
    assert_planted(folder, demo_lines, [f"{ADMISSION}:15:9: result: 赞成票 12 未超过有表决权的出席党员 24 人的半数，不能记为“通过”"])


def test_rejected_with_a_majority(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {ADMISSION: [("result: 通过", "result: 未通过")]})
    assert_planted(folder, demo_lines, [f"{ADMISSION}:15:9: result: 赞成票 24 超过有表决权的出席党员 24 人的半数，却记为“未通过”"])


def test_a_committee_below_quorum(tmp_path: Path, demo_lines: list[str]) -> None:
    # Two of the five committee members present; their two votes are a majority of those present, not a quorum.
    folder = planted_demo(tmp_path, {
        COMMITTEE_OCT: [("  - 陈立群\n  - 王思远\n", ""), ("on_leave:\n", "on_leave:\n  - name: 陈立群\n    reason: 出差\n  - name: 王思远\n    reason: 病假\n")],
        BUDGET: [("  for: 4\n", "  for: 2\n")],
    })
    assert_planted(folder, demo_lines, [f"{BUDGET}:5:10: meeting: 会议“2026-10-09-branch-committee”有表决权的出席党员 2 人，应到有表决权的党员 5 人，未超过 1/2，不足以作出决定"])


def test_a_vote_at_a_meeting_without_attendance(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {BUDGET: [("meeting: 2026-10-09-branch-committee", "meeting: 2026-12-03-branch-committee")]})
    assert_planted(folder, demo_lines, [f"{BUDGET}:13:3: vote: 会议“2026-12-03-branch-committee”没有出席记录，无法核对表决票数"])


def test_named_excellent_members_must_match_the_count(tmp_path: Path, demo_lines: list[str]) -> None:
    # The case: seven names against 优秀: 5.
    folder = planted_demo(tmp_path, {APPRAISAL_2025: [("  - 韩冬梅\n", "  - 韩冬梅\n  - 刘洋\n  - 何明辉\n")]})
    assert_planted(folder, demo_lines, [f"{APPRAISAL_2025}:27:3: excellent_members: 列出优秀党员 7 名，与评定结果中“优秀”5 人不一致"])


NINE_EXCELLENT = [("  优秀: 5\n  合格: 21\n", "  优秀: 9\n  合格: 17\n"), ("  - 韩冬梅\n", "  - 韩冬梅\n  - 刘洋\n  - 何明辉\n  - 林淑芬\n  - 唐国庆\n")]


def test_the_excellent_cap_is_a_share_of_the_full_members_appraised(tmp_path: Path, demo_lines: list[str]) -> None:
    # 27 appraised, one probationary (not graded): 1/3 of 26 is 8 at most (of all 27 it would be 9).
    folder = planted_demo(tmp_path, {APPRAISAL_2025: NINE_EXCELLENT})
    assert_planted(folder, demo_lines, [f"{APPRAISAL_2025}:22:7: results.优秀: “优秀”9 人，超过参评正式党员 26 人的 1/3（最多 8 人）"])


def test_the_base_of_the_excellent_cap_is_configurable(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {APPRAISAL_2025: NINE_EXCELLENT}, config_extra="  excellent_cap_base: 全体参评党员\n")  # into the demo's norms:, its last block
    assert_planted(folder, demo_lines, [])


def test_member_counts_must_agree_with_the_roster(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {BRANCH_FILE: [("  - since: 2025-07-01\n    count: 27\n", "  - since: 2025-07-01\n    count: 26\n")]})
    assert_planted(folder, demo_lines, [f"{BRANCH_FILE}:154:12: member_counts[1].count: 党员名册显示 2025-07-01 有党员 27 人，与 member_counts 的 26 人不一致"])
    probationary = planted_demo(tmp_path / "probationary", {BRANCH_FILE: [("    count: 28\n    probationary: 2\n", "    count: 28\n    probationary: 1\n")]})
    assert_planted(probationary, demo_lines, [f"{BRANCH_FILE}:158:19: member_counts[2].probationary: 党员名册显示 2026-04-01 有预备党员 2 人，与 member_counts 的 1 人不一致"])


def test_roster_dates_and_statuses(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {BRANCH_FILE: [
        ("    status: 预备党员\n    joined: 2026-03-26\n", "    status: 预备党员\n    joined: 2026-03-26\n    full_member_on: 2027-03-26\n"),
        ("    joined: 2012-09-03\n    left: 2024-12-31\n", "    joined: 2012-09-03\n    left: 2012-08-31\n"),
    ]})
    assert_planted(folder, demo_lines, [
        f"{BRANCH_FILE}:144:21: members[27].full_member_on: 预备党员不应有转正日期 full_member_on；已转正的请把 status 改为“正式党员”",
        f"{BRANCH_FILE}:148:11: members[28].left: left 的日期 2012-08-31 早于加入支部的日期 joined 2012-09-03",
    ])


def test_the_same_member_twice_at_once(tmp_path: Path, demo_lines: list[str]) -> None:
    folder = planted_demo(tmp_path, {BRANCH_FILE: [("  - name: 钱文华\n", "  - name: 刘洋\n")]})
    assert_planted(folder, demo_lines, [f"{BRANCH_FILE}:144:11: members[28].name: “刘洋”在名册中已有一项（members[1]），且在册时间重叠"])


def test_the_rules_speak_the_sites_language(tmp_path: Path) -> None:
    folder = planted_demo(tmp_path, {
        "site_config.yml": [("language: zh", "language: en")],
        ADMISSION: [("  for: 24\n", "  for: 25\n")],
        APPRAISAL_2025: NINE_EXCELLENT,
        MAKEUP: [("period: 2025-12", "period: 2025-Q4")],
    })
    code, lines, output = run_check(folder, today=DEMO_TODAY_CHECK)
    for expected in (
        f"{ADMISSION}:12:3: vote: 25 votes were cast, more than the 24 full members present at the meeting '2026-03-26-general-assembly'",
        f"{APPRAISAL_2025}:22:7: results.优秀: 9 graded excellent, more than 1/3 of the 26 full members appraised (at most 8)",
        f"{MAKEUP}:7:9: period: group_meeting is required per month: period must name a month (e.g. 2026-02), got '2025-Q4'",
        f"{LESSON}:17:3: attendees: warning: 28 required (the branch's members on 2026-09-17); the record lists 26 present, 1 on leave and 0 absent, 27 in all: 1 not accounted for (谢振宇); list them under on_leave or absent",
    ):
        assert expected in lines, output
    assert code == 1


# ---------------------------------------------------------------------------
# Membership notices: working days with China's holidays (a short notice is an error)
# ---------------------------------------------------------------------------

NOTICE = "content/notices/2026/2026-09-30-publicity.yml"


def notice(start: str, end: str) -> str:
    return (
        "title: 关于拟接收张三为预备党员的公示\n"  # 1
        f"date: {start}\n"                         # 2
        "kind: 发展党员\n"                          # 3
        f"start: {start}\n"                        # 4
        f"end: {end}\n"                            # 5
        "subjects:\n"                              # 6
        "  - name: 张三\n"                          # 7
    )


def library_working_days(start: dt.date, end: dt.date) -> int:
    """Working days counted directly with chinese_calendar (independent of the generator)."""
    return sum(chinese_calendar.is_workday(start + dt.timedelta(days=n)) for n in range((end - start).days + 1))


def weekdays(start: dt.date, end: dt.date) -> int:
    return sum((start + dt.timedelta(days=n)).weekday() < 5 for n in range((end - start).days + 1))


def test_the_library_knows_the_2026_national_day_holiday() -> None:
    # What the tests below rely on, asked of the library rather than assumed.
    assert not chinese_calendar.is_workday(dt.date(2026, 10, 1))
    assert not chinese_calendar.is_workday(dt.date(2026, 10, 7))
    assert chinese_calendar.is_workday(dt.date(2026, 10, 8))
    # 2026-10-10 is a Saturday that the State Council made a working day.
    assert dt.date(2026, 10, 10).weekday() == 5
    assert chinese_calendar.is_workday(dt.date(2026, 10, 10))


def test_membership_notice_over_national_day_is_too_short(tmp_path: Path) -> None:
    start, end = dt.date(2026, 9, 30), dt.date(2026, 10, 8)
    days = library_working_days(start, end)
    assert days == 2 and weekdays(start, end) == 7  # eight calendar days, seven weekdays, two working days
    bad, good = two_sites(
        tmp_path,
        {NOTICE: notice("2026-09-30", "2026-10-08")},
        {NOTICE: notice("2026-09-30", "2026-10-12")},
    )
    assert_only_problem(bad, f"{NOTICE}:5:6: end: 公示期只有 {days} 个工作日，少于规定的 5 个工作日")
    # Running to 2026-10-12 adds 10-09, the make-up Saturday 10-10 and 10-12: five working days.
    assert library_working_days(start, dt.date(2026, 10, 12)) == 5
    assert_passes(good)


def test_membership_notice_over_five_ordinary_working_days_passes(tmp_path: Path) -> None:
    assert library_working_days(dt.date(2026, 3, 2), dt.date(2026, 3, 6)) == 5
    folder = make_site(tmp_path, {"content/branch.yml": BRANCH, NOTICE: notice("2026-03-02", "2026-03-06")})
    assert_passes(folder)
    short = make_site(tmp_path, {"content/branch.yml": BRANCH, NOTICE: notice("2026-03-02", "2026-03-05")}, folder="four-days")
    assert_only_problem(short, f"{NOTICE}:5:6: end: 公示期只有 4 个工作日，少于规定的 5 个工作日")


def test_make_up_saturday_counts_and_the_publicity_norm_can_be_changed(tmp_path: Path) -> None:
    # 10-08 Thu, 10-09 Fri, 10-10 make-up Sat, 10-11 Sun: three working days (two weekdays).
    start, end = dt.date(2026, 10, 8), dt.date(2026, 10, 11)
    assert library_working_days(start, end) == 3 and weekdays(start, end) == 2
    records = {NOTICE: notice("2026-10-08", "2026-10-11")}
    three = {"site_name": "测试党支部党务公开", "language": "zh", "norms": {"publicity_working_days": 3}}
    bad, good = two_sites(tmp_path, records, records, fixed_config=three)
    assert_only_problem(bad, f"{NOTICE}:5:6: end: 公示期只有 3 个工作日，少于规定的 5 个工作日")
    assert_passes(good)
    # With the changed norm a notice of two working days still warns, against 3.
    two_days = make_site(tmp_path, {"content/branch.yml": BRANCH, NOTICE: notice("2026-09-30", "2026-10-08")}, three, folder="two-days")
    assert_only_problem(two_days, f"{NOTICE}:5:6: end: 公示期只有 2 个工作日，少于规定的 3 个工作日")


def test_other_notices_are_not_held_to_the_publicity_period(tmp_path: Path) -> None:
    text = notice("2026-09-30", "2026-10-08").replace("kind: 发展党员", "kind: 其他")
    folder = make_site(tmp_path, {"content/branch.yml": BRANCH, NOTICE: text})
    assert_passes(folder)


# ---------------------------------------------------------------------------
# Committee term
# ---------------------------------------------------------------------------

BRANCH_WITH_TERM = (
    "name: 测试党支部\n"        # 1
    "parent: 测试机关党委\n"     # 2
    "committee:\n"              # 3
    "  - name: 王书记\n"         # 4
    "    post: 书记\n"           # 5
    "member_counts:\n"          # 6
    "  - since: 2025-01-01\n"   # 7
    "    count: 12\n"           # 8
    "term:\n"                   # 9
    "  start: 2021-06-01\n"     # 10
    "  end: 2026-05-31\n"       # 11
)
ELECTION = "content/elections/2026/2026-04-20-committee.yml"
ELECTION_RECORD = {
    "title": "支部委员会换届选举",
    "date": "2026-04-20",
    "kind": "支部委员会",
    "seats": "1",
    "candidates": [{"name": "王书记"}, {"name": "李委员"}],
    "term": {"start": "2026-06-01", "end": "2029-05-31"},
}
# The term's end, as branch.yml gives it when no election is recorded (rules_elections).
TERM_OVERDUE = "content/branch.yml:11:8: term.end: 本届任期已于 2026-05-31 届满（逾期 15 天），尚未记录换届选举"
TERM_DUE = "content/branch.yml:11:8: term.end: 警告: 本届任期将于 2026-05-31 届满（还有 30 天），请按期做好换届选举准备"


def test_term_ended_without_an_election(tmp_path: Path) -> None:
    bad, good = two_sites(tmp_path, {}, {ELECTION: ELECTION_RECORD}, branch=BRANCH_WITH_TERM)
    assert line_col(BRANCH_WITH_TERM, "  end:") == (11, 8)
    assert_only_problem(bad, TERM_OVERDUE, code=1, today="2026-06-15")
    # The election's term is the current one.
    assert_passes(good, today="2026-06-15")
    # Before the warning window nothing is due.
    assert_passes(bad, today="2026-03-01")


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    bad, good = two_sites(tmp_path, {}, {ELECTION: ELECTION_RECORD}, branch=BRANCH_WITH_TERM)
    assert_only_problem(bad, TERM_DUE, code=0, today="2026-05-01")
    assert_only_problem(bad, TERM_DUE, code=1, today="2026-05-01", extra=("--strict",))
    code, _, output = run_check(bad, "--strict", today="2026-05-01")
    assert "发现 0 个错误、1 个警告" in output
    assert_passes(good, today="2026-05-01", extra=("--strict",))


# ---------------------------------------------------------------------------
# Totals are exact Decimals
# ---------------------------------------------------------------------------

DUES = "content/finances/2026/2026-dues.yml"
DUES_TEXT = (
    "title: 2026年党费收缴情况\n"
    "date: 2026-03-31\n"
    "kind: 党费\n"
    "year: 2026\n"
    "months:\n"
    "  - month: 1\n    members: 12\n    due: 0.10\n    paid: 0.10\n"
    "  - month: 2\n    members: 12\n    due: 0.20\n    paid: 0.20\n"
    "  - month: 3\n    members: 12\n    due: 0.30\n    paid: 0.10\n"
)
FUNDS_Q2_INCOME = (
    "title: 2026年第二季度经费收支\n"
    "date: 2026-06-30\n"
    "kind: 经费\n"
    "period: 2026年第二季度\n"
    "period_start: 2026-04-01\n"
    "period_end: 2026-06-30\n"
    "opening_balance: 64.80\n"
    "income:\n"
    "  - date: 2026-04-02\n    source: 上级党组织拨付\n    amount: 1199.64\n"
    "expenses:\n"
    f"  - date: 2026-05-06\n    item: 主题党日交通\n    category: 主题党日\n    amount: 0.10\n    receipts: [{RECEIPT}]\n"
    f"  - date: 2026-05-07\n    item: 学习资料\n    category: 学习教育\n    amount: 0.20\n    receipts: [{RECEIPT}]\n"
    "closing_balance: 1264.14\n"
)


@pytest.fixture
def loaded_view(tmp_path: Path):
    folder = make_site(tmp_path, {"content/branch.yml": BRANCH, **RECEIPT_FILE, FUNDS_Q1: funds_q1(), FUNDS_Q2: FUNDS_Q2_INCOME, DUES: DUES_TEXT})
    site, problems = load_site(folder / "site_config.yml")
    assert site is not None, problems
    records, collector = check_records(site, dt.date(2026, 7, 15))
    assert collector.sorted() == []
    return narrow(records, "members")


def _exact(value: Decimal, text: str) -> None:
    assert isinstance(value, Decimal), type(value)
    assert value == Decimal(text)
    assert str(value) == text  # same digits, same exponent


def test_funds_totals_are_exact(loaded_view) -> None:
    q1 = loaded_view.get("2026-q1-funds")
    totals = record_figures.funds_totals(q1)
    _exact(totals.income, "0.30")
    _exact(totals.expenses, "35.50")
    _exact(totals.computed_closing, "64.80")
    _exact(dict(totals.categories)["学习教育"], "35.50")
    q2 = record_figures.funds_totals(loaded_view.get("2026-q2-funds"))
    _exact(q2.expenses, "0.30")
    _exact(q2.computed_closing, "1264.14")


def test_funds_years_chain_the_periods_exactly(loaded_view) -> None:
    (year,) = ledgers.funds_years(loaded_view, Decimal("100"))
    assert year.year == 2026
    assert [ledger.id for ledger in year.ledgers] == ["2026-q1-funds", "2026-q2-funds"]
    _exact(year.opening, "100.00")
    _exact(year.income, "1199.94")
    _exact(year.expenses, "35.80")
    _exact(year.closing, "1264.14")
    assert year.categories == [("主题党日", Decimal("0.10")), ("学习教育", Decimal("35.70"))]
    _exact(dict(year.categories)["学习教育"], "35.70")
    assert year.members == 12
    # 1199.94 / 12 = 99.995 yuan per member: shown rounded, but below the norm of 100.
    assert year.per_member is not None and year.per_member.as_tuple().exponent == -2
    assert year.meets_norm is False
    assert ledgers.funds_years(loaded_view, Decimal("99.99"))[0].meets_norm is True


def test_dues_totals_are_exact_and_the_rate_has_one_decimal(loaded_view) -> None:
    dues = loaded_view.get("2026-dues")
    totals = record_figures.dues_totals(dues)
    _exact(totals.due, "0.60")
    _exact(totals.paid, "0.40")
    _exact(totals.rate, "66.7")  # 0.40 / 0.60 = 66.666…%


def test_percent_is_exact_to_one_decimal() -> None:
    _exact(record_figures.percent(Decimal("0.30"), Decimal("0.40")), "75.0")
    _exact(record_figures.percent(3, 4), "75.0")
    _exact(record_figures.percent(1, 3), "33.3")
    _exact(record_figures.percent(2, 3), "66.7")
    _exact(record_figures.percent(5, 5), "100.0")
    assert record_figures.percent(1, 0) is None


def test_members_on_takes_the_latest_count_before_the_day() -> None:
    from generator.records.models import Branch

    branch = Branch.model_validate({**BRANCH, "member_counts": [{"since": "2025-01-01", "count": "12"}, {"since": "2026-03-01", "count": "14"}]})
    assert ledgers.members_on(branch, dt.date(2024, 12, 31)) is None
    assert ledgers.members_on(branch, dt.date(2025, 1, 1)) == 12
    assert ledgers.members_on(branch, dt.date(2026, 2, 28)) == 12
    assert ledgers.members_on(branch, dt.date(2026, 3, 1)) == 14
    assert ledgers.members_on(None, dt.date(2026, 3, 1)) is None
