"""Figures of one record: attendance, a notice's state, a ledger's totals, an appraisal's shares.

Each is a function of the record and of today (a notice's days left, an
item's state), with working days from the site's calendar (``workdays``), so
a record's page can be cached under the record and these figures;
``compute`` in this package computes them for every record once per build.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from .. import vocabulary
from ..config import Norms
from ..records.index import Record
from ..workdays import WorkCalendar, WorkdayCount
from .elections import ElectionResult, election_result
from .opinions import OpinionState, opinion_state
from .rectification import TrackedItem, record_items


def percent(part: Decimal | int, whole: Decimal | int) -> Optional[Decimal]:
    """``part`` as a percentage of ``whole``, one decimal, exact (None when whole is 0)."""
    if not whole:
        return None
    # 四舍五入, as people round by hand (not banker's rounding).
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Attendance:
    present: int
    absent: int

    @property
    def expected(self) -> int:
        return self.present + self.absent

    @property
    def rate(self) -> Optional[Decimal]:
        if not self.expected:
            return None
        return percent(self.present, self.expected)


def attendance(meeting: Record) -> Optional[Attendance]:
    model = meeting.model
    if not model.attendees and not model.absent:
        return None
    return Attendance(present=len(model.attendees), absent=len(model.absent))


@dataclass(frozen=True)
class NoticeState:
    """Where a notice stands today, in working days (``workdays``: China's holidays and make-up workdays)."""

    open: bool
    upcoming: bool
    days_left: int  # working days from today to the end, today included (0 unless open)
    length: int  # working days from the start to the end
    estimated_years: tuple[int, ...] = ()  # years of the period without holiday data: both counts are Monday-to-Friday estimates

    @property
    def exact(self) -> bool:
        return not self.estimated_years


def notice_state(notice: Record, today: dt.date, workdays: WorkCalendar) -> NoticeState:
    model = notice.model
    is_open = model.start <= today <= model.end
    length = workdays.count(model.start, model.end)
    left = workdays.count(today, model.end) if is_open else WorkdayCount(0)
    return NoticeState(open=is_open, upcoming=today < model.start, days_left=left.days, length=length.days, estimated_years=length.estimated_years)


@dataclass(frozen=True)
class FundsTotals:
    """A funds ledger's income, expenses, the closing balance they imply (exact) and the expenses per category."""

    income: Decimal
    expenses: Decimal
    computed_closing: Decimal
    categories: tuple[tuple[str, Decimal], ...] = ()


def funds_totals(ledger: Record) -> FundsTotals:
    model = ledger.model
    income = sum((i.amount for i in model.income), Decimal("0"))
    expenses = sum((e.amount for e in model.expenses), Decimal("0"))
    per_category: dict[str, Decimal] = defaultdict(Decimal)
    for expense in model.expenses:
        per_category[expense.category or ""] += expense.amount
    return FundsTotals(income, expenses, model.opening_balance + income - expenses, tuple(sorted(per_category.items())))


@dataclass(frozen=True)
class DuesTotals:
    """A dues ledger's amounts due and paid, the collection rate, and each month's rate (in the order of its months)."""

    due: Decimal
    paid: Decimal
    rate: Optional[Decimal]
    month_rates: tuple[Optional[Decimal], ...] = ()


def dues_totals(ledger: Record) -> DuesTotals:
    months = ledger.model.months
    due = sum((m.due for m in months), Decimal("0"))
    paid = sum((m.paid for m in months), Decimal("0"))
    return DuesTotals(due, paid, percent(paid, due), tuple(percent(m.paid, m.due) for m in months))


@dataclass(frozen=True)
class GradeShares:
    """An appraisal's grade counts as shares of all graded, in the order of the grades."""

    total: int
    counts: tuple[tuple[str, int], ...]
    shares: dict[str, Optional[Decimal]]


def grade_shares(appraisal: Record) -> Optional[GradeShares]:
    results = appraisal.model.results
    if not results:
        return None
    total = sum(results.values())
    counts = tuple((grade, results[grade]) for grade in vocabulary.values("grade") if grade in results)
    return GradeShares(total, counts, {grade: percent(count, total) for grade, count in counts})


@dataclass(frozen=True)
class RecordFigures:
    """What a record's page, board entry and overviews show beyond its own fields."""

    attendance: Optional[Attendance] = None
    notice: Optional[NoticeState] = None
    funds: Optional[FundsTotals] = None
    dues: Optional[DuesTotals] = None
    grades: Optional[GradeShares] = None
    items: tuple[TrackedItem, ...] = ()  # its rectification items with their states, in its order
    opinion: Optional[OpinionState] = None
    election: Optional[ElectionResult] = None


def record_figures(record: Record, today: dt.date, workdays: WorkCalendar, norms: Optional[Norms] = None) -> RecordFigures:
    """A record's figures: those of its type, and the state of the rectification items of any record that carries them."""
    return replace(_type_figures(record, today, workdays, norms or Norms()), items=record_items(record, today))


def _type_figures(record: Record, today: dt.date, workdays: WorkCalendar, norms: Norms) -> RecordFigures:
    if record.type == "meeting":
        return RecordFigures(attendance=attendance(record))
    if record.type == "notice":
        return RecordFigures(notice=notice_state(record, today, workdays))
    if record.type == "finance":
        return RecordFigures(funds=funds_totals(record)) if record.kind == "funds" else RecordFigures(dues=dues_totals(record))
    if record.type == "appraisal":
        return RecordFigures(grades=grade_shares(record))
    if record.type == "opinion":
        return RecordFigures(opinion=opinion_state(record, today, workdays, norms.opinion_reply_working_days))
    if record.type == "election":
        return RecordFigures(election=election_result(record, norms))
    return RecordFigures()
