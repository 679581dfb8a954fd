"""Working days (issue 13, item 6): one holiday calendar for every rule and page that counts them.

The calendar (``generator.workdays``) is the ``chinesecalendar`` library under
the days ``site_config.yml`` lists in ``holidays:``; a year neither knows is
counted Monday to Friday and said to be an estimate.  The rules and pages are
checked on a copy of the demo with one fault planted, through the real
command, asserting the exact line; the pages are read from real builds.

The 2027 holidays written below are made up for the tests (a Spring Festival
from Saturday 6 to Saturday 13 February, Sunday 14 February worked); they are
not the State Council's announcement.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import chinese_calendar
import pytest
import yaml

from generator.workdays import LIBRARY_CALENDAR, WorkCalendar, YearDays, library_covers

from .helpers import DEMO_FINANCE_WARNINGS_EN, DEMO_LATE_DISCLOSURE, DEMO_LATE_DISCLOSURE_EN, DEMO_MEETING_WARNINGS_EN, DEMO_WARNINGS, build_ok, copy_demo, run_cli

TODAY = "2026-12-01"
DENG = "content/notices/2026/2026-11-18-membership-deng.yml"
NEW_NOTICE = "content/notices/2027/2027-02-04-membership-song.yml"

# Made-up 2027 holidays (see the module docstring), as a site writes them.
HOLIDAYS_2027 = (
    "holidays:\n"
    "  2027:\n"
    "    days_off: [2027-01-01, 2027-02-06 至 2027-02-13]\n"
    "    workdays: [2027-02-14]\n"
)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def line_of(text: str, start: str) -> int:
    """The 1-based number of the one line of ``text`` that starts with ``start``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert len(hits) == 1, (start, hits)
    return hits[0]


def demo(tmp_path: Path, name: str = "site") -> Path:
    """A copy of the demo in ``tmp_path/name``; returns the site folder."""
    folder = tmp_path / name
    copy_demo(folder)
    return folder


def set_holidays(site: Path, holidays: str) -> str:
    """Add the ``holidays:`` block (YAML text) to the copy's site_config.yml; returns the file's text."""
    config = site / "site_config.yml"
    text = config.read_text(encoding="utf-8") + holidays
    config.write_text(text, encoding="utf-8")
    return text


def check(site: Path, *extra: str, today: str = TODAY) -> tuple[int, list[str], str]:
    code, out, err = run_cli(["check", "-c", site / "site_config.yml", "--today", today, *extra], cwd=site)
    assert "Traceback" not in err, err
    lines = [line for line in (out + err).splitlines() if line.startswith(("content/", "site_config.yml")) and line not in DEMO_WARNINGS]
    return code, lines, out + err


# ---------------------------------------------------------------------------
# The calendar
# ---------------------------------------------------------------------------


def test_the_library_knows_2026_and_not_2027() -> None:
    # What the tests below rely on, asked of the library rather than assumed.
    assert library_covers(2026) and library_covers(2004)
    assert not library_covers(2027) and not library_covers(2003)
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(d("2027-02-08"))


def test_library_years_are_counted_with_holidays_and_make_up_days() -> None:
    # National Day 2026: 10-01 to 10-07 off, Saturday 10-10 worked.
    count = LIBRARY_CALENDAR.count(d("2026-09-30"), d("2026-10-12"))
    assert (count.days, count.exact) == (5, True)  # 09-30, 10-08, 10-09, Saturday 10-10, 10-12
    assert LIBRARY_CALENDAR.count(d("2026-10-08"), d("2026-10-11")).days == 3
    assert LIBRARY_CALENDAR.deadline(d("2026-09-30"), 5).day == d("2026-10-12")
    assert LIBRARY_CALENDAR.count(d("2026-10-12"), d("2026-10-11")).days == 0


def test_a_year_without_data_is_counted_monday_to_friday_and_says_so() -> None:
    count = LIBRARY_CALENDAR.count(d("2027-02-04"), d("2027-02-15"))
    assert (count.days, count.estimated_years, count.exact) == (8, (2027,), False)
    across = LIBRARY_CALENDAR.count(d("2026-12-28"), d("2027-01-08"))
    assert across.estimated_years == (2027,)
    # 2026's 12-28…12-31 from the library, then 2027's weekdays 01-01 (a Friday, New Year's Day:
    # exactly what an estimate gets wrong) and 01-04…01-08.
    assert across.days == 4 + 6


