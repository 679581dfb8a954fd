"""The disclosure catalogue (党务公开目录): for each item, every event or period and whether it was disclosed in time.

An item (``site_config.yml`` ``catalogue:``) names the records that disclose
it, its scope and its timing.  Per event, each record is one event, dated by
its ``date``; per month, quarter or year, each period from the item's first
disclosure (or its ``since:``) to today's is one, and a record belongs to the
period holding the day it reports up to (``period_end``, the end of its
``year``, else its ``date``).  The time allowed is ``within_working_days``
working days after the event, or after the period's last day, counted with
the site's working-day calendar; a record's disclosure day is its first
publication (``published:``, else the first commit; see ``generator.history``).

States: ``on_time`` (及时) and ``late`` (逾期) for a published record;
``missing`` (未公开) once the deadline has passed without one; before that
``not_due`` (the event or period is over, the deadline is not), ``not_over``
(the period is still running) and ``upcoming`` (the event lies ahead) — a
period not yet over is never called missing.  A deadline or a count that
runs through a year without holiday data says so (``estimated``).

The same function serves the pages (one audience's records) and ``check``
(every record, drafts included, so a draft past its deadline is reported).
An item counts only the records its scope's audience may see: a members-only
record does not disclose a public item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional

from ..audience import may_see, sees_scope
from ..config import CatalogueItem
from ..history import RecordDates
from ..records.index import Record
from ..workdays import Deadline, WorkCalendar, WorkdayCount

_ONE_DAY = dt.timedelta(days=1)

STATES = ("on_time", "late", "missing", "not_due", "not_over", "upcoming")


@dataclass(frozen=True)
class Period:
    """One month, quarter or year: ``index`` is the month (1-12), the quarter (1-4) or 1."""

    per: str
    year: int
    index: int
    first: dt.date
    last: dt.date

    def following(self) -> "Period":
        return period_of(self.per, self.last + _ONE_DAY)


def period_of(per: str, day: dt.date) -> Period:
    """The month, quarter or year that holds ``day``."""
    if per == "month":
        first = day.replace(day=1)
        index = day.month
        following = (first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1))
    elif per == "quarter":
        index = (day.month - 1) // 3 + 1
        first = dt.date(day.year, 3 * index - 2, 1)
        following = dt.date(day.year + 1, 1, 1) if index == 4 else dt.date(day.year, 3 * index + 1, 1)
    else:
        index, first, following = 1, dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1)
    return Period(per, day.year, index, first, following - _ONE_DAY)


@dataclass(frozen=True)
class Disclosure:
    """One event or period of an item: its disclosing record (or the draft that should be), when, and the state."""

    state: str
    event: dt.date  # the event's date, or the period's last day
    deadline: Deadline
    record: Optional[Record] = None  # the record that disclosed it first; for ``missing``, a draft if there is one
    published: Optional[dt.date] = None
    working_days: Optional[WorkdayCount] = None  # after the event until published (0 when published by then)
    period: Optional[Period] = None  # None for an event

    @property
    def estimated_years(self) -> tuple[int, ...]:
        """Years without holiday data that the deadline or the count ran through (the figure is an estimate)."""
        years = set(self.deadline.estimated_years) | set(self.working_days.estimated_years if self.working_days else ())
        return tuple(sorted(years))


@dataclass
class CatalogueEntry:
    """One catalogue item as an audience sees it; ``shown`` False: the item exists, its disclosures are another audience's."""

    index: int  # position in the catalogue (its line in site_config.yml)
    item: CatalogueItem
    shown: bool
    disclosures: list[Disclosure] = field(default_factory=list)  # newest first
    latest: Optional[Disclosure] = None  # the latest published disclosure
    counts: dict[str, int] = field(default_factory=dict)  # state -> how many

    @property
    def estimated_years(self) -> tuple[int, ...]:
        """Years without holiday data behind any of the item's figures."""
        return tuple(sorted({year for d in self.disclosures for year in d.estimated_years}))

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)


def first_published(record: Record, dates: Optional[Mapping[str, RecordDates]]) -> dt.date:
    """The day a record was first disclosed: ``generator.history``'s date when known, else ``published:``, else its date."""
    known = dates.get(record.id) if dates else None
    if known is not None:
        return known.first_published
    return record.model.published or record.date


def reported_day(record: Record) -> dt.date:
    """The day a record reports up to, which decides its period: ``period_end``, the end of its ``year``, else its date."""
    end = getattr(record.model, "period_end", None)
    if end is not None:
        return end
    year = getattr(record.model, "year", None)
    if isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999:
        return dt.date(year, 12, 31)
    return record.date


