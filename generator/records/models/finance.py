"""Finance records: a year's party dues (per member, or as monthly totals), and a funds ledger for one period.

A dues record lists its members (``members``: base, rate, what each paid per
month) or only the monthly totals (``months``).  When it lists members and no
totals, the totals are computed from them here, once, when the record is
validated: every page, chart and data file reads ``months`` either way, and
the public site, which never sees the members, still has the totals.  A
record that gives both keeps what it wrote; ``check`` compares the two.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from .common import Choice, Count, IsoDate, Money, RecordBase, RecordId, RequiredText, SignedMoney, Strict, Text, TextList

_CENT = Decimal("0.01")
_PERCENT_RE = re.compile(r"^(0|[1-9]\d*)(\.\d{1,3})?%$")


def _parse_month(value: Any) -> Any:
    text = value if isinstance(value, str) else str(value)
    if isinstance(value, bool) or not re.fullmatch(r"[1-9]\d?", text) or not 1 <= int(text) <= 12:
        raise PydanticCustomError("bad_month", "bad_month", {"value": text})
    return int(text)


def _parse_percent(value: Any) -> Any:
    text = value if isinstance(value, str) else str(value)
    if isinstance(value, bool) or not _PERCENT_RE.match(text):
        raise PydanticCustomError("bad_percent", "bad_percent", {"value": text})
    return Decimal(text[:-1])


# A month of the year, 1 to 12.
Month = Annotated[int, BeforeValidator(_parse_month), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 12})]
# A rate written as a percentage ("1.5%"), held as the number of percent (Decimal("1.5")).
Percent = Annotated[
    Decimal,
    BeforeValidator(_parse_percent),
    WithJsonSchema({"type": "string", "pattern": r"^(0|[1-9]\d*)(\.\d{1,3})?%$", "description": "a percentage such as 1.5%"}),
    PlainSerializer(lambda value: f"{value}%", return_type=str, when_used="json"),
]

# The rates of 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008), Art. 2, for members
# paid a monthly wage: (monthly wage after tax up to and including, percent); above the last, 2 %.
WAGE_BRACKETS: tuple[tuple[Decimal, Decimal], ...] = ((Decimal("3000"), Decimal("0.5")), (Decimal("5000"), Decimal("1")), (Decimal("10000"), Decimal("1.5")))
TOP_RATE = Decimal("2")


def bracket_rate(base: Decimal) -> Decimal:
    """The percent a monthly wage after tax of ``base`` yuan pays under the 2008 rule's brackets."""
    return next((rate for limit, rate in WAGE_BRACKETS if base <= limit), TOP_RATE)


class DuesMember(Strict):
    """One member's dues for the year: what is due each month, and what was paid each month."""

    name: RequiredText
    base: Optional[Money] = Field(None, description="缴费基数: the monthly wage after tax the dues are computed from, yuan (fixed at the start of the year)")
    rate: Optional[Percent] = Field(None, description="Rate as a percentage (0.5% | 1% | 1.5% | 2%); when left out, the 2008 rule's bracket for the base (wage earners)")
    due: Optional[Money] = Field(None, description="A fixed monthly amount instead of base × rate (students, retirees on a set amount, an approved reduction)")
    from_month: Optional[Month] = Field(None, description="First month dues are owed (e.g. the month after admission as a probationary member); default 1")
    until_month: Optional[Month] = Field(None, description="Last month dues are owed here (e.g. transferred out); default the last month recorded")
    paid: dict[Month, Money] = Field(default_factory=dict, description="Month -> amount paid in that month (write 0 for a month not paid)")
    back_payments: dict[Month, Money] = Field(
        default_factory=dict, description="Month -> the part of that month's payment that settles earlier unpaid months (补缴)"
    )
    note: Optional[Text] = Field(None, description="Members' site only")

    @model_validator(mode="after")
    def _base_or_due(self) -> "DuesMember":
        if self.base is None and self.due is None:
            raise PydanticCustomError("dues_base_or_due", "dues_base_or_due", {})
        return self

    @property
    def rate_used(self) -> Optional[Decimal]:
        """The percent the dues are computed at: the rate written, else the base's bracket (None with a fixed amount)."""
        if self.due is not None:
            return self.rate
        return self.rate if self.rate is not None else bracket_rate(self.base)  # type: ignore[arg-type]

    @property
    def monthly_due(self) -> Decimal:
        """What the member owes each month: the fixed amount, else base × rate, rounded half up to the cent."""
        if self.due is not None:
            return self.due
        return (self.base * self.rate_used / 100).quantize(_CENT, rounding=ROUND_HALF_UP)  # type: ignore[operator]

    def owes_in(self, month: int) -> bool:
        return (self.from_month or 1) <= month <= (self.until_month or 12)


