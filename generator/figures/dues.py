"""Per-member dues, the months still unpaid, and the branch's retained share against the funds ledgers.

A dues record lists each member's monthly due (``DuesMember.monthly_due``)
and what they paid each month.  A month is unpaid by what its regular
payment (the month's payment less any back payment recorded in it) falls
short of the due; a back payment (补缴) settles the oldest unpaid months
first.  A member is flagged once the months still unpaid reach the norm
``dues_alert_months``.  The share of the dues the branch keeps
(``dues_retained_share``) is its funds income: ``retained_dues`` sets what a
funds ledger books against the dues paid in its period.  Everything is exact
``Decimal``.  The rules report
what cannot be right (a payment above the due with no back payment, a back
payment with nothing to settle, a month left out) from the same figures.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Optional

from ..records.index import Record, RecordSet
from ..records.models.finance import DuesMember, DuesRecord, months_recorded

_ZERO = Decimal("0")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class MemberDues:
    """One member's year so far."""

    name: str
    base: Decimal | None
    rate: Decimal | None  # percent
    monthly_due: Decimal
    months_owed: int  # months from the first owed to the last recorded
    due: Decimal
    paid: Decimal
    back_paid: Decimal
    unpaid_months: tuple[int, ...]  # months still (partly) unpaid after back payments, oldest first
    unpaid: Decimal
    flagged: bool
    # What cannot be right, for the rules: month -> amount.
    overpaid: tuple[tuple[int, Decimal], ...] = ()  # paid above due + back payment
    unsettled: tuple[tuple[int, Decimal], ...] = ()  # back payment with no earlier unpaid month to settle
    missing: tuple[int, ...] = ()  # owed months with no amount written
    not_owed: tuple[int, ...] = ()  # months with an amount although the member owed nothing then

    @property
    def months_unpaid(self) -> int:
        return len(self.unpaid_months)

    @property
    def unpaid_runs(self) -> tuple[tuple[int, int], ...]:
        """The unpaid months as runs of consecutive months: (first, last)."""
        return month_runs(self.unpaid_months)


@dataclass(frozen=True)
class DuesBook:
    """A dues record's members, through its last recorded month."""

    through: int  # last month recorded (0: none)
    members: tuple[MemberDues, ...]
    alert_months: Optional[int]  # None: nobody flagged (the norm not asked for)

    @property
    def flagged(self) -> tuple[MemberDues, ...]:
        return tuple(m for m in self.members if m.flagged)