def test_configured_days_override_the_library_and_cover_a_new_year() -> None:
    calendar = WorkCalendar(
        {
            2027: YearDays(days_off=frozenset({d("2027-02-08"), d("2027-02-09")}), workdays=frozenset({d("2027-02-14")})),
            # A local day off in a year the library knows, and a Saturday of its National Day holiday worked.
            2026: YearDays(days_off=frozenset({d("2026-03-18")}), workdays=frozenset({d("2026-10-03")})),
        }
    )
    count = calendar.count(d("2027-02-04"), d("2027-02-15"))
    assert (count.days, count.exact) == (8 - 2 + 1, True)
    assert calendar.count(d("2026-03-16"), d("2026-03-20")).days == 4
    assert calendar.is_workday(d("2026-10-03")) and not LIBRARY_CALENDAR.is_workday(d("2026-10-03"))
    assert calendar.covers(2027) and not calendar.covers(2028)


# ---------------------------------------------------------------------------
# site_config.yml holidays: typed and checked
# ---------------------------------------------------------------------------


def test_holiday_mistakes_are_reported_at_their_line(tmp_path: Path) -> None:
    site = demo(tmp_path)
    text = set_holidays(
        site,
        "holidays:\n"
        "  2028:\n"
        "    days_off: [2028-02-05/2028-02-01]\n"
        "  20x9:\n"
        "    days_off: []\n",
    )
    code, lines, output = check(site)
    assert code == 1, output
    # The types first: a span that ends before it starts, a year that is not one.
    assert lines == [
        f"site_config.yml:{line_of(text, '    days_off: [2028')}:16: holidays.2028.days_off[0]: 日期段“2028-02-05/2028-02-01”的结束日期早于开始日期",
        f"site_config.yml:{line_of(text, '  20x9:')}:3: holidays.20x9: 年份应为四位数字，如 2027，收到“20x9”",
    ]
    fixed = demo(tmp_path, "fixed")
    text = set_holidays(
        fixed,
        "holidays:\n"
        "  2027:\n"
        "    days_off:\n"
        "      - 2027-02-06 至 2027-02-13\n"
        "      - 2026-12-31\n"
        "    workdays:\n"
        "      - 2027-02-14\n"
        "      - 2027-02-15\n"
        "      - 2027-02-13\n",
    )
    code, lines, output = check(fixed)
    assert code == 1, output
    # Then what only the year and both lists together show.
    assert lines == [
        f"site_config.yml:{line_of(text, '      - 2026-12-31')}:9: holidays.2027.days_off[1]: 日期“2026-12-31”不在 2027 年内",
        f"site_config.yml:{line_of(text, '      - 2027-02-15')}:9: holidays.2027.workdays[1]: 2027-02-15 不是周六或周日：调休上班日只能是周末",
        f"site_config.yml:{line_of(text, '      - 2027-02-13')}:9: holidays.2027.workdays[2]: 2027-02-13 同时写在放假日期和调休上班日期中",
    ]


# ---------------------------------------------------------------------------
# The membership notice rule
# ---------------------------------------------------------------------------


def test_the_demo_checks_clean_but_for_the_warnings_it_shows() -> None:
    from .helpers import DEMO_CONFIG

    code, out, err = run_cli(["check", "-c", DEMO_CONFIG, "--strict", "--today", TODAY], cwd=DEMO_CONFIG.parent)
    lines = [line for line in (out + err).splitlines() if line.startswith(("content/", "site_config.yml"))]
    assert sorted(lines) == sorted(DEMO_WARNINGS), out + err
    assert code == (1 if DEMO_WARNINGS else 0)
    # Its notices are long enough: the membership ones run five working days.
    assert LIBRARY_CALENDAR.count(d("2026-03-16"), d("2026-03-20")).days == 5
    assert LIBRARY_CALENDAR.count(d("2026-11-18"), d("2026-11-24")).days == 5


