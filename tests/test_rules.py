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

from .helpers import BRANCH, make_site, run_cli

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
        return {"content/branch.yml": branch, **extra}

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


def decision(result: str) -> str:
    return (
        "title: 关于购买学习资料的决定\n"  # 1
        "date: 2026-03-05\n"               # 2
        f"result: {result}\n"              # 3
    )


def test_line_numbers_in_the_ledger_text_are_as_the_assertions_assume() -> None:
    text = funds_q1(decision="x")
    assert line_col(text, "closing_balance:") == (21, 18)
    assert line_col(text, "    amount: 35.50") == (19, 13)
    assert line_col(text, "    decision:") == (20, 15)
    assert line_col(funds_q1(), "closing_balance:") == (20, 18)
    assert line_col(funds_q2(), "opening_balance:") == (7, 18)


def test_closing_balance_that_does_not_add_up_is_an_error(tmp_path: Path) -> None:
    # 100.00 + (0.10 + 0.20) − 35.50 = 64.80 exactly; with floats 0.1 + 0.2 would not be 0.3.
    bad, good = two_sites(tmp_path, {FUNDS_Q1: funds_q1(closing="64.50")}, {FUNDS_Q1: funds_q1(closing="64.80")})
    assert_only_problem(
        bad,
        f"{FUNDS_Q1}:20:18: closing_balance: 期末结余 64.50 与计算结果不符：期初 100.00 + 收入 0.30 − 支出 35.50 = 64.80",
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
        {FUNDS_Q1: ledger, DECISION: decision("未通过")},
        {FUNDS_Q1: ledger, DECISION: decision("通过")},
    )
    assert_only_problem(
        bad,
        f"{FUNDS_Q1}:20:15: expenses[0].decision: 审批该支出的决策“2026-03-05-buy-books”的结果是“未通过”，未获通过",
    )
    assert_passes(good)


def test_expense_approved_by_a_decision_that_does_not_exist(tmp_path: Path) -> None:
    bad, good = two_sites(
        tmp_path,
        {FUNDS_Q1: funds_q1(decision="2026-03-05-no-such-decision"), DECISION: decision("通过")},
        {FUNDS_Q1: funds_q1(decision="2026-03-05-buy-books"), DECISION: decision("通过")},
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
# Votes and quorum
# ---------------------------------------------------------------------------

ASSEMBLY_ID = "2026-03-20-assembly"
ASSEMBLY = f"content/meetings/2026/{ASSEMBLY_ID}.yml"
COMMITTEE_ID = "2026-03-10-committee"
COMMITTEE = f"content/meetings/2026/{COMMITTEE_ID}.yml"
RESOLUTION = "content/decisions/2026/2026-03-20-admit.yml"


def meeting(kind: str, date: str, present: int) -> dict[str, Any]:
    return {"title": f"{date} {kind}", "date": date, "kind": kind, "attendees": [f"党员{n}" for n in range(1, present + 1)]}


def resolution(meeting_id: str, votes_for: int, against: int = 0, abstain: int = 0, result: str = "通过") -> str:
    return (
        "title: 关于接收张三为预备党员的决议\n"  # 1
        "date: 2026-03-20\n"                     # 2
        f"meeting: {meeting_id}\n"               # 3
        "vote:\n"                                # 4
        f"  for: {votes_for}\n"                  # 5
        f"  against: {against}\n"                # 6
        f"  abstain: {abstain}\n"                # 7
        f"result: {result}\n"                    # 8
    )


def test_vote_counts_above_those_present(tmp_path: Path) -> None:
    assembly = meeting("党员大会", "2026-03-20", 8)
    bad, good = two_sites(
        tmp_path,
        {ASSEMBLY: assembly, RESOLUTION: resolution(ASSEMBLY_ID, 8, 1)},
        {ASSEMBLY: assembly, RESOLUTION: resolution(ASSEMBLY_ID, 7, 1)},
    )
    assert_only_problem(bad, f"{RESOLUTION}:5:3: vote: 表决票数合计 9，超过会议“{ASSEMBLY_ID}”的出席人数 8")
    assert_passes(good)


def test_adopted_without_a_majority_of_those_present(tmp_path: Path) -> None:
    assembly = meeting("党员大会", "2026-03-20", 8)
    bad, good = two_sites(
        tmp_path,
        {ASSEMBLY: assembly, RESOLUTION: resolution(ASSEMBLY_ID, 4, 3, 1)},
        {ASSEMBLY: assembly, RESOLUTION: resolution(ASSEMBLY_ID, 5, 2, 1)},
    )
    assert_only_problem(bad, f"{RESOLUTION}:8:9: result: 赞成票 4 未超过出席人数 8 的半数，不能记为“通过”")
    assert_passes(good)
    # The same 4 of 8 recorded as not adopted is fine.
    rejected = make_site(tmp_path, {"content/branch.yml": BRANCH, ASSEMBLY: assembly, RESOLUTION: resolution(ASSEMBLY_ID, 4, 3, 1, result="未通过")}, folder="rejected")
    assert_passes(rejected)


def test_general_assembly_below_quorum_of_branch_members(tmp_path: Path) -> None:
    # BRANCH: 12 members; 6 present is not more than half.
    bad, good = two_sites(
        tmp_path,
        {ASSEMBLY: meeting("党员大会", "2026-03-20", 6), RESOLUTION: resolution(ASSEMBLY_ID, 6)},
        {ASSEMBLY: meeting("党员大会", "2026-03-20", 7), RESOLUTION: resolution(ASSEMBLY_ID, 7)},
    )
    assert_only_problem(bad, f"{RESOLUTION}:3:10: meeting: 会议“{ASSEMBLY_ID}”出席 6 人，应到 12 人，未超过 1/2，不足以作出决定")
    assert_passes(good)


def test_branch_committee_below_quorum_of_the_committee(tmp_path: Path) -> None:
    branch = {**BRANCH, "committee": [{"name": "王书记", "post": "书记"}, {"name": "李委员", "post": "组织委员"}, {"name": "赵委员", "post": "宣传委员"}]}
    bad, good = two_sites(
        tmp_path,
        {COMMITTEE: meeting("支委会", "2026-03-10", 1), RESOLUTION: resolution(COMMITTEE_ID, 1)},
        {COMMITTEE: meeting("支委会", "2026-03-10", 2), RESOLUTION: resolution(COMMITTEE_ID, 2)},
        branch=branch,
    )
    assert_only_problem(bad, f"{RESOLUTION}:3:10: meeting: 会议“{COMMITTEE_ID}”出席 1 人，应到 3 人，未超过 1/2，不足以作出决定")
    assert_passes(good)


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
    "  - date: 2026-05-06\n    item: 主题党日交通\n    category: 主题党日\n    amount: 0.10\n"
    "  - date: 2026-05-07\n    item: 学习资料\n    category: 学习教育\n    amount: 0.20\n"
    "closing_balance: 1264.14\n"
)


@pytest.fixture
def loaded_view(tmp_path: Path):
    folder = make_site(tmp_path, {"content/branch.yml": BRANCH, FUNDS_Q1: funds_q1(), FUNDS_Q2: FUNDS_Q2_INCOME, DUES: DUES_TEXT})
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
