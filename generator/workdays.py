"""China's working days: the one calendar every rule and page that counts working days uses.

A day is a working day unless it is a public holiday, or a Saturday or Sunday
that is not a make-up workday (调休上班).  Which days those are is decided
each year by the State Council, so it comes from data: first the years a site
sets under ``holidays:`` in ``site_config.yml`` (a listed day overrides the
library), then the ``chinesecalendar`` library (2004 to the last year it
knows).  A year that neither covers is not guessed at: its days are counted
Monday to Friday, and every count says which years it estimated, so a rule
can warn and a page can say the figure is approximate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

import chinese_calendar

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class YearDays:
    """One configured year: its days off (放假) and its make-up workdays (调休上班)."""

    days_off: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()


@dataclass(frozen=True)
class WorkdayCount:
    """Working days in a span; ``estimated_years`` are years without holiday data, counted Monday to Friday."""

    days: int
    estimated_years: tuple[int, ...] = ()

    @property
    def exact(self) -> bool:
        return not self.estimated_years


@dataclass(frozen=True)
class Deadline:
    """The day a number of working days is complete; ``estimated_years`` as in ``WorkdayCount``."""

    day: dt.date
    estimated_years: tuple[int, ...] = ()

    @property
    def exact(self) -> bool:
        return not self.estimated_years


@lru_cache(maxsize=None)
def library_covers(year: int) -> bool:
    """Whether ``chinesecalendar`` has the holidays of ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


class WorkCalendar:
    """Working days from a site's ``holidays:`` over the library's data."""

    def __init__(self, configured: Mapping[int, YearDays] | None = None):
        self.configured: dict[int, YearDays] = dict(configured or {})
        self._running: dict[int, list[int]] = {}  # year -> working days from 1 January to each day of the year

    def _running_counts(self, year: int) -> list[int]:
        # Counted once per year, so a span of many years (a record disclosed long after) costs a few lookups.
        counts = self._running.get(year)
        if counts is None:
            counts, total, day = [], 0, dt.date(year, 1, 1)
            while day.year == year:
                total += self.is_workday(day)
                counts.append(total)
                day += _ONE_DAY
            self._running[year] = counts
        return counts

    def covers(self, year: int) -> bool:
        """Whether the holidays of ``year`` are known (configured or in the library)."""
        return year in self.configured or library_covers(year)

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day; in a year not covered, whether it is Monday to Friday."""
        year = self.configured.get(day.year)
        if year is not None and day in year.days_off:
            return False
        if year is not None and day in year.workdays:
            return True
        if library_covers(day.year):
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def estimated_years(self, years: Iterable[int]) -> tuple[int, ...]:
        """Those of ``years`` without holiday data, in order."""
        return tuple(sorted({year for year in years if not self.covers(year)}))

    def count(self, start: dt.date, end: dt.date) -> WorkdayCount:
        """Working days from ``start`` to ``end``, both included (0 when ``end`` is before ``start``)."""
        if end < start:
            return WorkdayCount(0)
        days = 0
        for year in range(start.year, end.year + 1):
            counts = self._running_counts(year)
            first = start.timetuple().tm_yday if year == start.year else 1
            last = end.timetuple().tm_yday if year == end.year else len(counts)
            days += counts[last - 1] - (counts[first - 2] if first > 1 else 0)
        return WorkdayCount(days, self.estimated_years(range(start.year, end.year + 1)))

    def deadline(self, start: dt.date, working_days: int) -> Deadline:
        """The day on which ``working_days`` working days from ``start`` (included) are complete."""
        day, counted = start, 0
        while True:
            counted += self.is_workday(day)
            if counted >= working_days:
                return Deadline(day, self.estimated_years(range(start.year, day.year + 1)))
            day += _ONE_DAY


# The calendar of a site that configures no holidays (the library alone).
LIBRARY_CALENDAR = WorkCalendar()
