"""三会一课: whether each required meeting kind was held as often as the norms ask.

For every year with meetings, one row per required kind (per party group for
group meetings), one cell per period (month, quarter or year): held, missed,
too few, still to come, or before the site's records begin; and the rate per
row and year.  A meeting counts for the period it says (``period``), else the
month of its date.  Computed once per audience from the meetings that
audience may see and the meetings it may only know were held
(``RecordSet.withheld_meetings``: members-only meetings on the public site,
and ``restricted`` ones on both when ``norms.count_restricted_meetings``), so
both sites count the same meetings.  This is the one place the regularity
figures are computed: the calendar page, the home page and the rules read them.

A rate counts only the periods that have ended or whose meetings are already
held (``due``), and never a period that began before the site's meeting
records did: nothing can be said of those but that a meeting was held.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional, Union

from ..config import Frequency, Norms
from ..records.index import Record, RecordSet, WithheldMeeting
from ..records.models.meeting import Period
from .records import percent

# What a cell counts: a meeting the audience sees (linked), or one it only knows was held.
Counted = Union[Record, WithheldMeeting]


@dataclass
class Cell:
    index: int  # 1-based month, quarter or 1 for the year
    start: dt.date
    end: dt.date
    meetings: list[Record] = field(default_factory=list)  # shown with a link
    withheld: list[WithheldMeeting] = field(default_factory=list)  # held, shown without link or title
    state: str = "upcoming"  # held, missed, partial, upcoming, norecords

    @property
    def count(self) -> int:
        return len(self.meetings) + len(self.withheld)


@dataclass
class Row:
    kind: str
    group: Optional[str]
    frequency: Frequency
    cells: list[Cell] = field(default_factory=list)

    @property
    def due(self) -> int:
        """Periods that have ended since the records began, plus any whose meetings are held already."""
        return sum(1 for c in self.cells if c.state in ("held", "missed", "partial"))

    @property
    def held(self) -> int:
        return sum(1 for c in self.cells if c.state == "held")

    @property
    def rate(self) -> Optional[Decimal]:
        if not self.due:
            return None
        return percent(self.held, self.due)


@dataclass
class YearCalendar:
    year: int
    rows: list[Row] = field(default_factory=list)
    ongoing: bool = False  # the year is not over: its open periods are not counted yet
    records_begin: Optional[dt.date] = None  # the records begin inside this year: earlier periods are not counted

    @property
    def held(self) -> int:
        return sum(r.held for r in self.rows)

    @property
    def due(self) -> int:
        return sum(r.due for r in self.rows)

    @property
    def rate(self) -> Optional[Decimal]:
        if not self.due:
            return None
        return percent(self.held, self.due)


def _kind_and_group(item: Counted) -> tuple[str, Optional[str]]:
    if isinstance(item, WithheldMeeting):
        return item.kind, item.group
    return item.model.kind, item.model.group


def _period_of(item: Counted) -> Period:
    return item.period if isinstance(item, WithheldMeeting) else item.model.counts_for


def _row(kind: str, group: Optional[str], frequency: Frequency, year: int, items: dict[Period, list[Counted]], today: dt.date, records_begin: dt.date) -> Row:
    row = Row(kind=kind, group=group, frequency=frequency)
    period = Period.of_day(dt.date(year, 1, 1), frequency.per)
    while period.year == year:
        cell = Cell(index=period.index, start=period.start, end=period.end)
        counted = items.get(period, [])
        cell.meetings = sorted((m for m in counted if isinstance(m, Record)), key=lambda r: (r.date, r.id))
        cell.withheld = [m for m in counted if isinstance(m, WithheldMeeting)]
        if cell.count >= frequency.count:
            cell.state = "held"
        elif cell.start < records_begin:
            # Begun before the site's records: nothing to judge, not a missed meeting.
            cell.state = "norecords"
        elif cell.end < today:
            cell.state = "partial" if cell.count else "missed"
        else:
            cell.state = "upcoming"
        row.cells.append(cell)
        period = period.following(1)
    return row


def counted_meetings(view: RecordSet, norms: Norms, today: dt.date) -> list[Counted]:
    """The held meetings the calendar counts: those the audience sees, dated up to today, and those withheld from it."""
    seen: list[Counted] = [m for m in view.of_type("meeting") if m.date <= today]
    withheld: list[Counted] = [w for w in view.withheld_meetings if w.visibility != "restricted" or norms.count_restricted_meetings]
    return seen + withheld


def calendars(view: RecordSet, norms: Norms, today: dt.date) -> list[YearCalendar]:
    """One calendar per year that has meetings (up to this year), newest first."""
    counted = counted_meetings(view, norms, today)
    records_begin = view.meetings_since or min((m.date.replace(day=1) for m in view.of_type("meeting")), default=None)
    if records_begin is None:
        return []
    groups = [g.name for g in view.branch.groups] if view.branch else []
    # Grouped once by kind and group, and by the period of each unit a meeting falls in:
    # a decade of meetings is scanned once, not once per row.
    by_kind: dict[tuple[str, Optional[str]], dict[Period, list[Counted]]] = {}
    years = set()
    for item in counted:
        kind, group = _kind_and_group(item)
        period = _period_of(item)
        if period.year > today.year:
            continue
        years.add(period.year)
        for unit in ("month", "quarter", "year"):
            within = period.within(unit)
            if within is not None:
                by_kind.setdefault((kind, group if kind == "group_meeting" and groups else None), {}).setdefault(within, []).append(item)
    # A year with meetings still to come has its calendar too.
    years |= {m.date.year for m in view.of_type("meeting") if m.date.year <= today.year}
    result = []
    for year in sorted(years, reverse=True):
        calendar = YearCalendar(
            year=year,
            ongoing=today <= dt.date(year, 12, 31),
            records_begin=records_begin if records_begin.year == year and records_begin > dt.date(year, 1, 1) else None,
        )
        for kind, frequency in norms.meetings.items():
            if frequency.count == 0:
                continue
            for group in (groups if kind == "group_meeting" and groups else [None]):
                calendar.rows.append(_row(kind, group, frequency, year, by_kind.get((kind, group), {}), today, records_begin))
        result.append(calendar)
    return result


def year_calendar(calendars: list[YearCalendar], year: int) -> Optional[YearCalendar]:
    """The calendar of one year, if it has meetings."""
    return next((c for c in calendars if c.year == year), None)