def test_a_membership_notice_shorter_than_the_norm_is_an_error(tmp_path: Path) -> None:
    site = demo(tmp_path)
    path = site / DENG
    text = path.read_text(encoding="utf-8").replace("end: 2026-11-24\n", "end: 2026-11-20\n")
    path.write_text(text, encoding="utf-8")
    # 11-18 (Wed), 11-19, 11-20: three working days.
    assert LIBRARY_CALENDAR.count(d("2026-11-18"), d("2026-11-20")).days == 3
    code, lines, output = check(site)
    assert lines == [f"{DENG}:{line_of(text, 'end:')}:6: end: 公示期只有 3 个工作日，少于规定的 5 个工作日"], output
    assert code == 1, output


def song_notice(start: str = "2027-02-04", end: str = "2027-02-15") -> str:
    return (
        "title: 关于拟接收宋明轩同志为预备党员的公示\n"  # 1
        f"date: {start}\n"                            # 2
        f"published: {start}\n"                       # 3
        "visibility: 公开\n"                           # 4
        "kind: 发展党员\n"                              # 5
        "stage: 拟接收预备党员\n"                       # 6
        f"start: {start}\n"                           # 7
        f"end: {end}\n"                               # 8
        "subjects:\n"                                 # 9
        "  - name: 宋明轩\n"                           # 10
        "    detail: 男，1997年出生，区科技局科员\n"    # 11
        f"approval: {{proposed_by: 王思远, proposed_on: {start}, reviewed_by: 赵国栋, reviewed_on: {start}, approved_by: 陈立群, approved_on: {start}}}\n"  # 12
    )


def with_song_notice(tmp_path: Path, name: str, holidays: str | None = None) -> Path:
    site = demo(tmp_path, name)
    (site / NEW_NOTICE).parent.mkdir(parents=True, exist_ok=True)
    (site / NEW_NOTICE).write_text(song_notice(), encoding="utf-8")
    if holidays is not None:
        set_holidays(site, holidays)
    return site


def test_a_2027_notice_is_counted_by_configured_holidays_and_warned_without_them(tmp_path: Path) -> None:
    # 2027-02-04 (Thu) to 02-15 (Mon): eight weekdays; with the configured
    # Spring Festival (02-06…02-13 off, Sunday 02-14 worked) four working days.
    without = with_song_notice(tmp_path, "without")
    code, lines, output = check(without)
    assert lines == [
        f"{NEW_NOTICE}:7:8: start: 警告: 2027 年没有节假日数据：请在 site_config.yml 的 holidays: 中填写 2027 年的放假日期和调休上班日期（在此之前按周一至周五估算，公示期约 8 个工作日）"
    ], output
    assert code == 0, output
    assert check(without, "--strict")[0] == 1

    configured = with_song_notice(tmp_path, "configured", HOLIDAYS_2027)
    code, out, err = run_cli(["check", "-c", configured / "site_config.yml", "--today", TODAY], cwd=configured)
    # Every line: with 2027 configured, the demo's own draft notice for January 2027 is no longer warned about either.
    assert [line for line in (out + err).splitlines() if line.startswith("content/") and line not in DEMO_WARNINGS] == [f"{NEW_NOTICE}:8:6: end: 公示期只有 4 个工作日，少于规定的 5 个工作日"], out + err
    assert code == 1, out + err


def test_a_short_estimate_is_a_warning_not_an_error(tmp_path: Path) -> None:
    site = demo(tmp_path)
    (site / NEW_NOTICE).parent.mkdir(parents=True, exist_ok=True)
    (site / NEW_NOTICE).write_text(song_notice("2027-02-04", "2027-02-08"), encoding="utf-8")
    code, lines, output = check(site)
    assert lines == [
        f"{NEW_NOTICE}:7:8: start: 警告: 2027 年没有节假日数据：请在 site_config.yml 的 holidays: 中填写 2027 年的放假日期和调休上班日期（在此之前按周一至周五估算，公示期约 3 个工作日）",
        f"{NEW_NOTICE}:8:6: end: 警告: 公示期按周一至周五估算只有 3 个工作日，少于规定的 5 个工作日",
    ], output
    assert code == 0, output


