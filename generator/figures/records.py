"""Figures of one record: attendance, a notice's state, a ledger's totals (a dues ledger's per member too), an appraisal's shares.

Each is a function of the record (and, for a notice, of today) alone, so a
record's page can be cached under the record; ``compute`` in this package
computes them for every record once per build.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from .. import vocabulary
from ..records.index import Record
from .dues import DuesBook, DuesShare, dues_book


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
    open: bool
    upcoming: bool
    days_left: int  # calendar days until the end, counting today


def notice_state(notice: Record, today: dt.date) -> NoticeState:
    model = notice.model
    is_open = model.start <= today <= model.end
    return NoticeState(open=is_open, upcoming=today < model.start, days_left=(model.end - today).days + 1 if is_open else 0)


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
    """A dues ledger's amounts due and paid, the collection rate, each month's rate (in the order of its months), and its members' dues."""

    due: Decimal
    paid: Decimal
    rate: Optional[Decimal]
    month_rates: tuple[Optional[Decimal], ...] = ()
    book: Optional[DuesBook] = None  # per member; None when the audience sees totals only


def dues_totals(ledger: Record, alert_months: Optional[int] = None) -> DuesTotals:
    """The totals of a dues ledger's months, and its members' dues (those unpaid ``alert_months`` or more flagged, when given)."""
    months = ledger.model.months
    due = sum((m.due for m in months), Decimal("0"))
    paid = sum((m.paid for m in months), Decimal("0"))
    return DuesTotals(due, paid, percent(paid, due), tuple(percent(m.paid, m.due) for m in months), dues_book(ledger.model, alert_months))


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
    dues_share: Optional[DuesShare] = None  # a funds ledger's retained dues against the dues paid (set by ``compute``: it reads the dues records)


def record_figures(record: Record, today: dt.date, dues_alert_months: Optional[int] = None) -> RecordFigures:
    if record.type == "meeting":
        return RecordFigures(attendance=attendance(record))
    if record.type == "notice":
        return RecordFigures(notice=notice_state(record, today))
    if record.type == "finance":
        return RecordFigures(funds=funds_totals(record)) if record.kind == "funds" else RecordFigures(dues=dues_totals(record, dues_alert_months))
    if record.type == "appraisal":
        return RecordFigures(grades=grade_shares(record))
    return RecordFigures()
