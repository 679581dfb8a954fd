"""Finance records: a year's party dues per month, and a funds ledger for one period."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from .common import Choice, Count, IsoDate, Money, RecordBase, RecordId, RequiredText, SignedMoney, Strict, Text, TextList


class DuesMonth(Strict):
    month: Count
    members: Count
    due: Money
    paid: Money


class Income(Strict):
    date: IsoDate
    source: RequiredText
    amount: Money


class Expense(Strict):
    date: IsoDate
    item: RequiredText
    category: Optional[Text] = None
    amount: Money
    approved_by: Optional[Text] = None
    decision: Optional[RecordId] = Field(None, description="Id of the approving decision")
    receipts: list[RequiredText] = Field(default_factory=list, description="Receipt files under content/attachments/")


class Audit(Strict):
    date: IsoDate
    auditor: RequiredText
    finding: Optional[Text] = None


class DuesRecord(RecordBase):
    kind: Choice("finance_kind")
    year: Count
    months: list[DuesMonth] = TextList()


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
