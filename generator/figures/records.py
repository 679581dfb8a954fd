"""Figures of one record: attendance, a notice's state, a ledger's totals (a dues ledger's per member too), an appraisal's shares and cap.

Each is a function of the record and what it is counted against (the
branch's roster on its day, the norms; for a notice, today), so a record's
page can be cached under the record and its figures; ``compute`` in this
package computes them for every record once per build.  A meeting's
attendance is counted on the full roster by ``audience.narrow`` (the public
view has no names of the roster) and read here from the view.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Optional

from .. import vocabulary
from ..config import Norms
from ..records.index import Record, RecordSet
from ..records.models import Branch
from ..workdays import WorkCalendar, WorkdayCount
from .dues import DuesBook, DuesShare, dues_book
from .elections import ElectionResult, election_result
from .opinions import OpinionState, opinion_state
from .rectification import TrackedItem, record_items


def percent(part: Decimal | int, whole: Decimal | int) -> Optional[Decimal]:
    """``part`` as a percentage of ``whole``, one decimal, exact (None when whole is 0)."""
    if not whole:
        return None
    # 四舍五入, as people round by hand (not banker's rounding).
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# Who is required (应到) at a meeting of each kind: the whole branch, the committee or the party group.
# Any other kind (其他会议) requires whom its record lists, unless it says ``expected``.
MEMBERS_KINDS = ("general_assembly", "party_lesson", "theme_day", "organizational_life")
COMMITTEE_KINDS = ("branch_committee", "democratic_life")


@dataclass(frozen=True)
class Attendance:
    """应到, 实到, 请假 and 缺席 of one meeting, and who of them could vote.

    The one definition the meeting page, the attendance rate, the quorum and
    every rule use.  ``basis`` says where 应到 comes from: ``expected`` (the
    record's ``expected:``), ``members`` (the branch's members on the day:
    the roster, else ``member_counts``), ``committee``, ``group`` (the party
    group's members), or ``listed`` (nothing else is known: the people the
    record lists).  ``voters_*`` count full members only; None where the data
    cannot tell full from probationary members (no roster, or someone present
    who is not on it).  The committee's and the groups' lists carry no dates:
    they are today's, so only a ``dated`` 应到 holds a past meeting's record
    to account for everyone.
    """

    expected: int  # 应到
    basis: str
    present: int  # 实到
    on_leave: int  # 请假
    absent: int  # 缺席 (without leave)
    voters_expected: Optional[int] = None
    voters_present: Optional[int] = None

    @property
    def dated(self) -> bool:
        """Whether 应到 is known for the meeting's own day (the branch's members that day, or the record's ``expected``)."""
        return self.basis in ("members", "expected")

    @property
    def accounted(self) -> int:
        """The people the record accounts for: present, on leave or absent."""
        return self.present + self.on_leave + self.absent

    @property
    def unaccounted(self) -> int:
        """Required people the record does not account for (negative: more listed than required)."""
        return self.expected - self.accounted

    @property
    def rate(self) -> Optional[Decimal]:
        """实到 / 应到; None where the record lists more people than are required (the figure would be false)."""
        if self.unaccounted < 0:
            return None
        return percent(self.present, self.expected)


def required_people(meeting: Record, branch: Optional[Branch]) -> tuple[Optional[list[str]], str]:
    """Who was required at a meeting by name, where the branch says (else None), and the basis."""
    model, day = meeting.model, meeting.date
    if branch is None:
        return None, "listed"
    if model.kind in COMMITTEE_KINDS and branch.committee:
        return [c.name for c in branch.committee], "committee"
    if model.kind == "group_meeting":
        group = next((g for g in branch.groups if g.name == model.group), None)
        if group is None or not group.members:
            return None, "listed"
        roster = branch.roster_on(day)
        on_roster = None if roster is None else {m.name for m in roster}
        return [name for name in group.members if on_roster is None or name in on_roster], "group"
    if model.kind in MEMBERS_KINDS:
        roster = branch.roster_on(day)
        return ([m.name for m in roster] if roster is not None else None), "members"
    return None, "listed"


