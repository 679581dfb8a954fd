"""Opinions (意见建议) and elections (换届选举), issue 15: rules planted in a copy of the demo, figures, pages, data.

Each rule's test plants one fault in a copy of the demo (``copy_demo``) and
asserts the exact ``path:line:column: field: message`` line the real
``openbranch check`` prints, beside the warnings the demo shows on purpose
(``DEMO_WARNINGS``); the same copy with the fault undone shows none.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import yaml

from .helpers import BRANCH, DEMO_WARNINGS, build_ok, copy_demo, demo_site, plant_line, run_cli

TODAY = "2026-12-01"
OPINIONS = "content/opinions/2026"
COMMITTEE = "content/elections/2026/2026-06-12-committee.yml"



def _check(site: Path, today: str = TODAY, *extra: str) -> tuple[int, list[str]]:
    """``openbranch check --today TODAY``: its exit code and the problem lines besides the demo's intended warnings."""
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", today, *extra], cwd=site)
    assert "Traceback" not in err, err
    # A later --today also makes the other records' own deadlines pass (a year's responsibility lists,
    # the disclosure catalogue's periods): those rules have their own tests, so their lines are left out here.
    others = ("年度的责任清单", "responsibility list for", "公开目录", "catalogue item")
    return code, [
        line for line in (out + err).splitlines()
        if line.startswith(("content/", "site_config.yml")) and line not in DEMO_WARNINGS and not any(word in line for word in others)
    ]


def _norms(site: Path, **norms: object) -> None:
    config = site / "site_config.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["norms"] = {**data.get("norms", {}), **norms}
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# ---------------------------------------------------------------------------
# The demo
# ---------------------------------------------------------------------------


