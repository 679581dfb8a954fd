"""三会一课: the regularity calendar computed from real records, and the page built from it.

One site is written once for the module (today = 2026-05-15):

- branch committee (monthly): 2025-11; 2026-01, 02, 03 (03 members only); none
  in April; one dated 2026-05-20, after today;
- general assembly (quarterly): 2025-11 and 2026-02;
- party group meeting (monthly, per group): group one in 2026-02 only;
- organizational life meeting (yearly): 2026-01, members only, with
  rectification items done, overdue, not yet due and without a due date.

The calendar is checked through ``figures.regularity.calendars`` on the loaded site,
then the real ``openbranch build`` is run once and its pages are read.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Optional

import pytest

from generator.figures import regularity
from generator.audience import narrow
from generator.pipeline import check
from generator.config import load_site

from .helpers import NO_APPROVAL, make_site, run_cli

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


def _meeting(title: str, date: str, kind: str, visibility: str = "public", **extra: Any) -> dict[str, Any]:
    return {"title": title, "date": date, "kind": kind, "visibility": visibility, "attendees": ["王书记", "李委员", "赵委员"], **extra}


MEETINGS: dict[str, dict[str, Any]] = {
    "2025-11-12-committee": _meeting("2025年11月支委会", "2025-11-12", "支委会"),
    "2025-11-20-assembly": _meeting("2025年第四季度党员大会", "2025-11-20", "党员大会"),
    "2026-01-08-committee": _meeting("2026年1月支委会", "2026-01-08", "支委会"),
    "2026-02-10-committee": _meeting("2026年2月支委会", "2026-02-10", "支委会"),
    "2026-03-12-committee": _meeting("2026年3月支委会（内部）", "2026-03-12", "支委会", "members"),
    "2026-05-20-committee": _meeting("2026年5月支委会（预定）", "2026-05-20", "支委会"),
    "2026-02-26-assembly": _meeting("2026年第一季度党员大会", "2026-02-26", "党员大会"),
    "2026-02-18-group-one": _meeting("第一党小组2月学习", "2026-02-18", "党小组会", group=GROUP_ONE),
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


def _files() -> dict[str, Any]:
    files: dict[str, Any] = {"content/branch.yml": BRANCH}
    for record_id, data in MEETINGS.items():
        files[f"content/meetings/{data['date'][:4]}/{record_id}.yml"] = data
    return files


@pytest.fixture(scope="module")
def site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("regularity"), _files())


def _calendars(folder: Path, audience: str, today: dt.date = TODAY) -> list[regularity.YearCalendar]:
    site, problems = load_site(folder / "site_config.yml")
    assert site is not None, problems
    records, collector = check(site, today)
    assert collector.sorted() == [], collector.sorted()
    return regularity.calendars(narrow(records, audience), site.config.norms, today)


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
    assert _states(_row(calendar, "organizational_life")) == ["missed"]
    # The rate only counts periods that could be judged.
    assert _row(calendar, "branch_committee").rate == Decimal("50.0")
    assert _row(calendar, "general_assembly").rate == Decimal("100.0")


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


def test_the_public_calendar_does_not_count_a_members_only_meeting(site_folder: Path) -> None:
    calendars = _calendars(site_folder, "public")
    row = _row(_year(calendars, 2026), "branch_committee")
    assert _states(row) == ["held", "held", "missed", "missed"] + ["upcoming"] * 8
    assert row.rate == Decimal("50.0")
    assert all(m.visibility == "public" for c in row.cells for m in c.meetings)
    # The members-only life meeting is not there either.
    assert _states(_row(_year(calendars, 2026), "organizational_life")) == ["upcoming"]


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
    items = regularity.rectification_items(narrow(records, "members"), TODAY)
    listed = [(item.item, overdue) for _, item, overdue in items]
    assert listed == [
        ("理论学习笔记不全", True),  # in progress, due 2026-04-30: overdue
        ("按时足额交纳党费", False),  # done (due date passed, but done)
        ("联系群众不够经常", False),  # due 2026-06-30: not yet
        ("长期坚持谈心谈话", False),  # no due date
    ]
    assert all(meeting.id == "2026-01-22-life" for meeting, _, _ in items)
    # On the due day itself it is not yet overdue.
    on_due_day = regularity.rectification_items(narrow(records, "members"), dt.date(2026, 4, 30))
    assert [overdue for _, _, overdue in on_due_day] == [False] * 4
    # The public sees no rectification items of a members-only meeting.
    assert regularity.rectification_items(narrow(records, "public"), TODAY) == []


# ---------------------------------------------------------------------------
# The built page
# ---------------------------------------------------------------------------


class _Table(HTMLParser):
    """Rows of every table: [(row header text, [(td class, [hrefs], text)])]."""

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

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._head is not None and self._row is not None:
            self._row.append(("th", "".join(self._head).strip()))
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
        elif self._head is not None:
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
    # The first cell is the requirement (每月 1 次); then one cell per period, then the rate.
    return rows[0][1:]


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
    items = re.findall(r"<tr( class=\"ob-overdue\")?><td>([^<]*)</td>", html)
    assert items == [(' class="ob-overdue"', "理论学习笔记不全"), ("", "按时足额交纳党费"), ("", "联系群众不够经常"), ("", "长期坚持谈心谈话")]
    assert html.count("已逾期") >= 1


def test_public_page_does_not_count_the_members_only_meeting(built: Path) -> None:
    html = (built / "public" / "regularity" / "index.html").read_text(encoding="utf-8")
    cells = _calendar_row(html, 2026, "支委会")
    assert [_cell_state(c) for c in cells[:4]] == ["held", "held", "missed", "missed"]
    assert cells[12][2] == "50.0%"
    assert "2026-03-12-committee" not in html
    assert "（内部）" not in html
    # Nor the members-only life meeting's rectification items.
    assert "理论学习笔记不全" not in html
    assert "ob-overdue" not in html
