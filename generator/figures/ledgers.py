"""The funds ledgers as a chain, and each year's funds against the funding norm.

``funds_ledgers`` is the one order of the funds ledgers: by the start of their
period (their date when no start is given), then their date, then their id.
The rules check each ledger's opening balance against the one before it in
this order, the finance page chains them in it, and data/funds.csv and
data/ledgers.csv list them in it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from ..records.index import Record, RecordSet
from ..records.models import Branch
from .records import funds_totals


def ledger_order(ledger: Record) -> tuple:
    """A finance ledger's place in time: period start (else date), date, id."""
    return (getattr(ledger.model, "period_start", None) or ledger.date, ledger.date, ledger.id)


def ledgers(records: RecordSet, kind: str) -> list[Record]:
    """The finance ledgers of one kind (``funds`` or ``dues``), oldest first in ``ledger_order``."""
    return sorted((r for r in records.of_type("finance") if r.kind == kind), key=ledger_order)


def funds_ledgers(records: RecordSet) -> list[Record]:
    """The funds ledgers in the order their balances chain."""
    return ledgers(records, "funds")


def members_on(branch: Optional[Branch], day: dt.date) -> Optional[int]:
    """How many members the branch had on ``day``: by its roster, else the count in force since the latest date before it."""
    headcount = branch.headcount_on(day) if branch is not None else None
    return headcount.members if headcount is not None else None


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


def funds_years(records: RecordSet, norm: Decimal) -> list[FundsYear]:
    """Each year's funds ledgers chained: first opening, totals, last closing; newest year first."""
    years: dict[int, list[Record]] = defaultdict(list)
    for ledger in funds_ledgers(records):
        years[ledger_order(ledger)[0].year].append(ledger)
    result = []
    for year, items in sorted(years.items(), reverse=True):
        totals = [funds_totals(ledger) for ledger in items]
        categories: dict[str, Decimal] = defaultdict(Decimal)
        for ledger_totals in totals:
            for name, amount in ledger_totals.categories:
                categories[name] += amount
        result.append(
            FundsYear(
                year=year,
                ledgers=items,
                opening=items[0].model.opening_balance,
                income=sum((t.income for t in totals), Decimal("0")),
                expenses=sum((t.expenses for t in totals), Decimal("0")),
                closing=items[-1].model.closing_balance,
                categories=sorted(categories.items()),
                members=members_on(records.branch, dt.date(year, 12, 31)),
                norm=norm,
            )
        )
    return result
