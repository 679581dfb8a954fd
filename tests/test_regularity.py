"""三会一课: the regularity calendar computed from real records, and the page built from it.

One site is written once for the module (today = 2026-05-15):

- branch committee (monthly): 2025-11; 2026-01, 02, 03 (03 members only); none
  in April; one dated 2026-05-20, after today;
- general assembly (quarterly): 2025-11 and 2026-02;
- party group meeting (monthly, per group): group one in 2026-02 only;
- organizational life meeting (yearly): 2026-01, members only, with
  rectification items done, overdue, not yet due and without a due date.

Members-only meetings count on the public site too, shown as held (党内公开)
without a link or a title.  The calendar is checked through
``figures.regularity.calendars`` on the loaded site, then the real
``openbranch build`` is run once and its pages are read.  The demo's own
calendar is checked last.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Optional

import pytest

from generator.figures import rectification, regularity
from generator.audience import narrow
from generator.pipeline import check
from generator.config import load_site
from generator.records.index import WithheldMeeting
from generator.records.models.meeting import Period

from .helpers import NO_APPROVAL, copy_demo, make_site, run_cli

TODAY = dt.date(2026, 5, 15)
GROUP_ONE = "第一党小组"
GROUP_TWO = "第二党小组"

BRANCH = {
    "name": "测试党支部",
    "parent": "测试机关党委",
    "committee": [{"name": "王书记", "post": "书记"}, {"name": "李委员", "post": "组织委员"}, {"name": "赵委员", "post": "宣传委员"}],
    "groups": [
        {"name": GROUP_ONE, "leader": "陈组长", "members": ["陈组长", "周同志"]},
        {"name": GROUP_TWO, "leader": "吴组长", "members": ["吴组长", "郑同志"]},
    ],
    "member_counts": [{"since": "2025-01-01", "count": 12}],
}


def _meeting(title: str, date: str, kind: str, visibility: str = "public", attendees: tuple[str, ...] = ("王书记", "李委员", "赵委员"), **extra: Any) -> dict[str, Any]:
    return {"title": title, "date": date, "kind": kind, "visibility": visibility, "attendees": list(attendees), **extra}


MEETINGS: dict[str, dict[str, Any]] = {
    "2025-11-12-committee": _meeting("2025年11月支委会", "2025-11-12", "支委会"),
    "2025-11-20-assembly": _meeting("2025年第四季度党员大会", "2025-11-20", "党员大会"),
    "2026-01-08-committee": _meeting("2026年1月支委会", "2026-01-08", "支委会"),
    "2026-02-10-committee": _meeting("2026年2月支委会", "2026-02-10", "支委会"),
    "2026-03-12-committee": _meeting("2026年3月支委会（内部）", "2026-03-12", "支委会", "members"),
    "2026-05-20-committee": _meeting("2026年5月支委会（预定）", "2026-05-20", "支委会"),
    "2026-02-26-assembly": _meeting("2026年第一季度党员大会", "2026-02-26", "党员大会"),
    "2026-02-18-group-one": _meeting("第一党小组2月学习", "2026-02-18", "党小组会", attendees=("陈组长", "周同志"), group=GROUP_ONE),
    "2026-01-22-life": _meeting(
        "2025年度组织生活会",
        "2026-01-22",
        "组织生活会",
        "members",
        rectification=[
            {"item": "按时足额交纳党费", "owner": "李委员", "due": "2026-03-31", "status": "已完成", "done_on": "2026-03-20"},
            {"item": "理论学习笔记不全", "owner": "赵委员", "due": "2026-04-30", "status": "进行中"},
            {"item": "联系群众不够经常", "owner": "王书记", "due": "2026-06-30", "status": "未开始"},
            {"item": "长期坚持谈心谈话", "owner": "王书记"},
        ],
    ),
}


def _files(meetings: Optional[dict[str, dict[str, Any]]] = None) -> dict[str, Any]:
    files: dict[str, Any] = {"content/branch.yml": BRANCH}
    for record_id, data in (MEETINGS if meetings is None else meetings).items():
        files[f"content/meetings/{data['date'][:4]}/{record_id}.yml"] = data
    return files


@pytest.fixture(scope="module")
def site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("regularity"), _files())


def _calendars(folder: Path, audience: str, today: dt.date = TODAY) -> list[regularity.YearCalendar]:
    site, problems = load_site(folder / "site_config.yml")
    assert site is not None, problems
    records, collector = check(site, today)
    # The meetings list only the committee: the branch's other members are unaccounted for (a warning).
    assert collector.errors == [], collector.sorted()
    return regularity.calendars(narrow(records, audience, today=today), site.config.norms, today)


def _year(calendars: list[regularity.YearCalendar], year: int) -> regularity.YearCalendar:
    (found,) = [c for c in calendars if c.year == year]
    return found


def _row(calendar: regularity.YearCalendar, kind: str, group: Optional[str] = None) -> regularity.Row:
    (found,) = [r for r in calendar.rows if r.kind == kind and r.group == group]
    return found


def _states(row: regularity.Row) -> list[str]:
    return [c.state for c in row.cells]


@pytest.fixture(scope="module")
def members_calendars(site_folder: Path) -> list[regularity.YearCalendar]:
    return _calendars(site_folder, "members")


# ---------------------------------------------------------------------------
# The calendar
# ---------------------------------------------------------------------------


def test_one_calendar_per_year_newest_first(members_calendars) -> None:
    assert [c.year for c in members_calendars] == [2026, 2025]


def test_monthly_branch_committee_held_missed_and_upcoming(members_calendars) -> None:
    row = _row(_year(members_calendars, 2026), "branch_committee")
    assert row.frequency.per == "month" and row.frequency.count == 1
    assert [c.index for c in row.cells] == list(range(1, 13))
    assert _states(row) == ["held", "held", "held", "missed"] + ["upcoming"] * 8
    assert [[m.id for m in c.meetings] for c in row.cells[:4]] == [["2026-01-08-committee"], ["2026-02-10-committee"], ["2026-03-12-committee"], []]
    assert (row.cells[3].start, row.cells[3].end) == (dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert row.held == 3 and row.due == 4
    assert row.rate == Decimal("75.0") and str(row.rate) == "75.0"


def test_a_meeting_dated_after_today_is_not_held(members_calendars) -> None:
    may = _row(_year(members_calendars, 2026), "branch_committee").cells[4]
    assert (may.start, may.end) == (dt.date(2026, 5, 1), dt.date(2026, 5, 31))
    assert may.state == "upcoming"
    assert may.meetings == []


def test_group_meetings_have_a_row_per_group(members_calendars) -> None:
    calendar = _year(members_calendars, 2026)
    groups = [r.group for r in calendar.rows if r.kind == "group_meeting"]
    assert groups == [GROUP_ONE, GROUP_TWO]
    one, two = _row(calendar, "group_meeting", GROUP_ONE), _row(calendar, "group_meeting", GROUP_TWO)
    assert _states(one) == ["missed", "held", "missed", "missed"] + ["upcoming"] * 8
    assert [m.id for m in one.cells[1].meetings] == ["2026-02-18-group-one"]
    assert one.rate == Decimal("25.0")
    assert _states(two) == ["missed"] * 4 + ["upcoming"] * 8
    assert two.rate == Decimal("0.0")


def test_quarterly_general_assembly(members_calendars) -> None:
    row = _row(_year(members_calendars, 2026), "general_assembly")
    assert row.frequency.per == "quarter"
    assert [(c.index, c.start, c.end) for c in row.cells] == [
        (1, dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        (2, dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (3, dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (4, dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ]
    assert _states(row) == ["held", "upcoming", "upcoming", "upcoming"]
    assert row.rate == Decimal("100.0")


def test_periods_before_the_first_record_are_norecords(members_calendars) -> None:
    calendar = _year(members_calendars, 2025)
    # Records begin 2025-11-12: January to October 2025 has nothing to judge.
    assert _states(_row(calendar, "branch_committee")) == ["norecords"] * 10 + ["held", "missed"]
    assert _states(_row(calendar, "general_assembly")) == ["norecords"] * 3 + ["held"]
    # The year began before the records did: a life meeting held before November cannot be ruled out.
    assert _states(_row(calendar, "organizational_life")) == ["norecords"]
    # The rate only counts periods that could be judged.
    assert _row(calendar, "branch_committee").rate == Decimal("50.0")
    assert _row(calendar, "general_assembly").rate == Decimal("100.0")
    assert _row(calendar, "organizational_life").rate is None
    assert calendar.records_begin == dt.date(2025, 11, 1) and not calendar.ongoing
    assert _year(members_calendars, 2026).records_begin is None and _year(members_calendars, 2026).ongoing


def test_yearly_life_meeting_and_the_year_rate(members_calendars) -> None:
    calendar = _year(members_calendars, 2026)
    assert _states(_row(calendar, "organizational_life")) == ["held"]
    kinds = [(r.kind, r.group) for r in calendar.rows]
    assert kinds == [
        ("branch_committee", None),
        ("group_meeting", GROUP_ONE),
        ("group_meeting", GROUP_TWO),
        ("general_assembly", None),
        ("party_lesson", None),
        ("theme_day", None),
        ("organizational_life", None),
    ]
    # held: committee 3 + group one 1 + assembly 1 + life 1 = 6; due: 4 + 4 + 4 + 1 + 1 (lesson Q1) + 4 (theme day) + 1 = 19
    assert (calendar.held, calendar.due) == (6, 19)
    assert calendar.rate == Decimal("31.6")


def test_the_public_calendar_counts_a_members_only_meeting_without_showing_it(site_folder: Path, members_calendars) -> None:
    calendars = _calendars(site_folder, "public")
    row = _row(_year(calendars, 2026), "branch_committee")
    assert _states(row) == ["held", "held", "held", "missed"] + ["upcoming"] * 8
    assert row.rate == _row(_year(members_calendars, 2026), "branch_committee").rate == Decimal("75.0")
    assert all(m.visibility == "public" for c in row.cells for m in c.meetings)
    # March: held, by a meeting the public may only know of: kind, period and visibility, nothing else.
    march = row.cells[2]
    assert march.meetings == []
    assert march.withheld == [WithheldMeeting(kind="branch_committee", group=None, period=Period(2026, "month", 3), visibility="members")]
    # The members-only life meeting counts too; both sites give the same year rate.
    assert _states(_row(_year(calendars, 2026), "organizational_life")) == ["held"]
    assert (_year(calendars, 2026).held, _year(calendars, 2026).due) == (_year(members_calendars, 2026).held, _year(members_calendars, 2026).due)


def test_restricted_meetings_count_only_when_the_norm_says_so(tmp_path: Path) -> None:
    meetings = {**MEETINGS, "2026-04-09-committee": _meeting("四月支委会（不公开）", "2026-04-09", "支委会", "restricted")}
    plain = make_site(tmp_path, _files(meetings), folder="plain")
    for audience in ("public", "members"):
        assert _states(_row(_year(_calendars(plain, audience), 2026), "branch_committee"))[3] == "missed"
    counted = make_site(tmp_path, _files(meetings), {"site_name": "测试", "language": "zh", "norms": {"count_restricted_meetings": "true", **NO_APPROVAL}}, folder="counted")
    for audience in ("public", "members"):
        april = _row(_year(_calendars(counted, audience), 2026), "branch_committee").cells[3]
        assert april.state == "held" and april.meetings == []
        assert [w.visibility for w in april.withheld] == ["restricted"]


def test_a_meeting_counts_for_the_period_it_names(tmp_path: Path) -> None:
    # The 2025 life meeting held in January 2026 counts for 2025, not for 2026; a draft counts nowhere.
    meetings = {**MEETINGS, "2026-01-22-life": {**MEETINGS["2026-01-22-life"], "period": "2025"}}
    meetings["2026-03-25-assembly-draft"] = _meeting("一季度党员大会（草稿）", "2026-03-25", "党员大会", "members", status="草稿")
    folder = make_site(tmp_path, _files(meetings))
    for audience in ("public", "members"):
        calendars = _calendars(folder, audience)
        assert _states(_row(_year(calendars, 2025), "organizational_life")) == ["held"]
        assert _states(_row(_year(calendars, 2026), "organizational_life")) == ["upcoming"]
        assert _states(_row(_year(calendars, 2026), "general_assembly"))[0] == "held"  # by the February assembly alone
        assert sum(len(c.withheld) for c in _row(_year(calendars, 2026), "general_assembly").cells) == 0


def test_changing_today_moves_the_line_between_missed_and_upcoming(site_folder: Path) -> None:
    later = _calendars(site_folder, "members", dt.date(2026, 6, 1))
    row = _row(_year(later, 2026), "branch_committee")
    # By June the May meeting (2026-05-20) has been held.
    assert _states(row)[:6] == ["held", "held", "held", "missed", "held", "upcoming"]
    assert row.rate == Decimal("80.0")


def test_a_changed_meeting_norm_is_followed(tmp_path: Path) -> None:
    config = {
        "site_name": "测试党支部党务公开",
        "language": "zh",
        "norms": {"meetings": {"branch_committee": {"count": 2, "per": "月"}, "general_assembly": {"count": 1, "per": "季度"}}, **NO_APPROVAL},
    }
    folder = make_site(tmp_path, _files(), config)
    calendar = _year(_calendars(folder, "members"), 2026)
    assert _row(calendar, "branch_committee").frequency.count == 2
    # One meeting a month where two are required: too few, not held.
    assert _states(_row(calendar, "branch_committee"))[:5] == ["partial", "partial", "partial", "missed", "upcoming"]
    assert _row(calendar, "branch_committee").rate == Decimal("0.0")


def test_a_norm_with_count_zero_drops_the_row(tmp_path: Path) -> None:
    meetings = {kind: {"count": 1, "per": per} for kind, per in [("branch_committee", "month"), ("group_meeting", "month"), ("general_assembly", "quarter")]}
    meetings["group_meeting"]["count"] = 0
    folder = make_site(tmp_path, _files(), {"site_name": "测试", "language": "zh", "norms": {"meetings": meetings, **NO_APPROVAL}})
    calendar = _year(_calendars(folder, "members"), 2026)
    kinds = [r.kind for r in calendar.rows]
    assert "group_meeting" not in kinds
    assert "branch_committee" in kinds and "general_assembly" in kinds


# ---------------------------------------------------------------------------
# Rectification items
# ---------------------------------------------------------------------------


def test_rectification_items_mark_overdue_and_sort_it_first(site_folder: Path) -> None:
    site, _ = load_site(site_folder / "site_config.yml")
    records, _ = check(site, TODAY)
    items = rectification.rectification_items(narrow(records, "members"), TODAY)
    listed = [(tracked.item.item, tracked.state) for tracked in items]
    assert listed == [
        ("理论学习笔记不全", "overdue"),  # in progress, due 2026-04-30: overdue
        ("按时足额交纳党费", "done"),  # done (due date passed, but done)
        ("联系群众不够经常", "not_started"),  # due 2026-06-30: not yet
        ("长期坚持谈心谈话", "not_started"),  # no due date
    ]
    assert all(tracked.record.id == "2026-01-22-life" for tracked in items)
    # On the due day itself it is not yet overdue.
    on_due_day = rectification.rectification_items(narrow(records, "members"), dt.date(2026, 4, 30))
    assert [tracked.overdue for tracked in on_due_day] == [False] * 4
    # The public sees no rectification items of a members-only meeting.
    assert rectification.rectification_items(narrow(records, "public"), TODAY) == []


# ---------------------------------------------------------------------------
# The built page
# ---------------------------------------------------------------------------


class _Table(HTMLParser):
    """Rows of every table: [(row header text, [(td class, [hrefs], text)])]; a calendar row's norm (span.ob-cal__norm) is left out of its header."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, list[tuple[str, list[str], str]]]] = []
        self._row: Optional[list] = None
        self._head: Optional[list[str]] = None
        self._cell: Optional[list] = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        attributes = dict(attrs)
        if tag == "tr":
            self._row, self._head = [], None
        elif tag == "th" and self._row is not None and attributes.get("scope") == "row":
            self._head = []
        elif tag == "td" and self._row is not None:
            self._cell = [attributes.get("class") or "", [], []]
        elif tag == "a" and self._cell is not None:
            self._cell[1].append(attributes.get("href") or "")
        elif tag == "br" and self._head is not None:
            self._head.append(" ")
        elif tag == "span" and self._head is not None and "ob-cal__norm" in (attributes.get("class") or "").split():
            self._norm = True

    _norm = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._norm:
            self._norm = False
        elif tag == "th" and self._head is not None and self._row is not None:
            self._row.append(("th", " ".join("".join(self._head).split())))
            self._head = None if not self._row else self._head
        elif tag == "td" and self._cell is not None and self._row is not None:
            self._row.append(("td", (self._cell[0], self._cell[1], "".join(self._cell[2]).strip())))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            heads = [v for k, v in self._row if k == "th"]
            cells = [v for k, v in self._row if k == "td"]
            self.rows.append((heads[0] if heads else "", cells))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[2].append(data)
        elif self._head is not None and not self._norm:
            self._head.append(data)