def test_the_demo_checks_with_only_its_intended_warnings(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    code, out, err = run_cli(["check", "--strict", "-c", site / "site_config.yml", "--today", TODAY], cwd=site)
    lines = [line for line in (out + err).splitlines() if line.startswith("content/")]
    assert lines == sorted(DEMO_WARNINGS), out + err
    assert code == 1  # --strict fails on the intended warnings
    assert _check(site) == (0, [])


# ---------------------------------------------------------------------------
# Opinions: a reply is due norms.opinion_reply_working_days working days after receipt
# ---------------------------------------------------------------------------


def test_an_unanswered_opinion_past_its_due_date_is_warned_about(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    rel = f"{OPINIONS}/2026-11-16-volunteer-times.yml"
    # Received 2 November: 15 working days from the 3rd end on 23 November.
    line = plant_line(site, rel, "date: 2026-11-16\n", "date: 2026-11-02\n")
    assert _check(site) == (0, [f"{rel}:{line}:7: date: 警告: 尚未答复，已超过答复期限 2026-11-23（收到后 15 个工作日）"])
    # On its due date it is not overdue yet.
    assert _check(site, "2026-11-23") == (0, [])


def test_a_late_reply_is_warned_about_and_counted_in_working_days(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    rel = f"{OPINIONS}/2026-04-15-policy-briefing.yml"
    # Received 15 April: the 15th working day after it is Saturday 9 May, a make-up workday (调休上班) after the May Day holiday.
    line = plant_line(site, rel, "replied_on: 2026-04-24\n", "replied_on: 2026-05-11\n")
    assert _check(site) == (0, [f"{rel}:{line}:13: replied_on: 警告: 答复日期 2026-05-11 晚于答复期限 2026-05-09（收到后 15 个工作日）"])
    (site / rel).write_text((site / rel).read_text(encoding="utf-8").replace("replied_on: 2026-05-11", "replied_on: 2026-05-09"), encoding="utf-8")
    assert _check(site) == (0, [])


def test_a_closed_opinion_needs_its_reply_date(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    rel = f"{OPINIONS}/2026-04-15-policy-briefing.yml"
    plant_line(site, rel, "replied_on: 2026-04-24\n", "")
    line = next(n for n, text in enumerate((site / rel).read_text(encoding="utf-8").splitlines(), 1) if text.startswith("handling:"))
    assert _check(site) == (1, [f"{rel}:{line}:11: handling: 办理状态为“已说明”，但没有填写答复日期 replied_on"])


def test_a_reply_before_the_opinion_was_received_is_an_error(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    rel = f"{OPINIONS}/2026-04-15-policy-briefing.yml"
    line = plant_line(site, rel, "replied_on: 2026-04-24\n", "replied_on: 2026-04-14\n")
    assert _check(site) == (1, [f"{rel}:{line}:13: replied_on: 答复日期 2026-04-14 早于收到日期 2026-04-15"])


def test_the_reply_period_is_a_norm(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    _norms(site, opinion_reply_working_days=30)
    code, out, _ = run_cli(["check", "-c", site / "site_config.yml", "--today", TODAY], cwd=site)
    lines = [line for line in out.splitlines() if line.startswith("content/opinions/")]
    # The late reply of 24 July is in time within 30 working days; the unanswered one is still overdue, from a later date.
    assert lines == ["content/opinions/2026/2026-10-19-online-dues.yml:2:7: date: 警告: 尚未答复，已超过答复期限 2026-11-30（收到后 30 个工作日）"], out


def test_a_reply_period_in_a_year_without_holiday_data_says_it_is_estimated(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    (site / "content/opinions/2027").mkdir()
    rel = "content/opinions/2027/2027-03-01-estimated.yml"
    (site / rel).write_text(
        "title: 关于活动室开放时间的建议\ndate: 2027-03-01\nvisibility: 公开\nchannel: 意见箱\nraised_by:\n  role: 群众\nsubject: 活动室开放时间\n"
        "approval:\n  proposed_by: 王思远\n  proposed_on: 2027-03-05\n  reviewed_by: 赵国栋\n  reviewed_on: 2027-03-05\n  approved_by: 陈立群\n  approved_on: 2027-03-05\npublished: 2027-03-05\n",
        encoding="utf-8",
    )
    code, lines = _check(site, "2027-04-01")
    opinion_lines = [line for line in lines if line.startswith(rel)]
    assert opinion_lines == [f"{rel}:2:7: date: 警告: 尚未答复，已超过按周一至周五估算的答复期限 2027-03-22（收到后 15 个工作日；请在 site_config.yml 的 holidays: 中填写节假日）"]


# ---------------------------------------------------------------------------
# Elections: 差额, majority, ballots
# ---------------------------------------------------------------------------


def test_a_committee_election_with_too_few_candidates_is_an_error(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    plant_line(site, COMMITTEE, "  - name: 刘洋\n    votes: 11\n", "")
    assert _check(site) == (1, [f"{COMMITTEE}:18:3: candidates: 候选人 5 人，应选 5 人：差额选举的候选人数至少应为应选人数的 1＋1/5，即 6 人"])
    # The margin is a norm: with none, five candidates for five seats pass.
    _norms(site, election_margin="0")
    assert _check(site) == (0, [])


def test_the_margin_rounds_up_to_whole_candidates(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    # 5 seats × 1.3 = 6.5: six candidates are too few, in both committee elections; the secretary's (one candidate, one seat) is not 差额.
    _norms(site, election_margin="0.3")
    assert _check(site) == (1, [
        f"content/elections/2024/2024-06-15-committee.yml:17:3: candidates: 候选人 6 人，应选 5 人：差额选举的候选人数至少应为应选人数的 1＋3/10，即 7 人",
        f"{COMMITTEE}:18:3: candidates: 候选人 6 人，应选 5 人：差额选举的候选人数至少应为应选人数的 1＋3/10，即 7 人",
    ])


def test_elected_without_more_than_half_of_the_eligible_voters_is_an_error(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    # 25 eligible voters: more than half is at least 13 votes.
    plant_line(site, COMMITTEE, "    votes: 19\n", "    votes: 12\n")
    assert _check(site) == (1, [f"{COMMITTEE}:35:5: elected[4]: 孙雨桐 得 12 票，未超过有选举权的党员 25 人的 1/2（至少 13 票），不能当选"])
    (site / COMMITTEE).write_text((site / COMMITTEE).read_text(encoding="utf-8").replace("    votes: 12\n", "    votes: 13\n"), encoding="utf-8")
    assert _check(site) == (0, [])


def test_the_majority_is_a_norm(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    # More than 4/5 of 25 is at least 21 votes: 孙雨桐's 19 are not enough (nor, of 24 in 2024, 18 and 17).
    _norms(site, election_majority="4/5")
    assert _check(site) == (1, [
        "content/elections/2024/2024-06-15-committee.yml:33:5: elected[3]: 李晓梅 得 18 票，未超过有选举权的党员 24 人的 4/5（至少 20 票），不能当选",
        "content/elections/2024/2024-06-15-committee.yml:34:5: elected[4]: 赵国栋 得 17 票，未超过有选举权的党员 24 人的 4/5（至少 20 票），不能当选",
        f"{COMMITTEE}:35:5: elected[4]: 孙雨桐 得 19 票，未超过有选举权的党员 25 人的 4/5（至少 21 票），不能当选",
    ])


def test_elected_must_be_a_candidate_and_no_more_than_the_seats(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    plant_line(site, COMMITTEE, "  - 孙雨桐\n", "  - 孙雨桐\n  - 刘阳\n")
    assert _check(site) == (1, [
        f"{COMMITTEE}:31:3: elected: 当选 6 人，多于应选的 5 人",
        f"{COMMITTEE}:36:5: elected[5]: 当选人“刘阳”不在候选人名单中",
    ])


def test_ballots_add_up(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    plant_line(site, COMMITTEE, "  returned: 25\n  valid: 25\n", "  returned: 26\n  valid: 24\n")
    assert _check(site) == (1, [
        f"{COMMITTEE}:15:13: ballots.returned: 收回选票 26 张，多于发出的 25 张",
        f"{COMMITTEE}:19:12: candidates[0].votes: 陈立群 得 25 票，多于有效选票 24 张",
    ])


def test_the_plan_is_approved_before_the_election(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    line = plant_line(site, COMMITTEE, "  date: 2026-05-14\n", "  date: 2026-06-13\n")
    assert _check(site) == (1, [f"{COMMITTEE}:{line}:9: plan_approval.date: 选举方案的批复日期 2026-06-13 晚于选举日期 2026-06-12"])


# ---------------------------------------------------------------------------
# The term: from the latest election, else branch.yml; warned norms.transition_warning_days before its end
# ---------------------------------------------------------------------------


def _term_lines(site: Path, today: str) -> tuple[int, list[str]]:
    code, lines = _check(site, today)
    return code, [line for line in lines if line.startswith(("content/elections/", "content/branch.yml"))]


def test_a_term_ending_within_the_warning_window_is_warned_about(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    # The latest election's term ends 2029-06-19: 90 days before is 2029-03-21.
    assert _term_lines(site, "2029-03-20") == (0, [])
    assert _term_lines(site, "2029-03-21") == (0, [f"{COMMITTEE}:38:8: term.end: 警告: 本届任期将于 2029-06-19 届满（还有 90 天），请按期做好换届选举准备"])
    code, lines = _term_lines(site, "2029-06-19")
    assert lines == [f"{COMMITTEE}:38:8: term.end: 警告: 本届任期将于 2029-06-19 届满（还有 0 天），请按期做好换届选举准备"]


def test_a_term_past_its_end_is_an_error(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    code, lines = _term_lines(site, "2029-06-20")
    assert (code, lines) == (1, [f"{COMMITTEE}:38:8: term.end: 本届任期已于 2029-06-19 届满（逾期 1 天），尚未记录换届选举"])


def test_the_warning_window_is_a_norm(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    _norms(site, transition_warning_days=30)
    assert _term_lines(site, "2029-05-19") == (0, [])
    assert _term_lines(site, "2029-05-20") == (0, [f"{COMMITTEE}:38:8: term.end: 警告: 本届任期将于 2029-06-19 届满（还有 30 天），请按期做好换届选举准备"])


def test_without_an_election_record_the_term_is_branch_ymls(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    shutil.rmtree(site / "content/elections")
    # branch.yml says the same term; its line is the one named.
    # The term's end in branch.yml (after the roster): its line, found as the file has it.
    end_line = next(n for n, line in enumerate((site / "content/branch.yml").read_text(encoding="utf-8").splitlines(), 1) if line.startswith("  end:"))
    assert _term_lines(site, "2029-06-20") == (1, [f"content/branch.yml:{end_line}:8: term.end: 本届任期已于 2029-06-19 届满（逾期 1 天），尚未记录换届选举"])


def test_the_latest_election_overrides_an_old_term_in_branch_yml(tmp_path: Path) -> None:
    site = demo_site(tmp_path)
    plant_line(site, "content/branch.yml", "  start: 2026-06-20\n  end: 2029-06-19\n", "  start: 2024-06-15\n  end: 2026-06-14\n")
    assert _term_lines(site, TODAY) == (0, [])
    # Without the 2026 election, the 2024 one gives the term, which has ended.
    (site / COMMITTEE).unlink()
    assert _term_lines(site, TODAY) == (1, ["content/elections/2024/2024-06-15-committee.yml:37:8: term.end: 本届任期已于 2026-06-14 届满（逾期 170 天），尚未记录换届选举"])


# ---------------------------------------------------------------------------
# `openbranch new`: the forms check clean as written, in both languages
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("record_type, path", [("opinion", "content/opinions/2026/2026-03-05-opinion.yml"), ("election", "content/elections/2026/2026-03-05-committee.yml")])
def test_new_writes_a_form_that_checks_clean(site, language: str, record_type: str, path: str) -> None:
    folder = site({"content/branch.yml": BRANCH}, config={"language": language})
    code, out, err = run_cli(["new", record_type, "--today", "2026-03-05"], cwd=folder)
    assert code == 0, err
    assert out.strip() == path
    code, out, err = run_cli(["check", "--strict", "--today", "2026-03-05"], cwd=folder)
    assert code == 0, out + err


def test_new_opinion_refuses_a_kind(site) -> None:
    folder = site({"content/branch.yml": BRANCH})
    code, _, err = run_cli(["new", "opinion", "--kind", "意见箱", "--today", "2026-03-05"], cwd=folder)
    assert code == 2
    assert "此类记录没有“kind”，请去掉 --kind" in err


# ---------------------------------------------------------------------------
# Pages and data of the built demo
# ---------------------------------------------------------------------------


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_opinion_section_shows_counts_timeliness_and_median(demo_out: Path) -> None:
    members = _text(demo_out / "members/opinions/index.html")
    # Seven opinions: 2 办理中, 3 已解决, 1 已上报, 1 已说明; 4 of the 6 answered or past due were on time; replies took 6, 7, 12, 15 and 24 working days.
    for expected in ("66.7%", "已答复或已到期的 6 条中 4 条按期答复", "5 条已答复", ">12 <span class=\"ob-figure__unit\">"):
        assert expected in members, expected
    public = _text(demo_out / "public/opinions/index.html")
    # The public sees six (the talk is members-only): 3 of 5 on time; the median of 6, 7, 12 and 24 is 9.5.
    for expected in ("60.0%", "已答复或已到期的 5 条中 3 条按期答复", ">9.5 <span class=\"ob-figure__unit\">"):
        assert expected in public, expected
    for status in ("in_progress", "resolved", "reported", "explained"):
        assert (demo_out / f"public/opinions/status/{status}/index.html").is_file()


def test_an_opinion_givers_name_is_on_the_members_site_only(demo_out: Path) -> None:
    page = "opinions/2026/2026-01-20-field-teaching/index.html"
    assert "张静怡" in _text(demo_out / "members" / page)
    assert "张静怡" not in _text(demo_out / "public" / page)
    assert "张静怡" not in _text(demo_out / "public/opinions/2026/2026-01-20-field-teaching.json")
    assert "党员" in _text(demo_out / "public" / page)


def test_opinions_csv_has_a_row_per_opinion_and_no_names(demo_out: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((demo_out / "public/data/opinions.csv").read_bytes().decode("utf-8-sig"))))
    assert [r["opinion_id"] for r in rows] == [
        "2026-01-20-field-teaching", "2026-03-09-lunch-hours", "2026-04-15-policy-briefing", "2026-06-22-library", "2026-10-19-online-dues", "2026-11-16-volunteer-times",
    ]
    assert [r["on_time"] for r in rows] == ["yes", "yes", "yes", "no", "no", ""]
    assert rows[3]["due"] == "2026-07-13" and rows[3]["working_days"] == "24"
    assert rows[1]["raised_by"] == "public" and "王桂芳" not in (demo_out / "public/data/opinions.csv").read_text(encoding="utf-8-sig")


def test_elections_csv_has_a_row_per_candidate(demo_out: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((demo_out / "public/data/elections.csv").read_bytes().decode("utf-8-sig"))))
    committee = [r for r in rows if r["election_id"] == "2026-06-12-committee"]
    assert [(r["candidate"], r["votes"], r["elected"]) for r in committee][-2:] == [("孙雨桐", "19", "yes"), ("刘洋", "11", "no")]
    assert len(rows) == 6 + 6 + 1 + 1


def test_both_home_pages_show_the_current_term_from_the_latest_election(demo_out: Path) -> None:
    for audience in ("public", "members"):
        home = _text(demo_out / audience / "index.html")
        assert "2026年6月20日 至 2029年6月19日" in home
        assert "任期内" in home
        assert 'href="elections/2026/2026-06-12-committee/"' in home


def test_both_home_pages_show_a_transition_that_is_due(tmp_path: Path) -> None:
    # An overdue term is an error, which stops the build: the state a published site can show is "due".
    out = build_ok(copy_demo(tmp_path / "site"), tmp_path / "out", "2029-04-01")
    for audience in ("public", "members"):
        home = _text(out / audience / "index.html")
        assert "即将届满" in home
        assert "本届任期将于 2029年6月19日 届满，还有 79 天，应按期进行换届选举。" in home
        assert "ob-term--due" in home
