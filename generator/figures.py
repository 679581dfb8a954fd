"""Cross-record figures, computed once per audience and build (never per page).

Everything here reads one ``AudienceView`` so a figure can only count what
that audience may see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from .records.index import RecordSet as AudienceView
from .records.index import Record

# ---------------------------------------------------------------------------
# Per-record figures
# ---------------------------------------------------------------------------


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


def funds_totals(ledger: Record) -> dict[str, Decimal]:
    """A funds ledger's income, expenses and the closing balance they imply (exact)."""
    model = ledger.model
    income = sum((i.amount for i in model.income), Decimal("0"))
    expenses = sum((e.amount for e in model.expenses), Decimal("0"))
    return {"income": income, "expenses": expenses, "computed_closing": model.opening_balance + income - expenses}


def expense_categories(ledger: Record) -> list[tuple[str, Decimal]]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for expense in ledger.model.expenses:
        totals[expense.category or ""] += expense.amount
    return sorted(totals.items())


def dues_totals(ledger: Record) -> dict[str, Decimal]:
    due = sum((m.due for m in ledger.model.months), Decimal("0"))
    paid = sum((m.paid for m in ledger.model.months), Decimal("0"))
    return {"due": due, "paid": paid, "rate": percent(paid, due)}


def percent(part: Decimal | int, whole: Decimal | int) -> Optional[Decimal]:
    """``part`` as a percentage of ``whole``, one decimal, exact (None when whole is 0)."""
    if not whole:
        return None
    # 四舍五入, as people round by hand (not banker's rounding).
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------
# Site-wide figures
# ---------------------------------------------------------------------------


@dataclass
class SiteFigures:
    """Everything the home page, listings and links need, for one audience."""

    today: dt.date
    decisions_of_meeting: dict[str, list[Record]] = field(default_factory=dict)
    expenses_of_decision: dict[str, list[Record]] = field(default_factory=dict)
    tags: dict[str, list[Record]] = field(default_factory=dict)
    open_notices: list[tuple[Record, NoticeState]] = field(default_factory=list)
    upcoming_meetings: list[Record] = field(default_factory=list)
    latest: list[Record] = field(default_factory=list)
    year_figures: dict[str, object] = field(default_factory=dict)


def compute(view: AudienceView, today: dt.date) -> SiteFigures:
    figures = SiteFigures(today=today)
    decisions: dict[str, list[Record]] = defaultdict(list)
    expenses: dict[str, list[Record]] = defaultdict(list)
    tags: dict[str, list[Record]] = defaultdict(list)
    for record in view.records:  # already newest first
        if record.type == "decision" and record.model.meeting:
            decisions[record.model.meeting].append(record)
        if record.type == "finance" and record.kind == "funds":
            for expense in record.model.expenses:
                if expense.decision and record not in expenses[expense.decision]:
                    expenses[expense.decision].append(record)
        for tag in record.model.tags:
            tags[tag].append(record)
    figures.decisions_of_meeting = dict(decisions)
    figures.expenses_of_decision = dict(expenses)
    figures.tags = dict(sorted(tags.items()))

    for notice in view.of_type("notice"):
        state = notice_state(notice, today)
        if state.open:
            figures.open_notices.append((notice, state))
    figures.open_notices.sort(key=lambda pair: (pair[0].model.end, pair[0].id))
    figures.upcoming_meetings = sorted((m for m in view.of_type("meeting") if m.date >= today), key=lambda r: (r.date, r.id))
    figures.latest = [r for r in view.records if r.date <= today][:10]
    figures.year_figures = _year_figures(view, today)
    return figures