def attendance(meeting: Record, branch: Optional[Branch]) -> Optional[Attendance]:
    """A meeting's attendance counted against ``branch`` (None for a meeting that records none yet)."""
    model, day = meeting.model, meeting.date
    present, on_leave, absent = len(model.attendees), len(model.on_leave), len(model.absent)
    if not (present or on_leave or absent) and model.expected is None:
        return None
    names, basis = required_people(meeting, branch)
    headcount = branch.headcount_on(day) if branch is not None and basis == "members" else None
    if model.expected is not None:
        expected, basis = model.expected, "expected"
    elif names is not None:
        expected = len(names)
    elif headcount is not None:
        expected = headcount.members
    else:
        expected, basis = present + on_leave + absent, "listed"

    voters_expected: Optional[int] = None
    voters_present: Optional[int] = None
    statuses = [branch.status_on(name, day) for name in model.attendees] if branch is not None and branch.roster_on(day) is not None else None
    if statuses is not None and None not in statuses:
        # Everyone present is on the roster: its full members are the voters.
        assert branch is not None
        voters_present = statuses.count("full")
        if names is not None and basis != "expected":
            voters_expected = sum(1 for name in names if branch.status_on(name, day) == "full")
    elif basis == "committee" or (headcount is not None and headcount.probationary == 0):
        # Committee members are full members; a branch with no probationary member has only voters.
        voters_present = present
        voters_expected = expected
    elif headcount is not None and basis == "members":
        voters_expected = headcount.full
    return Attendance(expected, basis, present, on_leave, absent, voters_expected, voters_present)

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
class ExcellentCap:
    """The most members an appraisal may grade 优秀: ``share`` of ``base``, rounded down.

    ``base_kind`` is ``full_members`` (the full members appraised: the
    members appraised less the probationary ones, who are not graded) or
    ``members`` (every member appraised: by the norm, or because the number
    of probationary members is not known).
    """

    count: int  # graded 优秀
    base: int
    base_kind: str
    share: Fraction
    probationary: Optional[int] = None  # left out of the base

    @property
    def limit(self) -> int:
        return math.floor(self.share * self.base)

    @property
    def over(self) -> bool:
        return self.count > self.limit


def excellent_cap(appraisal: Record, branch: Optional[Branch], norms: Norms) -> Optional[ExcellentCap]:
    """An appraisal's 优秀 cap by ``norms`` (None without grades, or without a number of members)."""
    model = appraisal.model
    if not model.results:
        return None
    headcount = branch.headcount_on(appraisal.date) if branch is not None else None
    members = model.members if model.members is not None else (headcount.members if headcount else None)
    if members is None:
        return None
    count = model.results.get("excellent", 0)
    share = norms.excellent_share_max
    if norms.excellent_cap_base == "full_members":
        probationary = model.probationary if model.probationary is not None else (headcount.probationary if headcount else None)
        if probationary is not None:
            return ExcellentCap(count, max(members - probationary, 0), "full_members", share, probationary)
    return ExcellentCap(count, members, "members", share)


@dataclass(frozen=True)
class RecordFigures:
    """What a record's page, board entry and overviews show beyond its own fields."""

    attendance: Optional[Attendance] = None  # a meeting's; a decision's: its meeting's, the voting base
    notice: Optional[NoticeState] = None
    funds: Optional[FundsTotals] = None
    dues: Optional[DuesTotals] = None
    grades: Optional[GradeShares] = None
    dues_share: Optional[DuesShare] = None  # a funds ledger's retained dues against the dues paid (set by ``compute``: it reads the dues records)
    items: tuple[TrackedItem, ...] = ()  # its rectification items with their states, in its order
    excellent_cap: Optional[ExcellentCap] = None
    opinion: Optional[OpinionState] = None
    election: Optional[ElectionResult] = None


def record_figures(record: Record, today: dt.date, workdays: WorkCalendar, view: RecordSet, norms: Norms) -> RecordFigures:
    """A record's figures: those of its type, and the state of the rectification items of any record that carries them."""
    return replace(_type_figures(record, today, workdays, view, norms), items=record_items(record, today))


def _type_figures(record: Record, today: dt.date, workdays: WorkCalendar, view: RecordSet, norms: Norms) -> RecordFigures:
    if record.type == "meeting":
        return RecordFigures(attendance=view.attendance.get(record.id))
    if record.type == "decision":
        return RecordFigures(attendance=view.attendance.get(record.model.meeting) if record.model.meeting else None)
    if record.type == "notice":
        return RecordFigures(notice=notice_state(record, today, workdays))
    if record.type == "finance":
        return RecordFigures(funds=funds_totals(record)) if record.kind == "funds" else RecordFigures(dues=dues_totals(record, norms.dues_alert_months))
    if record.type == "appraisal":
        return RecordFigures(grades=grade_shares(record), excellent_cap=excellent_cap(record, view.branch, norms))
    if record.type == "opinion":
        return RecordFigures(opinion=opinion_state(record, today, workdays, norms.opinion_reply_working_days))
    if record.type == "election":
        return RecordFigures(election=election_result(record, norms))
    return RecordFigures()
