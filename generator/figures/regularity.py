"""三会一课: whether each required meeting kind was held as often as the norms ask.

For every year with meetings, one row per required kind (per party group for
group meetings), one cell per period (month, quarter or year): held, missed,
or still to come; and the rate per row.  Computed once per audience from the
meetings that audience may see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from ..config import Frequency, Norms
from ..records.index import Record, RecordSet
from .records import percent


@dataclass
class Cell:
    index: int  # 1-based month, quarter or 1 for the year
    start: dt.date
    end: dt.date
    meetings: list[Record] = field(default_factory=list)
    state: str = "upcoming"  # held, missed, partial, upcoming, norecords


@dataclass
class Row:
    kind: str
    group: Optional[str]
    frequency: Frequency
    cells: list[Cell] = field(default_factory=list)

    @property
    def due(self) -> int:
        """Periods that have ended, plus the current one if already held."""
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


def _periods(year: int, per: str) -> list[tuple[int, dt.date, dt.date]]:
    if per == "year":
        return [(1, dt.date(year, 1, 1), dt.date(year, 12, 31))]
    if per == "quarter":
        out = []
        for q in range(4):
            start = dt.date(year, 3 * q + 1, 1)
            end = dt.date(year + 1, 1, 1) if q == 3 else dt.date(year, 3 * q + 4, 1)
            out.append((q + 1, start, end - dt.timedelta(days=1)))
        return out
    out = []
    for m in range(1, 13):
        end = dt.date(year + 1, 1, 1) if m == 12 else dt.date(year, m + 1, 1)
        out.append((m, dt.date(year, m, 1), end - dt.timedelta(days=1)))
    return out


def _row(kind: str, group: Optional[str], frequency: Frequency, year: int, meetings: list[Record], today: dt.date, first_record: dt.date) -> Row:
    row = Row(kind=kind, group=group, frequency=frequency)
    for index, start, end in _periods(year, frequency.per):
        cell = Cell(index=index, start=start, end=end)
        cell.meetings = sorted((m for m in meetings if start <= m.date <= end and m.date <= today), key=lambda r: (r.date, r.id))
        if len(cell.meetings) >= frequency.count:
            cell.state = "held"
        elif end < first_record:
            # Before the site's records begin: nothing to judge, not a missed meeting.
            cell.state = "norecords"
        elif end < today:
            cell.state = "partial" if cell.meetings else "missed"
        else:
            cell.state = "upcoming"
        row.cells.append(cell)
    return row


def calendars(view: RecordSet, norms: Norms, today: dt.date) -> list[YearCalendar]:
    """One calendar per year that has meetings (up to this year), newest first."""
    meetings = view.of_type("meeting")
    years = sorted({m.date.year for m in meetings if m.date.year <= today.year}, reverse=True)
    groups = [g.name for g in view.branch.groups] if view.branch else []
    first_record = min((m.date for m in meetings), default=today)
    # Grouped once by year and kind: a decade of meetings is scanned once, not once per row.
    by_year_kind: dict[tuple[int, str], list[Record]] = {}
    for m in meetings:
        by_year_kind.setdefault((m.date.year, m.model.kind), []).append(m)
    result = []
    for year in years:
        calendar = YearCalendar(year=year)
        for kind, frequency in norms.meetings.items():
            if frequency.count == 0:
                continue
            of_kind = by_year_kind.get((year, kind), [])
            if kind == "group_meeting" and groups:
                for group in groups:
                    calendar.rows.append(_row(kind, group, frequency, year, [m for m in of_kind if m.model.group == group], today, first_record))
            else:
                calendar.rows.append(_row(kind, None, frequency, year, of_kind, today, first_record))
        result.append(calendar)
    return result