def _year_figures(view: AudienceView, today: dt.date) -> dict[str, object]:
    year = today.year
    held = [m for m in view.of_type("meeting") if m.date.year == year and m.date <= today]
    dues = [f for f in view.of_type("finance") if f.kind == "dues" and f.model.year == year]
    funds = sorted((f for f in view.of_type("finance") if f.kind == "funds" and f.date <= today), key=lambda r: (r.date, r.id))
    result: dict[str, object] = {"year": year, "meetings_held": len(held), "decisions": len([d for d in view.of_type("decision") if d.date.year == year])}
    if dues:
        totals = dues_totals(dues[0])
        result["dues_rate"] = totals["rate"]
    if funds:
        result["balance"] = funds[-1].model.closing_balance
        result["balance_period"] = funds[-1].model.period
    return result


# ---------------------------------------------------------------------------
# Names in URLs
# ---------------------------------------------------------------------------

_SAFE_SLUG = re.compile(r"^[^\W_][\w-]{0,40}$")


def tag_slug(tag: str) -> str:
    """A tag's URL segment: the tag itself when it is a plain word, else a stable hash."""
    if _SAFE_SLUG.match(tag):
        return tag
    return "t-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:10]


# ---------------------------------------------------------------------------
# Overviews: finance years, appraisal history, meetings per kind
# ---------------------------------------------------------------------------


@dataclass
class FundsYear:
    year: int
    ledgers: list[Record]
    opening: Decimal
    income: Decimal
    expenses: Decimal
    closing: Decimal
    categories: list[tuple[str, Decimal]]
    members: Optional[int]
    norm: Decimal

    @property
    def per_member(self) -> Optional[Decimal]:
        if not self.members:
            return None
        return (self.income / self.members).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def meets_norm(self) -> Optional[bool]:
        # Compare the exact funding, not the figure rounded for display
        # (99.995 per member shows as 100.00 but is below a norm of 100).
        if not self.members:
            return None
        return self.income >= self.norm * self.members


def members_on(branch, day: dt.date) -> Optional[int]:
    """How many members the branch had on ``day`` (the count in force since the latest date before it)."""
    if branch is None:
        return None
    counts = sorted((c for c in branch.member_counts if c.since <= day), key=lambda c: c.since)
    return counts[-1].count if counts else None


def funds_years(view: AudienceView, norm: Decimal) -> list[FundsYear]:
    """Each year's funds ledgers chained: first opening, totals, last closing; newest year first."""
    ledgers = sorted((r for r in view.of_type("finance") if r.kind == "funds"), key=lambda r: (r.model.period_start or r.date, r.id))
    years: dict[int, list[Record]] = defaultdict(list)
    for ledger in ledgers:
        years[(ledger.model.period_start or ledger.date).year].append(ledger)
    result = []
    for year, items in sorted(years.items(), reverse=True):
        categories: dict[str, Decimal] = defaultdict(Decimal)
        for ledger in items:
            for name, amount in expense_categories(ledger):
                categories[name] += amount
        result.append(
            FundsYear(
                year=year,
                ledgers=items,
                opening=items[0].model.opening_balance,
                income=sum((funds_totals(r)["income"] for r in items), Decimal("0")),
                expenses=sum((funds_totals(r)["expenses"] for r in items), Decimal("0")),
                closing=items[-1].model.closing_balance,
                categories=sorted(categories.items()),
                members=members_on(view.branch, dt.date(year, 12, 31)),
                norm=norm,
            )
        )
    return result


def appraisal_history(view: AudienceView) -> list[Record]:
    """Member appraisals with grade results, oldest first (for a history across years)."""
    return sorted((r for r in view.of_type("appraisal") if r.model.results), key=lambda r: (r.date, r.id))


def meetings_per_kind_per_year(view: AudienceView, today: dt.date) -> tuple[list[int], dict[str, dict[int, int]]]:
    """Meetings held (dated up to today) per kind and year."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    years = set()
    for meeting in view.of_type("meeting"):
        if meeting.date <= today:
            counts[meeting.model.kind][meeting.date.year] += 1
            years.add(meeting.date.year)
    return sorted(years), {k: dict(v) for k, v in counts.items()}