def test_the_warning_in_english(tmp_path: Path) -> None:
    site = with_song_notice(tmp_path, "english")
    config = site / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    code, lines, output = check(site)
    assert [line for line in lines if line not in DEMO_MEETING_WARNINGS_EN + DEMO_FINANCE_WARNINGS_EN] == [
        "content/branch.yml:12:11: committee[3].name: warning: committee member '孙雨桐' (宣传委员) has no responsibility list for 2026; record their party-building duties and the day they signed the letter of responsibility in content/responsibilities/2026/",
        "content/inspections/2026/2026-04-16-parent-committee.yml:42:10: rectification[2].due: warning: the rectification item is overdue: due 2026-09-30, status 'in_progress'; when it is done, fill in done_on",
        DEMO_LATE_DISCLOSURE_EN,
        "content/notices/2027/2027-01-04-dues-and-funds.yml:7:8: start: warning: no holiday data for 2027: add the days off and make-up workdays of 2027 under holidays: in site_config.yml (until then working days are counted Monday to Friday: about 10 in this notice's period)",
        f"{NEW_NOTICE}:7:8: start: warning: no holiday data for 2027: add the days off and make-up workdays of 2027 under holidays: in site_config.yml (until then working days are counted Monday to Friday: about 8 in this notice's period)",
        "content/opinions/2026/2026-06-22-library.yml:14:13: replied_on: warning: answered on 2026-07-24, after the reply was due (2026-07-13, 15 working days after receipt)",
        "content/opinions/2026/2026-10-19-online-dues.yml:2:7: date: warning: not answered, and the reply was due by 2026-11-09 (15 working days after receipt)",
    ], output


# ---------------------------------------------------------------------------
# Pages: days left in working days, on the home page and the notice page
# ---------------------------------------------------------------------------


def page_text(path: Path) -> str:
    """The visible text of a built page, whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def test_days_left_are_working_days_on_the_home_and_notice_pages(demo_out: Path) -> None:
    # The demo is built with today 2026-11-22 (a Sunday): 11-23 and 11-24 remain.
    home = page_text(demo_out / "public" / "index.html")
    notice = page_text(demo_out / "public" / "notices" / "2026" / "2026-11-18-membership-deng" / "index.html")
    assert "公示中 还剩 2 个工作日，截止 11月24日" in home
    assert "公示中 还剩 2 个工作日，截止 11月24日" in notice
    assert "公示期 2026年11月18日 至 2026年11月24日（5 个工作日）" in notice
    assert "还剩 7 天" not in home + notice and "没有节假日数据" not in home + notice


def test_days_left_in_english(tmp_path: Path) -> None:
    site = demo(tmp_path)
    config = site / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    out = build_ok(config, tmp_path / "out", "2026-11-20", "--audience", "public")
    home = page_text(out / "public" / "index.html")
    assert "Open 3 working day(s) left, until 24 November" in home


def test_a_page_says_the_count_is_approximate_without_holiday_data(tmp_path: Path) -> None:
    without = with_song_notice(tmp_path, "without")
    out = build_ok(without / "site_config.yml", tmp_path / "out-without", "2027-02-04", "--audience", "public")
    home = page_text(out / "public" / "index.html")
    notice = page_text(out / "public" / "notices" / "2027" / "2027-02-04-membership-song" / "index.html")
    for text in (home, notice):
        assert "还剩约 8 个工作日，截止 2月15日" in text
        assert "2027 年没有节假日数据，工作日按周一至周五估算，可能不准确。" in text
    assert "公示期 2027年2月4日 至 2027年2月15日（约 8 个工作日）" in notice

    configured = with_song_notice(tmp_path, "configured", HOLIDAYS_2027)
    # Four working days are too few for check; the page is built from a notice long enough.
    (configured / NEW_NOTICE).write_text(song_notice("2027-02-04", "2027-02-17"), encoding="utf-8")
    out = build_ok(configured / "site_config.yml", tmp_path / "out-configured", "2027-02-04", "--audience", "public")
    notice = page_text(out / "public" / "notices" / "2027" / "2027-02-04-membership-song" / "index.html")
    assert "还剩 6 个工作日，截止 2月17日" in notice  # 02-04, 02-05, Sunday 02-14, 02-15, 02-16, 02-17
    assert "没有节假日数据" not in notice


def test_init_writes_the_holidays_option_with_its_comment(tmp_path: Path) -> None:
    code, out, err = run_cli(["init", tmp_path / "branch", "--name", "测试党支部", "--today", TODAY], cwd=tmp_path)
    assert code == 0, out + err
    text = (tmp_path / "branch" / "site_config.yml").read_text(encoding="utf-8")
    assert "\nholidays: {}\n" in text
    assert "# 国务院公布的节假日安排，按年填写" in text
    assert yaml.safe_load(text)["holidays"] == {}