def _page_rows(html: str) -> list[tuple[str, list[tuple[str, list[str], str]]]]:
    parser = _Table()
    parser.feed(html)
    return parser.rows


def _year_section(html: str, year: int) -> str:
    """The part of the page under the heading of one year."""
    start = html.index(f">{year}年<")
    following = [m.start() for m in re.finditer(r">\d{4}年<", html) if m.start() > start]
    return html[start : following[0] if following else len(html)]


def _calendar_row(html: str, year: int, label: str) -> list[tuple[str, list[str], str]]:
    rows = [cells for head, cells in _page_rows(_year_section(html, year)) if head == label]
    assert len(rows) == 1, (label, [h for h, _ in _page_rows(_year_section(html, year))])
    # One cell per period, then the rate.
    return rows[0]


@pytest.fixture(scope="module")
def built(site_folder: Path) -> Path:
    code, out, err = run_cli(["build", "-c", site_folder / "site_config.yml", "--today", TODAY.isoformat()], cwd=site_folder)
    assert code == 0, out + err
    return site_folder / "site"


def _cell_state(cell: tuple[str, list[str], str]) -> str:
    (state,) = [c.removeprefix("ob-cell--") for c in cell[0].split() if c.startswith("ob-cell--")]
    return state


def test_members_page_shows_the_missed_month_and_links_held_meetings(built: Path) -> None:
    page = built / "members" / "regularity" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "三会一课落实情况" in html
    cells = _calendar_row(html, 2026, "支委会")
    # Twelve month cells and the rate.
    assert [_cell_state(c) for c in cells[:12]] == ["held", "held", "held", "missed"] + ["upcoming"] * 8
    assert cells[3][0] == "ob-cell ob-cell--missed"
    assert "未召开" in cells[3][2] and cells[3][1] == []
    assert cells[12][2] == "75.0%"
    # Each held month links the meeting's page, and the link resolves to a built page.
    for index, record_id in enumerate(["2026-01-08-committee", "2026-02-10-committee", "2026-03-12-committee"]):
        (href,) = cells[index][1]
        assert href.rstrip("/").endswith(f"meetings/2026/{record_id}"), href
        assert (page.parent / href / "index.html").resolve().is_file(), href
    # The future meeting is not linked from May.
    assert cells[4][1] == []
    assert "2026-05-20-committee" not in "".join(h for c in cells for h in c[1])


