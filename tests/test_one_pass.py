"""One pass (issue 13, item 8): the rules run on every record that loaded, even when other files have errors.

A worker fixing one schema error must not find a new rule error on the next
run, and a file with errors must not make the records that name it look
wrong: no "引用的会议不存在" for a meeting that exists but does not validate,
no broken balance chain across a ledger that did not load, no "no election"
while the election notice is the file with the error.  Faults are planted in
a copy of the demo and checked through the real command, line by line.
"""

from __future__ import annotations

from pathlib import Path

from .helpers import DEMO_WARNINGS, demo_site, plant, run_cli

TODAY = "2026-12-01"
ASSEMBLY = "content/meetings/2026/2026-03-26-general-assembly.yml"
DENG = "content/notices/2026/2026-11-18-membership-deng.yml"
FUNDS_Q2 = "content/finances/2026/2026-q2-funds.yml"
ELECTION_NOTICES = ("content/notices/2026/2026-05-18-election-candidates.yml", "content/notices/2026/2026-06-15-election-results.yml")


def line_of(text: str, start: str) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert len(hits) == 1, (start, hits)
    return hits[0]


def problems(site: Path) -> tuple[int, list[str]]:
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", TODAY], cwd=site)
    assert "Traceback" not in err, err
    return code, [line for line in (out + err).splitlines() if line.startswith("content/") and line not in DEMO_WARNINGS]



def test_a_schema_error_and_a_rule_error_are_reported_in_one_run(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    meeting = plant(site, ASSEMBLY, "kind: 党员大会\n", "kind: 党员代表大会\n")
    notice = plant(site, DENG, "end: 2026-11-24\n", "end: 2026-11-20\n")
    code, lines = problems(site)
    assert code == 1
    assert lines == [
        f"{ASSEMBLY}:{line_of(meeting, 'kind:')}:7: kind: “党员代表大会”不是可用的值，应为以下之一：党员大会（general_assembly）、支委会（branch_committee）、党小组会（group_meeting）、党课（party_lesson）、主题党日（theme_day）、组织生活会（organizational_life）、民主生活会（democratic_life）、其他会议（other）",
        f"{DENG}:{line_of(notice, 'end:')}:6: end: 公示期只有 3 个工作日，少于规定的 5 个工作日",
    ]


def test_a_decision_naming_a_meeting_with_errors_is_not_told_the_meeting_is_missing(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    text = plant(site, ASSEMBLY, "date: 2026-03-26\n", "date: 2026-3-26\n")
    code, lines = problems(site)
    # Only the meeting's own error; content/decisions/2026/2026-03-26-admit-liu.yml names it and is fine.
    assert lines == [f"{ASSEMBLY}:{line_of(text, 'date:')}:7: date: 日期应写成 YYYY-MM-DD（如 2025-03-07），收到“2026-3-26”"]
    assert code == 1


def test_a_reference_to_nothing_is_still_an_error(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    decision = "content/decisions/2026/2026-03-26-admit-liu.yml"
    text = plant(site, decision, "meeting: 2026-03-26-general-assembly\n", "meeting: 2026-03-27-general-assembly\n")
    code, lines = problems(site)
    assert lines == [f"{decision}:{line_of(text, 'meeting:')}:10: meeting: 引用的会议“2026-03-27-general-assembly”不存在"]
    assert code == 1


def test_no_broken_chain_across_a_ledger_with_errors(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    text = plant(site, FUNDS_Q2, "opening_balance: 1278.64\n", "opening_balance: 1278.645\n")
    code, lines = problems(site)
    # Q3 opens with Q2's closing; with Q2 unread, Q1's closing is not Q3's opening, and no rule says so.
    assert lines == [f"{FUNDS_Q2}:{line_of(text, 'opening_balance:')}:18: opening_balance: 金额最多两位小数，收到“1278.645”"]
    assert code == 1


def test_no_missing_election_while_the_election_notices_have_errors(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    plant(site, "content/branch.yml", "  start: 2026-06-20\n  end: 2029-06-19\n", "  start: 2021-06-01\n  end: 2026-05-31\n")
    expected = []
    for rel in ELECTION_NOTICES:
        text = plant(site, rel, "kind: 选举\n", "kind: 换届选举\n")
        expected.append(f"{rel}:{line_of(text, 'kind:')}:7: kind: “换届选举”不是可用的值，应为以下之一：发展党员（membership）、选举（election）、评议结果（appraisal）、其他（other）")
    code, lines = problems(site)
    assert lines == expected
    assert code == 1