class DuesMonth(Strict):
    month: Month
    members: Count = Field(description="Members who owe dues that month")
    due: Money
    paid: Money
    back_payment: Optional[Money] = Field(None, description="The part of paid that settles earlier months (补缴); paid may exceed due by it")


def months_recorded(members: list[DuesMember]) -> int:
    """The last month any member's payment is recorded for (0 when none is)."""
    return max((month for member in members for month in (*member.paid, *member.back_payments)), default=0)


def monthly_totals(members: list[DuesMember]) -> list[DuesMonth]:
    """Each recorded month's totals over the members who owe that month: how many, due, paid, of which back payments."""
    totals = []
    for month in range(1, months_recorded(members) + 1):
        owing = [m for m in members if m.owes_in(month)]
        back = sum((m.back_payments.get(month, Decimal("0")) for m in owing), Decimal("0"))
        totals.append(
            DuesMonth(
                month=month,
                members=len(owing),
                due=sum((m.monthly_due for m in owing), Decimal("0")),
                paid=sum((m.paid.get(month, Decimal("0")) for m in owing), Decimal("0")),
                back_payment=back or None,
            )
        )
    return totals


class Income(Strict):
    date: IsoDate
    source: RequiredText
    amount: Money
    dues: Optional[RecordId] = Field(None, description="Id of the dues record this income is the branch's retained share of (党费留存)")


class Expense(Strict):
    date: IsoDate
    item: RequiredText
    category: Optional[Text] = None
    amount: Money
    approved_by: Optional[Text] = None
    decision: Optional[RecordId] = Field(None, description="Id of the approving decision (required above norms.large_expense_yuan)")
    receipts: list[RequiredText] = Field(default_factory=list, description="Receipt files under content/attachments/")


class Audit(Strict):
    date: IsoDate
    auditor: RequiredText
    finding: Optional[Text] = None


class DuesRecord(RecordBase):
    kind: Choice("finance_kind")
    year: Count
    months: list[DuesMonth] = Field(default_factory=list, description="Monthly totals; computed from members when left out")
    members: list[DuesMember] = Field(default_factory=list, description="Per-member dues (members' site only)")

    @model_validator(mode="after")
    def _totals_from_members(self) -> "DuesRecord":
        if self.members and "months" not in self.model_fields_set:
            # Frozen model: set the computed totals once, here, as if written.
            object.__setattr__(self, "months", monthly_totals(self.members))
        return self


class FundsRecord(RecordBase):
    kind: Choice("finance_kind")
    period: RequiredText = Field(description="e.g. 2025年第一季度")
    period_start: Optional[IsoDate] = None
    period_end: Optional[IsoDate] = None
    opening_balance: SignedMoney
    income: list[Income] = TextList()
    expenses: list[Expense] = TextList()
    closing_balance: SignedMoney
    audit: Optional[Audit] = None


class FinanceKindOnly(BaseModel):
    """Used only to report a missing or unknown finance kind before picking a model."""

    model_config = ConfigDict(extra="allow")
    kind: Choice("finance_kind")