def month_runs(months: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Sorted months as runs of consecutive months: (1, 2, 3, 7) -> ((1, 3), (7, 7))."""
    runs: list[list[int]] = []
    for month in months:
        if runs and month == runs[-1][1] + 1:
            runs[-1][1] = month
        else:
            runs.append([month, month])
    return tuple((first, last) for first, last in runs)


def share_text(share: Fraction) -> str:
    """A share as a percentage: 1/10 -> 10%, 1/3 -> 33.33%."""
    percent = Decimal(share.numerator * 100) / Decimal(share.denominator)
    return f"{percent.quantize(_CENT).normalize():f}%"


def member_dues(member: DuesMember, through: int, alert_months: Optional[int]) -> MemberDues:
    """``member``'s dues from their first owed month through month ``through``."""
    first, last = member.from_month or 1, min(member.until_month or 12, through)
    due_each = member.monthly_due
    unpaid: list[list] = []  # [month, amount still unpaid], oldest first
    overpaid, unsettled, missing = [], [], []
    for month in range(first, last + 1):
        if month not in member.paid:
            missing.append(month)
        paid = member.paid.get(month, _ZERO)
        back = min(member.back_payments.get(month, _ZERO), paid)
        # The back payment settles earlier months first, oldest first.
        credit = back
        for entry in unpaid:
            settled = min(credit, entry[1])
            entry[1] -= settled
            credit -= settled
        unpaid = [entry for entry in unpaid if entry[1] > 0]
        if credit > 0:
            unsettled.append((month, credit))
        regular = paid - back
        if regular > due_each:
            overpaid.append((month, regular - due_each))
        elif regular < due_each:
            unpaid.append([month, due_each - regular])
    months_owed = max(0, last - first + 1)
    outside = sorted(m for m in {*member.paid, *member.back_payments} if not member.owes_in(m))
    unpaid_months = tuple(entry[0] for entry in unpaid)
    return MemberDues(
        name=member.name,
        base=member.base,
        rate=member.rate_used,
        monthly_due=due_each,
        months_owed=months_owed,
        due=due_each * months_owed,
        paid=sum((amount for month, amount in member.paid.items() if member.owes_in(month)), _ZERO),
        back_paid=sum((amount for month, amount in member.back_payments.items() if member.owes_in(month)), _ZERO),
        unpaid_months=unpaid_months,
        unpaid=sum((entry[1] for entry in unpaid), _ZERO),
        flagged=bool(alert_months) and len(unpaid_months) >= alert_months,  # type: ignore[operator]
        overpaid=tuple(overpaid),
        unsettled=tuple(unsettled),
        missing=tuple(missing),
        not_owed=tuple(outside),
    )


def dues_book(model: DuesRecord, alert_months: Optional[int]) -> Optional[DuesBook]:
    """The per-member figures of a dues record, or None when it lists no members (totals only, or narrowed away)."""
    if not model.members:
        return None
    through = months_recorded(model.members)
    return DuesBook(through, tuple(member_dues(m, through, alert_months) for m in model.members), alert_months)


# ---------------------------------------------------------------------------
# The branch's retained share of the dues, against the funds ledgers
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DuesShare:
    """A funds ledger's retained dues (党费留存) against the dues paid in its period.

    ``expected`` is the share of the dues paid in the months wholly inside the
    ledger's period, rounded half up to the cent once for the period;
    ``booked`` is the ledger's income marked ``dues:``.  ``missing`` are the
    months of the period no dues record of the audience covers: then the
    figure cannot be checked and says so.
    """

    share: Fraction
    months: tuple[tuple[int, int], ...]  # (year, month) wholly inside the period
    missing: tuple[tuple[int, int], ...]
    paid: Decimal
    expected: Decimal
    booked: Decimal
    lines: tuple[int, ...]  # indexes of the income marked as the retained share

    @property
    def difference(self) -> Decimal:
        """Booked minus expected: positive when the ledger books more than the share."""
        return self.booked - self.expected

    @property
    def share_text(self) -> str:
        return share_text(self.share)

    @property
    def checkable(self) -> bool:
        return bool(self.months) and not self.missing

    @property
    def reconciles(self) -> bool:
        return self.checkable and self.difference == 0


def _months_inside(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        if first >= start and last <= end:
            months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _share_of(amount: Decimal, share: Fraction) -> Decimal:
    exact = Fraction(amount) * share
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(_CENT, rounding=ROUND_HALF_UP)


def retained_dues(records: RecordSet, ledger: Record, share: Fraction) -> Optional[DuesShare]:
    """The retained-share figure of a funds ledger, or None when there is nothing to reconcile.

    Nothing to reconcile: the ledger has no period dates, or it books no
    retained dues and no (published) dues record of ``records`` covers a year
    of its period, or the share is 0 and nothing is booked.
    """
    model = ledger.model
    lines = tuple(i for i, income in enumerate(model.income) if income.dues)
    booked = sum((model.income[i].amount for i in lines), _ZERO)
    if model.period_start is None or model.period_end is None:
        return None
    if not lines and not share:
        return None
    dues = [r for r in records.of_type("finance") if r.kind == "dues" and not r.is_draft]
    paid_in: dict[tuple[int, int], Decimal] = {}
    for record in dues:
        for month in record.model.months:
            key = (record.model.year, month.month)
            paid_in[key] = paid_in.get(key, _ZERO) + month.paid
    months = _months_inside(model.period_start, model.period_end)
    if not lines and not any(year in {r.model.year for r in dues} for year, _ in months):
        return None
    missing = tuple(key for key in months if key not in paid_in)
    paid = sum((paid_in[key] for key in months if key in paid_in), _ZERO)
    return DuesShare(share, tuple(months), missing, paid, _share_of(paid, share), booked, lines)
