"""Opinions (意见建议): each one's reply deadline and timeliness, and the section's counts.

The due date is ``norms.opinion_reply_working_days`` working days after the
day of receipt (that day not counted), on the site's working-day calendar
(``workdays``): ``opinion_state`` is the one place it is decided, so the
record's page, its row in data/opinions.csv, the section's figures and the
check's warning never disagree.  Where a span falls in a year without
holiday data the state says so (``estimated_years``) instead of passing a
Monday-to-Friday count off as exact.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .. import vocabulary
from ..records.index import Record, RecordSet
from ..workdays import WorkCalendar

_ONE_DAY = dt.timedelta(days=1)

# Where an opinion's reply stands, as its page and the section show it.
REPLY_STATES = ("pending", "on_time", "late", "overdue")


@dataclass(frozen=True)
class OpinionState:
    """Where one opinion stands: its due date, its reply and whether the reply came in time."""

    due: dt.date
    replied_on: Optional[dt.date]
    working_days: Optional[int]  # working days from receipt to the reply (None until replied)
    on_time: Optional[bool]  # None while unanswered and not yet due
    estimated_years: tuple[int, ...] = ()  # years counted Monday to Friday, for want of holiday data

    @property
    def timeliness(self) -> str:
        """One of REPLY_STATES: answered ``on_time`` or ``late``, ``overdue`` (unanswered past due), else ``pending``."""
        if self.on_time is None:
            return "pending"
        if self.on_time:
            return "on_time"
        return "late" if self.replied_on is not None else "overdue"

    @property
    def overdue(self) -> bool:
        """Not answered, and its due date has passed."""
        return self.replied_on is None and self.on_time is False

    @property
    def exact(self) -> bool:
        return not self.estimated_years


def opinion_state(opinion: Record, today: dt.date, workdays: WorkCalendar, reply_days: int) -> OpinionState:
    """An opinion's due date (``reply_days`` working days after receipt) and its reply's timeliness as of ``today``."""
    received: dt.date = opinion.model.date
    if reply_days:
        deadline = workdays.deadline(received + _ONE_DAY, reply_days)
        due, estimated = deadline.day, deadline.estimated_years
    else:
        due, estimated = received, ()
    replied_on: Optional[dt.date] = opinion.model.replied_on
    if replied_on is None:
        return OpinionState(due, None, None, False if due < today else None, estimated)
    taken = workdays.count(received + _ONE_DAY, replied_on)
    years = tuple(sorted(set(estimated) | set(taken.estimated_years)))
    return OpinionState(due, replied_on, taken.days, replied_on <= due, years)


@dataclass(frozen=True)
class OpinionFigures:
    """The opinion section's figures: counts by status, the share answered on time, the median working days to reply."""

    total: int
    by_status: tuple[tuple[str, int], ...]  # every status, in the enumeration's order
    judged: int  # opinions answered, or unanswered past their due date: those timeliness is known for
    on_time: int
    on_time_share: Optional[Decimal]  # percent of ``judged``, one decimal; None when none is judged
    replied: int
    median_days: Optional[Decimal]  # working days from receipt to reply (whole or a half); None when none replied
    estimated_years: tuple[int, ...]  # years some due date or reply time was counted in without holiday data


def opinion_figures(view: RecordSet, states: dict[str, OpinionState]) -> OpinionFigures:
    """The figures of the opinions one audience sees, from each one's ``states`` entry."""
    from .records import percent  # here, not at the top: records imports this module for ``opinion_state``

    opinions = view.of_type("opinion")
    counts = {status: 0 for status in vocabulary.values("opinion_status")}
    for opinion in opinions:
        counts[opinion.model.handling] += 1
    mine = [states[o.id] for o in opinions]
    judged = [s for s in mine if s.on_time is not None]
    on_time = sum(1 for s in judged if s.on_time)
    taken = [s.working_days for s in mine if s.working_days is not None]
    share = percent(on_time, len(judged))
    # The median of whole days is whole or a half: written as it is (3, 3.5).
    median = Decimal(str(statistics.median(taken))) if taken else None
    return OpinionFigures(
        total=len(opinions),
        by_status=tuple(counts.items()),
        judged=len(judged),
        on_time=on_time,
        on_time_share=share,
        replied=len(taken),
        median_days=median,
        estimated_years=tuple(sorted({year for s in mine for year in s.estimated_years})),
    )