def _deadline(workdays: WorkCalendar, event: dt.date, allowed: int) -> Deadline:
    # Counted from the day after the event: an event on Friday with 1 working day allowed is due on Monday.
    if allowed == 0:
        return Deadline(event, workdays.estimated_years((event.year,)))
    return workdays.deadline(event + _ONE_DAY, allowed)


def _judged(event: dt.date, deadline: Deadline, published: dt.date, workdays: WorkCalendar) -> tuple[str, WorkdayCount]:
    taken = workdays.count(event + _ONE_DAY, published)
    return ("on_time" if published <= deadline.day else "late"), taken


def _published_by(record: Record, today: dt.date, dates) -> Optional[dt.date]:
    """The day ``record`` was first disclosed, if it is published and that day has come."""
    if record.is_draft:
        return None
    day = first_published(record, dates)
    if day > today and record.model.published is None:
        # Known only from its git commit, made after the day the site is built for (a pinned
        # --today or SOURCE_DATE_EPOCH): it is on the site being built, so disclosed by today.
        return today
    return day if day <= today else None


def _events(item: CatalogueItem, records: list[Record], today: dt.date, workdays: WorkCalendar, dates) -> list[Disclosure]:
    result = []
    for record in records:
        event = record.date
        if item.since is not None and event < item.since:
            continue
        deadline = _deadline(workdays, event, item.within_working_days)
        published = _published_by(record, today, dates)
        if event > today:
            result.append(Disclosure("upcoming", event, deadline, record, published))
        elif published is not None:
            state, taken = _judged(event, deadline, published, workdays)
            result.append(Disclosure(state, event, deadline, record, published, taken))
        else:
            result.append(Disclosure("not_due" if today <= deadline.day else "missing", event, deadline, record))
    return result


def _periods(item: CatalogueItem, records: list[Record], today: dt.date, workdays: WorkCalendar, dates) -> list[Disclosure]:
    by_period: dict[Period, list[Record]] = {}
    for record in records:
        by_period.setdefault(period_of(item.per, reported_day(record)), []).append(record)
    starts = [item.since] if item.since is not None else [p.first for p in by_period]
    if not starts:
        return []
    period, last = period_of(item.per, min(starts)), period_of(item.per, today)
    result = []
    while period.first <= last.first:
        held = by_period.get(period, [])
        published = sorted((day, r.id, r) for r in held if (day := _published_by(r, today, dates)) is not None)
        deadline = _deadline(workdays, period.last, item.within_working_days)
        if published:
            day, _, record = published[0]
            state, taken = _judged(period.last, deadline, day, workdays)
            result.append(Disclosure(state, period.last, deadline, record, day, taken, period))
        else:
            # A draft (or a record whose publication day is still ahead) is the one to act on.
            draft = next((r for r in sorted(held, key=lambda r: r.id)), None)
            state = "not_over" if period.last >= today else ("not_due" if today <= deadline.day else "missing")
            result.append(Disclosure(state, period.last, deadline, draft, period=period))
        period = period.following()
    return result


def catalogue_entries(
    records: Iterable[Record],
    catalogue: list[CatalogueItem],
    today: dt.date,
    workdays: WorkCalendar,
    dates: Optional[Mapping[str, RecordDates]] = None,
    audience: Optional[str] = None,
) -> list[CatalogueEntry]:
    """Every item of ``catalogue`` over ``records``; with ``audience``, items outside its sight are shown as existing only."""
    records = sorted(records, key=lambda r: (r.date, r.id))
    entries = []
    for index, item in enumerate(catalogue):
        if audience is not None and not sees_scope(audience, item.scope):
            entries.append(CatalogueEntry(index, item, shown=False))
            continue
        own = [r for r in records if item.discloses(r.type, r.kind) and may_see(r, item.scope, include_drafts=True)]
        disclosures = (_events if item.per == "event" else _periods)(item, own, today, workdays, dates)
        disclosures.sort(key=lambda d: (d.event, d.record.id if d.record else ""), reverse=True)
        published = [d for d in disclosures if d.published is not None and d.state in ("on_time", "late", "upcoming")]
        latest = max(published, key=lambda d: (d.published, d.event, d.record.id if d.record else ""), default=None)
        counts = {state: sum(1 for d in disclosures if d.state == state) for state in STATES}
        entries.append(CatalogueEntry(index, item, True, disclosures, latest, counts))
    return entries