def test_members_page_rows_per_group_and_the_2025_norecords(built: Path) -> None:
    html = (built / "members" / "regularity" / "index.html").read_text(encoding="utf-8")
    group_one = _calendar_row(html, 2026, f"党小组会 {GROUP_ONE}")
    assert [_cell_state(c) for c in group_one[:4]] == ["missed", "held", "missed", "missed"]
    assert [_cell_state(c) for c in _calendar_row(html, 2026, f"党小组会 {GROUP_TWO}")[:4]] == ["missed"] * 4
    assert [_cell_state(c) for c in _calendar_row(html, 2025, "支委会")[:12]] == ["norecords"] * 10 + ["held", "missed"]


def test_members_page_lists_rectification_with_overdue_first(built: Path) -> None:
    html = (built / "members" / "regularity" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="ob-item ob-item--(\w+)">\s*<div class="ob-item__head"><p class="ob-item__title">([^<]*)</p>', html)
    assert items == [("overdue", "理论学习笔记不全"), ("done", "按时足额交纳党费"), ("not_started", "联系群众不够经常"), ("not_started", "长期坚持谈心谈话")]
    assert html.count("已逾期") == 1


def test_public_page_shows_a_members_only_meeting_as_held_without_link_or_title(built: Path) -> None:
    """Acceptance (issue 13): the public regularity page, a members-only meeting in March: no ✗ for March."""
    html = (built / "public" / "regularity" / "index.html").read_text(encoding="utf-8")
    cells = _calendar_row(html, 2026, "支委会")
    assert [_cell_state(c) for c in cells[:4]] == ["held", "held", "held", "missed"]
    march = cells[2]
    assert "✗" not in march[2] and "未召开" not in march[2]
    assert march[1] == []  # no link
    assert "✓" in march[2] and "党内公开" in march[2]
    assert cells[12][2] == "75.0%"
    # Nothing of the record: not its id, its title, nor the life meeting's rectification items.
    assert "2026-03-12-committee" not in html
    assert "（内部）" not in html
    assert "理论学习笔记不全" not in html
    assert "ob-items" not in html
    assert "ob-overdue" not in html
    # The members-only life meeting is counted too, and the page says how.
    assert [_cell_state(c) for c in _calendar_row(html, 2026, "组织生活会")[:1]] == ["held"]
    assert "不显示标题和链接" in html


def test_the_year_notes_say_where_a_rate_is_not_over_or_the_records_begin(built: Path) -> None:
    html = (built / "members" / "regularity" / "index.html").read_text(encoding="utf-8")
    assert "2026年尚未结束" in _year_section(html, 2026)
    assert "本站会议记录始于2025年11月1日" in _year_section(html, 2025)
    assert "尚未结束" not in _year_section(html, 2025)


# ---------------------------------------------------------------------------
# The demo's calendar (today 2026-12-01)
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_calendars(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[regularity.YearCalendar]]:
    folder = tmp_path_factory.mktemp("demo-regularity")
    copy_demo(folder)
    today = dt.date(2026, 12, 1)
    return {audience: _calendars(folder, audience, today) for audience in ("public", "members")}


def test_the_demo_counts_the_2025_life_meeting_for_2025(demo_calendars) -> None:
    for audience, calendars in demo_calendars.items():
        assert _states(_row(_year(calendars, 2025), "organizational_life")) == ["held"], audience
        # 2026's is not due until the year is over.
        assert _states(_row(_year(calendars, 2026), "organizational_life")) == ["upcoming"], audience


def test_the_demo_2025_rate_counts_only_what_its_records_cover(demo_calendars) -> None:
    for audience, calendars in demo_calendars.items():
        year = _year(calendars, 2025)
        # The records begin in December 2025: the quarters and months before cannot be judged.
        assert year.records_begin == dt.date(2025, 12, 1)
        assert _states(_row(year, "party_lesson")) == ["norecords"] * 4
        assert _states(_row(year, "branch_committee")) == ["norecords"] * 11 + ["held"]
        # 第二党小组's December meeting was made up in February (period: 2025-12).
        assert _states(_row(year, "group_meeting", "第二党小组"))[11] == "held"
        assert (year.held, year.due, year.rate) == (7, 7, Decimal("100.0")), audience


def test_the_demo_2026_figures_agree_on_both_sites(demo_calendars) -> None:
    public, members = (_year(demo_calendars[a], 2026) for a in ("public", "members"))
    assert (public.held, public.due, public.rate) == (members.held, members.due, members.rate) == (61, 62, Decimal("98.4"))
    assert public.ongoing
    # The one missed period: 第二党小组 in August.
    missed = [(r.kind, r.group, c.index) for r in members.rows for c in r.cells if c.state == "missed"]
    assert missed == [("group_meeting", "第二党小组", 8)]
