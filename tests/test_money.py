"""Money and approval that add up (issue 14), on copies of the demo branch.

Each rule's test plants one fault in a copy of the demo (``content/`` and
``site_config.yml`` in tmp_path) and asserts the exact problem line the real
``openbranch check`` prints; every other line stays as the demo's.  The
demo itself checks clean with ``--strict`` but for the warnings it is meant
to show.  The figures (per-member dues, the retained share) are asserted
exactly, and the pages and data files are read back from a real build.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from .helpers import CONTENT_DIR, DEMO_DUES_ARREARS_WARNING, DEMO_NO_RECEIPT_WARNING, DEMO_WARNINGS, build_ok, copy_demo, plant, run_cli

TODAY = "2026-12-01"
DUES = "content/finances/2026/2026-dues.yml"
Q1 = "content/finances/2026/2026-q1-funds.yml"
Q2 = "content/finances/2026/2026-q2-funds.yml"
Q3 = "content/finances/2026/2026-q3-funds.yml"
Q4 = "content/finances/2026/2026-q4-funds.yml"
BOOKS = "content/decisions/2026/2026-02-05-study-books.yml"
MEETING = "content/meetings/2026/2026-03-05-branch-committee.yml"  # public
MEMBERS_MEETING = "content/meetings/2026/2026-02-05-branch-committee.yml"  # 党内

# The warnings the demo shows on purpose about its finance records (tests.helpers.DEMO_WARNINGS lists them all).
ARREARS = DEMO_DUES_ARREARS_WARNING
NO_RECEIPT = DEMO_NO_RECEIPT_WARNING


# ---------------------------------------------------------------------------
# Helpers (local to this module)
# ---------------------------------------------------------------------------


def demo_copy(tmp_path: Path) -> Path:
    """A fresh copy of the demo branch; returns the site folder."""
    return copy_demo(tmp_path / "site").parent


def check(folder: Path, *extra: str) -> tuple[int, list[str], str]:
    """``openbranch check --today TODAY`` in ``folder``: exit code, problem lines, all output."""
    code, out, err = run_cli(["check", "--today", TODAY, *extra], cwd=folder)
    assert "Traceback" not in out + err, out + err
    # Problems go to stdout; a bad site_config.yml is reported on stderr.
    return code, [line for line in (out + err).splitlines() if line.startswith(("content/", "site_config.yml"))], out + err


def finance_problems(folder: Path, *extra: str) -> tuple[int, list[str]]:
    """The problem lines about finance records (and the site config); exit code."""
    code, lines, _ = check(folder, *extra)
    return code, [line for line in lines if line.startswith(("content/finances/", "site_config.yml"))]


def problems_in(folder: Path, *rels: str) -> tuple[int, list[str]]:
    """The problem lines about the given files; exit code."""
    code, lines, _ = check(folder)
    return code, [line for line in lines if line.startswith(tuple(f"{rel}:" for rel in rels))]


def new_problems(folder: Path, *extra: str) -> tuple[int, list[str]]:
    """The problems of a planted copy that the demo does not have (the demo's own warnings left out)."""
    code, lines, _ = check(folder, *extra)
    # A form dated in the past is a draft past the catalogue's deadline: that rule has its own tests.
    return code, [line for line in lines if line not in DEMO_WARNINGS and "公开目录" not in line]


# ---------------------------------------------------------------------------
# The demo as it is
# ---------------------------------------------------------------------------


def test_demo_checks_clean_but_for_the_warnings_it_shows(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    code, lines, output = check(folder, "--strict")
    assert "发现 0 个错误" in output, output
    assert sorted(lines) == sorted(DEMO_WARNINGS), output
    assert code == 1  # --strict: the warnings fail it


def test_demo_has_what_the_rules_look_at() -> None:
    """The demo shows each state: members per month, a back payment, arrears, the share booked, a large expense with its decision."""
    dues = yaml.safe_load((CONTENT_DIR / "finances/2026/2026-dues.yml").read_text(encoding="utf-8"))
    assert len(dues["members"]) == 28 and dues["visibility"] == "公开"
    assert {str(m["rate"]) for m in dues["members"]} == {"1%", "1.5%", "2%"}
    assert any(m.get("back_payments") for m in dues["members"])
    q1 = yaml.safe_load((CONTENT_DIR / "finances/2026/2026-q1-funds.yml").read_text(encoding="utf-8"))
    large = [e for e in q1["expenses"] if Decimal(str(e["amount"])) > 1000]
    assert [e["decision"] for e in large] == ["2026-02-05-study-books"]
    assert [i["dues"] for i in q1["income"] if i.get("dues")] == ["2026-dues"]
    for expense in q1["expenses"]:
        for receipt in expense["receipts"]:
            assert (CONTENT_DIR / "attachments" / receipt).read_bytes().startswith(b"%PDF-1.4")


# ---------------------------------------------------------------------------
# Dues: months, payments, back payments, arrears, the roster
# ---------------------------------------------------------------------------


def test_a_month_outside_1_to_12_is_refused(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, DUES, "11: 237.20}", "13: 237.20}")
    code, lines = finance_problems(folder)
    # The record is refused; the ledgers that name it are not told it does not exist (it does, with an
    # error of its own), nor that their retained share cannot be checked.
    assert [line for line in lines if line not in DEMO_WARNINGS] == [f"{DUES}:16:123: members[0].paid.13: 月份应为 1 到 12 的整数，收到“13”"]
    assert code == 1


def test_a_month_written_twice_in_the_totals(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    # Totals only (no members): month 2 written twice.
    (folder / DUES).write_text(
        "title: 2026年党费收缴情况\ndate: 2026-11-20\npublished: 2026-11-23\nvisibility: 公开\nkind: 党费\nyear: 2026\n"
        "months:\n"
        "  - {month: 1, members: 27, due: 3523.45, paid: 3523.45}\n"
        "  - {month: 2, members: 27, due: 3523.45, paid: 3523.45}\n"
        "  - {month: 2, members: 27, due: 3523.45, paid: 3523.45}\n"  # 10
        "approval: {proposed_by: 王思远, proposed_on: 2026-11-20, reviewed_by: 赵国栋, reviewed_on: 2026-11-20, approved_by: 陈立群, approved_on: 2026-11-20}\n",
        encoding="utf-8",
    )
    code, lines = problems_in(folder, DUES)
    assert lines == [f"{DUES}:10:13: months[2].month: 2月重复出现（第 2 项已有）"]
    assert code == 1


def _totals_only(folder: Path, paid_february: str, back_payment: str = "") -> None:
    back = f", back_payment: {back_payment}" if back_payment else ""
    (folder / DUES).write_text(
        "title: 2026年党费收缴情况\ndate: 2026-11-20\npublished: 2026-11-23\nvisibility: 公开\nkind: 党费\nyear: 2026\n"
        "months:\n"
        "  - {month: 1, members: 27, due: 2436.80, paid: 2436.80}\n"
        f"  - {{month: 2, members: 27, due: 2436.80, paid: {paid_february}{back}}}\n"  # 9
        "approval: {proposed_by: 王思远, proposed_on: 2026-11-20, reviewed_by: 赵国栋, reviewed_on: 2026-11-20, approved_by: 陈立群, approved_on: 2026-11-20}\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "paid, back_payment, expected",
    [
        # The example: 9,436.80 paid against 2,436.80 due passed.
        ("9436.80", "", [f"{DUES}:9:49: months[1].paid: 2月实缴 9436.80 元超过应缴 2436.80 元；如含补交以前月份的党费，请写明 back_payment（补缴金额）"]),
        ("2600.00", "100.00", [f"{DUES}:9:49: months[1].paid: 2月实缴 2600.00 元超过应缴 2436.80 元与补缴 100.00 元之和"]),
        ("2536.80", "100.00", []),
    ],
    ids=["above due", "above due plus back payment", "within due plus back payment"],
)
def test_paid_within_due_unless_a_back_payment_says_why(tmp_path: Path, paid: str, back_payment: str, expected: list[str]) -> None:
    folder = demo_copy(tmp_path)
    _totals_only(folder, paid, back_payment)
    assert problems_in(folder, DUES) == (1 if expected else 0, expected)


def test_totals_written_beside_the_members_must_agree(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, DUES, "tags:\n  - 党费\n", "tags:\n  - 党费\nmonths:\n  - {month: 1, members: 27, due: 3523.45, paid: 3523.45}\n  - {month: 2, members: 27, due: 3523.45, paid: 3500.00}\n")
    code, lines = problems_in(folder, DUES)
    # The totals move the members down three lines.
    assert lines == [f"{DUES}:12:49: months[1].paid: 2月合计 3500.00 与党员明细（members）的合计 3523.45 不符", ARREARS.replace(":124:", ":127:")]
    assert code == 1


# One fault planted in the demo's dues record: (what is replaced, by what, the dues record's problems, exit code).
DUES_FAULTS = {
    "paid above due with no back payment": (
        "    back_payments: {9: 109.20, 11: 109.20}\n", "    back_payments: {11: 109.20}\n",
        [f"{DUES}:113:101: members[24].paid.9: 韩冬梅 9月交纳比每月应交 109.20 元多 109.20 元；如是补交以前月份的党费，请在 back_payments 中写明该月的补缴金额", ARREARS], 1,
    ),
    "back payment with nothing to settle": (
        "    back_payments: {9: 109.20, 11: 109.20}\n", "    back_payments: {9: 109.20, 11: 218.40}\n",
        [f"{DUES}:114:36: members[24].back_payments.11: 韩冬梅 11月登记的补缴中有 109.20 元没有此前欠交的月份可补", ARREARS], 1,
    ),
    "a month left out": (
        "{1: 237.20, 2: 237.20, 3: 237.20, 4: 237.20, 5: 237.20,", "{1: 237.20, 2: 237.20, 3: 237.20, 4: 237.20,",
        [f"{DUES}:16:11: members[0].paid: 陈立群 缺少 5月 的交纳金额（未交请写 0）", ARREARS], 1,
    ),
    # 刘晨阳 owes dues from April (admitted as a probationary member in March).
    "an amount in a month not owed": (
        "paid: {4: 84.60,", "paid: {3: 84.60, 4: 84.60,",
        [f"{DUES}:49:15: members[8].paid.3: 刘晨阳 在 3月 不需在本支部交纳党费（见 from_month / until_month），却登记了金额", ARREARS], 1,
    ),
    # No members: roster in branch.yml yet (issue 13): the roster is the party groups' members.
    "a name not on the roster": (
        "  - name: 曹丽华\n", "  - name: 曹丽\n",
        [f"{DUES}:13:3: members: 警告: 支部党员名单中的 曹丽华 没有党费记录", f"{DUES}:120:11: members[26].name: 警告: 曹丽 不在当年的支部党员名单中（branch.yml 的党员名册 members，没有名册时为各党小组的成员）", ARREARS], 0,
    ),
    "a member listed twice": (
        "  - name: 曹丽华\n", "  - name: 冯志远\n",
        [f"{DUES}:13:3: members: 警告: 支部党员名单中的 曹丽华 没有党费记录", f"{DUES}:120:11: members[26].name: 冯志远 在党员明细中重复出现（第 26 项已有）", ARREARS], 1,
    ),
    "neither a base nor a fixed amount": (
        "    base: 4520.00\n    rate: 1%\n", "    rate: 1%\n",
        [f"{DUES}:120:5: members[26]: 需写明缴费基数（base）或每月固定应交金额（due）"], 1,
    ),
    "a rate that is not a percentage": (
        "    base: 4520.00\n    rate: 1%\n", "    base: 4520.00\n    rate: 0.01\n",
        [f"{DUES}:122:11: members[26].rate: 比例应写成百分数，如 1.5%，收到“0.01”"], 1,
    ),
}


@pytest.mark.parametrize("fault", DUES_FAULTS)
def test_a_fault_in_the_dues_per_member(tmp_path: Path, fault: str) -> None:
    old, new, expected, expected_code = DUES_FAULTS[fault]
    folder = demo_copy(tmp_path)
    plant(folder, DUES, old, new)
    assert problems_in(folder, DUES) == (expected_code, expected)


def test_arrears_warned_from_the_norm_on(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, "site_config.yml", "norms:\n", "norms:\n  dues_alert_months: 7\n")
    assert finance_problems(folder) == (0, [NO_RECEIPT])
    # 韩冬梅 leaves October and November unpaid: two months, flagged from a norm of 2.
    plant(folder, "site_config.yml", "dues_alert_months: 7", "dues_alert_months: 2")
    plant(folder, DUES, "10: 0.00, 11: 218.40}", "10: 0.00, 11: 0.00}")
    plant(folder, DUES, "    back_payments: {9: 109.20, 11: 109.20}\n", "    back_payments: {9: 109.20}\n")
    assert finance_problems(folder) == (0, [
        f"{DUES}:110:11: members[24].name: 警告: 韩冬梅 已有 2 个月未交足党费（10—11月，共欠 218.40 元），达到 2 个月的提醒标准；请支部及时督促，并了解原因",
        ARREARS.replace("达到 6 个月", "达到 2 个月"),
        NO_RECEIPT,
    ])


def test_a_month_of_dues_recorded_once(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    copy = "content/finances/2026/2026-duplicate-dues.yml"
    (folder / copy).write_text((folder / DUES).read_text(encoding="utf-8"), encoding="utf-8")
    code, lines = problems_in(folder, copy)
    assert lines == [f"{copy}:6:7: year: 2026年1—11月的党费已记录在 {DUES}，同一月份只能记录一次", ARREARS.replace(DUES, copy)]
    assert code == 1


# ---------------------------------------------------------------------------
# The branch's retained share of the dues, against the funds ledgers
# ---------------------------------------------------------------------------


def test_retained_share_booked_short_by_a_cent(tmp_path: Path) -> None:
    # 1—3月 paid 10,570.35; 10% is 1,057.035, rounded half up once for the period: 1,057.04.
    folder = demo_copy(tmp_path)
    plant(folder, Q1, "    amount: 1057.04\n", "    amount: 1057.03\n")
    plant(folder, Q1, "closing_balance: 1278.64", "closing_balance: 1278.63")
    plant(folder, Q2, "opening_balance: 1278.64", "opening_balance: 1278.63")
    plant(folder, Q2, "closing_balance: 1899.52", "closing_balance: 1899.51")
    plant(folder, Q3, "opening_balance: 1899.52", "opening_balance: 1899.51")
    plant(folder, Q3, "closing_balance: 3119.52", "closing_balance: 3119.51")
    code, lines = finance_problems(folder)
    assert lines == [
        ARREARS,
        f"{Q1}:19:13: income[1].amount: 党费留存应为 1057.04 元（2026年1月至2026年3月实收党费 10570.35 元 × 留存比例 10%），本期记入 1057.03 元，少记 0.01 元",
        NO_RECEIPT,
    ]
    assert code == 1


def test_retained_share_booked_without_a_share_configured(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, "site_config.yml", "dues_retained_share: 10%", "dues_retained_share: 0")
    code, lines = finance_problems(folder)
    assert lines == [
        ARREARS,
        f"{Q1}:19:13: income[1].amount: 党费留存应为 0.00 元（2026年1月至2026年3月实收党费 10570.35 元 × 留存比例 0%），本期记入 1057.04 元，多记 1057.04 元",
        f"{Q2}:22:13: income[2].amount: 党费留存应为 0.00 元（2026年4月至2026年6月实收党费 10698.75 元 × 留存比例 0%），本期记入 1069.88 元，多记 1069.88 元",
        f"{Q3}:22:13: income[2].amount: 党费留存应为 0.00 元（2026年7月至2026年9月实收党费 10447.95 元 × 留存比例 0%），本期记入 1044.80 元，多记 1044.80 元",
        NO_RECEIPT,
    ]
    assert code == 1


def test_retained_share_of_months_without_dues_cannot_be_checked(tmp_path: Path) -> None:
    # Q4 published: December's dues are not recorded yet.
    folder = demo_copy(tmp_path)
    plant(folder, Q4, "status: 草稿\n", "")
    plant(folder, Q4, "closing_balance: 3856.52\n", "closing_balance: 3856.52\napproval: {proposed_by: 王思远, proposed_on: 2026-11-30, reviewed_by: 赵国栋, reviewed_on: 2026-11-30, approved_by: 陈立群, approved_on: 2026-11-30}\n")
    code, lines = finance_problems(folder)
    assert lines == [ARREARS, NO_RECEIPT, f"{Q4}:11:3: income: 警告: 无法核对党费留存：2026年12月的党费收缴没有记录"]
    assert code == 0


def test_retained_share_names_a_dues_record(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, Q1, "    dues: 2026-dues\n", "    dues: 2026-q2-funds\n")
    assert new_problems(folder) == (1, [f"{Q1}:20:11: income[1].dues: “2026-q2-funds”不是党费记录，dues 应写党费记录的编号"])
    plant(folder, Q1, "    dues: 2026-q2-funds\n", "    dues: 2026-dues-missing\n")
    # The other rules still run (one pass): only this line is new.
    assert new_problems(folder) == (1, [f"{Q1}:20:11: income[1].dues: 引用的财务“2026-dues-missing”不存在"])


# ---------------------------------------------------------------------------
# Expenses: large ones need an adopted decision, every one a receipt
# ---------------------------------------------------------------------------


# One fault planted in one file of the demo: (file, what is replaced, by what, the one new finance problem, exit code).
LEDGER_FAULTS = {
    "retained share not booked": (
        Q2, "    amount: 1069.88\n    dues: 2026-dues\n", "    amount: 1069.88\n",
        f"{Q2}:14:3: income: 党费留存应为 1069.88 元（2026年4月至2026年6月实收党费 10698.75 元 × 留存比例 10%），本期记入 0.00 元，少记 1069.88 元", 1,
    ),
    "large expense without a decision": (
        Q1, "    decision: 2026-02-05-study-books\n", "",
        f"{Q1}:39:13: expenses[2].amount: 单笔支出 1268.00 元超过 1000.00 元的大额标准，须经集体研究决定：请在 decision 中写明通过该支出的决策编号", 1,
    ),
    "large expense with a decision not adopted": (
        BOOKS, "result: 通过\n", "result: 暂缓\n",
        f"{Q1}:41:15: expenses[2].decision: 审批该支出的决策“2026-02-05-study-books”的结果是“暂缓”，未获通过", 1,
    ),
    "an expense without a receipt": (
        Q1, "    receipts:\n      - receipts/2026/2026-03-27-q1-office.pdf\n", "",
        f"{Q1}:52:5: expenses[4].receipts: 警告: 支出“党员活动室学习笔记本、打印纸”没有票据；请把发票或收据放在 content/attachments/ 下，并在 receipts 中列出", 0,
    ),
}


@pytest.mark.parametrize("fault", LEDGER_FAULTS)
def test_a_fault_in_a_ledger(tmp_path: Path, fault: str) -> None:
    rel, old, new, expected, expected_code = LEDGER_FAULTS[fault]
    folder = demo_copy(tmp_path)
    plant(folder, rel, old, new)
    assert finance_problems(folder) == (expected_code, sorted([ARREARS, expected, NO_RECEIPT]))


def test_large_expense_limit_is_a_norm(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, Q1, "    decision: 2026-02-05-study-books\n", "")
    plant(folder, "site_config.yml", "norms:\n", "norms:\n  large_expense_yuan: 2000\n")
    assert finance_problems(folder) == (0, [ARREARS, NO_RECEIPT])


# ---------------------------------------------------------------------------
# Approval before publication (提出 → 审核（保密审查）→ 审批) and placeholders
# ---------------------------------------------------------------------------

# One fault planted in the demo's public committee meeting: (what is replaced, by what, the one new problem).
APPROVAL_FAULTS = {
    "an approval step without its date": (
        "  reviewed_on: 2026-03-06\n", "",
        f"{MEETING}:41:3: approval: 发布前须经 提出 → 审核（保密审查）→ 审批，每步写明姓名和日期：缺少保密审查日期（或把 status 改为 草稿）",
    ),
    "approval steps out of order": (
        "  reviewed_on: 2026-03-06\n", "  reviewed_on: 2026-03-05\n",
        f"{MEETING}:44:16: approval.reviewed_on: 保密审查日期 2026-03-05 早于提出日期 2026-03-06，应按 提出 → 保密审查 → 审批 的顺序",
    ),
    "approved after publication": (
        "published: 2026-03-09\n", "published: 2026-03-05\n",
        f"{MEETING}:46:16: approval.approved_on: 审批日期 2026-03-06 晚于首次发布日期 2026-03-05，应先审批后公开",
    ),
    "a placeholder left in": (
        "location: 局机关三楼党员活动室\n", "location: 【请填写：地点】\n",
        f"{MEETING}:8:11: location: 已发布的记录中还有未填写的内容：地点（请把“【请填写：…】”换成实际内容，或把 status 改为 草稿）",
    ),
}


@pytest.mark.parametrize("fault", APPROVAL_FAULTS)
def test_a_fault_in_a_published_public_record(tmp_path: Path, fault: str) -> None:
    old, new, expected = APPROVAL_FAULTS[fault]
    folder = demo_copy(tmp_path)
    plant(folder, MEETING, old, new)
    assert new_problems(folder) == (1, [expected])
    # The same record as a draft is not published: nothing to say.
    plant(folder, MEETING, "visibility: 公开\n", "visibility: 公开\nstatus: 草稿\n")
    assert new_problems(folder) == (0, [])


def test_published_public_record_without_any_approval(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    text = (folder / MEETING).read_text(encoding="utf-8")
    (folder / MEETING).write_text(text[: text.index("approval:\n")], encoding="utf-8")
    code, lines = new_problems(folder)
    assert lines == [f"{MEETING}:1:1: approval: 发布前须经 提出 → 审核（保密审查）→ 审批，每步写明姓名和日期：缺少提出人、提出日期、保密审查人、保密审查日期、审批人、审批日期（或把 status 改为 草稿）"]
    assert code == 1
    # A draft needs none.
    plant(folder, MEETING, "visibility: 公开\n", "visibility: 公开\nstatus: 草稿\n")
    assert new_problems(folder) == (0, [])


def test_approval_required_all_and_none(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    text = (folder / MEMBERS_MEETING).read_text(encoding="utf-8")
    (folder / MEMBERS_MEETING).write_text(text[: text.index("approval:\n")], encoding="utf-8")
    assert new_problems(folder) == (0, [])  # the default asks it of public records only
    plant(folder, "site_config.yml", "norms:\n", "norms:\n  approval_required: 全部\n")
    code, lines = new_problems(folder)
    assert lines == [f"{MEMBERS_MEETING}:1:1: approval: 发布前须经 提出 → 审核（保密审查）→ 审批，每步写明姓名和日期：缺少提出人、提出日期、保密审查人、保密审查日期、审批人、审批日期（或把 status 改为 草稿）"]
    assert code == 1
    plant(folder, "site_config.yml", "approval_required: 全部", "approval_required: none")
    text = (folder / MEETING).read_text(encoding="utf-8")
    (folder / MEETING).write_text(text[: text.index("approval:\n")], encoding="utf-8")
    assert new_problems(folder) == (0, [])
    plant(folder, "site_config.yml", "approval_required: none", "approval_required: 一些")
    code, lines = new_problems(folder)
    assert lines == ["site_config.yml:11:22: norms.approval_required: “一些”不是可用的值，应为以下之一：公开（public）、全部（all）、不要求（none）"]
    assert code == 1


# ---------------------------------------------------------------------------
# openbranch new: a draft with the site's default visibility and an approval to fill in
# ---------------------------------------------------------------------------

FORMS = [
    (["meeting", "--kind", "支委会"], "content/meetings/2026/2026-12-01-branch-committee.yml"),
    (["decision"], "content/decisions/2026/2026-12-01-decision.yml"),
    (["finance", "--kind", "党费"], "content/finances/2026/2026-12-01-dues.yml"),
    (["finance", "--kind", "经费"], "content/finances/2026/2026-12-01-funds.yml"),
    (["appraisal", "--kind", "民主评议党员"], "content/appraisals/2026/2026-12-01-member-appraisal.yml"),
    (["notice", "--kind", "发展党员"], "content/notices/2026/2026-12-01-membership.yml"),
]


@pytest.mark.parametrize("args, written", FORMS, ids=[f[1].rsplit("/", 1)[-1] for f in FORMS])
def test_new_writes_a_draft_that_errs_once_published(tmp_path: Path, args: list[str], written: str) -> None:
    folder = demo_copy(tmp_path)
    code, out, err = run_cli(["new", *args, "--today", TODAY], cwd=folder)
    assert (code, out.strip()) == (0, written), err
    data = yaml.safe_load((folder / written).read_text(encoding="utf-8"))
    assert (data["status"], data["visibility"]) == ("草稿", "党内")  # the demo's default_visibility
    assert data["approval"] == {
        "proposed_by": "【请填写：提出人】", "proposed_on": None,
        "reviewed_by": "【请填写：保密审查人】", "reviewed_on": None,
        "approved_by": "【请填写：审批人】", "approved_on": None,
    }
    # As a draft it checks without an error (a draft is not published).
    code, lines = new_problems(folder)
    assert [line for line in lines if ": 警告: " not in line] == [] and code == 0, lines
    # Published, every placeholder is an error at its field (a body's at the body's line).
    plant(folder, written, "status: 草稿", "status: 已发布")
    code, lines = new_problems(folder)
    text = (folder / written).read_text(encoding="utf-8")
    errors = [line for line in lines if line.startswith(f"{written}:") and "已发布的记录中还有未填写的内容" in line]
    assert len(errors) == text.count("【请填写：") and code == 1
    first = next(n for n, line in enumerate(text.splitlines(), 1) if "【请填写：" in line)
    assert errors[0].startswith(f"{written}:{first}:")


def test_new_public_form_needs_the_approval_dates(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, "site_config.yml", "default_visibility: 党内", "default_visibility: 公开")
    written = "content/meetings/2026/2026-12-01-branch-committee.yml"
    assert run_cli(["new", "meeting", "--today", TODAY], cwd=folder)[1].strip() == written
    assert yaml.safe_load((folder / written).read_text(encoding="utf-8"))["visibility"] == "公开"
    plant(folder, written, "status: 草稿", "status: 已发布")
    code, lines = new_problems(folder)
    line = next(n for n, text in enumerate((folder / written).read_text(encoding="utf-8").splitlines(), 1) if text.startswith("approval:"))
    assert f"{written}:{line + 1}:3: approval: 发布前须经 提出 → 审核（保密审查）→ 审批，每步写明姓名和日期：缺少提出日期、保密审查日期、审批日期（或把 status 改为 草稿）" in lines
    assert code == 1


def test_new_forms_in_english_are_valid_drafts(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, "site_config.yml", "language: zh", "language: en")
    for args, written in FORMS:
        kind = {"支委会": "branch_committee", "党费": "dues", "经费": "funds", "民主评议党员": "member_appraisal", "发展党员": "membership"}
        english = [kind.get(a, a) for a in args]
        code, out, err = run_cli(["new", *english, "--today", TODAY], cwd=folder)
        assert code == 0, err
        data = yaml.safe_load((folder / out.strip()).read_text(encoding="utf-8"))
        assert (data["status"], data["visibility"]) == ("draft", "members")
        assert data["approval"]["approved_by"] == "【fill in: who approves it】"
    code, out, err = run_cli(["check", "--today", TODAY], cwd=folder)
    assert "\n0 error(s), " in "\n" + out, out + err


# ---------------------------------------------------------------------------
# Pages and data files, from a real build of the demo
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("money")
    return build_ok(copy_demo(root / "site"), root / "out", TODAY)


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_members_dues_page_shows_each_member_and_flags_arrears(built: Path) -> None:
    page = (built / "members/finances/2026/2026-dues/index.html").read_text(encoding="utf-8")
    text = _text(built / "members/finances/2026/2026-dues/index.html")
    assert "党员交纳明细" in text and "欠交党费提醒" in text
    assert re.search(r"彭海峰 已达提醒标准 8,360\.00 1\.5% 125\.40 1,379\.40 627\.00 752\.40 6 个月（6月—11月）", text), text[:2000]
    assert re.search(r"韩冬梅 7,280\.00 1\.5% 109\.20 1,201\.20 1,201\.20 已交足", text)
    assert re.search(r"刘晨阳 5,640\.00 1\.5% 84\.60 676\.80 676\.80 已交足", text)  # April to November
    assert re.search(r"9月 28 3,608\.05 3,591\.85 109\.20 99\.6%", text)
    assert page.count("ob-status--missed") == 1


def test_public_dues_page_shows_monthly_totals_only(built: Path) -> None:
    text = _text(built / "public/finances/2026/2026-dues/index.html")
    assert re.search(r"合计 39,434\.75 38,682\.35 218\.40 98\.1%", text)
    for hidden in ("党员交纳明细", "彭海峰", "8,360.00", "752.40", "欠交党费提醒", "已达提醒标准"):
        assert hidden not in text
    public = json.loads((built / "public/finances/2026/2026-dues.json").read_text(encoding="utf-8"))
    assert public["members"] == [] and len(public["months"]) == 11
    members = json.loads((built / "members/finances/2026/2026-dues.json").read_text(encoding="utf-8"))
    assert len(members["members"]) == 28 and members["months"] == public["months"]


def test_dues_csv_and_the_members_only_csv(built: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((built / "public/data/dues.csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert [(r["month"], r["members"], r["due"], r["paid"], r["back_payment"]) for r in rows][7:9] == [("8", "28", "3608.05", "3373.45", ""), ("9", "28", "3608.05", "3591.85", "109.20")]
    assert not (built / "public/data/dues-members.csv").exists()
    members = list(csv.DictReader(io.StringIO((built / "members/data/dues-members.csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert len(members) == 28
    assert members[-1] == {
        "ledger_id": "2026-dues", "year": "2026", "name": "彭海峰", "base": "8360.00", "rate": "1.5%", "monthly_due": "125.40",
        "due": "1379.40", "paid": "627.00", "months_unpaid": "6", "unpaid": "752.40",
    }
    assert "data/dues-members.csv" in _text(built / "members/data/index.html")
    assert "data/dues-members.csv" not in _text(built / "public/data/index.html")


def test_no_dues_file_where_the_audience_sees_no_dues(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    plant(folder, DUES, "visibility: 公开", "visibility: 党内")
    out = build_ok(folder / "site_config.yml", tmp_path / "out", TODAY)
    assert not (out / "public/data/dues.csv").exists()
    assert "data/dues.csv" not in _text(out / "public/data/index.html")
    assert "党费收缴：每个党费账目的每月一行" not in _text(out / "public/data/index.html")
    assert (out / "members/data/dues.csv").is_file()
    # The ledger still names the dues record; the public copy drops the id it may not see.
    q1 = json.loads((out / "public/finances/2026/2026-q1-funds.json").read_text(encoding="utf-8"))
    assert [i["dues"] for i in q1["income"]] == [None, None]
    # The public page cannot reconcile what it cannot see: no reconciliation line.
    assert "核对一致" not in _text(out / "public/finances/2026/2026-q1-funds/index.html")


def test_funds_page_shows_receipts_the_share_and_the_large_expense(built: Path) -> None:
    text = _text(built / "public/finances/2026/2026-q1-funds/index.html")
    assert "党费留存 2026年1月至2026年3月实收党费 10,570.35 元 × 留存比例 10% = 1,057.04 元；本期记入收入 1,057.04 元。 核对一致" in text
    assert re.search(r"1,268\.00 大额", text)
    books = CONTENT_DIR / "attachments/receipts/2026/2026-03-06-books.pdf"
    digest = hashlib.sha256(books.read_bytes()).hexdigest()
    size = books.stat().st_size
    assert re.search(rf"2026年3月6日 购置2026年度党员学习书籍28册 2026-03-06-books\.pdf {size} B {digest}", text)
    q3 = _text(built / "members/finances/2026/2026-q3-funds/index.html")
    assert "2026年9月18日 党建宣传栏展板更换 无票据" in q3


def test_record_json_lists_each_receipt_with_size_and_hash(built: Path) -> None:
    data = json.loads((built / "public/finances/2026/2026-q1-funds.json").read_text(encoding="utf-8"))
    books = CONTENT_DIR / "attachments/receipts/2026/2026-03-06-books.pdf"
    assert {
        "field": "expenses[2].receipts[0]",
        "file": "receipts/2026/2026-03-06-books.pdf",
        "name": "2026-03-06-books.pdf",
        "url": "https://dwgk.example.org/attachments/receipts/2026/2026-03-06-books.pdf",
        "size": books.stat().st_size,
        "sha256": hashlib.sha256(books.read_bytes()).hexdigest(),
    } in data["files"]
    assert len(data["files"]) == 5


def test_record_pages_show_the_three_approval_steps_with_dates(built: Path) -> None:
    text = _text(built / "public/meetings/2026/2026-03-05-branch-committee/index.html")
    assert "公开审批 提出 王思远 2026年3月6日 保密审查 赵国栋 2026年3月6日 审批 陈立群 2026年3月6日" in text
